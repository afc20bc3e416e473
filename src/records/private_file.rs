//! Reading and creating the small private files of the records layer (keys, identities,
//! roster): regular files only, read with a cap on the bytes actually read, created
//! exclusively (never over an existing file, never through a symlink planted at the name)
//! with permissions 0600 in folders of 0700.

use std::fs::{self, File};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

/// Why a private file could not be read or created.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The operating system refused.
    #[error("cannot use {path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// A folder, FIFO, device or socket where a file was expected.
    #[error("{path} is not a regular file; it was not read")]
    NotRegular {
        /// The path.
        path: PathBuf,
    },
    /// More bytes than such a file ever holds.
    #[error("{path} is larger than the {max} bytes such a file may have; it was not read")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The cap.
        max: u64,
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

/// Reads a whole regular file of at most `max` bytes. A FIFO or device is refused before
/// it is opened (opening a FIFO would wait for a writer), and the cap applies to the bytes
/// read, not to the size the file reports.
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, FileError> {
    let metadata = fs::metadata(path).map_err(FileError::io(path))?;
    if !metadata.is_file() {
        return Err(FileError::NotRegular { path: path.to_owned() });
    }
    let file = File::open(path).map_err(FileError::io(path))?;
    // The name may have been swapped between the check and the open.
    if !file.metadata().map_err(FileError::io(path))?.is_file() {
        return Err(FileError::NotRegular { path: path.to_owned() });
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(FileError::io(path))?;
    if bytes.len() as u64 > max {
        return Err(FileError::TooLarge { path: path.to_owned(), max });
    }
    Ok(bytes)
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
    fn read_bounded_refuses_devices_and_caps_the_bytes_read() {
        let refused = read_bounded(Path::new("/dev/zero"), 1024);
        assert!(matches!(refused, Err(FileError::NotRegular { .. })), "{refused:?}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        fs::write(&path, vec![b'x'; 2000]).unwrap();
        assert!(matches!(read_bounded(&path, 1999), Err(FileError::TooLarge { max: 1999, .. })));
        assert_eq!(read_bounded(&path, 2000).unwrap().len(), 2000);
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
