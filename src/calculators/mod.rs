//! Pure clinical calculators: scores, classification criteria, kidney function, steroid
//! equivalence. No I/O, no clock, no egui: every function is a value in, a value out,
//! and every result explains itself.
//!
//! Checklist instruments share one input shape, [`Assessment`]: a map from the
//! instrument's item keys to answers. **Unanswered is not absent**: an item with no entry
//! is "not assessed", and a score with unassessed items is a range (`min..=max`), never a
//! silent zero.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One answer to one item of an instrument.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The descriptor is present.
    Present,
    /// The descriptor was assessed and is absent.
    Absent,
    /// A graded item: an activity level, a muscle grade, a skin score.
    Level(u8),
    /// A numeric item (age at onset, a lab value the instrument reads).
    Number(f64),
}

/// The answers to one instrument; items without an entry are not assessed.
pub type Answers = BTreeMap<String, Answer>;

/// The instruments trialscreen computes. The serialized name is what protocol and
/// session files use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InstrumentId {
    #[serde(rename = "sledai2k")]
    Sledai2k,
    #[serde(rename = "eular_acr_sle_2019")]
    EularAcrSle2019,
    #[serde(rename = "acr_eular_ssc_2013")]
    AcrEularSsc2013,
    #[serde(rename = "acr_eular_ss_2016")]
    AcrEularSs2016,
    #[serde(rename = "eular_acr_iim_2017")]
    EularAcrIim2017,
    #[serde(rename = "bvas_v3")]
    BvasV3,
    #[serde(rename = "essdai")]
    Essdai,
    #[serde(rename = "mmt8")]
    Mmt8,
    #[serde(rename = "haq_di")]
    HaqDi,
    #[serde(rename = "mrss")]
    Mrss,
}

/// What kind of answer an item takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnswerKind {
    /// Present / absent.
    Presence,
    /// One of the listed levels (ESSDAI's CNS domain allows 0, 2, 3 only).
    Level { allowed: &'static [u8] },
    /// A number within a plausible range.
    Number { min: f64, max: f64, unit: &'static str },
}

/// One item of an instrument as the forms show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemSpec {
    /// Stable key used in files and in `calc key=value`.
    pub key: &'static str,
    /// The descriptor as the published instrument names it.
    pub label: &'static str,
    /// The domain, section or organ system the item belongs to, if the instrument has them.
    pub group: Option<&'static str>,
    pub answer: AnswerKind,
    /// The points or weight as shown beside the item ("8", "2 / 4", "× 5").
    pub points: &'static str,
    /// False where the reference marks the weight or flag unverified against the
    /// official form; the UI and printout show such items as unverified.
    pub verified: bool,
}

/// How a classification instrument decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Classification {
    /// The criteria classify the patient.
    Classified,
    /// Assessed and not classified.
    NotClassified,
    /// The entry criterion is not met, so the criteria do not apply.
    EntryNotMet,
    /// An exclusion of the instrument applies (e.g. prior head-and-neck radiation for SS).
    Excluded,
    /// Unassessed items could still change the result.
    Undetermined,
}

/// The points one item contributed.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub key: &'static str,
    pub label: &'static str,
    pub points: f64,
}

/// Options a protocol sets on how an instrument is scored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreOptions {
    /// Item (or, for ESSDAI, domain) keys left out of the score: SLEDAI-2K without low
    /// complement and anti-dsDNA; ESSDAI restricted to a subset of domains.
    pub excluding: Vec<String>,
}

/// The result of one instrument on one assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentReport {
    pub instrument: InstrumentId,
    /// The lowest score the unassessed items allow (equal to `max` when complete).
    pub min: f64,
    /// The highest score the unassessed items allow.
    pub max: f64,
    /// Items that contributed points, in the instrument's order.
    pub contributions: Vec<Contribution>,
    /// Keys of items not assessed that could still change the score.
    pub unassessed: Vec<&'static str>,
    /// For classification criteria: the decision.
    pub classification: Option<Classification>,
    /// A category the instrument names (IIM subgroup "DM", ESSDAI activity "moderate").
    pub category: Option<&'static str>,
    /// Formula, constants, rules applied: one sentence each.
    pub notes: Vec<String>,
}

impl InstrumentReport {
    /// The score when every item that matters is assessed.
    pub fn exact(&self) -> Option<f64> {
        (self.min == self.max).then_some(self.min)
    }
}

/// Why an assessment cannot be scored.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AssessmentError {
    #[error("{instrument} has no item \"{key}\"")]
    UnknownItem { instrument: &'static str, key: String },
    #[error("{instrument}: \"{key}\" does not take {answer}")]
    InvalidAnswer { instrument: &'static str, key: &'static str, answer: String },
}
