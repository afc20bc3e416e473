//! A signed record against today's rules: the verdict recorded with the signature and the
//! verdict the current rules give, both shown when they differ ("Signed as ELIGIBLE; under
//! the current rules INCOMPLETE because I8 missing"), never a silent rewrite of what was
//! signed. A format-1 signature recorded no verdict, which is said. The verdict card, the
//! printout and `evaluate` say it with these words.

use crate::engine::protocol_eval::{Outcome, Verdict};
use crate::i18n::{text, text_with};
use crate::screening::{ScreenedProtocol, verdict_id};
use crate::session::model::Session;
use crate::status::{Status, verdict_words};

/// A signed protocol's verdict then and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedVerdictNote {
    /// The verdict recorded with the signature, by its id (`eligible`, …); `None` when the
    /// signature recorded none (format 1).
    pub signed: Option<String>,
    /// The verdict under the current rules.
    pub now: Verdict,
    /// `status::verdict_words` of each: "ELIGIBLE ON THE AVAILABLE CRITERIA" for an
    /// incomplete source.
    pub signed_words: Option<String>,
    /// `status::verdict_words` of the verdict now.
    pub now_words: &'static str,
    /// What makes today's verdict what it is, when it is not ELIGIBLE, criteria grouped by
    /// their status: "I8, E18 missing", "E13 excluded", "no cohort chosen".
    pub because: Vec<String>,
}

impl SignedVerdictNote {
    /// The note for a protocol of a signed session; `None` when the session is not signed.
    pub fn of(session: &Session, screened: &ScreenedProtocol<'_>) -> Option<Self> {
        let signature = session.signature.as_ref()?;
        let reference = screened.reference;
        let protocol = &screened.loaded.compiled.protocol;
        let signed = signature
            .verdicts
            .iter()
            .find(|v| v.protocol == reference.id && v.version == reference.version)
            .map(|v| v.verdict.clone());
        let signed_words = signed.as_deref().map(|id| match verdict_of_id(id) {
            Some(verdict) => verdict_words(verdict, protocol.source_complete).to_owned(),
            None => id.to_uppercase(),
        });
        let now = screened.result.verdict;
        Some(Self {
            signed,
            now,
            signed_words,
            now_words: verdict_words(now, protocol.source_complete),
            because: because(screened),
        })
    }

    /// Whether the signed verdict is unknown or differs from today's: both are then shown.
    pub fn differs(&self) -> bool {
        self.signed.as_deref() != Some(verdict_id(self.now))
    }

    /// "Signed as ELIGIBLE; under the current rules INCOMPLETE because I8 missing", or for
    /// a format-1 signature "The verdict at signing was not recorded (format 1); under the
    /// current rules …".
    pub fn sentence(&self) -> String {
        let because = self.because.join(&crate::engine::explain::separator());
        let mut args = vec![("now", self.now_words.to_owned()), ("because", because)];
        let id = match (&self.signed_words, self.because.is_empty()) {
            (Some(words), true) => {
                args.push(("signed", words.clone()));
                "signed-verdict-now"
            }
            (Some(words), false) => {
                args.push(("signed", words.clone()));
                "signed-verdict-now-because"
            }
            (None, true) => {
                args.push(("format", "1".to_owned()));
                "signed-verdict-unrecorded"
            }
            (None, false) => {
                args.push(("format", "1".to_owned()));
                "signed-verdict-unrecorded-because"
            }
        };
        text_with(id, &args)
    }
}

/// The verdict a stable id names.
fn verdict_of_id(id: &str) -> Option<Verdict> {
    [Verdict::Eligible, Verdict::Ineligible, Verdict::Incomplete].into_iter().find(|v| verdict_id(*v) == id)
}

/// What decides a verdict other than ELIGIBLE: the failing criteria of an ineligible one,
/// the undecided criteria (and a missing cohort, a protocol listed twice) of an incomplete one.
fn because(screened: &ScreenedProtocol<'_>) -> Vec<String> {
    let result = &screened.result;
    let wanted: &[Outcome] = match result.verdict {
        Verdict::Eligible => return Vec::new(),
        Verdict::Ineligible => &[Outcome::Fails],
        Verdict::Incomplete => &[Outcome::Missing, Outcome::Judgment],
    };
    let mut reasons = Vec::new();
    if result.verdict == Verdict::Incomplete {
        if result.cohort_missing {
            reasons.push(text("signed-because-no-cohort"));
        }
        if screened.listed_twice {
            reasons.push(text("signed-because-listed-twice"));
        }
    }
    // Criteria grouped by their status word, in protocol order: "I8, E18 missing".
    let mut groups: Vec<(&'static str, Vec<&str>)> = Vec::new();
    let criteria = &screened.loaded.compiled.protocol.criteria;
    for (criterion, r) in criteria.iter().zip(&result.criteria).filter(|(_, r)| wanted.contains(&r.outcome)) {
        let word = Status::of(criterion.kind, r.outcome, r.discretion).word();
        match groups.iter_mut().find(|(shown, _)| *shown == word) {
            Some((_, ids)) => ids.push(&criterion.id),
            None => groups.push((word, vec![&criterion.id])),
        }
    }
    reasons.extend(groups.into_iter().map(|(word, ids)| {
        text_with("signed-because-criteria", &[("criteria", ids.join(", ")), ("status", word.to_owned())])
    }));
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(signed: Option<&str>, now: Verdict, because: &[&str]) -> SignedVerdictNote {
        SignedVerdictNote {
            signed: signed.map(str::to_owned),
            now,
            signed_words: signed.map(str::to_uppercase),
            now_words: verdict_words(now, true),
            because: because.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn both_verdicts_are_said_when_they_differ() {
        let differs = note(Some("eligible"), Verdict::Incomplete, &["I8, E13 missing", "E2 judgment needed"]);
        assert!(differs.differs());
        assert_eq!(
            differs.sentence(),
            "Signed as ELIGIBLE; under the current rules INCOMPLETE because I8, E13 missing; E2 judgment needed"
        );
        assert!(!note(Some("eligible"), Verdict::Eligible, &[]).differs());
        let format_1 = note(None, Verdict::Ineligible, &["E13 excluded"]);
        assert!(format_1.differs(), "an unrecorded verdict is always shown beside today's");
        assert_eq!(
            format_1.sentence(),
            "The verdict at signing was not recorded (format 1); under the current rules INELIGIBLE because E13 excluded"
        );
    }

    #[test]
    fn every_verdict_id_reads_back() {
        for verdict in [Verdict::Eligible, Verdict::Ineligible, Verdict::Incomplete] {
            assert_eq!(verdict_of_id(verdict_id(verdict)), Some(verdict));
        }
        assert_eq!(verdict_of_id("maybe"), None);
    }
}
