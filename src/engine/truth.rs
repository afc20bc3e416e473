//! Three-valued logic plus judgment.

use serde::Serialize;

/// The truth of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Truth {
    /// Decided: the rule holds.
    True,
    /// Decided: the rule does not hold.
    False,
    /// Data needed to decide is not entered.
    Unknown,
    /// The investigator must decide.
    Judgment,
}

impl Truth {
    /// From a boolean.
    pub fn from_bool(value: bool) -> Self {
        if value { Self::True } else { Self::False }
    }

    /// Conjunction: false wins, then unknown (more data may decide it), then judgment.
    pub fn and(self, other: Self) -> Self {
        use Truth::{False, Judgment, True, Unknown};
        match (self, other) {
            (False, _) | (_, False) => False,
            (Unknown, _) | (_, Unknown) => Unknown,
            (Judgment, _) | (_, Judgment) => Judgment,
            (True, True) => True,
        }
    }

    /// Disjunction: true wins, then unknown, then judgment.
    pub fn or(self, other: Self) -> Self {
        use Truth::{False, Judgment, True, Unknown};
        match (self, other) {
            (True, _) | (_, True) => True,
            (Unknown, _) | (_, Unknown) => Unknown,
            (Judgment, _) | (_, Judgment) => Judgment,
            (False, False) => False,
        }
    }

    /// Whether the value is decided (true or false).
    pub fn is_definite(self) -> bool {
        matches!(self, Self::True | Self::False)
    }
}

impl std::ops::Not for Truth {
    type Output = Self;

    /// The opposite; unknown and judgment stay as they are.
    fn not(self) -> Self {
        match self {
            Self::True => Self::False,
            Self::False => Self::True,
            other => other,
        }
    }
}

/// At least `needed` of the parts are true.
pub fn at_least(needed: u32, parts: impl IntoIterator<Item = Truth>) -> Truth {
    let (mut true_count, mut open_unknown, mut open_judgment) = (0u32, 0u32, 0u32);
    for part in parts {
        match part {
            Truth::True => true_count += 1,
            Truth::Unknown => open_unknown += 1,
            Truth::Judgment => open_judgment += 1,
            Truth::False => {}
        }
    }
    if true_count >= needed {
        Truth::True
    } else if true_count + open_unknown + open_judgment < needed {
        Truth::False
    } else if open_unknown > 0 {
        Truth::Unknown
    } else {
        Truth::Judgment
    }
}

#[cfg(test)]
mod tests {
    use super::Truth::{self, False, Judgment, True, Unknown};
    use super::at_least;

    const ALL: [Truth; 4] = [True, False, Unknown, Judgment];

    #[test]
    fn and_or_truth_tables() {
        for a in ALL {
            assert_eq!(a.and(True), a);
            assert_eq!(a.and(False), False);
            assert_eq!(a.or(False), a);
            assert_eq!(a.or(True), True);
            for b in ALL {
                assert_eq!(a.and(b), b.and(a));
                assert_eq!(a.or(b), b.or(a));
                // De Morgan holds for the definite values and leaves the open ones open.
                assert_eq!(!a.and(b), (!a).or(!b));
            }
        }
        assert_eq!(Unknown.and(Judgment), Unknown);
        assert_eq!(Unknown.or(Judgment), Unknown);
    }

    #[test]
    fn at_least_counts_open_parts() {
        assert_eq!(at_least(2, [True, True, False]), True);
        assert_eq!(at_least(2, [True, False, False]), False);
        assert_eq!(at_least(2, [True, Unknown, False]), Unknown);
        assert_eq!(at_least(2, [True, Judgment, False]), Judgment);
        assert_eq!(at_least(3, [True, Unknown, False]), False);
    }
}
