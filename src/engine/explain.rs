//! Turns recorded facts into the sentence an investigator reads: the deciding values with
//! their units and dates. Built only when shown.

use std::fmt::Write as _;

use crate::calculators::Classification;
use crate::engine::compile::CompiledProtocol;
use crate::engine::fact::{CountLabel, Fact, KidneyMethod, Subject};
use crate::engine::patient::PatientFacts;
use crate::engine::protocol_eval::{CriterionResult, ProtocolResult};
use crate::engine::truth::Truth;
use crate::model::dictionary::ItemKind;
use crate::model::rule::{Cmp, Period};
use crate::model::units::Unit;
use crate::model::values::{Occurrence, Value, YesNo};

/// The explanation of one criterion: its deciding facts, joined into one sentence.
pub fn explain(
    compiled: &CompiledProtocol,
    result: &ProtocolResult,
    criterion: &CriterionResult,
    patient: &PatientFacts<'_>,
) -> String {
    render(compiled, result.facts_of(criterion), patient)
}

/// The explanation of a discretion's conditions.
pub fn explain_discretion(
    compiled: &CompiledProtocol,
    result: &ProtocolResult,
    criterion: &CriterionResult,
    patient: &PatientFacts<'_>,
) -> String {
    render(compiled, result.discretion_facts_of(criterion), patient)
}

/// Facts in words, joined by "; ". Labels keep their own case ("eGFR", "SpO₂").
pub fn render(compiled: &CompiledProtocol, facts: &[Fact], patient: &PatientFacts<'_>) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(facts.len());
    for fact in facts {
        let part = describe(compiled, *fact, patient);
        if !part.is_empty() && !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join("; ")
}

/// A number as people write it: no trailing zeros, at most two decimals.
pub fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let mut text = format!("{rounded:.2}");
    while text.contains('.') && (text.ends_with('0') || text.ends_with('.')) {
        text.pop();
    }
    if text == "-0" { "0".to_owned() } else { text }
}

/// A value with its unit as printed: "52 ×10⁹/L", "62 %", "1:640".
pub fn with_unit(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Titer => {
            if value <= 0.0 {
                "negative".to_owned()
            } else {
                format!("1:{}", number(value))
            }
        }
        Unit::Ratio | Unit::Count => number(value),
        Unit::Percent => format!("{} %", number(value)),
        _ => format!("{} {}", number(value), unit.symbol()),
    }
}

/// The comparison as it came out: `≥` when it holds, its negation when it does not.
fn shown_cmp(cmp: Cmp, truth: Truth) -> &'static str {
    match (cmp, truth) {
        (_, Truth::True) => cmp.symbol(),
        (Cmp::Ge, Truth::False) => "<",
        (Cmp::Gt, Truth::False) => "≤",
        (Cmp::Le, Truth::False) => ">",
        (Cmp::Lt, Truth::False) => "≥",
        _ => "",
    }
}

/// A period in words: "within 3 months before screening".
pub fn period(period: Period) -> String {
    match period {
        Period::Ever => "at any time".to_owned(),
        Period::Within(span, anchor) => format!("within {span} before {}", anchor.label()),
        Period::AtLeastBefore(span, anchor) => format!("at least {span} before {}", anchor.label()),
        Period::DuringScreening => "during screening".to_owned(),
    }
}

