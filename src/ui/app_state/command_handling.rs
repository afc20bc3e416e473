//! Command handling: the commands a frame's widgets pushed, run in one place after the
//! frame (edits first), and the file operations they lead to (open, save, save as, the
//! recovery journal, leaving a document).

use std::path::Path;
use std::time::Instant;

use egui::ViewportCommand;

use crate::app::workspace::{DocumentOrigin, OpenProblem, SaveOutcome, Workspace};
use crate::i18n;
use crate::library::BUNDLED_EXAMPLES;
use crate::session::store::OpenError;
use crate::ui::command::{Command, Leave};
use crate::ui::dialog::Dialog;
use crate::ui::field_draft::ItemDraft;
use crate::ui::file_dialog::FilePurpose;
use crate::ui::start_view_ui::NewScreeningDraft;

use super::AppState;

impl AppState {
    /// Carries out the frame's commands, edits first: a field that lost its focus to a
    /// click on a button is committed before what the button asked for.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        let mut commands = std::mem::take(&mut self.commands);
        if commands.is_empty() {
            return;
        }
        commands.sort_by_key(|command| !matches!(command, Command::Edit { .. }));
        for command in commands {
            self.run(command, ctx);
        }
        ctx.request_repaint();
    }

    pub(super) fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Edit { edit, draft } => match (self.workspace.apply(edit), draft) {
                (Ok(()), Some(id)) => ItemDraft::clear(ctx, id),
                (Ok(()), None) => {}
                (Err(error), Some(id)) => ItemDraft::set_message(ctx, id, error.to_string()),
                (Err(error), None) => self.notice = Some(crate::i18n::Said::new(move || error.to_string())),
            },
            Command::Focus(item) => self.focus = Some(item),
            Command::Show(dialog) => {
                if self.dialog.is_none() {
                    self.dialog = Some(dialog);
                }
            }
            Command::Leave(action) => {
                if self.is_dirty() {
                    self.dialog = Some(Dialog::Unsaved { then: action });
                } else {
                    self.leave(action, ctx);
                }
            }
            Command::Save => self.save(None, ctx),
            Command::SaveAs => self.save_as(None),
            Command::ChooseBrowserFolder => {
                self.file_dialogs.start(FilePurpose::BrowserFolder, Some(self.browser.folder.clone()), ctx);
            }
            Command::ShowBrowser(show) => {
                self.show_browser = show;
                if show {
                    self.browser.start_scan(&self.workspace.library, self.workspace.today());
                }
            }
            Command::RefreshBrowser => self.browser.start_scan(&self.workspace.library, self.workspace.today()),
            Command::SetLanguage(language) => self.set_language(language),
        }
    }

    /// Leaves the open document (unsaved changes were already dealt with).
    pub(super) fn leave(&mut self, action: Leave, ctx: &egui::Context) {
        self.notice = None;
        match action {
            Leave::NewScreening | Leave::CloseSession => {
                let today = self.workspace.today();
                // The next screening keeps the investigator and the protocols chosen.
                self.new_screening = match self.workspace.document() {
                    Some(document) => NewScreeningDraft::after(document.session(), today),
                    None => NewScreeningDraft::new(today),
                };
                self.workspace.close();
                self.browser.start_scan(&self.workspace.library, self.workspace.today());
            }
            Leave::OpenDialog => {
                let folder =
                    self.preferences.last_folder.clone().unwrap_or_else(|| self.workspace.folders.sessions.clone());
                self.file_dialogs.start(FilePurpose::Open, Some(folder), ctx);
            }
            Leave::OpenPath(path) => self.open_path(&path),
            Leave::OpenExample(file_name) => {
                let example = BUNDLED_EXAMPLES.iter().find(|(name, _)| *name == file_name);
                let result = match example {
                    Some((name, text)) => self.workspace.open_example(name, text).map_err(|e| e.to_string()),
                    None => Err(i18n::text_with("problem-no-example", &[("file", file_name.clone())])),
                };
                if let Err(message) = result {
                    self.problem(&i18n::text("problem-example-title"), format!("{file_name}: {message}"));
                }
            }
            Leave::Quit => {
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Opens a session file; one that does not read is reported and left untouched. One
    /// whose trail or seal does not hold, or that this computer saved a later version of, is
    /// opened read-only and the reason shown.
    pub fn open_path(&mut self, path: &Path) {
        match self.workspace.open_path(path) {
            Ok(notes) => {
                self.preferences.remember(path);
                let mut lines: Vec<i18n::Said> = stale_notice(&notes.removed).into_iter().collect();
                lines.extend(notes.notes.into_iter().map(|note| i18n::Said::new(move || note.clone())));
                self.notice = (!lines.is_empty()).then(|| i18n::Said::joined(lines, " · "));
                if let Some(why) = notes.questioned {
                    let advice = i18n::text_with("problem-read-only", &[("command", "trialscreen verify".to_owned())]);
                    self.problem(
                        &i18n::text("problem-read-only-title"),
                        format!("{}: {why}.\n\n{advice}", path.display()),
                    );
                }
            }
            Err(error) => {
                // A recent file that is gone leaves the list; one that does not read stays.
                if let OpenProblem::Unreadable(OpenError::Io { error: io, .. }) = &error
                    && io.kind() == std::io::ErrorKind::NotFound
                {
                    self.preferences.forget(path);
                }
                self.problem(&i18n::text("problem-open-title"), error.to_string());
            }
        }
    }

    pub(super) fn problem(&mut self, title: &str, message: String) {
        self.dialog = Some(Dialog::Problem { title: title.to_owned(), message });
    }

    /// Saves to the document's file, or asks where when it has none (a new session, an
    /// example opened as a template).
    pub(super) fn save(&mut self, then: Option<Leave>, ctx: &egui::Context) {
        let Some(document) = self.workspace.document() else { return };
        let target = match (&document.path(), &document.origin()) {
            (Some(path), DocumentOrigin::File | DocumentOrigin::Recovered) => path.clone(),
            _ => return self.save_as(then),
        };
        if self.save_to(&target)
            && let Some(then) = then
        {
            self.leave(then, ctx);
        }
    }

    pub(super) fn save_as(&mut self, then: Option<Leave>) {
        if self.workspace.document().is_none() {
            return;
        }
        let folder = match self.workspace.document().and_then(|d| d.path().clone()) {
            Some(path) => path.parent().map_or_else(|| self.workspace.folders.sessions.clone(), Path::to_owned),
            None => self.workspace.folders.sessions.clone(),
        };
        self.dialog =
            Some(Dialog::SaveAs { folder, file_name: self.workspace.suggested_file_name(), then, message: None });
    }

    /// Saves to `path`; a failure is shown, and the session stays open and journalled.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.workspace.save_to(path) {
            Ok(outcome) => {
                self.preferences.remember(path);
                self.notice = Some(saved_notice("notice-saved", &self.workspace, &outcome));
                if path.parent() == Some(self.browser.folder.as_path()) {
                    self.browser.start_scan(&self.workspace.library, self.workspace.today());
                }
                true
            }
            Err(error) => {
                let advice = i18n::text("problem-not-saved-advice");
                self.problem(&i18n::text("problem-not-saved-title"), format!("{error}\n\n{advice}"));
                false
            }
        }
    }

    pub(super) fn journal(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        match self.workspace.write_journal_if_due(now) {
            Some(Ok(_)) => self.journal_problem = None,
            Some(Err(error)) => {
                self.journal_problem =
                    Some(i18n::Said::message("notice-journal-cannot-write", vec![("error", error.to_string())]));
            }
            None => {}
        }
        if let Some(wait) = self.workspace.journal_wait(now) {
            ctx.request_repaint_after(wait);
        }
    }
}

