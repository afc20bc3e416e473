//! Signing identities (21 CFR 11.50, 11.70, 11.200): a person's Ed25519 key pair whose
//! private key is stored encrypted under their passphrase, one file per identity (0600) in
//! the per-user data folder.
//!
//! The passphrase becomes a 256-bit key through Argon2id (memory-hard, so guessing costs
//! memory as well as time; its parameters and salt are stored with the identity), and that
//! key opens the private key with XChaCha20-Poly1305 (random 192-bit nonce). The name,
//! public key, creation time and KDF parameters are the cipher's associated data: editing
//! any of them in the file makes the passphrase fail, so an identity cannot be renamed.
//! All of it is RustCrypto's and dalek's code; nothing here is cryptography of our own.
//! Secrets (derived key, private key, passphrase copies) are zeroized when dropped.

use std::fmt;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead as _, Payload};
use chacha20poly1305::{KeyInit as _, XChaCha20Poly1305, XNonce};
use chrono::{DateTime, SecondsFormat, Utc};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::files::bounded_read::read_regular;
use crate::files::folder;
use crate::files::hex;
use crate::files::private::{self, Created, FileError};
use crate::records::e_signature::SignatureProof;
use crate::records::keys::{self, Fingerprint, KeyError, PublicKey, SignatureValue};
use crate::records::payload::{SignedFacts, push_field, signature_payload};
use crate::records::signer_name::SignerName;

/// The format of identity files this build writes and reads.
const IDENTITY_FORMAT: u32 = 1;

/// The largest identity file read.
const MAX_IDENTITY_FILE_BYTES: usize = 16 * 1024;

/// The domain prefix of an identity's associated data.
const IDENTITY_DOMAIN: &str = "trialscreen signer identity v1";

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The most bytes a passphrase may have.
pub const MAX_PASSPHRASE_BYTES: usize = 1024;

const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;
const SECRET_BYTES: usize = 32;
/// Poly1305's tag follows the encrypted secret.
const CIPHERTEXT_BYTES: usize = SECRET_BYTES + 16;

/// Argon2id's cost parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfParams {
    /// What every identity is created with outside tests: RFC 9106's second recommended
    /// option (64 MiB, 3 passes, 4 lanes), a fraction of a second on a clinic laptop.
    pub const PRODUCTION: Self = Self { memory_kib: 64 * 1024, iterations: 3, parallelism: 4 };

    /// The most memory an identity file may ask for (1 GiB): a larger figure in a file
    /// would be a way to make unlocking exhaust the computer.
    pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;

    /// The most passes an identity file may ask for.
    pub const MAX_ITERATIONS: u32 = 64;

    /// The most lanes an identity file may ask for.
    pub const MAX_PARALLELISM: u32 = 16;

    fn to_argon2(self) -> Result<argon2::Params, IdentityError> {
        let Self { memory_kib, iterations, parallelism } = self;
        if memory_kib > Self::MAX_MEMORY_KIB || iterations > Self::MAX_ITERATIONS || parallelism > Self::MAX_PARALLELISM
        {
            return Err(IdentityError::KdfParams(self));
        }
        argon2::Params::new(memory_kib, iterations, parallelism, Some(SECRET_BYTES))
            .map_err(|_| IdentityError::KdfParams(self))
    }
}

