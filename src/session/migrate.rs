//! The migration chain: each older file format has one step to the next. A file is read in
//! its own format's types, its audit trail verified as that format wrote it, and its state
//! converted; the first change afterwards records a `Migrated` entry and the file is written
//! in the current format with the older entries kept verbatim before it.
//!
//! Steps (one per format, each with a golden file under `tests/golden/`):
//! - 1 → 2: dates move from inside numbers, titers and instruments to the entry (so every
//!   result kind can be dated; an undated result stays undated and counts as missing until
//!   dated); decisions get no question and no basis — a format-1 decision's basis is rebuilt
//!   from the trail up to its entry ([`legacy_basis`]), never from today's values.
//! - 2 → 3: nothing to convert: format 3 only adds (a session id, the seal, electronic
//!   signatures), each absent from a format-2 file and from the serialization of its entries
//!   when empty, so format-2 entries stay in `audit` and hash as format 2 wrote them
//!   (`tests/golden/v2-*.ron` verify under format 3's types). The `Migrated` entry records
//!   the session id the file gets (`audit::migrate`).
//! - 3 → 4: nothing to convert: format 4 only adds the vocabulary pin of each protocol
//!   reference, absent (unpinned, like a reference with no content hash) in a format-3 file
//!   and in the serialization of its entries, so format-3 entries hash as written
//!   (`tests/golden/v3-session.ron`). The `Migrated` entry keeps the session id the file has.
//! - 4 → 5: nothing to convert: format 5 only adds the method of a result to an entry
//!   (`Entry::method`), absent in a format-4 file and in the serialization of an entry with
//!   none, so format-4 entries hash as written (`tests/golden/v4-session.ron`).
//!
//! A file of any older format goes to the current one in one `Migrated` entry.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::record::{Basis, Decision, DecisionKind, Entry, ReferenceDates};
use crate::model::units::Unit;
use crate::model::values::{
    Assessment, Dose, DoseUnit, Exposure, Frequency, Measurement, Occurrence, Response, Titer, Value, YesNo,
};
use crate::session::format_v1 as v1;
use crate::session::model::{ProtocolRef, Session, Signature};

/// Why a file of an older format cannot be converted (a value its format read but this
/// build cannot state).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::text_with("error-migrate-migrate-error", &[("what", what.to_string())]))]
pub struct MigrateError {
    /// What could not be converted, in words.
    pub what: String,
}

/// A format-1 session in this format's types, not yet migrated (`format_version` stays 1
/// until its first change), its format-1 trail kept verbatim.
pub fn from_v1(file: v1::Session) -> Result<Session, MigrateError> {
    let mut session = state_from_v1(&file)?;
    session.format1_audit = file.audit;
    Ok(session)
}

/// The state of a format-1 session, converted (the trail left out).
pub fn state_from_v1(file: &v1::Session) -> Result<Session, MigrateError> {
    let v1::Session {
        format_version,
        participant_code,
        protocols,
        dates,
        investigator,
        values,
        decisions,
        signature,
        audit: _,
    } = file;
    let mut session = Session::empty(dates_from_v1(*dates));
    session.format_version = *format_version;
    session.participant_code.clone_from(participant_code);
    session.protocols = protocols.iter().map(protocol_from_v1).collect();
    session.investigator.clone_from(investigator);
    session.values = values_from_v1(values)?;
    session.decisions = decisions.iter().map(decision_from_v1).collect();
    session.signature = signature.as_ref().map(signature_from_v1);
    Ok(session)
}

/// A format-1 decision: no question id, its basis rebuilt on demand from the trail.
pub fn decision_from_v1(decision: &v1::Decision) -> Decision {
    let v1::Decision { protocol, criterion, kind, reason, by, at } = decision;
    Decision {
        protocol: protocol.clone(),
        criterion: criterion.clone(),
        kind: match kind {
            v1::DecisionKind::Judgment { passes } => DecisionKind::Judgment { passes: *passes },
            v1::DecisionKind::Override => DecisionKind::Override,
        },
        question: None,
        reason: reason.clone(),
        by: by.clone(),
        at: *at,
        basis: None,
    }
}

fn signature_from_v1(signature: &v1::Signature) -> Signature {
    let v1::Signature { by, at, meaning, content_sha256 } = signature;
    Signature {
        by: by.clone(),
        at: *at,
        meaning: meaning.clone(),
        content_sha256: content_sha256.clone(),
        verdicts: Vec::new(),
        electronic: None,
        acknowledged: Vec::new(),
    }
}

fn protocol_from_v1(reference: &v1::ProtocolRef) -> ProtocolRef {
    let v1::ProtocolRef { id, version, sha256, cohort } = reference;
    ProtocolRef { id: id.clone(), version: *version, sha256: sha256.clone(), cohort: cohort.clone(), vocabulary: None }
}

/// Format 1's reference dates.
pub fn dates_from_v1(dates: v1::ReferenceDates) -> ReferenceDates {
    let v1::ReferenceDates { screening, consent, enrollment } = dates;
    ReferenceDates { screening, consent, enrollment }
}

fn values_from_v1(values: &BTreeMap<String, v1::Entry>) -> Result<BTreeMap<String, Entry>, MigrateError> {
    values.iter().map(|(item, entry)| Ok((item.clone(), entry_from_v1(entry)?))).collect()
}

/// A format-1 entry: the date moves from inside the value to the entry.
pub fn entry_from_v1(entry: &v1::Entry) -> Result<Entry, MigrateError> {
    let (value, date) = value_from_v1(&entry.value)?;
    Ok(Entry { value, date, raw: entry.raw.clone(), method: None })
}

