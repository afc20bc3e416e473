//! The values that decided a result, recorded compactly during evaluation and turned into
//! words only when someone looks (see `explain`).

use chrono::NaiveDate;

use crate::calculators::Classification;
use crate::engine::knowledge::ItemIdx;
use crate::engine::truth::Truth;
use crate::model::exact::Exact;
use crate::model::rule::{Anchor, Cmp, Period};
use crate::model::units::Unit;

/// What a compared number was.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Subject {
    Item(ItemIdx),
    UlnRatio(ItemIdx),
    Titer(ItemIdx),
    Age(Anchor),
    /// A score; the second field indexes the protocol's lists of left-out answers.
    Score(ItemIdx, u16),
    CountPresent(ItemIdx),
    Egfr(KidneyMethod),
    CreatinineClearance,
    Treatments(CountLabel),
}

/// What a treatment count counted, for its explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountLabel {
    Agents,
    Classes,
    /// Agents, with all agents of each class in the mask counted as one.
    PooledAgents(crate::engine::knowledge::ClassMask),
}

/// How a kidney-function value was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KidneyMethod {
    LabReported,
    BedsideSchwartz,
    CkdEpi2021,
    CockcroftGault,
}

/// One deciding value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fact {
    /// A number compared with a threshold; `low..=high` is its range (equal when exact).
    Compared { subject: Subject, low: Exact, high: Exact, unit: Unit, cmp: Cmp, threshold: Exact, truth: Truth },
    /// A number shown for what it is (a `Known` rule).
    Known { subject: Subject, low: Exact, high: Exact, unit: Unit },
    /// An item whose value decided (yes/no, choice, date, event).
    Answer { item: ItemIdx, truth: Truth },
    /// An item that is not entered.
    Missing(ItemIdx),
    /// A result that does not count, and why: undated, dated after today or after the first
    /// dose, or outside the period (`period` is the window it was read in).
    NotCounted { item: ItemIdx, date: Option<NaiveDate>, period: Period, reason: crate::engine::evaluate::NotCounted },
    /// A date after the evaluation day decides nothing.
    DatedAfterToday(NaiveDate),
    /// A conclusion from something's absence in the treatment history needs the list attested
    /// complete; `lapsed` when it was attested and has changed since.
    ListNotAttested { lapsed: bool },
    /// A negative test dated more than `span` before the first dose (or with the first dose
    /// unknown) must be confirmed before dosing.
    ConfirmBeforeDosing { item: ItemIdx, span: crate::model::dates::Span },
    /// An entered date compared with a window.
    Dated { item: ItemIdx, date: NaiveDate, period: Period, truth: Truth },
    /// A treatment-history row that decided a window or stability rule; `period` is the
    /// window its last dose was placed in, when that was the question.
    Exposure { row: u16, truth: Truth, since: Option<NaiveDate>, period: Option<Period> },
    /// A course and its longest overlap with the backbone treatment of a combination
    /// (`None` when its dates cannot show it).
    Overlap {
        row: u16,
        with: crate::engine::knowledge::ClassMask,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        truth: Truth,
    },
    /// A treatment-history row excluded by a dose cap.
    OverCap { row: u16, per_day_mg: Exact, cap: Exact },
    /// No row of the treatment history is in the classes.
    NoExposure,
    /// The treatment history is not entered.
    NoTreatmentHistory,
    /// A classification instrument's decision.
    Classification { item: ItemIdx, classification: Classification, low: f64, high: f64 },
    /// An instrument's answers cannot be scored.
    InvalidAssessment(ItemIdx),
    /// A relative (percent; none from a zero baseline) and absolute change.
    Change {
        baseline: ItemIdx,
        current: ItemIdx,
        relative: Option<Exact>,
        absolute: Exact,
        threshold: Exact,
        truth: Truth,
    },
    /// The "baseline" of a change is dated after the current measurement: a contradiction.
    ChangeOutOfOrder { baseline: ItemIdx, current: ItemIdx },
    /// The enrollment date is not known, so the screening date stood in.
    EnrollmentAssumed,
    /// The consent date is needed and not entered.
    ConsentDateMissing,
    /// The rule asks for the investigator's decision; index into the judgment texts.
    Judgment(u16),
    /// A contradiction of the dictionary holds (index into the knowledge's contradictions).
    Contradiction(u16),
    /// The results of a test kind disagree (index into the dictionary's test kinds).
    ConflictingResults(u8),
}
