//! "Save as…": a folder (the per-user sessions folder by default, or one picked with the
//! native dialog) and a file name. An existing file is never overwritten from here.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::i18n;

use crate::ui::dialog_frame::{DialogResult, error_line_ui, line_field_ui, modal_ui};

/// What the investigator chose in the dialog.
#[derive(Debug, PartialEq)]
pub enum SaveAsChoice {
    /// Nothing chosen this frame: the dialog stays open.
    Stay,
    /// Close the dialog without saving.
    Cancel,
    /// Pick the folder with the native dialog.
    ChooseFolder,
    /// Save to this path.
    Save(PathBuf),
}

/// The path a folder and typed file name make, with `.ron` added when missing.
pub fn target_path(folder: &Path, file_name: &str) -> Result<PathBuf, String> {
    let name = file_name.trim();
    if name.is_empty() {
        return Err(i18n::text("saveas-enter-name"));
    }
    if name.contains(['/', '\\']) {
        return Err(i18n::text("saveas-no-slash"));
    }
    let name = if name.ends_with(".ron") { name.to_owned() } else { format!("{name}.ron") };
    Ok(folder.join(name))
}

/// The save-as dialog.
pub fn save_as_dialog_ui(
    ctx: &egui::Context,
    folder: &Path,
    file_name: &mut String,
    message: &mut Option<String>,
) -> SaveAsChoice {
    let mut choice = SaveAsChoice::Stay;
    let result = modal_ui(ctx, &i18n::text("saveas-title"), |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(i18n::text("saveas-folder"));
            ui.label(RichText::new(folder.display().to_string()).monospace());
            if ui.button(i18n::text("saveas-choose-folder")).clicked() {
                choice = SaveAsChoice::ChooseFolder;
            }
        });
        let response = line_field_ui(ui, &i18n::text("saveas-file-name"), file_name);
        let entered = response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        error_line_ui(ui, message);
        ui.horizontal(|ui| {
            if ui.button(i18n::text("menu-save")).clicked() || entered {
                match target_path(folder, file_name) {
                    Ok(path) if path.exists() => {
                        *message = Some(i18n::text_with("saveas-exists", &[("path", path.display().to_string())]));
                    }
                    Ok(path) => choice = SaveAsChoice::Save(path),
                    Err(error) => *message = Some(error),
                }
            }
            if ui.button(i18n::text("dialog-cancel")).clicked() {
                choice = SaveAsChoice::Cancel;
            }
        });
        DialogResult::Stay
    });
    match result {
        DialogResult::Close => SaveAsChoice::Cancel,
        _ => choice,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_gets_its_extension_and_stays_in_the_folder() {
        let folder = Path::new("/data/sessions");
        assert_eq!(target_path(folder, "V01-2026-11-02"), Ok(folder.join("V01-2026-11-02.ron")));
        assert_eq!(target_path(folder, " a.ron "), Ok(folder.join("a.ron")));
        assert!(target_path(folder, "").is_err());
        assert!(target_path(folder, "../elsewhere").is_err());
    }
}
