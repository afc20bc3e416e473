//! Writing a session file so that the file on disk is always either the old or the new
//! complete version: temporary file in the same folder, flush and fsync, parse it back,
//! keep the previous version as a backup, rename over the target (retried briefly where
//! the OS holds the file), fsync the folder. Permissions 0600 on Unix.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::session::load::{SessionError, parse_session};
use crate::session::model::Session;

/// Why a save failed. The file on disk is unchanged when it does.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write {path}: {error}")]
    Io { path: PathBuf, error: std::io::Error },
    #[error("the session could not be written as RON: {0}")]
    Serialize(String),
    #[error("the written file did not read back identically ({0}); the previous file is untouched")]
    ReadBack(String),
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
    sibling(path, "bak")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".{suffix}"));
    path.with_file_name(name)
}

/// Saves a session atomically (see the module documentation).
pub fn save(session: &Session, path: &Path) -> Result<(), SaveError> {
    let text = to_text(session)?;
    // Parse back what will be written before touching the disk.
    match parse_session(&text) {
        Ok(parsed) if &parsed == session => {}
        Ok(_) => return Err(SaveError::ReadBack("the values differ".to_owned())),
        Err(error) => return Err(SaveError::ReadBack(error.to_string())),
    }
    write_atomically(path, text.as_bytes())
}

/// Writes bytes so that `path` holds either its old content or all of `bytes`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |error: std::io::Error| SaveError::Io { path: path.to_owned(), error };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let temporary = sibling(path, &format!("tmp-{}", std::process::id()));
    {
        let mut file = create_private(&temporary).map_err(io)?;
        file.write_all(bytes).map_err(io)?;
        file.flush().map_err(io)?;
        file.sync_all().map_err(io)?;
    }
    let written = fs::read(&temporary).map_err(io)?;
    if written != bytes {
        let _ = fs::remove_file(&temporary);
        return Err(SaveError::ReadBack("the temporary file does not hold what was written".to_owned()));
    }
    if path.exists() {
        // The backup is a copy, so the target is never missing, even for a moment.
        let backup = backup_path(path);
        let backup_temporary = sibling(&backup, &format!("tmp-{}", std::process::id()));
        fs::copy(path, &backup_temporary).map_err(io)?;
        File::open(&backup_temporary).and_then(|f| f.sync_all()).map_err(io)?;
        rename_with_retry(&backup_temporary, &backup).map_err(io)?;
    }
    rename_with_retry(&temporary, path).map_err(io)?;
    sync_folder(&folder).map_err(io)?;
    Ok(())
}

fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

/// Renames, retrying briefly: on Windows a virus scanner or indexer may hold the target.
fn rename_with_retry(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut delay = Duration::from_millis(10);
    let mut last_error = None;
    for _ in 0..8 {
        match fs::rename(from, to) {
            Ok(()) => return Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
                last_error = Some(error);
                std::thread::sleep(delay);
                delay *= 2;
            }
            Err(error) => return Err(error),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("rename failed")))
}

fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

/// Largest session file read.
pub use crate::session::load::MAX_SESSION_BYTES;

/// Why a session file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot read {path}: {error}")]
    Io { path: PathBuf, error: std::io::Error },
    #[error("{path}: {size} bytes is larger than the {max} bytes a session file may have; it was not read")]
    TooLarge { path: PathBuf, size: u64, max: usize },
    #[error("{path} is not UTF-8 text; it was left as it is")]
    NotText { path: PathBuf },
    #[error("{path}: {error}; the file was left as it is")]
    Invalid { path: PathBuf, error: SessionError },
}

/// Reads a session file's text, refusing a file larger than the cap before reading it.
pub fn read_text(path: &Path) -> Result<String, OpenError> {
    let io = |error| OpenError::Io { path: path.to_owned(), error };
    let size = fs::metadata(path).map_err(io)?.len();
    if size > MAX_SESSION_BYTES as u64 {
        return Err(OpenError::TooLarge { path: path.to_owned(), size, max: MAX_SESSION_BYTES });
    }
    let bytes = fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|_| OpenError::NotText { path: path.to_owned() })
}

/// Reads and parses a session file.
pub fn open(path: &Path) -> Result<(Session, String), OpenError> {
    let text = read_text(path)?;
    let session = parse_session(&text).map_err(|error| OpenError::Invalid { path: path.to_owned(), error })?;
    Ok((session, text))
}
