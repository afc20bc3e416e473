//! Asked before anything would leave a session with unsaved changes (closing the window,
//! opening another, starting a new one).

use crate::i18n;
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
    let result = modal_ui(ctx, &i18n::text("unsaved-title"), |ui| {
        ui.label(i18n::text_with("unsaved-text", &[("name", name.to_owned())]));
        ui.horizontal(|ui| {
            let save = i18n::text(if can_save { "menu-save" } else { "menu-save-as" });
            if ui.button(save).clicked() {
                choice = UnsavedChoice::Save;
            }
            if ui.button(i18n::text("unsaved-discard")).clicked() {
                choice = UnsavedChoice::Discard;
            }
            if ui.button(i18n::text("dialog-cancel")).clicked() {
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
