//! Private files created once and never replaced (keys, signing identities): created
//! exclusively — never over an existing file, never through a symlink planted at the name —
//! with permissions 0600, in folders of 0700; a private key that other users may read is
//! refused. Reading goes through [`crate::files::bounded_read`].

use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::files::bounded_read::ReadError;

/// Why a private file could not be read or created.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The operating system refused.
    #[error("{}", crate::i18n::text_with("error-file-private-io", &[("path", path.display().to_string()), ("error", error.to_string())]))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// Not read: not a regular file, too large, or refused by the system.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A folder, FIFO, device or socket where a file was expected.
    #[error("{}", crate::i18n::text_with("error-file-private-not-regular", &[("path", path.display().to_string()), ("kind", kind.to_string())]))]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is, in words.
        kind: &'static str,
    },
    /// A private key readable or writable by other users.
    #[error(
        "{path} holds a private key but other users may read or change it (mode {mode:04o}); make it private with: chmod 600 '{}'",
        path.display()
    )]
    TooOpen {
        /// The file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
}

impl FileError {
    /// An I/O error on `path`.
    pub fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |error| Self::Io { path: path.to_owned(), error }
    }
}

/// Creates `folder` and its missing parents; the ones created are private (0700).
pub fn ensure_private_dir(folder: &Path) -> Result<(), FileError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(folder).map_err(FileError::io(folder))
}

/// Refuses a private file that other users may read or write (like ssh does).
pub fn check_private(path: &Path) -> Result<(), FileError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(path).map_err(FileError::io(path))?.permissions().mode() & 0o7777;
        if mode & 0o077 != 0 {
            return Err(FileError::TooOpen { path: path.to_owned(), mode });
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// What [`create_exclusive`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    /// This call created the file.
    Created,
    /// A file (or symlink, or anything else) already had that name; nothing was written.
    AlreadyExists,
}

/// Creates `path` holding `bytes` (mode 0600), only if nothing has that name: the bytes go
/// to an unpredictable temporary file in the same folder, are flushed to disk, and the file
/// is then linked under its name, which fails if the name exists. So the name appears with
/// its whole content or not at all, and of two processes creating it at once exactly one
/// wins. The temporary file is removed in every case.
pub fn create_exclusive(path: &Path, bytes: &[u8]) -> Result<Created, FileError> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    ensure_private_dir(&folder)?;
    let mut temporary =
        tempfile::Builder::new().prefix(".trialscreen-new-").tempfile_in(&folder).map_err(FileError::io(&folder))?;
    temporary.write_all(bytes).map_err(FileError::io(temporary.path()))?;
    temporary.as_file().sync_all().map_err(FileError::io(temporary.path()))?;
    match temporary.persist_noclobber(path) {
        Ok(_) => {
            sync_folder(&folder)?;
            Ok(Created::Created)
        }
        // The temporary file is removed when the error drops it.
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(Created::AlreadyExists),
        Err(error) => Err(FileError::Io { path: path.to_owned(), error: error.error }),
    }
}

fn sync_folder(folder: &Path) -> Result<(), FileError> {
    #[cfg(unix)]
    File::open(folder).and_then(|f| f.sync_all()).map_err(FileError::io(folder))?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_exclusive_never_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("key.ron");
        assert_eq!(create_exclusive(&path, b"first").unwrap(), Created::Created);
        assert_eq!(create_exclusive(&path, b"second").unwrap(), Created::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("key.ron")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(fs::metadata(path.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
        }
    }

    #[cfg(unix)]
    #[test]
    fn create_exclusive_does_not_write_through_a_planted_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "untouched").unwrap();
        let path = dir.path().join("key.ron");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        assert_eq!(create_exclusive(&path, b"secret").unwrap(), Created::AlreadyExists);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "untouched");
    }

    #[cfg(unix)]
    #[test]
    fn a_key_file_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        fs::write(&path, "k").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(check_private(&path), Err(FileError::TooOpen { mode: 0o644, .. })));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        assert!(check_private(&path).is_ok());
    }
}
