//! `trialscreen check-protocol FILE…`: each protocol file compiled against the library.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::read_text;
use crate::cli::outln;
use crate::library::{Library, ProtocolSource};

/// Checks protocol files: syntax, unknown items, units, duplicate ids, undecidable rules.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The protocol files. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Prints ✔ or ✖ per file; exit 1 when any file has a problem.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for file in &args.files {
        let text = read_text(file)?;
        let mut scratch = library.clone();
        let name = file.display().to_string();
        match scratch.add_protocol(&name, &text, ProtocolSource::Site(name.clone())) {
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
