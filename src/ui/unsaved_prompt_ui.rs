//! Asked before anything would leave a session with unsaved changes (closing the window,
//! opening another, starting a new one).

use crate::ui::dialog_frame::{DialogResult, modal_ui};

/// What the investigator chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Nothing chosen this frame: the prompt stays open.
    Stay,
    /// Save the changes, then go on.
    Save,
    /// Discard the changes (and their recovery journal), then go on.
    Discard,
    /// Go back to the session without leaving it.
    Cancel,
}

/// The prompt. `can_save` is false for a session with no file yet ("Save as…" then).
pub fn unsaved_prompt_ui(ctx: &egui::Context, name: &str, can_save: bool) -> UnsavedChoice {
    let mut choice = UnsavedChoice::Stay;
    let result = modal_ui(ctx, "Unsaved changes", |ui| {
        ui.label(format!("{name} has changes that are not saved."));
        ui.horizontal(|ui| {
            let save = if can_save { "Save" } else { "Save as…" };
            if ui.button(save).clicked() {
                choice = UnsavedChoice::Save;
            }
            if ui.button("Discard changes").clicked() {
                choice = UnsavedChoice::Discard;
            }
            if ui.button("Cancel").clicked() {
                choice = UnsavedChoice::Cancel;
            }
        });
        DialogResult::Stay
    });
    match result {
        DialogResult::Close => UnsavedChoice::Cancel,
        _ => choice,
    }
}
