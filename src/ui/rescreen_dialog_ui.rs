//! "Re-screen under version N…": before an unsigned session is evaluated under the newest
//! version of a protocol, says what that changes (the readings the version corrects;
//! decisions recorded under the old version go out of date) and asks for confirmation.
//! The dialog returns the edit; the app applies it through the audit trail.

use egui::RichText;

use crate::app::workspace::Workspace;
use crate::i18n;
use crate::ui::dialog_frame::{DialogResult, Request, error_line_ui, modal_ui};

/// The confirmation of a re-screen of `protocol`.
pub fn rescreen_dialog_ui(
    ctx: &egui::Context,
    protocol: &str,
    message: &Option<String>,
    workspace: &Workspace,
) -> DialogResult {
    let shown = workspace.document().and_then(|document| {
        let board = document.board().protocols.iter().find(|p| p.id == protocol)?;
        Some((board.title.clone(), board.version_notice.as_ref()?.notice.clone()))
    });
    let Some((title, notice)) = shown.filter(|(_, notice)| notice.rescreen_offered) else {
        return DialogResult::Close;
    };
    let mut choice = DialogResult::Stay;
    let same_version = notice.newer == notice.screened;
    let heading = notice.rescreen_label().trim_end_matches('…').to_owned();
    let result = modal_ui(ctx, &heading, |ui| {
        let what = if same_version {
            i18n::text_with(
                "rescreen-same-version",
                &[("title", title.clone()), ("version", notice.screened.to_string())],
            )
        } else {
            i18n::text_with(
                "rescreen-newer",
                &[
                    ("title", title.clone()),
                    ("newer", notice.newer.to_string()),
                    ("screened", notice.screened.to_string()),
                ],
            )
        };
        ui.add(egui::Label::new(what).wrap());
        for line in notice.correction_lines() {
            ui.add(egui::Label::new(format!("• {line}")).wrap());
        }
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(
                RichText::new(if same_version {
                    i18n::text("rescreen-same-consequence")
                } else {
                    i18n::text_with("rescreen-newer-consequence", &[("screened", notice.screened.to_string())])
                })
                .weak(),
            )
            .wrap(),
        );
        error_line_ui(ui, message);
        ui.horizontal(|ui| {
            if ui.button(i18n::text("rescreen-button")).clicked() {
                choice = match workspace.rescreen_edit(protocol) {
                    Some(edit) => DialogResult::Request { request: Box::new(Request::Edit(edit)), close: true },
                    None => DialogResult::Close,
                };
            }
            if ui.button(i18n::text("dialog-cancel")).clicked() {
                choice = DialogResult::Close;
            }
        });
        DialogResult::Stay
    });
    match result {
        DialogResult::Stay => choice,
        closed => closed,
    }
}
