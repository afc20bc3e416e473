//! Turns recorded facts into what an investigator reads: the deciding values with their
//! units and dates. Built only when shown. An explanation is a list of [`Part`]s — words, and
//! comparisons kept as structure (the value as printed, the relation, the threshold) — so a
//! test can check that every comparison it prints is true without parsing sentences, and the
//! words can be translated without touching the numbers.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::calculators::instrument_words::item_label;
use crate::calculators::kidney::KidneyMethod;
use crate::calculators::{Classification, Contribution, InstrumentId};
use crate::engine::compile::CompiledProtocol;
use crate::engine::compile::CountKind;
use crate::engine::fact::{EgfrSource, Fact, Subject};
use crate::engine::knowledge::Knowledge;
use crate::engine::patient::PatientFacts;
use crate::engine::protocol_eval::{CriterionResult, ProtocolResult};
use crate::engine::truth::Truth;
use crate::i18n::{text, text_with, word};
use crate::model::dates::Span;
use crate::model::dictionary::ItemKind;
use crate::model::exact::Exact;
use crate::model::number_format::{computed, decimal, entered, entered_with_unit, with_unit as unit_text};
use crate::model::rule::{Anchor, Cmp, Period};
use crate::model::units::Unit;
use crate::model::values::{Occurrence, Value, YesNo};
use crate::model::words::capitalised;

/// Fewest decimals shown for a value that is not an exact decimal (a converted unit, a ratio).
const MIN_PLACES: u32 = 2;

/// One part of an explanation.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// A comparison as printed.
    Comparison(ShownComparison),
    /// A question the protocol leaves to the investigator: "needs the investigator's
    /// judgment: …" until a judgment decides it, "judged: …" after (see [`Part::decided`]).
    Question(String),
    /// A question a recorded judgment has decided.
    Judged(String),
    /// Anything else, in words.
    Text(String),
}

impl Part {
    /// The part once a judgment has decided the criterion: a question reads as judged.
    pub fn decided(self) -> Self {
        match self {
            Self::Question(question) => Self::Judged(question),
            other => other,
        }
    }
}

/// A comparison as printed: `{subject} {value}{unit}{note} {relation} {threshold}{unit}{tail}`.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownComparison {
    /// What was compared, before the value ("Haemoglobin", "age"); may be empty.
    pub subject: String,
    /// The value as printed.
    pub value: ShownValue,
    /// The unit the value and the threshold are printed in.
    pub unit: ShownUnit,
    /// Words between the value and the relation: " (entered 3.7 mmol/L, 2026-11-02)".
    pub note: String,
    /// The relation as printed.
    pub relation: Relation,
    /// The threshold as printed.
    pub threshold: Decimal,
    /// Words after the threshold: what scored.
    pub tail: String,
}

/// A value as printed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ShownValue {
    /// One exact value.
    One(Decimal),
    /// Scores with items not yet assessed.
    Between(Decimal, Decimal),
    /// A count over a list not attested complete: what is listed, and possibly more.
    AtLeast(Decimal),
}

/// How a value and threshold are printed with their unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ShownUnit {
    /// A unit of measure: "52 ×10⁹/L", "62 %", "1:640".
    Unit(Unit),
    /// A multiple of the upper limit of normal: "1.5 × ULN".
    TimesUln,
    /// Milligrams per day: "30 mg/day".
    MgPerDay,
}

/// The relation printed between a value and its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// `value cmp threshold` holds, and is printed (for a failed `≥`, the `<` that holds).
    Holds(Cmp),
    /// Undecided: the criterion needs `cmp threshold`.
    Needs(Cmp),
}

impl ShownComparison {
    /// Whether the comparison as printed is true (always, for a `Holds` relation; the test
    /// suite checks it over generated patients).
    pub fn reads_true(&self) -> bool {
        let Relation::Holds(cmp) = self.relation else { return true };
        let holds = |value: Decimal| Exact::decimal(value).holds(cmp, &Exact::decimal(self.threshold)) == Some(true);
        match self.value {
            ShownValue::One(value) | ShownValue::AtLeast(value) => holds(value),
            ShownValue::Between(low, high) => holds(low) && holds(high),
        }
    }

