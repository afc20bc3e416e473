//! UI preferences remembered between runs through eframe's storage: recent session files
//! and the last folder used. Never clinical data (eframe's storage truncates in place and
//! resets on a parse error; sessions use the atomic store). Theme and zoom are remembered
//! by egui's own memory.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files are remembered.
pub const RECENT_FILES: usize = 8;

/// The key the preferences are stored under.
pub const STORAGE_KEY: &str = "trialscreen preferences";

/// Remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// The folder a file was last opened from or saved to.
    pub last_folder: Option<PathBuf>,
    /// The language chosen in View → Language; `None`: the system's (the locale).
    pub language: Option<crate::i18n::Language>,
}

impl Preferences {
    /// Puts a file first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
        self.last_folder = path.parent().map(Path::to_owned);
    }

    /// Forgets a file (it no longer opens).
    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut preferences = Preferences::default();
        for i in 0..10 {
            preferences.remember(Path::new(&format!("/s/{i}.ron")));
        }
        preferences.remember(Path::new("/s/5.ron"));
        assert_eq!(preferences.recent_files.len(), RECENT_FILES);
        assert_eq!(preferences.recent_files.first().map(PathBuf::as_path), Some(Path::new("/s/5.ron")));
        assert_eq!(preferences.recent_files.iter().filter(|p| p.ends_with("5.ron")).count(), 1);
        assert_eq!(preferences.last_folder.as_deref(), Some(Path::new("/s")));
    }
}
