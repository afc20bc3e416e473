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
    /// Always [`VERSION`] (1) in a file these types read.
    pub format_version: u32,
    /// The pseudonymous code identifying the participant (never a name).
    pub participant_code: String,
    /// The protocols the participant is screened for, pinned by version.
    pub protocols: Vec<ProtocolRef>,
    /// The visit's reference dates.
    pub dates: ReferenceDates,
    /// The investigator responsible for the visit, if named.
    #[serde(default)]
    pub investigator: Option<String>,
    /// The entered values, by dictionary item id.
    #[serde(default)]
    pub values: BTreeMap<String, Entry>,
    /// The investigator's judgments and overrides.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// The typed-name signature, once the session is signed.
    #[serde(default)]
    pub signature: Option<Signature>,
    /// The hash-chained audit trail, oldest first.
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
}

/// A protocol pinned by a format-1 session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolRef {
    /// The protocol's id.
    pub id: String,
    /// The protocol version screened against.
    pub version: u32,
    /// The SHA-256 (hex) of the protocol file, when it was pinned by content.
    #[serde(default)]
    pub sha256: Option<String>,
    /// The cohort the participant is screened for, if the protocol has cohorts.
    #[serde(default)]
    pub cohort: Option<String>,
}

/// Format 1's reference dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceDates {
    /// The screening visit date.
    pub screening: NaiveDate,
    /// The date informed consent was signed, once known.
    #[serde(default)]
    pub consent: Option<NaiveDate>,
    /// The planned enrollment / first-dose date, once known.
    #[serde(default)]
    pub enrollment: Option<NaiveDate>,
}

/// Format 1's entry: the value, with dates inside the value kinds that had them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The value entered.
    pub value: Value,
    /// What the investigator typed, kept for the record ("12,5" corrected to "12.5").
    #[serde(default)]
    pub raw: Option<String>,
}

/// Format 1's values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// A measured number with its unit, upper limit of normal and date.
    Number(Measurement),
    /// A calendar date.
    Date(NaiveDate),
    /// A yes/no answer.
    YesNo(YesNo),
    /// One of the item's options, by its id.
    Choice(String),
    /// An antibody titer with its date.
    Titer(Titer),
    /// Whether and when an event happened.
    Event(Occurrence),
    /// Instrument answers with the assessment date.
    Instrument(Assessment),
    /// The treatment history, one row per agent.
    Treatments(Vec<Exposure>),
    /// Free text.
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
    /// The number as reported, in `unit`.
    pub value: f64,
    /// The unit's file code.
    pub unit: UnitCode,
    /// The lab's upper limit of normal, in the same unit.
    #[serde(default)]
    pub uln: Option<f64>,
    /// The sample date, if entered.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Format 1's yes/no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum YesNo {
    /// Answered yes.
    Yes,
    /// Answered no.
    No,
    /// Answered "not known".
    Unknown,
}

/// Format 1's titer, dated inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titer {
    /// The denominator of the highest positive dilution (1:640 is 640); `None` is negative.
    pub dilution: Option<u32>,
    /// The sample date, if entered.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Format 1's event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Occurrence {
    /// Never happened.
    Never,
    /// Happened (most recently) on this date.
    On(NaiveDate),
    /// Going on now; the start date if known.
    Ongoing(Option<NaiveDate>),
    /// Happened, date not known.
    DateUnknown,
}

/// Format 1's instrument answers, dated inside.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The answers, by answer id.
    pub answers: BTreeMap<String, Answer>,
    /// The assessment date, if entered.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Format 1's instrument answer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// A checklist item present.
    Present,
    /// A checklist item absent.
    Absent,
    /// A graded item's level.
    Level(u8),
    /// A numeric item's value.
    Number(f64),
}

/// Format 1's treatment-history row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    /// Agent id from the drug catalogue.
    pub agent: String,
    /// The first dose, if known.
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// The most recent dose; absent while `ongoing`.
    #[serde(default)]
    pub last_dose: Option<NaiveDate>,
    /// Still being taken.
    #[serde(default)]
    pub ongoing: bool,
    /// The current (or last) dose.
    #[serde(default)]
    pub dose: Option<Dose>,
    /// The date since which the dose has not changed.
    #[serde(default)]
    pub dose_since: Option<NaiveDate>,
    /// How the disease responded to this agent.
    #[serde(default)]
    pub response: Option<Response>,
}

