//! Session file format 1, frozen. Released files of this format must load forever, and their
//! audit entries keep the hashes they were written with: an entry's hash is taken over the
//! RON of its fields *in this format's types*, so these types never change (a new format gets
//! new types and a migration step, see `migrate`). Nothing here is used for new sessions.
//!
//! Units are kept as their file code (normalised as format 1 read them), so a later change to
//! the unit table cannot change how a format-1 entry hashes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::session::audit::{GENESIS, Problem, Verification, canonical};
use crate::session::hashing::sha256_hex;

/// The format version these types read.
pub const VERSION: u32 = 1;

/// A format-1 session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format_version: u32,
    pub participant_code: String,
    pub protocols: Vec<ProtocolRef>,
    pub dates: ReferenceDates,
    #[serde(default)]
    pub investigator: Option<String>,
    #[serde(default)]
    pub values: BTreeMap<String, Entry>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub signature: Option<Signature>,
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
}

/// A protocol pinned by a format-1 session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolRef {
    pub id: String,
    pub version: u32,
    #[serde(default)]
    pub sha256: Option<String>,
    #[serde(default)]
    pub cohort: Option<String>,
}

/// Format 1's reference dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceDates {
    pub screening: NaiveDate,
    #[serde(default)]
    pub consent: Option<NaiveDate>,
    #[serde(default)]
    pub enrollment: Option<NaiveDate>,
}

/// Format 1's entry: the value, with dates inside the value kinds that had them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub value: Value,
    #[serde(default)]
    pub raw: Option<String>,
}

/// Format 1's values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Number(Measurement),
    Date(NaiveDate),
    YesNo(YesNo),
    Choice(String),
    Titer(Titer),
    Event(Occurrence),
    Instrument(Assessment),
    Treatments(Vec<Exposure>),
    Text(String),
}

/// A unit as format 1 wrote it: the unit's file code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct UnitCode(pub String);

impl<'de> Deserialize<'de> for UnitCode {
    /// Format 1 read any spelling of a unit and wrote (and hashed) its code.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        crate::model::units::Unit::parse(&text)
            .map(|unit| Self(unit.code().to_owned()))
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a unit trialscreen knows")))
    }
}

/// Format 1's measurement, dated inside.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub value: f64,
    pub unit: UnitCode,
    #[serde(default)]
    pub uln: Option<f64>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Format 1's yes/no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum YesNo {
    Yes,
    No,
    Unknown,
}

/// Format 1's titer, dated inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titer {
    pub dilution: Option<u32>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Format 1's event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Occurrence {
    Never,
    On(NaiveDate),
    Ongoing(Option<NaiveDate>),
    DateUnknown,
}

/// Format 1's instrument answers, dated inside.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Format 1's instrument answer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Present,
    Absent,
    Level(u8),
    Number(f64),
}

/// Format 1's treatment-history row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    pub agent: String,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub last_dose: Option<NaiveDate>,
    #[serde(default)]
    pub ongoing: bool,
    #[serde(default)]
    pub dose: Option<Dose>,
    #[serde(default)]
    pub dose_since: Option<NaiveDate>,
    #[serde(default)]
    pub response: Option<Response>,
}

/// Format 1's dose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    pub amount: f64,
    pub unit: DoseUnitCode,
    pub frequency: Frequency,
}

/// A dose unit as format 1 wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DoseUnitCode(pub String);

impl<'de> Deserialize<'de> for DoseUnitCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match text.trim() {
            code @ ("mg" | "g" | "mg/kg") => Ok(Self(code.to_owned())),
            other => Err(serde::de::Error::custom(format!("\"{other}\" is not a dose unit (mg, g or mg/kg)"))),
        }
    }
}

/// Format 1's dose frequency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    OnceDaily,
    TwiceDaily,
    ThreeTimesDaily,
    FourTimesDaily,
    Weekly,
    EveryTwoWeeks,
    EveryFourWeeks,
    Monthly,
}

/// Format 1's treatment response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Inadequate,
    Intolerant,
    Adequate,
}

/// Format 1's decision: no question id, no basis.
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

/// Format 1's decision kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    Judgment { passes: bool },
    Override,
}

/// Format 1's signature: a typed name and the content hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub by: String,
    pub at: DateTime<Utc>,
    pub meaning: String,
    pub content_sha256: String,
}

/// A format-1 audit entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub change: Change,
    #[serde(default)]
    pub reason: Option<String>,
    pub prev_sha256: String,
    pub sha256: String,
}

/// A format-1 change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    Created {
        participant_code: String,
        protocols: Vec<ProtocolRef>,
        dates: ReferenceDates,
        investigator: Option<String>,
    },
    Value {
        item: String,
        old: Option<Entry>,
        new: Option<Entry>,
    },
    Dates {
        old: ReferenceDates,
        new: ReferenceDates,
    },
    ParticipantCode {
        old: String,
        new: String,
    },
    Investigator {
        old: Option<String>,
        new: Option<String>,
    },
    Protocols {
        old: Vec<ProtocolRef>,
        new: Vec<ProtocolRef>,
    },
    Decided {
        decision: Decision,
        replaced: Option<Decision>,
    },
    Withdrawn {
        decision: Decision,
    },
    Signed {
        signature: Signature,
    },
    Amended {
        signature: Signature,
    },
}

