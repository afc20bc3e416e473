//! The audit trail. Every change to a session goes through [`apply`], which appends an
//! entry (sequence number, UTC time, actor, what changed from what to what, reason) chained
//! by SHA-256 to the entry before. [`verify`] recomputes the chain, replays the trail and
//! checks that it reproduces the stored values exactly and that any signature covers them.
//!
//! An unkeyed chain shows a change made without recomputing the hashes; it cannot stop a
//! forger who recomputes every hash (see DATA_INTEGRITY.md). The signed content hash
//! printed on the signed paper summary anchors the file against that.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::records::clean_text::CleanTextError;
use crate::records::session_id::SessionId;
use crate::session::e_signing;
use crate::session::format_v1;
use crate::session::hashing::sha256_hex;
use crate::session::model::{
    Attestation, Decision, DecisionKind, ElectronicSignature, Entry, FORMAT_VERSION, ProtocolRef, ReferenceDates,
    Session, Signature, SignedVerdict,
};

/// The `prev_sha256` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One committed change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// 1, 2, 3 … with no gap.
    pub seq: u64,
    /// When the change was made (UTC).
    #[serde(with = "crate::model::file_dates::utc_time")]
    pub at: DateTime<Utc>,
    /// Who made the change (the investigator's or coordinator's name).
    pub actor: String,
    /// What changed, from what to what.
    pub change: Change,
    /// Why, where the change needs a reason (a decision, a withdrawal, an amendment, a re-screen).
    #[serde(default)]
    pub reason: Option<String>,
    /// SHA-256 of the previous entry, or [`GENESIS`].
    pub prev_sha256: String,
    /// SHA-256 of this entry's fields above.
    pub sha256: String,
}

/// What changed, from what to what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// The session was created with these identifiers.
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
    /// The visit's reference dates changed.
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
    /// The investigator responsible changed.
    Investigator {
        /// The investigator before.
        old: Option<String>,
        /// The investigator after.
        new: Option<String>,
    },
    /// The protocols screened for, or a cohort, changed.
    Protocols {
        /// The protocol references before.
        old: Vec<ProtocolRef>,
        /// The protocol references after.
        new: Vec<ProtocolRef>,
    },
    /// A judgment or override was recorded (replacing an earlier one of the same kind).
    Decided {
        /// The decision recorded.
        decision: Decision,
        /// The earlier decision of the same kind on the same criterion it replaces, if any.
        replaced: Option<Decision>,
    },
    /// A judgment or override was withdrawn.
    Withdrawn {
        /// The decision withdrawn.
        decision: Decision,
    },
    /// The investigator signed.
    Signed {
        /// The signature added.
        signature: Signature,
    },
    /// A signed session was reopened for an amendment; the signature no longer covers it.
    Amended {
        /// The signature the amendment set aside.
        signature: Signature,
        /// The amending person's electronic signature over the amendment (format 3; its
        /// meaning text is the entry's reason). Absent in older entries, which then hash as
        /// they were written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        electronic: Option<Box<ElectronicSignature>>,
    },
    /// A list was attested complete (replacing an earlier attestation of it).
    Attested {
        /// The attestation recorded.
        attestation: Attestation,
        /// The earlier attestation of the same list it replaces, if any.
        replaced: Option<Attestation>,
    },
    /// The session was migrated from an older file format; the entries before this one are
    /// kept as that format wrote them (`Session::format1_audit`).
    Migrated {
        /// The file format migrated from.
        from: u32,
        /// The file format migrated to.
        to: u32,
        /// The session id given at this migration (to format 3 and later). Absent in a
        /// format-2 migration entry, which then hashes as it was written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        session_id: Option<SessionId>,
    },
}

