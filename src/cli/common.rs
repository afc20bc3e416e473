//! What several commands share: the protocol library with a site's protocols, reading a
//! session or protocol file for a command, applying one change to a session file (sealed
//! and witnessed), unlocking a signer's identity, and keeping reports from overwriting their
//! inputs.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::files::atomic_write::{remove_stale_temporaries, write_private};
use crate::files::bounded_read::{read_regular, without_bom};
use crate::files::folder::list;
use crate::i18n::{text, text_with};
use crate::library::{Library, MAX_DATA_FILE_BYTES, ProtocolSource, SiteProblem};
use crate::records::identity::{IdentityStore, UnlockedIdentity};
use crate::records::signer_name::SignerName;
use crate::report::Paper;
use crate::session::audit::verify;
use crate::session::integrity::{self, Class, Finding, RosterView};
use crate::session::model::Session;
use crate::session::sealing::{self, Sealer};
use crate::session::store;
use crate::session_check::check_session;
use crate::user_data::UserData;

/// Paper size of a printout.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PaperArg {
    // ISO A4 and US Letter. (No doc comments: clap would print them in `--help`.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    A4,
    #[allow(missing_docs)] // a doc comment would become `--help` text
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

/// The bundled library with a site's vocabulary and protocols: the site folder `site`
/// (`--site`: `dictionary.ron`, `drugs.ron`, `protocols/*.ron`), or a folder of protocols
/// only (`--protocols`), or, when `per_user` is set and neither is given, the per-user data
/// folder the window reads. A site file that does not load is kept in
/// [`Library::site_problems`] and, for a command, said on standard error: it never stops the
/// other trials, and a session that pins what it defines is then refused, after the warning
/// that says why.
pub fn library(site: Option<&Path>, protocols: Option<&Path>, per_user: bool) -> anyhow::Result<Library> {
    let per_user_site = || crate::user_data::UserData::from_env().ok().map(|data| data.root().to_owned());
    let site = match (site, protocols) {
        (Some(site), _) => Some(site.to_owned()),
        (None, None) if per_user => per_user_site(),
        (None, _) => None,
    };
    let (mut library, mut problems) = match &site {
        Some(site) => library_with_vocabulary(site)?,
        None => (bundled()?, Vec::new()),
    };
    let protocol_folder = protocols.map(Path::to_owned).or_else(|| site.as_ref().map(|site| site.join("protocols")));
    if let Some(folder) = protocol_folder.filter(|folder| protocols.is_some() || folder.is_dir()) {
        load_site_protocols(&mut library, &folder)?;
    }
    problems.append(&mut library.site_problems);
    library.site_problems = problems;
    if !per_user {
        for problem in &library.site_problems {
            let (location, reason) = problem.located();
            let _ = writeln!(
                std::io::stderr().lock(),
                "{}",
                text_with("cli-site-protocol-not-loaded", &[("file", location), ("problem", reason.to_owned())])
            );
        }
    }
    Ok(library)
}

/// The bundled library alone; failing is a defect of this build (the suite loads it).
fn bundled() -> anyhow::Result<Library> {
    Library::bundled().with_context(|| text("cli-bundled-protocols-defect"))
}

/// The bundled library with the site's `units.ron`, `dictionary.ron` and `drugs.ron` where
/// present. A
/// vocabulary file that does not load is recorded and the bundled vocabulary used, so the
/// bundled trials and the site protocols that need no site names still load.
fn library_with_vocabulary(site: &Path) -> anyhow::Result<(Library, Vec<SiteProblem>)> {
    let mut problems = Vec::new();
    let mut read = |name: &str| {
        let path = site.join(name);
        if !path.exists() {
            return None;
        }
        match read_text(&path) {
            Ok(text) => Some((path.display().to_string(), text)),
            Err(error) => {
                problems.push(SiteProblem { file: path.display().to_string(), message: format!("{error:#}") });
                None
            }
        }
    };
    let units = read("units.ron");
    let dictionary = read("dictionary.ron");
    let drugs = read("drugs.ron");
    fn file(read: &Option<(String, String)>) -> Option<crate::library::site::SiteFile<'_>> {
        read.as_ref().map(|(name, text)| crate::library::site::SiteFile { name: name.as_str(), text: text.as_str() })
    }
    let vocabulary = crate::library::site::SiteVocabulary {
        dictionary: file(&dictionary),
        drugs: file(&drugs),
        units: file(&units),
    };
    let library = match Library::bundled_with_site(vocabulary) {
        Ok(library) => library,
        Err(error) => {
            let files: Vec<&str> =
                units.iter().chain(&dictionary).chain(&drugs).map(|(name, _)| name.as_str()).collect();
            problems.push(SiteProblem {
                file: files.join(", "),
                message: text_with("cli-site-vocabulary-not-used", &[("error", error.to_string())]),
            });
            bundled()?
        }
    };
    Ok((library, problems))
}