    fn number(&self, value: Decimal) -> String {
        match self.unit {
            ShownUnit::Unit(unit) => match unit_word(unit) {
                Some(id) => text_with(id, &[("n", decimal(value))]),
                None => unit_text(&decimal(value), value <= Decimal::ZERO, unit),
            },
            ShownUnit::TimesUln => format!("{} × ULN", decimal(value)),
            ShownUnit::MgPerDay => format!("{} mg/day", decimal(value)),
        }
    }
}

/// The units written as words, which each language places and spells its own way ("32
/// years", "32岁"): their message ids.
fn unit_word(unit: Unit) -> Option<&'static str> {
    [(Unit::Years, "unit-years"), (Unit::Months, "unit-months"), (Unit::Points, "unit-points")]
        .into_iter()
        .find(|(known, _)| *known == unit)
        .map(|(_, id)| id)
}

impl std::fmt::Display for ShownComparison {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.subject.is_empty() {
            write!(f, "{} ", self.subject)?;
        }
        match self.value {
            ShownValue::One(value) => f.write_str(&self.number(value))?,
            ShownValue::Between(low, high) => {
                f.write_str(&text_with("explain-between", &[("low", decimal(low)), ("high", self.number(high))]))?;
            }
            ShownValue::AtLeast(low) => f.write_str(&text_with("explain-at-least", &[("value", self.number(low))]))?,
        }
        let relation = match self.relation {
            Relation::Holds(cmp) => cmp.symbol().to_owned(),
            Relation::Needs(cmp) => text_with("explain-needs", &[("relation", cmp.symbol().to_owned())]),
        };
        write!(f, "{} {relation} {}{}", self.note, self.number(self.threshold), self.tail)
    }
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Comparison(comparison) => comparison.fmt(f),
            Self::Question(question) => f.write_str(&text_with("explain-question", &[("question", question.clone())])),
            Self::Judged(question) => f.write_str(&text_with("explain-judged", &[("question", question.clone())])),
            Self::Text(text) => f.write_str(text),
        }
    }
}

/// The explanation of one criterion: its deciding facts, joined into one sentence.
pub fn explain(
    compiled: &CompiledProtocol,
    result: &ProtocolResult,
    criterion: &CriterionResult,
    patient: &PatientFacts<'_>,
) -> String {
    render(compiled, result.facts_of(criterion), patient)
}

/// The explanation of one criterion as parts.
pub fn explain_parts(
    compiled: &CompiledProtocol,
    result: &ProtocolResult,
    criterion: &CriterionResult,
    patient: &PatientFacts<'_>,
) -> Vec<Part> {
    parts(compiled, result.facts_of(criterion), patient)
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
    let texts: Vec<String> = parts(compiled, facts, patient).iter().map(ToString::to_string).collect();
    texts.join(&separator())
}

/// What joins the parts of an explanation: "; " ("；" in Chinese).
pub fn separator() -> String {
    text("explain-separator")
}

/// What joins the items of a list inside a part: ", " ("，" in Chinese).
pub fn list_separator() -> String {
    text("explain-list-separator")
}

/// A span in words: "3 months", "1 day" ("3个月").
pub fn span_text(span: Span) -> String {
    let (one, many, n) = match span {
        Span::Days(n) => ("span-day", "span-days", n),
        Span::Weeks(n) => ("span-week", "span-weeks", n),
        Span::Months(n) => ("span-month", "span-months", n),
        Span::Years(n) => ("span-year", "span-years", n),
    };
    text_with(if n == 1 { one } else { many }, &[("n", n.to_string())])
}

