//! The treatment history: one row per agent, picked from the drug catalogue with search;
//! its start, last dose or "ongoing", dose with unit and frequency, the date since which
//! the dose is unchanged, and the response. Every commit writes the whole history as one
//! audit entry, from the committed rows and whatever is typed. Below the rows, whether the
//! list is attested complete and the button that attests it: what is not listed is ruled
//! out only in a list attested complete.

use chrono::NaiveDate;
use egui::{Frame, Key, RichText, TextEdit, Ui};

use crate::input::Parsed;
use crate::input::date_text::{DateRule, date_text};
use crate::input::entry_text::{Composed, compose_date, number_field_text};
use crate::input::number_text::parse_number;
use crate::model::dictionary::ItemDef;
use crate::model::values::{Dose, DoseUnit, Exposure, Frequency, Response, Value};
use crate::report::screening_view::{HistoryAttestation, attestation_focus};
use crate::session::audit::Edit;
use crate::session::model::Entry;
use crate::status::Status;
use crate::ui::command::Command;
use crate::ui::field_draft::{Confirmation, ItemDraft, text_part_ui};
use crate::ui::patient_form_ui::{ConfirmChoice, FormContext, continuation_row_ui, draft_messages_ui, item_row_ui};
use crate::ui::pick_one_ui::pick_one_ui;
use crate::ui::theme;

const DOSE_UNITS: [DoseUnit; 3] = [DoseUnit::Mg, DoseUnit::G, DoseUnit::MgPerKg];
const FREQUENCIES: [Frequency; 8] = [
    Frequency::OnceDaily,
    Frequency::TwiceDaily,
    Frequency::ThreeTimesDaily,
    Frequency::FourTimesDaily,
    Frequency::Weekly,
    Frequency::EveryTwoWeeks,
    Frequency::EveryFourWeeks,
    Frequency::Monthly,
];
const RESPONSES: [Option<Response>; 4] =
    [None, Some(Response::Inadequate), Some(Response::Intolerant), Some(Response::Adequate)];

/// How many catalogue matches the search offers.
const SEARCH_RESULTS: usize = 8;

/// A change to the rows that is not typed text.
enum RowChange {
    Ongoing(usize, bool),
    DoseUnit(usize, DoseUnit),
    Frequency(usize, Frequency),
    Response(usize, Option<Response>),
    Remove(usize),
    Add(String),
}

/// The accessible name (and text) in English of the button that attests the list complete
/// (the window shows the message `treatment-attest` in the current language).
pub const ATTEST_BUTTON: &str = "Attest complete";

/// The treatment history item: its rows, then its attestation. The attestation comes after
/// the rows' commit, so a date typed and left by clicking "Attest complete" is committed
/// first and the attestation covers it.
pub fn treatment_table_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    history_rows_ui(ui, cx, item);
    attestation_ui(ui, cx, item);
}

/// Whether the list is attested complete, and the button that attests it as it stands.
fn attestation_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    let board = &cx.document.board();
    let history = &board.history;
    continuation_row_ui(ui, !cx.read_only, |ui| {
        ui.horizontal_wrapped(|ui| {
            let theme = ui.ctx().theme();
            let colour = match history {
                HistoryAttestation::Current { .. } => theme::status_colour(theme, Status::Met),
                HistoryAttestation::NotAttested | HistoryAttestation::Lapsed { .. } => theme::warning_colour(theme),
            };
            ui.add(egui::Label::new(RichText::new(&board.history_words).color(colour)).wrap());
            let button = ui
                .add_enabled(!history.is_current(), egui::Button::new(crate::i18n::text("treatment-attest")))
                .on_hover_text(crate::i18n::text("treatment-attest-hint"));
            cx.take_focus(&attestation_focus(&item.id), &button);
            if button.clicked() {
                // A history never entered is attested as an empty list: no treatment.
                if cx.value(&item.id).is_none() {
                    let entry = Entry::new(Value::Treatments(Vec::new()));
                    let edit = Edit::SetValue { item: item.id.clone(), entry: Some(entry) };
                    cx.commands.push(Command::Edit { edit, draft: None });
                }
                cx.commands.push(Command::Edit { edit: Edit::Attest { item: item.id.clone() }, draft: None });
                // Pressed from the keyboard, the button (now disabled) would drop the focus
                // and the next Tab would begin at the menu bar: the cursor goes on to the next
                // item instead.
                if ui.input(|input| input.key_pressed(egui::Key::Enter) || input.key_pressed(egui::Key::Space)) {
                    *cx.focus = cx.document.form_item_after(&cx.library.knowledge, Some(&item.id));
                }
            }
        });
    });
}

