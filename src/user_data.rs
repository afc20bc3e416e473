//! The per-user data folder, laid out in one place.
//!
//! Everything trialscreen keeps for one person on one computer lives under one root:
//! sessions, the site's protocols, recovery journals of drafts, the installation key, the
//! witness ledger, signing identities, the site roster, the summary cache and the window's
//! preferences. Only the edges (the binary, the window's start) ask the environment where
//! that root is ([`UserData::from_env`]); everything below takes the paths it needs as
//! arguments, so a test points the whole program at a temporary folder
//! ([`UserData::at`], or `XDG_DATA_HOME` for the binary) and gets a fresh installation.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The folder name under the platform's data folder.
pub const APP_FOLDER: &str = "trialscreen";

/// Why the per-user data folder could not be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserDataError {
    /// Neither `XDG_DATA_HOME` nor a home folder is known.
    #[error("{}", crate::i18n::text("error-user-data-no-data-folder"))]
    NoDataFolder,
}

/// The per-user data folder and the path of everything in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserData {
    root: PathBuf,
}

impl UserData {
    /// The layout under an explicit root folder (tests, or a folder chosen at the edge).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The layout under `$XDG_DATA_HOME/trialscreen` when `XDG_DATA_HOME` is an absolute
    /// path (on every platform, so a test's temporary folder is a fresh installation), else
    /// the platform's per-user data folder (`~/.local/share/trialscreen` on Linux).
    /// Call it only at the edge: the library takes paths.
    pub fn from_env() -> Result<Self, UserDataError> {
        resolve(std::env::var_os("XDG_DATA_HOME").as_deref(), || {
            directories::ProjectDirs::from("", "", APP_FOLDER).map(|dirs| dirs.data_dir().to_owned())
        })
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The default folder for session files.
    pub fn sessions(&self) -> PathBuf {
        self.root.join("sessions")
    }

    /// The site's own protocol files, loaded at start beside the bundled ones.
    pub fn site_protocols(&self) -> PathBuf {
        self.root.join("protocols")
    }

    /// Recovery journals of sessions never saved (a saved session's journal lies beside it).
    pub fn recovery(&self) -> PathBuf {
        self.root.join("recovery")
    }

    /// The folder of private keys (0700): the installation key and signing identities.
    pub fn keys(&self) -> PathBuf {
        self.root.join("keys")
    }

    /// This installation's private key, which seals every save.
    pub fn installation_key(&self) -> PathBuf {
        self.keys().join("installation-key.ron")
    }

    /// Signing identities of the people who sign on this computer, one file each.
    pub fn signer_identities(&self) -> PathBuf {
        self.keys().join("identities")
    }

    /// The append-only witness ledger: the head of every session saved on this computer.
    pub fn ledger(&self) -> PathBuf {
        self.root.join("ledger.log")
    }

    /// The site roster: which signing keys belong to which person, which installations the
    /// site trusts (a copy the site distributes; `--roster FILE` names another).
    pub fn roster(&self) -> PathBuf {
        self.root.join("roster.ron")
    }

    /// Derived data that may be deleted at any time (the summary cache).
    pub fn cache(&self) -> PathBuf {
        self.root.join("cache")
    }

    /// The window's preferences (eframe's storage: theme, zoom, recent files; never
    /// clinical data).
    pub fn preferences(&self) -> PathBuf {
        self.root.join("app.ron")
    }
}

/// The root from `XDG_DATA_HOME` if it is absolute (the XDG specification ignores a
/// relative one), else from the platform default.
fn resolve(
    xdg_data_home: Option<&OsStr>,
    platform_default: impl FnOnce() -> Option<PathBuf>,
) -> Result<UserData, UserDataError> {
    let xdg = xdg_data_home.map(Path::new).filter(|path| path.is_absolute());
    match xdg {
        Some(base) => Ok(UserData::at(base.join(APP_FOLDER))),
        None => platform_default().map(UserData::at).ok_or(UserDataError::NoDataFolder),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absolute_xdg_data_home_wins_over_the_platform_folder() {
        let data = resolve(Some(OsStr::new("/tmp/fresh")), || Some(PathBuf::from("/home/x/.local/share/trialscreen")));
        assert_eq!(data, Ok(UserData::at("/tmp/fresh/trialscreen")));
    }

    #[test]
    fn a_relative_or_missing_xdg_data_home_falls_back_to_the_platform_folder() {
        let platform = || Some(PathBuf::from("/home/x/.local/share/trialscreen"));
        assert_eq!(
            resolve(Some(OsStr::new("relative/dir")), platform),
            Ok(UserData::at("/home/x/.local/share/trialscreen"))
        );
        assert_eq!(resolve(None, platform), Ok(UserData::at("/home/x/.local/share/trialscreen")));
        assert_eq!(resolve(Some(OsStr::new("")), || None), Err(UserDataError::NoDataFolder));
    }

    #[test]
    fn every_path_lies_under_the_root_and_none_is_shared() {
        let data = UserData::at("/r");
        let paths = [
            data.sessions(),
            data.site_protocols(),
            data.recovery(),
            data.installation_key(),
            data.signer_identities(),
            data.ledger(),
            data.roster(),
            data.cache(),
            data.preferences(),
        ];
        for path in &paths {
            assert!(path.starts_with("/r"), "{}", path.display());
        }
        let distinct: std::collections::BTreeSet<_> = paths.iter().collect();
        assert_eq!(distinct.len(), paths.len());
    }
}
