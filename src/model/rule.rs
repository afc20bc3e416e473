//! The rule language criteria are written in.
//!
//! A rule is a small expression tree evaluated in three-valued logic (true / false /
//! unknown) plus *judgment* (the source admits more than one reading, or asks for the
//! investigator's opinion). The vocabulary is deliberately small and general: windows,
//! comparisons with units, counts over the treatment history by drug class, and calculator
//! results. A criterion that seems to need a new node is a reason to rethink the language,
//! not to add a special case.

use serde::{Deserialize, Serialize};

use crate::model::anchor_name::AnchorName;
use crate::model::dates::Span;
use crate::model::units::Unit;
use crate::model::values::Response;

/// A rule; its truth decides a criterion (an inclusion is met, an exclusion applies).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Rule {
    /// True when every part is true.
    All(Vec<Rule>),
    /// True when any part is true.
    Any(Vec<Rule>),
    /// True when at least `n` parts are true.
    AtLeast(u32, Vec<Rule>),
    /// The opposite.
    Not(Box<Rule>),
    /// The first part whose truth is known decides; used where a direct measure is
    /// preferred and a fallback is acceptable (the classification checklist, else the
    /// physician's classification as a judgment).
    FirstKnown(Vec<Rule>),
    /// A number compared with a threshold in the operand's unit.
    Compare(Operand, Cmp, f64),
    /// True when the number is available (entered and, for a score, decided); shown as
    /// the value itself. For criteria that need a value but set no threshold.
    Known(Operand),
    /// A yes/no item answered yes.
    Yes(String),
    /// A choice item answered with one of the listed options.
    Choice(String, Vec<String>),
    /// An event or date item that falls in a period.
    Occurred(String, Period),
    /// A course of an agent of the listed classes (or a procedure the catalogue lists, such as
    /// plasmapheresis) *started* during a period: "addition during prior 3 months of
    /// randomization of a new immunosuppressive drug". A course that began before the period
    /// and continues into it does not count; a row without a start date is unknown.
    Started {
        /// Drug class ids from the catalogue.
        classes: Vec<String>,
        /// The period the first dose must fall in.
        when: Period,
    },
    /// Any agent of the listed classes taken during a period (from the treatment history).
    Exposed {
        /// Drug class ids from the catalogue.
        classes: Vec<String>,
        /// The period a course must overlap.
        when: Period,
    },
    /// Some current agent of the listed classes at a dose unchanged for at least `lasting`
    /// before the anchor date, within any dose caps.
    StableTreatment {
        /// Drug class ids from the catalogue.
        classes: Vec<String>,
        /// How long the dose must have been unchanged.
        lasting: Span,
        /// The reference date the stable period ends on.
        before: Anchor,
        /// Dose caps a stable dose must stay within (empty: any dose).
        #[serde(default)]
        caps: Vec<DoseCap>,
    },
    /// Courses taken together with a backbone treatment ("glucocorticoids and at least two
    /// immunosuppressants for at least 3 months"): each counted course overlaps the backbone
    /// for at least `lasting`; counted courses need not overlap each other.
    Combined(CombinedTreatment),
    /// The classification instrument held by an item classifies the patient.
    Classified(String),
    /// A change between a baseline and a current measurement of at least a percentage.
    Change(MeasureChange),
    /// Needs the investigator's decision; the text says what to decide.
    Judgment(String),
    /// A commitment no data can check ("agree to use effective contraception"), held by a
    /// yes/no item the investigator records: true only when recorded yes. Audited like any
    /// value, and shown as an attestation rather than a finding.
    Attested(String),
    /// Constrains nothing and always holds: a source line that names the study's intervention
    /// or restates a registry field ("Autologous HSCT"). The text says why it constrains
    /// nothing; the criterion is shown as met, with that reason.
    Always(String),
    /// Needs the investigator's decision when the condition holds, false when it does not.
    JudgmentIf(Box<Rule>, String),
}

/// A comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    /// Greater than or equal to.
    Ge,
    /// Greater than.
    Gt,
    /// Less than or equal to.
    Le,
    /// Less than.
    Lt,
}

