//! Window and keyboard events: shortcuts, the window's close request (after the focused
//! field has committed), and the answers of native file dialogs.

use egui::{Key, KeyboardShortcut, Modifiers, ViewportCommand};

use crate::ui::command::{Command, Leave};
use crate::ui::dialog::Dialog;
use crate::ui::file_dialog::FilePurpose;

use super::AppState;

impl AppState {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let save_as = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        if ctx.input_mut(|input| input.consume_shortcut(&save_as)) {
            commit_focused_field(ctx);
            self.commands.push(Command::SaveAs);
        } else if ctx.input_mut(|input| input.consume_shortcut(&command(Key::S))) {
            commit_focused_field(ctx);
            self.commands.push(Command::Save);
        }
        if ctx.input_mut(|input| input.consume_shortcut(&command(Key::N))) {
            commit_focused_field(ctx);
            self.commands.push(Command::Leave(Leave::NewScreening));
        }
        if ctx.input_mut(|input| input.consume_shortcut(&command(Key::O))) {
            commit_focused_field(ctx);
            self.commands.push(Command::Leave(Leave::OpenDialog));
        }
        if ctx.input_mut(|input| input.consume_shortcut(&command(Key::P))) && self.workspace.document().is_some() {
            commit_focused_field(ctx);
            self.commands.push(Command::Show(Dialog::Print(crate::ui::print_dialog_ui::PrintState::opened())));
        }
    }

    /// Closing the window with unsaved changes asks first. A field still being typed in is
    /// committed before the question is asked, so a value typed without Enter is never
    /// dropped silently.
    pub(super) fn close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|input| input.viewport().close_requested());
        if requested
            && !self.allowed_to_close
            && self.workspace.document().is_some()
            && ctx.memory(|memory| memory.focused().is_some())
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            commit_focused_field(ctx);
            self.close_after_commit = Some(0);
            ctx.request_repaint();
            return;
        }
        if !requested || self.allowed_to_close || !self.is_dirty() {
            return;
        }
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        if !matches!(self.dialog, Some(Dialog::Unsaved { .. })) {
            self.dialog = Some(Dialog::Unsaved { then: Leave::Quit });
        }
    }

    /// A close that waited for the focused field to commit: asks about unsaved changes, or
    /// closes. The field sees its lost focus in the same frame and sends its edit before
    /// the commands run; the count allows more frames should a widget need them.
    pub(super) fn close_after_commit(&mut self, ctx: &egui::Context) {
        let Some(frames) = self.close_after_commit.take() else { return };
        if frames > 0 {
            self.close_after_commit = Some(frames - 1);
            ctx.request_repaint();
        } else if self.is_dirty() {
            if self.dialog.is_none() {
                self.dialog = Some(Dialog::Unsaved { then: Leave::Quit });
            }
        } else {
            self.allowed_to_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    pub(super) fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some((purpose, answer)) = self.file_dialogs.poll() else { return };
        let path = match answer {
            crate::ui::file_dialog::DialogAnswer::Picked(path) => path,
            crate::ui::file_dialog::DialogAnswer::Cancelled => return,
            crate::ui::file_dialog::DialogAnswer::Unavailable => {
                self.notice = Some(crate::i18n::Said::message(
                    "notice-no-file-dialog",
                    vec![("tool", "zenity".to_owned()), ("command", "trialscreen open FILE".to_owned())],
                ));
                ctx.request_repaint();
                return;
            }
        };
        match purpose {
            FilePurpose::Open => self.leave(Leave::OpenPath(path), ctx),
            FilePurpose::SaveFolder => {
                if let Some(Dialog::SaveAs { folder, .. }) = &mut self.dialog {
                    *folder = path;
                }
            }
            FilePurpose::BrowserFolder => {
                self.browser.set_folder(path);
                self.browser.start_scan(&self.workspace.library, self.workspace.today());
            }
        }
        ctx.request_repaint();
    }
}

/// Makes the focused text field give up its focus, so it commits what is typed this
/// frame, before a shortcut acts on the session.
pub(super) fn commit_focused_field(ctx: &egui::Context) {
    ctx.memory_mut(|memory| {
        if let Some(id) = memory.focused() {
            memory.surrender_focus(id);
        }
    });
}