/// The rows of the history and the search that adds one.
fn history_rows_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let rows: &[Exposure] = match cx.value(&item.id) {
        Some(Value::Treatments(rows)) => rows,
        _ => &[],
    };
    let catalogue = &cx.library.knowledge.catalogue;
    let mut commit = false;
    let mut change = None;
    let choice = item_row_ui(ui, item, !cx.read_only, |ui, _| {
        if rows.is_empty() {
            ui.label(RichText::new(crate::i18n::text("treatment-none")).weak());
        }
        for (index, row) in rows.iter().enumerate() {
            let knowledge = &cx.library.knowledge;
            let agent = catalogue.agent(&row.agent);
            let agent_index = knowledge.agent_idx(&row.agent);
            let agent_name =
                agent_index.and_then(|index| knowledge.agent_name(usize::from(index))).unwrap_or(row.agent.as_str());
            let name = if rows.iter().filter(|r| r.agent == row.agent).count() > 1 {
                format!("{agent_name} ({})", index + 1)
            } else {
                agent_name.to_owned()
            };
            Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&name).strong());
                    if let Some(index) = agent_index.filter(|_| agent.is_some()) {
                        let classes: Vec<&str> = knowledge.class_labels(knowledge.agent_class_mask(index)).collect();
                        ui.label(RichText::new(classes.join(", ")).small().weak());
                    }
                    if ui
                        .small_button(crate::i18n::text("treatment-remove"))
                        .accessible_name(crate::i18n::text_with("treatment-remove-name", &[("name", name.clone())]))
                        .clicked()
                    {
                        change = Some(RowChange::Remove(index));
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    let date_part =
                        |ui: &mut Ui, draft: &mut ItemDraft, field: &str, label: &str, date: Option<NaiveDate>| {
                            // `label` is the id of the words; the accessible name adds the
                            // treatment's name to them.
                            ui.label(RichText::new(crate::i18n::text(label)).weak());
                            let committed = date.map(date_text).unwrap_or_default();
                            let part = format!("r{index}.{field}");
                            let accessible = crate::i18n::text_with(
                                if field == "start" { "treatment-start-name" } else { "treatment-last-dose-name" },
                                &[("name", name.clone())],
                            );
                            text_part_ui(
                                ui,
                                draft,
                                id,
                                &part,
                                &committed,
                                &accessible,
                                92.0,
                                &crate::i18n::text("hint-date"),
                            )
                            .commit
                        };
                    commit |= date_part(ui, &mut draft, "start", "treatment-start", row.start);
                    if !row.ongoing {
                        commit |= date_part(ui, &mut draft, "last", "treatment-last-dose", row.last_dose);
                    }
                    let mut ongoing = row.ongoing;
                    // An id of its own: ticking it hides "last dose" before it, which would
                    // change an automatic id and drop the keyboard focus (egui's automatic
                    // ids count the widgets before them, even in a `push_id` scope).
                    let scope = egui::UiBuilder::new().scope_id(id.with((index, "ongoing")));
                    let checkbox = ui
                        .scope_builder(scope, |ui| ui.checkbox(&mut ongoing, crate::i18n::text("answer-ongoing")))
                        .inner;
                    let accessible = crate::i18n::text_with("treatment-ongoing-name", &[("name", name.clone())]);
                    if checkbox.accessible_name(accessible).changed() {
                        change = Some(RowChange::Ongoing(index, ongoing));
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(crate::i18n::text("treatment-dose")).weak());
                    let amount = row.dose.map(|d| number_field_text(d.amount)).unwrap_or_default();
                    let part = format!("r{index}.amount");
                    let dose_name = crate::i18n::text_with("treatment-dose-name", &[("name", name.clone())]);
                    commit |= text_part_ui(ui, &mut draft, id, &part, &amount, &dose_name, 56.0, "").commit;
                    // A unit or frequency needs an amount first.
                    ui.add_enabled_ui(row.dose.is_some(), |ui| {
                        let unit = row.dose.map_or(DoseUnit::Mg, |d| d.unit);
                        let (response, picked) = pick_one_ui(
                            ui,
                            id.with((index, "unit")),
                            &unit,
                            &DOSE_UNITS,
                            |u| u.symbol().to_owned(),
                            64.0,
                        );
                        let _named = response
                            .accessible_name(crate::i18n::text_with("treatment-unit-name", &[("name", name.clone())]));
                        if let Some(unit) = picked {
                            change = Some(RowChange::DoseUnit(index, unit));
                        }
                        let frequency = row.dose.map_or(Frequency::OnceDaily, |d| d.frequency);
                        let (response, picked) = pick_one_ui(
                            ui,
                            id.with((index, "frequency")),
                            &frequency,
                            &FREQUENCIES,
                            |f| crate::i18n::text(f.message_id()),
                            120.0,
                        );
                        let _named = response.accessible_name(crate::i18n::text_with(
                            "treatment-frequency-name",
                            &[("name", name.clone())],
                        ));
                        if let Some(frequency) = picked {
                            change = Some(RowChange::Frequency(index, frequency));
                        }
                    });
                    ui.label(RichText::new(crate::i18n::text("treatment-since")).weak());
                    let since = row.dose_since.map(date_text).unwrap_or_default();
                    let part = format!("r{index}.since");
                    let accessible = crate::i18n::text_with("treatment-since-name", &[("name", name.clone())]);
                    commit |= text_part_ui(
                        ui,
                        &mut draft,
                        id,
                        &part,
                        &since,
                        &accessible,
                        92.0,
                        &crate::i18n::text("hint-date"),
                    )
                    .commit;
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(crate::i18n::text("treatment-response")).weak());
                    let (response, picked) = pick_one_ui(
                        ui,
                        id.with((index, "response")),
                        &row.response,
                        &RESPONSES,
                        |r| crate::i18n::text(r.map_or("treatment-not-entered", Response::message_id)),
                        160.0,
                    );
                    let _named = response
                        .accessible_name(crate::i18n::text_with("treatment-response-name", &[("name", name.clone())]));
                    if let Some(response) = picked {
                        change = Some(RowChange::Response(index, response));
                    }
                });
            });
        }
        add_treatment_ui(ui, cx, item, id, &mut change);
        if matches!(change, Some(RowChange::Add(_))) {
            // The cursor goes on to the new row's start date (Enter in the search used to
            // leave nothing focused, so the next Tab began again at the menu bar).
            let start = crate::ui::field_draft::part_id(id, &format!("r{}.start", rows.len()));
            ui.memory_mut(|memory| memory.request_focus(start));
        }
        draft_messages_ui(ui, &draft, &crate::i18n::text("treatment-keep-dates"))
    });
    // The rows are copied only when something changes: this runs every frame.
    if !commit && choice != ConfirmChoice::Keep && change.is_none() {
        draft.store(ui, id);
        return;
    }
    let mut edited = rows.to_vec();
    match change {
        Some(RowChange::Ongoing(index, ongoing)) => {
            if let Some(row) = edited.get_mut(index) {
                row.ongoing = ongoing;
                if ongoing {
                    row.last_dose = None;
                }
            }
        }
        Some(RowChange::DoseUnit(index, unit)) => set_dose(&mut edited, index, |dose| dose.unit = unit),
        Some(RowChange::Frequency(index, frequency)) => set_dose(&mut edited, index, |dose| dose.frequency = frequency),
        Some(RowChange::Response(index, response)) => {
            if let Some(row) = edited.get_mut(index) {
                row.response = response;
            }
        }
        Some(RowChange::Remove(index)) if index < edited.len() => {
            edited.remove(index);
            // Typed text belonged to row positions that have moved.
            draft = ItemDraft::default();
        }
        Some(RowChange::Add(agent)) => edited.push(Exposure {
            agent,
            start: None,
            last_dose: None,
            ongoing: false,
            dose: None,
            dose_since: None,
            response: None,
        }),
        Some(RowChange::Remove(_)) | None => {}
    }
    if commit || choice == ConfirmChoice::Keep || edited != rows {
        match apply_typed(&edited, &draft, cx.today, choice == ConfirmChoice::Keep) {
            Composed::Ready(rows) => {
                if !cx.commit(&item.id, Some(Value::Treatments(rows)), None) {
                    draft = ItemDraft::default();
                }
            }
            Composed::Invalid(message) => draft.message = Some(message),
            Composed::Confirm { message, suggested_unit } => {
                draft.confirmation = Some(Confirmation { message, suggested_unit });
            }
        }
    }
    draft.store(ui, id);
}

