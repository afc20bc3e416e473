//! `trialscreen amend FILE --by NAME --reason … --passphrase-stdin`: reopens a signed
//! session. The amending person's identity is unlocked with their passphrase and signs the
//! amendment (its meaning is the reason); the earlier signature stays in the trail.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::{edit_file, unlock_signer};
use crate::cli::outln;
use crate::i18n::text_with;
use crate::library::Library;
use crate::session::e_signing;
use crate::session::integrity::{Finding, Unsealed};
use crate::session::model::Session;
use crate::session::plain_text::{TextKind, check_text};
use crate::session::sealing::Sealer;
use crate::user_data::UserData;

/// Reopens a signed session for an amendment (the signature stays in the trail).
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub file: PathBuf,
    /// Who amends, as named in their signing identity.
    #[arg(long)]
    pub by: String,
    /// Why the signed record must change.
    #[arg(long)]
    pub reason: String,
    /// Read the signing passphrase from standard input (one line).
    #[arg(long)]
    pub passphrase_stdin: bool,
}

/// Records the amendment and saves the file.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { file, by, reason, passphrase_stdin } = args;
    check_text(TextKind::Name, &by)?;
    check_text(TextKind::Reason, &reason)?;
    crate::session::store::require_file(&file)?;
    let user_data = UserData::from_env()?;
    let identity = unlock_signer(&user_data, &by, passphrase_stdin)?;
    let sealer = Sealer::of(&user_data)?;
    let amend = |session: &mut Session| {
        e_signing::amend(session, &identity, &reason, chrono::Utc::now())?;
        Ok(())
    };
    edit_file(&file, library, &sealer, amend, &by, unsealed_refusal)?;
    outln!("{}", text_with("cli-amended", &[("file", file.display().to_string())]));
    Ok(ExitCode::SUCCESS)
}

/// A signed file of this format without a seal is not amended: its seal was removed (or it is
/// a template), and the amendment's seal would vouch for whatever was cut with it. A legacy
/// file, written before seals, is amended (which brings it to this format, sealed).
fn unsealed_refusal(_: &Session, findings: &[Finding]) -> Option<String> {
    findings.iter().find_map(|finding| match finding {
        Finding::Unsealed(Unsealed::Current | Unsealed::Template { .. }) => {
            Some(text_with("cli-amend-refused", &[("finding", finding.to_string())]))
        }
        _ => None,
    })
}
