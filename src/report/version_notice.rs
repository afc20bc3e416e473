//! The notice beside a protocol screened under an older version than the one loaded: the
//! readings the newer version corrects, and whether the session may be re-screened under
//! it (an unsigned one may; a signed one stays on the version it was signed under). The
//! board's banner, the printout and `evaluate` say it with these words. The same notice,
//! with the version unchanged, offers a re-screen when the meaning of the vocabulary the
//! protocol uses changed since screening (a site changed a unit, an item or a class).

use crate::i18n::{text, text_with};
use crate::screening::ScreenedProtocol;

/// A newer version of a protocol than the one screened under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionNotice {
    /// The version screened under.
    pub screened: u32,
    /// The newest version loaded.
    pub newer: u32,
    /// The readings the newer version corrects: criterion id and what changed, in words.
    pub corrections: Vec<(String, String)>,
    /// The session is unsigned, so it may be re-screened under the newer version.
    pub rescreen_offered: bool,
}

impl VersionNotice {
    /// The notice for a screened protocol, when a newer version is loaded. `signed`: the
    /// session is signed (it then stays on its version).
    pub fn of(screened: &ScreenedProtocol<'_>, signed: bool) -> Option<Self> {
        let vocabulary_changed = screened.vocabulary_matches == Some(false);
        let newer =
            &screened.newer_version.or_else(|| vocabulary_changed.then_some(screened.loaded))?.compiled.protocol;
        Some(Self {
            screened: screened.reference.version,
            newer: newer.version,
            corrections: newer.corrections.iter().map(|c| (c.criterion.clone(), c.reading.clone())).collect(),
            rescreen_offered: !signed,
        })
    }

    /// "Screened under version 1; version 2 corrects these readings" and what may be done.
    pub fn headline(&self) -> String {
        let Self { screened, newer, corrections: _, rescreen_offered } = self;
        let id = match (screened == newer, *rescreen_offered) {
            (true, true) => "notice-vocabulary-rescreen",
            (true, false) => "notice-vocabulary-signed",
            (false, true) => "notice-version-rescreen",
            (false, false) => "notice-version-signed",
        };
        text_with(id, &[("screened", screened.to_string()), ("newer", newer.to_string())])
    }

    /// Each correction in one line: "I8: …".
    pub fn correction_lines(&self) -> Vec<String> {
        self.corrections
            .iter()
            .map(|(criterion, reading)| {
                text_with("notice-correction", &[("criterion", criterion.clone()), ("reading", reading.clone())])
            })
            .collect()
    }

    /// The label of the button that re-screens: "Re-screen under version 2…".
    pub fn rescreen_label(&self) -> String {
        if self.newer == self.screened {
            text("notice-rescreen-vocabulary")
        } else {
            text_with("notice-rescreen-version", &[("version", self.newer.to_string())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_record_is_not_offered_a_rescreen() {
        let mut notice = VersionNotice {
            screened: 1,
            newer: 2,
            corrections: vec![("I9".to_owned(), "age on the consent date".to_owned())],
            rescreen_offered: true,
        };
        assert_eq!(
            notice.headline(),
            "Screened under version 1; version 2 corrects these readings (this unsigned session can be re-screened under version 2):"
        );
        notice.rescreen_offered = false;
        assert_eq!(
            notice.headline(),
            "Screened under version 1; version 2 corrects these readings (the signed record stays on version 1):"
        );
        assert_eq!(notice.correction_lines(), vec!["I9: age on the consent date".to_owned()]);
        assert_eq!(notice.rescreen_label(), "Re-screen under version 2…");
    }
}
