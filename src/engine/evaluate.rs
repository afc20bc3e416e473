//! Evaluates compiled rules against a patient in three-valued logic, recording the values
//! that decided each result and the date on which a result that time alone will change
//! would change ("eligible from").

use chrono::NaiveDate;

use crate::calculators::kidney::KidneyMethod;
use crate::calculators::kidney::{self, BodyWeight};
use crate::calculators::{Classification, InstrumentId};
use crate::engine::compile::{Cap, CapTarget, Combined, Count, CountKind, Node, ResolvedChange, ResolvedOperand};
use crate::engine::fact::{EgfrSource, Fact, Subject};
use crate::engine::knowledge::{ClassMask, ItemIdx, KidneyItems, Polarity};
use crate::engine::patient::{ListAttestation, PatientFacts, ResolvedExposure, UlnRatio};
use crate::engine::truth::{Truth, at_least};
use crate::model::dates::{self, Span};
use crate::model::exact::{Exact, decimal_of};
use crate::model::rule::{Anchor, ChangeMeasure, Cmp, Direction, DoseRate, Period};
use crate::model::sex::Sex;
use crate::model::units::{self, Unit};
use crate::model::values::{Occurrence, Value as Entered, YesNo};
use rust_decimal::Decimal;

/// The truth of a node and, for a definite truth, the first date on which the passing of
/// time alone would flip it (a window closing, a birthday, a dose that has been stable
/// long enough).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Eval {
    /// The node's truth.
    pub truth: Truth,
    /// The first date on which time alone would flip the truth; `None` when it never would or the
    /// truth is not definite.
    pub flips_on: Option<NaiveDate>,
}

impl Eval {
    fn of(truth: Truth) -> Self {
        Self { truth, flips_on: None }
    }
}

/// A number as a rule reads it: exact, a range (unassessed items), or not available.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Num {
    /// One value, known exactly: compared once.
    Exact(Exact),
    /// A range, from the lowest to the highest the value can be.
    Range {
        low: Exact,
        high: Exact,
    },
    Unavailable,
}

/// Evaluates nodes, appending deciding facts and missing items to shared buffers.
pub struct Evaluator<'p, 'b> {
    /// The patient's values, indexed.
    pub patient: &'p PatientFacts<'p>,
    /// The buffer deciding facts are appended to.
    pub facts: &'b mut Vec<Fact>,
    /// The buffer missing items are appended to.
    pub missing: &'b mut Vec<ItemIdx>,
    /// The window a result must be dated in where the rule states none: the criterion's own,
    /// else the protocol's current-results window (PROTOCOL-NOTES, "Evidence rules").
    pub window: Period,
}

/// Why a result does not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotCounted {
    /// No date entered: enter the sample date.
    Undated,
    /// Dated after the evaluation day: a date in the future.
    AfterToday,
    /// Dated after the enrollment / first-dose date: not screening evidence.
    AfterEnrollment,
    /// Dated before the window opens: too old, repeat the test.
    TooOld,
    /// Outside the window for another reason (before screening where "during screening" is
    /// asked).
    Outside,
}

/// The current-results window of the seed protocols and the default for a site's: results
/// from 28 days before screening.
pub const DEFAULT_RESULTS_WINDOW: Period = Period::Within(Span::Days(28), Anchor::Screening);