/// Format 1's dose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    /// The amount per administration.
    pub amount: f64,
    /// The unit of `amount` (mg, g or mg/kg).
    pub unit: DoseUnitCode,
    /// How often the amount is given.
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
    /// Once a day.
    OnceDaily,
    /// Twice a day.
    TwiceDaily,
    /// Three times a day.
    ThreeTimesDaily,
    /// Four times a day.
    FourTimesDaily,
    /// Once a week.
    Weekly,
    /// Once every 2 weeks.
    EveryTwoWeeks,
    /// Once every 4 weeks.
    EveryFourWeeks,
    /// Once a month.
    Monthly,
}

/// Format 1's treatment response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    /// Inadequate response (insufficient effect).
    Inadequate,
    /// Stopped or limited for intolerance.
    Intolerant,
    /// Adequate response.
    Adequate,
}

/// Format 1's decision: no question id, no basis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The id of the protocol the criterion belongs to.
    pub protocol: String,
    /// The criterion's id.
    pub criterion: String,
    /// Whether the decision answers a judgment or overrides the rule.
    pub kind: DecisionKind,
    /// The investigator's stated reason.
    pub reason: String,
    /// Who decided.
    pub by: String,
    /// When the decision was recorded (UTC).
    pub at: DateTime<Utc>,
}

/// Format 1's decision kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    /// The investigator's answer to a judgment the criterion needs.
    Judgment {
        /// `true` when the criterion does not stand in the way of eligibility (an inclusion
        /// met, an exclusion not applying).
        passes: bool,
    },
    /// The investigator set the rule's result aside (an inclusion waived under discretion).
    Override,
}

/// Format 1's signature: a typed name and the content hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The name the signer typed.
    pub by: String,
    /// When the session was signed (UTC).
    pub at: DateTime<Utc>,
    /// What the signature attests ("eligibility confirmed").
    pub meaning: String,
    /// The SHA-256 (hex) of the content signed, from [`content_hash`].
    pub content_sha256: String,
}

/// A format-1 audit entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// The entry's position in the trail: 1, 2, 3 … with no gap.
    pub seq: u64,
    /// When the change was made (UTC).
    pub at: DateTime<Utc>,
    /// Who made the change.
    pub actor: String,
    /// What changed.
    pub change: Change,
    /// Why, where the change needs a reason (an amendment after signing).
    #[serde(default)]
    pub reason: Option<String>,
    /// The previous entry's hash ([`GENESIS`] for the first), which chains the trail.
    pub prev_sha256: String,
    /// This entry's hash, from [`entry_hash`].
    pub sha256: String,
}

/// A format-1 change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// The session was created.
    Created {
        /// The participant code it was created with.
        participant_code: String,
        /// The protocols it was created for.
        protocols: Vec<ProtocolRef>,
        /// The reference dates it was created with.
        dates: ReferenceDates,
        /// The investigator it was created with.
        investigator: Option<String>,
    },
    /// An item's value was entered, changed or cleared.
    Value {
        /// The dictionary item id.
        item: String,
        /// The entry before (`None`: not entered).
        old: Option<Entry>,
        /// The entry after (`None`: cleared).
        new: Option<Entry>,
    },
    /// The reference dates changed.
    Dates {
        /// The dates before.
        old: ReferenceDates,
        /// The dates after.
        new: ReferenceDates,
    },
    /// The participant code changed.
    ParticipantCode {
        /// The code before.
        old: String,
        /// The code after.
        new: String,
    },
    /// The investigator changed.
    Investigator {
        /// The investigator before.
        old: Option<String>,
        /// The investigator after.
        new: Option<String>,
    },
    /// The protocols screened for changed.
    Protocols {
        /// The protocols before.
        old: Vec<ProtocolRef>,
        /// The protocols after.
        new: Vec<ProtocolRef>,
    },
    /// A judgment or override was recorded.
    Decided {
        /// The decision recorded.
        decision: Decision,
        /// The earlier decision on the same criterion it replaces, if any.
        replaced: Option<Decision>,
    },
    /// A decision was withdrawn.
    Withdrawn {
        /// The decision withdrawn.
        decision: Decision,
    },
    /// The session was signed.
    Signed {
        /// The signature added.
        signature: Signature,
    },
    /// A signed session was reopened for an amendment; the signature no longer covers it.
    Amended {
        /// The signature the amendment set aside.
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
