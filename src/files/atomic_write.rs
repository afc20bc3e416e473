//! Writing a file so that it holds either its old content or all of the new: a temporary
//! created exclusively (O_EXCL, never through a link, 0600) beside the target under an
//! unpredictable name, written, fsynced and read back, then renamed over the target, and
//! the folder fsynced. A failure removes the temporary. A session is replaced only while
//! it still holds the version its writer read ([`replace`]); the version it replaces is
//! kept as `NAME.bak`, written the same way (so 0600 too, whatever the original's mode).

use std::fs::{self, File};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::files::bounded_read::{ReadError, read_regular};
use crate::files::{FileHead, kind_words};

/// Why a write did not happen. The target is unchanged when it fails.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The operating system refused.
    #[error("{}", crate::i18n::text_with("error-file-atomic-write-io", &[("path", path.display().to_string()), ("error", error.to_string())]))]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// The file is no longer the version the writer read.
    #[error("{}", crate::i18n::text_with("error-file-atomic-write-changed", &[("path", path.display().to_string())]))]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// A FIFO, device, folder, or (for a report) a link, at the target's name.
    #[error("{}", crate::i18n::text_with("error-file-atomic-write-not-regular", &[("path", path.display().to_string()), ("kind", kind.to_string())]))]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// A link whose target does not exist.
    #[error("{}", crate::i18n::text_with("error-file-atomic-write-broken-link", &[("path", path.display().to_string()), ("target", target.display().to_string())]))]
    BrokenLink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// The current version could not be read to compare it.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The temporary did not hold what was written.
    #[error("{}", crate::i18n::text_with("error-file-atomic-write-read-back", &[("path", path.display().to_string())]))]
    ReadBack {
        /// The target.
        path: PathBuf,
    },
}

/// Largest file [`replace`] reads to compare with the version expected.
const MAX_COMPARED_BYTES: usize = 64 * 1024 * 1024;

/// The marker in a temporary file's name: `NAME.tmp-XXXXXX` beside `NAME`.
const TEMPORARY_MARKER: &str = ".tmp-";

/// Where a write to `path` lands: the path itself, or the regular file a link points to,
/// so saving through a link writes its target and never replaces the link.
pub fn resolve(path: &Path) -> Result<PathBuf, WriteError> {
    let io = |error| WriteError::Io { path: path.to_owned(), error };
    let metadata = match fs::symlink_metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_owned()),
        Err(error) => return Err(io(error)),
        Ok(metadata) => metadata,
    };
    if metadata.is_file() {
        return Ok(path.to_owned());
    }
    if !metadata.file_type().is_symlink() {
        return Err(WriteError::NotRegular { path: path.to_owned(), kind: kind_words(&metadata.file_type()) });
    }
    match fs::canonicalize(path) {
        Ok(target) => match fs::metadata(&target) {
            Ok(target_metadata) if target_metadata.is_file() => Ok(target),
            Ok(target_metadata) => {
                Err(WriteError::NotRegular { path: target, kind: kind_words(&target_metadata.file_type()) })
            }
            Err(error) => Err(io(error)),
        },
        Err(_) => {
            Err(WriteError::BrokenLink { path: path.to_owned(), target: fs::read_link(path).unwrap_or_default() })
        }
    }
}

/// Writes a file the program produces (a report, a journal): never through a link and
/// never over a FIFO or device.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if !metadata.is_file() => {
            return Err(WriteError::NotRegular { path: path.to_owned(), kind: kind_words(&metadata.file_type()) });
        }
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(WriteError::Io { path: path.to_owned(), error });
        }
        _ => {}
    }
    write_new_version(path, bytes)
}

/// Replaces a session file with `bytes` if it still holds `expected` (through a link, its
/// target), keeping the version replaced in `backup` of the target when given. Returns
/// the head of what is now on disk.
pub fn replace(
    path: &Path,
    bytes: &[u8],
    expected: &FileHead,
    backup: impl Fn(&Path) -> PathBuf,
) -> Result<FileHead, WriteError> {
    let target = resolve(path)?;
    let current = match read_regular(&target, MAX_COMPARED_BYTES) {
        Ok(current) => Some(current),
        Err(ReadError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(error.into()),
    };
    let head = current.as_deref().map_or(FileHead::Absent, FileHead::of);
    if &head != expected {
        return Err(WriteError::Changed { path: path.to_owned() });
    }
    if let Some(current) = &current {
        // The backup is a copy, so the target is never missing, even for a moment.
        write_new_version(&backup(&target), current)?;
    }
    write_new_version(&target, bytes)?;
    Ok(FileHead::of(bytes))
}

/// The temporary-and-rename write itself.
fn write_new_version(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |error: std::io::Error| WriteError::Io { path: target.to_owned(), error };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // tempfile creates with O_EXCL (so never through a planted link) and mode 0600.
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!("{name}{TEMPORARY_MARKER}"))
        .rand_bytes(6)
        .tempfile_in(&folder)
        .map_err(io)?;
    temporary.write_all(bytes).map_err(io)?;
    temporary.flush().map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    let mut written = Vec::with_capacity(bytes.len());
    temporary.reopen().and_then(|mut file| file.read_to_end(&mut written)).map_err(io)?;
    if written != bytes {
        // Dropping the temporary removes it.
        return Err(WriteError::ReadBack { path: target.to_owned() });
    }
    rename_with_retry(temporary.into_temp_path(), target).map_err(io)?;
    sync_folder(&folder).map_err(io)
}

/// Renames, retrying briefly: on Windows a virus scanner or indexer may hold the target.
/// A temporary that cannot be renamed is removed.
fn rename_with_retry(mut temporary: tempfile::TempPath, target: &Path) -> std::io::Result<()> {
    let mut delay = Duration::from_millis(10);
    for _ in 0..8 {
        match temporary.persist(target) {
            Ok(()) => return Ok(()),
            Err(error) if error.error.kind() == std::io::ErrorKind::PermissionDenied => {
                temporary = error.path;
                std::thread::sleep(delay);
                delay *= 2;
            }
            Err(error) => return Err(error.error),
        }
    }
    Err(std::io::Error::other("the file stayed held by another program; it was not replaced"))
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

/// Removes the temporaries a crashed writer left beside `target` (`NAME.tmp-…`, and those
/// of its backup and journal, `NAME.bak.tmp-…`, `NAME.recovery.ron.tmp-…`) and returns
/// them. Call it only while holding the target's lock: a writer with the lock is the only
/// one that creates them.
pub fn remove_stale_temporaries(target: &Path) -> Vec<PathBuf> {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Vec::new() };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = fs::read_dir(&folder) else { return Vec::new() };
    let prefix = format!("{name}.");
    let mut removed: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            let entry_name = entry.file_name().to_string_lossy().into_owned();
            entry_name.starts_with(&prefix)
                && entry_name.get(name.len()..).is_some_and(|rest| rest.contains(TEMPORARY_MARKER))
                && entry.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|entry| entry.path())
        .filter(|path| fs::remove_file(path).is_ok())
        .collect();
    removed.sort();
    removed
}

/// Whether a file name is a temporary of this module's.
pub fn is_temporary(name: &str) -> bool {
    name.contains(TEMPORARY_MARKER)
}