impl<'p> Evaluator<'p, '_> {
    /// Evaluates a node.
    pub fn eval(&mut self, node: &Node) -> Eval {
        match node {
            Node::All(parts) => self.combine(parts, Combine::All),
            Node::Any(parts) => self.combine(parts, Combine::Any),
            Node::AtLeast(n, parts) => self.combine(parts, Combine::AtLeast(*n)),
            Node::FirstKnown(parts) => self.first_known(parts),
            Node::Not(part) => {
                let inner = self.eval(part);
                Eval { truth: !inner.truth, flips_on: inner.flips_on }
            }
            Node::Compare(value, cmp, threshold) => self.compare(value, *cmp, threshold),
            Node::Known(value) => {
                let (num, subject, unit) = self.number(value);
                match num {
                    Num::Exact(value) => {
                        self.facts.push(Fact::Known { subject, low: value, high: value, unit });
                        Eval::of(Truth::True)
                    }
                    Num::Range { low, high } => {
                        self.facts.push(Fact::Known { subject, low, high, unit });
                        let is_exact = low.compare(&high) == Some(std::cmp::Ordering::Equal);
                        Eval::of(if is_exact { Truth::True } else { Truth::Unknown })
                    }
                    Num::Unavailable => Eval::of(Truth::Unknown),
                }
            }
            Node::Yes(item) => self.yes(*item),
            Node::Choice(item, options, polarity) => self.choice(*item, options, *polarity),
            Node::Occurred(item, period) => self.occurred(*item, *period),
            Node::Exposed { classes, when } => self.exposed(*classes, *when),
            Node::Started { classes, when } => self.started(*classes, *when),
            Node::Attested(item) => self.attested(*item),
            Node::Always(note) => {
                self.facts.push(Fact::ConstrainsNothing(*note));
                Eval::of(Truth::True)
            }
            Node::StableTreatment { classes, lasting, before, caps } => self.stable(*classes, *lasting, *before, caps),
            Node::Classified(item, instrument) => self.classified(*item, *instrument),
            Node::Combined(combined) => self.combined(combined),
            Node::Change(change) => self.change(change),
            Node::Judgment(text) => {
                self.facts.push(Fact::Judgment(*text));
                Eval::of(Truth::Judgment)
            }
            Node::JudgmentIf(condition, text) => {
                let inner = self.eval(condition);
                if inner.truth == Truth::True {
                    self.facts.push(Fact::Judgment(*text));
                    Eval::of(Truth::Judgment)
                } else {
                    inner
                }
            }
        }
    }

    /// Combines parts; keeps only the facts of the parts that decided the result, and the
    /// missing items only while the result is unknown.
    fn combine(&mut self, parts: &[Node], how: Combine) -> Eval {
        let facts_start = self.facts.len();
        let missing_start = self.missing.len();
        let mut evals: smallvec::SmallVec<[PartEval; 8]> = smallvec::SmallVec::new();
        for part in parts {
            let (facts_start, missing_start) = (self.facts.len(), self.missing.len());
            let eval = self.eval(part);
            evals.push(PartEval {
                eval,
                facts: facts_start..self.facts.len(),
                missing: missing_start..self.missing.len(),
            });
        }
        let truth = match how {
            Combine::All => evals.iter().fold(Truth::True, |acc, part| acc.and(part.eval.truth)),
            Combine::Any => evals.iter().fold(Truth::False, |acc, part| acc.or(part.eval.truth)),
            Combine::AtLeast(n) => at_least(n, evals.iter().map(|part| part.eval.truth)),
        };
        // The parts that decided: for a definite result, those that agree with it when
        // one part suffices (a false in All, a true in Any), else all of them.
        let deciding = |part: Truth| match (how, truth) {
            (Combine::All, Truth::False) | (Combine::AtLeast(_), Truth::False) => part == Truth::False,
            (Combine::Any, Truth::True) | (Combine::AtLeast(_), Truth::True) => part == Truth::True,
            (_, Truth::Unknown) => part != Truth::True || matches!(how, Combine::All),
            _ => true,
        };
        let flips_on = match (how, truth) {
            // A false All turns true once every false part has turned; a true Any turns false
            // once every true part has turned.
            (Combine::All, Truth::False) | (Combine::Any, Truth::True) => {
                latest(evals.iter().filter(|part| part.eval.truth == truth).map(|part| part.eval.flips_on))
            }
            // A true All turns false as soon as one part does; a false Any turns true as
            // soon as one part does.
            (Combine::All, Truth::True) | (Combine::Any, Truth::False) => {
                evals.iter().filter_map(|part| part.eval.flips_on).min()
            }
            _ => None,
        };
        let mut write = facts_start;
        for part in &evals {
            if deciding(part.eval.truth) {
                // Facts already in place (every part so far kept) are not copied onto themselves.
                if write != part.facts.start {
                    self.facts.copy_within(part.facts.clone(), write);
                }
                write += part.facts.len();
            }
        }
        self.facts.truncate(write);
        if truth == Truth::Unknown {
            let mut write = missing_start;
            for part in &evals {
                if part.eval.truth == Truth::Unknown {
                    if write != part.missing.start {
                        self.missing.copy_within(part.missing.clone(), write);
                    }
                    write += part.missing.len();
                }
            }
            self.missing.truncate(write);
        } else {
            self.missing.truncate(missing_start);
        }
        Eval { truth, flips_on }
    }

    /// The first part that is not unknown decides. A part falls through to the next only
    /// while nothing of it is entered: a checklist filled in but not yet decided, or one that
    /// cannot be scored, is what must be completed or corrected, and never gives way to a
    /// fallback meant for "not filled in". The facts and missing items of the parts passed
    /// over are kept: they say what would let the preferred measure decide instead.
    fn first_known(&mut self, parts: &[Node]) -> Eval {
        for part in parts {
            let facts_start = self.facts.len();
            let eval = self.eval(part);
            let nothing_entered = self
                .facts
                .get(facts_start..)
                .unwrap_or(&[])
                .iter()
                .all(|fact| matches!(fact, Fact::Missing(_) | Fact::NoTreatmentHistory));
            if eval.truth != Truth::Unknown || !nothing_entered {
                return eval;
            }
        }
        Eval::of(Truth::Unknown)
    }

    fn compare(&mut self, value: &ResolvedOperand, cmp: Cmp, threshold: &Exact) -> Eval {
        let (num, subject, unit) = self.number(value);
        // Exact: ratios cross-multiplied, conversions by exact factors (see `model::exact`).
        let (low, high, truth) = match num {
            Num::Exact(value) => {
                let truth = match value.holds(cmp, threshold) {
                    Some(holds) => Truth::from_bool(holds),
                    None => Truth::Unknown,
                };
                (value, value, truth)
            }
            Num::Range { low, high } => {
                let truth = match (low.holds(cmp, threshold), high.holds(cmp, threshold)) {
                    (Some(true), Some(true)) => Truth::True,
                    (Some(false), Some(false)) => Truth::False,
                    _ => Truth::Unknown,
                };
                (low, high, truth)
            }
            Num::Unavailable => return Eval::of(Truth::Unknown),
        };
        self.facts.push(Fact::Compared { subject, low, high, unit, cmp, threshold: *threshold, truth });
        if truth == Truth::Unknown && matches!(value, ResolvedOperand::Treatments(_)) {
            // Only an unlisted agent could change it: say the list needs attesting.
            let _ = self.absence_is_known();
        }
        let flips_on = match value {
            ResolvedOperand::Age(_) if truth.is_definite() => self.age_flip(cmp, *threshold, truth),
            _ => None,
        };
        Eval { truth, flips_on }
    }

    /// The birthday on which an age comparison changes.
    fn age_flip(&self, cmp: Cmp, threshold: Exact, truth: Truth) -> Option<NaiveDate> {
        let birth = self.patient.date_of_birth()?;
        // Age thresholds are whole or fractional years well inside f64's exact range.
        let threshold = threshold.approximate();
        // The smallest whole age for which the comparison holds, or fails, from now on.
        let years = match (cmp, truth) {
            (Cmp::Ge, Truth::False) => threshold.ceil(),
            (Cmp::Gt, Truth::False) => threshold.floor() + 1.0,
            (Cmp::Le, Truth::True) => threshold.floor() + 1.0,
            (Cmp::Lt, Truth::True) => threshold.ceil(),
            _ => return None,
        };
        if !(0.0..=200.0).contains(&years) {
            return None;
        }
        dates::birthday(birth, years as u32)
    }

    // Inlined into its callers: returned through memory, its exact values were written in
    // 4-byte pieces and read back in 16-byte loads the processor cannot forward (a stall of
    // each comparison, by `perf annotate`).
    #[inline(always)]
    fn number(&mut self, value: &ResolvedOperand) -> (Num, Subject, Unit) {
        match value {
            ResolvedOperand::Quantity { item, unit, observed, by } => {
                let measured = self.measurement(*item, *observed).filter(|_| self.method_counts(*item, *by));
                let num = match measured {
                    Some(m) => {
                        let analyte = self.patient.knowledge.item(*item).and_then(|i| i.kind.analyte());
                        self.patient
                            .entered_exact(*item)
                            .and_then(|value| units::convert_exact(value, m.unit, *unit, analyte).ok())
                            .map_or(Num::Unavailable, exact)
                    }
                    None => Num::Unavailable,
                };
                (num, Subject::Item(*item), *unit)
            }
            ResolvedOperand::UlnRatio { item, observed } => {
                let num = match self.measurement(*item, *observed) {
                    Some(_) => match self.patient.uln_ratio(*item) {
                        UlnRatio::Ratio(ratio) => ratio.map_or(Num::Unavailable, exact),
                        UlnRatio::NoUln => self.missing_num(*item),
                    },
                    None => Num::Unavailable,
                };
                (num, Subject::UlnRatio(*item), Unit::Ratio)
            }
            ResolvedOperand::Titer { item, observed } => {
                let num = match self.patient.value(*item) {
                    Some(Entered::Titer(titer)) => {
                        if self.result_counts(*item, *observed) {
                            exact(Exact::integer(i64::from(titer.dilution.unwrap_or(0))))
                        } else {
                            Num::Unavailable
                        }
                    }
                    _ => self.missing_num(*item),
                };
                (num, Subject::Titer(*item), Unit::Titer)
            }
            ResolvedOperand::Age(anchor) => (self.age(*anchor), Subject::Age(*anchor), Unit::Years),
            ResolvedOperand::Score { item, instrument, excluding, exclusion, observed } => {
                let num = match self.assessment(*item, *observed) {
                    Some(answers) => match self.patient.score(*item, *instrument, answers, excluding) {
                        Some(scored) => scored.exact.map_or(Num::Unavailable, |(low, high)| Num::Range { low, high }),
                        None => {
                            self.facts.push(Fact::InvalidAssessment(*item));
                            Num::Unavailable
                        }
                    },
                    None => Num::Unavailable,
                };
                (num, Subject::Score(*item, *exclusion), Unit::Points)
            }
            ResolvedOperand::CountPresent { item, instrument, answers, outside } => {
                let num = match self.assessment(*item, None) {
                    Some(entered) => count_present(*instrument, entered, answers, *outside),
                    None => Num::Unavailable,
                };
                (num, Subject::CountPresent(*item), Unit::Count)
            }
            ResolvedOperand::Egfr(items) => {
                let (num, method) = self.egfr(*items);
                (num, Subject::Egfr(method), Unit::MlPerMinPer173)
            }
            ResolvedOperand::CreatinineClearance(items) => {
                (self.creatinine_clearance(*items), Subject::CreatinineClearance, Unit::MlPerMin)
            }
            ResolvedOperand::Treatments(count) => (self.count(count), Subject::Treatments(count.by), Unit::Count),
        }
    }

    fn missing_num(&mut self, item: ItemIdx) -> Num {
        self.facts.push(Fact::Missing(item));
        self.missing.push(item);
        Num::Unavailable
    }

    /// A number item's measurement if entered and dated as the period requires.
    fn measurement(&mut self, item: ItemIdx, observed: Option<Period>) -> Option<crate::model::values::Measurement> {
        match self.patient.value(item) {
            Some(Entered::Number(m)) => self.result_counts(item, observed).then_some(*m),
            _ => {
                self.missing_num(item);
                None
            }
        }
    }

    /// Whether the method recorded with an item's result is one of `needed` (a mask over the
    /// item's methods; 0: any). Records why not; the result then counts as missing.
    fn method_counts(&mut self, item: ItemIdx, needed: u64) -> bool {
        if needed == 0 {
            return true;
        }
        let patient = self.patient;
        let methods = patient.knowledge.item(item).map(|def| def.methods.as_slice()).unwrap_or_default();
        let recorded = patient.entry(item).and_then(|entry| entry.method.as_deref());
        let position = recorded.and_then(|method| methods.iter().position(|m| m.id == method));
        if position.is_some_and(|position| position < 64 && needed & (1 << position) != 0) {
            return true;
        }
        self.facts.push(Fact::MethodNotCounted { item, needed });
        self.missing.push(item);
        false
    }

    /// An instrument's answers if entered and dated as the period requires.
    fn assessment(&mut self, item: ItemIdx, observed: Option<Period>) -> Option<&'p crate::calculators::Answers> {
        let patient = self.patient;
        match patient.value(item) {
            Some(Entered::Instrument(assessment)) => self.result_counts(item, observed).then_some(&assessment.answers),
            _ => {
                self.missing_num(item);
                None
            }
        }
    }

    /// Whether an entered result may be read: an item the dictionary marks as a result counts
    /// only with its date, inside `observed` or else the criterion's window, and never dated
    /// after the evaluation day or the first dose. Records why not; a result that does not
    /// count is missing (a new or dated result is what the criterion needs).
    #[inline]
    fn result_counts(&mut self, item: ItemIdx, observed: Option<Period>) -> bool {
        let period = observed.unwrap_or(self.window);
        match self.patient.result_status(item, period) {
            None => true,
            Some(reason) => self.not_counted(item, period, reason),
        }
    }

    /// Records why a result does not count, and what would let it: out of line, so the path
    /// taken for results that count stays short.
    #[inline(never)]
    fn not_counted(&mut self, item: ItemIdx, period: Period, reason: NotCounted) -> bool {
        self.facts.push(Fact::NotCounted { item, date: self.patient.date(item), period, reason });
        self.missing.push(item);
        self.note_missing_anchor(period);
        false
    }

    /// Where a period counts from a named date not yet entered, says so and asks for it: in
    /// every criterion that needs it (explanations drop repeats), never only in the first.
    fn note_missing_anchor(&mut self, period: Period) {
        let anchor = match period {
            Period::Within(_, anchor) | Period::AtLeastBefore(_, anchor) | Period::Since(anchor) => anchor,
            Period::Ever | Period::DuringScreening => return,
        };
        if self.patient.anchor(anchor).is_some() {
            return;
        }
        if let Some((fact, item)) = self.missing_anchor(anchor) {
            self.facts.push(fact);
            self.missing.extend(item);
        }
    }

    /// What says a named anchor's date is not known, and the item that would give it: a named
    /// date's own item; for a course's end, the treatment history. `None` for the visit's
    /// reference dates.
    fn missing_anchor(&self, anchor: Anchor) -> Option<(Fact, Option<ItemIdx>)> {
        let knowledge = self.patient.knowledge;
        match anchor {
            Anchor::Date(name) => knowledge.item_idx(name.item()).map(|item| (Fact::AnchorMissing(item), Some(item))),
            Anchor::CourseEnd(_) => Some((Fact::CourseEndUnknown(anchor), knowledge.treatment_history)),
            Anchor::Screening | Anchor::Consent | Anchor::Enrollment => None,
        }
    }

    fn age(&mut self, anchor: Anchor) -> Num {
        let Some(birth_item) = self.patient.knowledge.date_of_birth else { return Num::Unavailable };
        let Some(birth) = self.patient.date_of_birth() else { return self.missing_num(birth_item) };
        let Some(on) = self.anchor_date(anchor) else { return Num::Unavailable };
        self.patient.age_on(birth, on).map_or(Num::Unavailable, |years| exact(Exact::integer(i64::from(years))))
    }

    fn anchor_date(&mut self, anchor: Anchor) -> Option<NaiveDate> {
        match self.patient.anchor(anchor) {
            Some((date, assumed)) => {
                // Said by every part that counts from it (explanations drop repeats): a part
                // kept alone still says which date it used.
                if assumed {
                    self.facts.push(Fact::EnrollmentAssumed);
                }
                Some(date)
            }
            None => {
                match anchor {
                    // A named date, or the end of a course: that, and the item to enter.
                    Anchor::Date(_) | Anchor::CourseEnd(_) => {
                        if let Some((fact, item)) = self.missing_anchor(anchor) {
                            self.facts.push(fact);
                            self.missing.extend(item);
                        }
                    }
                    _ => self.facts.push(Fact::ConsentDateMissing),
                }
                None
            }
        }
    }

    /// Whether a date lies in a period, and when that changes with time. Every period ends at
    /// the first dose when that is known (or the evaluation day): "within 3 months before
    /// screening or during screening" does not reach past it. A date after the evaluation day
    /// decides nothing: it is checked, not believed.
    fn in_period(&mut self, date: NaiveDate, period: Period) -> Eval {
        if date > self.patient.evaluation_day {
            self.facts.push(Fact::DatedAfterToday(date));
            return Eval::of(Truth::Unknown);
        }
        let upper_end = self.patient.upper_end();
        match period {
            Period::Ever => Eval::of(Truth::True),
            Period::Within(span, anchor) => {
                let Some(on) = self.anchor_date(anchor) else { return Eval::of(Truth::Unknown) };
                let within = dates::is_within(date, span, on) && date <= upper_end;
                Eval {
                    truth: Truth::from_bool(within),
                    flips_on: if within { dates::first_date_outside_window(date, span) } else { None },
                }
            }
            Period::AtLeastBefore(span, anchor) => {
                let Some(on) = self.anchor_date(anchor) else { return Eval::of(Truth::Unknown) };
                let long_enough = span.before(on).is_some_and(|cutoff| date <= cutoff);
                Eval {
                    truth: Truth::from_bool(long_enough),
                    flips_on: if long_enough { None } else { dates::first_date_lasting(date, span) },
                }
            }
            Period::DuringScreening => {
                let after_start = date >= self.patient.dates.screening;
                Eval::of(Truth::from_bool(after_start && date <= upper_end))
            }
            Period::Since(anchor) => {
                let Some(on) = self.anchor_date(anchor) else { return Eval::of(Truth::Unknown) };
                Eval::of(Truth::from_bool(date >= on && date <= upper_end))
            }
        }
    }

    /// Whether the absence of something from the treatment history may be concluded: only
    /// when the investigator attested the list complete and it has not changed since.
    /// Records what is needed when not.
    fn absence_is_known(&mut self) -> bool {
        if self.patient.history_is_complete() {
            return true;
        }
        self.facts.push(Fact::ListNotAttested { lapsed: self.patient.history_attestation == ListAttestation::Lapsed });
        if let Some(item) = self.patient.knowledge.treatment_history {
            self.missing.push(item);
        }
        false
    }

    fn yes(&mut self, item: ItemIdx) -> Eval {
        let truth = match self.patient.value(item) {
            Some(Entered::YesNo(answer)) if !self.result_counts(item, None) => {
                // An undated or out-of-window finding counts as not entered.
                let _ = answer;
                return Eval::of(Truth::Unknown);
            }
            Some(Entered::YesNo(YesNo::Yes)) => Truth::True,
            Some(Entered::YesNo(YesNo::No)) => Truth::False,
            Some(Entered::YesNo(YesNo::Unknown)) => {
                self.missing.push(item);
                Truth::Unknown
            }
            _ => {
                self.missing_num(item);
                return Eval::of(Truth::Unknown);
            }
        };
        self.facts.push(Fact::Answer { item, truth });
        Eval::of(truth)
    }

    fn choice(&mut self, item: ItemIdx, options: &[String], polarity: Polarity) -> Eval {
        // Items reporting one kind of test are read together: a negative result is asked for
        // only where no result of the kind is positive, and a positive result of the kind
        // counts wherever it was entered (each only while dated in the window).
        let kind = self.patient.knowledge.test_kind_of(item);
        if let Some(kind) = kind
            && polarity != Polarity::Other
        {
            let window = self.window;
            let positive =
                self.patient.positive_result(kind, |result| self.patient.result_status(result, window).is_none());
            if let Some(positive) = positive {
                let truth = Truth::from_bool(polarity == Polarity::Positive);
                self.facts.push(Fact::Answer { item: positive, truth });
                return Eval::of(truth);
            }
        }
        match self.patient.value(item) {
            Some(Entered::Choice(_)) if !self.result_counts(item, None) => Eval::of(Truth::Unknown),
            Some(Entered::Choice(chosen)) => {
                let truth = Truth::from_bool(options.iter().any(|o| o == chosen));
                self.facts.push(Fact::Answer { item, truth });
                if truth == Truth::True && polarity == Polarity::Negative {
                    self.confirm_before_dosing(item, kind);
                }
                Eval::of(truth)
            }
            _ => {
                self.missing_num(item);
                Eval::of(Truth::Unknown)
            }
        }
    }

    /// A negative test dated more than its kind allows before the first dose (a pregnancy
    /// test more than 7 days before) must be confirmed again before dosing.
    fn confirm_before_dosing(&mut self, item: ItemIdx, kind: Option<usize>) {
        let span = kind
            .and_then(|kind| self.patient.knowledge.dictionary.test_kinds.get(kind))
            .and_then(|kind| kind.confirm_before_dosing);
        let (Some(span), Some(tested)) = (span, self.patient.date(item)) else { return };
        let needed = match self.patient.dates.enrollment {
            Some(first_dose) => span.before(first_dose).is_some_and(|cutoff| tested < cutoff),
            None => true,
        };
        if needed {
            self.facts.push(Fact::ConfirmBeforeDosing { item, span });
        }
    }

    fn occurred(&mut self, item: ItemIdx, period: Period) -> Eval {
        let date = match self.patient.value(item) {
            Some(Entered::Date(date)) | Some(Entered::Event(Occurrence::On(date))) => *date,
            Some(Entered::Event(Occurrence::Never)) => {
                self.facts.push(Fact::Answer { item, truth: Truth::False });
                return Eval::of(Truth::False);
            }
            Some(Entered::Event(Occurrence::Ongoing(since))) => {
                let truth = match (period, since) {
                    (Period::AtLeastBefore(..), Some(since)) => return self.dated(item, *since, period),
                    (Period::AtLeastBefore(..), None) => Truth::Unknown,
                    _ => Truth::True,
                };
                self.facts.push(Fact::Answer { item, truth });
                return Eval::of(truth);
            }
            Some(Entered::Event(Occurrence::DateUnknown)) => {
                let truth = if period == Period::Ever { Truth::True } else { Truth::Unknown };
                if truth == Truth::Unknown {
                    self.missing.push(item);
                }
                self.facts.push(Fact::Answer { item, truth });
                return Eval::of(truth);
            }
            _ => {
                self.missing_num(item);
                return Eval::of(Truth::Unknown);
            }
        };
        self.dated(item, date, period)
    }

    fn dated(&mut self, item: ItemIdx, date: NaiveDate, period: Period) -> Eval {
        let eval = self.in_period(date, period);
        self.facts.push(Fact::Dated { item, date, period, truth: eval.truth });
        eval
    }

    /// Rows of the treatment history in `classes`, or `None` (recorded) when no history
    /// was entered.
    fn rows(&mut self, classes: ClassMask) -> Option<Rows<'p>> {
        if !self.patient.has_treatment_history {
            self.facts.push(Fact::NoTreatmentHistory);
            if let Some(item) = self.patient.knowledge.treatment_history {
                self.missing.push(item);
            }
            return None;
        }
        let patient: &'p PatientFacts<'p> = self.patient;
        Some(Rows { all: patient.exposures.iter(), classes })
    }

    fn exposed(&mut self, classes: ClassMask, when: Period) -> Eval {
        let Some(rows) = self.rows(classes) else { return Eval::of(Truth::Unknown) };
        if rows.is_empty() {
            // Absence is evidence only in a list attested complete.
            if !self.absence_is_known() {
                return Eval::of(Truth::Unknown);
            }
            self.facts.push(Fact::NoExposure);
            return Eval::of(Truth::False);
        }
        let mut truth = Truth::False;
        let mut flips: smallvec::SmallVec<[Option<NaiveDate>; 4]> = smallvec::SmallVec::new();
        for row in rows.clone() {
            let row_eval = self.taken_in(row.exposure, when);
            self.facts.push(Fact::Exposure { row: row.row, truth: row_eval.truth, since: None, period: Some(when) });
            if row_eval.truth == Truth::True {
                flips.push(row_eval.flips_on);
            }
            truth = truth.or(row_eval.truth);
        }
        // No listed row in the period: a conclusion from absence, so the list must be complete.
        if truth == Truth::False && !self.absence_is_known() {
            return Eval::of(Truth::Unknown);
        }
        let flips_on = if truth == Truth::True { latest(flips.into_iter()) } else { None };
        Eval { truth, flips_on }
    }

    /// Whether a course was taken at some time in a period: its last dose (or its being
    /// ongoing) in a window; its start before a cutoff; its course meeting a span of days.
    fn taken_in(&mut self, exposure: &crate::model::values::Exposure, when: Period) -> Eval {
        let upper_end = self.patient.upper_end();
        // A course overlaps [from, upper end] when it ends on or after `from` and starts by the end.
        let overlaps_from = |from: NaiveDate| {
            if !exposure.ongoing && exposure.last_dose.is_none() {
                return Eval::of(Truth::Unknown);
            }
            let ends_after_start = exposure.ongoing || exposure.last_dose.is_some_and(|d| d >= from);
            let starts_before_end = exposure.start.is_none_or(|start| start <= upper_end);
            Eval::of(Truth::from_bool(ends_after_start && starts_before_end))
        };
        match when {
            Period::Ever => Eval::of(Truth::True),
            Period::Within(..) => match (exposure.ongoing, exposure.last_dose) {
                (true, _) => Eval::of(Truth::True),
                (false, Some(last)) => self.in_period(last, when),
                (false, None) => Eval::of(Truth::Unknown),
            },
            Period::DuringScreening => overlaps_from(self.patient.dates.screening),
            Period::Since(anchor) => match self.anchor_date(anchor) {
                Some(on) => overlaps_from(on),
                None => Eval::of(Truth::Unknown),
            },
            Period::AtLeastBefore(..) => match exposure.start {
                Some(start) => self.in_period(start, when),
                None => Eval::of(Truth::Unknown),
            },
        }
    }

    /// A course of the classes *started* in the period: its first dose falls in it. A course
    /// begun earlier that continues is not a start; a row without a start date is unknown.
    fn started(&mut self, classes: ClassMask, when: Period) -> Eval {
        let Some(rows) = self.rows(classes) else { return Eval::of(Truth::Unknown) };
        let mut truth = Truth::False;
        for row in rows.clone() {
            let start = row.exposure.start;
            let row_truth = match start {
                Some(start) => self.in_period(start, when).truth,
                None => {
                    if let Some(item) = self.patient.knowledge.treatment_history {
                        self.missing.push(item);
                    }
                    Truth::Unknown
                }
            };
            self.facts.push(Fact::Started { row: row.row, start, period: when, truth: row_truth });
            truth = truth.or(row_truth);
        }
        // No listed start in the period: a conclusion from absence, so the list must be complete.
        if truth == Truth::False && !self.absence_is_known() {
            return Eval::of(Truth::Unknown);
        }
        if rows.is_empty() && truth == Truth::False {
            self.facts.push(Fact::NoExposure);
        }
        Eval::of(truth)
    }

    /// A commitment recorded on a yes/no item: yes holds, no does not, unknown or not
    /// recorded is missing.
    fn attested(&mut self, item: ItemIdx) -> Eval {
        let truth = match self.patient.value(item) {
            Some(Entered::YesNo(YesNo::Yes)) => Truth::True,
            Some(Entered::YesNo(YesNo::No)) => Truth::False,
            _ => {
                self.missing.push(item);
                Truth::Unknown
            }
        };
        self.facts.push(Fact::Attested { item, truth });
        Eval::of(truth)
    }

    fn stable(&mut self, classes: ClassMask, lasting: Span, before: Anchor, caps: &[Cap]) -> Eval {
        let facts_start = self.facts.len();
        let Some(rows) = self.rows(classes) else { return Eval::of(Truth::Unknown) };
        let Some(anchor) = self.anchor_date(before) else { return Eval::of(Truth::Unknown) };
        let mut truth = Truth::False;
        let mut earliest_pass: Option<NaiveDate> = None;
        let weight = match self.patient.knowledge.weight {
            Some(item) if self.patient.value(item).is_some() => {
                self.number_in(item, Unit::Kg).and_then(Exact::from_f64)
            }
            _ => None,
        };
        for row in rows.clone() {
            let exposure = row.exposure;
            if !exposure.is_ongoing_on(anchor) {
                continue;
            }
            let cap_truth = match caps.iter().find(|cap| cap_applies(cap, row)) {
                None => Truth::True,
                Some(cap) => self.within_cap(row, cap, weight),
            };
            // Stability needs the date the dose last changed; the start date never stands in.
            let (since_truth, pass_on) = match exposure.dose_since {
                Some(since) => {
                    let long_enough = lasting.before(anchor).is_some_and(|cutoff| since <= cutoff);
                    (
                        Truth::from_bool(long_enough),
                        if long_enough { None } else { dates::first_date_lasting(since, lasting) },
                    )
                }
                None => (Truth::Unknown, None),
            };
            let row_truth = cap_truth.and(since_truth);
            if row_truth != Truth::False || cap_truth == Truth::True {
                self.facts.push(Fact::Exposure {
                    row: row.row,
                    truth: row_truth,
                    since: exposure.dose_since,
                    period: None,
                });
            }
            if row_truth == Truth::False && cap_truth == Truth::True {
                earliest_pass = match (earliest_pass, pass_on) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            truth = truth.or(row_truth);
        }
        // No qualifying agent listed: a conclusion from absence, so the list must be complete.
        if truth == Truth::False && !self.absence_is_known() {
            return Eval::of(Truth::Unknown);
        }
        let own_facts = self.facts.get(facts_start..).unwrap_or(&[]);
        if truth == Truth::False && !own_facts.iter().any(|f| matches!(f, Fact::Exposure { .. } | Fact::OverCap { .. }))
        {
            self.facts.push(Fact::NoExposure);
        }
        Eval { truth, flips_on: if truth == Truth::False { earliest_pass } else { None } }
    }

    fn within_cap(&mut self, row: &ResolvedExposure<'_>, cap: &Cap, weight: Option<Exact>) -> Truth {
        let Some(dose) = row.exposure.dose else { return Truth::Unknown };
        let catalogue = &self.patient.knowledge.catalogue;
        let rate = self.patient.dose_rate(row.row, cap.per, weight, || {
            let per_day = dose.mg_per_day_exact(weight);
            match cap.per {
                DoseRate::MgPerDay => per_day,
                DoseRate::MgPerWeek => per_day.and_then(|d| d.times(Decimal::new(7, 0))),
                DoseRate::MgPerKgPerDay => weight.and_then(|w| {
                    let w = w.as_decimal().filter(|w| *w > Decimal::ZERO)?;
                    per_day?.divided_by(w)
                }),
                DoseRate::PrednisoneMgPerDay => {
                    // Prednisone-equivalent = dose × 5 / the agent's dose equivalent to 5 mg.
                    let equivalent = catalogue
                        .agents
                        .get(usize::from(row.agent))
                        .and_then(|a| a.prednisone_equivalent_dose_mg)
                        .and_then(decimal_of)
                        .filter(|eq| *eq > Decimal::ZERO);
                    match (per_day, equivalent) {
                        (Some(per_day), Some(eq)) => per_day.times(Decimal::new(5, 0)).and_then(|d| d.divided_by(eq)),
                        _ => None,
                    }
                }
            }
        });
        let Some(rate) = rate else { return Truth::Unknown };
        let Some(within) = rate.holds(Cmp::Le, &cap.max) else { return Truth::Unknown };
        if !within {
            self.facts.push(Fact::OverCap { row: row.row, per_day_mg: rate, cap: cap.max });
        }
        Truth::from_bool(within)
    }

    fn count(&mut self, count: &Count) -> Num {
        let Some(rows) = self.rows(count.classes) else { return Num::Unavailable };
        let screening = self.patient.dates.screening;
        let mut definite = Counted::default();
        let mut possible = Counted::default();
        for row in rows.clone().filter(|row| row.classes & count.except == 0) {
            let exposure = row.exposure;
            let response = if count.responses.is_empty() {
                Truth::True
            } else {
                match exposure.response {
                    Some(response) => Truth::from_bool(count.responses.contains(&response)),
                    None => Truth::Unknown,
                }
            };
            let duration = match count.lasting {
                None => Truth::True,
                Some(span) => match (exposure.start, exposure.latest_exposure(screening)) {
                    (Some(start), Some(end)) => Truth::from_bool(
                        span.after(start).is_some_and(|d| if count.lasting_strictly { d < end } else { d <= end }),
                    ),
                    _ => Truth::Unknown,
                },
            };
            let in_period = match count.during {
                None => Truth::True,
                Some(when) => self.taken_in(exposure, when).truth,
            };
            let counts = response.and(duration).and(in_period);
            if counts == Truth::False {
                continue;
            }
            if counts == Truth::True {
                self.facts.push(Fact::Exposure { row: row.row, truth: Truth::True, since: None, period: None });
                definite.add(count, row);
            }
            possible.add(count, row);
        }
        // Agents not listed may still have been taken unless the list is attested complete.
        if self.patient.history_is_complete() {
            counted(definite.len(), possible.len())
        } else {
            Num::Range { low: count_of(definite.len()), high: UNBOUNDED_COUNT }
        }
    }

    /// Courses taken with a backbone: each group needs its number of distinct agents whose
    /// course overlaps the backbone (its courses merged where they meet) for `lasting`. A
    /// course or backbone without the dates to show it is unknown, never "not overlapping".
    fn combined(&mut self, combined: &Combined) -> Eval {
        let Some(rows) = self.rows(ClassMask::MAX) else { return Eval::of(Truth::Unknown) };
        let ongoing_until = self.patient.dates.screening;
        let course = |exposure: &crate::model::values::Exposure| -> Option<(NaiveDate, NaiveDate)> {
            let start = exposure.start?;
            let end = if exposure.ongoing { ongoing_until } else { exposure.last_dose? };
            (end >= start).then_some((start, end))
        };
        let mut backbone: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        let mut backbone_incomplete = false;
        for row in rows.clone().filter(|row| row.classes & combined.backbone != 0) {
            match course(row.exposure) {
                Some(interval) => backbone.push(interval),
                None => backbone_incomplete = true,
            }
        }
        let backbone = merge_intervals(backbone);
        let mut truth = Truth::True;
        for &(classes, except, needed) in &combined.groups {
            let mut definite: smallvec::SmallVec<[u16; 8]> = smallvec::SmallVec::new();
            let mut possible: smallvec::SmallVec<[u16; 8]> = smallvec::SmallVec::new();
            for row in rows.clone().filter(|row| row.classes & classes != 0 && row.classes & except == 0) {
                let longest = course(row.exposure).and_then(|interval| longest_overlap(interval, &backbone));
                let long_enough =
                    longest.is_some_and(|(from, to)| combined.lasting.after(from).is_some_and(|d| d <= to));
                let row_truth = if long_enough {
                    Truth::True
                } else if course(row.exposure).is_none() || backbone_incomplete {
                    Truth::Unknown
                } else {
                    Truth::False
                };
                self.facts.push(Fact::Overlap {
                    row: row.row,
                    with: combined.backbone,
                    from: longest.map(|(from, _)| from),
                    to: longest.map(|(_, to)| to),
                    truth: row_truth,
                });
                if row_truth == Truth::True {
                    definite.push(row.agent);
                }
                if row_truth != Truth::False {
                    possible.push(row.agent);
                }
            }
            for agents in [&mut definite, &mut possible] {
                agents.sort_unstable();
                agents.dedup();
            }
            let needed = usize::try_from(needed).unwrap_or(usize::MAX);
            let group_truth = if definite.len() >= needed {
                Truth::True
            } else if possible.len() < needed && self.absence_is_known() {
                Truth::False
            } else {
                Truth::Unknown
            };
            truth = truth.and(group_truth);
        }
        if truth == Truth::Unknown
            && let Some(item) = self.patient.knowledge.treatment_history
        {
            self.missing.push(item);
        }
        Eval::of(truth)
    }

    fn classified(&mut self, item: ItemIdx, instrument: InstrumentId) -> Eval {
        let Some(answers) = self.assessment(item, None) else { return Eval::of(Truth::Unknown) };
        let Some(report) = self.patient.score(item, instrument, answers, &[]) else {
            self.facts.push(Fact::InvalidAssessment(item));
            return Eval::of(Truth::Unknown);
        };
        let classification = report.classification.unwrap_or(Classification::Undetermined);
        let truth = match classification {
            Classification::Classified => Truth::True,
            Classification::NotClassified | Classification::EntryNotMet | Classification::Excluded => Truth::False,
            Classification::Undetermined => {
                self.missing.push(item);
                Truth::Unknown
            }
        };
        self.facts.push(Fact::Classification { item, classification, low: report.min, high: report.max });
        Eval::of(truth)
    }

    fn change(&mut self, change: &ResolvedChange) -> Eval {
        let baseline = self.measurement(change.baseline, change.baseline_observed);
        let current = self.measurement(change.current, change.current_observed);
        let (Some(baseline), Some(current)) = (baseline, current) else { return Eval::of(Truth::Unknown) };
        // A "baseline" measured after the current value is a contradiction to resolve, not a
        // decline.
        if let (Some(baseline_date), Some(current_date)) =
            (self.patient.date(change.baseline), self.patient.date(change.current))
            && baseline_date > current_date
        {
            self.facts.push(Fact::ChangeOutOfOrder { baseline: change.baseline, current: change.current });
            return Eval::of(Truth::Judgment);
        }
        let (Some(baseline_value), Some(current_value)) = (
            self.patient.entered_exact(change.baseline),
            self.patient
                .entered_exact(change.current)
                .and_then(|v| units::convert_exact(v, current.unit, baseline.unit, None).ok()),
        ) else {
            return Eval::of(Truth::Unknown);
        };
        let Some(difference) = current_value.minus(baseline_value) else { return Eval::of(Truth::Unknown) };
        let absolute = match change.direction {
            Direction::Increase => difference,
            Direction::Decrease => difference.negated(),
        };
        // 100 × change / baseline, kept as a fraction; no relative change from a zero baseline.
        let relative = baseline_value
            .as_decimal()
            .filter(|base| *base > Decimal::ZERO)
            .and_then(|base| absolute.times(Decimal::ONE_HUNDRED).and_then(|a| a.divided_by(base)));
        let mut truth: Option<Truth> = None;
        for measure in &change.measures {
            let value = match measure {
                ChangeMeasure::Relative => relative,
                ChangeMeasure::Absolute => Some(absolute),
            };
            let holds = match value.and_then(|v| v.holds(Cmp::Ge, &change.at_least)) {
                Some(holds) => Truth::from_bool(holds),
                None => Truth::Unknown,
            };
            truth = Some(match truth {
                None => holds,
                Some(previous) if previous == holds => previous,
                // The measures disagree on the threshold: the investigator decides.
                Some(previous) if previous.is_definite() && holds.is_definite() => Truth::Judgment,
                Some(previous) => previous.and(holds),
            });
        }
        let truth = truth.unwrap_or(Truth::Unknown);
        self.facts.push(Fact::Change {
            baseline: change.baseline,
            current: change.current,
            relative,
            absolute,
            threshold: change.at_least,
            truth,
        });
        Eval::of(truth)
    }

    fn egfr(&mut self, items: KidneyItems) -> (Num, EgfrSource) {
        // A lab-reported eGFR wins while it counts (dated in the window); otherwise it is
        // computed from creatinine.
        let window = self.window;
        if let Some(Entered::Number(reported)) = self.patient.value(items.egfr_reported)
            && self.patient.result_status(items.egfr_reported, window).is_none()
            && let Some(value) = self
                .patient
                .entered_exact(items.egfr_reported)
                .and_then(|value| units::convert_exact(value, reported.unit, Unit::MlPerMinPer173, None).ok())
        {
            return (exact(value), EgfrSource::LabReported);
        }
        let Some((creatinine, age)) = self.creatinine_and_age(items) else {
            return (Num::Unavailable, EgfrSource::Computed(KidneyMethod::CkdEpi2021));
        };
        if age < 18.0 {
            // The height is converted only the first time: the result is kept.
            let value = match self.measurement(items.height, None) {
                Some(height) => self.patient.kidney_value(KidneyMethod::BedsideSchwartz, || {
                    let height = positive_in(height, Unit::Cm)?;
                    kidney::bedside_schwartz(creatinine, height).ok().map(|r| r.value)
                }),
                None => None,
            };
            (formula(value), EgfrSource::Computed(KidneyMethod::BedsideSchwartz))
        } else {
            match self.sex(items.sex) {
                Some(sex) => {
                    let value = self.patient.kidney_value(KidneyMethod::CkdEpi2021, || {
                        kidney::ckd_epi_2021(creatinine, age, sex).ok().map(|r| r.value)
                    });
                    (formula(value), EgfrSource::Computed(KidneyMethod::CkdEpi2021))
                }
                None => (self.missing_num(items.sex), EgfrSource::Computed(KidneyMethod::CkdEpi2021)),
            }
        }
    }

    fn creatinine_clearance(&mut self, items: KidneyItems) -> Num {
        let inputs = self.creatinine_and_age(items);
        let weight = self.measurement(items.weight, None);
        let sex = self.sex(items.sex);
        if sex.is_none() {
            self.missing_num(items.sex);
        }
        match (inputs, weight, sex) {
            // The weight is converted only the first time: the result is kept.
            (Some((creatinine, age)), Some(weight), Some(sex)) => {
                formula(self.patient.kidney_value(KidneyMethod::CockcroftGault, || {
                    let weight = positive_in(weight, Unit::Kg)?;
                    kidney::cockcroft_gault(creatinine, age, sex, BodyWeight::actual(weight)).ok().map(|r| r.value)
                }))
            }
            _ => Num::Unavailable,
        }
    }

    /// Creatinine in mg/dL and the decimal age on the sample date (the screening date when
    /// the sample is undated), when the creatinine counts (see [`Self::measurement`]) and the
    /// date of birth is known.
    fn creatinine_and_age(&mut self, items: KidneyItems) -> Option<(f64, f64)> {
        let creatinine = self.measurement(items.creatinine, None);
        let birth = self.patient.date_of_birth();
        if birth.is_none() {
            self.missing_num(items.date_of_birth);
        }
        let (m, birth) = (creatinine?, birth?);
        let patient = self.patient;
        // The values do not depend on the window the creatinine was read in: found once.
        patient.kidney_inputs(|| {
            let analyte = patient.knowledge.item(items.creatinine).and_then(|i| i.kind.analyte());
            let creatinine = units::convert(m.value, m.unit, Unit::MgPerDl, analyte).ok()?;
            let on = patient.date(items.creatinine).unwrap_or(patient.dates.screening);
            if creatinine <= 0.0 || on < birth {
                return None;
            }
            Some((creatinine, dates::decimal_age(birth, on)))
        })
    }

    /// A number item in `unit`, when entered and counting (recorded as missing otherwise).
    fn number_in(&mut self, item: ItemIdx, unit: Unit) -> Option<f64> {
        positive_in(self.measurement(item, None)?, unit)
    }

    fn sex(&self, item: ItemIdx) -> Option<Sex> {
        match self.patient.value(item) {
            Some(Entered::Choice(sex)) => Sex::parse(sex),
            _ => None,
        }
    }
}

