//! The clinical record of a screening visit as the engine reads it: reference dates, entered
//! values with the date of each result, the investigator's decisions with the facts each was
//! made on, and attestations that a list is complete. The session file (`session`) stores
//! these with the audit trail around them; the engine reads them and nothing of the file.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::values::Value;

/// The visit's reference dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceDates {
    /// The screening visit date.
    #[serde(with = "crate::model::file_dates::date")]
    pub screening: NaiveDate,
    /// The date informed consent was signed, once known.
    #[serde(default, with = "crate::model::file_dates::optional_date")]
    pub consent: Option<NaiveDate>,
    /// Planned enrollment / first dose, when known.
    #[serde(default, with = "crate::model::file_dates::optional_date")]
    pub enrollment: Option<NaiveDate>,
}

/// One entered value, the date of the result, and the text typed for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The value entered; its variant matches the item's kind.
    pub value: Value,
    /// The date the sample was taken or the assessment made, for a result (a dictionary item
    /// marked `dated`); a result counts only with its date.
    #[serde(default, with = "crate::model::file_dates::optional_date")]
    pub date: Option<NaiveDate>,
    /// What the investigator typed, kept for the record ("12,5" corrected to "12.5").
    #[serde(default)]
    pub raw: Option<String>,
    /// How the result was obtained, by the id of one of the item's methods
    /// (`echocardiography`); `None` when not recorded or not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}

/// A value with its date, as a decision's basis records it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    /// The value as it was then.
    pub value: Value,
    /// The result's date as it was then.
    #[serde(default, with = "crate::model::file_dates::optional_date")]
    pub date: Option<NaiveDate>,
}

/// An investigator's decision on one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The id of the protocol the criterion belongs to.
    pub protocol: String,
    /// The criterion's id.
    pub criterion: String,
    /// A judgment or an override.
    pub kind: DecisionKind,
    /// What the decision answers, by a stable id (`override`, `rule:0`,
    /// `contradiction:positive_hcg_male`, several joined by `+`), never by its wording, so a
    /// translated text does not lapse it. `None` for a decision recorded by format 1, which
    /// answers the criterion's question as it stood then.
    #[serde(default)]
    pub question: Option<String>,
    /// The investigator's stated reason; required.
    pub reason: String,
    /// Who decided.
    pub by: String,
    /// When the decision was recorded (UTC).
    #[serde(with = "crate::model::file_dates::utc_time")]
    pub at: DateTime<Utc>,
    /// The facts it was made on. `None` for a decision recorded by format 1: its basis is
    /// rebuilt from the audit trail, never from today's values.
    #[serde(default)]
    pub basis: Option<Basis>,
}

/// What the investigator decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    /// A criterion awaiting judgment is decided: `passes` when it does not stand in the
    /// way of eligibility (an inclusion met, an exclusion not applying).
    Judgment {
        /// `true` when the criterion does not stand in the way of eligibility.
        passes: bool,
    },
    /// A protocol discretion overrides a failing criterion.
    Override,
}

/// The facts a decision was made on: while any of them changes, the decision lapses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// The protocol version the criterion was read under.
    pub version: u32,
    /// The cohort screened under.
    #[serde(default)]
    pub cohort: Option<String>,
    /// The visit's reference dates then.
    pub dates: ReferenceDates,
    /// The values of the items the criterion read, by item id; an item read but not entered
    /// then is absent.
    #[serde(default)]
    pub values: BTreeMap<String, Recorded>,
}

/// The investigator's statement that a list (the treatment history) is complete: a
/// conclusion from something's absence in the list needs it. It lapses when the list changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// The list item: `treatment_history`.
    pub item: String,
    /// Who attested.
    pub by: String,
    /// When (UTC).
    #[serde(with = "crate::model::file_dates::utc_time")]
    pub at: DateTime<Utc>,
    /// The list as it was attested.
    pub list: Value,
}

impl Entry {
    /// An entry with no date and no typed text.
    pub fn new(value: Value) -> Self {
        Self { value, date: None, raw: None, method: None }
    }

    /// An entry of a result with its date.
    pub fn dated(value: Value, date: Option<NaiveDate>) -> Self {
        Self { value, date, raw: None, method: None }
    }

    /// The value and date, as a decision's basis records them (the typed text aside).
    pub fn recorded(&self) -> Recorded {
        Recorded { value: self.value.clone(), date: self.date }
    }

    /// Whether this entry is what `recorded` holds: `self.recorded() == *recorded`, without
    /// copying the value.
    pub fn is_recorded_as(&self, recorded: &Recorded) -> bool {
        self.value == recorded.value && self.date == recorded.date
    }
}

impl DecisionKind {
    /// Whether this is an override.
    pub fn is_override(self) -> bool {
        matches!(self, Self::Override)
    }
}

/// The values a session holds, by item id.
pub type Values = BTreeMap<String, Entry>;