/// Changes a row's dose, if it has one (a unit or frequency needs an amount first).
fn set_dose(rows: &mut [Exposure], index: usize, change: impl FnOnce(&mut Dose)) {
    if let Some(dose) = rows.get_mut(index).and_then(|row| row.dose.as_mut()) {
        change(dose);
    }
}

/// The rows with every typed part applied.
fn apply_typed(rows: &[Exposure], draft: &ItemDraft, today: NaiveDate, confirmed: bool) -> Composed<Vec<Exposure>> {
    let mut rows = rows.to_vec();
    let mut warnings = Vec::new();
    for (index, row) in rows.iter_mut().enumerate() {
        let typed = |field: &str| draft.texts.get(&format!("r{index}.{field}"));
        for (field, slot) in [("start", &mut row.start), ("last", &mut row.last_dose), ("since", &mut row.dose_since)] {
            let Some(text) = typed(field) else { continue };
            match compose_date(text, today, DateRule::Past, confirmed) {
                Composed::Ready(date) => *slot = date,
                Composed::Invalid(message) => return Composed::Invalid(message),
                Composed::Confirm { message, .. } => warnings.push(message),
            }
        }
        if let Some(text) = typed("amount") {
            match parse_number(text) {
                Parsed::Empty => row.dose = None,
                Parsed::Value(amount) if amount > 0.0 => {
                    let (unit, frequency) =
                        row.dose.map_or((DoseUnit::Mg, Frequency::OnceDaily), |d| (d.unit, d.frequency));
                    row.dose = Some(Dose { amount, unit, frequency });
                }
                Parsed::Value(_) => return Composed::Invalid(crate::i18n::text("treatment-dose-above-zero")),
                Parsed::Invalid(message) => {
                    return Composed::Invalid(crate::i18n::text_with(
                        "treatment-dose-invalid",
                        &[("message", message)],
                    ));
                }
            }
        }
    }
    if warnings.is_empty() {
        Composed::Ready(rows)
    } else {
        Composed::Confirm { message: warnings.join("; "), suggested_unit: None }
    }
}