/// The rows of the treatment history in some classes, read in place.
#[derive(Clone)]
struct Rows<'p> {
    all: std::slice::Iter<'p, ResolvedExposure<'p>>,
    classes: ClassMask,
}

impl Rows<'_> {
    /// Whether no listed row is in the classes.
    fn is_empty(&self) -> bool {
        self.clone().next().is_none()
    }
}

impl<'p> Iterator for Rows<'p> {
    type Item = &'p ResolvedExposure<'p>;

    fn next(&mut self) -> Option<Self::Item> {
        let classes = self.classes;
        self.all.find(|row| row.classes & classes != 0)
    }
}

/// One part of a combinator: its result and where its facts and missing items lie.
struct PartEval {
    eval: Eval,
    facts: std::ops::Range<usize>,
    missing: std::ops::Range<usize>,
}

#[derive(Clone, Copy)]
enum Combine {
    All,
    Any,
    AtLeast(u32),
}

fn exact(value: Exact) -> Num {
    Num::Exact(value)
}

/// A measurement in `unit` when it converts and is above zero (a height, a weight).
fn positive_in(measurement: crate::model::values::Measurement, unit: Unit) -> Option<f64> {
    units::convert(measurement.value, measurement.unit, unit, None).ok().filter(|v| *v > 0.0)
}

