//! Pure clinical calculators: scores, classification criteria, kidney function, steroid
//! equivalence. No I/O, no clock, no egui: every function is a value in, a value out,
//! and every result explains itself.
//!
//! Checklist instruments share one input shape, [`Assessment`]: a map from the
//! instrument's item keys to answers. **Unanswered is not absent**: an item with no entry
//! is "not assessed", and a score with unassessed items is a range (`min..=max`), never a
//! silent zero.

use serde::{Deserialize, Serialize};

pub mod catalog;
mod checklist;
pub mod instrument_words;
#[cfg(test)]
mod properties;

pub mod acr_eular_ss_2016;
pub mod acr_eular_ssc_2013;
pub mod bvas_v3;
pub mod essdai;
pub mod eular_acr_iim_2017;
pub mod eular_acr_sle_2019;
pub mod haq_di;
pub mod kidney;
pub mod mmt8;
pub mod mrss;
pub mod sledai2k;
pub mod steroids;

pub use crate::model::instrument_answers::{Answer, Answers};

pub use crate::model::instrument::InstrumentId;

impl InstrumentId {
    /// Every instrument, in a stable order.
    pub fn all() -> &'static [InstrumentId] {
        &[
            Self::Sledai2k,
            Self::EularAcrSle2019,
            Self::AcrEularSsc2013,
            Self::AcrEularSs2016,
            Self::EularAcrIim2017,
            Self::BvasV3,
            Self::Essdai,
            Self::Mmt8,
            Self::Mmt8Unilateral,
            Self::HaqDi,
            Self::Mrss,
        ]
    }

    /// The serialized name, as in protocol and session files (`eular_acr_sle_2019`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Sledai2k => "sledai2k",
            Self::EularAcrSle2019 => "eular_acr_sle_2019",
            Self::AcrEularSsc2013 => "acr_eular_ssc_2013",
            Self::AcrEularSs2016 => "acr_eular_ss_2016",
            Self::EularAcrIim2017 => "eular_acr_iim_2017",
            Self::BvasV3 => "bvas_v3",
            Self::Essdai => "essdai",
            Self::Mmt8 => "mmt8",
            Self::Mmt8Unilateral => "mmt8_unilateral",
            Self::HaqDi => "haq_di",
            Self::Mrss => "mrss",
        }
    }

    /// The instrument's name as people write it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Sledai2k => "SLEDAI-2K",
            Self::EularAcrSle2019 => "2019 EULAR/ACR SLE classification criteria",
            Self::AcrEularSsc2013 => "2013 ACR/EULAR systemic sclerosis classification criteria",
            Self::AcrEularSs2016 => "2016 ACR/EULAR Sjögren's syndrome classification criteria",
            Self::EularAcrIim2017 => "2017 EULAR/ACR idiopathic inflammatory myopathy classification criteria",
            Self::BvasV3 => "BVAS version 3",
            Self::Essdai => "ESSDAI",
            Self::Mmt8 => "MMT-8 (bilateral, 0–150)",
            Self::Mmt8Unilateral => "MMT-8 (unilateral, 0–80)",
            Self::HaqDi => "HAQ-DI",
            Self::Mrss => "Modified Rodnan skin score",
        }
    }

    /// Items that describe the form rather than the patient (BVAS's "persistent" and
    /// "first assessment" boxes, the IIM "muscle biopsy available" box): they are never
    /// counted as findings.
    pub fn selectors(self) -> &'static [&'static str] {
        match self {
            Self::BvasV3 => &[bvas_v3::PERSISTENT, bvas_v3::FIRST_ASSESSMENT],
            Self::EularAcrIim2017 => &[eular_acr_iim_2017::MUSCLE_BIOPSY],
            _ => &[],
        }
    }

    /// The instrument's items, in the order of the published form.
    pub fn items(self) -> &'static [ItemSpec] {
        match self {
            Self::Sledai2k => sledai2k::items(),
            Self::EularAcrSle2019 => eular_acr_sle_2019::items(),
            Self::AcrEularSsc2013 => acr_eular_ssc_2013::items(),
            Self::AcrEularSs2016 => acr_eular_ss_2016::items(),
            Self::EularAcrIim2017 => eular_acr_iim_2017::items(),
            Self::BvasV3 => bvas_v3::items(),
            Self::Essdai => essdai::items(),
            Self::Mmt8 => mmt8::bilateral_items(),
            Self::Mmt8Unilateral => mmt8::unilateral_items(),
            Self::HaqDi => haq_di::items(),
            Self::Mrss => mrss::items(),
        }
    }

    /// The item with this key.
    pub fn item(self, key: &str) -> Option<&'static ItemSpec> {
        self.items().iter().find(|spec| spec.key == key)
    }

    /// Scores one assessment. Unknown keys and answers an item does not take are errors;
    /// items without an answer are not assessed and make the score a range.
    pub fn evaluate(self, answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
        match self {
            Self::Sledai2k => sledai2k::evaluate(answers, options),
            Self::EularAcrSle2019 => eular_acr_sle_2019::evaluate(answers, options),
            Self::AcrEularSsc2013 => acr_eular_ssc_2013::evaluate(answers, options),
            Self::AcrEularSs2016 => acr_eular_ss_2016::evaluate(answers, options),
            Self::EularAcrIim2017 => eular_acr_iim_2017::evaluate(answers, options),
            Self::BvasV3 => bvas_v3::evaluate(answers, options),
            Self::Essdai => essdai::evaluate(answers, options),
            Self::Mmt8 => mmt8::evaluate_bilateral(answers, options),
            Self::Mmt8Unilateral => mmt8::evaluate_unilateral(answers, options),
            Self::HaqDi => haq_di::evaluate(answers, options),
            Self::Mrss => mrss::evaluate(answers, options),
        }
    }
}