/// Loads every `*.ron` of a site's protocol folder; a file that does not load (not a
/// regular file, unreadable, not a protocol, a clash of id and version) is recorded, never
/// waited on, and the others load.
fn load_site_protocols(library: &mut Library, folder: &Path) -> anyhow::Result<()> {
    let listed = list(folder, |name| name.ends_with(".ron"))
        .with_context(|| text_with("cli-protocol-folder-unreadable", &[("folder", folder.display().to_string())]))?;
    for entry in listed {
        let name = entry.path.display().to_string();
        let loaded = match &entry.problem {
            Some(problem) => Err(text_with("cli-protocol-folder-not-a-file", &[("kind", problem.to_string())])),
            None => read_text(&entry.path).map_err(|error| format!("{error:#}")).and_then(|text| {
                library
                    .add_protocol(&name, &text, ProtocolSource::Site(name.clone()))
                    .map(drop)
                    .map_err(|error| error.to_string())
            }),
        };
        if let Err(message) = loaded {
            library.site_problems.push(SiteProblem { file: name, message });
        }
    }
    Ok(())
}

/// Reads a protocol file as text: a regular file of at most the size a data file may
/// have; a byte-order mark is dropped.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = read_regular(path, MAX_DATA_FILE_BYTES)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!(text_with("cli-not-utf8", &[("path", path.display().to_string())])))?;
    Ok(without_bom(&text).to_owned())
}

/// Writes a report (PDF, CSV) the command produced: atomically, 0600, never through a
/// link; a failure leaves no file.
pub fn write_report(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_private(path, bytes).with_context(|| text_with("cli-cannot-write", &[("path", path.display().to_string())]))
}

/// Opens a session file, with the path in every error.
pub fn open(path: &Path) -> anyhow::Result<(Session, String)> {
    Ok(store::open(path)?)
}

/// Opens a session file and checks it against the library.
pub fn open_checked(path: &Path, library: &Library) -> anyhow::Result<(Session, String)> {
    let (session, text) = open(path)?;
    check_session(&session, &text, library)
        .with_context(|| text_with("cli-cannot-be-evaluated", &[("path", path.display().to_string())]))?;
    Ok((session, text))
}

