//! The screening-visit record: what was selected, entered and decided, who signed it, and
//! the audit trail of every change.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::values::Value;
use crate::session::audit::AuditEntry;

/// The session file format this build writes. Version 1 is the first released format:
/// every build must load it forever (see `tests/golden/`).
pub const FORMAT_VERSION: u32 = 1;

/// One screening visit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
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
    /// The investigator's sign-off, while it covers the current content.
    #[serde(default)]
    pub signature: Option<Signature>,
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

/// The visit's reference dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceDates {
    pub screening: NaiveDate,
    #[serde(default)]
    pub consent: Option<NaiveDate>,
    /// Planned enrollment / first dose, when known.
    #[serde(default)]
    pub enrollment: Option<NaiveDate>,
}

/// One entered value and the text typed for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub value: Value,
    /// What the investigator typed, kept for the record ("12,5" corrected to "12.5").
    #[serde(default)]
    pub raw: Option<String>,
}

/// An investigator's decision on one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub protocol: String,
    pub criterion: String,
    pub kind: DecisionKind,
    pub reason: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// What the investigator decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    /// A criterion awaiting judgment is decided: `passes` when it does not stand in the
    /// way of eligibility (an inclusion met, an exclusion not applying).
    Judgment { passes: bool },
    /// A protocol discretion overrides a failing criterion.
    Override,
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
}

/// The meaning a signature states unless the investigator words it otherwise.
pub const DEFAULT_SIGNATURE_MEANING: &str = "I confirm the eligibility assessment above";

impl Entry {
    /// An entry with no typed text.
    pub fn new(value: Value) -> Self {
        Self { value, raw: None }
    }
}

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
        let mut session = Self {
            format_version: FORMAT_VERSION,
            participant_code: String::new(),
            protocols: Vec::new(),
            dates,
            investigator: None,
            values: BTreeMap::new(),
            decisions: Vec::new(),
            signature: None,
            audit: Vec::new(),
        };
        let created = crate::session::audit::Change::Created { participant_code, protocols, dates, investigator };
        crate::session::audit::record(&mut session, actor, at, created, None);
        session
    }

    /// Whether a signature covers the session (it is then read-only until amended).
    pub fn is_signed(&self) -> bool {
        self.signature.is_some()
    }
}
