//! The `trialscreen` binary: the command line, and (with no command) the workstation window
//! (`trialscreen::ui`). Set `TRIALSCREEN_REPORT_STARTUP` to print the time to the first frame.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use trialscreen::cli::{calc_command, evaluate};
use trialscreen::library::{Library, Origin};
use trialscreen::screening::Screening;
use trialscreen::session::audit::{Edit, apply, content_hash, verify};
use trialscreen::session::load::{check_session, parse_session};
use trialscreen::session::model::Session;
use trialscreen::session::store;

/// Screening workstation for clinical-trial investigators.
#[derive(Parser)]
#[command(name = "trialscreen", version, about)]
struct Cli {
    /// A folder of site protocol files (*.ron) to load beside the bundled ones.
    #[arg(long, global = true, value_name = "DIR")]
    protocols: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Opens a session file in the workstation window.
    Open { file: PathBuf },
    /// Evaluates a session file against its protocols and prints every criterion.
    Evaluate {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Checks protocol files: syntax, unknown items, units, duplicate ids, undecidable rules.
    CheckProtocol {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Verifies a session's audit trail: exit 0 intact, 1 altered (naming what), 2 unreadable.
    Verify { file: PathBuf },
    /// Signs a session: name, UTC time and meaning; it is then read-only.
    Sign {
        file: PathBuf,
        /// The investigator signing.
        #[arg(long)]
        by: String,
        /// What the signature means.
        #[arg(long, default_value = trialscreen::session::model::DEFAULT_SIGNATURE_MEANING)]
        meaning: String,
    },
    /// Reopens a signed session for an amendment (the signature stays in the trail).
    Amend {
        file: PathBuf,
        #[arg(long)]
        by: String,
        /// Why the signed record must change.
        #[arg(long)]
        reason: String,
    },
    /// Runs one clinical calculator: `calc egfr-ckd-epi-2021 creatinine=1.09mg/dL age=55 sex=male`.
    Calc {
        /// List every calculator and its inputs.
        #[arg(long, conflicts_with = "name")]
        list: bool,
        /// The calculator, as `calc --list` names it.
        #[arg(required_unless_present = "list")]
        name: Option<String>,
        /// Inputs as key=value.
        inputs: Vec<String>,
        /// Print JSON: {"value", "unit", "explanation", …}.
        #[arg(long)]
        json: bool,
    },
}

/// An error to print with exit code 2.
struct Failure(anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(error: E) -> Self {
        Self(error.into())
    }
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    match run(cli, started) {
        Ok(code) => code,
        Err(Failure(error)) => {
            eprintln!("trialscreen: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli, started: std::time::Instant) -> Result<ExitCode, Failure> {
    if let Some(Command::Calc { list, name, inputs, json }) = &cli.command {
        // Calculators need no protocol library.
        if *list {
            print!("{}", calc_command::list_text());
        } else {
            let name = name.as_deref().unwrap_or_default();
            println!("{}", calc_command::run(name, inputs, *json)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut library = Library::bundled().context("the bundled protocols do not load (a defect of this build)")?;
    if let Some(folder) = &cli.protocols {
        load_site_protocols(&mut library, folder)?;
    }
    match cli.command {
        Some(Command::Evaluate { file, json }) => {
            let text = read_text(&file)?;
            let session = parse_session(&text).with_context(|| format!("{} cannot be read", file.display()))?;
            check_session(&session, &text, &library)
                .with_context(|| format!("{} cannot be evaluated", file.display()))?;
            let screening = Screening::evaluate(&library, &session);
            if json {
                println!("{}", serde_json::to_string_pretty(&evaluate::to_json(&screening))?);
            } else {
                print!("{}", evaluate::to_text(&screening));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::CheckProtocol { files }) => {
            let mut failed = false;
            for file in &files {
                let text = read_text(file)?;
                let mut scratch = library.clone();
                let name = file.display().to_string();
                match scratch.add_protocol(&name, &text, Origin::Site(name.clone())) {
                    Ok(loaded) => println!(
                        "✔ {name}: {} v{}, {} criteria, sha256 {}",
                        loaded.compiled.protocol.id,
                        loaded.compiled.protocol.version,
                        loaded.compiled.criteria.len(),
                        loaded.sha256
                    ),
                    Err(error) => {
                        failed = true;
                        println!("✖ {error}");
                    }
                }
            }
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Some(Command::Verify { file }) => {
            let (session, _) = open(&file)?;
            let report = verify(&session);
            for seq in &report.clock_went_back {
                println!("⚠ entry {seq} is timed before the entry preceding it: the clock went backwards");
            }
            if report.is_intact() {
                print!(
                    "✔ {}: intact — {} audit entries, chain verified, values equal the replay",
                    file.display(),
                    report.entries
                );
                match &session.signature {
                    Some(signature) => println!(
                        "; signed by {} at {} (\"{}\"), content sha256 {}",
                        signature.by,
                        signature.at.format("%Y-%m-%d %H:%M:%S UTC"),
                        signature.meaning,
                        signature.content_sha256
                    ),
                    None => println!("; not signed (content sha256 {})", content_hash(&session)),
                }
                Ok(ExitCode::SUCCESS)
            } else {
                println!("✖ {}: the record was altered outside trialscreen", file.display());
                for problem in &report.problems {
                    println!("  {problem}");
                }
                Ok(ExitCode::from(1))
            }
        }
        Some(Command::Sign { file, by, meaning }) => {
            edit_file(&file, &library, Edit::Sign { by: by.clone(), meaning }, &by)?;
            println!("✔ signed {} as {by}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Amend { file, by, reason }) => {
            edit_file(&file, &library, Edit::Amend { reason }, &by)?;
            println!("✔ {} reopened for amendment; the earlier signature stays in the audit trail", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Calc { .. }) => Ok(ExitCode::SUCCESS),
        None => window(library, started, None),
        Some(Command::Open { file }) => window(library, started, Some(file)),
    }
}

/// Runs the workstation window, optionally opening a session file first.
fn window(library: Library, started: std::time::Instant, file: Option<PathBuf>) -> Result<ExitCode, Failure> {
    let report_startup = std::env::var_os("TRIALSCREEN_REPORT_STARTUP").is_some();
    trialscreen::ui::workstation_app::run(library, started, report_startup, file)
        .map_err(|error| anyhow::anyhow!("the workstation window could not start: {error}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Opens a session file, with the path in every error.
fn open(path: &Path) -> anyhow::Result<(Session, String)> {
    Ok(store::open(path)?)
}

/// Applies one edit to a session file and saves it atomically; refuses a file whose trail
/// does not verify, so a signature never covers altered content.
fn edit_file(path: &Path, library: &Library, edit: Edit, actor: &str) -> anyhow::Result<()> {
    let (mut session, text) = open(path)?;
    check_session(&session, &text, library).with_context(|| format!("{} cannot be used", path.display()))?;
    let report = verify(&session);
    anyhow::ensure!(
        report.is_intact(),
        "{} does not verify ({}); run `trialscreen verify` and resolve it first",
        path.display(),
        report.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
    );
    apply(&mut session, edit, actor, chrono::Utc::now())?;
    store::save(&session, path)?;
    Ok(())
}

/// Reads a file as text, refusing one larger than any session or protocol could be.
fn read_text(path: &Path) -> anyhow::Result<String> {
    const MAX_BYTES: u64 = 8 * 1024 * 1024;
    let size = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?.len();
    anyhow::ensure!(
        size <= MAX_BYTES,
        "{}: {size} bytes is larger than the {MAX_BYTES} bytes a session or protocol file may have",
        path.display()
    );
    std::fs::read_to_string(path).with_context(|| format!("cannot read {} as UTF-8 text", path.display()))
}

fn load_site_protocols(library: &mut Library, folder: &Path) -> anyhow::Result<()> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("cannot read the protocol folder {}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    for path in paths {
        let text = read_text(&path)?;
        let name = path.display().to_string();
        library.add_protocol(&name, &text, Origin::Site(name.clone()))?;
    }
    Ok(())
}
