//! "Withdraw…" a recorded override or judgment; a reason is required, and the decision
//! stays in the audit trail.

use crate::i18n;
use crate::session::audit::Edit;
use crate::ui::dialog_frame::{DialogResult, Request, apply_buttons_ui, error_line_ui, modal_ui, reason_field_ui};

/// The withdraw dialog's fields.
pub struct WithdrawFields<'a> {
    /// The id of the protocol the criterion belongs to.
    pub protocol: &'a str,
    /// The criterion's id.
    pub criterion: &'a str,
    /// True: withdraw the override; false: withdraw the judgment.
    pub is_override: bool,
    /// Why it is withdrawn, as typed; required.
    pub reason: &'a mut String,
    /// Why the last attempt failed, shown in the dialog.
    pub message: &'a mut Option<String>,
}

/// The withdraw dialog.
pub fn withdraw_dialog_ui(ctx: &egui::Context, fields: WithdrawFields<'_>) -> DialogResult {
    let WithdrawFields { protocol, criterion, is_override, reason, message } = fields;
    let (title, text) = if is_override {
        ("withdraw-override-title", "withdraw-override-text")
    } else {
        ("withdraw-judgment-title", "withdraw-judgment-text")
    };
    modal_ui(ctx, &i18n::text_with(title, &[("criterion", criterion.to_owned())]), |ui| {
        ui.label(i18n::text(text));
        reason_field_ui(ui, &i18n::text("withdraw-reason"), reason);
        error_line_ui(ui, message);
        apply_buttons_ui(ui, &i18n::text("withdraw-button"), !reason.trim().is_empty(), message, || {
            let edit = Edit::Withdraw {
                protocol: protocol.to_owned(),
                criterion: criterion.to_owned(),
                is_override,
                reason: reason.trim().to_owned(),
            };
            Ok(DialogResult::Request { request: Box::new(Request::Edit(edit)), close: true })
        })
    })
}
