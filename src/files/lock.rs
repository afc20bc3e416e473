//! The advisory lock a session's writers hold: an exclusive lock on `NAME.lock` beside the
//! session (never on the session file itself, which every save replaces by a rename, so a
//! lock on it would be on a file that no longer has the name). The lock file is created
//! 0600 without following a link, and stays after use: removing it while another program
//! waits on it would let two writers in. The operating system releases the lock when the
//! holder ends, however it ends, so a crash never leaves a session locked.
//!
//! The lock is `std::fs::File::try_lock` (flock on Linux and the BSDs, LockFileEx on
//! Windows), the same mechanism fs4 and fd-lock wrap, without a dependency.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::files::atomic_write::resolve;
use crate::files::kind_words;

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct FileLock {
    /// Held open: closing it releases the lock.
    _file: File,
    /// The file the lock is for (a link resolved to its target).
    target: PathBuf,
}

/// Why a lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another window or command holds it.
    #[error("{}", crate::i18n::text_with("error-file-lock-held", &[("target", target.display().to_string()), ("lock", lock.display().to_string())]))]
    Held {
        /// The file locked.
        target: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// The lock file cannot be created or locked.
    #[error("{}", crate::i18n::text_with("error-file-lock-unusable", &[("target", target.display().to_string()), ("lock", lock.display().to_string()), ("reason", reason.to_string())]))]
    Unusable {
        /// The file to lock.
        target: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// Why.
        reason: String,
    },
}

/// The lock file of a file: `NAME.lock` beside it.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    target.with_file_name(name)
}

impl FileLock {
    /// Takes the lock of `path` (of its target when it is a link), waiting up to `wait`
    /// for another holder to let go.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, LockError> {
        let target = match resolve(path) {
            Ok(target) => target,
            Err(error) => {
                let lock = lock_path(path);
                return Err(LockError::Unusable { target: path.to_owned(), lock, reason: error.to_string() });
            }
        };
        let lock = lock_path(&target);
        let unusable = |reason: String| LockError::Unusable { target: target.clone(), lock: lock.clone(), reason };
        let file = open_lock_file(&lock).map_err(|error| unusable(error.to_string()))?;
        let metadata = file.metadata().map_err(|error| unusable(error.to_string()))?;
        if !metadata.is_file() {
            return Err(unusable(format!("it is {}, not a regular file", kind_words(&metadata.file_type()))));
        }
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file, target }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => return Err(LockError::Held { target, lock }),
                Err(TryLockError::Error(error)) => return Err(unusable(error.to_string())),
            }
        }
    }

    /// The file the lock is for.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

fn open_lock_file(lock: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Never through a planted link; never wait on a FIFO planted under the name.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(lock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_then_is_refused_and_gets_it_once_released() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let first = FileLock::acquire(&session, Duration::ZERO).unwrap();
        let refused = FileLock::acquire(&session, Duration::from_millis(60)).unwrap_err();
        assert!(matches!(refused, LockError::Held { .. }), "{refused}");
        assert!(refused.to_string().contains("is open in another trialscreen window"), "{refused}");
        drop(first);
        FileLock::acquire(&session, Duration::ZERO).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(lock_path(&session)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_at_the_lock_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, lock_path(&session)).unwrap();
        assert!(matches!(FileLock::acquire(&session, Duration::ZERO), Err(LockError::Unusable { .. })));
        assert!(!elsewhere.exists(), "nothing was created through the link");
    }
}
