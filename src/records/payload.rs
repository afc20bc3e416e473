//! Exactly which bytes a seal and an electronic signature cover, as pure functions.
//!
//! Each payload starts with its own domain prefix, and every field is written with its
//! length before it, so no two different lists of fields give the same bytes and a seal can
//! never be presented as a signature (nor the reverse). The session id is inside both, so
//! neither can be copied onto another session's file.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::records::keys::Fingerprint;
use crate::records::session_id::SessionId;
use crate::records::signer_name::SignerName;

/// The domain prefix of a seal's payload.
pub const SEAL_DOMAIN: &str = "trialscreen installation seal v1";

/// The domain prefix of an electronic signature's payload.
pub const SIGNATURE_DOMAIN: &str = "trialscreen electronic signature v1";

/// The domain prefix of the payload by which an installation vouches for its session
/// summary cache (`app::summary_cache`): never a seal's or a signature's bytes.
pub const CACHE_DOMAIN: &str = "trialscreen summary cache v1";

/// What an installation seals at every save: the head of the audit trail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealedHead<'a> {
    /// The session's stable id.
    pub session_id: &'a SessionId,
    /// The sequence number of the trail's last entry.
    pub sequence: u64,
    /// The hash of the trail's last entry (lowercase hex SHA-256).
    pub head_hash: &'a str,
}

/// What an electronic signature covers (21 CFR 11.50, 11.70): the record, the person,
/// the time and the meaning, and the key that signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignedFacts<'a> {
    /// The session's stable id: a signature cannot be moved to another file.
    pub session_id: &'a SessionId,
    /// The SHA-256 of the session's content (values, dates, decisions, protocols).
    pub content_hash: &'a str,
    /// The hash of the audit entry just before the `Signed` entry: through the chain, the
    /// whole trail up to the signature.
    pub trail_hash: &'a str,
    /// The signer's name, as in their identity.
    pub signer: &'a SignerName,
    /// When it was signed (UTC).
    pub signed_at: DateTime<Utc>,
    /// The meaning's stable id ("approval", "review").
    pub meaning_id: &'a str,
    /// The meaning exactly as it was shown to the signer.
    pub meaning_text: &'a str,
    /// The fingerprint of the signing key.
    pub key_fingerprint: &'a Fingerprint,
}

/// The bytes a seal signs.
pub fn seal_payload(head: &SealedHead<'_>) -> Vec<u8> {
    let SealedHead { session_id, sequence, head_hash } = head;
    let mut payload = Vec::with_capacity(160);
    push_field(&mut payload, SEAL_DOMAIN.as_bytes());
    push_field(&mut payload, session_id.to_string().as_bytes());
    push_field(&mut payload, &sequence.to_be_bytes());
    push_field(&mut payload, head_hash.as_bytes());
    payload
}

/// The bytes an installation signs to vouch for a summary cache: the context it was made
/// in and the SHA-256 of its entries.
pub fn cache_payload(context: &str, body_sha256: &str) -> Vec<u8> {
    let mut payload = Vec::with_capacity(160);
    push_field(&mut payload, CACHE_DOMAIN.as_bytes());
    push_field(&mut payload, context.as_bytes());
    push_field(&mut payload, body_sha256.as_bytes());
    payload
}

/// The bytes an electronic signature signs.
pub fn signature_payload(facts: &SignedFacts<'_>) -> Vec<u8> {
    let SignedFacts {
        session_id,
        content_hash,
        trail_hash,
        signer,
        signed_at,
        meaning_id,
        meaning_text,
        key_fingerprint,
    } = facts;
    let mut payload = Vec::with_capacity(512);
    push_field(&mut payload, SIGNATURE_DOMAIN.as_bytes());
    push_field(&mut payload, session_id.to_string().as_bytes());
    push_field(&mut payload, content_hash.as_bytes());
    push_field(&mut payload, trail_hash.as_bytes());
    push_field(&mut payload, signer.as_str().as_bytes());
    push_field(&mut payload, signed_at.to_rfc3339_opts(SecondsFormat::AutoSi, true).as_bytes());
    push_field(&mut payload, meaning_id.as_bytes());
    push_field(&mut payload, meaning_text.as_bytes());
    push_field(&mut payload, key_fingerprint.hex().as_bytes());
    payload
}