/// The search over the drug catalogue that adds a row.
fn add_treatment_ui(
    ui: &mut Ui,
    cx: &mut FormContext<'_>,
    item: &ItemDef,
    id: egui::Id,
    change: &mut Option<RowChange>,
) {
    let search_id = id.with("search");
    let highlight_id = id.with("search highlight");
    let mut query: String = ui.data(|data| data.get_temp(search_id)).unwrap_or_default();
    let response = ui
        .horizontal(|ui| {
            ui.label(crate::i18n::text("treatment-add"));
            let hint = crate::i18n::text("treatment-search-hint");
            let response = ui
                .add(
                    TextEdit::singleline(&mut query)
                        .desired_width(160.0_f32.max(crate::ui::field_draft::hint_width(ui, &hint)))
                        .hint_text(hint),
                )
                .accessible_name(crate::i18n::text("treatment-search-name"))
                .on_hover_text(crate::i18n::text("treatment-search-keys"));
            // The still-needed list leads here: the search is where a history starts.
            cx.take_focus(&item.id, &response);
            if response.changed() {
                ui.data_mut(|data| {
                    data.insert_temp(search_id, query.clone());
                    data.insert_temp(highlight_id, 0_usize);
                });
            }
            response
        })
        .inner;
    if query.trim().is_empty() {
        return;
    }
    let knowledge = &cx.library.knowledge;
    let mut matches = knowledge.search_agents(&query);
    matches.truncate(SEARCH_RESULTS);
    if matches.is_empty() {
        ui.label(
            RichText::new(crate::i18n::text_with("treatment-no-match", &[("query", query.trim().to_owned())])).weak(),
        );
        return;
    }
    // The highlighted match: the first, moved with the arrow keys while the search has the
    // focus; Enter in the search adds it.
    let mut highlighted: usize = ui.data(|data| data.get_temp(highlight_id)).unwrap_or(0).min(matches.len() - 1);
    if response.has_focus() {
        let (down, up) = ui.input(|input| (input.key_pressed(Key::ArrowDown), input.key_pressed(Key::ArrowUp)));
        if down {
            highlighted = (highlighted + 1).min(matches.len() - 1);
        }
        if up {
            highlighted = highlighted.saturating_sub(1);
        }
        ui.data_mut(|data| data.insert_temp(highlight_id, highlighted));
    }
    let entered = response.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
    ui.horizontal_wrapped(|ui| {
        for (index, agent) in matches.into_iter().enumerate() {
            let name = knowledge
                .agent_idx(&agent.id)
                .and_then(|index| knowledge.agent_name(usize::from(index)))
                .unwrap_or(agent.name.as_str());
            let button =
                egui::Button::new(crate::i18n::text_with("treatment-add-agent", &[("agent", name.to_owned())]))
                    .selected(index == highlighted);
            if ui.add(button).clicked() || (entered && index == highlighted) {
                *change = Some(RowChange::Add(agent.id.clone()));
                ui.data_mut(|data| {
                    data.remove::<String>(search_id);
                    data.remove::<usize>(highlight_id);
                });
            }
        }
    });
}