/// Why an identity could not be created, read or unlocked.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    /// The file could not be read or written.
    #[error(transparent)]
    File(#[from] FileError),
    /// No randomness, or a key that does not parse.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The passphrase does not open the identity.
    #[error("{}", crate::i18n::text_with("identity-wrong-passphrase", &[("name", name.to_string()), ("fingerprint", fingerprint.to_string())]))]
    WrongPassphrase {
        /// Whose identity.
        name: SignerName,
        /// Its key.
        fingerprint: Fingerprint,
    },
    /// The passphrase is too short or too long.
    #[error("{}", crate::i18n::text_with("identity-weak-passphrase", &[("min", MIN_PASSPHRASE_CHARS.to_string()), ("max", MAX_PASSPHRASE_BYTES.to_string())]))]
    WeakPassphrase,
    /// KDF parameters out of range.
    #[error("Argon2id parameters {0:?} are out of range")]
    KdfParams(KdfParams),
    /// This computer already has an identity under that name.
    #[error("{}", crate::i18n::text_with("identity-name-taken", &[("name", name.to_string()), ("fingerprint", fingerprint.to_string())]))]
    NameTaken {
        /// The name.
        name: SignerName,
        /// The existing identity's key.
        fingerprint: Fingerprint,
    },
    /// The file is not an identity this build can read; it is left as it is.
    #[error("{}", crate::i18n::text_with("identity-damaged", &[("path", path.display().to_string()), ("reason", reason.clone())]))]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Facts to sign that name another person or key.
    #[error("{}", crate::i18n::text_with("identity-not-this", &[("name", name.to_string()), ("fingerprint", fingerprint.to_string())]))]
    NotThisIdentity {
        /// The identity's name.
        name: SignerName,
        /// The identity's key.
        fingerprint: Fingerprint,
    },
    /// An internal failure of the cipher or KDF (not a wrong passphrase).
    #[error("the signing identity could not be {0}")]
    Crypto(&'static str),
}

/// How the private key is derived from the passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Kdf {
    /// Argon2id, version 0x13.
    Argon2id { memory_kib: u32, iterations: u32, parallelism: u32, salt: String },
}

/// How the private key is encrypted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum EncryptedSecret {
    /// XChaCha20-Poly1305.
    XChaCha20Poly1305 { nonce: String, ciphertext: String },
}

/// An identity file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityFile {
    format: u32,
    name: SignerName,
    public_key: PublicKey,
    created_at: DateTime<Utc>,
    kdf: Kdf,
    secret_key: EncryptedSecret,
}

/// A signing identity as stored (its private key still encrypted).
#[derive(Clone, PartialEq, Eq)]
pub struct SignerIdentity {
    path: PathBuf,
    file: IdentityFile,
    params: KdfParams,
    salt: [u8; SALT_BYTES],
    nonce: [u8; NONCE_BYTES],
    ciphertext: [u8; CIPHERTEXT_BYTES],
}

impl fmt::Debug for SignerIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SignerIdentity({}, {}, {})", self.file.name, self.fingerprint(), self.path.display())
    }
}

/// An identity opened with its passphrase: it can sign. Its key is zeroized when dropped.
pub struct UnlockedIdentity {
    name: SignerName,
    signing_key: SigningKey,
    public_key: PublicKey,
}

impl fmt::Debug for UnlockedIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UnlockedIdentity({}, {})", self.name, self.public_key.fingerprint())
    }
}

/// The folder of signing identities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityStore {
    folder: PathBuf,
}

/// The identities found in a folder, and the files that could not be read.
#[derive(Debug, Default)]
pub struct IdentityList {
    /// Identities, by name, then oldest first.
    pub identities: Vec<SignerIdentity>,
    /// Files that are not readable identities, with why (listed, never skipped silently).
    pub unreadable: Vec<IdentityError>,
}

impl IdentityStore {
    /// The identities in `folder` (created with the first identity).
    pub fn at(folder: impl Into<PathBuf>) -> Self {
        Self { folder: folder.into() }
    }

