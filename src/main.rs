//! The `trialscreen` binary: parses the command line and dispatches to `trialscreen::cli`
//! (one module per subcommand), or with no command runs the workstation window.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

use trialscreen::cli::{
    amend, calc, check_protocol, common, evaluate, log, new_protocol, open, sign, signer, summary, verify, vocabulary,
};

/// Screening workstation for clinical-trial investigators.
#[derive(Parser)]
#[command(name = "trialscreen", version, about)]
struct Cli {
    /// A site folder: units.ron, dictionary.ron and drugs.ron add units, items, drugs and classes to
    /// the bundled ones; protocols/*.ron are the site's protocols.
    #[arg(long, global = true, value_name = "DIR")]
    site: Option<PathBuf>,
    /// A folder of site protocol files (*.ron) to load beside the bundled ones.
    #[arg(long, global = true, value_name = "DIR")]
    protocols: Option<PathBuf>,
    /// The language of the words printed: en or zh-CN (default: LC_ALL, LC_MESSAGES, LANG; the
    /// window: View → Language). JSON keeps its keys and values.
    #[arg(long, global = true, value_name = "LANG", value_parser = common::parse_language)]
    lang: Option<common::Language>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Opens a session file in the workstation window.
    Open(open::Args),
    /// Evaluates a session file against its protocols and prints every criterion.
    Evaluate(evaluate::Args),
    /// Checks protocol files: syntax, unknown items, units, duplicate ids, undecidable rules.
    CheckProtocol(check_protocol::Args),
    /// Lists every name a protocol rule may use: items, drugs, classes, units, instruments.
    Vocabulary(vocabulary::Args),
    /// Writes a commented skeleton protocol that passes check-protocol, to fill in from a trial's source.
    NewProtocol(new_protocol::Args),
    /// Verifies a session: audit trail, seal, electronic signatures (with the site roster), this computer's
    /// ledger and protocol pins. Exit 0 intact, 1 altered, 2 unreadable, 3 rolled back, 4 protocol changed,
    /// 5 identity not established, 6 legacy or template file.
    Verify(verify::Args),
    /// Signs a session electronically (your signing identity's passphrase on standard input); it is then read-only.
    Sign(sign::Args),
    /// Reopens a signed session for an amendment, signed with your passphrase (the signature stays in the trail).
    Amend(amend::Args),
    /// Writes the printable screening summary of a session as a PDF/A-2u file.
    Summary(summary::Args),
    /// Writes the screening log of a folder of session files as CSV and prints the counts.
    /// Exit 0 when every file was read, 1 when some could not be (they are listed).
    Log(log::Args),
    /// Runs one clinical calculator: `calc egfr-ckd-epi-2021 creatinine=1.09mg/dL age=55 sex=male`.
    Calc(calc::Args),
    /// Signing identities on this computer: `signer create --name NAME --passphrase-stdin`, `signer list`.
    Signer(signer::SignerArgs),
}

fn main() -> ExitCode {
    let started = Instant::now();
    // The language first (`--lang`, else the locale), so `--help` and the errors of the
    // arguments themselves are in it.
    let arguments: Vec<std::ffi::OsString> = std::env::args_os().collect();
    common::choose_language(common::language_in_arguments(&arguments));
    let command = trialscreen::cli::help::localized(Cli::command(), trialscreen::i18n::language());
    let cli = Cli::from_arg_matches(&command.get_matches_from(arguments)).unwrap_or_else(|error| error.exit());
    match run(cli, started) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("trialscreen: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether the error is standard output closed by its reader.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli, started: Instant) -> anyhow::Result<ExitCode> {
    let Cli { site, protocols, lang, command } = cli;
    if lang.is_some() {
        common::choose_language(lang);
    }
    // Calculators need no protocol library; every other command loads it first.
    if let Some(Command::Calc(args)) = command {
        return calc::run(args);
    }
    // Nor do signing identities.
    if let Some(Command::Signer(args)) = command {
        return signer::run(args);
    }
    // The window (alone or with `open FILE`) also reads the per-user protocols folder.
    let window = matches!(command, None | Some(Command::Open(_)));
    let library = common::library(site.as_deref(), protocols.as_deref(), window)?;
    match command {
        None => open::window(library, started, None),
        Some(Command::Open(args)) => open::run(args, library, started),
        Some(Command::Evaluate(args)) => evaluate::run(args, &library),
        Some(Command::CheckProtocol(args)) => {
            check_protocol::run(args, &library, site.as_deref(), protocols.as_deref())
        }
        Some(Command::Vocabulary(args)) => vocabulary::run(args, &library),
        Some(Command::NewProtocol(args)) => new_protocol::run(args, &library),
        Some(Command::Verify(args)) => verify::run(args, &library),
        Some(Command::Sign(args)) => sign::run(args, &library),
        Some(Command::Amend(args)) => amend::run(args, &library),
        Some(Command::Summary(args)) => summary::run(args, &library),
        Some(Command::Log(args)) => log::run(args, &library),
        Some(Command::Calc(args)) => calc::run(args),
        Some(Command::Signer(args)) => signer::run(args),
    }
}
