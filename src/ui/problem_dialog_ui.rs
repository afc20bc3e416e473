//! A failure the investigator must see (a file that does not open, a save that failed),
//! with what to do about it.

use crate::ui::dialog_frame::{DialogResult, modal_ui};

/// The problem dialog; returns true when dismissed.
pub fn problem_dialog_ui(ctx: &egui::Context, title: &str, message: &str) -> bool {
    let result = modal_ui(ctx, title, |ui| {
        ui.add(egui::Label::new(message).wrap());
        if ui.button(crate::i18n::text("dialog-ok")).clicked() { DialogResult::Close } else { DialogResult::Stay }
    });
    matches!(result, DialogResult::Close)
}