    /// The folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Creates an identity for `name` under `passphrase`, unless this computer already has
    /// one under that name. `params` is [`KdfParams::PRODUCTION`] outside tests.
    pub fn create(
        &self,
        name: &SignerName,
        passphrase: &str,
        params: KdfParams,
        now: DateTime<Utc>,
    ) -> Result<SignerIdentity, IdentityError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS || passphrase.len() > MAX_PASSPHRASE_BYTES {
            return Err(IdentityError::WeakPassphrase);
        }
        if let Some(existing) = self.find(name)?.first() {
            return Err(IdentityError::NameTaken { name: name.clone(), fingerprint: existing.fingerprint() });
        }
        let argon2_params = params.to_argon2()?;
        let signing_key = keys::generate_signing_key()?;
        let public_key = PublicKey::of(&signing_key);
        let mut salt = [0u8; SALT_BYTES];
        let mut nonce = [0u8; NONCE_BYTES];
        keys::os_random(&mut salt)?;
        keys::os_random(&mut nonce)?;
        // Whole seconds: the time is part of the associated data and must read back equal.
        let created_at = DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now);
        let mut file = IdentityFile {
            format: IDENTITY_FORMAT,
            name: name.clone(),
            public_key,
            created_at,
            kdf: Kdf::Argon2id {
                memory_kib: params.memory_kib,
                iterations: params.iterations,
                parallelism: params.parallelism,
                salt: hex::encode(&salt),
            },
            secret_key: EncryptedSecret::XChaCha20Poly1305 { nonce: hex::encode(&nonce), ciphertext: String::new() },
        };
        let key = derive_key(passphrase, &salt, argon2_params)?;
        let cipher = XChaCha20Poly1305::new_from_slice(key.as_ref()).map_err(|_| IdentityError::Crypto("created"))?;
        let aad = associated_data(&file, params, &salt);
        let ciphertext = cipher
            .encrypt(&XNonce::from(nonce), Payload { msg: signing_key.as_bytes(), aad: &aad })
            .map_err(|_| IdentityError::Crypto("created"))?;
        file.secret_key =
            EncryptedSecret::XChaCha20Poly1305 { nonce: hex::encode(&nonce), ciphertext: hex::encode(&ciphertext) };
        let path = self.folder.join(format!("{}.ron", public_key.fingerprint().hex()));
        let text = identity_text(&file)?;
        match private::create_exclusive(&path, text.as_bytes())? {
            Created::Created => SignerIdentity::from_file(path, file),
            Created::AlreadyExists => Err(IdentityError::Damaged {
                path,
                reason: "a file already has this new key's name; nothing was replaced".to_owned(),
            }),
        }
    }

    /// Every identity in the folder (none when the folder does not exist yet).
    pub fn list(&self) -> Result<IdentityList, IdentityError> {
        let mut list = IdentityList::default();
        // Temporary files of a creation under way start with a dot.
        let entries = match folder::list(&self.folder, |name| !name.starts_with('.') && name.ends_with(".ron")) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(list),
            Err(error) => return Err(FileError::Io { path: self.folder.clone(), error }.into()),
        };
        for entry in entries {
            let loaded = match entry.problem {
                Some(problem) => Err(IdentityError::Damaged { path: entry.path, reason: problem }),
                None => SignerIdentity::load(&entry.path),
            };
            match loaded {
                Ok(identity) => list.identities.push(identity),
                Err(error) => list.unreadable.push(error),
            }
        }
        list.identities.sort_by(|a, b| {
            (a.name(), a.created_at(), a.fingerprint()).cmp(&(b.name(), b.created_at(), b.fingerprint()))
        });
        Ok(list)
    }

    /// The identities under exactly this name.
    pub fn find(&self, name: &SignerName) -> Result<Vec<SignerIdentity>, IdentityError> {
        Ok(self.list()?.identities.into_iter().filter(|identity| identity.name() == name).collect())
    }
}

impl SignerIdentity {
    /// Reads an identity file.
    pub fn load(path: &Path) -> Result<Self, IdentityError> {
        let bytes = read_regular(path, MAX_IDENTITY_FILE_BYTES).map_err(FileError::from)?;
        private::check_private(path)?;
        let damaged = |reason: String| IdentityError::Damaged { path: path.to_owned(), reason };
        let text = std::str::from_utf8(&bytes).map_err(|_| damaged("not UTF-8 text".to_owned()))?;
        let file: IdentityFile = ron::Options::default().from_str(text).map_err(|error| damaged(error.to_string()))?;
        Self::from_file(path.to_owned(), file)
    }

