//! The whole workstation UI over one [`Workspace`]: panels borrow the state and push
//! [`Command`]s; after the frame's widgets the commands run in one place (edits first).
//! No repaint is asked for unless something changed, except the one timer that writes the
//! recovery journal while there are unjournalled edits.

use std::path::Path;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers, Panel, RichText, ScrollArea, Ui, ViewportCommand};

use crate::app::session_browser::SessionBrowser;
use crate::app::workspace::{Clock, DocumentOrigin, Folders, OpenProblem, SaveOutcome, Workspace};
use crate::library::{BUNDLED_EXAMPLES, Library};
use crate::session::audit::Edit;
use crate::session::model::DEFAULT_SIGNATURE_MEANING;
use crate::session::recovery;
use crate::session::store::OpenError;
use crate::ui::amend_dialog_ui::{AmendFields, amend_dialog_ui};
use crate::ui::command::{Command, Leave};
use crate::ui::criteria_board_ui::{BoardActions, criteria_board_ui};
use crate::ui::dialog::Dialog;
use crate::ui::dialog_frame::{DialogResult, Request};
use crate::ui::field_draft::ItemDraft;
use crate::ui::file_dialog::{FileDialogs, FilePurpose};
use crate::ui::judgment_dialog_ui::{JudgmentFields, judgment_dialog_ui};
use crate::ui::menu_bar_ui::menu_bar_ui;
use crate::ui::override_dialog_ui::{OverrideFields, override_dialog_ui, override_refusal};
use crate::ui::patient_form_ui::{FormContext, patient_form_ui};
use crate::ui::preferences::Preferences;
use crate::ui::problem_dialog_ui::problem_dialog_ui;
use crate::ui::recovery_prompt_ui::{RecoveryChoice, recovery_prompt_ui};
use crate::ui::rescreen_dialog_ui::rescreen_dialog_ui;
use crate::ui::save_as_dialog_ui::{SaveAsChoice, save_as_dialog_ui};
use crate::ui::session_browser_ui::session_browser_ui;
use crate::ui::sign_dialog_ui::{SignFields, sign_dialog_ui};
use crate::ui::signer_identity_dialog_ui::{IdentityFields, signer_identity_dialog_ui};
use crate::ui::start_view_ui::{NewScreeningDraft, StartView, start_view_ui};
use crate::ui::theme;
use crate::ui::unsaved_prompt_ui::{UnsavedChoice, unsaved_prompt_ui};
use crate::ui::verdict_strip_ui::verdict_strip_ui;
use crate::ui::withdraw_dialog_ui::{WithdrawFields, withdraw_dialog_ui};

/// The workstation's UI state.
#[derive(Debug)]
pub struct AppState {
    /// The library, folders and the open document.
    pub workspace: Workspace,
    /// What the window remembers between runs (recent files, last folder).
    pub preferences: Preferences,
    /// The dialog shown over the screen.
    pub dialog: Option<Dialog>,
    /// The session browser of the start view.
    pub browser: SessionBrowser,
    /// What is typed into the new-screening form.
    pub new_screening: NewScreeningDraft,
    /// A line of status under the session line ("Saved to …").
    pub notice: Option<String>,
    /// Why the recovery journal could not be written, shown until it can.
    pub journal_problem: Option<String>,
    commands: Vec<Command>,
    focus: Option<String>,
    file_dialogs: FileDialogs,
    show_browser: bool,
    allowed_to_close: bool,
    /// Extra frames to wait, after a close request, for the focused field to commit.
    close_after_commit: Option<u8>,
    shown_title: String,
    is_set_up: bool,
}