/// A formula's result, compared at 0.01 of its unit (see `Exact::formula_result`).
fn formula(value: Option<Exact>) -> Num {
    value.map_or(Num::Unavailable, exact)
}

/// The upper end of a count over a list not known to be complete.
const UNBOUNDED_COUNT: Exact = Exact::UNBOUNDED;

fn count_of(count: usize) -> Exact {
    Exact::integer(i64::try_from(count).unwrap_or(i64::MAX))
}

/// Intervals merged where they overlap or meet (a switch from one glucocorticoid to another
/// on the next day is one course of glucocorticoid).
fn merge_intervals(mut intervals: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    intervals.sort_unstable();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(intervals.len());
    for (start, end) in intervals {
        match merged.last_mut() {
            Some(last) if last.1.succ_opt().is_some_and(|next| start <= next) => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The longest stretch of `course` inside one of the (merged) intervals.
fn longest_overlap(
    course: (NaiveDate, NaiveDate),
    within: &[(NaiveDate, NaiveDate)],
) -> Option<(NaiveDate, NaiveDate)> {
    within
        .iter()
        .filter_map(|&(start, end)| {
            let (from, to) = (course.0.max(start), course.1.min(end));
            (from <= to).then_some((from, to))
        })
        .max_by_key(|(from, to)| (*to - *from, std::cmp::Reverse(*from)))
}

/// The latest of some dates, or `None` if any is `None` (that part never flips).
fn latest(dates: impl Iterator<Item = Option<NaiveDate>>) -> Option<NaiveDate> {
    let mut result: Option<NaiveDate> = None;
    for date in dates {
        let date = date?;
        result = Some(result.map_or(date, |r| r.max(date)));
    }
    result
}

fn cap_applies(cap: &Cap, row: &ResolvedExposure<'_>) -> bool {
    match cap.target {
        CapTarget::Agent(agent) => agent == row.agent,
        CapTarget::Classes(classes) => row.classes & classes != 0,
    }
}

/// The distinct things a treatment count has counted: classes (or pools) as bits of a class
/// mask, agents by catalogue index, each once.
#[derive(Default)]
struct Counted {
    classes: ClassMask,
    agents: smallvec::SmallVec<[u16; 8]>,
}

impl Counted {
    /// Counts what one row contributes: its agent, each counted class it belongs to, or the
    /// pool it falls in (an agent outside every pool counts on its own).
    fn add(&mut self, count: &Count, row: &ResolvedExposure<'_>) {
        match count.by {
            CountKind::Agents => self.add_agent(row.agent),
            CountKind::Classes => self.classes |= row.classes & count.classes,
            CountKind::AgentsPooling(pooled) => {
                let in_pool = row.classes & pooled;
                if in_pool == 0 {
                    self.add_agent(row.agent);
                } else {
                    // The pool is the row's lowest pooled class.
                    self.classes |= in_pool & in_pool.wrapping_neg();
                }
            }
        }
    }

    fn add_agent(&mut self, agent: u16) {
        if !self.agents.contains(&agent) {
            self.agents.push(agent);
        }
    }

    /// How many distinct classes, pools and agents were counted.
    fn len(&self) -> usize {
        self.classes.count_ones() as usize + self.agents.len()
    }
}

fn count_present(
    instrument: InstrumentId,
    answers: &crate::calculators::Answers,
    listed: &[String],
    outside: bool,
) -> Num {
    use crate::calculators::Answer;
    let mut low: usize = 0;
    let mut high: usize = 0;
    let selectors = instrument.selectors();
    for spec in instrument.items().iter().filter(|spec| !selectors.contains(&spec.key)) {
        let is_listed = listed.iter().any(|key| key == spec.key);
        if is_listed == outside {
            continue;
        }
        match answers.get(spec.key) {
            Some(Answer::Present) => {
                low += 1;
                high += 1;
            }
            Some(Answer::Level(level)) if *level > 0 => {
                low += 1;
                high += 1;
            }
            Some(_) => {}
            None => high += 1,
        }
    }
    counted(low, high)
}

/// A count known to lie between `low` and `high`: exact when they meet.
fn counted(low: usize, high: usize) -> Num {
    if low == high { exact(count_of(low)) } else { Num::Range { low: count_of(low), high: count_of(high) } }
}
