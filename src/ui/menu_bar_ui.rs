//! The menu bar: File (new, open, save, sessions, recent, examples), Session (sign, amend),
//! View (theme, zoom). Every item that opens a dialog ends in "…".

use egui::{Button, Key, KeyboardShortcut, Modifiers, ThemePreference, Ui};

use crate::app::workspace::Workspace;
use crate::library::{BUNDLED_EXAMPLES, example_description};
use crate::ui::app_state::{amend_command, create_identity_command, sign_command};
use crate::ui::command::{Command, Leave};
use crate::ui::dialog::Dialog;
use crate::ui::preferences::Preferences;

/// The menu bar.
pub fn menu_bar_ui(ui: &mut Ui, workspace: &Workspace, preferences: &Preferences, commands: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    let shortcut = |modifiers, key| ctx.format_shortcut(&KeyboardShortcut::new(modifiers, key));
    let document = workspace.document();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.add(Button::new("New screening").shortcut_text(shortcut(Modifiers::COMMAND, Key::N))).clicked() {
                commands.push(Command::Leave(Leave::NewScreening));
            }
            if ui.add(Button::new("Open…").shortcut_text(shortcut(Modifiers::COMMAND, Key::O))).clicked() {
                commands.push(Command::Leave(Leave::OpenDialog));
            }
            ui.menu_button("Open recent", |ui| {
                if preferences.recent_files.is_empty() {
                    ui.label("No recent sessions");
                }
                for path in &preferences.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::Leave(Leave::OpenPath(path.clone())));
                    }
                }
            });
            ui.menu_button("Open example", |ui| {
                for (file_name, text) in BUNDLED_EXAMPLES {
                    if ui.button(example_description(file_name, text)).clicked() {
                        commands.push(Command::Leave(Leave::OpenExample((*file_name).to_owned())));
                    }
                }
            });
            if ui.button("Sessions…").clicked() {
                commands.push(Command::ShowBrowser(true));
            }
            ui.separator();
            let open = document.is_some();
            let save = Button::new("Save").shortcut_text(shortcut(Modifiers::COMMAND, Key::S));
            if ui.add_enabled(open, save).clicked() {
                commands.push(Command::Save);
            }
            let save_as =
                Button::new("Save as…").shortcut_text(shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S));
            if ui.add_enabled(open, save_as).clicked() {
                commands.push(Command::SaveAs);
            }
            let print = Button::new("Print…").shortcut_text(shortcut(Modifiers::COMMAND, Key::P));
            if ui.add_enabled(open, print).clicked() {
                commands.push(Command::Show(Dialog::Print(crate::ui::print_dialog_ui::PrintState::opened())));
            }
            if ui.add_enabled(open, Button::new("Close session")).clicked() {
                commands.push(Command::Leave(Leave::CloseSession));
            }
            ui.separator();
            if ui.add(Button::new("Quit").shortcut_text(shortcut(Modifiers::COMMAND, Key::Q))).clicked() {
                commands.push(Command::Leave(Leave::Quit));
            }
        });
        ui.menu_button("Session", |ui| {
            let signed = document.is_some_and(|d| d.session().is_signed());
            // A session that lists a protocol twice contradicts itself: it is only copied.
            let contradicts_itself = document.is_some_and(|d| d.board().lists_a_protocol_twice);
            let can_sign = document.is_some() && !signed && !contradicts_itself;
            if ui.add_enabled(can_sign, Button::new("Sign…")).clicked()
                && let Some(document) = document
            {
                commands.push(sign_command(document));
            }
            if ui.add_enabled(signed && !contradicts_itself, Button::new("Amend…")).clicked()
                && let Some(document) = document
            {
                commands.push(amend_command(document));
            }
            ui.separator();
            if ui.button("Create signing identity…").clicked() {
                let investigator = document.and_then(|d| d.session().investigator.as_deref());
                commands.push(create_identity_command(investigator));
            }
        });
        ui.menu_button("View", |ui| {
            let mut preference = ui.ctx().options(|options| options.theme_preference);
            let before = preference;
            ui.radio_value(&mut preference, ThemePreference::Light, "Light");
            ui.radio_value(&mut preference, ThemePreference::Dark, "Dark");
            ui.radio_value(&mut preference, ThemePreference::System, "Follow the system");
            if preference != before {
                ui.ctx().set_theme(preference);
            }
            ui.separator();
            if ui.add(Button::new("Zoom in").shortcut_text(shortcut(Modifiers::COMMAND, Key::Plus))).clicked() {
                egui::gui_zoom::zoom_in(ui.ctx());
            }
            if ui.add(Button::new("Zoom out").shortcut_text(shortcut(Modifiers::COMMAND, Key::Minus))).clicked() {
                egui::gui_zoom::zoom_out(ui.ctx());
            }
            if ui.add(Button::new("Actual size").shortcut_text(shortcut(Modifiers::COMMAND, Key::Num0))).clicked() {
                ui.ctx().set_zoom_factor(1.0);
            }
            ui.separator();
            if ui.button("Protocols…").clicked() {
                commands.push(Command::Show(Dialog::Protocols));
            }
        });
    });
}
