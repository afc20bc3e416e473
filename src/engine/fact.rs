//! The values that decided a result, recorded compactly during evaluation and turned into
//! words only when someone looks (see `explain`).

use crate::calculators::kidney::KidneyMethod;
use crate::engine::compile::CountKind;

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
    /// An entered number (converted to the rule's unit).
    Item(ItemIdx),
    /// An entered number divided by its upper limit of normal.
    UlnRatio(ItemIdx),
    /// A titer's dilution denominator.
    Titer(ItemIdx),
    /// The patient's age in whole years on the anchor date.
    Age(Anchor),
    /// A score; the second field indexes the protocol's lists of left-out answers.
    Score(ItemIdx, u16),
    /// How many listed answers of an instrument are present.
    CountPresent(ItemIdx),
    /// eGFR, and how it was obtained.
    Egfr(EgfrSource),
    /// Cockcroft–Gault creatinine clearance.
    CreatinineClearance,
    /// A count over the treatment history.
    Treatments(CountKind),
}

/// Where an eGFR came from: the laboratory, or an equation from the patient's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EgfrSource {
    /// An eGFR the laboratory reported.
    LabReported,
    /// Computed with this equation.
    Computed(KidneyMethod),
}

/// One deciding value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fact {
    /// A number compared with a threshold; `low..=high` is its range (equal when exact).
    Compared {
        /// What the number was.
        subject: Subject,
        /// The lowest the number can be.
        low: Exact,
        /// The highest the number can be (equal to `low` when exact).
        high: Exact,
        /// The unit of the number and the threshold.
        unit: Unit,
        /// The comparison the rule makes.
        cmp: Cmp,
        /// The rule's threshold.
        threshold: Exact,
        /// The comparison's result.
        truth: Truth,
    },
    /// A number shown for what it is (a `Known` rule).
    Known {
        /// What the number was.
        subject: Subject,
        /// The lowest the number can be.
        low: Exact,
        /// The highest the number can be (equal to `low` when exact).
        high: Exact,
        /// The unit the number is shown in.
        unit: Unit,
    },
    /// An item whose value decided (yes/no, choice, date, event).
    Answer {
        /// The item.
        item: ItemIdx,
        /// What its value made of the rule.
        truth: Truth,
    },
    /// An item that is not entered.
    Missing(ItemIdx),
    /// A result that does not count, and why: undated, dated after today or after the first
    /// dose, or outside the period (`period` is the window it was read in).
    NotCounted {
        /// The result's item.
        item: ItemIdx,
        /// The result's date, if entered.
        date: Option<NaiveDate>,
        /// The window the result was read in.
        period: Period,
        /// Why the result does not count.
        reason: crate::engine::evaluate::NotCounted,
    },
    /// A date after the evaluation day decides nothing.
    DatedAfterToday(NaiveDate),
    /// A conclusion from something's absence in the treatment history needs the list attested
    /// complete; `lapsed` when it was attested and has changed since.
    ListNotAttested {
        /// True when the list was attested and has changed since.
        lapsed: bool,
    },
    /// A negative test dated more than `span` before the first dose (or with the first dose
    /// unknown) must be confirmed before dosing.
    ConfirmBeforeDosing {
        /// The test's item.
        item: ItemIdx,
        /// How long before the first dose a negative test stays good.
        span: crate::model::dates::Span,
    },
    /// An entered date compared with a window.
    Dated {
        /// The date or event item.
        item: ItemIdx,
        /// The date entered.
        date: NaiveDate,
        /// The window it was compared with.
        period: Period,
        /// Whether the date falls in the window.
        truth: Truth,
    },
    /// A treatment-history row that decided a window or stability rule; `period` is the
    /// window its last dose was placed in, when that was the question.
    Exposure {
        /// The row's index in the treatment history.
        row: u16,
        /// What the row made of the rule.
        truth: Truth,
        /// The date since which its dose has not changed, for a stability rule.
        since: Option<NaiveDate>,
        /// The window the row's last dose was placed in, when that was the question.
        period: Option<Period>,
    },
    /// A course and its longest overlap with the backbone treatment of a combination
    /// (`None` when its dates cannot show it).
    Overlap {
        /// The row's index in the treatment history.
        row: u16,
        /// The backbone's classes.
        with: crate::engine::knowledge::ClassMask,
        /// The first day of the longest overlap.
        from: Option<NaiveDate>,
        /// The last day of the longest overlap.
        to: Option<NaiveDate>,
        /// Whether the overlap lasts long enough.
        truth: Truth,
    },
    /// A treatment-history row excluded by a dose cap.
    OverCap {
        /// The row's index in the treatment history.
        row: u16,
        /// The row's dose in mg per day (prednisone-equivalent for glucocorticoids).
        per_day_mg: Exact,
        /// The cap it exceeds, in the same unit.
        cap: Exact,
    },
    /// No row of the treatment history is in the classes.
    NoExposure,
    /// The treatment history is not entered.
    NoTreatmentHistory,
    /// A classification instrument's decision.
    Classification {
        /// The item holding the instrument.
        item: ItemIdx,
        /// The instrument's decision.
        classification: Classification,
        /// The lowest score the unassessed items allow.
        low: f64,
        /// The highest score the unassessed items allow (equal to `low` when complete).
        high: f64,
    },
    /// An instrument's answers cannot be scored.
    InvalidAssessment(ItemIdx),
    /// A relative (percent; none from a zero baseline) and absolute change.
    Change {
        /// The item holding the baseline measurement.
        baseline: ItemIdx,
        /// The item holding the current measurement.
        current: ItemIdx,
        /// The change in percent of the baseline; `None` from a zero baseline.
        relative: Option<Exact>,
        /// The change in the items' unit.
        absolute: Exact,
        /// The rule's threshold.
        threshold: Exact,
        /// Whether the change reaches the threshold.
        truth: Truth,
    },
    /// The "baseline" of a change is dated after the current measurement: a contradiction.
    ChangeOutOfOrder {
        /// The item holding the baseline measurement.
        baseline: ItemIdx,
        /// The item holding the current measurement.
        current: ItemIdx,
    },
    /// The enrollment date is not known, so the screening date stood in.
    EnrollmentAssumed,
    /// The consent date is needed and not entered.
    ConsentDateMissing,
    /// A named anchor date (randomisation, transplant, the current flare) is needed and not
    /// entered; the item holds it.
    AnchorMissing(ItemIdx),
    /// The last dose of a class's courses is not known (one goes on, has no last dose, or
    /// none is listed).
    CourseEndUnknown(Anchor),
    /// A result obtained by a method the criterion does not accept (or with no method
    /// recorded); `needed` is the mask of the item's methods that count.
    MethodNotCounted {
        /// The item holding the result.
        item: ItemIdx,
        /// Bit `i`: the item's method `i` counts.
        needed: u64,
    },
    /// A treatment-history row for a start-in-a-period rule: when its first dose was, and
    /// whether that falls in the period.
    Started {
        /// The row's index in the treatment history.
        row: u16,
        /// Its first dose, if entered.
        start: Option<NaiveDate>,
        /// The period the first dose must fall in.
        period: Period,
        /// What the row made of the rule.
        truth: Truth,
    },
    /// A commitment recorded on a yes/no item (`truth`: recorded yes).
    Attested {
        /// The item.
        item: ItemIdx,
        /// True when recorded yes.
        truth: Truth,
    },
    /// A line that constrains nothing; indexes the protocol's notes.
    ConstrainsNothing(u16),
    /// The rule asks for the investigator's decision; index into the judgment texts.
    Judgment(u16),
    /// A contradiction of the dictionary holds (index into the knowledge's contradictions).
    Contradiction(u16),
    /// The results of a test kind disagree (index into the dictionary's test kinds).
    ConflictingResults(u8),
}