/// A change the UI or CLI asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Enters, changes or clears (`None`) an item's value.
    SetValue {
        /// The dictionary item id.
        item: String,
        /// The new entry; `None` clears the value.
        entry: Option<Entry>,
    },
    /// Changes the visit's reference dates.
    SetDates(ReferenceDates),
    /// Changes the participant code.
    SetParticipantCode(String),
    /// Names (or clears) the investigator responsible.
    SetInvestigator(Option<String>),
    /// Changes the protocols screened for, or their cohorts.
    SetProtocols(Vec<ProtocolRef>),
    /// Records a judgment or override; the decision carries its reason, who and when.
    Decide(Decision),
    /// Withdraws the decision of this kind on this criterion.
    Withdraw {
        /// The id of the protocol the criterion belongs to.
        protocol: String,
        /// The criterion's id.
        criterion: String,
        /// True: withdraw the override; false: withdraw the judgment.
        is_override: bool,
        /// Why it is withdrawn; required.
        reason: String,
    },
    /// Signs with an electronic signature made over the session as it stands
    /// (`e_signing::sign` makes it); refused unless it holds for this session, signer, time
    /// and meaning.
    Sign {
        /// The signer's name; must not be empty.
        by: String,
        /// What the signature attests, as worded.
        meaning: String,
        /// The verdicts as the signer sees them, recorded with the signature.
        verdicts: Vec<SignedVerdict>,
        /// The electronic signature over the session as it stands.
        electronic: Box<ElectronicSignature>,
        /// What the signer acknowledged as not decided.
        acknowledged: Vec<String>,
    },
    /// Attests that a list (the treatment history) is complete as it stands.
    Attest {
        /// The id of the item holding the list.
        item: String,
    },
    /// Re-screens under another version of a protocol the session lists (the newest, with
    /// its corrected readings): its pin changes; decisions made under the old version lapse.
    Rescreen {
        /// The id of the protocol to re-screen under.
        protocol: String,
        /// The protocol version to pin.
        version: u32,
        /// The SHA-256 (hex) of that version's protocol file.
        sha256: String,
        /// The SHA-256 (hex) of the meaning of the vocabulary it uses, as loaded now.
        vocabulary: String,
    },
    /// Reopens a signed session; the reason is required, and the amending person's electronic
    /// signature over it (`e_signing::amend` makes it).
    Amend {
        /// Why the signed session is reopened; required.
        reason: String,
        /// The amending person's electronic signature over the reason.
        electronic: Box<ElectronicSignature>,
    },
}

