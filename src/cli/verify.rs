//! `trialscreen verify FILE`: the audit trail recomputed and replayed, the seal checked
//! against the trail's head, every electronic signature checked cryptographically and
//! against the site roster, the file compared with this computer's witness ledger, and the
//! protocols the session pinned compared with the ones loaded. Every finding is said in
//! words; the exit code is that of the most serious ([`VerifyStatus`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::common::open;
use crate::cli::outln;
use crate::i18n::text_with;
use crate::library::Library;
use crate::records::ledger::Ledger;
use crate::records::roster::Roster;
use crate::screening::pin_mismatches;
use crate::session::audit::{content_hash, verify};
use crate::session::integrity::{self, Class, RosterView};
use crate::user_data::UserData;

/// Verifies a session: its audit trail, seal, signatures and this computer's record of it.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub file: PathBuf,
    /// The site roster (who holds which signing key, which installations are recognised);
    /// by default roster.ron in the per-user data folder.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
}

/// What `verify` can find, and its exit code: the one table of them (DATA_INTEGRITY.md
/// repeats it). When several apply, each is reported in words and `verify` exits with the
/// first of 2, 1, 3, 4, 5, 6 that applies: the variants are in that order, so the least
/// of the findings is the one to exit with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum VerifyStatus {
    /// The file cannot be read as a session.
    Unreadable,
    /// The chain, the replay, the seal or the signature fails.
    Altered,
    /// The file is older than, or rewritten from, the last save this computer recorded.
    RolledBack,
    /// A pinned protocol's content no longer matches what the session pinned.
    ProtocolChanged,
    /// Who signed or sealed cannot be established: a key the roster does not give that
    /// name or does not list, or no roster.
    IdentityNotEstablished,
    /// A legacy file (no seal; a typed-name signature) or a template, not a sealed record.
    LegacyOrTemplate,
    /// Nothing found.
    Intact,
}

impl VerifyStatus {
    /// The exit code.
    pub fn code(self) -> u8 {
        match self {
            Self::Intact => 0,
            Self::Altered => 1,
            Self::Unreadable => 2,
            Self::RolledBack => 3,
            Self::ProtocolChanged => 4,
            Self::IdentityNotEstablished => 5,
            Self::LegacyOrTemplate => 6,
        }
    }

    /// What the code means, in words (in the language of the words printed).
    pub fn meaning(self) -> &'static str {
        crate::i18n::word(match self {
            Self::Intact => "cli-verify-status-intact",
            Self::Altered => "cli-verify-status-altered",
            Self::Unreadable => "cli-verify-status-unreadable",
            Self::RolledBack => "cli-verify-status-rolled-back",
            Self::ProtocolChanged => "cli-verify-status-protocol-changed",
            Self::IdentityNotEstablished => "cli-verify-status-identity",
            Self::LegacyOrTemplate => "cli-verify-status-legacy",
        })
    }

    /// The status to exit with for these findings (intact when there are none).
    pub fn of(findings: &[Self]) -> Self {
        findings.iter().copied().min().unwrap_or(Self::Intact)
    }
}

/// Prints every finding; exits with the most serious one's code. A file that cannot be
/// read is an error, which exits 2 ([`VerifyStatus::Unreadable`]). The ledger and the
/// default roster are the per-user data folder's.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let user_data = UserData::from_env().map_err(|error| error.to_string());
    run_with(args, library, user_data.as_ref().map_err(String::as_str))
}