fn describe(compiled: &CompiledProtocol, fact: Fact, patient: &PatientFacts<'_>) -> String {
    let knowledge = patient.knowledge;
    let label = |item| knowledge.item_label(item).to_owned();
    match fact {
        Fact::Compared { subject, low, high, unit, cmp, threshold, truth } => {
            let value = if low == high {
                with_unit(low, unit)
            } else {
                format!("between {} and {} (items not assessed)", number(low), with_unit(high, unit))
            };
            let threshold_text = with_unit(threshold, unit);
            let relation = if truth.is_definite() {
                format!("{} {threshold_text}", shown_cmp(cmp, truth))
            } else {
                format!("needs {} {threshold_text}", cmp.symbol())
            };
            match subject {
                Subject::Item(item) => {
                    format!("{} {value}{} {relation}", label(item), entered_note(patient, item, unit))
                }
                Subject::UlnRatio(item) => {
                    let (entered, uln) = match patient.value(item) {
                        Some(Value::Number(m)) => {
                            (with_unit(m.value, m.unit), m.uln.map(|uln| with_unit(uln, m.unit)).unwrap_or_default())
                        }
                        _ => (String::new(), String::new()),
                    };
                    format!(
                        "{} {entered} = {} × ULN (ULN {uln}){} {} {} × ULN",
                        label(item),
                        number(low),
                        date_note(patient, item),
                        if truth.is_definite() { shown_cmp(cmp, truth) } else { cmp.symbol() },
                        number(threshold)
                    )
                }
                Subject::Titer(item) => format!("{} {value}{} {relation}", label(item), date_note(patient, item)),
                Subject::Age(anchor) => {
                    let on = patient.anchor(anchor).map(|(d, _)| format!(" ({d})")).unwrap_or_default();
                    format!("age {value} at {}{on} {relation}", anchor.label())
                }
                Subject::Score(item, exclusion) => score_text(compiled, patient, item, exclusion, &value, &relation),
                Subject::CountPresent(item) => format!("{} listed items present: {value} {relation}", label(item)),
                Subject::Egfr(method) => {
                    format!("eGFR {value} ({}{}) {relation}", kidney_method(method), kidney_inputs(patient, method))
                }
                Subject::CreatinineClearance => format!(
                    "creatinine clearance {value} ({}{}) {relation}",
                    kidney_method(KidneyMethod::CockcroftGault),
                    kidney_inputs(patient, KidneyMethod::CockcroftGault)
                ),
                Subject::Treatments(label) => {
                    let counted = match label {
                        CountLabel::Agents => "agents".to_owned(),
                        CountLabel::Classes => "drug classes".to_owned(),
                        CountLabel::PooledAgents(pooled) => {
                            let pools: Vec<String> = knowledge.class_labels(pooled).map(|l| l.to_lowercase()).collect();
                            format!("agents (each of {} counting as one)", pools.join(", "))
                        }
                    };
                    format!("{value} {counted} counted {relation}")
                }
            }
        }
        Fact::Known { subject, low, high, unit } => {
            let value = if low == high {
                with_unit(low, unit)
            } else {
                format!("between {} and {} (items not assessed)", number(low), with_unit(high, unit))
            };
            match subject {
                Subject::Score(item, exclusion) => score_text(compiled, patient, item, exclusion, &value, ""),
                Subject::Item(item) => format!("{} {value}{}", label(item), entered_note(patient, item, unit)),
                _ => value,
            }
        }
        Fact::Answer { item, truth } => {
            let shown = match patient.value(item) {
                Some(Value::YesNo(YesNo::Yes)) => "yes".to_owned(),
                Some(Value::YesNo(YesNo::No)) => "no".to_owned(),
                Some(Value::YesNo(YesNo::Unknown)) => "answered unknown".to_owned(),
                Some(Value::Choice(option)) => option_label(patient, item, option),
                Some(Value::Event(Occurrence::Never)) => "never".to_owned(),
                Some(Value::Event(Occurrence::Ongoing(Some(since)))) => format!("ongoing since {since}"),
                Some(Value::Event(Occurrence::Ongoing(None))) => "ongoing".to_owned(),
                Some(Value::Event(Occurrence::DateUnknown)) => "yes, date unknown".to_owned(),
                _ => match truth {
                    Truth::True => "yes".to_owned(),
                    Truth::False => "no".to_owned(),
                    _ => "unknown".to_owned(),
                },
            };
            format!("{} {shown}", label(item))
        }
        Fact::Missing(item) => format!("{} not entered", label(item)),
        Fact::NotInPeriod { item, date, period: p } => match date {
            Some(date) => format!("{} dated {date} does not count: a result {} is needed", label(item), period(p)),
            None => format!("{} has no date: a result {} is needed", label(item), period(p)),
        },
        Fact::Dated { item, date, period: p, truth } => {
            let relation = match truth {
                Truth::True => "",
                Truth::False => "not ",
                _ => "undecided: ",
            };
            format!("{} {date}, {relation}{}", label(item), period(p))
        }
        Fact::Exposure { row, truth, since, period: window } => {
            let mut text = exposure(patient, row, truth, since);
            if let Some(window) = window {
                let relation = match truth {
                    Truth::True => "",
                    Truth::False => "not ",
                    _ => "undecided: ",
                };
                let _ = write!(text, ", {relation}{}", period(window));
            }
            text
        }
        Fact::OverCap { row, per_day_mg, cap } => {
            let name = agent_name(patient, row);
            format!("{name} {} above the cap of {}, so not counted", number(per_day_mg), number(cap))
        }
        Fact::NoExposure => "no matching treatment in the history".to_owned(),
        Fact::NoTreatmentHistory => "treatment history not entered".to_owned(),
        Fact::Classification { item, classification, low, high } => {
            let score = if low == high { number(low) } else { format!("{}–{}", number(low), number(high)) };
            let decided = match classification {
                Classification::Classified => "classified",
                Classification::NotClassified => "not classified",
                Classification::EntryNotMet => "entry criterion not met, criteria not applicable",
                Classification::Excluded => "an exclusion of the criteria applies",
                Classification::Undetermined => "not yet decided (items not assessed)",
            };
            format!("{} {decided}, score {score}{}", label(item), contributions(patient, item, &[]))
        }
        Fact::InvalidAssessment(item) => format!("{} cannot be scored: check its answers", label(item)),
        Fact::Change { baseline, current, relative, absolute, threshold, truth } => {
            let verdict = match truth {
                Truth::True => "reaches",
                Truth::False => "does not reach",
                Truth::Judgment => "the measures disagree on",
                Truth::Unknown => "cannot be compared with",
            };
            format!(
                "{} → {}: change {} % relative, {} points absolute; {verdict} the threshold of {}",
                label(baseline),
                label(current),
                number(relative),
                number(absolute),
                number(threshold)
            )
        }
        Fact::EnrollmentAssumed => "enrollment date not yet known, so the screening date was used".to_owned(),
        Fact::ConsentDateMissing => "consent date not entered".to_owned(),
        Fact::Judgment(text) => {
            let text = compiled.judgment_texts.get(usize::from(text)).map_or("", String::as_str);
            format!("needs the investigator's judgment: {text}")
        }
    }
}