/// Why an edit was refused. Nothing is changed when it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The session is signed; only an amendment may change it.
    #[error("{}", crate::i18n::text("error-audit-signed"))]
    Signed,
    /// The edit needs a reason and none was given; names what needs it ("an override").
    #[error("{}", crate::i18n::text_with("error-audit-reason-required", &[("detail", _0.to_string())]))]
    ReasonRequired(&'static str),
    /// The actor making the change is not named.
    #[error("{}", crate::i18n::text("error-audit-actor-required"))]
    ActorRequired,
    /// A withdrawal names a decision the session does not hold.
    #[error("{}", crate::i18n::text_with("error-audit-nothing-to-withdraw", &[("kind", kind.to_string()), ("criterion", criterion.to_string())]))]
    NothingToWithdraw {
        /// "judgment" or "override".
        kind: &'static str,
        /// The criterion's id.
        criterion: String,
    },
    /// An amendment of a session that is not signed.
    #[error("{}", crate::i18n::text("error-audit-not-signed"))]
    NotSigned,
    /// A signature without the signer's name.
    #[error("{}", crate::i18n::text("error-audit-signer-required"))]
    SignerRequired,
    /// An attestation names an item that holds no list; the item id.
    #[error("{}", crate::i18n::text_with("error-audit-nothing-to-attest", &[("detail", _0.to_string())]))]
    NothingToAttest(String),
    /// A re-screen names a protocol the session does not list; the protocol id.
    #[error("{}", crate::i18n::text_with("error-audit-not-screened-for", &[("detail", _0.to_string())]))]
    NotScreenedFor(String),
    /// Signing and amending sign the session as this format states it: an older file is
    /// migrated first (`migrate`), so the signature covers the migration too.
    #[error("{}", crate::i18n::text_with("error-audit-not-migrated", &[("detail", _0.to_string())]))]
    NotMigrated(u32),
    /// The electronic signature does not hold for what it is to cover.
    #[error("{}", crate::i18n::text_with("error-audit-signature-does-not-hold", &[("detail", _0.to_string())]))]
    SignatureDoesNotHold(String),
    /// A signer's name that could mislead.
    #[error(transparent)]
    SignerName(#[from] CleanTextError),
    /// No session id could be made.
    #[error("{0}")]
    Randomness(String),
    /// A session of this format without its id yet (a template): it gets one when saved.
    #[error("{}", crate::i18n::text("error-audit-no-session-id"))]
    NoSessionId,
}

/// Applies an edit: changes the session and appends the audit entry, or refuses and
/// changes nothing. An edit that changes nothing records nothing.
pub fn apply(session: &mut Session, edit: Edit, actor: &str, at: DateTime<Utc>) -> Result<(), EditError> {
    if actor.trim().is_empty() {
        return Err(EditError::ActorRequired);
    }
    let amending = matches!(edit, Edit::Amend { .. });
    if session.is_signed() && !amending {
        return Err(EditError::Signed);
    }
    let signing = matches!(edit, Edit::Sign { .. } | Edit::Amend { .. });
    if signing && session.awaits_migration() {
        return Err(EditError::NotMigrated(session.format_version));
    }
    let (change, reason) = match edit {
        Edit::SetValue { item, entry } => {
            let old = session.values.get(&item).cloned();
            if old == entry {
                return Ok(());
            }
            (Change::Value { item, old, new: entry }, None)
        }
        Edit::SetDates(new) => {
            if session.dates == new {
                return Ok(());
            }
            (Change::Dates { old: session.dates, new }, None)
        }
        Edit::SetParticipantCode(new) => {
            if session.participant_code == new {
                return Ok(());
            }
            (Change::ParticipantCode { old: session.participant_code.clone(), new }, None)
        }
        Edit::SetInvestigator(new) => {
            if session.investigator == new {
                return Ok(());
            }
            (Change::Investigator { old: session.investigator.clone(), new }, None)
        }
        Edit::SetProtocols(new) => {
            if session.protocols == new {
                return Ok(());
            }
            (Change::Protocols { old: session.protocols.clone(), new }, None)
        }
        Edit::Decide(decision) => {
            if decision.reason.trim().is_empty() {
                return Err(EditError::ReasonRequired(match decision.kind {
                    DecisionKind::Override => "an override",
                    DecisionKind::Judgment { .. } => "a judgment",
                }));
            }
            let replaced = find_decision(session, &decision.protocol, &decision.criterion, is_override(&decision))
                .and_then(|i| session.decisions.get(i).cloned());
            let reason = Some(decision.reason.clone());
            (Change::Decided { decision, replaced }, reason)
        }
        Edit::Withdraw { protocol, criterion, is_override: wanted, reason } => {
            if reason.trim().is_empty() {
                return Err(EditError::ReasonRequired("a withdrawal"));
            }
            let kind = if wanted { "override" } else { "judgment" };
            let Some(decision) =
                find_decision(session, &protocol, &criterion, wanted).and_then(|i| session.decisions.get(i).cloned())
            else {
                return Err(EditError::NothingToWithdraw { kind, criterion });
            };
            (Change::Withdrawn { decision }, Some(reason))
        }
        Edit::Sign { by, meaning, verdicts, electronic, acknowledged } => {
            if by.trim().is_empty() {
                return Err(EditError::SignerRequired);
            }
            let covered = e_signing::covered_now(session)?;
            e_signing::check(&electronic, &covered, &by, at, &meaning)
                .map_err(|problem| EditError::SignatureDoesNotHold(problem.to_string()))?;
            let signature = Signature {
                by,
                at,
                meaning,
                content_sha256: covered.content_sha256,
                verdicts,
                electronic: Some(electronic),
                acknowledged,
            };
            (Change::Signed { signature }, None)
        }
        Edit::Rescreen { protocol, version, sha256, vocabulary } => {
            let old = session.protocols.clone();
            let mut new = old.clone();
            let Some(reference) = new.iter_mut().find(|reference| reference.id == protocol) else {
                return Err(EditError::NotScreenedFor(protocol));
            };
            if reference.version == version
                && reference.sha256.as_deref() == Some(sha256.as_str())
                && reference.vocabulary.as_deref() == Some(vocabulary.as_str())
            {
                return Ok(());
            }
            let from = reference.version;
            reference.version = version;
            reference.sha256 = Some(sha256);
            reference.vocabulary = Some(vocabulary);
            let reason = if from == version {
                format!("re-screened under version {version} of {protocol} with the vocabulary as loaded now")
            } else {
                format!("re-screened under version {version} of {protocol} (was version {from})")
            };
            (Change::Protocols { old, new }, Some(reason))
        }
        Edit::Attest { item } => {
            let Some(list) = session.values.get(&item).map(|entry| entry.value.clone()) else {
                return Err(EditError::NothingToAttest(item));
            };
            let replaced = session.attestations.iter().find(|a| a.item == item).cloned();
            if replaced.as_ref().is_some_and(|a| a.list == list) {
                return Ok(());
            }
            (Change::Attested { attestation: Attestation { item, by: actor.to_owned(), at, list }, replaced }, None)
        }
        Edit::Amend { reason, electronic } => {
            let Some(signature) = session.signature.clone() else { return Err(EditError::NotSigned) };
            if reason.trim().is_empty() {
                return Err(EditError::ReasonRequired("an amendment to a signed session"));
            }
            let covered = e_signing::covered_now(session)?;
            e_signing::check(&electronic, &covered, actor, at, &reason)
                .map_err(|problem| EditError::SignatureDoesNotHold(problem.to_string()))?;
            (Change::Amended { signature, electronic: Some(electronic) }, Some(reason))
        }
    };
    migrate(session, actor, at)?;
    record(session, actor, at, change, reason);
    Ok(())
}

/// Records the migration of a session read from an older format, giving it its session id:
/// the first change does it (so the file is written in this format with the step in its
/// trail), and so does a save or a signature of an unchanged older file. Nothing is
/// recorded for a session already in this format.
pub fn migrate(session: &mut Session, actor: &str, at: DateTime<Utc>) -> Result<(), EditError> {
    if session.awaits_migration() {
        // A file of format 3 or later has its id already: the migration keeps it.
        let session_id = match session.session_id {
            Some(id) => id,
            None => SessionId::random().map_err(|error| EditError::Randomness(error.to_string()))?,
        };
        let from = session.format_version;
        record(session, actor, at, Change::Migrated { from, to: FORMAT_VERSION, session_id: Some(session_id) }, None);
    }
    Ok(())
}

/// Applies a change to the session's state and appends its chained entry. Only [`apply`]
/// and session creation call this.
pub(crate) fn record(session: &mut Session, actor: &str, at: DateTime<Utc>, change: Change, reason: Option<String>) {
    apply_change(session, &change);
    let (seq, prev_sha256) = match session.head() {
        Some((seq, hash)) => (seq + 1, hash.to_owned()),
        None => (1, GENESIS.to_owned()),
    };
    let mut entry = AuditEntry { seq, at, actor: actor.to_owned(), change, reason, prev_sha256, sha256: String::new() };
    entry.sha256 = entry_hash(&entry);
    session.audit.push(entry);
}

/// Changes the state as the change says (the "new" side).
fn apply_change(session: &mut Session, change: &Change) {
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
            if let Some(i) = find_decision(session, &decision.protocol, &decision.criterion, is_override(decision)) {
                session.decisions.remove(i);
            }
            session.decisions.push(decision.clone());
        }
        Change::Withdrawn { decision } => {
            if let Some(i) = find_decision(session, &decision.protocol, &decision.criterion, is_override(decision)) {
                session.decisions.remove(i);
            }
        }
        Change::Signed { signature } => session.signature = Some(signature.clone()),
        Change::Amended { .. } => session.signature = None,
        Change::Attested { attestation, .. } => {
            session.attestations.retain(|a| a.item != attestation.item);
            session.attestations.push(attestation.clone());
        }
        Change::Migrated { to, session_id, .. } => {
            session.format_version = *to;
            if session_id.is_some() {
                session.session_id = *session_id;
            }
        }
    }
}

