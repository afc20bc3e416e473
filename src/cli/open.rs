//! `trialscreen open FILE` (and `trialscreen` alone): the workstation window.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::library::Library;

/// Opens a session file in the workstation window.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub file: PathBuf,
}

/// Runs the window with the session open.
pub fn run(args: Args, library: Library, started: Instant) -> anyhow::Result<ExitCode> {
    window(library, started, Some(args.file))
}

/// Runs the workstation window, optionally opening a session file first. Set
/// `TRIALSCREEN_REPORT_STARTUP` to print the time to the first frame.
pub fn window(library: Library, started: Instant, file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let report_startup = std::env::var_os("TRIALSCREEN_REPORT_STARTUP").is_some();
    crate::ui::workstation_app::run(library, started, report_startup, file).map_err(|error| {
        anyhow::anyhow!(crate::i18n::text_with("cli-window-failed", &[("error", error.to_string())]))
    })?;
    Ok(ExitCode::SUCCESS)
}
