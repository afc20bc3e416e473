//! "Create signing identity…": a person's signing key on this computer, its private key
//! encrypted under their passphrase (typed twice). Once per person and computer; the key's
//! fingerprint is then shown for the site roster.

use egui::RichText;

use crate::app::workspace::Workspace;
use crate::i18n;
use crate::records::identity::MIN_PASSPHRASE_CHARS;
use crate::ui::dialog_frame::{DialogResult, apply_buttons_ui, error_line_ui, line_field_ui, modal_ui};
use crate::ui::secret_text::{SecretText, secret_field_ui};

/// What the dialog holds while it is open.
pub struct IdentityFields<'a> {
    /// The person's name as it will appear under their signatures.
    pub name: &'a mut String,
    /// The passphrase.
    pub passphrase: &'a mut SecretText,
    /// The passphrase again.
    pub repeated: &'a mut SecretText,
    /// Why the last attempt failed.
    pub message: &'a mut Option<String>,
}

/// The dialog. On success `notice` shows the new key's fingerprint.
pub fn signer_identity_dialog_ui(
    ctx: &egui::Context,
    fields: IdentityFields<'_>,
    workspace: &Workspace,
    notice: &mut Option<i18n::Said>,
) -> DialogResult {
    let IdentityFields { name, passphrase, repeated, message } = fields;
    modal_ui(ctx, &i18n::text("identity-title"), |ui| {
        ui.label(RichText::new(i18n::text_with("identity-text", &[("min", MIN_PASSPHRASE_CHARS.to_string())])).weak());
        line_field_ui(ui, &i18n::text("identity-name"), name);
        secret_field_ui(ui, &i18n::text("dialog-passphrase"), passphrase);
        secret_field_ui(ui, &i18n::text("identity-passphrase-again"), repeated);
        error_line_ui(ui, message);
        let ready = !name.trim().is_empty() && !passphrase.is_empty() && !repeated.is_empty();
        apply_buttons_ui(ui, &i18n::text("identity-create"), ready, message, || {
            let result = workspace.create_identity(name, passphrase.as_str(), repeated.as_str());
            passphrase.clear();
            repeated.clear();
            let identity = result.map_err(|error| error.to_string())?;
            *notice = Some(i18n::Said::message(
                "identity-created",
                vec![
                    ("name", identity.name().to_string()),
                    ("fingerprint", identity.fingerprint().to_string()),
                    ("key", identity.public_key().to_string()),
                ],
            ));
            Ok(DialogResult::Close)
        })
    })
}