/// "SLEDAI-2K 10 points (2026-11-02) ≥ 6 points (Arthritis 4, …)": a score, the answers it
/// leaves out, its date, the comparison (empty for a `Known` rule) and what scored.
fn score_text(
    compiled: &CompiledProtocol,
    patient: &PatientFacts<'_>,
    item: u16,
    exclusion: u16,
    value: &str,
    relation: &str,
) -> String {
    let excluding = compiled.score_exclusions.get(usize::from(exclusion)).map_or(&[][..], Vec::as_slice);
    let relation = if relation.is_empty() { String::new() } else { format!(" {relation}") };
    format!(
        "{}{} {value}{}{relation}{}",
        patient.knowledge.item_label(item),
        excluded_note(patient, item, excluding),
        date_note(patient, item),
        contributions(patient, item, excluding)
    )
}

/// " without low complement, increased DNA binding" for a score that leaves answers out.
fn excluded_note(patient: &PatientFacts<'_>, item: u16, excluding: &[String]) -> String {
    let Some(ItemKind::Instrument(instrument)) = patient.knowledge.item(item).map(|i| &i.kind) else {
        return String::new();
    };
    if excluding.is_empty() {
        return String::new();
    }
    let names: Vec<String> = excluding
        .iter()
        .map(|key| instrument.item(key).map_or_else(|| key.clone(), |spec| spec.label.to_owned()))
        .collect();
    format!(" without {}", names.join(", "))
}

/// " (proteinuria 4, low complement 2)": the answers that scored, from the instrument.
fn contributions(patient: &PatientFacts<'_>, item: u16, excluding: &[String]) -> String {
    let (Some(ItemKind::Instrument(instrument)), Some(Value::Instrument(assessment))) =
        (patient.knowledge.item(item).map(|i| &i.kind), patient.value(item))
    else {
        return String::new();
    };
    let options = crate::calculators::ScoreOptions { excluding: excluding.to_vec() };
    let Ok(report) = instrument.evaluate(&assessment.answers, &options) else { return String::new() };
    if report.contributions.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = report.contributions.iter().map(|c| format!("{} {}", c.label, number(c.points))).collect();
    format!(" ({})", parts.join(", "))
}

