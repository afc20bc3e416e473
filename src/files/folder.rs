//! The entries of a folder that a command reads, with each one that cannot be read as a
//! file (a FIFO, a device, a broken link, a folder named like a file) named with what it
//! is, so a caller lists it rather than skipping it or waiting on it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::files::kind_words;

/// One entry whose name the caller wanted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The entry's path.
    pub path: PathBuf,
    /// Its file name.
    pub name: String,
    /// Why it is not a file to read ("a FIFO (named pipe)", "a broken symbolic link").
    pub problem: Option<String>,
}

/// The entries of `folder` whose names `wanted` accepts, sorted by name.
pub fn list(folder: &Path, wanted: impl Fn(&str) -> bool) -> std::io::Result<Vec<Listed>> {
    let mut listed = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !wanted(&name) {
            continue;
        }
        let path = entry.path();
        // Follows a link; a link whose target is gone is named as such.
        let problem = match fs::metadata(&path) {
            Ok(metadata) if metadata.is_file() => None,
            Ok(metadata) => Some(format!("{}, not a regular file", kind_words(&metadata.file_type()))),
            Err(_) if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) => {
                Some("a broken symbolic link (its target does not exist)".to_owned())
            }
            Err(error) => Some(format!("cannot be read: {error}")),
        };
        listed.push(Listed { path, name, problem });
    }
    listed.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(listed)
}