    fn from_file(path: PathBuf, file: IdentityFile) -> Result<Self, IdentityError> {
        let damaged = |reason: &str| IdentityError::Damaged { path: path.clone(), reason: reason.to_owned() };
        if file.format != IDENTITY_FORMAT {
            return Err(damaged(&format!("format {}; this build reads format {IDENTITY_FORMAT}", file.format)));
        }
        let Kdf::Argon2id { memory_kib, iterations, parallelism, salt } = &file.kdf;
        let params = KdfParams { memory_kib: *memory_kib, iterations: *iterations, parallelism: *parallelism };
        let salt = hex::decode::<SALT_BYTES>(salt).ok_or_else(|| damaged("the salt is not 16 bytes of hex"))?;
        let EncryptedSecret::XChaCha20Poly1305 { nonce, ciphertext } = &file.secret_key;
        let nonce = hex::decode::<NONCE_BYTES>(nonce).ok_or_else(|| damaged("the nonce is not 24 bytes of hex"))?;
        let ciphertext = hex::decode::<CIPHERTEXT_BYTES>(ciphertext)
            .ok_or_else(|| damaged("the encrypted key is not 48 bytes of hex"))?;
        Ok(Self { path, file, params, salt, nonce, ciphertext })
    }

    /// The file it was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The signer's name.
    pub fn name(&self) -> &SignerName {
        &self.file.name
    }

    /// The public key.
    pub fn public_key(&self) -> PublicKey {
        self.file.public_key
    }

    /// The public key's fingerprint.
    pub fn fingerprint(&self) -> Fingerprint {
        self.file.public_key.fingerprint()
    }

    /// When it was created.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.file.created_at
    }

    /// Its Argon2id parameters.
    pub fn kdf_params(&self) -> KdfParams {
        self.params
    }

    /// Opens the private key with the passphrase. A wrong passphrase (or an identity file
    /// edited since it was created) is [`IdentityError::WrongPassphrase`].
    pub fn unlock(&self, passphrase: &str) -> Result<UnlockedIdentity, IdentityError> {
        let argon2_params = self.params.to_argon2()?;
        if passphrase.len() > MAX_PASSPHRASE_BYTES {
            return Err(self.wrong_passphrase());
        }
        let key = derive_key(passphrase, &self.salt, argon2_params)?;
        let cipher = XChaCha20Poly1305::new_from_slice(key.as_ref()).map_err(|_| IdentityError::Crypto("opened"))?;
        let aad = associated_data(&self.file, self.params, &self.salt);
        let secret = Zeroizing::new(
            cipher
                .decrypt(&XNonce::from(self.nonce), Payload { msg: &self.ciphertext, aad: &aad })
                .map_err(|_| self.wrong_passphrase())?,
        );
        let secret: Zeroizing<[u8; SECRET_BYTES]> =
            Zeroizing::new(secret.as_slice().try_into().map_err(|_| IdentityError::Crypto("opened"))?);
        let signing_key = SigningKey::from_bytes(&secret);
        let public_key = PublicKey::of(&signing_key);
        if public_key != self.file.public_key {
            return Err(IdentityError::Damaged {
                path: self.path.clone(),
                reason: "the private key does not belong to the public key".to_owned(),
            });
        }
        Ok(UnlockedIdentity { name: self.file.name.clone(), signing_key, public_key })
    }

    fn wrong_passphrase(&self) -> IdentityError {
        IdentityError::WrongPassphrase { name: self.file.name.clone(), fingerprint: self.fingerprint() }
    }
}

impl UnlockedIdentity {
    /// The signer's name.
    pub fn name(&self) -> &SignerName {
        &self.name
    }

    /// The public key.
    pub fn public_key(&self) -> PublicKey {
        self.public_key
    }

    /// Signs the facts of a signature, which must name this identity's person and key.
    pub fn sign(&self, facts: &SignedFacts<'_>) -> Result<SignatureProof, IdentityError> {
        let fingerprint = self.public_key.fingerprint();
        if facts.signer != &self.name || facts.key_fingerprint != &fingerprint {
            return Err(IdentityError::NotThisIdentity { name: self.name.clone(), fingerprint });
        }
        Ok(SignatureProof {
            key: self.public_key,
            signature: SignatureValue::sign(&self.signing_key, &signature_payload(facts)),
        })
    }
}