fn is_override(decision: &Decision) -> bool {
    matches!(decision.kind, DecisionKind::Override)
}

fn find_decision(session: &Session, protocol: &str, criterion: &str, wanted_override: bool) -> Option<usize> {
    session
        .decisions
        .iter()
        .position(|d| d.protocol == protocol && d.criterion == criterion && is_override(d) == wanted_override)
}

/// SHA-256 of an entry's fields, excluding its own hash.
pub fn entry_hash(entry: &AuditEntry) -> String {
    let AuditEntry { seq, at, actor, change, reason, prev_sha256, sha256: _ } = entry;
    sha256_hex(&canonical(&(seq, at, actor, change, reason, prev_sha256)))
}

/// SHA-256 of what a signature covers: everything but the signature and the trail.
pub fn content_hash(session: &Session) -> String {
    // The session id is not content: a signature names it among the facts it covers
    // (`records::payload::SignedFacts`), and leaving it out keeps the content hash of older
    // formats what it was when they were signed.
    let Session {
        format_version,
        session_id: _,
        participant_code,
        protocols,
        dates,
        investigator,
        values,
        decisions,
        attestations,
        signature: _,
        format1_audit: _,
        audit: _,
        seal: _,
    } = session;
    sha256_hex(&canonical(&(
        format_version,
        participant_code,
        protocols,
        dates,
        investigator,
        values,
        decisions,
        attestations,
    )))
}

