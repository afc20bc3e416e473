//! "Amend…": reopens a signed session for a change, with the reason, signed with the
//! amending person's passphrase; saved at once. The signature stays in the audit trail.

use crate::i18n;
use crate::ui::dialog_frame::{
    DialogResult, Request, apply_buttons_ui, error_line_ui, line_field_ui, modal_ui, reason_field_ui,
};
use crate::ui::secret_text::{SecretText, secret_field_ui};

/// What the amend dialog holds while it is open.
pub struct AmendFields<'a> {
    /// Who amends (their signing identity's name).
    pub by: &'a mut String,
    /// Why the signed record must change.
    pub reason: &'a mut String,
    /// Their passphrase.
    pub passphrase: &'a mut SecretText,
    /// Why the last attempt failed.
    pub message: &'a mut Option<String>,
}

/// The amend dialog; it asks the app to reopen the session and save it.
pub fn amend_dialog_ui(ctx: &egui::Context, fields: AmendFields<'_>) -> DialogResult {
    let AmendFields { by, reason, passphrase, message } = fields;
    modal_ui(ctx, &i18n::text("amend-title"), |ui| {
        ui.label(i18n::text("amend-text"));
        line_field_ui(ui, &i18n::text("amend-by"), by);
        reason_field_ui(ui, &i18n::text("amend-reason"), reason);
        secret_field_ui(ui, &i18n::text("dialog-passphrase"), passphrase);
        error_line_ui(ui, message);
        let ready = !by.trim().is_empty() && !reason.trim().is_empty() && !passphrase.is_empty();
        apply_buttons_ui(ui, &i18n::text("amend-button"), ready, message, || {
            let request = Request::Amend {
                by: by.trim().to_owned(),
                reason: reason.trim().to_owned(),
                passphrase: std::mem::take(passphrase),
            };
            Ok(DialogResult::Request { request: Box::new(request), close: true })
        })
    })
}
