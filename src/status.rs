//! The words and icons that say a criterion's status. Colour never carries meaning alone:
//! every status has an icon and a word, here, for the UI, the printout and the CLI alike.

use crate::engine::protocol_eval::{DiscretionStatus, Outcome, Verdict};
use crate::i18n::word;
use crate::model::protocol::CriterionKind;

/// The status of one criterion as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// An inclusion met.
    Met,
    /// An inclusion not met.
    NotMet,
    /// An exclusion that does not apply.
    NotExcluded,
    /// An exclusion that applies.
    Excluded,
    /// Data not entered; not a failure.
    Missing,
    /// Awaits the investigator's judgment.
    Judgment,
    /// Does not apply to this patient (another cohort, a condition not holding).
    NotApplicable,
    /// Passes because of a recorded protocol override.
    Overridden,
}

impl Status {
    /// The status of a criterion of this kind with this outcome.
    pub fn of(kind: CriterionKind, outcome: Outcome, discretion: DiscretionStatus) -> Self {
        match (kind, outcome) {
            (_, Outcome::Passes) if matches!(discretion, DiscretionStatus::Applied { .. }) => Self::Overridden,
            (CriterionKind::Inclusion, Outcome::Passes) => Self::Met,
            (CriterionKind::Inclusion, Outcome::Fails) => Self::NotMet,
            (CriterionKind::Exclusion, Outcome::Passes) => Self::NotExcluded,
            (CriterionKind::Exclusion, Outcome::Fails) => Self::Excluded,
            (_, Outcome::Missing) => Self::Missing,
            (_, Outcome::Judgment) => Self::Judgment,
            (_, Outcome::NotApplicable) => Self::NotApplicable,
        }
    }

    /// The word: "met", "not met", "excluded", "not excluded", "missing", "judgment
    /// needed", "not applicable", "met by override".
    /// In the chosen language (`crate::i18n`).
    pub fn word(self) -> &'static str {
        word(match self {
            Self::Met => "status-met",
            Self::NotMet => "status-not-met",
            Self::NotExcluded => "status-not-excluded",
            Self::Excluded => "status-excluded",
            Self::Missing => "status-missing",
            Self::Judgment => "status-judgment",
            Self::NotApplicable => "status-not-applicable",
            Self::Overridden => "status-overridden",
        })
    }

    /// The icon, in the embedded font.
    pub fn icon(self) -> &'static str {
        match self {
            Self::Met | Self::NotExcluded => "✔",
            Self::NotMet | Self::Excluded => "✖",
            Self::Missing => "?",
            Self::Judgment => "⚠",
            Self::NotApplicable => "–",
            Self::Overridden => "✔",
        }
    }
}

/// The verdict in words, in the chosen language; with an incomplete source an eligible
/// verdict reads "eligible on the available criteria".
pub fn verdict_words(verdict: Verdict, source_complete: bool) -> &'static str {
    word(match (verdict, source_complete) {
        (Verdict::Eligible, true) => "verdict-eligible",
        (Verdict::Eligible, false) => "verdict-eligible-available",
        (Verdict::Ineligible, _) => "verdict-ineligible",
        (Verdict::Incomplete, _) => "verdict-incomplete",
    })
}

/// The verdict's icon.
pub fn verdict_icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "✔",
        Verdict::Ineligible => "✖",
        Verdict::Incomplete => "?",
    }
}
