//! "Amend…": reopens a signed session for a change, with the reason; the signature stays
//! in the audit trail.

use crate::app::workspace::Workspace;
use crate::session::audit::Edit;
use crate::ui::dialog_frame::{DialogResult, apply_buttons_ui, error_line_ui, modal_ui, reason_field_ui};

/// The amend dialog.
pub fn amend_dialog_ui(
    ctx: &egui::Context,
    reason: &mut String,
    message: &mut Option<String>,
    workspace: &mut Workspace,
) -> DialogResult {
    modal_ui(ctx, "Amend the signed screening", |ui| {
        ui.label("The signature no longer covers the session once it is reopened; it stays in the audit trail.");
        reason_field_ui(ui, "Reason for the amendment", reason);
        error_line_ui(ui, message);
        apply_buttons_ui(ui, "Reopen for amendment", !reason.trim().is_empty(), message, || {
            let edit = Edit::Amend { reason: reason.trim().to_owned() };
            workspace.apply(edit).map(|()| DialogResult::Close).map_err(|error| error.to_string())
        })
    })
}
