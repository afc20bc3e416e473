//! "Sign…": the investigator's name, what the signature means and their passphrase, asked
//! every time; signing saves the session at once (sealed), and it is then read-only until
//! amended.

use egui::RichText;

use crate::app::workspace::Workspace;
use crate::ui::dialog_frame::{
    DialogResult, Request, apply_buttons_ui, error_line_ui, line_field_ui, modal_ui, reason_field_ui,
};
use crate::ui::secret_text::{SecretText, secret_field_ui};
use crate::ui::theme;

/// What the sign dialog holds while it is open.
pub struct SignFields<'a> {
    /// Who signs (their signing identity's name).
    pub by: &'a mut String,
    /// What the signature means, exactly as it will be recorded.
    pub meaning: &'a mut String,
    /// The signer's passphrase.
    pub passphrase: &'a mut SecretText,
    /// Why the last attempt failed.
    pub message: &'a mut Option<String>,
}

/// The sign dialog; it asks the app to sign and save.
pub fn sign_dialog_ui(ctx: &egui::Context, fields: SignFields<'_>, workspace: &Workspace) -> DialogResult {
    let SignFields { by, meaning, passphrase, message } = fields;
    modal_ui(ctx, "Sign the screening", |ui| {
        if let Some(document) = workspace.document() {
            for protocol in &document.board().protocols {
                ui.label(
                    theme::bold(format!("{} {} — {}", protocol.verdict_icon, protocol.verdict_words, protocol.title))
                        .color(theme::verdict_colour(ui.ctx().theme(), protocol.verdict)),
                );
            }
        }
        if let Some(refusal) = workspace.signing_refusal(false) {
            ui.label(
                RichText::new(format!("✖ Cannot be signed now: {refusal}"))
                    .color(theme::error_colour(ui.ctx().theme())),
            );
        }
        ui.label(
            RichText::new(
                "Signing saves the session at once. It is then read-only; a later change needs an amendment with a reason.",
            )
            .weak(),
        );
        line_field_ui(ui, "Signed by", by);
        reason_field_ui(ui, "Meaning of the signature", meaning);
        secret_field_ui(ui, "Passphrase", passphrase);
        error_line_ui(ui, message);
        let ready = !by.trim().is_empty() && !meaning.trim().is_empty() && !passphrase.is_empty();
        apply_buttons_ui(ui, "Sign and save", ready, message, || {
            let request = Request::Sign {
                by: by.trim().to_owned(),
                meaning: meaning.trim().to_owned(),
                passphrase: std::mem::take(passphrase),
            };
            Ok(DialogResult::Request { request: Box::new(request), close: true })
        })
    })
}
