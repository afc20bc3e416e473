//! "Print…" (Ctrl+P): writes the screening summary as a PDF/A file beside the session (or
//! in the sessions folder for one never saved), then offers to open it in the system
//! viewer and, where the OS has `lp`, to hand it to the print system. The app itself opens
//! no network socket; printing is the OS's business.

use std::path::{Path, PathBuf};

use crate::app::workspace::Workspace;
use crate::report::{self, Paper};
use crate::screening::Screening;
use crate::ui::dialog_frame::{DialogResult, error_line_ui, modal_ui};

/// What the print dialog holds between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrintState {
    pub paper: Paper,
    /// The PDF written, once written.
    pub written: Option<PathBuf>,
    pub message: Option<String>,
}

/// Where the summary of the open document goes: `NAME.summary.pdf` beside its file, or in
/// the sessions folder under the participant code.
pub fn summary_path(workspace: &Workspace) -> Option<PathBuf> {
    let document = workspace.document.as_ref()?;
    Some(match &document.path {
        Some(path) => {
            let stem =
                path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "session".to_owned());
            path.with_file_name(format!("{stem}.summary.pdf"))
        }
        None => {
            let stem = workspace.suggested_file_name();
            let stem = stem.strip_suffix(".ron").unwrap_or(&stem).to_owned();
            workspace.folders.sessions.join(format!("{stem}.summary.pdf"))
        }
    })
}

/// Writes the summary PDF of the open document; returns where.
pub fn write_summary(workspace: &Workspace, paper: Paper) -> Result<PathBuf, String> {
    let document = workspace.document.as_ref().ok_or("no session is open")?;
    let path = summary_path(workspace).ok_or("no session is open")?;
    let screening = Screening::evaluate(&workspace.library, &document.session, workspace.today());
    let file_name = document.display_name();
    let pdf =
        report::write_summary_pdf(&screening, &file_name, paper, (workspace.clock)()).map_err(|e| e.to_string())?;
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    crate::files::atomic_write::write_private(&path, &pdf).map_err(|e| e.to_string())?;
    Ok(path)
}

/// Opens a file with the desktop's viewer.
fn open_in_viewer(path: &Path) -> Result<(), String> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(path)
        .spawn()
        .map(drop)
        .map_err(|e| format!("no viewer could be started ({e}); the PDF is at {}", path.display()))
}

/// The OS print command, where one is installed.
fn print_command() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|folder| folder.join("lp")).find(|candidate| candidate.is_file())
}

/// The print dialog.
pub fn print_dialog_ui(ctx: &egui::Context, state: &mut PrintState, workspace: &Workspace) -> DialogResult {
    modal_ui(ctx, "Print the screening summary", |ui| {
        if workspace.document.as_ref().is_some_and(|d| d.is_dirty) {
            ui.label("⚠ The session has unsaved changes: the summary shows them, but its file name and hash are those of the unsaved session. Save first to print what is on disk.");
        }
        ui.horizontal(|ui| {
            ui.label("Paper");
            ui.radio_value(&mut state.paper, Paper::A4, "A4");
            ui.radio_value(&mut state.paper, Paper::Letter, "US Letter");
        });
        if let Some(path) = summary_path(workspace) {
            ui.label(format!("The PDF is written to {}", path.display()));
        }
        error_line_ui(ui, &state.message);
        let mut result = DialogResult::Stay;
        ui.horizontal(|ui| {
            if ui.button("Write PDF").clicked() {
                match write_summary(workspace, state.paper) {
                    Ok(path) => {
                        state.written = Some(path);
                        state.message = None;
                    }
                    Err(error) => state.message = Some(error),
                }
            }
            if let Some(path) = state.written.clone() {
                if ui.button("Open in viewer").clicked()
                    && let Err(error) = open_in_viewer(&path)
                {
                    state.message = Some(error);
                }
                if let Some(lp) = print_command()
                    && ui.button("Send to printer").clicked()
                {
                    state.message = match std::process::Command::new(lp).arg(&path).status() {
                        Ok(status) if status.success() => Some("sent to the printer".to_owned()),
                        Ok(status) => Some(format!("the print system refused it ({status})")),
                        Err(error) => Some(format!("the print system could not be reached: {error}")),
                    };
                }
            }
            if ui.button("Close").clicked() {
                result = DialogResult::Close;
            }
        });
        if let Some(path) = &state.written {
            ui.label(format!("✔ Written: {}", path.display()));
        }
        result
    })
}
