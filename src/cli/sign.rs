//! `trialscreen sign FILE --by NAME`: the investigator's sign-off.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::{edit_file, today};
use crate::cli::outln;
use crate::library::Library;
use crate::screening::sign_refusal;
use crate::session::audit::Edit;
use crate::session::plain_text::{TextKind, check_text};

/// Signs a session: name, UTC time and meaning; it is then read-only.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    pub file: PathBuf,
    /// The investigator signing.
    #[arg(long)]
    pub by: String,
    /// What the signature means.
    #[arg(long, default_value = crate::session::model::DEFAULT_SIGNATURE_MEANING)]
    pub meaning: String,
}

/// Signs and saves the file.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { file, by, meaning } = args;
    check_text(TextKind::Name, &by)?;
    check_text(TextKind::Meaning, &meaning)?;
    // The signature records the verdicts as they stand today.
    let sign = |session: &crate::session::model::Session| {
        let verdicts = crate::screening::Screening::evaluate(library, session, today()).verdicts();
        Edit::Sign { by: by.clone(), meaning, verdicts }
    };
    edit_file(&file, library, sign, &by, |session| sign_refusal(library, session))?;
    outln!("✔ signed {} as {by}", file.display());
    Ok(ExitCode::SUCCESS)
}
