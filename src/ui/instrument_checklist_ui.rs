//! A checklist instrument (SLEDAI-2K, 2019 EULAR/ACR, BVAS, …): every item present, absent
//! or not assessed (or its level, or its number), grouped as the published form groups
//! them, with the running score. Unassessed items make the score a range, never a silent
//! zero; items whose weight is not verified against the official form say so.

use egui::{RichText, Ui};

use crate::calculators::instrument_words::{group_label, item_label};
use crate::calculators::{Answer, AnswerKind, Answers, Classification, InstrumentId, InstrumentReport, ItemSpec};
use crate::i18n;
use crate::input::Parsed;
use crate::input::date_text::date_text;
use crate::input::entry_text::{number_field_text, parse_sample_date};
use crate::input::number_text::parse_number;
use crate::model::dictionary::ItemDef;
use crate::model::number_format::entered as number;
use crate::model::values::{Assessment, Value};
use crate::ui::answer_field_ui::option_name;
use crate::ui::disclosure_ui::{disclosure_ui, set_disclosed};
use crate::ui::field_draft::{ItemDraft, date_part_ui, text_part_ui};
use crate::ui::patient_form_ui::{ConfirmChoice, FormContext, draft_messages_ui, item_row_ui};
use crate::ui::pick_one_ui::pick_one_ui;
use crate::ui::radio_group_ui::{GroupOption, radio_group_ui};
use crate::ui::theme;

/// Graded items with more levels than this show a drop-down instead of radio buttons.
const MAX_RADIO_LEVELS: usize = 4;

/// The running score in words: "score 10", "score 4–16 (3 items not assessed)".
pub fn score_words(report: &InstrumentReport) -> String {
    let mut words = match report.exact() {
        Some(score) => i18n::text_with("checklist-score", &[("score", number(score))]),
        None => {
            let count = report.unassessed.len();
            let range = [("min", number(report.min)), ("max", number(report.max)), ("count", count.to_string())];
            match count {
                1 => i18n::text_with("checklist-score-range-one", &range[..2]),
                _ => i18n::text_with("checklist-score-range", &range),
            }
        }
    };
    if let Some(classification) = report.classification {
        let id = match classification {
            Classification::Classified => "checklist-classified",
            Classification::NotClassified => "checklist-not-classified",
            Classification::EntryNotMet => "checklist-entry-not-met",
            Classification::Excluded => "checklist-excluded",
            Classification::Undetermined => "checklist-undetermined",
        };
        words.push_str(&i18n::text_with("checklist-classification", &[("words", i18n::text(id))]));
    }
    if let Some(category) = report.category {
        words.push_str(&format!(", {category}"));
    }
    words
}

/// One instrument item of the form.
pub fn instrument_checklist_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef, instrument: InstrumentId) {
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let empty = Assessment::default();
    let assessment = match cx.value(&item.id) {
        Some(Value::Instrument(assessment)) => assessment,
        _ => &empty,
    };
    let score = match cx.document.scores().get(&item.id) {
        Some(Ok(report)) => score_words(report),
        Some(Err(error)) => i18n::text_with("checklist-cannot-score", &[("error", error.to_string())]),
        None => String::new(),
    };
    let wants_focus = cx.focus.as_deref() == Some(item.id.as_str());
    // The answers are copied only when one changes: this runs every frame.
    let mut changed: Option<Answers> = None;
    let mut commit = false;
    let items_id = id.with("items shown");
    if wants_focus {
        set_disclosed(ui.ctx(), items_id, true);
    }
    // The score stays in view with the items hidden; the items open below, full width.
    let show_items = item_row_ui(ui, item, true, |ui, label| {
        ui.add(egui::Label::new(RichText::new(&score).strong()).wrap());
        let name = i18n::text_with("checklist-items-name", &[("item", item.label.clone())]);
        let shown = disclosure_ui(ui, items_id, &i18n::text("checklist-items"), name);
        // Activity assessments are results, dated; a classification checklist is cumulative.
        ui.horizontal(|ui| {
            if !item.dated {
                return;
            }
            ui.add_enabled_ui(!cx.read_only, |ui| {
                ui.label(RichText::new(i18n::text("field-date")).weak());
                let committed = cx.date(&item.id).map(date_text).unwrap_or_default();
                let name = crate::ui::answer_field_ui::date_part_name(&item.label);
                let part = date_part_ui(ui, &mut draft, id, &committed, &name, 92.0);
                let _named = part.response.clone().labelled_by(label);
                cx.take_focus(&item.id, &part.response);
                commit |= part.commit;
            });
        });
        shown
    });
    let choice = ui
        .indent(id.with("items"), |ui| {
            ui.add_enabled_ui(!cx.read_only, |ui| {
                if show_items {
                    let mut group = None;
                    for spec in instrument.items() {
                        if spec.group != group {
                            group = spec.group;
                            if let Some(group) = group {
                                ui.add_space(4.0);
                                ui.label(theme::bold(group_label(instrument, group)));
                            }
                        }
                        let (typed, answer) =
                            answer_row_ui(ui, &mut draft, (id, instrument), spec, &assessment.answers);
                        commit |= typed;
                        if let Some(answer) = answer {
                            let answers = changed.get_or_insert_with(|| assessment.answers.clone());
                            match answer {
                                Some(answer) => answers.insert(spec.key.to_owned(), answer),
                                None => answers.remove(spec.key),
                            };
                        }
                    }
                }
                draft_messages_ui(ui, &draft, &i18n::text("field-keep-date"))
            })
            .inner
        })
        .inner;
    if commit || choice == ConfirmChoice::Keep || changed.is_some() {
        let mut answers = changed.unwrap_or_else(|| assessment.answers.clone());
        let committed_date = cx.date(&item.id).map(date_text).unwrap_or_default();
        let date_text = draft.text("date", &committed_date);
        match parse_sample_date(&date_text, cx.today) {
            Ok(date) => {
                let numbers = typed_numbers(instrument, &draft, &mut answers);
                match numbers {
                    Ok(()) => {
                        let value = (!answers.is_empty() || date.is_some())
                            .then_some((Value::Instrument(Assessment { answers }), date));
                        if !cx.commit_dated(&item.id, value, None) {
                            draft = ItemDraft::default();
                        }
                    }
                    Err(message) => draft.message = Some(message),
                }
            }
            Err(message) => draft.message = Some(message),
        }
    }
    draft.store(ui, id);
}

