//! The visit itself: participant code, investigator, reference dates, the protocols
//! screened for and the cohort of a multi-cohort protocol. Each is its own audit entry.

use egui::{Grid, RichText, Ui};

use crate::i18n::text;
use crate::input::date_text::{DateRule, date_text};
use crate::input::entry_text::{Composed, compose_date};
use crate::library::LoadedProtocol;
use crate::session::audit::Edit;
use crate::session::model::{ProtocolRef, ReferenceDates};
use crate::ui::command::Command;
use crate::ui::field_draft::{Confirmation, ItemDraft, draft_id, text_part_ui};
use crate::ui::form_section_ui::form_section_ui;
use crate::ui::patient_form_ui::{ConfirmChoice, FormContext, draft_messages_ui};
use crate::ui::pick_one_ui::pick_one_ui;
use crate::ui::theme;

/// The draft key of the visit section.
pub const VISIT_DRAFT: &str = "visit";

/// The reference dates, by draft part: (part, label, rule).
const DATES: [(&str, &str); 3] =
    [("screening", "visit-screening-date"), ("consent", "visit-consent-date"), ("enrollment", "visit-enrollment-date")];

/// The visit section of the form.
pub fn visit_section_ui(ui: &mut Ui, cx: &mut FormContext<'_>) {
    let id = draft_id(cx.document.generation(), VISIT_DRAFT);
    let mut draft = ItemDraft::load(ui, id);
    let session = &cx.document.session();
    let mut edits: Vec<Edit> = Vec::new();
    let mut date_commit = None;
    let choice = form_section_ui(ui, "form section visit", &text("visit-heading"), false, |ui| {
        ui.add_enabled_ui(!cx.read_only, |ui| {
            Grid::new(id.with("grid")).num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
                let label = ui.label(text("visit-participant-code"));
                let name = text("visit-participant-code");
                let part = text_part_ui(ui, &mut draft, id, "code", &session.participant_code, &name, 160.0, "");
                let _named = part.response.clone().labelled_by(label.id);
                if part.commit {
                    let code = draft.text("code", &session.participant_code).trim().to_owned();
                    if code.is_empty() {
                        draft.message = Some(text("visit-code-empty"));
                    } else {
                        edits.push(Edit::SetParticipantCode(code));
                    }
                }
                ui.end_row();
                let label = ui.label(text("visit-investigator"));
                let investigator = session.investigator.clone().unwrap_or_default();
                let (name, hint) = (text("visit-investigator"), text("hint-name"));
                let part = text_part_ui(ui, &mut draft, id, "investigator", &investigator, &name, 200.0, &hint);
                let _named = part.response.clone().labelled_by(label.id);
                cx.take_focus("investigator", &part.response);
                if part.commit {
                    let name = draft.text("investigator", &investigator).trim().to_owned();
                    edits.push(Edit::SetInvestigator((!name.is_empty()).then_some(name)));
                }
                ui.end_row();
                let dates = session.dates;
                let committed =
                    [Some(date_text(dates.screening)), dates.consent.map(date_text), dates.enrollment.map(date_text)];
                for ((part, label), committed) in DATES.into_iter().zip(committed) {
                    let label = &text(label);
                    let label_response = ui.label(label);
                    let committed = committed.unwrap_or_default();
                    let hint = &text(if part == "enrollment" { "hint-not-yet-known" } else { "hint-date" });
                    let output = text_part_ui(ui, &mut draft, id, part, &committed, label, 92.0, hint);
                    let _named = output.response.clone().labelled_by(label_response.id);
                    if output.commit {
                        date_commit = Some(part);
                    }
                    ui.end_row();
                }
            });
            if session.investigator.as_deref().is_none_or(|name| name.trim().is_empty()) {
                ui.label(
                    RichText::new(text("visit-enter-investigator")).color(theme::warning_colour(ui.ctx().theme())),
                );
            }
            protocols_ui(ui, cx, &mut edits);
            draft_messages_ui(ui, &draft, &crate::i18n::text("field-keep-date"))
        })
        .inner
    })
    .unwrap_or(ConfirmChoice::None);
    let confirmed = choice == ConfirmChoice::Keep;
    if date_commit.is_some() || confirmed {
        match compose_dates(&draft, cx.document.session().dates, cx.today, confirmed) {
            Composed::Ready(dates) => edits.push(Edit::SetDates(dates)),
            Composed::Invalid(message) => draft.message = Some(message),
            Composed::Confirm { message, suggested_unit } => {
                draft.confirmation = Some(Confirmation { message, suggested_unit });
            }
        }
    }
    let queued = !edits.is_empty();
    for edit in edits {
        cx.commands.push(Command::Edit { edit, draft: Some(id) });
    }
    if !queued && (date_commit.is_some() || confirmed) && draft.message.is_none() && draft.confirmation.is_none() {
        draft = ItemDraft::default();
    }
    draft.store(ui, id);
}

