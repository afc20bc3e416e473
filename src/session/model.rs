//! The screening-visit record: what was selected, entered and decided, who signed it, and
//! the audit trail of every change.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::model::record::{Attestation, Basis, Decision, DecisionKind, Entry, Recorded, ReferenceDates};
use crate::records::e_signature::SignatureProof;
use crate::records::keys::Fingerprint;
use crate::records::seal::Seal;
pub use crate::records::session_id::SessionId;
use crate::session::audit::AuditEntry;
use crate::session::format_v1;

/// The session file format this build writes. Every released format keeps a golden file
/// that must load forever (`tests/golden/`); an older file is migrated (`session::migrate`)
/// and written in this format at its next change, the migration recorded in its trail.
///
/// - 1: the first release.
/// - 2: results carry their date on the entry (every result, not only numbers); decisions
///   record the question they answer and the facts they were made on; attestations that a
///   list is complete; a signature records the verdicts signed; format-1 entries are kept
///   verbatim before the migration entry.
/// - 3: a stable random session id; the seal of the trail's head by the installation that
///   saved the file (with its public key); electronic signatures (the signer's key and an
///   Ed25519 signature over what is signed, `records::payload::SignedFacts`), on sign-offs
///   and amendments. Format-2 entries stay in `audit` unchanged: the new fields are absent
///   when empty, so an old entry serializes, and hashes, exactly as format 2 wrote it.
/// - 4: each protocol reference pins the meaning of the vocabulary the protocol uses
///   (`library::vocabulary_pin`) beside its content hash; a signature records what its
///   signer acknowledged as undecided, its meaning chosen by a stable id
///   (`session::sign_meaning`); both absent in older entries, which hash as written.
/// - 5: an entry may record the method a result was obtained by (`Entry::method`, an id of
///   the item's methods), and protocols may anchor windows on dates the session holds as
///   values; absent in older entries, which hash as written.
pub const FORMAT_VERSION: u32 = 5;

/// The first format with a session id and a seal.
pub const FIRST_SEALED_FORMAT: u32 = 3;

/// The meaning id stored while the meaning is the text the signer typed or kept (a later
/// release offers statements to choose from, each with its own stable id).
pub const CUSTOM_MEANING_ID: &str = "custom";

/// The meaning id of an amendment's electronic signature: its text is the reason given.
pub const AMENDMENT_MEANING_ID: &str = "amendment";

/// One screening visit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The format of the file it was read from; a session read from an older format stays
    /// at that number until its first change migrates it.
    pub format_version: u32,
    /// The session's stable random id (format 3): given when the session is created, or at
    /// migration (recorded in the `Migrated` entry), or at the first save of a template;
    /// kept by every later save, amendment and "save as". Seals, signatures and the witness
    /// ledger name it. `None` in a file of an older format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<SessionId>,
    /// The participant's screening code; never a name.
    pub participant_code: String,
    /// The protocols the patient is screened for.
    pub protocols: Vec<ProtocolRef>,
    /// The visit's reference dates.
    pub dates: ReferenceDates,
    /// The investigator responsible for the visit.
    #[serde(default)]
    pub investigator: Option<String>,
    /// Entered values by dictionary item id.
    #[serde(default)]
    pub values: BTreeMap<String, Entry>,
    /// Overrides and judgments in force.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Lists attested complete (the treatment history).
    #[serde(default)]
    pub attestations: Vec<Attestation>,
    /// The investigator's sign-off, while it covers the current content.
    #[serde(default)]
    pub signature: Option<Signature>,
    /// The audit trail written in format 1, kept exactly as written (its hashes are taken over
    /// format 1's types); the trail continues in `audit` after a `Migrated` entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub format1_audit: Vec<format_v1::AuditEntry>,
    /// Every change, in order, each chained to the one before by SHA-256.
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
    /// The seal of the trail's head by the installation that last saved the file, written at
    /// every save (`session::sealing`). `None` in a template, a file of an older format, and
    /// a session never saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

/// A protocol a session is screened under, pinned to its version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolRef {
    /// The protocol's id.
    pub id: String,
    /// The protocol version screened under.
    pub version: u32,
    /// SHA-256 of the protocol file's content at screening, hex.
    #[serde(default)]
    pub sha256: Option<String>,
    /// For a multi-cohort protocol, the participant's cohort.
    #[serde(default)]
    pub cohort: Option<String>,
    /// SHA-256 of the meaning of the vocabulary the protocol uses at screening
    /// (`library::vocabulary_pin`), hex (format 4); `None` in an older file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<String>,
}

