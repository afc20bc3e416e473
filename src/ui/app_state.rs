//! The whole workstation UI over one [`Workspace`]: panels borrow the state and push
//! [`Command`]s; after the frame's widgets the commands run in one place (edits first).
//! No repaint is asked for unless something changed, except the one timer that writes the
//! recovery journal while there are unjournalled edits.
//!
//! One job per file: this one lays out the frame; [`command_handling`] runs the commands
//! and the file operations they lead to; [`dialogs`] shows the dialog and carries out what
//! it asks for; [`window_events`] reads shortcuts, the close request and native file
//! dialogs' answers.

mod command_handling;
mod dialogs;
mod window_events;

use command_handling::stale_notice;
pub use command_handling::{amend_command, create_identity_command, saved_notice, sign_command};

use egui::{Panel, RichText, ScrollArea, Ui, ViewportCommand};

use crate::app::session_browser::SessionBrowser;
use crate::app::workspace::{Clock, DocumentOrigin, Folders, Workspace};
use crate::library::Library;
use crate::session::recovery;
use crate::ui::command::Command;
use crate::ui::criteria_board_ui::{BoardActions, criteria_board_ui};
use crate::ui::dialog::Dialog;
use crate::ui::file_dialog::FileDialogs;
use crate::ui::menu_bar_ui::menu_bar_ui;
use crate::ui::patient_form_ui::{FormContext, patient_form_ui};
use crate::ui::preferences::Preferences;
use crate::ui::session_browser_ui::session_browser_ui;
use crate::ui::start_view_ui::{NewScreeningDraft, StartView, start_view_ui};
use crate::ui::theme;
use crate::ui::verdict_strip_ui::verdict_strip_ui;

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
    /// What happened last ("Saved to …"), shown on the session line in the language of the
    /// frame.
    pub notice: Option<crate::i18n::Said>,
    /// Why the recovery journal could not be written, shown until it can.
    pub journal_problem: Option<crate::i18n::Said>,
    commands: Vec<Command>,
    focus: Option<String>,
    file_dialogs: FileDialogs,
    show_browser: bool,
    allowed_to_close: bool,
    /// Extra frames to wait, after a close request, for the focused field to commit.
    close_after_commit: Option<u8>,
    shown_title: String,
    is_set_up: bool,
    /// The browser's first scan waits for the first frame: the window is drawn before the
    /// scan takes the cores.
    scan_at_start: bool,
}

impl AppState {
    /// The state at start: no session open. Call [`Self::offer_recovery`] once the
    /// preferences (recent files) are known.
    pub fn new(library: Library, folders: Folders, clock: Clock, preferences: Preferences) -> Self {
        let workspace = Workspace::new(library, folders.clone(), clock);
        let today = workspace.today();
        crate::i18n::set_thread_language(preferences.language.unwrap_or_default());
        let mut state = Self {
            workspace,
            preferences,
            dialog: None,
            browser: SessionBrowser::new(folders.sessions)
                .with_cache(crate::app::summary_cache::CacheStore::of(&folders.user_data)),
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
            scan_at_start: true,
        };
        let problems = state.workspace.library.site_problems.len();
        if problems > 0 {
            state.notice =
                Some(crate::i18n::Said::message("notice-site-problems", vec![("count", problems.to_string())]));
        }
        state
    }

