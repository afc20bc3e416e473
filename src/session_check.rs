//! Checking a parsed session against the library: every protocol, cohort, item, option,
//! unit, agent and criterion it names exists, and each value fits its item. It sits above
//! `session` because it needs the library (protocols and vocabulary); `session` reads files
//! and knows nothing of what they name.

use crate::library::Library;
use crate::model::dictionary::ItemKind;
use crate::model::values::Value;
use crate::session::load::{SessionError, locate_quoted};
use crate::session::model::Session;

/// Checks that everything a session names exists and that each value fits its item.
pub fn check_session(session: &Session, text: &str, library: &Library) -> Result<(), SessionError> {
    if session.protocols.is_empty() {
        return Err(SessionError::NoProtocol);
    }
    // Positions are looked up only for an error: searching the text for every id costs
    // more than the whole evaluation when a folder of sessions is logged.
    for reference in &session.protocols {
        let Some(loaded) = library.get(&reference.id, reference.version) else {
            let (line, column) = locate_quoted(text, &reference.id);
            return Err(SessionError::UnknownProtocol {
                line,
                column,
                id: reference.id.clone(),
                version: reference.version,
            });
        };
        if let Some(cohort) = &reference.cohort
            && !loaded.compiled.protocol.cohorts.iter().any(|c| &c.id == cohort)
        {
            let (line, column) = locate_quoted(text, cohort);
            return Err(SessionError::UnknownCohort { line, column, id: reference.id.clone(), cohort: cohort.clone() });
        }
    }
    let knowledge = &library.knowledge;
    for (id, entry) in &session.values {
        let Some(item) = knowledge.dictionary.item(id) else {
            let (line, column) = locate_quoted(text, id);
            return Err(SessionError::UnknownItem { line, column, item: id.clone() });
        };
        check_value(&item.kind, &entry.value, id, library, text)?;
    }
    for decision in &session.decisions {
        let protocol =
            session.protocols.iter().find(|p| p.id == decision.protocol).and_then(|p| library.get(&p.id, p.version));
        let known = protocol.is_some_and(|p| p.compiled.protocol.criteria.iter().any(|c| c.id == decision.criterion));
        if !known {
            let (line, column) = locate_quoted(text, &decision.criterion);
            return Err(SessionError::UnknownCriterion {
                line,
                column,
                protocol: decision.protocol.clone(),
                criterion: decision.criterion.clone(),
            });
        }
    }
    Ok(())
}

fn check_value(kind: &ItemKind, value: &Value, id: &str, library: &Library, text: &str) -> Result<(), SessionError> {
    let at = || locate_quoted(text, id);
    let wrong_kind = || {
        let (line, column) = at();
        SessionError::WrongKind {
            line,
            column,
            item: id.to_owned(),
            expected: kind.name_message(),
            found: value_kind(value),
        }
    };
    match (kind, value) {
        (ItemKind::Number { units, .. }, Value::Number(m)) => {
            if !units.iter().any(|u| u.unit == m.unit) {
                let (line, column) = at();
                return Err(SessionError::WrongUnit {
                    line,
                    column,
                    item: id.to_owned(),
                    unit: m.unit.symbol().to_owned(),
                });
            }
        }
        (ItemKind::Choice(options), Value::Choice(chosen)) => {
            if !options.iter().any(|o| &o.id == chosen) {
                let (line, column) = at();
                return Err(SessionError::UnknownOption { line, column, item: id.to_owned(), option: chosen.clone() });
            }
        }
        (ItemKind::Instrument(instrument), Value::Instrument(assessment)) => {
            for key in assessment.answers.keys() {
                if !instrument.items().iter().any(|spec| spec.key == key) {
                    let (line, column) = locate_quoted(text, key);
                    return Err(SessionError::UnknownItem { line, column, item: format!("{id}.{key}") });
                }
            }
        }
        (ItemKind::Treatments, Value::Treatments(rows)) => {
            for row in rows {
                if library.knowledge.catalogue.agent(&row.agent).is_none() {
                    let (line, column) = locate_quoted(text, &row.agent);
                    return Err(SessionError::UnknownAgent { line, column, agent: row.agent.clone() });
                }
            }
        }
        (ItemKind::Date, Value::Date(_))
        | (ItemKind::YesNo, Value::YesNo(_))
        | (ItemKind::Titer, Value::Titer(_))
        | (ItemKind::Event, Value::Event(_))
        | (ItemKind::Text, Value::Text(_)) => {}
        _ => return Err(wrong_kind()),
    }
    Ok(())
}

fn value_kind(value: &Value) -> &'static str {
    match value {
        Value::Number(_) => "item-kind-number",
        Value::Date(_) => "item-kind-date",
        Value::YesNo(_) => "item-kind-yes-no",
        Value::Choice(_) => "item-kind-choice",
        Value::Titer(_) => "item-kind-titer",
        Value::Event(_) => "item-kind-event",
        Value::Instrument(_) => "item-kind-instrument",
        Value::Treatments(_) => "item-kind-treatments",
        Value::Text(_) => "item-kind-text",
    }
}