/// The one serialization hashes are taken over: RON, compact, deterministic (maps are
/// ordered). A value that cannot be serialized hashes as the error text, which never
/// matches a real hash.
pub(crate) fn canonical<T: Serialize>(value: &T) -> String {
    crate::session::canonical_text::canonical(value)
}

/// What `verify` found wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The trail is empty: there is no record of how the values came to be.
    NoTrail,
    /// An entry's sequence number is not the next one.
    Sequence {
        /// The entry's sequence number as stored.
        seq: u64,
        /// The number it should have had.
        expected: u64,
    },
    /// An entry's content does not match its hash: it was altered after it was written.
    EntryAltered {
        /// The altered entry's sequence number.
        seq: u64,
    },
    /// An entry does not point at the hash of the entry before it.
    ChainBroken {
        /// The sequence number of the entry that does not follow on.
        seq: u64,
    },
    /// An entry's "old" value is not what the trail had at that point.
    OldValueMismatch {
        /// The entry's sequence number.
        seq: u64,
        /// The value concerned ("the value of creatinine").
        what: String,
    },
    /// The first entry is not the creation of the session.
    NotCreatedFirst,
    /// A stored value differs from what the trail produces.
    ValueAltered {
        /// The stored field that differs ("the value of creatinine").
        what: String,
    },
    /// The signature does not cover the current content.
    SignatureMismatch,
    /// The stored signature differs from the one the trail recorded.
    SignatureAltered,
    /// An electronic signature recorded in the trail does not hold for what it covers.
    ElectronicSignature {
        /// The sequence number of the entry recording the signature.
        seq: u64,
        /// Why the signature does not hold.
        problem: String,
    },
    /// A signature or amendment recorded after the migration to format 3 without an
    /// electronic signature: this build never writes one.
    NotElectronic {
        /// The sequence number of the entry recording the signature.
        seq: u64,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{text, text_with};
        let seq_of = |seq: &u64| ("seq", seq.to_string());
        let message = match self {
            Self::NoTrail => text("error-audit-no-trail"),
            Self::Sequence { seq, expected } => {
                text_with("error-audit-sequence", &[seq_of(seq), ("expected", expected.to_string())])
            }
            Self::EntryAltered { seq } => text_with("error-audit-entry-altered", &[seq_of(seq)]),
            Self::ChainBroken { seq } => text_with("error-audit-chain-broken", &[seq_of(seq)]),
            Self::OldValueMismatch { seq, what } => {
                text_with("error-audit-old-value", &[seq_of(seq), ("what", what.clone())])
            }
            Self::NotCreatedFirst => text("error-audit-not-created-first"),
            Self::ValueAltered { what } => text_with("error-audit-value-altered", &[("what", what.clone())]),
            Self::SignatureMismatch => text("error-audit-signature-mismatch"),
            Self::SignatureAltered => text("error-audit-signature-altered"),
            Self::ElectronicSignature { seq, problem } => {
                text_with("error-audit-electronic-signature", &[seq_of(seq), ("problem", problem.to_string())])
            }
            Self::NotElectronic { seq } => text_with("error-audit-not-electronic", &[seq_of(seq)]),
        };
        f.write_str(&message)
    }
}

