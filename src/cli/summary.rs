//! `trialscreen summary FILE -o OUT.pdf`: the printable summary to sign and file.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::{PaperArg, file_name, open_checked, refuse_overwriting, write_report};
use crate::cli::outln;
use crate::i18n::text_with;
use crate::library::Library;
use crate::report;
use crate::screening::Screening;
use crate::session::audit::verify;

/// Writes the printable screening summary of a session as a PDF/A-2u file.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub file: PathBuf,
    /// The PDF to write.
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: PathBuf,
    #[allow(missing_docs)] // a doc comment would become `--help` text
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
}

/// Writes the PDF; a session that does not verify is printed with a warning.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { file, output, paper } = args;
    refuse_overwriting(&output, std::slice::from_ref(&file))?;
    let (session, _) = open_checked(&file, library)?;
    let screening = Screening::evaluate(library, &session, crate::cli::common::today());
    let pdf = report::write_summary_pdf(&screening, &file_name(&file), paper.into(), chrono::Utc::now())?;
    write_report(&output, &pdf)?;
    let report = verify(&session);
    if !report.is_intact() {
        outln!("{}", text_with("cli-summary-does-not-verify", &[("file", file.display().to_string())]));
    }
    outln!(
        "{}",
        text_with(
            "cli-summary-written",
            &[("code", session.participant_code.clone()), ("output", output.display().to_string())]
        )
    );
    Ok(ExitCode::SUCCESS)
}
