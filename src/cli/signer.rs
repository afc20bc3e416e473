//! `trialscreen signer`: signing identities on this computer.
//!
//! `signer create --name NAME --passphrase-stdin` makes a person's signing key, encrypted
//! under their passphrase (read from standard input, so a password manager or a script can
//! supply it and it never appears in the process list or shell history), in the per-user
//! data folder. `signer list` shows the identities here with their key fingerprints, which
//! the site copies into its roster.

use std::io::{IsTerminal as _, Read, Write};
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use crate::i18n::display_width::pad_to;
use crate::i18n::{text, text_with};
use crate::records::identity::{IdentityStore, KdfParams, MAX_PASSPHRASE_BYTES};
use crate::records::signer_name::SignerName;
use crate::user_data::UserData;

/// The arguments of `trialscreen signer`.
#[derive(Debug, clap::Args)]
pub struct SignerArgs {
    #[command(subcommand)]
    command: SignerCommand,
}

#[derive(Debug, clap::Subcommand)]
enum SignerCommand {
    /// Creates your signing identity: a key pair whose private key is encrypted under your
    /// passphrase. Once per person and computer.
    Create {
        /// Your name as it is to appear under your signatures and in the site roster.
        #[arg(long)]
        name: String,
        /// Read the passphrase from standard input (one line).
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Lists the signing identities on this computer, with their key fingerprints.
    List,
}

/// Runs `trialscreen signer …` with the per-user data folder of the environment.
pub fn run(args: SignerArgs) -> anyhow::Result<ExitCode> {
    let user_data = UserData::from_env()?;
    let stdin = std::io::stdin();
    if matches!(args.command, SignerCommand::Create { passphrase_stdin: true, .. }) {
        refuse_terminal(&stdin)?;
    }
    run_with(&args, &user_data, stdin.lock(), &mut std::io::stdout().lock(), KdfParams::PRODUCTION, Utc::now())
}

/// A passphrase is never read from a terminal, which would show it as it is typed.
fn refuse_terminal(stdin: &std::io::Stdin) -> anyhow::Result<()> {
    anyhow::ensure!(
        !stdin.is_terminal(),
        text_with(
            "cli-signer-terminal",
            &[("example", "pass show me | trialscreen sign FILE --by \"Dr Ana Ruiz\" --passphrase-stdin".to_owned())]
        )
    );
    Ok(())
}

/// The passphrase on standard input (one line), refused from a terminal: for `sign` and
/// `amend`.
pub fn passphrase_from_stdin() -> anyhow::Result<Zeroizing<String>> {
    let stdin = std::io::stdin();
    refuse_terminal(&stdin)?;
    read_passphrase(stdin.lock())
}

/// [`run`] with everything it reads from outside given (tests use cheap KDF parameters).
pub fn run_with(
    args: &SignerArgs,
    user_data: &UserData,
    stdin: impl Read,
    out: &mut impl Write,
    params: KdfParams,
    now: DateTime<Utc>,
) -> anyhow::Result<ExitCode> {
    let store = IdentityStore::at(user_data.signer_identities());
    match &args.command {
        SignerCommand::Create { name, passphrase_stdin } => {
            anyhow::ensure!(
                *passphrase_stdin,
                text_with("cli-signer-passphrase-stdin-needed", &[("flag", "--passphrase-stdin".to_owned())])
            );
            let name = SignerName::parse(name)?;
            let passphrase = read_passphrase(stdin)?;
            let identity = store.create(&name, &passphrase, params, now)?;
            writeln!(out, "{}", text_with("cli-signer-created", &[("name", identity.name().to_string())]))?;
            for (label, value) in [
                ("cli-signer-fingerprint", identity.fingerprint().to_string()),
                ("cli-signer-public-key", identity.public_key().to_string()),
                ("cli-signer-file", identity.path().display().to_string()),
            ] {
                writeln!(out, "  {} {value}", pad_to(&text(label), 16))?;
            }
            writeln!(out, "{}", text("cli-signer-give-public-key"))?;
            Ok(ExitCode::SUCCESS)
        }
        SignerCommand::List => {
            let list = store.list()?;
            if list.identities.is_empty() && list.unreadable.is_empty() {
                writeln!(
                    out,
                    "{}",
                    text_with(
                        "cli-signer-none",
                        &[
                            ("folder", store.folder().display().to_string()),
                            ("command", "trialscreen signer create --name NAME --passphrase-stdin".to_owned())
                        ]
                    )
                )?;
            }
            for identity in &list.identities {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    identity.name(),
                    identity.fingerprint(),
                    text_with(
                        "cli-signer-created-at",
                        &[("at", identity.created_at().format("%Y-%m-%d %H:%M UTC").to_string())]
                    ),
                    identity.public_key()
                )?;
            }
            for problem in &list.unreadable {
                writeln!(out, "✖ {problem}")?;
            }
            Ok(if list.unreadable.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
    }
}

/// One line of standard input as the passphrase: its line ending removed, nothing else
/// (spaces are part of a passphrase).
fn read_passphrase(stdin: impl Read) -> anyhow::Result<Zeroizing<String>> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(128));
    stdin
        .take(MAX_PASSPHRASE_BYTES as u64 + 3)
        .read_to_end(&mut bytes)
        .with_context(|| text("cli-passphrase-unreadable"))?;
    for ending in [&b"\r\n"[..], b"\n"] {
        if bytes.ends_with(ending) {
            let kept = bytes.len() - ending.len();
            bytes.truncate(kept);
            break;
        }
    }
    anyhow::ensure!(
        bytes.len() <= MAX_PASSPHRASE_BYTES,
        text_with("cli-passphrase-too-long", &[("max", MAX_PASSPHRASE_BYTES.to_string())])
    );
    anyhow::ensure!(!bytes.is_empty(), text("cli-passphrase-none"));
    anyhow::ensure!(!bytes.contains(&b'\n') && !bytes.contains(&b'\r'), text("cli-passphrase-lines"));
    let passphrase = std::str::from_utf8(&bytes).with_context(|| text("cli-passphrase-not-utf8"))?;
    Ok(Zeroizing::new(passphrase.to_owned()))
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    #[derive(clap::Parser)]
    struct Cli {
        #[command(subcommand)]
        command: Top,
    }