/// A format-1 value and the date it carried inside.
pub fn value_from_v1(value: &v1::Value) -> Result<(Value, Option<NaiveDate>), MigrateError> {
    Ok(match value {
        v1::Value::Number(m) => {
            let unit =
                Unit::parse(&m.unit.0).ok_or_else(|| MigrateError { what: format!("the unit \"{}\"", m.unit.0) })?;
            (Value::Number(Measurement { value: m.value, unit, uln: m.uln }), m.date)
        }
        v1::Value::Date(date) => (Value::Date(*date), None),
        v1::Value::YesNo(answer) => (
            Value::YesNo(match answer {
                v1::YesNo::Yes => YesNo::Yes,
                v1::YesNo::No => YesNo::No,
                v1::YesNo::Unknown => YesNo::Unknown,
            }),
            None,
        ),
        v1::Value::Choice(option) => (Value::Choice(option.clone()), None),
        v1::Value::Titer(titer) => (Value::Titer(Titer { dilution: titer.dilution }), titer.date),
        v1::Value::Event(event) => (
            Value::Event(match event {
                v1::Occurrence::Never => Occurrence::Never,
                v1::Occurrence::On(date) => Occurrence::On(*date),
                v1::Occurrence::Ongoing(since) => Occurrence::Ongoing(*since),
                v1::Occurrence::DateUnknown => Occurrence::DateUnknown,
            }),
            None,
        ),
        v1::Value::Instrument(assessment) => {
            let answers = assessment
                .answers
                .iter()
                .map(|(key, answer)| {
                    let answer = match answer {
                        v1::Answer::Present => crate::model::instrument_answers::Answer::Present,
                        v1::Answer::Absent => crate::model::instrument_answers::Answer::Absent,
                        v1::Answer::Level(level) => crate::model::instrument_answers::Answer::Level(*level),
                        v1::Answer::Number(number) => crate::model::instrument_answers::Answer::Number(*number),
                    };
                    (key.clone(), answer)
                })
                .collect();
            (Value::Instrument(Assessment { answers }), assessment.date)
        }
        v1::Value::Treatments(rows) => {
            (Value::Treatments(rows.iter().map(exposure_from_v1).collect::<Result<_, _>>()?), None)
        }
        v1::Value::Text(text) => (Value::Text(text.clone()), None),
    })
}

fn exposure_from_v1(row: &v1::Exposure) -> Result<Exposure, MigrateError> {
    let v1::Exposure { agent, start, last_dose, ongoing, dose, dose_since, response } = row;
    let dose = match dose {
        Some(dose) => Some(Dose {
            amount: dose.amount,
            unit: DoseUnit::try_from(dose.unit.0.clone()).map_err(|what| MigrateError { what })?,
            frequency: match dose.frequency {
                v1::Frequency::OnceDaily => Frequency::OnceDaily,
                v1::Frequency::TwiceDaily => Frequency::TwiceDaily,
                v1::Frequency::ThreeTimesDaily => Frequency::ThreeTimesDaily,
                v1::Frequency::FourTimesDaily => Frequency::FourTimesDaily,
                v1::Frequency::Weekly => Frequency::Weekly,
                v1::Frequency::EveryTwoWeeks => Frequency::EveryTwoWeeks,
                v1::Frequency::EveryFourWeeks => Frequency::EveryFourWeeks,
                v1::Frequency::Monthly => Frequency::Monthly,
            },
        }),
        None => None,
    };
    Ok(Exposure {
        agent: agent.clone(),
        start: *start,
        last_dose: *last_dose,
        ongoing: *ongoing,
        dose,
        dose_since: *dose_since,
        response: response.map(|response| match response {
            v1::Response::Inadequate => Response::Inadequate,
            v1::Response::Intolerant => Response::Intolerant,
            v1::Response::Adequate => Response::Adequate,
        }),
    })
}

/// The basis of a decision recorded in format 1: the values, dates, cohort and protocol
/// version as they stood when its entry was written, replayed from the format-1 trail (the
/// values of every item; the engine compares those its criterion reads). `None` when the
/// trail holds no entry recording this decision.
pub fn legacy_basis(session: &Session, decision: &Decision) -> Option<Basis> {
    let recorded = session.format1_audit.iter().rev().find(|entry| match &entry.change {
        v1::Change::Decided { decision: written, .. } => {
            let written = decision_from_v1(written);
            written.protocol == decision.protocol
                && written.criterion == decision.criterion
                && written.kind == decision.kind
                && written.reason == decision.reason
                && written.by == decision.by
                && written.at == decision.at
        }
        _ => false,
    })?;
    let first_dates = session.format1_audit.first().map_or_else(
        || v1::ReferenceDates { screening: session.dates.screening, consent: None, enrollment: None },
        |entry| match &entry.change {
            v1::Change::Created { dates, .. } => *dates,
            _ => v1::ReferenceDates { screening: session.dates.screening, consent: None, enrollment: None },
        },
    );
    let then = v1::state_at(&session.format1_audit, recorded.seq, first_dates);
    let reference = then.protocols.iter().find(|p| p.id == decision.protocol)?;
    let values = then
        .values
        .iter()
        .filter_map(|(item, entry)| entry_from_v1(entry).ok().map(|entry| (item.clone(), entry.recorded())))
        .collect();
    Some(Basis {
        version: reference.version,
        cohort: reference.cohort.clone(),
        dates: dates_from_v1(then.dates),
        values,
    })
}