/// Applies typed numeric answers ("k.<key>" parts) to the answers.
fn typed_numbers(instrument: InstrumentId, draft: &ItemDraft, answers: &mut Answers) -> Result<(), String> {
    for spec in instrument.items() {
        let AnswerKind::Number { min, max, unit } = spec.answer else { continue };
        let Some(text) = draft.texts.get(&format!("k.{}", spec.key)) else { continue };
        match parse_number(text) {
            Parsed::Empty => {
                answers.remove(spec.key);
            }
            Parsed::Value(value) if (min..=max).contains(&value) => {
                answers.insert(spec.key.to_owned(), Answer::Number(value));
            }
            Parsed::Value(value) => {
                return Err(i18n::text_with(
                    "checklist-outside",
                    &[
                        ("item", item_label(instrument, spec).to_owned()),
                        ("value", number(value)),
                        ("unit", unit.to_owned()),
                        ("min", number(min)),
                        ("max", number(max)),
                    ],
                ));
            }
            Parsed::Invalid(message) => {
                return Err(i18n::text_with(
                    "checklist-invalid",
                    &[("item", item_label(instrument, spec).to_owned()), ("message", message)],
                ));
            }
        }
    }
    Ok(())
}

/// One item of the instrument: whether a typed number asks for a commit, and the answer
/// clicked (`Some(None)`: "not assessed").
fn answer_row_ui(
    ui: &mut Ui,
    draft: &mut ItemDraft,
    (id, instrument): (egui::Id, InstrumentId),
    spec: &ItemSpec,
    answers: &Answers,
) -> (bool, Option<Option<Answer>>) {
    let shown_label = item_label(instrument, spec);
    let current = answers.get(spec.key).copied();
    let mut commit = false;
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        let mut label = RichText::new(shown_label);
        if !spec.points.is_empty() {
            label = RichText::new(format!("{shown_label} ({})", spec.points));
        }
        ui.label(label);
        if !spec.verified {
            let colour = theme::warning_colour(ui.ctx().theme());
            ui.label(RichText::new(i18n::text("checklist-unverified")).small().color(colour))
                .on_hover_text(i18n::text("checklist-unverified-hint"));
        }
        let mut set = |answer: Option<Answer>| clicked = Some(answer);
        match spec.answer {
            AnswerKind::Presence => {
                // One Tab stop; p, a, n answer; ← → step (`radio_group_ui`).
                // The keys stay the English words' letters in every language.
                let options = [
                    (Some(Answer::Present), "present", "checklist-present"),
                    (Some(Answer::Absent), "absent", "checklist-absent"),
                    (None, "not assessed", "checklist-not-assessed"),
                ];
                let chosen = options.iter().position(|(answer, ..)| current == *answer);
                let shown = options.map(|(_, key, message)| GroupOption {
                    text: i18n::word(message),
                    name: option_name(shown_label, i18n::word(message)),
                    key,
                });
                let not_assessed = options.iter().position(|(answer, ..)| answer.is_none());
                let group = radio_group_ui(ui, id.with(("presence", spec.key)), &shown, chosen, not_assessed, true);
                if let Some(picked) = group.picked {
                    set(picked.and_then(|index| options.get(index)).and_then(|(answer, ..)| *answer));
                }
            }
            AnswerKind::Level { allowed } if allowed.len() <= MAX_RADIO_LEVELS => {
                for level in allowed {
                    let answer = Some(Answer::Level(*level));
                    let word = level.to_string();
                    if ui.radio(current == answer, &word).accessible_name(option_name(shown_label, &word)).clicked() {
                        set(answer);
                    }
                }
                if ui
                    .radio(current.is_none(), i18n::word("checklist-not-assessed"))
                    .accessible_name(option_name(shown_label, i18n::word("checklist-not-assessed")))
                    .clicked()
                {
                    set(None);
                }
            }
            AnswerKind::Level { allowed } => {
                let options: Vec<Option<Answer>> =
                    std::iter::once(None).chain(allowed.iter().map(|level| Some(Answer::Level(*level)))).collect();
                let label = |answer: &Option<Answer>| match answer {
                    Some(Answer::Level(level)) => level.to_string(),
                    _ => i18n::text("checklist-not-assessed"),
                };
                let (response, picked) = pick_one_ui(ui, id.with(("level", spec.key)), &current, &options, label, 96.0);
                let _named = response.accessible_name(shown_label);
                if let Some(answer) = picked {
                    set(answer);
                }
            }
            AnswerKind::Number { unit, .. } => {
                let committed = match current {
                    Some(Answer::Number(value)) => number_field_text(value),
                    _ => String::new(),
                };
                let part = format!("k.{}", spec.key);
                commit = text_part_ui(ui, draft, id, &part, &committed, shown_label, 56.0, "").commit;
                ui.label(unit);
            }
        }
    });
    (commit, clicked)
}