/// Appends a field as its length (8 bytes, big-endian) and its bytes.
pub(crate) fn push_field(payload: &mut Vec<u8>, bytes: &[u8]) {
    payload.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
    payload.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::records::keys::PublicKey;

    fn id() -> SessionId {
        SessionId::parse("00112233445566778899aabbccddeeff").unwrap()
    }

    #[test]
    fn the_seal_payload_is_stable() {
        // A change here breaks every seal already written: it needs a new domain version.
        let payload = seal_payload(&SealedHead { session_id: &id(), sequence: 57, head_hash: "ab" });
        let mut expected = Vec::new();
        expected.extend_from_slice(&32u64.to_be_bytes());
        expected.extend_from_slice(b"trialscreen installation seal v1");
        expected.extend_from_slice(&32u64.to_be_bytes());
        expected.extend_from_slice(b"00112233445566778899aabbccddeeff");
        expected.extend_from_slice(&8u64.to_be_bytes());
        expected.extend_from_slice(&57u64.to_be_bytes());
        expected.extend_from_slice(&2u64.to_be_bytes());
        expected.extend_from_slice(b"ab");
        assert_eq!(payload, expected);
    }

    #[test]
    fn every_signed_fact_changes_the_payload() {
        let session = id();
        let other_session = SessionId::parse("ffeeddccbbaa99887766554433221100").unwrap();
        let name = SignerName::parse("Dr Ana Ruiz").unwrap();
        let other_name = SignerName::parse("Dr Ana Ruis").unwrap();
        let fingerprint = PublicKey::of(&ed25519_dalek::SigningKey::from_bytes(&[1; 32])).fingerprint();
        let other_fingerprint = PublicKey::of(&ed25519_dalek::SigningKey::from_bytes(&[2; 32])).fingerprint();
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        let base = SignedFacts {
            session_id: &session,
            content_hash: "c0",
            trail_hash: "t0",
            signer: &name,
            signed_at: at,
            meaning_id: "approval",
            meaning_text: "I approve",
            key_fingerprint: &fingerprint,
        };
        let variants = [
            SignedFacts { session_id: &other_session, ..base },
            SignedFacts { content_hash: "c1", ..base },
            SignedFacts { trail_hash: "t1", ..base },
            SignedFacts { signer: &other_name, ..base },
            SignedFacts { signed_at: at + chrono::Duration::nanoseconds(1), ..base },
            SignedFacts { meaning_id: "review", ..base },
            SignedFacts { meaning_text: "I approve.", ..base },
            SignedFacts { key_fingerprint: &other_fingerprint, ..base },
            // Moving a boundary between two fields is a different payload too.
            SignedFacts { content_hash: "c0t", trail_hash: "0", ..base },
        ];
        let original = signature_payload(&base);
        for variant in &variants {
            assert_ne!(signature_payload(variant), original, "{variant:?}");
        }
    }

    #[test]
    fn a_seal_payload_never_equals_a_signature_payload() {
        let session = id();
        let name = SignerName::parse("x").unwrap();
        let fingerprint = PublicKey::of(&ed25519_dalek::SigningKey::from_bytes(&[1; 32])).fingerprint();
        let seal = seal_payload(&SealedHead { session_id: &session, sequence: 1, head_hash: "h" });
        let signature = signature_payload(&SignedFacts {
            session_id: &session,
            content_hash: "h",
            trail_hash: "h",
            signer: &name,
            signed_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            meaning_id: "m",
            meaning_text: "m",
            key_fingerprint: &fingerprint,
        });
        assert!(!signature.starts_with(&seal) && !seal.starts_with(&signature));
        assert_ne!(seal.get(..40), signature.get(..40));
    }
}
