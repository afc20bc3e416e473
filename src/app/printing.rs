//! Printing the screening summary: where its PDF goes, writing it, opening it in the
//! desktop's viewer, and handing it to the OS print command (`lp`) on a thread of its own,
//! so that no frame waits on the print system. Found once per dialog: whether `lp` exists.
//! No egui here; the print dialog renders this.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::app::workspace::Workspace;
use crate::i18n;
use crate::report::{self, Paper};
use crate::screening::Screening;

/// Where the summary of the open document goes: `NAME.summary.pdf` beside its file, or in
/// the sessions folder under the participant code.
pub fn summary_path(workspace: &Workspace) -> Option<PathBuf> {
    let document = workspace.document()?;
    Some(match &document.path() {
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
    let document = workspace.document().ok_or_else(|| i18n::text("print-no-session"))?;
    let path = summary_path(workspace).ok_or_else(|| i18n::text("print-no-session"))?;
    let screening = Screening::evaluate(&workspace.library, document.session(), workspace.today());
    let file_name = document.display_name();
    let pdf =
        report::write_summary_pdf(&screening, &file_name, paper, (workspace.clock)()).map_err(|e| e.to_string())?;
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| {
            i18n::text_with(
                "print-cannot-create",
                &[("folder", folder.display().to_string()), ("error", e.to_string())],
            )
        })?;
    }
    crate::files::atomic_write::write_private(&path, &pdf).map_err(|e| e.to_string())?;
    Ok(path)
}

/// Opens a file with the desktop's viewer (the viewer is spawned, never waited on).
pub fn open_in_viewer(path: &Path) -> Result<(), String> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path).spawn().map(drop).map_err(|e| {
        i18n::text_with("print-no-viewer", &[("error", e.to_string()), ("path", path.display().to_string())])
    })
}

/// The OS print command in the folders of `PATH`, where one is installed. A search of the
/// file system: call it once (when the print dialog opens), never per frame.
pub fn find_print_command(path_variable: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path_variable?).map(|folder| folder.join("lp")).find(|candidate| candidate.is_file())
}

/// A PDF handed to the print command, running on its own thread: its outcome, once known.
/// Cloning shares the job; two jobs are equal only when they are the same job.
#[derive(Clone, Debug, Default)]
pub struct PrintJob(Arc<OnceLock<String>>);

impl PartialEq for PrintJob {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl PrintJob {
    /// Runs `command FILE` on a thread; `finished` is called from that thread when the
    /// outcome is known (the window asks for a repaint there).
    pub fn start(command: &Path, file: &Path, finished: impl FnOnce() + Send + 'static) -> Self {
        let job = Self::default();
        let outcome = Arc::clone(&job.0);
        let mut process = std::process::Command::new(command);
        process.arg(file);
        // The outcome is said in the language of the window that started the job.
        let language = i18n::language();
        let spawned = std::thread::Builder::new().name("print".to_owned()).spawn(move || {
            i18n::set_thread_language(language);
            let said = match process.status() {
                Ok(status) if status.success() => i18n::text("print-sent"),
                Ok(status) => i18n::text_with("print-refused", &[("status", status.to_string())]),
                Err(error) => i18n::text_with("print-unreachable", &[("error", error.to_string())]),
            };
            let _ = outcome.set(said);
            finished();
        });
        if let Err(error) = spawned {
            let _ = job.0.set(i18n::text_with("print-unreachable", &[("error", error.to_string())]));
        }
        job
    }

    /// What the print command said, once it has finished.
    pub fn outcome(&self) -> Option<&str> {
        self.0.get().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_command_is_found_in_path_only_where_it_is_a_file() {
        let folder = tempfile::tempdir().unwrap();
        let empty = tempfile::tempdir().unwrap();
        let joined = std::env::join_paths([empty.path(), folder.path()]).unwrap();
        assert_eq!(find_print_command(Some(&joined)), None);
        std::fs::write(folder.path().join("lp"), "").unwrap();
        assert_eq!(find_print_command(Some(&joined)), Some(folder.path().join("lp")));
        assert_eq!(find_print_command(None), None);
    }

    /// The outcome of a job, waiting at most ten seconds for it.
    fn finished(job: &PrintJob) -> String {
        for _ in 0..2000 {
            if let Some(outcome) = job.outcome() {
                return outcome.to_owned();
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the print job did not finish");
    }

    #[cfg(unix)]
    #[test]
    fn a_print_job_runs_off_the_calling_thread_and_reports_its_outcome() {
        let (sender, receiver) = std::sync::mpsc::channel();
        // `sleep` stands in for a print system that takes its time: starting the job
        // returns before it finishes.
        let job = PrintJob::start(Path::new("sleep"), Path::new("0.3"), move || {
            let _ = sender.send(());
        });
        assert_eq!(job.outcome(), None, "start returned while the command runs");
        receiver.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        assert_eq!(job.outcome(), Some("sent to the printer"));
        let refused = PrintJob::start(Path::new("false"), Path::new("x"), || {});
        assert!(finished(&refused).starts_with("the print system refused it"));
        let missing = PrintJob::start(Path::new("/nonexistent/lp"), Path::new("x"), || {});
        assert!(finished(&missing).starts_with("the print system could not be reached"));
        assert_eq!(job.clone(), job);
        assert_ne!(job, refused);
    }
}