/// What the window says after removing temporaries an interrupted save left behind.
pub(super) fn stale_notice(removed: &[std::path::PathBuf]) -> Option<i18n::Said> {
    (!removed.is_empty()).then(|| {
        let names: Vec<String> = removed.iter().map(|path| path.display().to_string()).collect();
        i18n::Said::message("notice-stale", vec![("count", names.len().to_string()), ("files", names.join(", "))])
    })
}

/// The command that opens the sign dialog for a document.
pub fn sign_command(document: &crate::app::workspace::Document) -> Command {
    Command::Show(Dialog::Sign {
        by: document.session().investigator.clone().unwrap_or_default(),
        meaning_id: String::new(),
        own_words: i18n::text("sign-meaning-reviewed"),
        acknowledged: false,
        passphrase: Default::default(),
        message: None,
    })
}

/// The command that opens the amend dialog for a document.
pub fn amend_command(document: &crate::app::workspace::Document) -> Command {
    Command::Show(Dialog::Amend {
        by: document.session().investigator.clone().unwrap_or_default(),
        reason: String::new(),
        passphrase: Default::default(),
        message: None,
    })
}

/// The command that opens the dialog creating a signing identity.
pub fn create_identity_command(name: Option<&str>) -> Command {
    Command::Show(Dialog::CreateIdentity {
        name: name.unwrap_or_default().to_owned(),
        passphrase: Default::default(),
        repeated: Default::default(),
        message: None,
    })
}

/// What the window says after a save: where, and what could not be done beside it. `what`
/// is the id of the message saying what was done (`notice-saved`, `notice-signed`,
/// `notice-amended`), with the file's `path`.
pub fn saved_notice(what: &'static str, workspace: &Workspace, outcome: &SaveOutcome) -> i18n::Said {
    let path = workspace.document().and_then(|d| d.path().as_ref()).map(|p| p.display().to_string());
    let mut parts = vec![i18n::Said::message(what, vec![("path", path.unwrap_or_default())])];
    if let Some(left) = &outcome.journal_left {
        parts.push(i18n::Said::message("notice-journal-left", vec![("left", left.clone())]));
    }
    if let Some(problem) = &outcome.ledger_problem {
        parts.push(i18n::Said::message("notice-ledger-problem", vec![("problem", problem.clone())]));
    }
    i18n::Said::joined(parts, "")
}
