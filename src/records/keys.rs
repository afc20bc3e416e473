//! Ed25519 public keys, their fingerprints and signatures as they are written in files,
//! and key generation from the operating system's randomness. The cryptography is
//! ed25519-dalek's; this module only names and spells its values.

use std::fmt;

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::files::hex;

/// Why a key or signature could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Not 64 lowercase hex digits.
    #[error("{}", crate::i18n::text_with("key-public-spelling", &[("text", .0.clone()), ("digits", 64.to_string())]))]
    PublicKeySpelling(String),
    /// 32 bytes that are not a point of the curve.
    #[error("{}", crate::i18n::text_with("key-not-on-curve", &[("key", .0.clone()), ("algorithm", "Ed25519".to_owned())]))]
    NotOnCurve(String),
    /// A small-order key, which would verify signatures it never made.
    #[error("{}", crate::i18n::text_with("key-weak", &[("key", .0.clone()), ("algorithm", "Ed25519".to_owned())]))]
    WeakKey(String),
    /// Not 16 lowercase hex digits.
    #[error("{}", crate::i18n::text_with("key-fingerprint-spelling", &[("text", .0.clone()), ("digits", 16.to_string())]))]
    FingerprintSpelling(String),
    /// Not 128 lowercase hex digits.
    #[error("{}", crate::i18n::text_with("key-signature-spelling", &[("text", .0.clone()), ("digits", 128.to_string())]))]
    SignatureSpelling(String),
    /// The operating system gave no randomness.
    #[error("{}", crate::i18n::text_with("key-randomness", &[("problem", .0.clone())]))]
    Randomness(String),
}

/// Fills `bytes` from the operating system's cryptographic random number generator.
pub fn os_random(bytes: &mut [u8]) -> Result<(), KeyError> {
    getrandom::fill(bytes).map_err(|error| KeyError::Randomness(error.to_string()))
}

/// A new Ed25519 signing key from the operating system's randomness.
pub fn generate_signing_key() -> Result<SigningKey, KeyError> {
    let mut seed = zeroize::Zeroizing::new([0u8; ed25519_dalek::SECRET_KEY_LENGTH]);
    os_random(seed.as_mut())?;
    Ok(SigningKey::from_bytes(&seed))
}

/// An Ed25519 public key, written as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// The key of a signing key.
    pub fn of(signing_key: &SigningKey) -> Self {
        Self(signing_key.verifying_key())
    }

    /// Parses 64 lowercase hex digits, refusing a value off the curve or of small order.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let bytes = hex::decode::<32>(text).ok_or_else(|| KeyError::PublicKeySpelling(shorten(text)))?;
        if let Some(key) = recently_parsed(&bytes) {
            return Ok(Self(key));
        }
        let key = VerifyingKey::from_bytes(&bytes).map_err(|_| KeyError::NotOnCurve(text.to_owned()))?;
        if key.is_weak() {
            return Err(KeyError::WeakKey(text.to_owned()));
        }
        remember_parsed(bytes, key);
        Ok(Self(key))
    }

    /// The 32 bytes of the key.
    pub fn as_bytes(&self) -> &[u8; 32] {
        self.0.as_bytes()
    }

    /// The short name shown to people (see [`Fingerprint`]).
    pub fn fingerprint(&self) -> Fingerprint {
        let digest = Sha256::digest(self.0.as_bytes());
        let mut short = [0u8; 8];
        for (to, from) in short.iter_mut().zip(digest.iter()) {
            *to = *from;
        }
        Fingerprint(short)
    }

    /// Checks a signature over `message` (strict verification: no malleable signatures,
    /// no small-order keys).
    pub fn verify(&self, message: &[u8], signature: &SignatureValue) -> bool {
        let signature = ed25519_dalek::Signature::from_bytes(&signature.0);
        self.0.verify_strict(message, &signature).is_ok()
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0.as_bytes()))
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({self})")
    }
}

/// How many keys each thread keeps decompressed: a folder of sessions names a few keys (the
/// installation's, each signer's) in every file.
const RECENT_KEYS: usize = 8;

std::thread_local! {
    /// The keys this thread parsed last, by their bytes, checked (on the curve, not weak).
    static RECENT: std::cell::RefCell<Vec<([u8; 32], VerifyingKey)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A key parsed before from these bytes. Decompressing a point costs a field exponentiation
/// (about 7 µs, with two keys in a signed session file); a key is a function of its bytes.
fn recently_parsed(bytes: &[u8; 32]) -> Option<VerifyingKey> {
    RECENT.with_borrow(|recent| recent.iter().find(|(known, _)| known == bytes).map(|(_, key)| *key))
}

fn remember_parsed(bytes: [u8; 32], key: VerifyingKey) {
    RECENT.with_borrow_mut(|recent| {
        if recent.len() == RECENT_KEYS {
            recent.remove(0);
        }
        recent.push((bytes, key));
    });
}

impl TryFrom<String> for PublicKey {
    type Error = KeyError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<PublicKey> for String {
    fn from(key: PublicKey) -> Self {
        key.to_string()
    }
}

/// The first 8 bytes of the SHA-256 of a public key: what a person reads and compares
/// ("3f2a 9c01 b7e4 5d20"). Files and signatures always carry the whole key too, so the
/// fingerprint names a key; it is never what a check relies on. Written in files as its 16
/// hex digits without spaces.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fingerprint([u8; 8]);

impl Fingerprint {
    /// 16 lowercase hex digits without spaces, as signed and as written in files.
    pub fn hex(&self) -> String {
        hex::encode(&self.0)
    }

    /// Parses 16 hex digits, with or without the spaces of the grouped form.
    pub fn parse(text: &str) -> Option<Self> {
        let compact: String = text.chars().filter(|c| *c != ' ').collect();
        hex::decode::<8>(&compact.to_ascii_lowercase()).map(Self)
    }
}

impl fmt::Display for Fingerprint {
    /// Four groups of four digits, easy to read aloud and compare.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.hex();
        let groups: Vec<&str> = hex.as_bytes().chunks(4).filter_map(|chunk| std::str::from_utf8(chunk).ok()).collect();
        f.write_str(&groups.join(" "))
    }
}

impl TryFrom<String> for Fingerprint {
    type Error = KeyError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        // One spelling in files: 16 lowercase hex digits, as signed.
        hex::decode::<8>(&text).map(Self).ok_or_else(|| KeyError::FingerprintSpelling(shorten(&text)))
    }
}

