//! The screening-visit record: what was selected, entered and decided, who signed it, and
//! the audit trail of every change.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::model::record::{Attestation, Basis, Decision, DecisionKind, Entry, Recorded, ReferenceDates};
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
pub const FORMAT_VERSION: u32 = 2;

/// One screening visit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The format of the file it was read from; a session read from an older format stays
    /// at that number until its first change migrates it.
    pub format_version: u32,
    /// The participant's screening code; never a name.
    pub participant_code: String,
    /// The protocols the patient is screened for.
    pub protocols: Vec<ProtocolRef>,
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
}

/// A protocol a session is screened under, pinned to its version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolRef {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the protocol file's content at screening, hex.
    #[serde(default)]
    pub sha256: Option<String>,
    /// For a multi-cohort protocol, the participant's cohort.
    #[serde(default)]
    pub cohort: Option<String>,
}

/// The investigator's sign-off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub by: String,
    pub at: DateTime<Utc>,
    /// What the signature means: "I confirm the eligibility assessment above".
    pub meaning: String,
    /// SHA-256 of the content signed (see `audit::content_hash`), hex.
    pub content_sha256: String,
    /// The verdicts as they stood when signed, per protocol ("signed as ELIGIBLE"); empty for
    /// a format-1 signature, which did not record them.
    #[serde(default)]
    pub verdicts: Vec<SignedVerdict>,
}

/// A protocol's verdict as signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedVerdict {
    pub protocol: String,
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

    /// The sequence number and hash of the newest audit entry, whatever format wrote it.
    pub fn head(&self) -> Option<(u64, &str)> {
        match self.audit.last() {
            Some(entry) => Some((entry.seq, entry.sha256.as_str())),
            None => self.format1_audit.last().map(|entry| (entry.seq, entry.sha256.as_str())),
        }
    }
}
