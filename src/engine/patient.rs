//! A session's values indexed for evaluation.

use crate::calculators::kidney::KidneyMethod;
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use chrono::NaiveDate;

use crate::calculators::{Classification, InstrumentId, ScoreOptions};

use crate::engine::evaluate::NotCounted;
use crate::engine::knowledge::{ClassMask, ItemIdx, Knowledge};
use crate::model::dates::Span;
use crate::model::exact::Exact;
use crate::model::record::{Attestation, Entry, ReferenceDates};
use crate::model::rule::{Anchor, DoseRate, Period};
use crate::model::values::{Exposure, Occurrence, Value};
use rust_decimal::Decimal;

/// The patient as the engine reads it: values by item index, the reference dates and the day
/// the evaluation is for.
#[derive(Debug)]
pub struct PatientFacts<'a> {
    /// The indexed dictionary and catalogue the values are read against.
    pub knowledge: &'a Knowledge,
    /// Shared with the patient [`Self::shifted_to`] another day: the values do not move.
    entries: Rc<[Option<&'a Entry>]>,
    /// The shortest round-trip decimal of each entered number and its ratio to the upper
    /// limit of normal entered with it, found the first time a rule compares it (every
    /// criterion and protocol reads the same digits); by item, shared with the patient
    /// [`Self::shifted_to`] another day.
    exacts: Rc<[OnceCell<EnteredExact>]>,
    /// Each treatment row's dose as the rate a cap reads it in, found the first time a cap
    /// asks (converting a dose to prednisone equivalents divides decimals); shared with the
    /// patient [`Self::shifted_to`] another day, since doses do not move.
    dose_rates: Rc<RefCell<Vec<CachedDoseRate>>>,
    /// The last age asked for: (date of birth, on, age).
    last_age: Cell<Option<(NaiveDate, NaiveDate, Option<u32>)>>,
    /// The visit's reference dates.
    pub dates: ReferenceDates,
    /// The day evaluated for (the machine's date in use; a fixed date in tests): nothing dated
    /// after it counts. Never read from the clock inside the engine.
    pub evaluation_day: NaiveDate,
    /// Treatment history rows with their agent's classes resolved (shared with the patient
    /// [`Self::shifted_to`] another day).
    pub exposures: Rc<[ResolvedExposure<'a>]>,
    /// Whether a treatment history was entered at all.
    pub has_treatment_history: bool,
    /// Where the treatment history stands as a closed list: attested complete as it is now,
    /// attested before a later change (lapsed), or never attested.
    pub history_attestation: ListAttestation,
    /// Instrument results already computed, by item and left-out answers: a score is a
    /// property of the patient, computed once however many criteria and protocols read it,
    /// and shared with the patient [`Self::shifted_to`] another day (a score reads the answers,
    /// never the dates).
    scores: Rc<RefCell<Vec<CachedScore>>>,
    /// Kidney-function values as the rules compare them (to 0.01 of their unit), computed
    /// once: the formulas also write explanations.
    kidney: [OnceCell<Option<Exact>>; 4],
    /// The kidney formulas' inputs: creatinine in mg/dL and the decimal age on its sample date.
    kidney_inputs: OnceCell<Option<(f64, f64)>>,
    /// The first day of each window read so far ("within 28 days before screening"): every
    /// result read in it needs the day, and the reference dates cannot change while this
    /// lives.
    window_openings: RefCell<smallvec::SmallVec<[WindowOpening; 8]>>,
    /// The window opening found last.
    last_window_opening: Cell<Option<WindowOpening>>,
    /// The contradictions that hold, by the window results are read in: found once however
    /// many protocols are evaluated (the reference dates cannot change while this lives).
    contradictions: RefCell<smallvec::SmallVec<[ContradictionsIn; 2]>>,
}

/// A contradiction that holds for the patient, with the facts that show it: either one of the
/// dictionary's contradictions whose every side holds, or a test kind whose results disagree.
#[derive(Debug)]
pub struct ActiveContradiction {
    /// The dictionary's contradiction, by index into [`Knowledge::contradictions`]; `None`
    /// for a test kind's disagreeing results.
    pub contradiction: Option<usize>,
    /// For a test kind's disagreeing results, the items that hold them.
    pub items: Vec<ItemIdx>,
    /// The facts that show it.
    pub facts: Vec<crate::engine::fact::Fact>,
}

impl ActiveContradiction {
    /// Whether a criterion reading `reads` (sorted) is concerned: it reads an item of every
    /// side of the contradiction, or one of the disagreeing results.
    pub fn concerns(&self, reads: &[ItemIdx], knowledge: &Knowledge) -> bool {
        let is_read = |item: &ItemIdx| reads.binary_search(item).is_ok();
        match self.contradiction.and_then(|index| knowledge.contradictions.get(index)) {
            Some(contradiction) => contradiction.side_items.iter().all(|side| side.iter().any(is_read)),
            None => self.items.iter().any(is_read),
        }
    }
}

/// The contradictions that hold when results are read in a window.
type ContradictionsIn = (Period, Rc<[ActiveContradiction]>);

/// A window (`span` before an anchor) and its first day, once found.
type WindowOpening = (Span, Anchor, Option<NaiveDate>);

/// Whether a list is known to be complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListAttestation {
    /// Attested complete, and unchanged since.
    Current,
    /// Attested, but the list changed afterwards: the attestation no longer holds.
    Lapsed,
    /// Never attested.
    None,
}