impl std::fmt::Display for InstrumentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What kind of answer an item takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnswerKind {
    /// Present / absent.
    Presence,
    /// One of the listed levels (ESSDAI's CNS domain allows 0, 2, 3 only).
    Level {
        /// The levels the item takes.
        allowed: &'static [u8],
    },
    /// A number within a plausible range.
    Number {
        /// The lowest value accepted.
        min: f64,
        /// The highest value accepted.
        max: f64,
        /// The unit the number is in.
        unit: &'static str,
    },
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
    /// The kind of answer the item takes.
    pub answer: AnswerKind,
    /// The points or weight as shown beside the item ("8", "2 / 4", "× 5").
    pub points: &'static str,
    /// False where the reference marks the weight or flag unverified against the
    /// official form; the UI and printout show such items as unverified.
    pub verified: bool,
}

impl AnswerKind {
    /// Whether `answer` is one this kind of item takes.
    pub fn accepts(self, answer: Answer) -> bool {
        match (self, answer) {
            (Self::Presence, Answer::Present | Answer::Absent) => true,
            (Self::Level { allowed }, Answer::Level(level)) => allowed.contains(&level),
            (Self::Number { min, max, .. }, Answer::Number(value)) => value.is_finite() && (min..=max).contains(&value),
            _ => false,
        }
    }
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Present => f.write_str("present"),
            Self::Absent => f.write_str("absent"),
            Self::Level(level) => write!(f, "level {level}"),
            Self::Number(value) => write!(f, "{value}"),
        }
    }
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

impl Classification {
    /// The decision in words, for explanations and printouts.
    pub fn label(self) -> &'static str {
        match self {
            Self::Classified => "classified",
            Self::NotClassified => "not classified",
            Self::EntryNotMet => "entry criterion not met: the criteria do not apply",
            Self::Excluded => "excluded: an exclusion of the criteria applies",
            Self::Undetermined => "undetermined: unassessed items could change the result",
        }
    }
}

/// The points one item contributed.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    /// The item's key.
    pub key: &'static str,
    /// The item's label.
    pub label: &'static str,
    /// The points it counted for.
    pub points: f64,
}

