//! Entered values in words, for the list of changes on the printout: the value with its
//! unit, ULN and date as entered, an answer, an option's label; for a checklist or a
//! treatment history only what differs between two versions.

use crate::calculators::{Answer, Answers};
use crate::engine::explain::separator;
use crate::engine::knowledge::Knowledge;
use crate::i18n::{text, text_with, word};
use crate::model::dictionary::ItemKind;
use crate::model::number_format::{entered as number, entered_with_unit as with_unit};
use crate::model::values::{Exposure, Occurrence, Value, YesNo};
use crate::session::model::Entry;

/// The old and new sides of a value change in words; "not entered" for an absent side.
pub(crate) fn value_change(
    knowledge: &Knowledge,
    item: &str,
    old: Option<&Entry>,
    new: Option<&Entry>,
) -> (String, String) {
    match (old.map(|e| &e.value), new.map(|e| &e.value)) {
        (Some(Value::Instrument(before)), Some(Value::Instrument(after))) => {
            let (mut old_text, mut new_text) = answers_change(&before.answers, &after.answers);
            let (old_date, new_date) = (old.and_then(|e| e.date), new.and_then(|e| e.date));
            if old_date != new_date {
                old_text.push(text_with("value-dated", &[("date", optional_date(old_date))]));
                new_text.push(text_with("value-dated", &[("date", optional_date(new_date))]));
            }
            (old_text.join(&separator()), new_text.join(&separator()))
        }
        (Some(Value::Treatments(before)), Some(Value::Treatments(after))) => {
            let removed: Vec<String> =
                before.iter().filter(|row| !after.contains(row)).map(|row| exposure(knowledge, row)).collect();
            let added: Vec<String> =
                after.iter().filter(|row| !before.contains(row)).map(|row| exposure(knowledge, row)).collect();
            (or_none(removed, "value-no-row-removed"), or_none(added, "value-no-row-added"))
        }
        _ => (entry_text(knowledge, item, old), entry_text(knowledge, item, new)),
    }
}

/// The rows joined, or the message `none` (an id) when there are none.
fn or_none(rows: Vec<String>, none: &str) -> String {
    if rows.is_empty() { text(none) } else { rows.join(&separator()) }
}

fn optional_date(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| text("value-no-date"), |d| d.to_string())
}

/// One entry in words, with the text typed for it when it differs.
fn entry_text(knowledge: &Knowledge, item: &str, entry: Option<&Entry>) -> String {
    let Some(entry) = entry else { return text("date-not-entered") };
    let mut shown = value_text(knowledge, item, &entry.value);
    if let Some(date) = entry.date {
        shown = text_with("value-with-date", &[("value", shown), ("date", date.to_string())]);
    }
    if let Some(method) = &entry.method {
        let methods = knowledge.dictionary.item(item).map(|def| def.methods.as_slice()).unwrap_or_default();
        let label = methods.iter().find(|m| &m.id == method).map_or(method.as_str(), |m| m.label.as_str());
        shown = text_with("value-by-method", &[("value", shown), ("method", label.to_owned())]);
    }
    if let Some(raw) = &entry.raw {
        shown = text_with("value-typed", &[("value", shown), ("raw", raw.clone())]);
    }
    shown
}

fn value_text(knowledge: &Knowledge, item: &str, value: &Value) -> String {
    match value {
        Value::Number(m) => {
            let mut text = with_unit(m.value, m.unit);
            if let Some(uln) = m.uln {
                text = text_with("value-with-uln", &[("value", text), ("uln", with_unit(uln, m.unit))]);
            }
            text
        }
        Value::Date(date) => date.to_string(),
        Value::YesNo(YesNo::Yes) => text("answer-yes"),
        Value::YesNo(YesNo::No) => text("answer-no"),
        Value::YesNo(YesNo::Unknown) => text("value-unknown"),
        Value::Choice(option) => match knowledge.dictionary.item(item).map(|i| &i.kind) {
            Some(ItemKind::Choice(options)) => options
                .iter()
                .find(|o| &o.id == option)
                .map_or_else(|| option.clone(), |o| crate::engine::explain::lower_case(&o.label)),
            _ => option.clone(),
        },
        Value::Titer(titer) => titer.dilution.map_or_else(|| text("value-negative"), |d| format!("1:{d}")),
        Value::Event(Occurrence::Never) => text("answer-never"),
        Value::Event(Occurrence::On(date)) => text_with("value-on", &[("date", date.to_string())]),
        Value::Event(Occurrence::Ongoing(Some(since))) => {
            text_with("answer-ongoing-since", &[("date", since.to_string())])
        }
        Value::Event(Occurrence::Ongoing(None)) => text("answer-ongoing"),
        Value::Event(Occurrence::DateUnknown) => text("answer-date-unknown"),
        Value::Instrument(assessment) => {
            let present = assessment.answers.values().filter(|a| matches!(a, Answer::Present)).count();
            text_with(
                "value-answers",
                &[("answers", assessment.answers.len().to_string()), ("present", present.to_string())],
            )
        }
        Value::Treatments(rows) => {
            if rows.is_empty() {
                text("value-no-treatment")
            } else {
                rows.iter().map(|row| exposure(knowledge, row)).collect::<Vec<_>>().join(&separator())
            }
        }
        Value::Text(text) => format!("“{text}”"),
    }
}

/// The answers that differ between two versions of a checklist, as "item answer".
fn answers_change(before: &Answers, after: &Answers) -> (Vec<String>, Vec<String>) {
    let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut old = Vec::new();
    let mut new = Vec::new();
    for key in keys {
        let (a, b) = (before.get(key), after.get(key));
        if a != b {
            old.push(format!("{key} {}", answer(a)));
            new.push(format!("{key} {}", answer(b)));
        }
    }
    (old, new)
}

fn answer(answer: Option<&Answer>) -> String {
    match answer {
        None => text("value-not-assessed"),
        Some(Answer::Present) => text("value-present"),
        Some(Answer::Absent) => text("value-absent"),
        Some(Answer::Level(level)) => text_with("value-level", &[("level", level.to_string())]),
        Some(Answer::Number(value)) => number(*value),
    }
}

/// A treatment row: "Prednisone 10 mg once daily, since 2026-09-01, ongoing (inadequate
/// response)".
fn exposure(knowledge: &Knowledge, row: &Exposure) -> String {
    let name = knowledge.catalogue.agent(&row.agent).map_or_else(|| row.agent.clone(), |agent| agent.name.clone());
    let mut text = name;
    if let Some(dose) = row.dose {
        let frequency = word(dose.frequency.message_id());
        text.push_str(&format!(" {} {} {frequency}", number(dose.amount), dose.unit.symbol()));
    }
    if let Some(start) = row.start {
        text.push_str(&text_with("value-row-started", &[("date", start.to_string())]));
    }
    if let Some(since) = row.dose_since {
        text.push_str(&text_with("value-row-dose-since", &[("date", since.to_string())]));
    }
    if row.ongoing {
        text.push_str(&crate::i18n::text("exposure-ongoing"));
    } else if let Some(last) = row.last_dose {
        text.push_str(&text_with("exposure-last-dose", &[("date", last.to_string())]));
    }
    if let Some(response) = row.response {
        text.push_str(&text_with("explain-response", &[("response", word(response.message_id()).to_owned())]));
    }
    text
}