    #[derive(clap::Subcommand)]
    enum Top {
        Signer(SignerArgs),
    }

    fn signer(data: &UserData, args: &[&str], stdin: &str) -> (anyhow::Result<ExitCode>, String) {
        let Top::Signer(args) =
            Cli::try_parse_from(std::iter::once("trialscreen").chain(args.iter().copied())).unwrap().command;
        let mut out = Vec::new();
        let cheap = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };
        let at = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let result = run_with(&args, data, stdin.as_bytes(), &mut out, cheap, at);
        (result, String::from_utf8(out).unwrap())
    }

    #[test]
    fn create_then_list_shows_the_name_and_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let data = UserData::at(dir.path());
        let (result, out) =
            signer(&data, &["signer", "create", "--name", "Dr Ana Ruiz", "--passphrase-stdin"], "correct horse\n");
        assert_eq!(result.unwrap(), ExitCode::SUCCESS);
        assert!(out.starts_with("✔ Signing identity created for Dr Ana Ruiz\n"), "{out}");
        let identity = IdentityStore::at(data.signer_identities()).list().unwrap().identities.remove(0);
        assert!(identity.unlock("correct horse").is_ok(), "the newline is not part of the passphrase");
        let (result, out) = signer(&data, &["signer", "list"], "");
        assert_eq!(result.unwrap(), ExitCode::SUCCESS);
        assert_eq!(
            out,
            format!(
                "Dr Ana Ruiz\t{}\tcreated 2026-05-28 20:26 UTC\t{}\n",
                identity.fingerprint(),
                identity.public_key()
            )
        );
    }

    #[test]
    fn create_refuses_a_missing_flag_a_bad_name_or_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let data = UserData::at(dir.path());
        let cases: [(&[&str], &str, &str); 5] = [
            (&["signer", "create", "--name", "Dr X"], "correct horse", "--passphrase-stdin"),
            (
                &["signer", "create", "--name", "Dr M\u{1b}[2K\rDr Chief", "--passphrase-stdin"],
                "correct horse",
                "control character",
            ),
            (&["signer", "create", "--name", "Dr X", "--passphrase-stdin"], "short\n", "at least 8 characters"),
            (&["signer", "create", "--name", "Dr X", "--passphrase-stdin"], "", "no passphrase"),
            (
                &["signer", "create", "--name", "Dr X", "--passphrase-stdin"],
                "one line\nand another\n",
                "more than one line",
            ),
        ];
        for (args, stdin, expected) in cases {
            let (result, _) = signer(&data, args, stdin);
            let error = format!("{:#}", result.unwrap_err());
            assert!(error.contains(expected), "{args:?}: {error}");
        }
        assert!(!data.signer_identities().exists(), "nothing was created");
    }
}