/// Options a protocol sets on how an instrument is scored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreOptions {
    /// Item (or, for ESSDAI, domain) keys left out of the score: SLEDAI-2K without low
    /// complement and anti-dsDNA; ESSDAI restricted to a subset of domains.
    pub excluding: Vec<String>,
}

impl ScoreOptions {
    /// Options that leave out the listed items, e.g.
    /// `ScoreOptions::excluding(sledai2k::SEROLOGY)`.
    pub fn excluding(keys: &[&str]) -> Self {
        Self { excluding: keys.iter().map(|key| (*key).to_owned()).collect() }
    }

    /// Options that keep only the listed items of `instrument` (ESSDAI restricted to a
    /// protocol's domains): every other item is left out.
    pub fn restricted_to(instrument: InstrumentId, kept: &[&str]) -> Self {
        let excluding = instrument
            .items()
            .iter()
            .filter(|spec| !kept.contains(&spec.key))
            .map(|spec| spec.key.to_owned())
            .collect();
        Self { excluding }
    }
}

/// The result of one instrument on one assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentReport {
    /// The instrument scored.
    pub instrument: InstrumentId,
    /// The lowest score the unassessed items allow (equal to `max` when complete).
    pub min: f64,
    /// The highest score the unassessed items allow.
    pub max: f64,
    /// Items that contributed points, in the instrument's order.
    pub contributions: Vec<Contribution>,
    /// Keys of items not assessed that could still change the score, or the decision of
    /// a classification (an unanswered entry criterion), in the instrument's order.
    pub unassessed: Vec<&'static str>,
    /// For classification criteria: the decision.
    pub classification: Option<Classification>,
    /// A category the instrument names (IIM subgroup "DM", ESSDAI activity "moderate").
    pub category: Option<&'static str>,
    /// Formula, constants, rules applied: one sentence each.
    pub notes: Vec<String>,
    /// Where the instrument's published rule itself scores around unanswered items
    /// (HAQ-DI: the mean of the answered categories when at least 6 of 8 are answered),
    /// the score that rule gives. `None` for every other instrument, and when the rule
    /// gives no score. `min..=max` stays the range over every completion.
    pub published_score: Option<f64>,
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
    /// A key that is not one of the instrument's items.
    #[error("{}", crate::i18n::text_with("error-calculators-mod-unknown-item", &[("instrument", crate::calculators::instrument_words::instrument_name(*instrument)), ("key", key.to_string())]))]
    UnknownItem {
        /// The instrument (named in the reader's language when said).
        instrument: InstrumentId,
        /// The key given.
        key: String,
    },
    /// An answer the item does not take (a level it lacks, a number out of range).
    #[error("{}", crate::i18n::text_with("error-calculators-mod-invalid-answer", &[("instrument", crate::calculators::instrument_words::instrument_name(*instrument)), ("key", key.to_string()), ("answer", answer.to_string())]))]
    InvalidAnswer {
        /// The instrument (named in the reader's language when said).
        instrument: InstrumentId,
        /// The item.
        key: &'static str,
        /// The answer given, in words.
        answer: String,
    },
    /// Two answers that cannot both be true (a * item of BVAS with "persistent").
    #[error("{}", crate::i18n::text_with("error-calculators-mod-inconsistent", &[("instrument", crate::calculators::instrument_words::instrument_name(*instrument)), ("key", key.to_string()), ("reason", reason.to_string())]))]
    Inconsistent {
        /// The instrument (named in the reader's language when said).
        instrument: InstrumentId,
        /// The label of the item whose answer contradicts another, in the reader's language.
        key: &'static str,
        /// What it contradicts.
        reason: String,
    },
    /// `ScoreOptions::excluding` on an instrument whose items cannot be left out.
    #[error("{}", crate::i18n::text_with("error-calculators-mod-excluding-not-supported", &[("instrument", crate::calculators::instrument_words::instrument_name(*instrument))]))]
    ExcludingNotSupported {
        /// The instrument (named in the reader's language when said).
        instrument: InstrumentId,
    },
}