/// The hash of a format-1 entry, as format 1 computed it.
pub fn entry_hash(entry: &AuditEntry) -> String {
    let AuditEntry { seq, at, actor, change, reason, prev_sha256, sha256: _ } = entry;
    sha256_hex(&canonical(&(seq, at, actor, change, reason, prev_sha256)))
}

/// What a format-1 signature covers.
pub fn content_hash(session: &Session) -> String {
    let Session {
        format_version,
        participant_code,
        protocols,
        dates,
        investigator,
        values,
        decisions,
        signature: _,
        audit: _,
    } = session;
    sha256_hex(&canonical(&(format_version, participant_code, protocols, dates, investigator, values, decisions)))
}

/// A format-1 session's state with no values, before its first entry is replayed.
pub fn empty(dates: ReferenceDates) -> Session {
    Session {
        format_version: VERSION,
        participant_code: String::new(),
        protocols: Vec::new(),
        dates,
        investigator: None,
        values: BTreeMap::new(),
        decisions: Vec::new(),
        signature: None,
        audit: Vec::new(),
    }
}

fn is_override(decision: &Decision) -> bool {
    matches!(decision.kind, DecisionKind::Override)
}

fn find_decision(session: &Session, decision: &Decision) -> Option<usize> {
    session.decisions.iter().position(|d| {
        d.protocol == decision.protocol && d.criterion == decision.criterion && is_override(d) == is_override(decision)
    })
}

/// Applies a format-1 change to a format-1 state, as format 1 did.
pub fn apply_change(session: &mut Session, change: &Change) {
    match change {
        Change::Created { participant_code, protocols, dates, investigator } => {
            session.participant_code.clone_from(participant_code);
            session.protocols.clone_from(protocols);
            session.dates = *dates;
            session.investigator.clone_from(investigator);
        }
        Change::Value { item, new, .. } => match new {
            Some(entry) => {
                session.values.insert(item.clone(), entry.clone());
            }
            None => {
                session.values.remove(item);
            }
        },
        Change::Dates { new, .. } => session.dates = *new,
        Change::ParticipantCode { new, .. } => session.participant_code.clone_from(new),
        Change::Investigator { new, .. } => session.investigator.clone_from(new),
        Change::Protocols { new, .. } => session.protocols.clone_from(new),
        Change::Decided { decision, .. } => {
            if let Some(i) = find_decision(session, decision) {
                session.decisions.remove(i);
            }
            session.decisions.push(decision.clone());
        }
        Change::Withdrawn { decision } => {
            if let Some(i) = find_decision(session, decision) {
                session.decisions.remove(i);
            }
        }
        Change::Signed { signature } => session.signature = Some(signature.clone()),
        Change::Amended { .. } => session.signature = None,
    }
}

fn old_side_mismatch(state: &Session, change: &Change) -> Option<String> {
    match change {
        Change::Value { item, old, .. } => (state.values.get(item) != old.as_ref()).then(|| format!("item \"{item}\"")),
        Change::Dates { old, .. } => (state.dates != *old).then(|| "the reference dates".to_owned()),
        Change::ParticipantCode { old, .. } => {
            (&state.participant_code != old).then(|| "the participant code".to_owned())
        }
        Change::Investigator { old, .. } => (&state.investigator != old).then(|| "the investigator".to_owned()),
        Change::Protocols { old, .. } => (&state.protocols != old).then(|| "the protocols".to_owned()),
        Change::Withdrawn { decision } => (!state.decisions.contains(decision))
            .then(|| format!("the decision on {} {}", decision.protocol, decision.criterion)),
        Change::Amended { signature } => {
            (state.signature.as_ref() != Some(signature)).then(|| "the signature".to_owned())
        }
        Change::Created { .. } | Change::Decided { .. } | Change::Signed { .. } => None,
    }
}

/// Recomputes the chain of format-1 entries and replays them into a format-1 state,
/// recording problems. `dates` seeds the empty state (replaced by the creation entry).
pub fn replay(entries: &[AuditEntry], dates: ReferenceDates, report: &mut Verification) -> Session {
    let mut replayed = empty(dates);
    let mut previous: Option<&AuditEntry> = None;
    for (index, entry) in entries.iter().enumerate() {
        let expected = index as u64 + 1;
        if entry.seq != expected {
            report.problems.push(Problem::Sequence { seq: entry.seq, expected });
        }
        if entry_hash(entry) != entry.sha256 {
            report.problems.push(Problem::EntryAltered { seq: entry.seq });
        }
        let expected_prev = previous.map_or(GENESIS, |p| p.sha256.as_str());
        if entry.prev_sha256 != expected_prev {
            report.problems.push(Problem::ChainBroken { seq: entry.seq });
        }
        if let Some(previous) = previous
            && entry.at < previous.at
        {
            report.clock_went_back.push(entry.seq);
        }
        if index == 0 && !matches!(entry.change, Change::Created { .. }) {
            report.problems.push(Problem::NotCreatedFirst);
        }
        if let Some(what) = old_side_mismatch(&replayed, &entry.change) {
            report.problems.push(Problem::OldValueMismatch { seq: entry.seq, what });
        }
        apply_change(&mut replayed, &entry.change);
        previous = Some(entry);
    }
    replayed
}

/// The state after replaying format-1 entries up to and including `seq` (no checks).
pub fn state_at(entries: &[AuditEntry], seq: u64, dates: ReferenceDates) -> Session {
    let mut state = empty(dates);
    for entry in entries.iter().take_while(|entry| entry.seq <= seq) {
        apply_change(&mut state, &entry.change);
    }
    state
}