impl AppState {
    /// The state at start: no session open. Call [`Self::offer_recovery`] once the
    /// preferences (recent files) are known.
    pub fn new(library: Library, folders: Folders, clock: Clock, preferences: Preferences) -> Self {
        let workspace = Workspace::new(library, folders.clone(), clock);
        let today = workspace.today();
        let mut state = Self {
            workspace,
            preferences,
            dialog: None,
            browser: SessionBrowser::new(folders.sessions),
            new_screening: NewScreeningDraft::new(today),
            notice: None,
            journal_problem: None,
            commands: Vec::new(),
            focus: None,
            file_dialogs: FileDialogs::default(),
            show_browser: false,
            allowed_to_close: false,
            close_after_commit: None,
            shown_title: String::new(),
            is_set_up: false,
        };
        state.browser.scan(&state.workspace.library, state.workspace.today());
        state
    }

    /// Looks for recovery journals (in the recovery folder and beside recent files).
    pub fn offer_recovery(&mut self) {
        let removed = recovery::remove_stale_temporaries(&self.workspace.folders.recovery);
        if !removed.is_empty() {
            self.notice = stale_notice(&removed);
        }
        let (found, errors) = recovery::find(&self.workspace.folders.recovery, &self.preferences.recent_files);
        if !errors.is_empty() {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            self.dialog = Some(Dialog::Problem {
                title: "A recovery journal cannot be read".to_owned(),
                message: format!("It was left as it is:\n{}", lines.join("\n")),
            });
        } else if !found.is_empty() {
            self.dialog = Some(Dialog::Recovery { found, message: None });
        }
    }

