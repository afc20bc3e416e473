//! `trialscreen log FOLDER -o log.csv`: the site screening log of a folder of sessions.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::common::{PaperArg, refuse_overwriting};
use crate::cli::{out, outln};
use crate::library::Library;
use crate::report::log::ScreeningLog;
use crate::session::store;

/// Writes the screening log of a folder of session files as CSV and prints the counts.
/// Exit 0 when every file was read, 1 when some could not be (they are listed).
#[derive(Debug, clap::Args)]
pub struct Args {
    // The folder of session files. (Comments, not docs: `--help` stays as it was.)
    pub folder: PathBuf,
    /// The CSV to write: one row per session file and protocol.
    #[arg(short, long, value_name = "log.csv")]
    pub output: PathBuf,
    /// Also write the counts as a PDF/A-2u page.
    #[arg(long, value_name = "counts.pdf")]
    pub pdf: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
}

/// Writes the CSV (and the counts PDF), prints the counts.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { folder, output, pdf, paper } = args;
    let files = session_files(&folder)?;
    refuse_overwriting(&output, &files)?;
    if let Some(pdf) = &pdf {
        refuse_overwriting(pdf, &files)?;
    }
    let log = build_log(library, &files);
    std::fs::write(&output, log.to_csv()).with_context(|| format!("cannot write {}", output.display()))?;
    out!("{}", log.counts_text());
    if let Some(pdf) = &pdf {
        let bytes = log.counts_pdf(&folder.display().to_string(), paper.into(), chrono::Utc::now())?;
        std::fs::write(pdf, bytes).with_context(|| format!("cannot write {}", pdf.display()))?;
    }
    outln!("✔ {} rows written to {}", log.rows.len(), output.display());
    Ok(if log.unreadable.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The session files of a folder (`*.ron`, not backups or temporary files), sorted.
fn session_files(folder: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("cannot read the folder {}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    Ok(files)
}

/// The log of session files; a file that cannot be read is listed, never skipped.
fn build_log(library: &Library, files: &[PathBuf]) -> ScreeningLog {
    ScreeningLog::build(library, files, |path| {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        // The log names the file already; the message need not repeat its path.
        let text =
            store::read_text(path).map_err(|error| error.to_string().replace(&path.display().to_string(), "the file"));
        (name, text)
    })
}