/// Facts as parts, without repeats.
pub fn parts(compiled: &CompiledProtocol, facts: &[Fact], patient: &PatientFacts<'_>) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::with_capacity(facts.len());
    for fact in facts {
        let part = describe(compiled, *fact, patient);
        let is_empty = matches!(&part, Part::Text(text) if text.is_empty());
        if !is_empty && !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts
}

/// The relation as it came out: `≥` when it holds, its negation when it does not.
fn shown_relation(cmp: Cmp, truth: Truth) -> Relation {
    match truth {
        Truth::True => Relation::Holds(cmp),
        Truth::False => Relation::Holds(match cmp {
            Cmp::Ge => Cmp::Lt,
            Cmp::Gt => Cmp::Le,
            Cmp::Le => Cmp::Gt,
            Cmp::Lt => Cmp::Ge,
        }),
        Truth::Unknown | Truth::Judgment => Relation::Needs(cmp),
    }
}

/// The value printed for a comparison whose outcome is `truth`: a number whose printed
/// relation to the threshold is the true one.
fn shown_value(low: Exact, high: Exact, cmp: Cmp, threshold: Exact) -> ShownValue {
    if high == Exact::UNBOUNDED {
        ShownValue::AtLeast(low.shown(cmp, threshold, MIN_PLACES))
    } else if low.compare(&high) == Some(std::cmp::Ordering::Equal) {
        ShownValue::One(low.shown(cmp, threshold, MIN_PLACES))
    } else {
        ShownValue::Between(low.shown(cmp, threshold, MIN_PLACES), high.shown(cmp, threshold, MIN_PLACES))
    }
}

fn comparison(
    subject: String,
    value: ShownValue,
    unit: ShownUnit,
    relation: Relation,
    threshold: Exact,
) -> ShownComparison {
    ShownComparison {
        subject,
        value,
        unit,
        note: String::new(),
        relation,
        threshold: threshold.as_decimal().unwrap_or_else(|| threshold.shown_alone(6)),
        tail: String::new(),
    }
}

/// Why a result does not count, and what to do: "dated 2015-03-02, older than the screening
/// window: repeat the test"; "has no date: enter the sample date".
fn not_counted(
    patient: &PatientFacts<'_>,
    label: &str,
    date: Option<chrono::NaiveDate>,
    window: Period,
    reason: crate::engine::evaluate::NotCounted,
) -> String {
    use crate::engine::evaluate::NotCounted;
    let what = match date {
        Some(d) => text_with("explain-result-dated", &[("what", label.to_owned()), ("date", d.to_string())]),
        None => label.to_owned(),
    };
    match reason {
        NotCounted::Undated => text_with("explain-undated", &[("what", label.to_owned())]),
        NotCounted::AfterToday => {
            text_with("explain-after-today", &[("what", what), ("today", patient.evaluation_day.to_string())])
        }
        NotCounted::AfterEnrollment => match patient.dates.enrollment {
            Some(d) => text_with("explain-after-first-dose-on", &[("what", what), ("date", d.to_string())]),
            None => text_with("explain-after-first-dose", &[("what", what)]),
        },
        NotCounted::TooOld => match window {
            Period::Within(span, anchor) => text_with(
                "explain-older-than-window",
                &[("what", what), ("span", span_text(span)), ("anchor", anchor_label(patient.knowledge, anchor))],
            ),
            other => text_with("explain-too-old", &[("what", what), ("period", period(patient.knowledge, other))]),
        },
        NotCounted::Outside => {
            text_with("explain-outside", &[("what", what), ("period", period(patient.knowledge, window))])
        }
    }
}

/// A period in words: "within 3 months before screening".
pub fn period(knowledge: &Knowledge, period: Period) -> String {
    match period {
        Period::Ever => text("period-ever"),
        Period::Within(span, anchor) => {
            text_with("period-within", &[("span", span_text(span)), ("anchor", anchor_label(knowledge, anchor))])
        }
        Period::AtLeastBefore(span, anchor) => text_with(
            "period-at-least-before",
            &[("span", span_text(span)), ("anchor", anchor_label(knowledge, anchor))],
        ),
        Period::DuringScreening => text("period-during-screening"),
        Period::Since(anchor) => text_with("period-since", &[("anchor", anchor_label(knowledge, anchor))]),
    }
}

/// An anchor in words: "screening"; a named anchor by its item's label ("randomisation date").
pub fn anchor_label(knowledge: &Knowledge, anchor: Anchor) -> String {
    match anchor {
        Anchor::Date(name) => match knowledge.item_idx(name.item()) {
            Some(item) => in_sentence(knowledge.item_label(item)),
            None => name.words(),
        },
        Anchor::CourseEnd(class) => {
            let label = knowledge.class_bit(class.item()).and_then(|bit| knowledge.class_labels(bit).next());
            text_with("anchor-last-dose-of", &[("what", label.map_or_else(|| class.words(), in_sentence))])
        }
        Anchor::Screening => text("anchor-screening"),
        Anchor::Consent => text("anchor-consent"),
        Anchor::Enrollment => text("anchor-enrollment"),
    }
}

/// A number shown on its own (a `Known` rule, a classification score).
fn exact_text(value: Exact) -> String {
    decimal(value.shown_alone(2))
}

fn describe(compiled: &CompiledProtocol, fact: Fact, patient: &PatientFacts<'_>) -> Part {
    let knowledge = patient.knowledge;
    let label = |item| knowledge.item_label(item).to_owned();
    let text = match fact {
        Fact::Compared { subject, low, high, unit, cmp, threshold, truth } => {
            let value = shown_value(low, high, cmp, threshold);
            let relation = shown_relation(cmp, truth);
            let mut shown = comparison(String::new(), value, ShownUnit::Unit(unit), relation, threshold);
            match subject {
                Subject::Item(item) => {
                    shown.subject = label(item);
                    shown.note = entered_note(patient, item, unit);
                }
                Subject::UlnRatio(item) => {
                    let (entered, uln) = match patient.value(item) {
                        Some(Value::Number(m)) => (
                            entered_with_unit(m.value, m.unit),
                            m.uln.map(|uln| entered_with_unit(uln, m.unit)).unwrap_or_default(),
                        ),
                        _ => (String::new(), String::new()),
                    };
                    shown.subject = format!("{} {entered} =", label(item));
                    shown.unit = ShownUnit::TimesUln;
                    shown.note = format!("{}{}", text_with("explain-uln", &[("uln", uln)]), date_note(patient, item));
                }
                Subject::Titer(item) => {
                    shown.subject = label(item);
                    shown.note = date_note(patient, item);
                }
                Subject::Age(anchor) => {
                    let at = anchor_label(knowledge, anchor);
                    shown.subject = text("explain-age");
                    shown.note = match patient.anchor(anchor) {
                        Some((date, _)) => text_with("explain-at-date", &[("anchor", at), ("date", date.to_string())]),
                        None => text_with("explain-at", &[("anchor", at)]),
                    };
                }
                Subject::Score(item, exclusion) => {
                    let (subject, note, tail) = score_parts(compiled, patient, item, exclusion);
                    (shown.subject, shown.note, shown.tail) = (subject, note, tail);
                }
                Subject::CountPresent(item) => {
                    shown.subject = text_with("explain-listed-present", &[("what", label(item))]);
                }
                Subject::Egfr(method) => {
                    // The abbreviation a Chinese report prints too.
                    shown.subject = "eGFR".to_owned();
                    shown.note = kidney_note(patient, method);
                }
                Subject::CreatinineClearance => {
                    shown.subject = text("explain-creatinine-clearance");
                    shown.note = kidney_note(patient, EgfrSource::Computed(KidneyMethod::CockcroftGault));
                }
                Subject::Treatments(label) => {
                    shown.note = match label {
                        CountKind::Agents => text("explain-agents-counted"),
                        CountKind::Classes => text("explain-classes-counted"),
                        CountKind::AgentsPooling(pooled) => {
                            let pools: Vec<String> = knowledge.class_labels(pooled).map(lower_case).collect();
                            text_with("explain-agents-pooled-counted", &[("pools", pools.join(&list_separator()))])
                        }
                    };
                }
            }
            return Part::Comparison(shown);
        }
        Fact::Known { subject, low, high, unit } => {
            let with_unit = |value: Exact| match unit_word(unit) {
                Some(id) => text_with(id, &[("n", exact_text(value))]),
                None => unit_text(&exact_text(value), false, unit),
            };
            let value = if low.compare(&high) == Some(std::cmp::Ordering::Equal) {
                with_unit(low)
            } else {
                text_with("explain-between", &[("low", exact_text(low)), ("high", with_unit(high))])
            };
            match subject {
                Subject::Score(item, exclusion) => {
                    let (subject, note, tail) = score_parts(compiled, patient, item, exclusion);
                    format!("{subject} {value}{note}{tail}")
                }
                Subject::Item(item) => format!("{} {value}{}", label(item), entered_note(patient, item, unit)),
                _ => value,
            }
        }
        Fact::Answer { item, truth } => {
            let shown = match patient.value(item) {
                Some(Value::YesNo(YesNo::Yes)) => text("answer-yes"),
                Some(Value::YesNo(YesNo::No)) => text("answer-no"),
                Some(Value::YesNo(YesNo::Unknown)) => text("answer-unknown"),
                Some(Value::Choice(option)) => option_label(patient, item, option),
                Some(Value::Event(Occurrence::Never)) => text("answer-never"),
                Some(Value::Event(Occurrence::Ongoing(Some(since)))) => {
                    text_with("answer-ongoing-since", &[("date", since.to_string())])
                }
                Some(Value::Event(Occurrence::Ongoing(None))) => text("answer-ongoing"),
                Some(Value::Event(Occurrence::DateUnknown)) => text("answer-date-unknown"),
                _ => match truth {
                    Truth::True => text("answer-yes"),
                    Truth::False => text("answer-no"),
                    _ => text("answer-unknown"),
                },
            };
            format!("{} {shown}{}", label(item), date_note(patient, item))
        }
        Fact::Missing(item) => text_with("explain-not-entered", &[("what", label(item))]),
        Fact::NotCounted { item, date, period: p, reason } => not_counted(patient, &label(item), date, p, reason),
        Fact::DatedAfterToday(date) => text_with("explain-dated-after-today", &[("date", date.to_string())]),
        Fact::ListNotAttested { lapsed: false } => text("explain-history-not-attested"),
        Fact::ListNotAttested { lapsed: true } => text("explain-history-changed"),
        Fact::ConfirmBeforeDosing { item, span } => match patient.dates.enrollment {
            Some(_) => text_with("explain-confirm-before-dosing", &[("what", label(item)), ("span", span_text(span))]),
            None => text_with(
                "explain-confirm-no-first-dose",
                &[("what", lower_case(&label(item))), ("span", span_text(span))],
            ),
        },
        Fact::Dated { item, date, period: p, truth } => {
            let id = match truth {
                Truth::True => "explain-dated-in",
                Truth::False => "explain-dated-not-in",
                _ => "explain-dated-undecided",
            };
            text_with(
                id,
                &[("what", label(item)), ("date", date.to_string()), ("period", period(patient.knowledge, p))],
            )
        }
        Fact::Exposure { row, truth, since, period: window } => {
            let shown = exposure(patient, row, truth, since);
            match window {
                Some(window) => {
                    let id = match truth {
                        Truth::True => "explain-exposure-in",
                        Truth::False => "explain-exposure-not-in",
                        _ => "explain-exposure-undecided",
                    };
                    text_with(id, &[("exposure", shown), ("period", period(patient.knowledge, window))])
                }
                None => shown,
            }
        }
        Fact::Overlap { row, with, from, to, truth } => {
            let name = agent_name(patient, row);
            let backbone: Vec<String> = knowledge.class_labels(with).map(lower_case).collect();
            let backbone = backbone.join(&text("explain-or"));
            match (from, to, truth) {
                (Some(from), Some(to), Truth::True) => text_with(
                    "explain-overlap",
                    &[("name", name), ("backbone", backbone), ("from", from.to_string()), ("to", to.to_string())],
                ),
                (Some(from), Some(to), _) => text_with(
                    "explain-overlap-short",
                    &[("name", name), ("backbone", backbone), ("from", from.to_string()), ("to", to.to_string())],
                ),
                (_, _, Truth::Unknown) => {
                    text_with("explain-overlap-unknown", &[("name", name), ("backbone", backbone)])
                }
                _ => text_with("explain-overlap-none", &[("name", name), ("backbone", backbone)]),
            }
        }
        Fact::OverCap { row, per_day_mg, cap } => {
            let value = ShownValue::One(per_day_mg.shown(Cmp::Gt, cap, MIN_PLACES));
            let mut shown =
                comparison(agent_name(patient, row), value, ShownUnit::MgPerDay, Relation::Holds(Cmp::Gt), cap);
            shown.tail = text("explain-over-cap");
            return Part::Comparison(shown);
        }
        Fact::NoExposure => text("explain-no-exposure"),
        Fact::NoTreatmentHistory => text("explain-no-history"),
        Fact::Classification { item, classification, low, high } => {
            let score = if low == high { entered(low) } else { format!("{}–{}", entered(low), entered(high)) };
            let decided = match classification {
                Classification::Classified => "classification-classified",
                Classification::NotClassified => "classification-not-classified",
                Classification::EntryNotMet => "classification-entry-not-met",
                Classification::Excluded => "classification-excluded",
                Classification::Undetermined => "classification-undetermined",
            };
            text_with(
                "explain-classification",
                &[
                    ("what", label(item)),
                    ("decided", text(decided)),
                    ("score", score),
                    ("contributions", contributions(patient, item, &[])),
                ],
            )
        }
        Fact::InvalidAssessment(item) => text_with("explain-invalid-assessment", &[("what", label(item))]),
        Fact::Change { baseline, current, relative, absolute, threshold, truth } => {
            let measure = |value: Exact, unit: Unit| {
                let holds = value.holds(Cmp::Ge, &threshold);
                let relation = match holds {
                    Some(true) => Relation::Holds(Cmp::Ge),
                    Some(false) => Relation::Holds(Cmp::Lt),
                    None => Relation::Needs(Cmp::Ge),
                };
                comparison(
                    String::new(),
                    ShownValue::One(value.shown(Cmp::Ge, threshold, 1)),
                    ShownUnit::Unit(unit),
                    relation,
                    threshold,
                )
            };
            let verdict = match truth {
                Truth::True => "change-reaches",
                Truth::False => "change-does-not-reach",
                Truth::Judgment => "change-measures-disagree",
                Truth::Unknown => "change-cannot-compare",
            };
            let mut shown_text = text_with(
                "explain-change",
                &[("baseline", label(baseline)), ("current", label(current)), ("verdict", text(verdict))],
            );
            let separator = separator();
            if let Some(relative) = relative {
                let mut shown = measure(relative, Unit::Percent);
                shown.subject = text("explain-relative-change");
                let _ = write!(shown_text, "{separator}{shown}");
            }
            let mut shown = measure(absolute, Unit::Points);
            shown.subject = text("explain-absolute-change");
            let _ = write!(shown_text, "{separator}{shown}");
            shown_text
        }
        Fact::ChangeOutOfOrder { baseline, current } => {
            let dated = |item| patient.date(item).map(|d| d.to_string()).unwrap_or_default();
            text_with(
                "explain-change-out-of-order",
                &[
                    ("baseline", label(baseline)),
                    ("baseline_date", dated(baseline)),
                    ("current", label(current)),
                    ("current_date", dated(current)),
                ],
            )
        }
        Fact::EnrollmentAssumed => text("explain-enrollment-assumed"),
        Fact::ConsentDateMissing => text("explain-no-consent-date"),
        Fact::CourseEndUnknown(anchor) => {
            text_with("explain-course-end-unknown", &[("anchor", capitalised(&anchor_label(knowledge, anchor)))])
        }
        Fact::AnchorMissing(item) => text_with("explain-anchor-missing", &[("what", label(item))]),
        Fact::MethodNotCounted { item, needed } => {
            let def = knowledge.item(item);
            let methods = def.map(|d| d.methods.as_slice()).unwrap_or_default();
            let wanted: Vec<String> = methods
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < 64 && needed & (1 << i) != 0)
                .map(|(_, m)| in_sentence(&m.label))
                .collect();
            let wanted = wanted.join(&text("explain-or"));
            let value = match patient.value(item) {
                Some(Value::Number(m)) => format!(" {}", entered_with_unit(m.value, m.unit)),
                _ => String::new(),
            };
            let result = format!("{}{value}{}", label(item), date_note(patient, item));
            match method_label(patient, item) {
                Some(by) => {
                    text_with("explain-method-not-counted", &[("result", result), ("method", by), ("wanted", wanted)])
                }
                None => text_with("explain-method-not-recorded", &[("result", result), ("wanted", wanted)]),
            }
        }
        Fact::Started { row, start, period: window, truth } => {
            let name = agent_name(patient, row);
            match (start, truth) {
                (Some(start), Truth::True) => text_with(
                    "explain-started-in",
                    &[("name", name), ("start", start.to_string()), ("period", period(patient.knowledge, window))],
                ),
                (Some(start), _) => text_with(
                    "explain-started-not-in",
                    &[("name", name), ("start", start.to_string()), ("period", period(patient.knowledge, window))],
                ),
                (None, _) => text_with("explain-start-not-entered", &[("name", name)]),
            }
        }
        Fact::Attested { item, truth } => match truth {
            Truth::True => text_with("explain-attested", &[("what", label(item))]),
            Truth::False => text_with("explain-not-attested", &[("what", label(item))]),
            _ => text_with("explain-not-yet-attested", &[("what", label(item))]),
        },
        Fact::ConstrainsNothing(note) => {
            let why = compiled.notes.get(usize::from(note)).map_or("", String::as_str);
            text_with("explain-constrains-nothing", &[("why", why.to_owned())])
        }
        Fact::Judgment(text) => {
            let text = compiled.judgment_texts.get(usize::from(text)).map_or("", String::as_str);
            return Part::Question(text.to_owned());
        }
        Fact::Contradiction(index) => {
            let says = knowledge
                .contradictions
                .get(usize::from(index))
                .map_or("", |c| knowledge.contradiction_says(&c.id, &c.says));
            text_with("explain-contradiction", &[("says", says.to_owned())])
        }
        Fact::ConflictingResults(kind) => {
            let label = knowledge.test_kind_label(usize::from(kind));
            text_with("explain-conflicting-results", &[("what", lower_case(label))])
        }
    };
    Part::Text(text)
}

