//! This installation's key pair: created on first use, kept private (0600) in the per-user
//! data folder, used to seal every save.
//!
//! Creation is exclusive: two processes starting at once each generate a key, but only
//! one file can take the name (see [`crate::files::private::create_exclusive`]); the other process
//! reads the winner's key and discards its own. A damaged key file is reported and never
//! replaced, since a silently new key would make this computer a stranger to its roster.

use std::fmt;
use std::path::Path;

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::files::bounded_read::{ReadError, read_regular};
use crate::files::hex;
use crate::files::private::{self, Created, FileError};
use crate::records::keys::{self, Fingerprint, KeyError, PublicKey, SignatureValue};
use crate::records::payload::{SealedHead, cache_payload, seal_payload};
use crate::records::seal::Seal;

/// The largest installation key file read.
const MAX_KEY_FILE_BYTES: usize = 4096;

/// The format of the key file this build writes.
const KEY_FILE_FORMAT: u32 = 1;

/// Why the installation key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum InstallationKeyError {
    /// The file could not be read or written.
    #[error(transparent)]
    File(#[from] FileError),
    /// A new key could not be made.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The key could not be written as RON (a defect of this build).
    #[error("{}", crate::i18n::text_with("installation-key-write", &[("problem", .0.clone()), ("format", "RON".to_owned())]))]
    Write(String),
    /// The file is not a key this build can read; it is left as it is.
    #[error("{}", crate::i18n::text_with("installation-key-damaged", &[("path", path.clone()), ("reason", reason.clone()), ("app", "trialscreen".to_owned())]))]
    Damaged {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// What the key file holds. The public key is stored too, and must match, so a damaged
/// secret is caught on reading rather than at the first verification.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: u32,
    secret_key: Zeroizing<String>,
    public_key: PublicKey,
}

/// The installation's signing key.
pub struct InstallationKey {
    signing_key: SigningKey,
    public_key: PublicKey,
}

impl fmt::Debug for InstallationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InstallationKey({})", self.public_key.fingerprint())
    }
}

impl InstallationKey {
    /// Reads the key at `path`, creating it first (exclusively) when there is none.
    pub fn load_or_create(path: &Path) -> Result<Self, InstallationKeyError> {
        match Self::load(path) {
            Err(InstallationKeyError::File(FileError::Read(ReadError::Io { error, .. })))
                if error.kind() == std::io::ErrorKind::NotFound =>
            {
                let candidate = keys::generate_signing_key()?;
                let text = key_file_text(&candidate)?;
                match private::create_exclusive(path, text.as_bytes())? {
                    Created::Created => Ok(Self::from_signing_key(candidate)),
                    // Another process created it first: its key is this installation's.
                    Created::AlreadyExists => Self::load(path),
                }
            }
            other => other,
        }
    }

    /// Reads the key at `path`; never creates one.
    pub fn load(path: &Path) -> Result<Self, InstallationKeyError> {
        let bytes = Zeroizing::new(read_regular(path, MAX_KEY_FILE_BYTES).map_err(FileError::from)?);
        private::check_private(path)?;
        let damaged = |reason: String| InstallationKeyError::Damaged { path: path.display().to_string(), reason };
        let text = std::str::from_utf8(&bytes).map_err(|_| damaged("not UTF-8 text".to_owned()))?;
        let file: KeyFile = ron::Options::default().from_str(text).map_err(|error| damaged(error.to_string()))?;
        let KeyFile { format, secret_key, public_key } = file;
        if format != KEY_FILE_FORMAT {
            return Err(damaged(format!("format {format}; this build reads format {KEY_FILE_FORMAT}")));
        }
        let secret = Zeroizing::new(
            hex::decode::<32>(&secret_key).ok_or_else(|| damaged("the secret key is not 64 hex digits".to_owned()))?,
        );
        let key = Self::from_signing_key(SigningKey::from_bytes(&secret));
        if key.public_key != public_key {
            return Err(damaged("the public key does not belong to the secret key".to_owned()));
        }
        Ok(key)
    }

    fn from_signing_key(signing_key: SigningKey) -> Self {
        let public_key = PublicKey::of(&signing_key);
        Self { signing_key, public_key }
    }

    /// The public key every seal carries.
    pub fn public_key(&self) -> PublicKey {
        self.public_key
    }

    /// The public key's fingerprint, as a person reads it.
    pub fn fingerprint(&self) -> Fingerprint {
        self.public_key.fingerprint()
    }