    /// Shows every word in `language` from this frame on and remembers the choice; the board
    /// is rebuilt in it (the session is not touched: records keep ids).
    pub fn set_language(&mut self, language: crate::i18n::Language) {
        self.preferences.language = Some(language);
        crate::i18n::set_thread_language(language);
        self.workspace.refresh_words();
        // The browser's rows word their verdicts when shown; what a scan worded (a file that
        // does not read, the counts) is read again in the new language.
        if !self.scan_at_start {
            self.browser.start_scan(&self.workspace.library, self.workspace.today());
        }
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
                title: crate::i18n::text("problem-journal-title"),
                message: format!("{}\n{}", crate::i18n::text("problem-journal-left"), lines.join("\n")),
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
            // A second frame, which starts the browser's scan.
            ctx.request_repaint();
        } else if self.scan_at_start {
            // In the background: the start view is already drawn, the list fills in as it is read.
            self.scan_at_start = false;
            self.browser.start_scan(&self.workspace.library, self.workspace.today());
        }
        self.poll_file_dialog(&ctx);
        self.browser.poll();
        if self.browser.is_scanning() {
            // Until the scan completes; a repaint soon, not at once, leaves the cores to it.
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
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
            egui::Window::new(crate::i18n::text("browser-window-title")).open(&mut open).default_width(720.0).show(
                &ctx,
                |ui| {
                    session_browser_ui(ui, &mut self.browser, &mut self.commands);
                },
            );
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
        // The board keeps at least a third of the window, however the panel is dragged, and
        // at narrow widths the form narrows first: it starts at 45 % of the window (at most
        // 620 px), so at 1024 px the board has more room than the form.
        let width = ui.available_width();
        let widest_form = (width * 0.66).max(400.0);
        let form_width = (width * 0.45).clamp(340.0, 620.0);
        // egui's separator is a faint 1 px line: the divider is drawn on the board's edge
        // instead, visible in both themes, with a grip over the panel's resize handle.
        let form = Panel::left("patient form")
            .resizable(true)
            .show_separator_line(false)
            .default_size(form_width)
            .size_range(340.0..=widest_form)
            .show(ui, |ui| {
                ScrollArea::vertical().auto_shrink(false).id_salt(("form scroll", document.generation())).show(
                    ui,
                    |ui| {
                        let mut cx =
                            FormContext { library: &workspace.library, document, today, commands, focus, read_only };
                        patient_form_ui(ui, &mut cx);
                    },
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let edge = form.response.rect;
            let board = egui::Rect::from_x_y_ranges(edge.right()..=ui.max_rect().right(), edge.y_range());
            theme::divider_ui(ui, board);
            ScrollArea::vertical().auto_shrink(false).id_salt(("board scroll", document.generation())).show(ui, |ui| {
                let investigator = document.session().investigator.as_deref().unwrap_or_default();
                let mut actions = BoardActions { read_only, investigator, commands };
                criteria_board_ui(ui, document.board(), &mut actions);
            });
        });
    }

    fn start_screening(&mut self) {
        // Why it cannot start is said in the window's language, also after a change of it:
        // the form's own check is made again, the workspace's refusal kept as it is.
        let result = match self.new_screening.to_new_screening() {
            Ok(new) => {
                self.workspace.new_screening(new).map_err(|error| crate::i18n::Said::new(move || error.to_string()))
            }
            Err(_) => {
                let draft = self.new_screening.clone();
                Err(crate::i18n::Said::new(move || draft.to_new_screening().err().unwrap_or_default()))
            }
        };
        match result {
            Ok(()) => {
                let today = self.workspace.today();
                self.new_screening = match self.workspace.document() {
                    Some(document) => NewScreeningDraft::after(document.session(), today),
                    None => NewScreeningDraft::new(today),
                };
                // The cursor goes to the form's first item (the visit's details were just
                // typed): the first Tab never has to cross the menu bar and the header.
                self.focus = self
                    .workspace
                    .document()
                    .and_then(|document| document.form_item_after(&self.workspace.library.knowledge, None));
                self.notice = None;
            }
            Err(message) => self.new_screening.message = Some(message),
        }
    }
}

/// The session line: participant, dates, investigator, signature, and what happened last.
fn session_line_ui(
    ui: &mut Ui,
    document: &crate::app::workspace::Document,
    notice: &Option<crate::i18n::Said>,
    journal_problem: &Option<crate::i18n::Said>,
    commands: &mut Vec<Command>,
) {
    let session = &document.session();
    // One line at any width: the buttons and the signature on the right, the participant,
    // dates and investigator on the left, cut with "…" when the window is narrow (the whole
    // line on hover), so the header never takes a second line from the board.
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // A session that contradicts itself can be neither signed nor amended, only copied.
            let contradicts_itself = document.board().lists_a_protocol_twice;
            match &session.signature {
                Some(signature) => {
                    if ui
                        .add_enabled(!contradicts_itself, egui::Button::new(crate::i18n::text("header-amend")))
                        .clicked()
                    {
                        commands.push(amend_command(document));
                    }
                    let signed = crate::i18n::text_with(
                        "header-signed",
                        &[
                            ("by", signature.by.clone()),
                            ("time", signature.at.format("%Y-%m-%d %H:%M UTC").to_string()),
                        ],
                    );
                    ui.label(RichText::new(signed).strong());
                }
                None => {
                    if ui
                        .add_enabled(!contradicts_itself, egui::Button::new(crate::i18n::text("header-sign")))
                        .clicked()
                    {
                        commands.push(sign_command(document));
                    }
                }
            }
            if contradicts_itself {
                ui.label(RichText::new(crate::i18n::text("header-contradicts")).strong());
            }
            // What happened last ("Saved to …"), on this line rather than one of its own: at
            // most 40 % of it, cut with "…" (whole on hover). Appearing or going, it moves
            // nothing up or down.
            if let Some(notice) = notice {
                let width = ui.available_width() * 0.4;
                ui.scope(|ui| {
                    ui.set_max_width(width);
                    ui.add(egui::Label::new(RichText::new(notice.text()).weak()).truncate());
                });
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let mut line = egui::text::LayoutJob::default();
                let style = ui.style();
                let bold = egui::FontId::new(
                    egui::TextStyle::Body.resolve(style).size,
                    egui::FontFamily::Name(theme::BOLD.into()),
                );
                let body = egui::TextStyle::Body.resolve(style);
                let text = style.visuals.text_color();
                line.append(
                    &crate::i18n::text_with("header-participant", &[("code", session.participant_code.clone())]),
                    0.0,
                    egui::TextFormat::simple(bold, text),
                );
                line.append(&session_dates_line(session), 8.0, egui::TextFormat::simple(body.clone(), text));
                if let DocumentOrigin::Example { .. } = document.origin() {
                    let weak = style.visuals.weak_text_color();
                    line.append(&crate::i18n::text("header-example"), 8.0, egui::TextFormat::simple(body, weak));
                }
                ui.add(egui::Label::new(line).truncate());
            });
        });
    });
    let theme = ui.ctx().theme();
    if let Some(why) = &document.questioned() {
        ui.label(
            RichText::new(crate::i18n::text_with("header-read-only", &[("why", why.to_string())]))
                .color(theme::error_colour(theme)),
        );
    }
    if let Some(problem) = journal_problem {
        ui.label(RichText::new(format!("⚠ {problem}")).color(theme::error_colour(theme)));
    }
}

/// "screening 2026-11-02 · consent 2026-11-02 · enrollment 2026-11-30 · Dr A. Investigator".
fn session_dates_line(session: &crate::session::model::Session) -> String {
    let dates = session.dates;
    let words = |id, date: chrono::NaiveDate| crate::i18n::text_with(id, &[("date", date.to_string())]);
    let mut line = words("header-screening", dates.screening);
    if let Some(consent) = dates.consent {
        line.push_str(&format!(" · {}", words("header-consent", consent)));
    }
    match dates.enrollment {
        Some(enrollment) => line.push_str(&format!(" · {}", words("header-enrollment", enrollment))),
        None => line.push_str(&format!(" · {}", crate::i18n::text("header-enrollment-unknown"))),
    }
    if let Some(investigator) = &session.investigator {
        line.push_str(&format!(" · {investigator}"));
    }
    line
}
