//! `trialscreen amend FILE --by NAME --reason …`: reopens a signed session.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::edit_file;
use crate::cli::outln;
use crate::library::Library;
use crate::session::audit::Edit;
use crate::session::plain_text::{TextKind, check_text};

/// Reopens a signed session for an amendment (the signature stays in the trail).
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    pub file: PathBuf,
    #[arg(long)]
    pub by: String,
    /// Why the signed record must change.
    #[arg(long)]
    pub reason: String,
}

/// Records the amendment and saves the file.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { file, by, reason } = args;
    check_text(TextKind::Name, &by)?;
    check_text(TextKind::Reason, &reason)?;
    edit_file(&file, library, |_| Edit::Amend { reason }, &by, |_| None)?;
    outln!("✔ {} reopened for amendment; the earlier signature stays in the audit trail", file.display());
    Ok(ExitCode::SUCCESS)
}