/// A number a rule reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Operand {
    /// An entered number converted to `unit`; with `observed`, only a measurement dated in
    /// that period counts (an older one is treated as not available).
    Quantity {
        /// The dictionary item holding the number.
        item: String,
        /// The unit the number is compared in; the entered number is converted to it.
        unit: Unit,
        /// Only a measurement dated in this period counts; `None`: the criterion's window.
        #[serde(default)]
        observed: Option<Period>,
        /// Only a measurement made by one of these methods counts ("echocardiography",
        /// "right_heart_catheterisation": the item's method ids); empty: any method.
        #[serde(default)]
        by: Vec<String>,
    },
    /// An entered number divided by its upper limit of normal.
    UlnRatio {
        /// The dictionary item holding the number and its upper limit of normal.
        item: String,
        /// Only a measurement dated in this period counts; `None`: the criterion's window.
        #[serde(default)]
        observed: Option<Period>,
    },
    /// A titer's dilution denominator (negative is 0).
    Titer {
        /// The dictionary item holding the titer.
        item: String,
        /// Only a result dated in this period counts; `None`: the criterion's window.
        #[serde(default)]
        observed: Option<Period>,
    },
    /// Age in whole years, birthday-aware, on the anchor date.
    Age(Anchor),
    /// The total of the score instrument held by `item`, optionally leaving out items or
    /// domains.
    Score {
        /// The dictionary item holding the score instrument's answers.
        item: String,
        /// Answer or domain ids left out of the total (empty: the full score).
        #[serde(default)]
        excluding: Vec<String>,
        /// Only an assessment dated in this period counts; `None`: the criterion's window.
        #[serde(default)]
        observed: Option<Period>,
    },
    /// How many of the listed answers of the instrument held by `item` are present
    /// (`outside: true`: how many present answers are *not* listed).
    CountPresent {
        /// The dictionary item holding the instrument's answers.
        item: String,
        /// The answer ids counted.
        answers: Vec<String>,
        /// True: count the present answers that are *not* listed instead.
        #[serde(default)]
        outside: bool,
    },
    /// eGFR in mL/min/1.73 m²: a lab-reported eGFR if entered, else bedside Schwartz
    /// under 18 and CKD-EPI 2021 from 18, from creatinine, height, sex and age.
    Egfr,
    /// Cockcroft–Gault creatinine clearance in mL/min with actual body weight.
    CreatinineClearance,
    /// A count over the treatment history.
    Treatments(TreatmentCount),
}

/// Counts rows of the treatment history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentCount {
    /// Agents in any of these classes are counted.
    pub classes: Vec<String>,
    /// Agents in any of these classes are not counted.
    #[serde(default)]
    pub except: Vec<String>,
    /// Only rows with one of these responses (empty: any row).
    #[serde(default)]
    pub responses: Vec<Response>,
    /// Only rows taken for at least this long (start to last dose, or to the screening
    /// date when ongoing).
    #[serde(default)]
    pub lasting: Option<Span>,
    /// With `lasting`: only rows taken for *more than* that long ("for more than 3 months"):
    /// a course of exactly the span does not count.
    #[serde(default)]
    pub lasting_strictly: bool,
    /// Only rows taken at some time in this period (their course overlaps it); `None`: at
    /// any time.
    #[serde(default)]
    pub during: Option<Period>,
    /// Whether distinct agents or distinct classes are counted.
    pub count: CountBy,
}

/// Courses taken together with a backbone treatment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CombinedTreatment {
    /// The classes of the backbone every counted course overlaps ("glucocorticoid").
    pub with: Vec<String>,
    /// What is taken with it; each group needs its number of distinct agents.
    pub courses: Vec<CourseGroup>,
    /// The overlap each counted course needs with the backbone.
    pub lasting: Span,
}

/// Distinct agents of some classes, at least a number of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseGroup {
    /// Agents in any of these classes count towards the group.
    pub classes: Vec<String>,
    /// Agents in any of these classes are not counted in this group.
    #[serde(default)]
    pub except: Vec<String>,
    /// How many distinct agents of the group are needed.
    pub at_least: u32,
}

