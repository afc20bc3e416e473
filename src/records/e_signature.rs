//! The cryptographic part of an electronic signature as a session file carries it: the
//! signer's public key and an Ed25519 signature over [`signature_payload`]. Who the key
//! belongs to is the site roster's question ([`crate::records::roster`]).

use serde::{Deserialize, Serialize};

use crate::records::keys::{Fingerprint, PublicKey, SignatureValue};
use crate::records::payload::{SignedFacts, signature_payload};

/// A signer's key and signature over the facts of a signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureProof {
    /// The signer's public key.
    pub key: PublicKey,
    /// The signature over [`signature_payload`].
    pub signature: SignatureValue,
}

/// Why a signature does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureCheckError {
    /// The fingerprint recorded beside the signature is not its key's.
    #[error("{}", crate::i18n::text_with("esig-fingerprint-mismatch", &[("recorded", recorded.to_string()), ("actual", actual.to_string())]))]
    FingerprintMismatch {
        /// What the record says.
        recorded: Fingerprint,
        /// The key's own.
        actual: Fingerprint,
    },
    /// The signature was not made over these facts with this key.
    #[error("{}", crate::i18n::text_with("esig-mismatch", &[("fingerprint", fingerprint.to_string())]))]
    Mismatch {
        /// The signing key.
        fingerprint: Fingerprint,
    },
}

impl SignatureProof {
    /// Checks the signature over `facts`, whose fingerprint must be this key's.
    pub fn verify(&self, facts: &SignedFacts<'_>) -> Result<(), SignatureCheckError> {
        let actual = self.key.fingerprint();
        if *facts.key_fingerprint != actual {
            return Err(SignatureCheckError::FingerprintMismatch { recorded: *facts.key_fingerprint, actual });
        }
        if self.key.verify(&signature_payload(facts), &self.signature) {
            Ok(())
        } else {
            Err(SignatureCheckError::Mismatch { fingerprint: actual })
        }
    }
}
