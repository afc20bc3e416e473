//! Reading a file that may be anything: only a regular file is read, and never more than
//! a cap of bytes, whatever size it reports (a file under `/proc` says 0 and a device
//! never ends). A FIFO is refused before it is opened, and the open handle is checked
//! again, so a file swapped for a FIFO in between cannot make the program wait.

use std::fs::{self, File, OpenOptions};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::files::kind_words;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system refused.
    #[error("{}", crate::i18n::text_with("error-file-bounded-read-io", &[("path", path.display().to_string()), ("error", error.to_string())]))]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// A FIFO, a device, a socket or a folder.
    #[error("{}", crate::i18n::text_with("error-file-bounded-read-not-regular", &[("path", path.display().to_string()), ("kind", kind.to_string())]))]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is, in words.
        kind: &'static str,
    },
    /// More bytes than the cap (`size` is at least what was seen).
    #[error("{}", crate::i18n::text_with("error-file-bounded-read-too-large", &[("path", path.display().to_string()), ("size", size.to_string()), ("max", max.to_string())]))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size, or how much was read before the cap stopped the read.
        size: u64,
        /// The cap.
        max: usize,
    },
}

/// Reads a regular file of at most `max` bytes.
pub fn read_regular(path: &Path, max: usize) -> Result<Vec<u8>, ReadError> {
    let io = |error| ReadError::Io { path: path.to_owned(), error };
    let too_large = |size: u64| ReadError::TooLarge { path: path.to_owned(), size, max };
    // The first look follows links, so a link to a regular file reads as the file.
    let metadata = fs::metadata(path).map_err(io)?;
    require_regular(path, &metadata)?;
    if metadata.len() > max as u64 {
        return Err(too_large(metadata.len()));
    }
    let file = open_without_waiting(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    require_regular(path, &metadata)?;
    let capacity = usize::try_from(metadata.len()).unwrap_or(max).min(max);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(max as u64 + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn require_regular(path: &Path, metadata: &fs::Metadata) -> Result<(), ReadError> {
    if metadata.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular { path: path.to_owned(), kind: kind_words(&metadata.file_type()) })
    }
}

/// Opens for reading without blocking: opening a FIFO otherwise waits for a writer.
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The text without a leading byte-order mark, which some editors add and which is not
/// part of the content.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn devices_and_fifos_are_refused_at_once_and_the_cap_counts_bytes_read() {
        for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
            let error = read_regular(Path::new(device), 1024).unwrap_err();
            assert!(matches!(error, ReadError::NotRegular { kind: "a character device", .. }), "{error}");
        }
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let error = read_regular(&fifo, 1024).unwrap_err();
        assert!(error.to_string().contains("is a FIFO (named pipe), not a regular file"), "{error}");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(read_regular(&link, 1024), Err(ReadError::NotRegular { .. })));
        let folder = read_regular(dir.path(), 1024).unwrap_err();
        assert!(folder.to_string().contains("is a folder"), "{folder}");
        // /proc files say they are empty and are not.
        let status = read_regular(Path::new("/proc/self/status"), 16).unwrap_err();
        assert!(matches!(status, ReadError::TooLarge { size: 17, .. }), "{status}");
    }

    #[test]
    fn a_bom_is_dropped() {
        assert_eq!(without_bom("\u{feff}(a: 1)"), "(a: 1)");
        assert_eq!(without_bom("(a: 1)"), "(a: 1)");
    }
}
