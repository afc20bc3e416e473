//! "Sign…": the investigator's name and what the signature means; the session is then
//! read-only until amended.

use egui::RichText;

use crate::app::workspace::Workspace;
use crate::ui::dialog_frame::{
    DialogResult, apply_buttons_ui, error_line_ui, line_field_ui, modal_ui, reason_field_ui,
};
use crate::ui::theme;

/// The sign dialog.
pub fn sign_dialog_ui(
    ctx: &egui::Context,
    by: &mut String,
    meaning: &mut String,
    message: &mut Option<String>,
    workspace: &mut Workspace,
) -> DialogResult {
    modal_ui(ctx, "Sign the screening", |ui| {
        if let Some(document) = &workspace.document {
            for protocol in &document.board.protocols {
                ui.label(
                    theme::bold(format!("{} {} — {}", protocol.verdict_icon, protocol.verdict_words, protocol.title))
                        .color(theme::verdict_colour(ui.ctx().theme(), protocol.verdict)),
                );
            }
        }
        ui.label(
            RichText::new("Once signed, the session is read-only; a later change needs an amendment with a reason.")
                .weak(),
        );
        line_field_ui(ui, "Signed by", by);
        reason_field_ui(ui, "Meaning of the signature", meaning);
        error_line_ui(ui, message);
        let ready = !by.trim().is_empty() && !meaning.trim().is_empty();
        apply_buttons_ui(ui, "Sign", ready, message, || {
            let edit = workspace
                .sign_edit(by.trim().to_owned(), meaning.trim().to_owned())
                .ok_or_else(|| "no session is open".to_owned())?;
            workspace.apply(edit).map(|()| DialogResult::Close).map_err(|error| error.to_string())
        })
    })
}
