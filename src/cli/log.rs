//! `trialscreen log FOLDER -o log.csv`: the site screening log of a folder of sessions.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::common::{PaperArg, refuse_overwriting, write_report};
use crate::cli::{out, outln};
use crate::files::folder::Listed;
use crate::i18n::{text, text_with};
use crate::library::Library;
use crate::report::log::ScreeningLog;
use crate::session::store;

/// Writes the screening log of a folder of session files as CSV and prints the counts.
/// Exit 0 when every file was read, 1 when some could not be (they are listed).
#[derive(Debug, clap::Args)]
pub struct Args {
    // The folder of session files. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub folder: PathBuf,
    /// The CSV to write: one row per session file and protocol.
    #[arg(short, long, value_name = "log.csv")]
    pub output: PathBuf,
    /// Also write the counts as a PDF/A-2u page.
    #[arg(long, value_name = "counts.pdf")]
    pub pdf: Option<PathBuf>,
    #[allow(missing_docs)] // a doc comment would become `--help` text
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
}

/// Writes the CSV (and the counts PDF), prints the counts.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { folder, output, pdf, paper } = args;
    let files = store::list_session_files(&folder)
        .with_context(|| text_with("cli-folder-unreadable", &[("folder", folder.display().to_string())]))?;
    let paths: Vec<PathBuf> = files.iter().map(|file| file.path.clone()).collect();
    refuse_overwriting(&output, &paths)?;
    if let Some(pdf) = &pdf {
        refuse_overwriting(pdf, &paths)?;
    }
    let log = build_log(library, &files);
    write_report(&output, log.to_csv().as_bytes())?;
    out!("{}", log.counts_text());
    if let Some(pdf) = &pdf {
        let bytes = log.counts_pdf(&folder.display().to_string(), paper.into(), chrono::Utc::now())?;
        write_report(pdf, &bytes)?;
    }
    outln!(
        "{}",
        text_with(
            "cli-log-written",
            &[("count", log.rows.len().to_string()), ("output", output.display().to_string())]
        )
    );
    Ok(if log.unreadable.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The log of session files; a file that cannot be read (or is not a file) is listed,
/// never skipped.
fn build_log(library: &Library, files: &[Listed]) -> ScreeningLog {
    ScreeningLog::build(library, crate::cli::common::today(), files, |file| {
        let text = match &file.problem {
            Some(problem) => Err(text_with("cli-log-not-read", &[("problem", problem.to_string())])),
            // The log names the file already; the message need not repeat its path.
            None => store::read_text(&file.path).map_err(|error| {
                error.to_string().replace(&file.path.display().to_string(), &text("cli-log-the-file"))
            }),
        };
        (file.name.clone(), text)
    })
}