/// The part of an instrument report the rules read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    /// The lowest score the unassessed items allow.
    pub min: f64,
    /// The highest score the unassessed items allow (equal to `min` when complete).
    pub max: f64,
    /// The instrument's classification, for a classification instrument.
    pub classification: Option<Classification>,
    /// `min` and `max` as exact decimals, as the rules compare them; `None` when either has
    /// none.
    pub exact: Option<(Exact, Exact)>,
}

/// An entered number as the rules compare it, found once per item.
#[derive(Clone, Copy, Debug)]
struct EnteredExact {
    /// The shortest round-trip decimal of the value.
    value: Option<Exact>,
    /// The value over the upper limit of normal entered with it.
    uln_ratio: UlnRatio,
}

/// An entered number over the upper limit of normal (ULN) entered with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum UlnRatio {
    /// No ULN, or none above zero, was entered with the value.
    NoUln,
    /// value / ULN, kept as a fraction and compared by cross-multiplication; `None` when the
    /// value has no exact decimal.
    Ratio(Option<Exact>),
}

impl EnteredExact {
    fn of(value: &Value) -> Self {
        let Value::Number(measurement) = value else { return Self { value: None, uln_ratio: UlnRatio::NoUln } };
        let exact = Exact::from_f64(measurement.value);
        let uln = measurement.uln.and_then(crate::model::exact::decimal_of).filter(|uln| *uln > Decimal::ZERO);
        let uln_ratio = match uln {
            // value / ULN kept as a fraction: compared by cross-multiplication.
            Some(uln) => UlnRatio::Ratio(exact.and_then(Exact::as_decimal).and_then(|v| Exact::ratio(v, uln))),
            None => UlnRatio::NoUln,
        };
        Self { value: exact, uln_ratio }
    }
}

/// A row's dose as a rate, for the body weight it was found with.
#[derive(Clone, Copy, Debug)]
struct CachedDoseRate {
    row: u16,
    per: DoseRate,
    weight: Option<Exact>,
    rate: Option<Exact>,
}

#[derive(Debug)]
struct CachedScore {
    item: ItemIdx,
    excluding: Vec<String>,
    result: Option<Scored>,
}

/// One treatment-history row with its agent resolved.
#[derive(Clone, Copy, Debug)]
pub struct ResolvedExposure<'a> {
    /// Position of the row in the history.
    pub row: u16,
    /// The agent's index in the drug catalogue.
    pub agent: u16,
    /// The classes the agent belongs to.
    pub classes: ClassMask,
    /// The row as entered.
    pub exposure: &'a Exposure,
}