/// "SLEDAI-2K", " (2026-11-02)", " (Arthritis 4, …)": a score's name with the answers it
/// leaves out, its date, and what scored.
fn score_parts(
    compiled: &CompiledProtocol,
    patient: &PatientFacts<'_>,
    item: u16,
    exclusion: u16,
) -> (String, String, String) {
    let excluding = compiled.score_exclusions.get(usize::from(exclusion)).map_or(&[][..], Vec::as_slice);
    (
        format!("{}{}", patient.knowledge.item_label(item), excluded_note(patient, item, excluding)),
        date_note(patient, item),
        contributions(patient, item, excluding),
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
        .map(|key| instrument.item(key).map_or_else(|| key.clone(), |spec| item_label(*instrument, spec).to_owned()))
        .collect();
    text_with("explain-score-without", &[("items", names.join(&list_separator()))])
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
    let parts: Vec<String> = report
        .contributions
        .iter()
        .map(|c| format!("{} {}", contribution_label(*instrument, c), entered(c.points)))
        .collect();
    text_with("explain-contributions", &[("items", parts.join(&list_separator()))])
}

/// A scoring item's name as shown: translated where the language has it.
fn contribution_label(instrument: InstrumentId, contribution: &Contribution) -> &'static str {
    instrument.item(contribution.key).map_or(contribution.label, |spec| item_label(instrument, spec))
}

