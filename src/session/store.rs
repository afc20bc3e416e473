//! Reading and writing session files through `files`: a session is read only from a
//! regular file, at most [`MAX_SESSION_BYTES`] read; it is saved atomically (temporary
//! beside it, fsync, read back, rename, folder fsync), 0600, the previous version kept
//! as `NAME.bak`, and only while the file still holds the version the writer read
//! ([`FileHead`]): a file changed by another program since is never overwritten. Writers
//! hold the session's lock ([`lock`]) around the read and the save.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::files::FileHead;
use crate::files::atomic_write::{self, WriteError};
use crate::files::bounded_read::{ReadError, read_regular, without_bom};
use crate::files::lock::{FileLock, LockError};
use crate::session::load::{SessionError, parse_session};
use crate::session::model::Session;
use crate::session::sealing::{self, Sealer};

/// Why a save failed. The file on disk is unchanged when it does.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The operating system refused (creating the folder).
    #[error("{}", crate::i18n::text_with("error-store-io", &[("path", path.display().to_string()), ("error", error.to_string())]))]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// The session cannot be written as RON.
    #[error("{}", crate::i18n::text_with("error-store-serialize", &[("detail", _0.to_string())]))]
    Serialize(String),
    /// What would be written does not read back as the session.
    #[error("{}", crate::i18n::text_with("error-store-read-back", &[("detail", _0.to_string())]))]
    ReadBack(String),
    /// The file changed since it was read, is not a regular file, or could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Another window or command holds the session.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// The session cannot be sealed as it stands (a defect of the caller).
    #[error("{}", crate::i18n::text_with("error-store-not-sealable", &[("detail", _0.to_string())]))]
    NotSealable(String),
    /// A session signed in an older format is kept exactly as it was signed.
    #[error("{}", crate::i18n::text_with("error-store-signed-older-format", &[("format", format.to_string())]))]
    SignedOlderFormat {
        /// Its format.
        format: u32,
    },
    /// Migrating the session before the save failed.
    #[error(transparent)]
    Prepare(crate::session::audit::EditError),
    /// The installation key that seals saves could not be had.
    #[error("{}", crate::i18n::text_with("error-store-installation-key", &[("detail", _0.to_string())]))]
    InstallationKey(#[from] crate::records::installation_key::InstallationKeyError),
}

/// What a save did besides writing the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// What is now on disk, for the next save to check against.
    pub head: FileHead,
    /// Why the witness ledger could not record the save (the file is saved and sealed): a
    /// later `verify` on this computer cannot then see a rollback to the version before.
    pub ledger_problem: Option<String>,
}

/// A session as the text of its file: pretty RON, the same every time for the same session.
pub fn to_text(session: &Session) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new().new_line("\n".to_owned()).indentor("    ".to_owned());
    let body = ron::ser::to_string_pretty(session, config).map_err(|e| SaveError::Serialize(e.to_string()))?;
    Ok(format!(
        "// trialscreen screening session (format {}). Edit only through trialscreen: the audit trail is verified.\n{body}\n",
        session.format_version
    ))
}

/// The path of the backup kept beside a session file.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// How long a command waits for another command to finish with a session.
pub const COMMAND_LOCK_WAIT: Duration = Duration::from_secs(5);

/// Refuses a path that is not an existing regular file (through a link, its target), with
/// the error reading it would give: checked before locking, so no lock file is left beside
/// a missing file, a FIFO or a device.
pub fn require_file(path: &Path) -> Result<(), OpenError> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => Ok(()),
        Ok(metadata) => {
            Err(OpenError::NotRegular { path: path.to_owned(), kind: crate::files::kind_words(&metadata.file_type()) })
        }
        Err(error) => Err(OpenError::Io { path: path.to_owned(), error }),
    }
}

/// Takes a session file's lock (see `files::lock`), waiting up to `wait`.
pub fn lock(path: &Path, wait: Duration) -> Result<FileLock, LockError> {
    FileLock::acquire(path, wait)
}

/// Saves a session atomically, if the file still holds `expected` (`FileHead::Absent` for
/// a new file): seals its head with the installation key (the seal is stored in `session`),
/// writes it, then records the head in the witness ledger. Through a link, the link's
/// target is written. The session must be in this format with its id
/// ([`sealing::prepare`]). On an error the file and the session are as they were.
pub fn save(session: &mut Session, path: &Path, expected: &FileHead, sealer: &Sealer) -> Result<Saved, SaveError> {
    let previous_seal = session.seal.clone();
    let written = seal_and_write(session, path, expected, sealer);
    let (head, record) = match written {
        Ok(written) => written,
        Err(error) => {
            session.seal = previous_seal;
            return Err(error);
        }
    };
    // After the write: a record of a head that never reached the disk would later make the
    // file look rolled back.
    let ledger_problem = sealer.ledger().append(&record).err().map(|error| error.to_string());
    Ok(Saved { head, ledger_problem })
}

