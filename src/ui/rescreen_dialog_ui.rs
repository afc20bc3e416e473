//! "Re-screen under version N…": before an unsigned session is evaluated under the newest
//! version of a protocol, says what that changes (the readings the version corrects;
//! decisions recorded under the old version go out of date) and asks for confirmation.
//! The dialog returns the edit; the app applies it through the audit trail.

use egui::RichText;

use crate::app::workspace::Workspace;
use crate::session::audit::Edit;
use crate::ui::dialog_frame::{DialogResult, error_line_ui, modal_ui};

/// What the investigator chose.
#[derive(Debug, PartialEq)]
pub enum RescreenChoice {
    /// Nothing chosen this frame: the dialog stays open.
    Stay,
    /// Close the dialog without re-screening.
    Cancel,
    /// Apply this edit (`Edit::Rescreen`).
    Rescreen(Edit),
}

/// The confirmation of a re-screen of `protocol`.
pub fn rescreen_dialog_ui(
    ctx: &egui::Context,
    protocol: &str,
    message: &Option<String>,
    workspace: &Workspace,
) -> RescreenChoice {
    let shown = workspace.document.as_ref().and_then(|document| {
        let board = document.board().protocols.iter().find(|p| p.id == protocol)?;
        Some((board.title.clone(), board.version_notice.as_ref()?.notice.clone()))
    });
    let Some((title, notice)) = shown.filter(|(_, notice)| notice.rescreen_offered) else {
        return RescreenChoice::Cancel;
    };
    let mut choice = RescreenChoice::Stay;
    let result = modal_ui(ctx, &format!("Re-screen under version {}", notice.newer), |ui| {
        ui.add(
            egui::Label::new(format!(
                "{title} will be evaluated under version {} instead of version {}. Version {} corrects these readings:",
                notice.newer, notice.screened, notice.newer
            ))
            .wrap(),
        );
        for line in notice.correction_lines() {
            ui.add(egui::Label::new(format!("• {line}")).wrap());
        }
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "Overrides and judgments recorded under version {} go out of date and are to be decided again. The re-screen is recorded in the audit trail.",
                    notice.screened
                ))
                .weak(),
            )
            .wrap(),
        );
        error_line_ui(ui, message);
        ui.horizontal(|ui| {
            if ui.button("Re-screen").clicked() {
                choice = match workspace.rescreen_edit(protocol) {
                    Some(edit) => RescreenChoice::Rescreen(edit),
                    None => RescreenChoice::Cancel,
                };
            }
            if ui.button("Cancel").clicked() {
                choice = RescreenChoice::Cancel;
            }
        });
        DialogResult::Stay
    });
    match result {
        DialogResult::Close => RescreenChoice::Cancel,
        DialogResult::Stay => choice,
    }
}