/// The inputs a kidney-function value was computed from: ": creatinine 0.6 mg/dL (2026-10-28),
/// height 158 cm, age 14.62".
fn kidney_inputs(patient: &PatientFacts<'_>, source: EgfrSource) -> String {
    let Some(items) = patient.knowledge.kidney else { return String::new() };
    let measured = |item: u16| match patient.value(item) {
        Some(Value::Number(m)) => Some(*m),
        _ => None,
    };
    let EgfrSource::Computed(method) = source else {
        return patient.date(items.egfr_reported).map(|d| format!("{}{d}", list_separator())).unwrap_or_default();
    };
    let Some(creatinine) = measured(items.creatinine) else { return String::new() };
    let value = |id: &str, m: crate::model::values::Measurement| {
        text_with(id, &[("value", entered_with_unit(m.value, m.unit))])
    };
    let mut parts = vec![value("kidney-creatinine", creatinine)];
    let on = patient.date(items.creatinine).unwrap_or(patient.dates.screening);
    match method {
        KidneyMethod::BedsideSchwartz => {
            if let Some(height) = measured(items.height) {
                parts.push(value("kidney-height", height));
            }
        }
        KidneyMethod::CockcroftGault => {
            if let Some(weight) = measured(items.weight) {
                parts.push(value("kidney-weight", weight));
            }
        }
        KidneyMethod::CkdEpi2021 | KidneyMethod::CkidU25 => {}
    }
    if let Some(Value::Choice(sex)) = patient.value(items.sex) {
        // English shows the option's id ("female"), as it always has; another language its label.
        let shown = match crate::i18n::language() {
            crate::i18n::Language::En => sex.clone(),
            _ => option_label(patient, items.sex, sex),
        };
        parts.push(shown);
    }
    if let Some(birth) = patient.date_of_birth() {
        let age = computed(crate::model::dates::decimal_age(birth, on));
        parts.push(text_with("kidney-age-on", &[("age", age), ("date", on.to_string())]));
    }
    text_with("kidney-inputs", &[("inputs", parts.join(&list_separator()))])
}