/// The inputs a kidney-function value was computed from: ": creatinine 0.6 mg/dL (2026-10-28),
/// height 158 cm, age 14.62".
fn kidney_inputs(patient: &PatientFacts<'_>, method: KidneyMethod) -> String {
    let Some(items) = patient.knowledge.kidney else { return String::new() };
    let measured = |item: u16| match patient.value(item) {
        Some(Value::Number(m)) => Some(*m),
        _ => None,
    };
    if method == KidneyMethod::LabReported {
        return measured(items.egfr_reported).and_then(|m| m.date).map(|d| format!(", {d}")).unwrap_or_default();
    }
    let Some(creatinine) = measured(items.creatinine) else { return String::new() };
    let mut parts = vec![format!("creatinine {}", with_unit(creatinine.value, creatinine.unit))];
    let on = creatinine.date.unwrap_or(patient.dates.screening);
    match method {
        KidneyMethod::BedsideSchwartz => {
            if let Some(height) = measured(items.height) {
                parts.push(format!("height {}", with_unit(height.value, height.unit)));
            }
        }
        KidneyMethod::CockcroftGault => {
            if let Some(weight) = measured(items.weight) {
                parts.push(format!("weight {}", with_unit(weight.value, weight.unit)));
            }
        }
        KidneyMethod::CkdEpi2021 | KidneyMethod::LabReported => {}
    }
    if let Some(Value::Choice(sex)) = patient.value(items.sex) {
        parts.push(sex.clone());
    }
    if let Some(birth) = patient.date_of_birth() {
        parts.push(format!("age {} on {on}", number(crate::model::dates::decimal_age(birth, on))));
    }
    format!(": {}", parts.join(", "))
}

fn kidney_method(method: KidneyMethod) -> &'static str {
    match method {
        KidneyMethod::LabReported => "reported by the lab",
        KidneyMethod::BedsideSchwartz => "bedside Schwartz, age under 18",
        KidneyMethod::CkdEpi2021 => "CKD-EPI 2021, age 18 or over",
        KidneyMethod::CockcroftGault => "Cockcroft–Gault, actual body weight",
    }
}

/// " (entered 160000 /µL, 2026-10-28)" when the entered unit differs, else the date only.
fn entered_note(patient: &PatientFacts<'_>, item: u16, compared_in: Unit) -> String {
    match patient.value(item) {
        Some(Value::Number(m)) => {
            let mut note = String::new();
            if m.unit != compared_in {
                let _ = write!(note, " (entered {}", with_unit(m.value, m.unit));
                if let Some(date) = m.date {
                    let _ = write!(note, ", {date}");
                }
                note.push(')');
            } else if let Some(date) = m.date {
                let _ = write!(note, " ({date})");
            }
            note
        }
        _ => String::new(),
    }
}

fn date_note(patient: &PatientFacts<'_>, item: u16) -> String {
    let date = match patient.value(item) {
        Some(Value::Number(m)) => m.date,
        Some(Value::Titer(t)) => t.date,
        Some(Value::Instrument(a)) => a.date,
        _ => None,
    };
    date.map(|d| format!(" ({d})")).unwrap_or_default()
}

fn option_label(patient: &PatientFacts<'_>, item: u16, option: &str) -> String {
    match patient.knowledge.item(item).map(|i| &i.kind) {
        Some(ItemKind::Choice(options)) => {
            options.iter().find(|o| o.id == option).map_or_else(|| option.to_owned(), |o| o.label.to_lowercase())
        }
        _ => option.to_owned(),
    }
}

fn agent_name(patient: &PatientFacts<'_>, row: u16) -> String {
    patient
        .exposures
        .iter()
        .find(|e| e.row == row)
        .and_then(|e| patient.knowledge.catalogue.agents.get(usize::from(e.agent)))
        .map_or_else(|| format!("treatment row {}", row + 1), |agent| agent.name.clone())
}

fn exposure(patient: &PatientFacts<'_>, row: u16, truth: Truth, since: Option<chrono::NaiveDate>) -> String {
    let name = agent_name(patient, row);
    let Some(resolved) = patient.exposures.iter().find(|e| e.row == row) else { return name };
    let exposure = resolved.exposure;
    let mut text = name;
    if let Some(dose) = exposure.dose {
        let _ = write!(text, " {} {} {}", number(dose.amount), dose.unit.symbol(), dose.frequency.label());
    }
    if exposure.ongoing {
        match since {
            Some(since) => {
                let _ = write!(text, ", unchanged since {since}");
            }
            None => text.push_str(", ongoing"),
        }
    } else if let Some(last) = exposure.last_dose {
        let _ = write!(text, ", last dose {last}");
    }
    if let Some(response) = exposure.response {
        let _ = write!(text, " ({})", response.label());
    }
    if truth == Truth::Unknown {
        text.push_str(" (dates or dose not entered)");
    }
    text
}
