//! The menu bar: File (new, open, save, sessions, recent, examples), Session (sign, amend),
//! View (theme, zoom). Every item that opens a dialog ends in "…".

use crate::i18n::text;
use egui::{Button, Key, KeyboardShortcut, Modifiers, ThemePreference, Ui};

use crate::app::workspace::Workspace;
use crate::library::{BUNDLED_EXAMPLES, example_description_shown};
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
        ui.menu_button(text("menu-file"), |ui| {
            if ui
                .add(Button::new(text("menu-new-screening")).shortcut_text(shortcut(Modifiers::COMMAND, Key::N)))
                .clicked()
            {
                commands.push(Command::Leave(Leave::NewScreening));
            }
            if ui.add(Button::new(text("menu-open")).shortcut_text(shortcut(Modifiers::COMMAND, Key::O))).clicked() {
                commands.push(Command::Leave(Leave::OpenDialog));
            }
            ui.menu_button(text("menu-open-recent"), |ui| {
                if preferences.recent_files.is_empty() {
                    ui.label(text("menu-no-recent"));
                }
                for path in &preferences.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::Leave(Leave::OpenPath(path.clone())));
                    }
                }
            });
            ui.menu_button(text("menu-open-example"), |ui| {
                for (file_name, text) in BUNDLED_EXAMPLES {
                    if ui.button(example_description_shown(file_name, text)).clicked() {
                        commands.push(Command::Leave(Leave::OpenExample((*file_name).to_owned())));
                    }
                }
            });
            if ui.button(text("menu-sessions")).clicked() {
                commands.push(Command::ShowBrowser(true));
            }
            ui.separator();
            let open = document.is_some();
            let save = Button::new(text("menu-save")).shortcut_text(shortcut(Modifiers::COMMAND, Key::S));
            if ui.add_enabled(open, save).clicked() {
                commands.push(Command::Save);
            }
            let save_as = Button::new(text("menu-save-as"))
                .shortcut_text(shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S));
            if ui.add_enabled(open, save_as).clicked() {
                commands.push(Command::SaveAs);
            }
            let print = Button::new(text("menu-print")).shortcut_text(shortcut(Modifiers::COMMAND, Key::P));
            if ui.add_enabled(open, print).clicked() {
                commands.push(Command::Show(Dialog::Print(crate::ui::print_dialog_ui::PrintState::opened())));
            }
            if ui.add_enabled(open, Button::new(text("menu-close-session"))).clicked() {
                commands.push(Command::Leave(Leave::CloseSession));
            }
            ui.separator();
            if ui.add(Button::new(text("menu-quit")).shortcut_text(shortcut(Modifiers::COMMAND, Key::Q))).clicked() {
                commands.push(Command::Leave(Leave::Quit));
            }
        });
        ui.menu_button(text("menu-session"), |ui| {
            let signed = document.is_some_and(|d| d.session().is_signed());
            // A session that lists a protocol twice contradicts itself: it is only copied.
            let contradicts_itself = document.is_some_and(|d| d.board().lists_a_protocol_twice);
            let can_sign = document.is_some() && !signed && !contradicts_itself;
            if ui.add_enabled(can_sign, Button::new(text("menu-sign"))).clicked()
                && let Some(document) = document
            {
                commands.push(sign_command(document));
            }
            if ui.add_enabled(signed && !contradicts_itself, Button::new(text("menu-amend"))).clicked()
                && let Some(document) = document
            {
                commands.push(amend_command(document));
            }
            ui.separator();
            if ui.button(text("menu-create-identity")).clicked() {
                let investigator = document.and_then(|d| d.session().investigator.as_deref());
                commands.push(create_identity_command(investigator));
            }
        });
        ui.menu_button(text("menu-view"), |ui| {
            let mut preference = ui.ctx().options(|options| options.theme_preference);
            let before = preference;
            ui.radio_value(&mut preference, ThemePreference::Light, text("menu-theme-light"));
            ui.radio_value(&mut preference, ThemePreference::Dark, text("menu-theme-dark"));
            ui.radio_value(&mut preference, ThemePreference::System, text("menu-theme-system"));
            if preference != before {
                ui.ctx().set_theme(preference);
            }
            ui.separator();
            if ui
                .add(Button::new(text("menu-zoom-in")).shortcut_text(shortcut(Modifiers::COMMAND, Key::Plus)))
                .clicked()
            {
                egui::gui_zoom::zoom_in(ui.ctx());
            }
            if ui
                .add(Button::new(text("menu-zoom-out")).shortcut_text(shortcut(Modifiers::COMMAND, Key::Minus)))
                .clicked()
            {
                egui::gui_zoom::zoom_out(ui.ctx());
            }
            if ui
                .add(Button::new(text("menu-zoom-reset")).shortcut_text(shortcut(Modifiers::COMMAND, Key::Num0)))
                .clicked()
            {
                ui.ctx().set_zoom_factor(1.0);
            }
            ui.separator();
            ui.menu_button(text("menu-language"), |ui| {
                let current = crate::i18n::language();
                for language in crate::i18n::Language::ALL {
                    let item = ui.radio(current == language, language.own_name());
                    if item.clicked() && current != language {
                        commands.push(Command::SetLanguage(language));
                    }
                }
            });
            ui.separator();
            if ui.button(text("menu-protocols")).clicked() {
                commands.push(Command::Show(Dialog::Protocols));
            }
        });
    });
}