/// " (bedside Schwartz, age under 18: creatinine …)": how a kidney-function value was had.
fn kidney_note(patient: &PatientFacts<'_>, source: EgfrSource) -> String {
    let (id, formula) = match source {
        EgfrSource::LabReported => ("kidney-lab-reported", ""),
        EgfrSource::Computed(KidneyMethod::BedsideSchwartz) => ("kidney-bedside-schwartz", "Schwartz"),
        EgfrSource::Computed(KidneyMethod::CkdEpi2021) => ("kidney-ckd-epi", "CKD-EPI 2021"),
        EgfrSource::Computed(KidneyMethod::CkidU25) => ("kidney-ckid-u25", "CKiD U25"),
        EgfrSource::Computed(KidneyMethod::CockcroftGault) => ("kidney-cockcroft-gault", "Cockcroft–Gault"),
    };
    let method = text_with(id, &[("formula", formula.to_owned())]);
    text_with("kidney-note", &[("method", method), ("inputs", kidney_inputs(patient, source))])
}

/// " (entered 160000 /µL, 2026-10-28)" when the entered unit differs, else the date only.
fn entered_note(patient: &PatientFacts<'_>, item: u16, compared_in: Unit) -> String {
    let date = patient.date(item);
    let note = match patient.value(item) {
        Some(Value::Number(m)) if m.unit != compared_in => {
            let value = entered_with_unit(m.value, m.unit);
            match date {
                Some(d) => text_with("explain-entered-dated", &[("value", value), ("date", d.to_string())]),
                None => text_with("explain-entered", &[("value", value)]),
            }
        }
        _ => date_note(patient, item),
    };
    match method_label(patient, item) {
        Some(by) => text_with("explain-by-method", &[("note", note), ("method", by)]),
        None => note,
    }
}

