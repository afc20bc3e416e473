//! `trialscreen sign FILE --by NAME --passphrase-stdin`: the investigator's electronic
//! signature. The signer's identity on this computer is unlocked with their passphrase;
//! the signature covers the session id, the content, the whole trail up to it, the name,
//! the time and the meaning; the file is saved sealed at once.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::{edit_file, today, unlock_signer};
use crate::cli::outln;
use crate::i18n::text_with;
use crate::library::Library;
use crate::screening::sign_refusal;
use crate::session::e_signing;
use crate::session::integrity::{self, Finding, Unsealed};
use crate::session::plain_text::{TextKind, check_text};
use crate::session::sealing::Sealer;
use crate::session::sign_meaning::{self, SignOff};
use crate::user_data::UserData;

/// Signs a session electronically: name, UTC time and meaning; it is then read-only.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub file: PathBuf,
    /// The investigator signing, as named in their signing identity.
    #[arg(long)]
    pub by: String,
    /// What the signature means, in your own words (unless --statement is given).
    #[arg(long, default_value = crate::session::model::DEFAULT_SIGNATURE_MEANING)]
    pub meaning: String,
    /// A listed statement instead: eligible, screen_failure, reviewed_undecided or reviewed
    /// (each signs only the verdicts it states).
    #[arg(long, value_name = "ID")]
    pub statement: Option<String>,
    /// Acknowledge every criterion still missing or awaiting judgment (listed when refused
    /// without it); the record keeps what was acknowledged.
    #[arg(long)]
    pub acknowledge_undecided: bool,
    /// Read the signing passphrase from standard input (one line).
    #[arg(long)]
    pub passphrase_stdin: bool,
}

/// Signs and saves the file.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { file, by, meaning, statement, acknowledge_undecided, passphrase_stdin } = args;
    check_text(TextKind::Name, &by)?;
    check_text(TextKind::Meaning, &meaning)?;
    let mut sign_off = match &statement {
        None => SignOff::custom(&meaning),
        Some(id) => {
            let listed = sign_meaning::meaning(id).ok_or_else(|| {
                let ids: Vec<&str> = sign_meaning::SIGNATURE_MEANINGS.iter().map(|m| m.id).collect();
                anyhow::anyhow!(text_with("cli-sign-unknown-statement", &[("id", id.clone()), ("ids", ids.join(", "))]))
            })?;
            SignOff {
                meaning_id: listed.id.to_owned(),
                statement: listed.statement.to_owned(),
                acknowledged: Vec::new(),
            }
        }
    };
    // A FIFO or a missing file is refused before the passphrase is asked for.
    crate::session::store::require_file(&file)?;
    let user_data = UserData::from_env()?;
    let identity = unlock_signer(&user_data, &by, passphrase_stdin)?;
    let sealer = Sealer::of(&user_data)?;
    // The signature records the verdicts as they stand today.
    let sign = |session: &mut crate::session::model::Session| {
        let screening = crate::screening::Screening::evaluate(library, session, today());
        if acknowledge_undecided {
            sign_off.acknowledged = screening.undecided();
        }
        if let Some(refusal) = screening.acknowledgement_refusal(&sign_off) {
            anyhow::bail!(text_with(
                "cli-sign-acknowledge",
                &[("refusal", refusal), ("flag", "--acknowledge-undecided".to_owned())]
            ));
        }
        let verdicts = screening.verdicts();
        e_signing::sign(session, &identity, &sign_off, verdicts, &by, chrono::Utc::now())?;
        Ok(())
    };
    let refuse = |session: &crate::session::model::Session, findings: &[Finding]| {
        sign_refusal(library, session).or_else(|| unsealed_refusal(findings))
    };
    edit_file(&file, library, &sealer, sign, &by, refuse)?;
    outln!(
        "{}",
        text_with(
            "cli-signed",
            &[
                ("file", file.display().to_string()),
                ("by", by.clone()),
                ("key", identity.public_key().fingerprint().to_string())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// A file without a seal is not signed: nothing shows that its trail is whole (a copy cut
/// short and stripped of its seal looks the same), and a signature would vouch for it.
fn unsealed_refusal(findings: &[Finding]) -> Option<String> {
    let unsealed = findings.iter().find_map(|finding| match finding {
        Finding::Unsealed(why) => Some(why),
        _ => None,
    })?;
    let id = match unsealed {
        Unsealed::Template { .. } => "cli-sign-refused-template",
        Unsealed::Legacy { .. } | Unsealed::Current => "cli-sign-refused-unsealed",
    };
    integrity::sign_refusal(findings).map(|why| text_with(id, &[("why", why)]))
}
