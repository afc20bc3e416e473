//! "Decide…" on a criterion that awaits the investigator's judgment: passes or fails, in
//! the criterion's own words ("met" / "not met", or "not excluded" / "excluded"), with a
//! reason and the investigator's name.

use egui::RichText;

use crate::app::workspace::Workspace;
use crate::report::screening_view::judgment_word;
use crate::session::audit::Edit;
use crate::session::model::DecisionKind;
use crate::ui::dialog_frame::{
    DialogResult, Request, apply_buttons_ui, error_line_ui, line_field_ui, modal_ui, reason_field_ui,
};

/// The judgment dialog's fields.
pub struct JudgmentFields<'a> {
    /// The id of the protocol the criterion belongs to.
    pub protocol: &'a str,
    /// The criterion's id.
    pub criterion: &'a str,
    /// The outcome chosen: `true` when the criterion does not stand in the way of eligibility;
    /// `None` until chosen.
    pub passes: &'a mut Option<bool>,
    /// The reason as typed; required.
    pub reason: &'a mut String,
    /// Who decides, as typed; required.
    pub by: &'a mut String,
    /// Why the last attempt failed, shown in the dialog.
    pub message: &'a mut Option<String>,
}

/// The accessible name of a judgment option: "Judged not excluded".
pub fn judged_name(words: &str) -> String {
    format!("Judged {words}")
}

/// The judgment dialog.
pub fn judgment_dialog_ui(ctx: &egui::Context, fields: JudgmentFields<'_>, workspace: &Workspace) -> DialogResult {
    let JudgmentFields { protocol, criterion, passes, reason, by, message } = fields;
    let Some(row) = workspace.document().and_then(|d| d.board().criterion(protocol, criterion)).cloned() else {
        return DialogResult::Close;
    };
    let title =
        crate::i18n::text_with("judgment-title", &[("criterion", criterion.to_string()), ("title", row.title.clone())]);
    modal_ui(ctx, &title, |ui| {
        ui.add(egui::Label::new(RichText::new(format!("“{}”", row.source_text)).italics()).wrap());
        if let Some(interpretation) = &row.interpretation {
            let shown =
                crate::i18n::text_with("judgment-interpretation", &[("interpretation", interpretation.clone())]);
            ui.add(egui::Label::new(RichText::new(shown).weak()).wrap());
        }
        if !row.explanation.is_empty() {
            ui.add(egui::Label::new(&row.explanation).wrap());
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            for option in [true, false] {
                let words = judgment_word(row.kind, option);
                if ui.radio(*passes == Some(option), words).accessible_name(judged_name(words)).clicked() {
                    *passes = Some(option);
                }
            }
        });
        reason_field_ui(ui, &crate::i18n::text("dialog-reason"), reason);
        line_field_ui(ui, &crate::i18n::text("dialog-investigator-name"), by);
        error_line_ui(ui, message);
        let ready = passes.is_some() && !reason.trim().is_empty() && !by.trim().is_empty();
        apply_buttons_ui(ui, &crate::i18n::text("judgment-record"), ready, message, || {
            let passes = passes.ok_or_else(|| crate::i18n::text("judgment-choose-outcome"))?;
            let decision = workspace
                .decision(
                    protocol,
                    criterion,
                    DecisionKind::Judgment { passes },
                    reason.trim().to_owned(),
                    by.trim().to_owned(),
                )
                .ok_or_else(|| format!("{criterion} is not a criterion of {protocol}"))?;
            Ok(DialogResult::Request { request: Box::new(Request::Edit(Edit::Decide(decision))), close: true })
        })
    })
}