/// A label lower-cased inside an English sentence ("Pregnancy test (hCG)" reads "pregnancy
/// test (hcg)", as it always has); another language keeps the label as written ("JAK抑制剂").
pub fn lower_case(label: &str) -> String {
    match crate::i18n::language() {
        crate::i18n::Language::En => label.to_lowercase(),
        _ => label.to_owned(),
    }
}

/// An option's label inside a sentence: each word lower-cased except one written in capitals
/// or a Roman numeral (a class "IV" or "V", "HBsAg") keeps its letters: "Class IV" reads
/// "class IV". Another language keeps the label as written ("I级" stays).
fn in_sentence(label: &str) -> String {
    if crate::i18n::language() != crate::i18n::Language::En {
        return label.to_owned();
    }
    label
        .split(' ')
        .map(|word| {
            let capitals = word.chars().skip(1).any(char::is_uppercase);
            let roman = !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
            if capitals || roman { word.to_owned() } else { word.to_lowercase() }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The label of the method recorded with an item's result.
fn method_label(patient: &PatientFacts<'_>, item: u16) -> Option<String> {
    let method = patient.entry(item)?.method.as_deref()?;
    let def = patient.knowledge.item(item)?;
    Some(def.methods.iter().find(|m| m.id == method).map_or_else(|| method.to_owned(), |m| in_sentence(&m.label)))
}

fn date_note(patient: &PatientFacts<'_>, item: u16) -> String {
    patient.date(item).map(|d| text_with("explain-date-note", &[("date", d.to_string())])).unwrap_or_default()
}

fn option_label(patient: &PatientFacts<'_>, item: u16, option: &str) -> String {
    in_sentence(patient.knowledge.option_label(item, option))
}

fn agent_name(patient: &PatientFacts<'_>, row: u16) -> String {
    patient
        .exposures
        .iter()
        .find(|e| e.row == row)
        .and_then(|e| patient.knowledge.agent_name(usize::from(e.agent)))
        .map_or_else(|| text_with("explain-treatment-row", &[("row", (row + 1).to_string())]), str::to_owned)
}

fn exposure(patient: &PatientFacts<'_>, row: u16, truth: Truth, since: Option<chrono::NaiveDate>) -> String {
    let name = agent_name(patient, row);
    let Some(resolved) = patient.exposures.iter().find(|e| e.row == row) else { return name };
    let exposure = resolved.exposure;
    let mut out = name;
    if let Some(dose) = exposure.dose {
        let frequency = word(dose.frequency.message_id());
        let _ = write!(out, " {} {} {frequency}", entered(dose.amount), dose.unit.symbol());
    }
    if exposure.ongoing {
        match since {
            Some(since) => out.push_str(&text_with("exposure-unchanged-since", &[("date", since.to_string())])),
            None => out.push_str(&text("exposure-ongoing")),
        }
    } else if let Some(last) = exposure.last_dose {
        out.push_str(&text_with("exposure-last-dose", &[("date", last.to_string())]));
    }
    if let Some(response) = exposure.response {
        out.push_str(&text_with("explain-response", &[("response", word(response.message_id()).to_owned())]));
    }
    if truth == Truth::Unknown {
        out.push_str(&text("exposure-dates-missing"));
    }
    out
}
