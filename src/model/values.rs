//! Values entered for a patient, one per dictionary item, each carrying its unit, date
//! and the context the rules need.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use rust_decimal::Decimal;

use crate::model::exact::Exact;
use crate::model::instrument_answers::Answers;
use crate::model::units::Unit;

/// One entered value. The variant must match the item's [`ItemKind`](crate::model::dictionary::ItemKind).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// A number measured in a unit (a lab result, a weight).
    Number(Measurement),
    /// A calendar date (date of birth, diagnosis).
    Date(NaiveDate),
    /// An answer to a yes/no question.
    YesNo(YesNo),
    /// One of the item's options, by its id.
    Choice(String),
    /// An antibody titer.
    Titer(Titer),
    /// Whether and when an event happened.
    Event(Occurrence),
    /// The answers of a checklist or score instrument.
    Instrument(Assessment),
    /// The treatment history, one row per agent.
    Treatments(Vec<Exposure>),
    /// Free text, never read by a rule.
    Text(String),
}

/// A measured number in the unit the lab reported it (its date is the entry's).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The number as the lab reported it, in `unit`.
    pub value: f64,
    /// The unit the number was reported in; rules convert it to theirs.
    pub unit: Unit,
    /// The lab's upper limit of normal, in the same unit.
    #[serde(default)]
    pub uln: Option<f64>,
}

/// An answer to a yes/no question. `Unknown` is an answer ("not known"), and evaluates as
/// missing data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum YesNo {
    /// Answered yes.
    Yes,
    /// Answered no.
    No,
    /// Answered "not known"; evaluates as missing data.
    Unknown,
}

/// An antibody titer result (its date is the entry's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titer {
    /// The denominator of the highest positive dilution (1:640 → 640); `None` is negative.
    pub dilution: Option<u32>,
}

/// Whether and when something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Occurrence {
    /// Never happened.
    Never,
    /// Happened (most recently) on this date.
    On(NaiveDate),
    /// Going on now; the start date if known.
    Ongoing(Option<NaiveDate>),
    /// Happened, date not known.
    DateUnknown,
}

/// A checklist or score instrument as filled in (the date of an activity assessment is the
/// entry's).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The instrument's answers, by answer id.
    pub answers: Answers,
}

/// One row of the treatment history: one agent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    /// Agent id from the drug catalogue.
    pub agent: String,
    /// The first dose; `None` when not known.
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// The most recent dose; absent while `ongoing`.
    #[serde(default)]
    pub last_dose: Option<NaiveDate>,
    /// Still being taken.
    #[serde(default)]
    pub ongoing: bool,
    /// The current (or last) dose.
    #[serde(default)]
    pub dose: Option<Dose>,
    /// The date since which the dose has not changed.
    #[serde(default)]
    pub dose_since: Option<NaiveDate>,
    /// How the disease responded to this agent.
    #[serde(default)]
    pub response: Option<Response>,
}

/// A dose as prescribed: amount per administration and how often.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    /// The amount per administration, in `unit`.
    pub amount: f64,
    /// The unit of `amount`: mg, g or mg per kg of body weight.
    pub unit: DoseUnit,
    /// How often the amount is given.
    pub frequency: Frequency,
}

/// The unit of a dose amount; written "mg", "g" or "mg/kg" in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub enum DoseUnit {
    /// Milligrams.
    Mg,
    /// Grams.
    G,
    /// Milligrams per kilogram of body weight (needs the weight to give a dose in mg).
    MgPerKg,
}

impl From<DoseUnit> for &'static str {
    fn from(unit: DoseUnit) -> Self {
        unit.symbol()
    }
}

impl TryFrom<String> for DoseUnit {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        match text.trim() {
            "mg" => Ok(Self::Mg),
            "g" => Ok(Self::G),
            "mg/kg" => Ok(Self::MgPerKg),
            other => Err(format!("\"{other}\" is not a dose unit (mg, g or mg/kg)")),
        }
    }
}

/// How often a dose is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    /// Once a day.
    OnceDaily,
    /// Twice a day.
    TwiceDaily,
    /// Three times a day.
    ThreeTimesDaily,
    /// Four times a day.
    FourTimesDaily,
    /// Once a week.
    Weekly,
    /// Once every 2 weeks.
    EveryTwoWeeks,
    /// Once every 4 weeks.
    EveryFourWeeks,
    /// Once a month (a mean month: 12 doses in 365.25 days).
    Monthly,
}

/// The response of the disease to an agent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Response {
    /// Inadequate response (insufficient effect).
    Inadequate,
    /// Stopped or limited for intolerance.
    Intolerant,
    /// Adequate response.
    Adequate,
}

