//! Entered values in words, for the list of changes on the printout: the value with its
//! unit, ULN and date as entered, an answer, an option's label; for a checklist or a
//! treatment history only what differs between two versions.

use crate::calculators::{Answer, Answers};
use crate::engine::knowledge::Knowledge;
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
                old_text.push(format!("dated {}", optional_date(old_date)));
                new_text.push(format!("dated {}", optional_date(new_date)));
            }
            (old_text.join("; "), new_text.join("; "))
        }
        (Some(Value::Treatments(before)), Some(Value::Treatments(after))) => {
            let removed: Vec<String> =
                before.iter().filter(|row| !after.contains(row)).map(|row| exposure(knowledge, row)).collect();
            let added: Vec<String> =
                after.iter().filter(|row| !before.contains(row)).map(|row| exposure(knowledge, row)).collect();
            (or_none(removed, "no row removed"), or_none(added, "no row added"))
        }
        _ => (entry_text(knowledge, item, old), entry_text(knowledge, item, new)),
    }
}

fn or_none(rows: Vec<String>, none: &str) -> String {
    if rows.is_empty() { none.to_owned() } else { rows.join("; ") }
}

fn optional_date(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "no date".to_owned(), |d| d.to_string())
}

/// One entry in words, with the text typed for it when it differs.
fn entry_text(knowledge: &Knowledge, item: &str, entry: Option<&Entry>) -> String {
    let Some(entry) = entry else { return "not entered".to_owned() };
    let mut text = value_text(knowledge, item, &entry.value);
    if let Some(date) = entry.date {
        text.push_str(&format!(", {date}"));
    }
    if let Some(method) = &entry.method {
        let methods = knowledge.dictionary.item(item).map(|def| def.methods.as_slice()).unwrap_or_default();
        let label = methods.iter().find(|m| &m.id == method).map_or(method.as_str(), |m| m.label.as_str());
        text.push_str(&format!(", by {label}"));
    }
    if let Some(raw) = &entry.raw {
        text.push_str(&format!(" (typed “{raw}”)"));
    }
    text
}

fn value_text(knowledge: &Knowledge, item: &str, value: &Value) -> String {
    match value {
        Value::Number(m) => {
            let mut text = with_unit(m.value, m.unit);
            if let Some(uln) = m.uln {
                text.push_str(&format!(", ULN {}", with_unit(uln, m.unit)));
            }
            text
        }
        Value::Date(date) => date.to_string(),
        Value::YesNo(YesNo::Yes) => "yes".to_owned(),
        Value::YesNo(YesNo::No) => "no".to_owned(),
        Value::YesNo(YesNo::Unknown) => "unknown".to_owned(),
        Value::Choice(option) => match knowledge.dictionary.item(item).map(|i| &i.kind) {
            Some(ItemKind::Choice(options)) => {
                options.iter().find(|o| &o.id == option).map_or_else(|| option.clone(), |o| o.label.to_lowercase())
            }
            _ => option.clone(),
        },
        Value::Titer(titer) => titer.dilution.map_or_else(|| "negative".to_owned(), |d| format!("1:{d}")),
        Value::Event(Occurrence::Never) => "never".to_owned(),
        Value::Event(Occurrence::On(date)) => format!("on {date}"),
        Value::Event(Occurrence::Ongoing(Some(since))) => format!("ongoing since {since}"),
        Value::Event(Occurrence::Ongoing(None)) => "ongoing".to_owned(),
        Value::Event(Occurrence::DateUnknown) => "yes, date unknown".to_owned(),
        Value::Instrument(assessment) => {
            let present = assessment.answers.values().filter(|a| matches!(a, Answer::Present)).count();
            format!("{} answers, {present} present", assessment.answers.len())
        }
        Value::Treatments(rows) => {
            if rows.is_empty() {
                "no treatment".to_owned()
            } else {
                rows.iter().map(|row| exposure(knowledge, row)).collect::<Vec<_>>().join("; ")
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
        None => "not assessed".to_owned(),
        Some(Answer::Present) => "present".to_owned(),
        Some(Answer::Absent) => "absent".to_owned(),
        Some(Answer::Level(level)) => format!("level {level}"),
        Some(Answer::Number(value)) => number(*value),
    }
}

/// A treatment row: "Prednisone 10 mg once daily, since 2026-09-01, ongoing (inadequate
/// response)".
fn exposure(knowledge: &Knowledge, row: &Exposure) -> String {
    let name = knowledge.catalogue.agent(&row.agent).map_or_else(|| row.agent.clone(), |agent| agent.name.clone());
    let mut text = name;
    if let Some(dose) = row.dose {
        text.push_str(&format!(" {} {} {}", number(dose.amount), dose.unit.symbol(), dose.frequency.label()));
    }
    if let Some(start) = row.start {
        text.push_str(&format!(", started {start}"));
    }
    if let Some(since) = row.dose_since {
        text.push_str(&format!(", dose unchanged since {since}"));
    }
    if row.ongoing {
        text.push_str(", ongoing");
    } else if let Some(last) = row.last_dose {
        text.push_str(&format!(", last dose {last}"));
    }
    if let Some(response) = row.response {
        text.push_str(&format!(" ({})", response.label()));
    }
    text
}