impl<'a> PatientFacts<'a> {
    /// Indexes a record's values. Values under ids the dictionary does not know and agents
    /// the catalogue does not know are left out here; loading a session reports them as
    /// errors before it gets this far.
    pub fn new(
        knowledge: &'a Knowledge,
        values: &'a std::collections::BTreeMap<String, Entry>,
        dates: ReferenceDates,
        attestations: &[Attestation],
        evaluation_day: NaiveDate,
    ) -> Self {
        let mut entries = vec![None; knowledge.dictionary.items.len()];
        let mut exposures = Vec::new();
        let mut has_treatment_history = false;
        let mut history_attestation = ListAttestation::None;
        for (id, entry) in values {
            let Some(idx) = knowledge.item_idx(id) else { continue };
            if let Some(slot) = entries.get_mut(usize::from(idx)) {
                *slot = Some(entry);
            }
            if let Value::Treatments(_) = &entry.value {
                history_attestation = match attestations.iter().find(|a| &a.item == id) {
                    Some(attested) if attested.list == entry.value => ListAttestation::Current,
                    Some(_) => ListAttestation::Lapsed,
                    None => ListAttestation::None,
                };
            }
            if let Value::Treatments(rows) = &entry.value {
                has_treatment_history = true;
                for (row, exposure) in rows.iter().enumerate() {
                    let (Some(agent), Ok(row)) = (knowledge.agent_idx(&exposure.agent), u16::try_from(row)) else {
                        continue;
                    };
                    exposures.push(ResolvedExposure {
                        row,
                        agent,
                        classes: knowledge.agent_class_mask(agent),
                        exposure,
                    });
                }
            }
        }
        Self {
            knowledge,
            exacts: std::iter::repeat_with(OnceCell::new).take(entries.len()).collect(),
            dose_rates: Rc::default(),
            entries: entries.into(),
            last_age: Cell::new(None),
            dates,
            evaluation_day,
            exposures: exposures.into(),
            has_treatment_history,
            history_attestation,
            scores: Rc::default(),
            kidney: Default::default(),
            kidney_inputs: OnceCell::new(),
            window_openings: RefCell::default(),
            last_window_opening: Cell::new(None),
            contradictions: RefCell::default(),
        }
    }

    /// The first day of the window `span` before `anchor`; `None` when the anchor's date
    /// (consent) is not entered or the day is out of the calendar's range.
    #[inline]
    pub fn window_opening(&self, span: Span, anchor: Anchor) -> Option<NaiveDate> {
        // Consecutive reads are mostly in one criterion's window: that one is checked first.
        if let Some((s, a, opening)) = self.last_window_opening.get()
            && s == span
            && a == anchor
        {
            return opening;
        }
        self.window_opening_found(span, anchor)
    }

    /// [`Self::window_opening`] for another window than the last: from the windows found so
    /// far, or found now.
    #[inline(never)]
    fn window_opening_found(&self, span: Span, anchor: Anchor) -> Option<NaiveDate> {
        let known = self.window_openings.borrow().iter().find(|(s, a, _)| *s == span && *a == anchor).copied();
        let opening = match known {
            Some((.., opening)) => opening,
            None => {
                let opening = self.anchor(anchor).and_then(|(on, _)| span.before(on));
                self.window_openings.borrow_mut().push((span, anchor, opening));
                opening
            }
        };
        self.last_window_opening.set(Some((span, anchor, opening)));
        opening
    }

    /// Why an item's result does not count in `period` (`None`: it counts): undated, dated
    /// after the evaluation day or the first dose, or outside the period. Answers and history
    /// items, which carry no date, always count.
    #[inline]
    pub fn result_status(&self, item: ItemIdx, period: Period) -> Option<NotCounted> {
        let is_result = self.knowledge.item(item).is_some_and(|def| def.dated);
        if !is_result {
            return None;
        }
        self.dated_result_status(item, period)
    }