/// The result of verifying a session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verification {
    /// Everything found wrong; empty when the record is intact.
    pub problems: Vec<Problem>,
    /// Entries timed before the entry preceding them (the clock went backwards).
    pub clock_went_back: Vec<u64>,
    /// How many audit entries were checked.
    pub entries: usize,
    /// The SHA-256 of the session's content (see [`content_hash`]) when checking its
    /// signature needed it: a caller that needs it too takes it from here rather than hash
    /// the whole content again.
    pub content_sha256: Option<String>,
}

impl Verification {
    /// Whether the record is as the trail says and any signature covers it.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Recomputes the chain, replays the trail and compares, and checks the signature. A trail
/// begun in an older format is verified as that format wrote it, its state migrated, and the
/// trail continued from the `Migrated` entry.
pub fn verify(session: &Session) -> Verification {
    let mut report =
        Verification { entries: session.format1_audit.len() + session.audit.len(), ..Verification::default() };
    if session.audit.is_empty() && session.format1_audit.is_empty() {
        report.problems.push(Problem::NoTrail);
        return report;
    }
    // The state the current-format entries continue from.
    let (mut replayed, mut previous_hash, first_seq, legacy_content) = if session.format1_audit.is_empty() {
        // A trail created in an older format (2) replays from that format: the format its
        // first migration left, or else the file's own.
        let mut start = Session::empty(session.dates);
        start.format_version = session
            .audit
            .iter()
            .find_map(|entry| match entry.change {
                Change::Migrated { from, .. } => Some(from),
                _ => None,
            })
            .unwrap_or(session.format_version);
        (start, GENESIS.to_owned(), 1, None)
    } else {
        let v1_dates = format_v1::ReferenceDates {
            screening: session.dates.screening,
            consent: session.dates.consent,
            enrollment: session.dates.enrollment,
        };
        let v1_state = format_v1::replay(&session.format1_audit, v1_dates, &mut report);
        let content = format_v1::content_hash(&v1_state);
        let state = match crate::session::migrate::state_from_v1(&v1_state) {
            Ok(state) => state,
            Err(error) => {
                report.problems.push(Problem::ValueAltered { what: error.to_string() });
                return report;
            }
        };
        let (last_seq, last_hash) =
            session.format1_audit.last().map_or((0, GENESIS.to_owned()), |entry| (entry.seq, entry.sha256.clone()));
        (state, last_hash, last_seq + 1, Some(content))
    };
    let mut previous_at = session.format1_audit.last().map(|entry| entry.at);
    for (index, entry) in session.audit.iter().enumerate() {
        let expected = first_seq + index as u64;
        if entry.seq != expected {
            report.problems.push(Problem::Sequence { seq: entry.seq, expected });
        }
        if entry_hash(entry) != entry.sha256 {
            report.problems.push(Problem::EntryAltered { seq: entry.seq });
        }
        if entry.prev_sha256 != previous_hash {
            report.problems.push(Problem::ChainBroken { seq: entry.seq });
        }
        if previous_at.is_some_and(|at| entry.at < at) {
            report.clock_went_back.push(entry.seq);
        }
        // A trail starts with the session's creation, or continues a format-1 trail with the
        // migration.
        let is_right_first = if session.format1_audit.is_empty() {
            matches!(entry.change, Change::Created { .. })
        } else {
            matches!(entry.change, Change::Migrated { .. })
        };
        if index == 0 && !is_right_first {
            report.problems.push(Problem::NotCreatedFirst);
        }
        if let Some(what) = old_side_mismatch(&replayed, &entry.change) {
            report.problems.push(Problem::OldValueMismatch { seq: entry.seq, what });
        }
        if let Some(problem) = e_signing::check_entry(session, &replayed, entry, &previous_hash) {
            report.problems.push(problem);
        }
        apply_change(&mut replayed, &entry.change);
        previous_hash.clone_from(&entry.sha256);
        previous_at = Some(entry.at);
    }
    compare(session, &replayed, &mut report.problems);
    match &session.signature {
        Some(signature) => {
            if replayed.signature.as_ref() != Some(signature) {
                report.problems.push(Problem::SignatureAltered);
            }
            // A signature written by format 1 covers format 1's content.
            let covered = match (&legacy_content, replayed.format_version) {
                (Some(content), 1) => content.clone(),
                _ => report.content_sha256.insert(content_hash(session)).clone(),
            };
            if signature.content_sha256 != covered {
                report.problems.push(Problem::SignatureMismatch);
            }
        }
        None => {
            if replayed.signature.is_some() {
                report.problems.push(Problem::SignatureAltered);
            }
        }
    }
    report
}

/// Whether a change's "old" side matches the state it was applied to.
fn old_side_mismatch(state: &Session, change: &Change) -> Option<String> {
    match change {
        Change::Value { item, old, .. } => (state.values.get(item) != old.as_ref())
            .then(|| crate::i18n::text_with("error-audit-what-item", &[("item", item.clone())])),
        Change::Dates { old, .. } => {
            (state.dates != *old).then(|| crate::i18n::text("error-audit-what-reference-dates"))
        }
        Change::ParticipantCode { old, .. } => {
            (&state.participant_code != old).then(|| crate::i18n::text("error-audit-what-participant-code"))
        }
        Change::Investigator { old, .. } => {
            (&state.investigator != old).then(|| crate::i18n::text("error-audit-what-investigator"))
        }
        Change::Protocols { old, .. } => {
            (&state.protocols != old).then(|| crate::i18n::text("error-audit-what-protocols"))
        }
        Change::Withdrawn { decision } => (!state.decisions.contains(decision)).then(|| {
            crate::i18n::text_with(
                "error-audit-what-decision",
                &[("protocol", decision.protocol.to_string()), ("criterion", decision.criterion.to_string())],
            )
        }),
        Change::Amended { signature, .. } => {
            (state.signature.as_ref() != Some(signature)).then(|| crate::i18n::text("error-audit-what-signature"))
        }
        Change::Attested { replaced, .. } => {
            let current = replaced.as_ref().and_then(|r| state.attestations.iter().find(|a| a.item == r.item));
            (current != replaced.as_ref()).then(|| crate::i18n::text("error-audit-what-an-attestation"))
        }
        Change::Migrated { from, .. } => (state.format_version != *from)
            .then(|| crate::i18n::text("error-audit-what-format-the-session-was-migrated-from")),
        Change::Created { .. } | Change::Decided { .. } | Change::Signed { .. } => None,
    }
}

/// Names every stored field that differs from the replay.
fn compare(stored: &Session, replayed: &Session, problems: &mut Vec<Problem>) {
    let altered = |what: String| Problem::ValueAltered { what };
    if stored.participant_code != replayed.participant_code {
        problems.push(altered(crate::i18n::text("error-audit-what-participant-code")));
    }
    if stored.protocols != replayed.protocols {
        problems.push(altered(crate::i18n::text("error-audit-what-protocols")));
    }
    if stored.dates != replayed.dates {
        problems.push(altered(crate::i18n::text("error-audit-what-reference-dates")));
    }
    if stored.investigator != replayed.investigator {
        problems.push(altered(crate::i18n::text("error-audit-what-investigator")));
    }
    let items: std::collections::BTreeSet<&String> = stored.values.keys().chain(replayed.values.keys()).collect();
    for item in items {
        if stored.values.get(item) != replayed.values.get(item) {
            problems.push(altered(crate::i18n::text_with("error-audit-what-value", &[("item", item.to_string())])));
        }
    }
    if stored.decisions != replayed.decisions {
        problems.push(altered(crate::i18n::text("error-audit-what-overrides-and-judgments")));
    }
    if stored.attestations != replayed.attestations {
        problems.push(altered(crate::i18n::text("error-audit-what-attestations")));
    }
    if stored.format_version != replayed.format_version {
        problems.push(altered(crate::i18n::text("error-audit-what-file-format-version")));
    }
    // The trail records the id given at a migration; a session created in this format has
    // it from its creation, bound by its seal and signatures.
    if replayed.session_id.is_some() && stored.session_id != replayed.session_id {
        problems.push(altered(crate::i18n::text("error-audit-what-session-id")));
    }
}
