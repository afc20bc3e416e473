//! `trialscreen log FOLDER -o log.csv`: the site screening log of a folder of sessions.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::app::folder_scan::{CacheProblemSaid, Scanned, canonical_folder, screening_log};
use crate::app::summary_cache::{CacheProblem, CacheStore};
use crate::cli::common::{PaperArg, refuse_overwriting, write_report};
use crate::cli::{out, outln};
use crate::i18n::text_with;
use crate::library::Library;
use crate::session::store;
use crate::user_data::UserData;

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
    // One cache per folder, however it is named (the window names it absolutely).
    let folder = canonical_folder(&folder);
    let files = store::list_session_files(&folder)
        .with_context(|| text_with("cli-folder-unreadable", &[("folder", folder.display().to_string())]))?;
    let paths: Vec<PathBuf> = files.iter().map(|file| file.path.clone()).collect();
    refuse_overwriting(&output, &paths)?;
    if let Some(pdf) = &pdf {
        refuse_overwriting(pdf, &paths)?;
    }
    // Every file is read and hashed; the signed summary cache saves parsing, checking and
    // evaluating a file whose bytes it summarised (same build, library, day and language).
    let cache = UserData::from_env().ok().map(|user_data| CacheStore::of(&user_data));
    let Scanned { log, cache_problem } =
        screening_log(&folder, &files, cache.as_ref(), library, crate::cli::common::today());
    // A cache of another day, or none yet, is the usual case, not a problem to report.
    if let Some(problem) = cache_problem
        .filter(|problem| !matches!(problem, CacheProblemSaid::NotUsed(CacheProblem::Absent | CacheProblem::Stale)))
    {
        eprintln!("{}", text_with("cli-log-cache-problem", &[("problem", problem.to_string())]));
    }
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