    /// [`Self::result_status`] of an item the dictionary marks as a dated result.
    fn dated_result_status(&self, item: ItemIdx, period: Period) -> Option<NotCounted> {
        let Some(date) = self.date(item) else {
            return (period != Period::Ever).then_some(NotCounted::Undated);
        };
        if date > self.evaluation_day {
            return Some(NotCounted::AfterToday);
        }
        if self.dates.enrollment.is_some_and(|enrollment| date > enrollment) {
            return Some(NotCounted::AfterEnrollment);
        }
        let opens = match period {
            Period::Ever => return None,
            Period::Within(span, anchor) => self.window_opening(span, anchor),
            Period::Since(anchor) => self.anchor(anchor).map(|(on, _)| on),
            Period::DuringScreening => Some(self.dates.screening),
            Period::AtLeastBefore(span, anchor) => {
                let cutoff = self.window_opening(span, anchor);
                return match cutoff {
                    Some(cutoff) if date <= cutoff => None,
                    _ => Some(NotCounted::Outside),
                };
            }
        };
        match (opens, period) {
            (Some(opens), Period::DuringScreening) if date < opens => Some(NotCounted::Outside),
            (Some(opens), _) if date < opens => Some(NotCounted::TooOld),
            (Some(_), _) => None,
            // The consent date the window counts from is not entered.
            (None, _) => Some(NotCounted::Outside),
        }
    }

    /// The latest date a result or event may carry and still count: the evaluation day, or
    /// the enrollment / first-dose date when that is known and earlier.
    pub fn upper_end(&self) -> NaiveDate {
        match self.dates.enrollment {
            Some(enrollment) => enrollment.min(self.evaluation_day),
            None => self.evaluation_day,
        }
    }

    /// Whether the treatment history is known to be complete (attested, unchanged since).
    pub fn history_is_complete(&self) -> bool {
        self.history_attestation == ListAttestation::Current
    }

    /// A kidney-function value as the rules compare it (to 0.01 of its unit, see
    /// [`Exact::formula_result`]), computed by `compute` the first time it is asked for. The
    /// inputs are the patient's own values, so the result cannot change while this lives.
    pub fn kidney_value(&self, method: KidneyMethod, compute: impl FnOnce() -> Option<f64>) -> Option<Exact> {
        let slot = match method {
            KidneyMethod::CkdEpi2021 => 0,
            KidneyMethod::BedsideSchwartz => 1,
            KidneyMethod::CkidU25 => 2,
            KidneyMethod::CockcroftGault => 3,
        };
        let compared = || compute().and_then(Exact::formula_result);
        match self.kidney.get(slot) {
            Some(cell) => *cell.get_or_init(compared),
            None => compared(),
        }
    }

    /// The kidney formulas' inputs (creatinine in mg/dL, the decimal age on its sample date),
    /// found by `compute` the first time they are asked for: they read the patient's values
    /// and the screening date, which cannot change while this lives.
    pub fn kidney_inputs(&self, compute: impl FnOnce() -> Option<(f64, f64)>) -> Option<(f64, f64)> {
        *self.kidney_inputs.get_or_init(compute)
    }

    /// The contradictions that hold when results are read in `window`, found by `find` the
    /// first time they are asked for.
    pub fn contradictions(
        &self,
        window: Period,
        find: impl FnOnce() -> Vec<ActiveContradiction>,
    ) -> Rc<[ActiveContradiction]> {
        if let Some((_, found)) = self.contradictions.borrow().iter().find(|(w, _)| *w == window) {
            return Rc::clone(found);
        }
        let found: Rc<[ActiveContradiction]> = find().into();
        self.contradictions.borrow_mut().push((window, Rc::clone(&found)));
        found
    }