/// Applies one change to a session file and saves it, sealed, holding the session's lock
/// from the read to the save, and replacing the file only if it still holds what was read.
/// Refuses a file whose trail does not verify, whose seal does not hold, or that this
/// computer's ledger shows to be older than, or rewritten from, what was saved here: a
/// signature or an amendment never covers altered or rewound content. `refuse` may refuse
/// the change for the session as read and what its seal and the ledger say (signing a
/// session whose protocol changed, or one without a seal).
pub fn edit_file(
    path: &Path,
    library: &Library,
    sealer: &Sealer,
    change: impl FnOnce(&mut Session) -> anyhow::Result<()>,
    actor: &str,
    refuse: impl Fn(&Session, &[Finding]) -> Option<String>,
) -> anyhow::Result<()> {
    store::require_file(path)?;
    let lock = store::lock(path, store::COMMAND_LOCK_WAIT)?;
    for removed in remove_stale_temporaries(lock.target()) {
        eprintln!("{}", text_with("cli-removed-temporary", &[("path", removed.display().to_string())]));
    }
    let store::Opened { mut session, text, head } = store::open_with_head(path)?;
    check_session(&session, &text, library)
        .with_context(|| text_with("cli-cannot-be-used", &[("path", path.display().to_string())]))?;
    let report = verify(&session);
    anyhow::ensure!(
        report.is_intact(),
        text_with(
            "cli-edit-does-not-verify",
            &[
                ("path", path.display().to_string()),
                ("problems", report.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
                ("command", "trialscreen verify".to_owned()),
            ]
        )
    );
    let witness = integrity::witness(sealer.ledger(), &session).with_context(|| {
        text_with("cli-ledger-unreadable", &[("path", sealer.ledger().path().display().to_string())])
    })?;
    let findings = integrity::check(&session, &text, RosterView::Missing, Ok(&witness));
    let unverifiable: Vec<String> = findings
        .iter()
        .filter(|finding| matches!(finding.class(), Class::Altered | Class::RolledBack))
        .map(ToString::to_string)
        .collect();
    anyhow::ensure!(
        unverifiable.is_empty(),
        text_with(
            "cli-edit-unverifiable",
            &[
                ("path", path.display().to_string()),
                ("problems", unverifiable.join("; ")),
                ("command", "trialscreen verify".to_owned()),
            ]
        )
    );
    if let Some(refusal) = refuse(&session, &findings) {
        anyhow::bail!("{}: {refusal}", path.display());
    }
    change(&mut session)?;
    sealing::prepare(&mut session, actor, chrono::Utc::now())?;
    let saved = store::save(&mut session, path, &head, sealer)?;
    drop(lock);
    if let Some(problem) = saved.ledger_problem {
        eprintln!(
            "{}",
            text_with("cli-ledger-not-recorded", &[("path", path.display().to_string()), ("problem", problem)])
        );
    }
    Ok(())
}

pub use crate::i18n::Language;

/// The language of the words printed: `--lang`, else the locale. (The window then applies
/// its remembered choice over the locale.)
pub fn choose_language(lang: Option<Language>) {
    crate::i18n::set_language(lang.unwrap_or_else(Language::from_env));
}

/// The language `--lang` names among the arguments (`--lang zh-CN` or `--lang=zh-CN`),
/// read before they are parsed so that `--help` and the arguments' own errors are in it; `None`
/// when there is none or it names no language (the parser then says so).
pub fn language_in_arguments(arguments: &[std::ffi::OsString]) -> Option<Language> {
    let mut words = arguments.iter().map(|word| word.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            return None;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|value| value.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(value) = value {
            return Language::from_tag(&value);
        }
    }
    None
}

/// `--lang`: `en` or `zh-CN` (a locale such as `zh_CN.UTF-8` too).
pub fn parse_language(text: &str) -> Result<crate::i18n::Language, String> {
    crate::i18n::Language::from_tag(text).ok_or_else(|| {
        text_with(
            "cli-unknown-language",
            &[("lang", text.to_owned()), ("en", "en".to_owned()), ("zh", "zh-CN".to_owned())],
        )
    })
}

/// The day an evaluation is for: the machine's date, read here at the edge and passed in.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Refuses an output path that is one of the input files: a report never overwrites a
/// session.
pub fn refuse_overwriting(output: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let Ok(output) = output.canonicalize() else { return Ok(()) };
    for input in inputs {
        anyhow::ensure!(
            !input.canonicalize().is_ok_and(|input| input == output),
            text_with("cli-output-is-input", &[("path", output.display().to_string())])
        );
    }
    Ok(())
}

/// A path's file name for a report, or the whole path when it has none.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Unlocks the signing identity of `name` on this computer with the passphrase read from
/// standard input (`--passphrase-stdin`). Nothing is read from the session yet, so a wrong
/// passphrase leaves every file as it is.
pub fn unlock_signer(user_data: &UserData, name: &str, passphrase_stdin: bool) -> anyhow::Result<UnlockedIdentity> {
    anyhow::ensure!(
        passphrase_stdin,
        text_with("cli-passphrase-stdin-needed", &[("flag", "--passphrase-stdin".to_owned())])
    );
    let name = SignerName::parse(name)?;
    let store = IdentityStore::at(user_data.signer_identities());
    let Some(identity) = store.find(&name)?.into_iter().next() else {
        anyhow::bail!(text_with(
            "cli-no-signing-identity",
            &[
                ("name", name.to_string()),
                ("folder", store.folder().display().to_string()),
                ("command", format!("trialscreen signer create --name \"{name}\" --passphrase-stdin")),
            ]
        ));
    };
    let passphrase = crate::cli::signer::passphrase_from_stdin()?;
    Ok(identity.unlock(&passphrase)?)
}