/// The 256-bit key Argon2id derives from the passphrase.
fn derive_key(
    passphrase: &str,
    salt: &[u8; SALT_BYTES],
    params: argon2::Params,
) -> Result<Zeroizing<[u8; SECRET_BYTES]>, IdentityError> {
    let mut key = Zeroizing::new([0u8; SECRET_BYTES]);
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|_| IdentityError::Crypto("derived from the passphrase"))?;
    Ok(key)
}

/// What the cipher authenticates besides the key: everything else in the file.
fn associated_data(file: &IdentityFile, params: KdfParams, salt: &[u8; SALT_BYTES]) -> Vec<u8> {
    let IdentityFile { format, name, public_key, created_at, kdf: _, secret_key: _ } = file;
    let KdfParams { memory_kib, iterations, parallelism } = params;
    let mut aad = Vec::with_capacity(256);
    push_field(&mut aad, IDENTITY_DOMAIN.as_bytes());
    push_field(&mut aad, &format.to_be_bytes());
    push_field(&mut aad, name.as_str().as_bytes());
    push_field(&mut aad, public_key.as_bytes());
    push_field(&mut aad, created_at.to_rfc3339_opts(SecondsFormat::AutoSi, true).as_bytes());
    push_field(&mut aad, b"argon2id v19");
    push_field(&mut aad, &memory_kib.to_be_bytes());
    push_field(&mut aad, &iterations.to_be_bytes());
    push_field(&mut aad, &parallelism.to_be_bytes());
    push_field(&mut aad, salt);
    aad
}

