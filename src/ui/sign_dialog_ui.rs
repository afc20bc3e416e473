//! "Sign…": the investigator's name, what the signature means — a statement chosen from
//! those that fit the verdicts, or their own words — an explicit acknowledgement of every
//! criterion not yet decided, and their passphrase, asked every time; signing saves the
//! session at once (sealed), and it is then read-only until amended.

use egui::RichText;

use crate::app::workspace::Workspace;
use crate::i18n;
use crate::session::model::CUSTOM_MEANING_ID;
use crate::session::sign_meaning::SignOff;
use crate::ui::dialog_frame::{
    DialogResult, Request, apply_buttons_ui, error_line_ui, line_field_ui, modal_ui, reason_field_ui,
};
use crate::ui::secret_text::{SecretText, secret_field_ui};
use crate::ui::theme;

/// What the sign dialog holds while it is open.
pub struct SignFields<'a> {
    /// Who signs (their signing identity's name).
    pub by: &'a mut String,
    /// The id of the statement chosen; empty until the dialog picks the first that fits.
    pub meaning_id: &'a mut String,
    /// The signer's own words, used when they choose to word it themselves.
    pub own_words: &'a mut String,
    /// The signer ticked the acknowledgement of what is not decided.
    pub acknowledged: &'a mut bool,
    /// The signer's passphrase.
    pub passphrase: &'a mut SecretText,
    /// Why the last attempt failed.
    pub message: &'a mut Option<String>,
}

/// The label of the acknowledgement in English, as tests and the key map name it (the
/// dialog shows the message `sign-acknowledge` in the current language).
pub const ACKNOWLEDGE: &str = "I acknowledge that these criteria are not decided";

/// The sign dialog; it asks the app to sign and save.
pub fn sign_dialog_ui(ctx: &egui::Context, fields: SignFields<'_>, workspace: &Workspace) -> DialogResult {
    let SignFields { by, meaning_id, own_words, acknowledged, passphrase, message } = fields;
    let (meanings, undecided) = workspace.sign_off_choices();
    if !meanings.iter().any(|m| m.id == meaning_id.as_str()) && meaning_id.as_str() != CUSTOM_MEANING_ID {
        *meaning_id = meanings.first().map_or(CUSTOM_MEANING_ID, |m| m.id).to_owned();
    }
    modal_ui(ctx, &i18n::text("sign-title"), |ui| {
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
                RichText::new(i18n::text_with("sign-refused", &[("why", refusal)]))
                    .color(theme::error_colour(ui.ctx().theme())),
            );
        }
        ui.label(RichText::new(i18n::text("sign-saves")).weak());
        line_field_ui(ui, &i18n::text("sign-by"), by);
        ui.label(theme::bold(i18n::text("sign-meaning-heading")));
        for meaning in meanings {
            ui.radio_value(meaning_id, meaning.id.to_owned(), meaning.shown());
        }
        ui.radio_value(meaning_id, CUSTOM_MEANING_ID.to_owned(), i18n::text("sign-own-words"));
        if meaning_id.as_str() == CUSTOM_MEANING_ID {
            reason_field_ui(ui, &i18n::text("sign-own-words-field"), own_words);
        }
        if !undecided.is_empty() {
            ui.label(
                RichText::new(i18n::text_with("sign-not-decided", &[("count", undecided.len().to_string())]))
                    .color(theme::warning_colour(ui.ctx().theme())),
            );
            egui::ScrollArea::vertical().max_height(120.0).show(ui, |ui| {
                for line in undecided {
                    ui.add(egui::Label::new(format!("? {line}")).wrap());
                }
            });
            ui.checkbox(acknowledged, i18n::text("sign-acknowledge"));
        }
        secret_field_ui(ui, &i18n::text("dialog-passphrase"), passphrase);
        error_line_ui(ui, message);
        let statement = match meanings.iter().find(|m| m.id == meaning_id.as_str()) {
            Some(listed) => listed.shown(),
            None => own_words.trim().to_owned(),
        };
        let ready = !by.trim().is_empty()
            && !statement.is_empty()
            && !passphrase.is_empty()
            && (undecided.is_empty() || *acknowledged);
        apply_buttons_ui(ui, &i18n::text("sign-button"), ready, message, || {
            let sign_off = SignOff {
                meaning_id: meaning_id.clone(),
                statement,
                acknowledged: if *acknowledged { undecided.to_vec() } else { Vec::new() },
            };
            let request = Request::Sign { by: by.trim().to_owned(), sign_off, passphrase: std::mem::take(passphrase) };
            Ok(DialogResult::Request { request: Box::new(request), close: true })
        })
    })
}