impl From<Fingerprint> for String {
    fn from(fingerprint: Fingerprint) -> Self {
        fingerprint.hex()
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}

/// An Ed25519 signature, written as 128 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SignatureValue([u8; 64]);

impl SignatureValue {
    /// Signs `message` with `key`.
    pub fn sign(key: &SigningKey, message: &[u8]) -> Self {
        use ed25519_dalek::Signer as _;
        Self(key.sign(message).to_bytes())
    }

    /// Parses 128 lowercase hex digits.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        hex::decode::<64>(text).map(Self).ok_or_else(|| KeyError::SignatureSpelling(shorten(text)))
    }
}

impl fmt::Display for SignatureValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(&self.0))
    }
}

impl fmt::Debug for SignatureValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SignatureValue({self})")
    }
}

impl TryFrom<String> for SignatureValue {
    type Error = KeyError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<SignatureValue> for String {
    fn from(signature: SignatureValue) -> Self {
        signature.to_string()
    }
}

/// At most 80 characters of a bad value, for an error message.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_key_round_trips_through_its_spelling() {
        let key = generate_signing_key().unwrap();
        let public = PublicKey::of(&key);
        assert_eq!(PublicKey::parse(&public.to_string()).unwrap(), public);
        assert_eq!(public.to_string().len(), 64);
    }

    #[test]
    fn a_key_parsed_again_is_the_same_key_and_a_weak_one_is_refused_every_time() {
        let keys: Vec<PublicKey> =
            (0..RECENT_KEYS as u8 + 3).map(|seed| PublicKey::of(&SigningKey::from_bytes(&[seed; 32]))).collect();
        // More keys than are kept: the first ones are decompressed again, the same keys.
        for _ in 0..2 {
            for key in &keys {
                assert_eq!(PublicKey::parse(&key.to_string()).unwrap(), *key);
            }
        }
        assert_eq!(RECENT.with_borrow(Vec::len), RECENT_KEYS);
        let signature = SignatureValue::sign(&SigningKey::from_bytes(&[1; 32]), b"m");
        let again = PublicKey::parse(&keys[1].to_string()).unwrap();
        assert!(again.verify(b"m", &signature));
        let identity = format!("01{}", "0".repeat(62));
        for _ in 0..2 {
            assert!(matches!(PublicKey::parse(&identity), Err(KeyError::WeakKey(_))));
        }
    }

    #[test]
    fn a_weak_or_malformed_public_key_is_refused() {
        // The identity point (small order): it would "verify" forged signatures.
        let identity = format!("01{}", "0".repeat(62));
        assert!(matches!(PublicKey::parse(&identity), Err(KeyError::WeakKey(_))));
        assert!(matches!(PublicKey::parse("abc"), Err(KeyError::PublicKeySpelling(_))));
        assert!(matches!(PublicKey::parse(&"G".repeat(64)), Err(KeyError::PublicKeySpelling(_))));
    }

    #[test]
    fn the_fingerprint_is_the_start_of_the_keys_sha256_in_four_groups() {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let public = PublicKey::of(&key);
        let digest = hex::encode(&Sha256::digest(public.as_bytes()));
        let fingerprint = public.fingerprint();
        assert_eq!(fingerprint.hex(), digest.get(..16).unwrap());
        let shown = fingerprint.to_string();
        assert_eq!(shown.len(), 19);
        assert_eq!(shown.split(' ').count(), 4);
        assert_eq!(Fingerprint::parse(&shown), Some(fingerprint));
        assert_eq!(Fingerprint::parse(&fingerprint.hex().to_uppercase()), Some(fingerprint));
    }

    #[test]
    fn a_signature_verifies_only_for_its_message_and_key() {
        let key = generate_signing_key().unwrap();
        let other = generate_signing_key().unwrap();
        let signature = SignatureValue::sign(&key, b"message");
        assert!(PublicKey::of(&key).verify(b"message", &signature));
        assert!(!PublicKey::of(&key).verify(b"messagf", &signature));
        assert!(!PublicKey::of(&other).verify(b"message", &signature));
        assert_eq!(SignatureValue::parse(&signature.to_string()).unwrap(), signature);
    }
}

#[cfg(test)]
mod wording_tests {
    use super::KeyError;
    use crate::i18n::{Language, set_thread_language};

    #[test]
    fn a_key_problem_is_worded_in_the_readers_language() {
        let problem = KeyError::FingerprintSpelling("xyz".to_owned());
        set_thread_language(Language::ZhCn);
        let chinese = problem.to_string();
        set_thread_language(Language::En);
        assert_eq!(chinese, "“xyz”不是密钥指纹（应为16位小写十六进制数字）");
        assert_eq!(problem.to_string(), "\"xyz\" is not a key fingerprint (16 lowercase hex digits)");
    }
}