/// What a treatment count counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CountBy {
    /// Distinct agents.
    Agents,
    /// Distinct classes of `classes` that some counted agent belongs to.
    Classes,
    /// Distinct agents, except that all agents of each listed class count together as one.
    AgentsPooling(Vec<String>),
}

/// A period on the calendar, relative to the visit's reference dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// At any time.
    Ever,
    /// Within `span` before the anchor: on or after the anchor minus `span` (the cutoff day
    /// counts; anything later, including during screening, counts too).
    Within(Span, Anchor),
    /// On or before the anchor minus `span` ("active for at least 2 months before screening").
    AtLeastBefore(Span, Anchor),
    /// From the screening date to the enrollment date, both inclusive.
    DuringScreening,
    /// On or after the anchor's date ("during the current flare", from the flare's start;
    /// "after the last cyclophosphamide infusion"), up to the first dose or today.
    Since(Anchor),
}

/// A reference date of the visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Anchor {
    /// The screening visit date.
    Screening,
    /// The date informed consent was signed.
    Consent,
    /// Planned enrollment / first dose ("initiation", "infusion"). When not yet known,
    /// the screening date stands in and the explanation says so.
    Enrollment,
    /// A date the protocol names, held by a date or event item of the dictionary
    /// (`Date("randomisation")`, `Date("transplant")`, `Date("current_flare")`): the item's
    /// date, an event's date or the start of an ongoing one, or a dated result's date. Unknown
    /// until entered, and then asked for.
    Date(AnchorName),
    /// The last dose of the courses of a drug class the treatment history lists
    /// (`CourseEnd("cyclophosphamide_agents")`): "a count measured after the last
    /// cyclophosphamide". Unknown while a course of the class goes on, has no last dose, or
    /// none is listed.
    CourseEnd(AnchorName),
}

/// A dose cap that decides which doses count as standard treatment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseCap {
    /// An agent id or a class id from the catalogue.
    pub applies_to: String,
    /// The highest dose that still counts, in the unit of `per`.
    pub max: f64,
    /// The unit of `max`.
    pub per: DoseRate,
}

/// The unit of a dose cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DoseRate {
    /// Milligrams per day.
    MgPerDay,
    /// Milligrams per week.
    MgPerWeek,
    /// Milligrams per kilogram of body weight per day.
    MgPerKgPerDay,
    /// Glucocorticoids, converted to prednisone by the catalogue's equivalence.
    PrednisoneMgPerDay,
}

/// A change between two dated measurements of the same quantity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureChange {
    /// The earlier measurement.
    pub baseline: String,
    /// The current measurement.
    pub current: String,
    /// Whether the change must be an increase or a decrease.
    pub direction: Direction,
    /// The threshold, in percent (relative) or in the items' own unit points (absolute).
    pub at_least: f64,
    /// Which measures of change are computed; when they disagree on the threshold the
    /// result is a judgment.
    pub measures: Vec<ChangeMeasure>,
    /// Only a baseline dated in this period counts; `None`: the criterion's window.
    #[serde(default)]
    pub baseline_observed: Option<Period>,
    /// Only a current measurement dated in this period counts; `None`: the criterion's window.
    #[serde(default)]
    pub current_observed: Option<Period>,
}

/// Up or down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// The current measurement must be higher than the baseline.
    Increase,
    /// The current measurement must be lower than the baseline.
    Decrease,
}

/// How a change is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeMeasure {
    /// (current − baseline) / baseline, in percent.
    Relative,
    /// current − baseline, in the items' unit (percentage points for "% predicted").
    Absolute,
}

impl Cmp {
    /// The symbol shown: ≥ > ≤ <.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Ge => "≥",
            Self::Gt => ">",
            Self::Le => "≤",
            Self::Lt => "<",
        }
    }

    /// Whether `value op threshold` holds.
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::Ge => value >= threshold,
            Self::Gt => value > threshold,
            Self::Le => value <= threshold,
            Self::Lt => value < threshold,
        }
    }
}