fn identity_text(file: &IdentityFile) -> Result<String, IdentityError> {
    let body = ron::ser::to_string_pretty(file, ron::ser::PrettyConfig::new().new_line("\n".to_owned()))
        .map_err(|_| IdentityError::Crypto("written as RON"))?;
    Ok(format!(
        "// trialscreen signing identity of {} (key {}). Its private key is encrypted under the signer's passphrase; do not edit.\n{body}\n",
        file.name,
        file.public_key.fingerprint()
    ))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::records::session_id::SessionId;

    /// Cheap parameters: the tests exercise the mechanism, not its cost.
    pub(crate) const CHEAP: KdfParams = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 15).unwrap()
    }

    fn name(text: &str) -> SignerName {
        SignerName::parse(text).unwrap()
    }

    #[test]
    fn production_kdf_parameters_are_rfc_9106s_second_recommendation() {
        assert_eq!(KdfParams::PRODUCTION, KdfParams { memory_kib: 65_536, iterations: 3, parallelism: 4 });
        assert!(KdfParams::PRODUCTION.to_argon2().is_ok());
    }

    #[test]
    fn an_identity_unlocks_with_its_passphrase_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = IdentityStore::at(dir.path().join("identities"));
        let created = store.create(&name("Dr Ana Ruiz"), "correct horse", CHEAP, now()).unwrap();
        let loaded = SignerIdentity::load(created.path()).unwrap();
        assert_eq!(loaded, created);
        assert_eq!(loaded.name().as_str(), "Dr Ana Ruiz");
        assert_eq!(loaded.kdf_params(), CHEAP);
        let unlocked = loaded.unlock("correct horse").unwrap();
        assert_eq!(unlocked.public_key(), created.public_key());
        let wrong = loaded.unlock("correct horsE").unwrap_err();
        assert!(matches!(wrong, IdentityError::WrongPassphrase { .. }), "{wrong}");
        assert!(wrong.to_string().starts_with("wrong passphrase for the signing identity of Dr Ana Ruiz"), "{wrong}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(created.path()).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let text = std::fs::read_to_string(created.path()).unwrap();
        assert!(!text.contains(&hex::encode(unlocked.signing_key.as_bytes())), "the private key is stored in clear");
    }

    #[test]
    fn renaming_an_identity_in_its_file_makes_it_unusable() {
        let dir = tempfile::tempdir().unwrap();
        let store = IdentityStore::at(dir.path());
        let created = store.create(&name("Dr Ana Ruiz"), "correct horse", CHEAP, now()).unwrap();
        let text = std::fs::read_to_string(created.path()).unwrap();
        for (from, to) in [
            ("name: \"Dr Ana Ruiz\"", "name: \"Dr Chief\""),
            ("memory_kib: 64", "memory_kib: 72"),
            ("2026-03-01T09:30:15Z", "2026-03-01T09:30:16Z"),
        ] {
            assert!(text.contains(from), "{from} not in {text}");
            std::fs::write(created.path(), text.replace(from, to)).unwrap();
            let error = SignerIdentity::load(created.path()).unwrap().unlock("correct horse").unwrap_err();
            assert!(matches!(error, IdentityError::WrongPassphrase { .. }), "{from}: {error}");
        }
    }

    #[test]
    fn a_second_identity_under_the_same_name_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = IdentityStore::at(dir.path());
        store.create(&name("Dr Ana Ruiz"), "correct horse", CHEAP, now()).unwrap();
        let error = store.create(&name("Dr Ana Ruiz"), "another horse", CHEAP, now()).unwrap_err();
        assert!(matches!(error, IdentityError::NameTaken { .. }), "{error}");
        store.create(&name("Dr Ben Ode"), "correct horse", CHEAP, now()).unwrap();
        let list = store.list().unwrap();
        let names: Vec<&str> = list.identities.iter().map(|i| i.name().as_str()).collect();
        assert_eq!(names, ["Dr Ana Ruiz", "Dr Ben Ode"]);
        assert!(list.unreadable.is_empty());
    }

    #[test]
    fn a_short_passphrase_or_a_file_asking_for_huge_memory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = IdentityStore::at(dir.path());
        assert!(matches!(store.create(&name("Dr X"), "1234567", CHEAP, now()), Err(IdentityError::WeakPassphrase)));
        let created = store.create(&name("Dr X"), "12345678", CHEAP, now()).unwrap();
        let text = std::fs::read_to_string(created.path()).unwrap().replace("memory_kib: 64", "memory_kib: 4000000000");
        std::fs::write(created.path(), text).unwrap();
        let error = SignerIdentity::load(created.path()).unwrap().unlock("12345678").unwrap_err();
        assert!(matches!(error, IdentityError::KdfParams(_)), "{error}");
    }

    #[test]
    fn an_unreadable_file_in_the_folder_is_listed_not_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let store = IdentityStore::at(dir.path());
        store.create(&name("Dr X"), "12345678", CHEAP, now()).unwrap();
        std::fs::write(dir.path().join("junk.ron"), "(").unwrap();
        let list = store.list().unwrap();
        assert_eq!(list.identities.len(), 1);
        assert_eq!(list.unreadable.len(), 1);
    }

    #[test]
    fn an_unlocked_identity_signs_only_facts_that_name_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = IdentityStore::at(dir.path());
        let identity = store.create(&name("Dr Ana Ruiz"), "correct horse", CHEAP, now()).unwrap();
        let unlocked = identity.unlock("correct horse").unwrap();
        let session = SessionId::random().unwrap();
        let fingerprint = identity.fingerprint();
        let other = name("Dr Chief");
        let facts = SignedFacts {
            session_id: &session,
            content_hash: "c",
            trail_hash: "t",
            signer: identity.name(),
            signed_at: now(),
            meaning_id: "approval",
            meaning_text: "I approve this screening",
            key_fingerprint: &fingerprint,
        };
        let proof = unlocked.sign(&facts).unwrap();
        assert_eq!(proof.verify(&facts), Ok(()));
        assert!(matches!(
            unlocked.sign(&SignedFacts { signer: &other, ..facts }),
            Err(IdentityError::NotThisIdentity { .. })
        ));
        // Copied onto another session, or with any fact changed, it no longer holds.
        let elsewhere = SessionId::random().unwrap();
        assert!(proof.verify(&SignedFacts { session_id: &elsewhere, ..facts }).is_err());
        assert!(proof.verify(&SignedFacts { content_hash: "d", ..facts }).is_err());
        assert!(proof.verify(&SignedFacts { signer: &other, ..facts }).is_err());
    }
}