fn seal_and_write(
    session: &mut Session,
    path: &Path,
    expected: &FileHead,
    sealer: &Sealer,
) -> Result<(FileHead, crate::records::ledger::LedgerRecord), SaveError> {
    let record = sealing::seal(session, sealer, chrono::Utc::now())?;
    let text = to_text(session)?;
    // Parse back what will be written before touching the disk.
    match parse_session(&text) {
        Ok(parsed) if &parsed == session => {}
        Ok(_) => return Err(SaveError::ReadBack("the values differ".to_owned())),
        Err(error) => return Err(SaveError::ReadBack(error.to_string())),
    }
    Ok((atomic_write::replace(path, text.as_bytes(), expected, backup_path)?, record))
}

/// Largest session file read.
pub use crate::session::load::MAX_SESSION_BYTES;

/// Why a session file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The operating system refused.
    #[error("{}", crate::i18n::text_with("error-store-open-io", &[("path", path.display().to_string()), ("error", error.to_string())]))]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// A FIFO, a device, a folder.
    #[error("{}", crate::i18n::text_with("error-store-not-regular", &[("path", path.display().to_string()), ("kind", kind.to_string())]))]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// Larger than any session.
    #[error("{}", crate::i18n::text_with("error-store-too-large", &[("path", path.display().to_string()), ("size", size.to_string()), ("max", max.to_string())]))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size (at least).
        size: u64,
        /// The cap.
        max: usize,
    },
    /// Not UTF-8.
    #[error("{}", crate::i18n::text_with("error-store-not-text", &[("path", path.display().to_string())]))]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// Does not parse.
    #[error("{}", crate::i18n::text_with("error-store-invalid", &[("path", path.display().to_string()), ("error", error.to_string())]))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Why, with line and column.
        error: SessionError,
    },
}

impl From<ReadError> for OpenError {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::Io { path, error } => Self::Io { path, error },
            ReadError::NotRegular { path, kind } => Self::NotRegular { path, kind },
            ReadError::TooLarge { path, size, max } => Self::TooLarge { path, size, max },
        }
    }
}

/// A session file as read: the session, its text, and the version read.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The session.
    pub session: Session,
    /// The file's text (without a byte-order mark), for positions in messages.
    pub text: String,
    /// What a save must find on disk to replace it.
    pub head: FileHead,
}

/// Reads a session file's text: a regular file of at most [`MAX_SESSION_BYTES`], UTF-8;
/// a byte-order mark is dropped. Read once, not hashed (see [`read_text_with_head`]).
pub fn read_text(path: &Path) -> Result<String, OpenError> {
    text_of(path, read_regular(path, MAX_SESSION_BYTES)?)
}

/// Reads a session file's text as [`read_text`] does, with the version read (the digest
/// of its bytes, [`FileHead`]): read once, hashed once.
pub fn read_text_with_head(path: &Path) -> Result<(String, FileHead), OpenError> {
    let bytes = read_regular(path, MAX_SESSION_BYTES)?;
    let head = FileHead::of(&bytes);
    Ok((text_of(path, bytes)?, head))
}

fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, OpenError> {
    let text = String::from_utf8(bytes).map_err(|_| OpenError::NotText { path: path.to_owned() })?;
    Ok(match without_bom(&text).len() {
        len if len == text.len() => text,
        _ => without_bom(&text).to_owned(),
    })
}

/// Reads and parses a session file.
pub fn open(path: &Path) -> Result<(Session, String), OpenError> {
    let Opened { session, text, .. } = open_with_head(path)?;
    Ok((session, text))
}

/// Reads and parses a session file, with the version read, for a writer.
pub fn open_with_head(path: &Path) -> Result<Opened, OpenError> {
    let (text, head) = read_text_with_head(path)?;
    let session = parse_session(&text).map_err(|error| OpenError::Invalid { path: path.to_owned(), error })?;
    Ok(Opened { session, text, head })
}

/// Whether a file name is a session's: `*.ron`, not a recovery journal (`NAME.recovery.ron`).
/// Backups (`NAME.ron.bak`), locks (`NAME.ron.lock`) and temporaries (`NAME.ron.tmp-…`) do
/// not end in `.ron`.
pub fn is_session_file_name(name: &str) -> bool {
    name.ends_with(".ron") && !name.ends_with(crate::session::recovery::RECOVERY_SUFFIX)
}

/// The session files of a folder, sorted by name, each with why it cannot be read when it
/// is not a regular file (a FIFO, a device, a broken link, a folder named `*.ron`).
pub fn list_session_files(folder: &Path) -> std::io::Result<Vec<crate::files::folder::Listed>> {
    crate::files::folder::list(folder, is_session_file_name)
}