    /// Whether the open session has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.workspace.document().is_some_and(|d| d.is_dirty())
    }

    /// Whether the window may close now (the unsaved-changes question was answered).
    pub fn is_closing(&self) -> bool {
        self.allowed_to_close
    }

    /// The window title: `trialscreen`, the open file, `*` when unsaved.
    pub fn title(&self) -> String {
        match self.workspace.document() {
            Some(document) => {
                format!("trialscreen — {}{}", document.display_name(), if document.is_dirty() { " *" } else { "" })
            }
            None => "trialscreen".to_owned(),
        }
    }

    /// Draws one frame and carries out what it asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.is_set_up {
            theme::install_fonts(&ctx);
            theme::install_style(&ctx);
            self.is_set_up = true;
        }
        self.poll_file_dialog(&ctx);
        self.shortcuts(&ctx);
        self.close_request(&ctx);
        Panel::top("menu bar").show(ui, |ui| {
            menu_bar_ui(ui, &self.workspace, &self.preferences, &mut self.commands);
        });
        if self.workspace.document().is_some() {
            self.screening_ui(ui);
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(notice) = &self.notice {
                    ui.label(RichText::new(format!("⚠ {notice}")).strong());
                }
                let view = StartView {
                    library: &self.workspace.library,
                    draft: &mut self.new_screening,
                    browser: &mut self.browser,
                    recent: &self.preferences.recent_files,
                };
                if start_view_ui(ui, view, &mut self.commands) {
                    self.start_screening();
                }
            });
        }
        if self.show_browser && self.workspace.document().is_some() {
            let mut open = true;
            egui::Window::new("Sessions").open(&mut open).default_width(720.0).show(&ctx, |ui| {
                session_browser_ui(ui, &mut self.browser, &mut self.commands);
            });
            self.show_browser = open;
        }
        self.dialog_ui(&ctx);
        self.run_commands(&ctx);
        self.close_after_commit(&ctx);
        self.journal(&ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn screening_ui(&mut self, ui: &mut Ui) {
        let Self { workspace, commands, focus, notice, journal_problem, .. } = self;
        let today = workspace.today();
        let Some(document) = workspace.document() else { return };
        let read_only = document.is_read_only();
        Panel::top("verdicts").show(ui, |ui| {
            session_line_ui(ui, document, notice, journal_problem, commands);
            verdict_strip_ui(ui, document.board(), commands);
        });
        // The board keeps at least a third of the window, however the panel is dragged.
        let widest_form = (ui.available_width() * 0.66).max(400.0);
        Panel::left("patient form").resizable(true).default_size(620.0).size_range(380.0..=widest_form).show(
            ui,
            |ui| {
                ScrollArea::vertical().auto_shrink(false).id_salt(("form scroll", document.generation())).show(
                    ui,
                    |ui| {
                        let mut cx =
                            FormContext { library: &workspace.library, document, today, commands, focus, read_only };
                        patient_form_ui(ui, &mut cx);
                    },
                );
            },
        );
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical().auto_shrink(false).id_salt(("board scroll", document.generation())).show(ui, |ui| {
                let investigator = document.session().investigator.as_deref().unwrap_or_default();
                let mut actions = BoardActions { read_only, investigator, commands };
                criteria_board_ui(ui, document.board(), &mut actions);
            });
        });
    }

    fn start_screening(&mut self) {
        let result = self
            .new_screening
            .to_new_screening()
            .and_then(|new| self.workspace.new_screening(new).map_err(|error| error.to_string()));
        match result {
            Ok(()) => {
                self.new_screening = NewScreeningDraft::new(self.workspace.today());
                self.notice = None;
            }
            Err(message) => self.new_screening.message = Some(message),
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
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
    fn close_request(&mut self, ctx: &egui::Context) {
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
    fn close_after_commit(&mut self, ctx: &egui::Context) {
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

    fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some((purpose, answer)) = self.file_dialogs.poll() else { return };
        let path = match answer {
            crate::ui::file_dialog::DialogAnswer::Picked(path) => path,
            crate::ui::file_dialog::DialogAnswer::Cancelled => return,
            crate::ui::file_dialog::DialogAnswer::Unavailable => {
                self.notice = Some(
                    "No file dialog could be shown on this desktop (no desktop portal or zenity). Browse with File → Sessions…, or start with `trialscreen open FILE`."
                        .to_owned(),
                );
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
                self.browser = SessionBrowser::new(path);
                self.browser.scan(&self.workspace.library, self.workspace.today());
            }
        }
        ctx.request_repaint();
    }

    /// Carries out the frame's commands, edits first: a field that lost its focus to a
    /// click on a button is committed before what the button asked for.
    fn run_commands(&mut self, ctx: &egui::Context) {
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

    fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Edit { edit, draft } => match (self.workspace.apply(edit), draft) {
                (Ok(()), Some(id)) => ItemDraft::clear(ctx, id),
                (Ok(()), None) => {}
                (Err(error), Some(id)) => ItemDraft::set_message(ctx, id, error.to_string()),
                (Err(error), None) => self.notice = Some(error.to_string()),
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
                    self.browser.scan(&self.workspace.library, self.workspace.today());
                }
            }
            Command::RefreshBrowser => self.browser.scan(&self.workspace.library, self.workspace.today()),
        }
    }

    /// Leaves the open document (unsaved changes were already dealt with).
    fn leave(&mut self, action: Leave, ctx: &egui::Context) {
        self.notice = None;
        match action {
            Leave::NewScreening | Leave::CloseSession => {
                self.workspace.close();
                self.new_screening = NewScreeningDraft::new(self.workspace.today());
                self.browser.scan(&self.workspace.library, self.workspace.today());
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
                    None => Err(format!("there is no example {file_name}")),
                };
                if let Err(message) = result {
                    self.problem("The example could not be opened", format!("{file_name}: {message}"));
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
                let mut lines: Vec<String> = stale_notice(&notes.removed).into_iter().collect();
                lines.extend(notes.notes);
                self.notice = (!lines.is_empty()).then(|| lines.join(" · "));
                if let Some(why) = notes.questioned {
                    self.problem(
                        "This file is open read-only",
                        format!(
                            "{}: {why}.\n\nIt cannot be changed, saved or signed here, so that its seal cannot vouch for what was cut or rewound. Find the file's latest version; `trialscreen verify` says the same.",
                            path.display()
                        ),
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
                self.problem("The session could not be opened", error.to_string());
            }
        }
    }

    fn problem(&mut self, title: &str, message: String) {
        self.dialog = Some(Dialog::Problem { title: title.to_owned(), message });
    }

    /// Saves to the document's file, or asks where when it has none (a new session, an
    /// example opened as a template).
    fn save(&mut self, then: Option<Leave>, ctx: &egui::Context) {
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

    fn save_as(&mut self, then: Option<Leave>) {
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
                self.notice = Some(saved_notice("Saved", &self.workspace, &outcome));
                if path.parent() == Some(self.browser.folder.as_path()) {
                    self.browser.scan(&self.workspace.library, self.workspace.today());
                }
                true
            }
            Err(error) => {
                self.problem(
                    "The session was not saved",
                    format!("{error}\n\nThe session is still open, and its recovery journal keeps the changes. Save it elsewhere with Save as…"),
                );
                false
            }
        }
    }

    fn journal(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        match self.workspace.write_journal_if_due(now) {
            Some(Ok(_)) => self.journal_problem = None,
            Some(Err(error)) => self.journal_problem = Some(format!("The recovery journal cannot be written: {error}")),
            None => {}
        }
        if let Some(wait) = self.workspace.journal_wait(now) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Carries out what a dialog asked for, through the workspace's operations; returns
    /// whether the dialog stays open. A refusal is shown in the dialog, which stays open.
    fn carry_out(&mut self, result: DialogResult, message: &mut Option<String>) -> bool {
        let (request, close) = match result {
            DialogResult::Stay => return true,
            DialogResult::Close => return false,
            DialogResult::Request { request, close } => (request, close),
        };
        let outcome = match *request {
            Request::Edit(edit) => self.workspace.apply(edit).map_err(|error| error.to_string()),
            Request::Sign { by, meaning, passphrase } => {
                self.workspace.sign(&by, &meaning, passphrase.as_str()).map_err(|error| error.to_string()).map(
                    |saved| {
                        self.notice = Some(saved_notice("Signed and saved", &self.workspace, &saved));
                    },
                )
            }
            Request::Amend { by, reason, passphrase } => {
                self.workspace.amend(&by, &reason, passphrase.as_str()).map_err(|error| error.to_string()).map(
                    |saved| {
                        self.notice = Some(saved_notice("Reopened for amendment and saved", &self.workspace, &saved));
                    },
                )
            }
        };
        match outcome {
            Ok(()) => {
                *message = None;
                !close
            }
            Err(error) => {
                *message = Some(error);
                true
            }
        }
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialog.take() else { return };
        let keep = match &mut dialog {
            Dialog::Override { protocol, criterion, reason, by, message } => {
                let fields = OverrideFields { protocol, criterion, reason, by, message };
                let result = override_dialog_ui(ctx, fields, &self.workspace);
                let records = matches!(&result, DialogResult::Request { request, .. } if matches!(**request, Request::Edit(Edit::Decide(_))));
                let keep = self.carry_out(result, message);
                // An override the engine does not apply keeps the dialog open, saying why.
                match override_refusal(&self.workspace, protocol, criterion) {
                    Some(refusal) if records && !keep => {
                        *message = Some(refusal);
                        true
                    }
                    _ => keep,
                }
            }
            Dialog::Judgment { protocol, criterion, passes, reason, by, message } => {
                let fields = JudgmentFields { protocol, criterion, passes, reason, by, message };
                let result = judgment_dialog_ui(ctx, fields, &self.workspace);
                self.carry_out(result, message)
            }
            Dialog::Withdraw { protocol, criterion, is_override, reason, message } => {
                let fields = WithdrawFields { protocol, criterion, is_override: *is_override, reason, message };
                let result = withdraw_dialog_ui(ctx, fields);
                self.carry_out(result, message)
            }
            Dialog::Sign { by, meaning, passphrase, message } => {
                let fields = SignFields { by, meaning, passphrase, message };
                let result = sign_dialog_ui(ctx, fields, &self.workspace);
                self.carry_out(result, message)
            }
            Dialog::Amend { by, reason, passphrase, message } => {
                let fields = AmendFields { by, reason, passphrase, message };
                let result = amend_dialog_ui(ctx, fields);
                self.carry_out(result, message)
            }
            Dialog::CreateIdentity { name, passphrase, repeated, message } => {
                let fields = IdentityFields { name, passphrase, repeated, message };
                signer_identity_dialog_ui(ctx, fields, &self.workspace, &mut self.notice) == DialogResult::Stay
            }
            Dialog::Rescreen { protocol, message } => {
                let result = rescreen_dialog_ui(ctx, protocol, message, &self.workspace);
                self.carry_out(result, message)
            }
            Dialog::Print(state) => {
                crate::ui::print_dialog_ui::print_dialog_ui(ctx, state, &self.workspace) == DialogResult::Stay
            }
            Dialog::SaveAs { folder, file_name, then, message } => {
                match save_as_dialog_ui(ctx, folder, file_name, message) {
                    SaveAsChoice::Stay => true,
                    SaveAsChoice::Cancel => false,
                    SaveAsChoice::ChooseFolder => {
                        self.file_dialogs.start(FilePurpose::SaveFolder, Some(folder.clone()), ctx);
                        true
                    }
                    SaveAsChoice::Save(path) => {
                        if self.save_to(&path) {
                            if let Some(then) = then.take() {
                                self.leave(then, ctx);
                            }
                            false
                        } else {
                            *message = Some("not saved (see the message)".to_owned());
                            true
                        }
                    }
                }
            }
            Dialog::Unsaved { then } => {
                let can_save = self.workspace.document().is_some_and(|d| {
                    d.path().is_some() && matches!(d.origin(), DocumentOrigin::File | DocumentOrigin::Recovered)
                });
                let name = self.workspace.document().map(|d| d.display_name()).unwrap_or_default();
                match unsaved_prompt_ui(ctx, &name, can_save) {
                    UnsavedChoice::Stay => true,
                    UnsavedChoice::Cancel => false,
                    UnsavedChoice::Save => {
                        self.save(Some(then.clone()), ctx);
                        false
                    }
                    UnsavedChoice::Discard => {
                        if let Err(error) = self.workspace.discard_changes() {
                            self.notice = Some(format!("The recovery journal could not be removed: {error}"));
                        }
                        self.leave(then.clone(), ctx);
                        false
                    }
                }
            }
            Dialog::Recovery { found, message } => match recovery_prompt_ui(ctx, found, message) {
                RecoveryChoice::Stay => true,
                RecoveryChoice::Later => false,
                RecoveryChoice::Restore(index) => match found.get(index) {
                    Some(journal) => match self.workspace.open_recovered(journal) {
                        Ok(()) => {
                            found.remove(index);
                            false
                        }
                        Err(error) => {
                            *message = Some(format!("{}: {error}", journal.path.display()));
                            true
                        }
                    },
                    None => true,
                },
                RecoveryChoice::Discard(index) => {
                    if let Some(journal) = found.get(index) {
                        match recovery::discard(&journal.path) {
                            Ok(()) => {
                                found.remove(index);
                            }
                            Err(error) => *message = Some(format!("{}: {error}", journal.path.display())),
                        }
                    }
                    !found.is_empty()
                }
            },
            Dialog::Problem { title, message } => !problem_dialog_ui(ctx, title, message),
        };
        if keep && self.dialog.is_none() {
            self.dialog = Some(dialog);
        }
    }
}

/// What the window says after removing temporaries an interrupted save left behind.
fn stale_notice(removed: &[std::path::PathBuf]) -> Option<String> {
    (!removed.is_empty()).then(|| {
        let names: Vec<String> = removed.iter().map(|path| path.display().to_string()).collect();
        format!(
            "Removed {} temporary file(s) left by an interrupted save (the session file itself is complete): {}",
            names.len(),
            names.join(", ")
        )
    })
}

/// Makes the focused text field give up its focus, so it commits what is typed this
/// frame, before a shortcut acts on the session.
fn commit_focused_field(ctx: &egui::Context) {
    ctx.memory_mut(|memory| {
        if let Some(id) = memory.focused() {
            memory.surrender_focus(id);
        }
    });
}

/// The session line: participant, dates, investigator, signature, and what happened last.
fn session_line_ui(
    ui: &mut Ui,
    document: &crate::app::workspace::Document,
    notice: &Option<String>,
    journal_problem: &Option<String>,
    commands: &mut Vec<Command>,
) {
    let session = &document.session();
    let dates = session.dates;
    ui.horizontal_wrapped(|ui| {
        ui.label(theme::bold(format!("Participant {}", session.participant_code)));
        let mut line = format!("screening {}", dates.screening);
        if let Some(consent) = dates.consent {
            line.push_str(&format!(" · consent {consent}"));
        }
        match dates.enrollment {
            Some(enrollment) => line.push_str(&format!(" · enrollment {enrollment}")),
            None => line.push_str(" · enrollment not yet known"),
        }
        if let Some(investigator) = &session.investigator {
            line.push_str(&format!(" · {investigator}"));
        }
        ui.label(line);
        if let DocumentOrigin::Example { .. } = document.origin() {
            ui.label(RichText::new("example: saving asks for a new file").weak());
        }
        // A session that contradicts itself can be neither signed nor amended, only copied.
        let contradicts_itself = document.board().lists_a_protocol_twice;
        match &session.signature {
            Some(signature) => {
                ui.label(
                    RichText::new(format!(
                        "✔ signed by {} at {}",
                        signature.by,
                        signature.at.format("%Y-%m-%d %H:%M UTC")
                    ))
                    .strong(),
                );
                if ui.add_enabled(!contradicts_itself, egui::Button::new("Amend…")).clicked() {
                    commands.push(amend_command(document));
                }
            }
            None => {
                if ui.add_enabled(!contradicts_itself, egui::Button::new("Sign…")).clicked() {
                    commands.push(sign_command(document));
                }
            }
        }
        if contradicts_itself {
            ui.label(RichText::new("read-only: the session contradicts itself").strong());
        }
    });
    let theme = ui.ctx().theme();
    if let Some(why) = &document.questioned() {
        ui.label(RichText::new(format!("✖ read-only: {why}")).color(theme::error_colour(theme)));
    }
    if let Some(problem) = journal_problem {
        ui.label(RichText::new(format!("⚠ {problem}")).color(theme::error_colour(theme)));
    }
    if let Some(notice) = notice {
        ui.label(RichText::new(notice).weak());
    }
}

/// The command that opens the sign dialog for a document.
pub fn sign_command(document: &crate::app::workspace::Document) -> Command {
    Command::Show(Dialog::Sign {
        by: document.session().investigator.clone().unwrap_or_default(),
        meaning: DEFAULT_SIGNATURE_MEANING.to_owned(),
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

/// What the window says after a save: where, and what could not be done beside it.
pub fn saved_notice(what: &str, workspace: &Workspace, outcome: &SaveOutcome) -> String {
    let path = workspace.document().and_then(|d| d.path().as_ref()).map(|p| p.display().to_string());
    let mut notice = format!("{what} to {}", path.unwrap_or_default());
    if let Some(left) = &outcome.journal_left {
        notice.push_str(&format!("; the recovery journal could not be removed ({left})"));
    }
    if let Some(problem) = &outcome.ledger_problem {
        notice.push_str(&format!(
            "; ⚠ this computer's witness ledger could not record the save ({problem}), so a later rollback to the version before cannot be seen here"
        ));
    }
    notice
}