/// The investigator's sign-off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signer's name.
    pub by: String,
    /// When the session was signed (UTC).
    #[serde(with = "crate::model::file_dates::utc_time")]
    pub at: DateTime<Utc>,
    /// What the signature means: "I confirm the eligibility assessment above".
    pub meaning: String,
    /// SHA-256 of the content signed (see `audit::content_hash`), hex.
    pub content_sha256: String,
    /// The verdicts as they stood when signed, per protocol ("signed as ELIGIBLE"); empty for
    /// a format-1 signature, which did not record them.
    #[serde(default)]
    pub verdicts: Vec<SignedVerdict>,
    /// The electronic signature (format 3). `None` for a signature of an older format, which
    /// is a typed name only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic: Option<Box<ElectronicSignature>>,
    /// What the signer acknowledged as not decided when signing (format 4): each criterion
    /// still missing or awaiting judgment, as shown to them (`session::sign_meaning`); the
    /// meaning's text states them too, so the electronic signature covers them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledged: Vec<String>,
}

/// An electronic signature as the file carries it (21 CFR 11.50, 11.70): with the
/// session id, the content hash, the signer's name and the time stored beside it, these are
/// the facts `records::payload::signature_payload` covers. Verified by `audit::verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectronicSignature {
    /// The meaning's stable id ([`CUSTOM_MEANING_ID`], [`AMENDMENT_MEANING_ID`]).
    pub meaning_id: String,
    /// The hash of the audit entry just before the one recording the signature: through
    /// the chain, the whole trail up to it.
    pub trail_sha256: String,
    /// The signing key's fingerprint, as shown to the signer.
    pub key_fingerprint: Fingerprint,
    /// The signer's public key and the Ed25519 signature.
    pub proof: SignatureProof,
}

/// A protocol's verdict as signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedVerdict {
    /// The protocol's id.
    pub protocol: String,
    /// The protocol version signed under.
    pub version: u32,
    /// `eligible`, `ineligible` or `incomplete`.
    pub verdict: String,
}

/// The meaning a signature states unless the investigator words it otherwise.
pub const DEFAULT_SIGNATURE_MEANING: &str = "I confirm the eligibility assessment above";

impl Session {
    /// A new, empty session with its creation recorded in the audit trail.
    pub fn new(
        participant_code: String,
        protocols: Vec<ProtocolRef>,
        dates: ReferenceDates,
        investigator: Option<String>,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Self {
        let mut session = Self::empty(dates);
        let created = crate::session::audit::Change::Created { participant_code, protocols, dates, investigator };
        crate::session::audit::record(&mut session, actor, at, created, None);
        session
    }

    /// A session with nothing in it yet (the state before the first entry).
    pub fn empty(dates: ReferenceDates) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            participant_code: String::new(),
            protocols: Vec::new(),
            dates,
            investigator: None,
            values: BTreeMap::new(),
            decisions: Vec::new(),
            attestations: Vec::new(),
            signature: None,
            format1_audit: Vec::new(),
            audit: Vec::new(),
            session_id: None,
            seal: None,
        }
    }

    /// Whether a signature covers the session (it is then read-only until amended).
    pub fn is_signed(&self) -> bool {
        self.signature.is_some()
    }

    /// Whether the session was read from an older format and is not yet migrated.
    pub fn awaits_migration(&self) -> bool {
        self.format_version < FORMAT_VERSION
    }

    /// The hash of the trail's first (creation) entry, whatever format wrote it: with the
    /// session id, what names the session in the witness ledger.
    pub fn first_entry_hash(&self) -> Option<&str> {
        match self.format1_audit.first() {
            Some(entry) => Some(entry.sha256.as_str()),
            None => self.audit.first().map(|entry| entry.sha256.as_str()),
        }
    }

    /// The sequence number and hash of the newest audit entry, whatever format wrote it.
    pub fn head(&self) -> Option<(u64, &str)> {
        match self.audit.last() {
            Some(entry) => Some((entry.seq, entry.sha256.as_str())),
            None => self.format1_audit.last().map(|entry| (entry.seq, entry.sha256.as_str())),
        }
    }

    /// The hash of the entry with this sequence number, whatever format wrote it.
    pub fn entry_hash_at(&self, seq: u64) -> Option<&str> {
        let v1 = self.format1_audit.iter().find(|entry| entry.seq == seq).map(|entry| entry.sha256.as_str());
        v1.or_else(|| self.audit.iter().find(|entry| entry.seq == seq).map(|entry| entry.sha256.as_str()))
    }
}