impl Frequency {
    /// Administrations per day (a weekly dose is 1/7).
    pub fn per_day(self) -> f64 {
        match self {
            Self::OnceDaily => 1.0,
            Self::TwiceDaily => 2.0,
            Self::ThreeTimesDaily => 3.0,
            Self::FourTimesDaily => 4.0,
            Self::Weekly => 1.0 / 7.0,
            Self::EveryTwoWeeks => 1.0 / 14.0,
            Self::EveryFourWeeks => 1.0 / 28.0,
            // A mean month, so that weekly and monthly doses compare.
            Self::Monthly => 12.0 / 365.25,
        }
    }

    /// The words shown: "twice daily".
    /// The id of its words in the message files (`frequency-once-daily`).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::OnceDaily => "frequency-once-daily",
            Self::TwiceDaily => "frequency-twice-daily",
            Self::ThreeTimesDaily => "frequency-three-times-daily",
            Self::FourTimesDaily => "frequency-four-times-daily",
            Self::Weekly => "frequency-weekly",
            Self::EveryTwoWeeks => "frequency-every-two-weeks",
            Self::EveryFourWeeks => "frequency-every-four-weeks",
            Self::Monthly => "frequency-monthly",
        }
    }

    /// In English.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnceDaily => "once daily",
            Self::TwiceDaily => "twice daily",
            Self::ThreeTimesDaily => "three times daily",
            Self::FourTimesDaily => "four times daily",
            Self::Weekly => "weekly",
            Self::EveryTwoWeeks => "every 2 weeks",
            Self::EveryFourWeeks => "every 4 weeks",
            Self::Monthly => "monthly",
        }
    }
}

impl Frequency {
    /// Administrations per day as an exact fraction (weekly is 1/7; monthly is 12/365.25).
    pub fn per_day_exact(self) -> Exact {
        let (administrations, days) = match self {
            Self::OnceDaily => (Decimal::ONE, Decimal::ONE),
            Self::TwiceDaily => (Decimal::TWO, Decimal::ONE),
            Self::ThreeTimesDaily => (Decimal::new(3, 0), Decimal::ONE),
            Self::FourTimesDaily => (Decimal::new(4, 0), Decimal::ONE),
            Self::Weekly => (Decimal::ONE, Decimal::new(7, 0)),
            Self::EveryTwoWeeks => (Decimal::ONE, Decimal::new(14, 0)),
            Self::EveryFourWeeks => (Decimal::ONE, Decimal::new(28, 0)),
            Self::Monthly => (Decimal::new(12, 0), Decimal::new(36525, 2)),
        };
        Exact::ratio(administrations, days).unwrap_or(Exact::integer(0))
    }
}

impl DoseUnit {
    /// The symbol shown.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Mg => "mg",
            Self::G => "g",
            Self::MgPerKg => "mg/kg",
        }
    }
}

impl Dose {
    /// The dose per day in mg, given the body weight for weight-based doses.
    pub fn mg_per_day(&self, weight_kg: Option<f64>) -> Option<f64> {
        let per_administration_mg = match self.unit {
            DoseUnit::Mg => self.amount,
            DoseUnit::G => self.amount * 1000.0,
            DoseUnit::MgPerKg => self.amount * weight_kg?,
        };
        Some(per_administration_mg * self.frequency.per_day())
    }
}

impl Dose {
    /// The dose per day in mg, exactly, given the body weight for weight-based doses: dose
    /// caps compare it exactly (16 mg methylprednisolone is exactly 20 mg prednisone).
    pub fn mg_per_day_exact(&self, weight_kg: Option<Exact>) -> Option<Exact> {
        let amount = Exact::from_f64(self.amount)?;
        let per_administration_mg = match self.unit {
            DoseUnit::Mg => amount,
            DoseUnit::G => amount.times(Decimal::ONE_THOUSAND)?,
            DoseUnit::MgPerKg => amount.times_exact(weight_kg?)?,
        };
        per_administration_mg.times_exact(self.frequency.per_day_exact())
    }
}

impl Response {
    /// The words shown.
    /// The id of its words in the message files (`response-inadequate`).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Inadequate => "response-inadequate",
            Self::Intolerant => "response-intolerant",
            Self::Adequate => "response-adequate",
        }
    }

    /// In English.
    pub fn label(self) -> &'static str {
        match self {
            Self::Inadequate => "inadequate response",
            Self::Intolerant => "intolerance",
            Self::Adequate => "adequate response",
        }
    }
}

impl Exposure {
    /// Whether the agent is still being taken on `date`.
    pub fn is_ongoing_on(&self, date: NaiveDate) -> bool {
        self.ongoing || self.last_dose.is_some_and(|last| last >= date)
    }

    /// The most recent date the patient had the agent: today's treatment counts as `on`.
    pub fn latest_exposure(&self, on: NaiveDate) -> Option<NaiveDate> {
        if self.ongoing { Some(on) } else { self.last_dose }
    }
}
