//! `trialscreen verify FILE`: the audit trail recomputed and replayed, and the protocols
//! the session pinned compared with the ones loaded. Every finding is said in words; the
//! exit code is that of the most serious ([`VerifyStatus`]).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::open;
use crate::cli::{out, outln};
use crate::library::Library;
use crate::screening::pin_mismatches;
use crate::session::audit::{content_hash, verify};

/// Verifies a session's audit trail: exit 0 intact, 1 altered (naming what), 2 unreadable.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    pub file: PathBuf,
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
    /// The file is older than the last save this computer recorded (the records issue).
    RolledBack,
    /// A pinned protocol's content no longer matches what the session pinned.
    ProtocolChanged,
    /// Who signed or saved cannot be established (the records issue).
    IdentityNotEstablished,
    /// A legacy file or a template, not a record (the records issue).
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

    /// What the code means, in words.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Intact => "intact",
            Self::Altered => "altered (chain, replay, seal or signature fails)",
            Self::Unreadable => "unreadable",
            Self::RolledBack => "rolled back (older than the last save this computer recorded)",
            Self::ProtocolChanged => "protocol changed (a pinned protocol's content no longer matches)",
            Self::IdentityNotEstablished => "identity not established",
            Self::LegacyOrTemplate => "legacy or template file",
        }
    }

    /// The status to exit with for these findings (intact when there are none).
    pub fn of(findings: &[Self]) -> Self {
        findings.iter().copied().min().unwrap_or(Self::Intact)
    }
}

/// Prints every finding; exits with the most serious one's code. A file that cannot be
/// read is an error, which exits 2 ([`VerifyStatus::Unreadable`]).
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let file = args.file;
    let (session, _) = open(&file)?;
    let report = verify(&session);
    let mut findings = Vec::new();
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
    } else {
        findings.push(VerifyStatus::Altered);
        outln!("✖ {}: the record was altered outside trialscreen", file.display());
        for problem in &report.problems {
            outln!("  {problem}");
        }
    }
    for mismatch in pin_mismatches(library, &session) {
        findings.push(VerifyStatus::ProtocolChanged);
        outln!("✖ {mismatch}");
    }
    Ok(ExitCode::from(VerifyStatus::of(&findings).code()))
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
