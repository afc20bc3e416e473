//! "Override…" on a failing criterion whose protocol grants a discretion: the dialog quotes
//! the discretion, asks its questions (answers are patient items, set through the audit
//! trail like any other), and records the override with a reason and the investigator's
//! name. When the conditions fail (active bleeding) the engine refuses the override and
//! the dialog says so plainly.

use egui::{RichText, Ui};

use crate::app::workspace::Workspace;
use crate::model::values::{Value, YesNo};
use crate::report::screening_view::DiscretionView;
use crate::session::audit::Edit;
use crate::session::model::{DecisionKind, Entry};
use crate::ui::dialog_frame::{
    DialogResult, Request, apply_buttons_ui, error_line_ui, line_field_ui, modal_ui, reason_field_ui,
};
use crate::ui::theme;

/// The override dialog's fields.
pub struct OverrideFields<'a> {
    /// The id of the protocol the criterion belongs to.
    pub protocol: &'a str,
    /// The criterion's id.
    pub criterion: &'a str,
    /// The reason as typed; required.
    pub reason: &'a mut String,
    /// Who records the override, as typed; required.
    pub by: &'a mut String,
    /// Why the last attempt failed, shown in the dialog.
    pub message: &'a mut Option<String>,
}

/// The override dialog.
pub fn override_dialog_ui(ctx: &egui::Context, fields: OverrideFields<'_>, workspace: &Workspace) -> DialogResult {
    let OverrideFields { protocol, criterion, reason, by, message } = fields;
    let Some(document) = workspace.document() else { return DialogResult::Close };
    let Some(row) = document.board().criterion(protocol, criterion).cloned() else { return DialogResult::Close };
    let title =
        crate::i18n::text_with("override-title", &[("criterion", criterion.to_string()), ("title", row.title.clone())]);
    modal_ui(ctx, &title, |ui| {
        let theme = ui.ctx().theme();
        let text = match &row.discretion {
            DiscretionView::Available(text)
            | DiscretionView::Refused { text, .. }
            | DiscretionView::Applied { text, .. } => Some(text.clone()),
            DiscretionView::None | DiscretionView::Unneeded { .. } => None,
        };
        let Some(text) = text else {
            ui.label(crate::i18n::text("override-not-needed"));
            return if ui.button(crate::i18n::text("dialog-close")).clicked() {
                DialogResult::Close
            } else {
                DialogResult::Stay
            };
        };
        ui.add(egui::Label::new(RichText::new(format!("“{}”", text.source_text)).italics()).wrap());
        ui.add_space(6.0);
        ui.label(theme::bold(crate::i18n::text("override-conditions")));
        let mut answered = true;
        let mut answer = None;
        for question in &text.questions {
            answered &= question_ui(ui, workspace, question, &mut answer);
        }
        let Some(row) = workspace.document().and_then(|d| d.board().criterion(protocol, criterion)).cloned() else {
            return DialogResult::Close;
        };
        let refused = match &row.discretion {
            DiscretionView::Refused { why, .. } => Some(why.clone()),
            _ => None,
        };
        if let Some(why) = &refused {
            ui.add(
                egui::Label::new(
                    RichText::new(crate::i18n::text_with("override-refused", &[("why", why.to_string())]))
                        .color(theme::error_colour(theme)),
                )
                .wrap(),
            );
        } else if !answered {
            ui.label(RichText::new(crate::i18n::text("override-answer-all")).weak());
        }
        ui.add_space(6.0);
        reason_field_ui(ui, &crate::i18n::text("dialog-reason"), reason);
        line_field_ui(ui, &crate::i18n::text("dialog-investigator-name"), by);
        if refused.is_none() && answered && reason.trim().is_empty() {
            ui.label(RichText::new(crate::i18n::text("override-give-reason")).weak());
        }
        error_line_ui(ui, message);
        let can_record = refused.is_none()
            && answered
            && !reason.trim().is_empty()
            && !by.trim().is_empty()
            && !workspace_signed(workspace);
        let result = apply_buttons_ui(ui, &crate::i18n::text("override-record"), can_record, message, || {
            let decision = workspace
                .decision(protocol, criterion, DecisionKind::Override, reason.trim().to_owned(), by.trim().to_owned())
                .ok_or_else(|| format!("{criterion} is not a criterion of {protocol}"))?;
            Ok(DialogResult::Request { request: Box::new(Request::Edit(Edit::Decide(decision))), close: true })
        });
        match (result, answer) {
            // An answer to a condition is recorded at once; the dialog stays open.
            (DialogResult::Stay, Some(edit)) => {
                DialogResult::Request { request: Box::new(Request::Edit(edit)), close: false }
            }
            (result, _) => result,
        }
    })
}

fn workspace_signed(workspace: &Workspace) -> bool {
    workspace.document().is_some_and(|d| d.session().is_signed())
}

/// After an override was recorded: why the engine did not apply it, if it did not (the app
/// then keeps the dialog open with this).
pub fn override_refusal(workspace: &Workspace, protocol: &str, criterion: &str) -> Option<String> {
    match workspace.document().and_then(|d| d.board().criterion(protocol, criterion)).map(|row| &row.discretion) {
        Some(DiscretionView::Refused { why, .. }) => {
            Some(crate::i18n::text_with("override-recorded-not-allowed", &[("why", why.to_string())]))
        }
        _ => None,
    }
}

/// The accessible name of a question's answer in this dialog: distinct from the same item's
/// answer in the form behind it. "Override condition, Active bleeding: yes".
pub fn condition_name(item_label: &str, word: &str) -> String {
    format!("Override condition, {item_label}: {word}")
}

/// One discretion question as yes / no / unknown; true when answered yes or no. A click
/// puts the edit recording it in `answer`.
fn question_ui(ui: &mut Ui, workspace: &Workspace, item: &str, answer: &mut Option<Edit>) -> bool {
    let Some(idx) = workspace.library.knowledge.item_idx(item) else { return false };
    // In the chosen language.
    let label = workspace.library.knowledge.item_label(idx).to_owned();
    let current = match workspace.document().and_then(|d| d.session().values.get(item)).map(|e| &e.value) {
        Some(Value::YesNo(answer)) => Some(*answer),
        _ => None,
    };
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(&label);
        for (answer, id) in [(YesNo::Yes, "option-yes"), (YesNo::No, "option-no"), (YesNo::Unknown, "option-unknown")] {
            let text = crate::i18n::text(id);
            let word = text.to_lowercase();
            if ui.radio(current == Some(answer), text).accessible_name(condition_name(&label, &word)).clicked() {
                picked = Some(answer);
            }
        }
    });
    if let Some(picked) = picked {
        *answer = Some(Edit::SetValue { item: item.to_owned(), entry: Some(Entry::new(Value::YesNo(picked))) });
    }
    matches!(picked.or(current), Some(YesNo::Yes | YesNo::No))
}
