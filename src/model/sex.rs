//! Sex as the kidney-function equations use it.

use serde::{Deserialize, Serialize};

/// Sex for equations with sex-specific coefficients (CKD-EPI, CKiD U25, Cockcroft–Gault).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sex {
    /// Female.
    #[serde(rename = "female")]
    Female,
    /// Male.
    #[serde(rename = "male")]
    Male,
}

impl Sex {
    /// Parses `male`/`m` or `female`/`f`, in any case.
    pub fn parse(text: &str) -> Option<Self> {
        // Compared without case and without allocating: it is read at every evaluation.
        let word = text.trim();
        if ["female", "f"].iter().any(|w| w.eq_ignore_ascii_case(word)) {
            Some(Self::Female)
        } else if ["male", "m"].iter().any(|w| w.eq_ignore_ascii_case(word)) {
            Some(Self::Male)
        } else {
            None
        }
    }

    /// The word, lower case.
    pub fn label(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
        }
    }
}

impl std::fmt::Display for Sex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_and_letters() {
        assert_eq!(Sex::parse("Male"), Some(Sex::Male));
        assert_eq!(Sex::parse(" f "), Some(Sex::Female));
        assert_eq!(Sex::parse("x"), None);
        for sex in [Sex::Female, Sex::Male] {
            assert_eq!(Sex::parse(sex.label()), Some(sex));
        }
    }
}
