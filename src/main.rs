//! The `trialscreen` binary: the command line, and (with no command) the workstation window
//! (`trialscreen::ui`). Set `TRIALSCREEN_REPORT_STARTUP` to print the time to the first frame.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use trialscreen::cli::{calc_command, evaluate};
use trialscreen::library::{Library, Origin};
use trialscreen::report::{self, Paper, log::ScreeningLog};
use trialscreen::screening::Screening;
use trialscreen::session::audit::{Edit, apply, content_hash, verify};
use trialscreen::session::load::check_session;
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
    /// Writes the printable screening summary of a session as a PDF/A-2u file.
    Summary {
        file: PathBuf,
        /// The PDF to write.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
    },
    /// Writes the screening log of a folder of session files as CSV and prints the counts.
    /// Exit 0 when every file was read, 1 when some could not be (they are listed).
    Log {
        folder: PathBuf,
        /// The CSV to write: one row per session file and protocol.
        #[arg(short, long, value_name = "log.csv")]
        output: PathBuf,
        /// Also write the counts as a PDF/A-2u page.
        #[arg(long, value_name = "counts.pdf")]
        pdf: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
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
    /// Signing identities on this computer: `signer create --name NAME --passphrase-stdin`, `signer list`.
    Signer(trialscreen::cli::signer::SignerArgs),
}

/// Paper size of a printout.
#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Self {
        match paper {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

/// Writes to standard output, returning from the command on failure: a reader that goes
/// away (`trialscreen evaluate … | head`) ends the command quietly instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// [`out!`] with a newline.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
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
        Err(Failure(error)) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(Failure(error)) => {
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

fn run(cli: Cli, started: std::time::Instant) -> Result<ExitCode, Failure> {
    if let Some(Command::Signer(args)) = &cli.command {
        // Signing identities need no protocol library.
        return Ok(trialscreen::cli::signer::run(args)?);
    }
    if let Some(Command::Calc { list, name, inputs, json }) = &cli.command {
        // Calculators need no protocol library.
        if *list {
            out!("{}", calc_command::list_text());
        } else {
            let name = name.as_deref().unwrap_or_default();
            outln!("{}", calc_command::run(name, inputs, *json)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut library = Library::bundled().context("the bundled protocols do not load (a defect of this build)")?;
    if let Some(folder) = &cli.protocols {
        load_site_protocols(&mut library, folder)?;
    } else if cli.command.is_none()
        && let Ok(folder) = trialscreen::user_data::UserData::from_env().map(|data| data.site_protocols())
        && folder.is_dir()
    {
        // The window also reads the per-user protocol folder; a bad file stops the start
        // with a message naming it rather than hiding a protocol the site expects.
        load_site_protocols(&mut library, &folder)?;
    }
    match cli.command {
        Some(Command::Evaluate { file, json }) => {
            let (session, text) = open(&file).with_context(|| format!("{} cannot be read", file.display()))?;
            check_session(&session, &text, &library)
                .with_context(|| format!("{} cannot be evaluated", file.display()))?;
            let screening = Screening::evaluate(&library, &session);
            if json {
                outln!("{}", serde_json::to_string_pretty(&evaluate::to_json(&screening))?);
            } else {
                out!("{}", evaluate::to_text(&screening));
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
                    Ok(loaded) => outln!(
                        "✔ {name}: {} v{}, {} criteria, sha256 {}",
                        loaded.compiled.protocol.id,
                        loaded.compiled.protocol.version,
                        loaded.compiled.criteria.len(),
                        loaded.sha256
                    ),
                    Err(error) => {
                        failed = true;
                        outln!("✖ {error}");
                    }
                }
            }
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Some(Command::Verify { file }) => {
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
        Some(Command::Sign { file, by, meaning }) => {
            edit_file(&file, &library, Edit::Sign { by: by.clone(), meaning }, &by)?;
            outln!("✔ signed {} as {by}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Amend { file, by, reason }) => {
            edit_file(&file, &library, Edit::Amend { reason }, &by)?;
            outln!("✔ {} reopened for amendment; the earlier signature stays in the audit trail", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Summary { file, output, paper }) => {
            refuse_overwriting(&output, std::slice::from_ref(&file))?;
            let (session, text) = open(&file)?;
            check_session(&session, &text, &library)
                .with_context(|| format!("{} cannot be evaluated", file.display()))?;
            let screening = Screening::evaluate(&library, &session);
            let file_name =
                file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
            let pdf = report::write_summary_pdf(&screening, &file_name, paper.into(), chrono::Utc::now())?;
            std::fs::write(&output, pdf).with_context(|| format!("cannot write {}", output.display()))?;
            let report = verify(&session);
            if !report.is_intact() {
                outln!("⚠ {} does not verify; the summary says so", file.display());
            }
            outln!("✔ summary of {} written to {}", session.participant_code, output.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Log { folder, output, pdf, paper }) => {
            let files = session_files(&folder)?;
            refuse_overwriting(&output, &files)?;
            if let Some(pdf) = &pdf {
                refuse_overwriting(pdf, &files)?;
            }
            let log = build_log(&library, &files);
            std::fs::write(&output, log.to_csv()).with_context(|| format!("cannot write {}", output.display()))?;
            out!("{}", log.counts_text());
            if let Some(pdf) = &pdf {
                let bytes = log.counts_pdf(&folder.display().to_string(), paper.into(), chrono::Utc::now())?;
                std::fs::write(pdf, bytes).with_context(|| format!("cannot write {}", pdf.display()))?;
            }
            outln!("✔ {} rows written to {}", log.rows.len(), output.display());
            Ok(if log.unreadable.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Some(Command::Calc { .. } | Command::Signer(_)) => Ok(ExitCode::SUCCESS),
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

/// The session files of a folder (`*.ron`, not backups or temporary files), sorted.
fn session_files(folder: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("cannot read the folder {}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    Ok(files)
}

/// The log of session files; a file that cannot be read is listed, never skipped.
fn build_log(library: &Library, files: &[PathBuf]) -> ScreeningLog {
    ScreeningLog::build(library, files, |path| {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        // The log names the file already; the message need not repeat its path.
        let text =
            store::read_text(path).map_err(|error| error.to_string().replace(&path.display().to_string(), "the file"));
        (name, text)
    })
}

/// Refuses an output path that is one of the input files: a report never overwrites a
/// session.
fn refuse_overwriting(output: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let Ok(output) = output.canonicalize() else { return Ok(()) };
    for input in inputs {
        anyhow::ensure!(
            !input.canonicalize().is_ok_and(|input| input == output),
            "{} is an input file; choose another output file",
            output.display()
        );
    }
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
