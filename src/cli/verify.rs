//! `trialscreen verify FILE`: the audit trail recomputed and replayed.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::open;
use crate::cli::{out, outln};
use crate::session::audit::{content_hash, verify};

/// Verifies a session's audit trail: exit 0 intact, 1 altered (naming what), 2 unreadable.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    pub file: PathBuf,
}

/// Prints the verdict and every problem found.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let file = args.file;
    let (session, _) = open(&file)?;
    let report = verify(&session);
    for seq in &report.clock_went_back {
        outln!("⚠ entry {seq} is timed before the entry preceding it: the clock went backwards");
    }
    if report.is_intact() {
        out!(
            "✔ {}: intact — {} audit entries, chain verified, values equal the replay",
            file.display(),
            report.entries
        );
        match &session.signature {
            Some(signature) => outln!(
                "; signed by {} at {} (\"{}\"), content sha256 {}",
                signature.by,
                signature.at.format("%Y-%m-%d %H:%M:%S UTC"),
                signature.meaning,
                signature.content_sha256
            ),
            None => outln!("; not signed (content sha256 {})", content_hash(&session)),
        }
        Ok(ExitCode::SUCCESS)
    } else {
        outln!("✖ {}: the record was altered outside trialscreen", file.display());
        for problem in &report.problems {
            outln!("  {problem}");
        }
        Ok(ExitCode::from(1))
    }
}
