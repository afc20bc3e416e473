//! `trialscreen check-protocol FILE…`: each protocol file compiled against the library.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::common::read_text;
use crate::cli::outln;
use crate::i18n::text_with;
use crate::library::{Library, LoadedProtocol, ProtocolSource, parse_protocol, sha256_hex};

/// Checks protocol files: syntax, unknown items, units, duplicate ids, undecidable rules.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The protocol files; none with `--site DIR` (or `--protocols DIR`): the site folder (the
    // protocol folder) is checked as a whole.
    // (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub files: Vec<PathBuf>,
}

/// Prints ✔ or ✖ per file; exit 1 when any file has a problem, 2 when a file cannot be
/// read (said on standard error; the other files are still checked). Each file is checked on
/// its own against the bundled library: a file that claims a bundled id and version is
/// accepted only when it is that bundled file, byte for byte (after a byte-order mark);
/// two of the files given with the same id and version are refused.
pub fn run(
    args: Args,
    library: &Library,
    site: Option<&std::path::Path>,
    protocols: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    if args.files.is_empty() {
        return match (site, protocols) {
            (Some(site), _) => check_site(library, site),
            // A protocol folder alone: its files, as the library loaded them.
            (None, Some(folder)) => {
                outln!("{}", text_with("cli-check-protocol-folder", &[("folder", folder.display().to_string())]));
                site_protocols(library)
            }
            (None, None) => {
                anyhow::bail!(text_with("cli-check-name-files", &[("flag", "--site DIR".to_owned())]))
            }
        };
    }
    let mut failed = false;
    let mut unreadable = false;
    let mut seen: BTreeMap<(String, u32), String> = BTreeMap::new();
    for file in &args.files {
        let name = file.display().to_string();
        let text = match read_text(file) {
            Ok(text) => text,
            Err(error) => {
                unreadable = true;
                let _ = writeln!(std::io::stderr().lock(), "✖ {name}: {error:#}");
                continue;
            }
        };
        let verdict = check_one(library, &name, &text, &mut seen);
        match verdict {
            Ok(line) => outln!("✔ {line}"),
            Err(line) => {
                failed = true;
                outln!("✖ {line}");
            }
        }
    }
    Ok(match (unreadable, failed) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::from(1),
        (false, false) => ExitCode::SUCCESS,
    })
}

/// A site folder as a whole, as the library loaded it: its vocabulary files and each of its
/// protocols, ✔ or ✖ with why.
fn check_site(library: &Library, site: &std::path::Path) -> anyhow::Result<ExitCode> {
    outln!("{}", text_with("cli-check-site-folder", &[("folder", site.display().to_string())]));
    for file in crate::library::site::VOCABULARY_FILES {
        let path = site.join(file);
        let name = path.display().to_string();
        if !path.exists() {
            outln!("{}", text_with("cli-check-no-vocabulary-file", &[("file", name)]));
        } else if library.site_vocabulary.contains(&name) {
            outln!("{}", text_with("cli-check-vocabulary-added", &[("file", name)]));
        }
    }
    site_protocols(library)
}

/// The site protocols as the library loaded them, ✔ or ✖ with why; exit 1 when one did not
/// load.
fn site_protocols(library: &Library) -> anyhow::Result<ExitCode> {
    for loaded in library.protocols() {
        if let ProtocolSource::Site(path) = &loaded.origin {
            outln!("✔ {path}: {}", described(loaded));
        }
    }
    for problem in &library.site_problems {
        let (location, reason) = problem.located();
        outln!("✖ {location}: {reason}");
    }
    Ok(if library.site_problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// One file's verdict, as the line printed after ✔ or ✖.
fn check_one(
    library: &Library,
    name: &str,
    text: &str,
    seen: &mut BTreeMap<(String, u32), String>,
) -> Result<String, String> {
    let protocol = parse_protocol(name, text).map_err(|error| error.to_string())?;
    let key = (protocol.id.clone(), protocol.version);
    if let Some(other) = seen.get(&key) {
        return Err(text_with(
            "cli-check-also-in",
            &[("file", name.to_owned()), ("id", key.0), ("version", key.1.to_string()), ("other", other.clone())],
        ));
    }
    seen.insert(key, name.to_owned());
    if let Some(loaded) = library.get(&protocol.id, protocol.version) {
        let (identical, differs, from) = match &loaded.origin {
            ProtocolSource::Bundled => {
                ("cli-check-identical-bundled", "cli-check-differs-bundled", loaded.file_name.clone())
            }
            ProtocolSource::Site(path) => ("cli-check-identical-site", "cli-check-differs-site", path.clone()),
        };
        let mut args =
            vec![("file", name.to_owned()), ("id", protocol.id.to_string()), ("version", protocol.version.to_string())];
        return if loaded.sha256 == sha256_hex(text) {
            args.push(("count", loaded.compiled.criteria.len().to_string()));
            args.push(("hash", loaded.sha256.clone()));
            Ok(text_with(identical, &args))
        } else {
            args.push(("from", from));
            Err(text_with(differs, &args))
        };
    }
    let mut scratch = library.clone();
    let loaded =
        scratch.add_protocol(name, text, ProtocolSource::Site(name.to_owned())).map_err(|error| error.to_string())?;
    Ok(text_with("cli-check-file-described", &[("file", name.to_owned()), ("described", described(loaded))]))
}

/// "refractory-sle-age5 v2, 41 criteria, sha256 …": a loaded protocol as a check reports it.
fn described(loaded: &LoadedProtocol) -> String {
    let protocol = &loaded.compiled.protocol;
    text_with(
        "cli-check-described",
        &[
            ("id", protocol.id.to_string()),
            ("version", protocol.version.to_string()),
            ("count", loaded.compiled.criteria.len().to_string()),
            ("hash", loaded.sha256.clone()),
        ],
    )
}