    /// An instrument's score on the answers entered for `item`, leaving out `excluding`;
    /// `None` when the answers cannot be scored (the explanation says why).
    pub fn score(
        &self,
        item: ItemIdx,
        instrument: InstrumentId,
        answers: &crate::calculators::Answers,
        excluding: &[String],
    ) -> Option<Scored> {
        if let Some(cached) = self.scores.borrow().iter().find(|c| c.item == item && c.excluding == excluding) {
            return cached.result;
        }
        let options = ScoreOptions { excluding: excluding.to_vec() };
        let result = instrument.evaluate(answers, &options).ok().map(|report| Scored {
            min: report.min,
            max: report.max,
            classification: report.classification,
            exact: Exact::from_f64(report.min).zip(Exact::from_f64(report.max)),
        });
        self.scores.borrow_mut().push(CachedScore { item, excluding: excluding.to_vec(), result });
        result
    }

    /// The same patient with every reference date moved to at least `date`: "if the visit
    /// happened on `date`". Used to check an "eligible from" date before stating it.
    pub fn shifted_to(&self, date: NaiveDate) -> Self {
        let dates = ReferenceDates {
            screening: self.dates.screening.max(date),
            consent: self.dates.consent.map(|consent| consent.max(date)),
            enrollment: self.dates.enrollment.map(|enrollment| enrollment.max(date)),
        };
        Self {
            knowledge: self.knowledge,
            entries: Rc::clone(&self.entries),
            exacts: Rc::clone(&self.exacts),
            dose_rates: Rc::clone(&self.dose_rates),
            last_age: Cell::new(None),
            dates,
            evaluation_day: self.evaluation_day.max(date),
            exposures: Rc::clone(&self.exposures),
            has_treatment_history: self.has_treatment_history,
            history_attestation: self.history_attestation,
            scores: Rc::clone(&self.scores),
            kidney: Default::default(),
            kidney_inputs: OnceCell::new(),
            window_openings: RefCell::default(),
            last_window_opening: Cell::new(None),
            contradictions: RefCell::default(),
        }
    }

