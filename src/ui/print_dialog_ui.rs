//! "Print…" (Ctrl+P): writes the screening summary as a PDF/A file beside the session (or
//! in the sessions folder for one never saved), then offers to open it in the system
//! viewer and, where the OS has `lp`, to hand it to the print system. The app itself opens
//! no network socket; printing is the OS's business. What is done lives in
//! `app::printing`; nothing here waits: `lp` is looked for once, when the dialog opens, and
//! runs on a thread of its own.

use std::path::PathBuf;

use crate::app::printing::{PrintJob, find_print_command, open_in_viewer, summary_path, write_summary};
use crate::app::workspace::Workspace;
use crate::i18n;
use crate::report::Paper;
use crate::ui::dialog_frame::{DialogResult, error_line_ui, modal_ui};

/// What the print dialog holds between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrintState {
    /// The paper size chosen.
    pub paper: Paper,
    /// The PDF written, once written.
    pub written: Option<PathBuf>,
    /// The last problem or outcome to show.
    pub message: Option<String>,
    /// The OS print command, found when the dialog opened (None: no printing offered).
    pub printer: Option<PathBuf>,
    /// The job handed to the print command, while it runs and after.
    pub job: Option<PrintJob>,
}

impl PrintState {
    /// The dialog as it opens: the print command is looked for here, once.
    pub fn opened() -> Self {
        Self { printer: find_print_command(std::env::var_os("PATH").as_deref()), ..Self::default() }
    }
}

/// The print dialog.
pub fn print_dialog_ui(ctx: &egui::Context, state: &mut PrintState, workspace: &Workspace) -> DialogResult {
    if let Some(outcome) = state.job.as_ref().and_then(PrintJob::outcome) {
        state.message = Some(outcome.to_owned());
        state.job = None;
    }
    modal_ui(ctx, &i18n::text("print-title"), |ui| {
        if workspace.document().is_some_and(|d| d.is_dirty()) {
            ui.label(i18n::text("print-unsaved"));
        }
        ui.horizontal(|ui| {
            ui.label(i18n::text("print-paper"));
            ui.radio_value(&mut state.paper, Paper::A4, "A4");
            ui.radio_value(&mut state.paper, Paper::Letter, i18n::text("print-letter"));
        });
        if let Some(path) = summary_path(workspace) {
            ui.label(i18n::text_with("print-written-to", &[("path", path.display().to_string())]));
        }
        error_line_ui(ui, &state.message);
        let mut result = DialogResult::Stay;
        ui.horizontal(|ui| {
            if ui.button(i18n::text("print-write")).clicked() {
                match write_summary(workspace, state.paper) {
                    Ok(path) => {
                        state.written = Some(path);
                        state.message = None;
                    }
                    Err(error) => state.message = Some(error),
                }
            }
            if let Some(path) = state.written.clone() {
                if ui.button(i18n::text("print-open")).clicked()
                    && let Err(error) = open_in_viewer(&path)
                {
                    state.message = Some(error);
                }
                if let Some(lp) = &state.printer {
                    let printing = state.job.is_some();
                    let label = i18n::text(if printing { "print-sending" } else { "print-send" });
                    if ui.add_enabled(!printing, egui::Button::new(label)).clicked() {
                        let ctx = ui.ctx().clone();
                        state.job = Some(PrintJob::start(lp, &path, move || ctx.request_repaint()));
                        state.message = None;
                    }
                }
            }
            if ui.button(i18n::text("dialog-close")).clicked() {
                result = DialogResult::Close;
            }
        });
        if let Some(path) = &state.written {
            ui.label(i18n::text_with("print-written", &[("path", path.display().to_string())]));
        }
        result
    })
}