    /// Seals the head of a session's trail.
    pub fn seal(&self, head: &SealedHead<'_>) -> Seal {
        Seal { key: self.public_key, signature: SignatureValue::sign(&self.signing_key, &seal_payload(head)) }
    }

    /// Vouches for a summary cache made in `context` whose entries hash to `body_sha256`
    /// (a payload of its own domain: never usable as a seal or a signature).
    pub fn vouch_for_cache(&self, context: &str, body_sha256: &str) -> SignatureValue {
        SignatureValue::sign(&self.signing_key, &cache_payload(context, body_sha256))
    }

    /// Whether this installation vouched for a summary cache with `signature`.
    pub fn vouched_for_cache(&self, context: &str, body_sha256: &str, signature: &SignatureValue) -> bool {
        self.public_key.verify(&cache_payload(context, body_sha256), signature)
    }
}

fn key_file_text(key: &SigningKey) -> Result<Zeroizing<String>, InstallationKeyError> {
    let public_key = PublicKey::of(key);
    let file = KeyFile { format: KEY_FILE_FORMAT, secret_key: Zeroizing::new(hex::encode(key.as_bytes())), public_key };
    let body = Zeroizing::new(
        ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new().new_line("\n".to_owned()))
            .map_err(|error| InstallationKeyError::Write(error.to_string()))?,
    );
    Ok(Zeroizing::new(format!(
        "// trialscreen installation key {}. Private: never copy, share or edit this file.\n{}\n",
        public_key.fingerprint(),
        body.as_str()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::session_id::SessionId;

    #[test]
    fn the_key_is_created_once_and_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys").join("installation-key.ron");
        let first = InstallationKey::load_or_create(&path).unwrap();
        let again = InstallationKey::load_or_create(&path).unwrap();
        assert_eq!(first.public_key(), again.public_key());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&first.public_key().to_string()));
        assert!(text.starts_with("// trialscreen installation key "), "{text}");
    }

    #[test]
    fn two_starts_at_once_end_with_one_key() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("installation-key.ron");
            let barrier = std::sync::Barrier::new(8);
            let keys: Vec<PublicKey> = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..8)
                    .map(|_| {
                        scope.spawn(|| {
                            barrier.wait();
                            InstallationKey::load_or_create(&path).unwrap().public_key()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            assert!(keys.windows(2).all(|pair| pair[0] == pair[1]), "{keys:?}");
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left behind");
        }
    }

    #[test]
    fn a_damaged_key_file_is_reported_and_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("installation-key.ron");
        std::fs::write(&path, "(format: 1, secret_key: \"00\", public_key: \"11\")").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let error = InstallationKey::load_or_create(&path).unwrap_err();
        assert!(matches!(error, InstallationKeyError::Damaged { .. }), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(format: 1, secret_key: \"00\", public_key: \"11\")");
    }

    #[test]
    fn a_secret_that_does_not_match_its_public_key_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("installation-key.ron");
        let key = InstallationKey::load_or_create(&path).unwrap();
        let other = keys::generate_signing_key().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let swapped = text.replace(&key.public_key().to_string(), &PublicKey::of(&other).to_string());
        std::fs::write(&path, swapped).unwrap();
        let error = InstallationKey::load(&path).unwrap_err();
        assert!(error.to_string().contains("does not belong"), "{error}");
    }

    #[test]
    fn a_seal_holds_for_its_head_only() {
        let dir = tempfile::tempdir().unwrap();
        let key = InstallationKey::load_or_create(&dir.path().join("k.ron")).unwrap();
        let id = SessionId::random().unwrap();
        let other_id = SessionId::random().unwrap();
        let head = SealedHead { session_id: &id, sequence: 57, head_hash: "aa" };
        let seal = key.seal(&head);
        assert_eq!(seal.verify(&head), Ok(key.fingerprint()));
        for moved in [
            SealedHead { sequence: 55, ..head },
            SealedHead { head_hash: "ab", ..head },
            SealedHead { session_id: &other_id, ..head },
        ] {
            assert!(matches!(seal.verify(&moved), Err(SealError::Mismatch { .. })), "{moved:?}");
        }
        // Another installation's key on the same signature.
        let stranger = Seal { key: PublicKey::of(&keys::generate_signing_key().unwrap()), ..seal.clone() };
        assert!(stranger.verify(&head).is_err());
    }

    use crate::records::seal::SealError;
}