/// [`run`] with the per-user data folder given (or why there is none).
pub fn run_with(args: Args, library: &Library, user_data: Result<&UserData, &str>) -> anyhow::Result<ExitCode> {
    let Args { file, roster } = args;
    let (session, text) = open(&file)?;
    let report = verify(&session);
    let mut findings = Vec::new();
    for seq in &report.clock_went_back {
        outln!("{}", text_with("cli-verify-clock-back", &[("seq", seq.to_string())]));
    }
    if report.is_intact() {
        let file = file.display().to_string();
        let entries = report.entries.to_string();
        match &session.signature {
            Some(signature) => outln!(
                "{}",
                text_with(
                    "cli-verify-intact-signed",
                    &[
                        ("file", file),
                        ("entries", entries),
                        ("by", signature.by.clone()),
                        ("at", signature.at.format("%Y-%m-%d %H:%M:%S UTC").to_string()),
                        ("meaning", signature.meaning.clone()),
                        ("hash", signature.content_sha256.clone()),
                    ]
                )
            ),
            None => outln!(
                "{}",
                text_with(
                    "cli-verify-intact-unsigned",
                    &[("file", file), ("entries", entries), ("hash", content_hash(&session))]
                )
            ),
        }
    } else {
        findings.push(VerifyStatus::Altered);
        outln!("{}", text_with("cli-verify-altered", &[("file", file.display().to_string())]));
        for problem in &report.problems {
            outln!("  {problem}");
        }
    }
    let roster_path = match (&roster, user_data) {
        (Some(path), _) => Ok(path.clone()),
        (None, Ok(data)) => Ok(data.roster()),
        (None, Err(why)) => Err(why.to_owned()),
    };
    let loaded = roster_path.map(|path| load_roster(&path, roster.is_some()));
    let roster_view = match &loaded {
        Ok(Ok(Some(roster))) => RosterView::Loaded(roster),
        Ok(Ok(None)) => RosterView::Missing,
        Ok(Err(why)) | Err(why) => RosterView::Unusable(why),
    };
    let witness = match user_data {
        Ok(data) => integrity::witness(&Ledger::at(data.ledger()), &session).map_err(|error| error.to_string()),
        Err(why) => Err(why.to_owned()),
    };
    for finding in integrity::check(&session, &text, roster_view, witness.as_ref().map_err(String::as_str)) {
        let class = finding.class();
        let mark = match class {
            _ if finding.is_fine() => "✔",
            Class::Altered | Class::RolledBack => "✖",
            Class::IdentityNotEstablished | Class::LegacyOrTemplate => "⚠",
            Class::Note => "·",
        };
        outln!("{mark} {finding}");
        findings.extend(status_of(class));
    }
    for mismatch in pin_mismatches(library, &session) {
        findings.push(VerifyStatus::ProtocolChanged);
        outln!("✖ {mismatch}");
    }
    let status = VerifyStatus::of(&findings);
    outln!(
        "{}",
        text_with(
            "cli-verify-result",
            &[("meaning", status.meaning().to_owned()), ("code", status.code().to_string())]
        )
    );
    Ok(ExitCode::from(status.code()))
}

/// The roster at `path`: `None` when there is none (and none was named), or why it cannot
/// be used.
fn load_roster(path: &Path, named: bool) -> Result<Option<Roster>, String> {
    if !named && !path.exists() {
        return Ok(None);
    }
    Roster::load(path).map(Some).map_err(|error| error.to_string())
}

/// The exit status a class of finding counts as.
fn status_of(class: Class) -> Option<VerifyStatus> {
    match class {
        Class::Altered => Some(VerifyStatus::Altered),
        Class::RolledBack => Some(VerifyStatus::RolledBack),
        Class::IdentityNotEstablished => Some(VerifyStatus::IdentityNotEstablished),
        Class::LegacyOrTemplate => Some(VerifyStatus::LegacyOrTemplate),
        Class::Note => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_of_2_1_3_4_5_6_is_the_exit_code() {
        use VerifyStatus::*;
        assert_eq!(VerifyStatus::of(&[]).code(), 0);
        assert_eq!(VerifyStatus::of(&[ProtocolChanged, Altered]).code(), 1);
        assert_eq!(
            VerifyStatus::of(&[LegacyOrTemplate, IdentityNotEstablished, ProtocolChanged, RolledBack]).code(),
            3
        );
        assert_eq!(VerifyStatus::of(&[Altered, Unreadable]).code(), 2);
        assert_eq!(VerifyStatus::of(&[LegacyOrTemplate, IdentityNotEstablished]).code(), 5);
        let codes: Vec<u8> =
            [Unreadable, Altered, RolledBack, ProtocolChanged, IdentityNotEstablished, LegacyOrTemplate]
                .iter()
                .map(|s| s.code())
                .collect();
        assert_eq!(codes, [2, 1, 3, 4, 5, 6]);
    }
}