/// The reference dates with every typed date applied.
fn compose_dates(
    draft: &ItemDraft,
    committed: ReferenceDates,
    today: chrono::NaiveDate,
    confirmed: bool,
) -> Composed<ReferenceDates> {
    let mut dates = committed;
    let mut warnings = Vec::new();
    for (part, label) in DATES {
        let label = text(label);
        let Some(typed) = draft.texts.get(part) else { continue };
        let rule = if part == "consent" { DateRule::Past } else { DateRule::Planned };
        let date = match compose_date(typed, today, rule, confirmed) {
            Composed::Ready(date) => date,
            Composed::Invalid(message) => return Composed::Invalid(format!("{label}: {message}")),
            Composed::Confirm { message, .. } => {
                warnings.push(format!("{label}: {message}"));
                continue;
            }
        };
        match (part, date) {
            ("screening", Some(date)) => dates.screening = date,
            ("screening", None) => return Composed::Invalid(text("visit-screening-date-required")),
            ("consent", date) => dates.consent = date,
            (_, date) => dates.enrollment = date,
        }
    }
    if warnings.is_empty() {
        Composed::Ready(dates)
    } else {
        Composed::Confirm { message: warnings.join("; "), suggested_unit: None }
    }
}

/// A drop-down of a protocol's cohorts, named "Cohort of <protocol id>"; returns the
/// cohort picked this frame.
pub fn cohort_picker_ui(
    ui: &mut Ui,
    id: egui::Id,
    loaded: &LoadedProtocol,
    current: &Option<String>,
) -> (egui::Response, Option<Option<String>>) {
    let protocol = &loaded.compiled.protocol;
    let options: Vec<Option<String>> = protocol.cohorts.iter().map(|c| Some(c.id.clone())).collect();
    let label = |cohort: &Option<String>| {
        cohort
            .as_deref()
            .and_then(|c| loaded.cohort_label(c))
            .map_or_else(|| text("visit-choose-cohort"), str::to_owned)
    };
    let (response, picked) = pick_one_ui(ui, id, current, &options, label, 240.0);
    (
        response.accessible_name(crate::i18n::text_with("visit-cohort-name", &[("protocol", protocol.id.clone())])),
        picked,
    )
}

/// The protocols screened for, and each multi-cohort protocol's cohort.
fn protocols_ui(ui: &mut Ui, cx: &FormContext<'_>, edits: &mut Vec<Edit>) {
    let selected = &cx.document.session().protocols;
    ui.add_space(4.0);
    ui.label(text("visit-protocols"));
    let mut ids: Vec<&str> = cx.library.protocols().iter().map(|p| p.compiled.protocol.id.as_str()).collect();
    ids.dedup();
    for id in ids {
        let reference = selected.iter().find(|r| r.id == id);
        let loaded = match reference {
            Some(reference) => cx.library.get(&reference.id, reference.version),
            None => cx.library.latest(id),
        };
        let Some(loaded) = loaded else { continue };
        let protocol = &loaded.compiled.protocol;
        ui.horizontal_wrapped(|ui| {
            let mut checked = reference.is_some();
            // The id keeps the line short enough for a narrow panel; the title is on hover.
            let text = format!("{} v{}", protocol.id, protocol.version);
            let response = ui.checkbox(&mut checked, text).on_hover_text(loaded.title());
            if response.changed() {
                let mut protocols: Vec<ProtocolRef> = selected.clone();
                if checked {
                    protocols.push(ProtocolRef {
                        id: protocol.id.clone(),
                        version: protocol.version,
                        sha256: Some(loaded.sha256.clone()),
                        vocabulary: Some(loaded.vocabulary_sha256.clone()),
                        cohort: None,
                    });
                } else if protocols.len() > 1 {
                    protocols.retain(|r| r.id != protocol.id);
                }
                edits.push(Edit::SetProtocols(protocols));
            }
            if let Some(reference) = reference.filter(|_| !protocol.cohorts.is_empty()) {
                let (_, picked) =
                    cohort_picker_ui(ui, egui::Id::unique(("cohort", &protocol.id)), loaded, &reference.cohort);
                if let Some(chosen) = picked {
                    let protocols = selected
                        .iter()
                        .map(|r| {
                            if r.id == protocol.id {
                                ProtocolRef { cohort: chosen.clone(), ..r.clone() }
                            } else {
                                r.clone()
                            }
                        })
                        .collect();
                    edits.push(Edit::SetProtocols(protocols));
                }
            }
        });
    }
}
