//! The words and icons that say a criterion's status. Colour never carries meaning alone:
//! every status has an icon and a word, here, for the UI, the printout and the CLI alike.

use crate::engine::protocol_eval::{DiscretionStatus, Outcome, Verdict};
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
    pub fn word(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::NotMet => "not met",
            Self::NotExcluded => "not excluded",
            Self::Excluded => "excluded",
            Self::Missing => "missing",
            Self::Judgment => "judgment needed",
            Self::NotApplicable => "not applicable",
            Self::Overridden => "met by override",
        }
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

/// The verdict in words; with an incomplete source an eligible verdict reads "eligible on
/// the available criteria".
pub fn verdict_words(verdict: Verdict, source_complete: bool) -> &'static str {
    match (verdict, source_complete) {
        (Verdict::Eligible, true) => "ELIGIBLE",
        (Verdict::Eligible, false) => "ELIGIBLE ON THE AVAILABLE CRITERIA",
        (Verdict::Ineligible, _) => "INELIGIBLE",
        (Verdict::Incomplete, _) => "INCOMPLETE",
    }
}

/// The verdict's icon.
pub fn verdict_icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "✔",
        Verdict::Ineligible => "✖",
        Verdict::Incomplete => "?",
    }
}