    /// The value entered for an item.
    pub fn value(&self, idx: ItemIdx) -> Option<&'a Value> {
        self.entry(idx).map(|entry| &entry.value)
    }

    /// The entry for an item: its value and the result's date.
    pub fn entry(&self, idx: ItemIdx) -> Option<&'a Entry> {
        self.entries.get(usize::from(idx)).copied().flatten()
    }

    /// Age in whole years on a day; the last answer is kept, since consecutive criteria mostly
    /// ask it for the same day.
    pub fn age_on(&self, birth: NaiveDate, on: NaiveDate) -> Option<u32> {
        if let Some((b, o, age)) = self.last_age.get()
            && b == birth
            && o == on
        {
            return age;
        }
        let age = crate::model::dates::age_in_years(birth, on);
        self.last_age.set(Some((birth, on, age)));
        age
    }

    /// The number entered for an item as an exact decimal, in the unit it was entered in;
    /// `None` when no number is entered or it has no exact decimal (not finite, too long).
    pub fn entered_exact(&self, idx: ItemIdx) -> Option<Exact> {
        self.exacts_of(idx)?.value
    }

    /// The number entered for an item over the upper limit of normal entered with it.
    pub fn uln_ratio(&self, idx: ItemIdx) -> UlnRatio {
        self.exacts_of(idx).map_or(UlnRatio::NoUln, |exacts| exacts.uln_ratio)
    }

    fn exacts_of(&self, idx: ItemIdx) -> Option<EnteredExact> {
        let entry = self.entry(idx)?;
        Some(*self.exacts.get(usize::from(idx))?.get_or_init(|| EnteredExact::of(&entry.value)))
    }

    /// A treatment row's dose as a rate `per`, for the body weight given: `compute` runs the
    /// first time a row, rate and weight are asked for; later asks get the same answer.
    pub fn dose_rate(
        &self,
        row: u16,
        per: DoseRate,
        weight: Option<Exact>,
        compute: impl FnOnce() -> Option<Exact>,
    ) -> Option<Exact> {
        let known =
            self.dose_rates.borrow().iter().find(|c| c.row == row && c.per == per && c.weight == weight).copied();
        if let Some(known) = known {
            return known.rate;
        }
        let rate = compute();
        self.dose_rates.borrow_mut().push(CachedDoseRate { row, per, weight, rate });
        rate
    }

    /// The date of an item's result.
    pub fn date(&self, idx: ItemIdx) -> Option<NaiveDate> {
        self.entry(idx).and_then(|entry| entry.date)
    }

    /// The date an anchor stands for, and whether it was assumed (enrollment not yet
    /// known, so the screening date stands in). `None` when the consent date is needed
    /// and not entered.
    pub fn anchor(&self, anchor: Anchor) -> Option<(NaiveDate, bool)> {
        match anchor {
            Anchor::Screening => Some((self.dates.screening, false)),
            Anchor::Consent => self.dates.consent.map(|date| (date, false)),
            Anchor::Enrollment => Some(match self.dates.enrollment {
                Some(date) => (date, false),
                None => (self.dates.screening, true),
            }),
            Anchor::Date(name) => self.named_date(self.knowledge.item_idx(name.item())?).map(|date| (date, false)),
            Anchor::CourseEnd(class) => {
                self.course_end(self.knowledge.class_bit(class.item())?).map(|date| (date, false))
            }
        }
    }

    /// The last dose of the listed courses of a class; `None` while one goes on or has no
    /// last dose, or when none is listed.
    pub fn course_end(&self, class: ClassMask) -> Option<NaiveDate> {
        let mut latest = None;
        for row in self.exposures.iter().filter(|row| row.classes & class != 0) {
            if row.exposure.ongoing {
                return None;
            }
            let last = row.exposure.last_dose?;
            latest = Some(latest.map_or(last, |known: NaiveDate| known.max(last)));
        }
        latest
    }

    /// The date a named anchor's item holds: a date; an event's date, or an ongoing one's
    /// start; a dated result's date. `None` when not entered.
    pub fn named_date(&self, item: ItemIdx) -> Option<NaiveDate> {
        let entry = self.entry(item)?;
        match &entry.value {
            Value::Date(date) | Value::Event(Occurrence::On(date) | Occurrence::Ongoing(Some(date))) => Some(*date),
            Value::Event(_) => None,
            _ => entry.date,
        }
    }

    /// The first item of a test kind, in dictionary order, holding a positive result.
    pub fn positive_result(&self, kind: usize, counts: impl Fn(ItemIdx) -> bool) -> Option<ItemIdx> {
        let positive = &self.knowledge.dictionary.test_kinds.get(kind)?.positive;
        self.knowledge.test_kind_items(kind).iter().copied().find(|item| {
            matches!(self.value(*item), Some(Value::Choice(chosen)) if positive.contains(chosen)) && counts(*item)
        })
    }

    /// Whether the results entered for a test kind disagree (one positive, one negative): the
    /// items that hold them, in dictionary order.
    pub fn conflicting_results(&self, kind: usize, counts: impl Fn(ItemIdx) -> bool) -> Option<Vec<ItemIdx>> {
        let def = self.knowledge.dictionary.test_kinds.get(kind)?;
        let counted = || {
            self.knowledge.test_kind_items(kind).iter().copied().filter_map(|item| match self.value(item) {
                Some(Value::Choice(chosen)) if counts(item) => Some((item, chosen)),
                _ => None,
            })
        };
        // Checked without allocating: results of one kind rarely disagree.
        let positive = counted().any(|(_, chosen)| def.positive.contains(chosen));
        let negative = positive && counted().any(|(_, chosen)| def.negative.contains(chosen));
        negative.then(|| counted().map(|(item, _)| item).collect())
    }

    /// The date of birth, if entered.
    pub fn date_of_birth(&self) -> Option<NaiveDate> {
        match self.value(self.knowledge.date_of_birth?) {
            Some(Value::Date(date)) => Some(*date),
            _ => None,
        }
    }

    /// Body weight in kg, if entered.
    pub fn weight_kg(&self) -> Option<f64> {
        match self.value(self.knowledge.weight?) {
            Some(Value::Number(m)) => {
                crate::model::units::convert(m.value, m.unit, crate::model::units::Unit::Kg, None).ok()
            }
            _ => None,
        }
    }
}
