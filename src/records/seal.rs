//! A seal: an installation's signature over the head of a session's audit trail, made at
//! every save. An unkeyed hash chain cannot show that entries were cut from its end; a
//! seal over the last sequence number and hash can, unless the person cutting holds the
//! private key of an installation that `verify` accepts.

use serde::{Deserialize, Serialize};

use crate::records::keys::{Fingerprint, PublicKey, SignatureValue};
use crate::records::payload::{SealedHead, seal_payload};

/// A seal as a session file carries it: the installation's public key and its signature
/// over [`seal_payload`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seal {
    /// The public key of the installation that saved the file.
    pub key: PublicKey,
    /// Its signature over the session id, sequence number and head hash.
    pub signature: SignatureValue,
}

/// Why a seal does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The seal was not made over this head by this key.
    #[error("{}", crate::i18n::text_with("seal-mismatch", &[("fingerprint", fingerprint.to_string()), ("sequence", sequence.to_string())]))]
    Mismatch {
        /// The key the seal names.
        fingerprint: Fingerprint,
        /// The head's sequence number as the file has it.
        sequence: u64,
    },
}

impl Seal {
    /// Checks that this seal was made over `head`; returns the sealing key's fingerprint
    /// (whether that key is one the site trusts is the roster's question).
    pub fn verify(&self, head: &SealedHead<'_>) -> Result<Fingerprint, SealError> {
        let fingerprint = self.key.fingerprint();
        if self.key.verify(&seal_payload(head), &self.signature) {
            Ok(fingerprint)
        } else {
            Err(SealError::Mismatch { fingerprint, sequence: head.sequence })
        }
    }
}
