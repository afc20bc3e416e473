//! What a sign-off means: a statement chosen from a fixed list, stored by a stable id
//! together with the exact text shown to the signer, and checked against the verdicts it
//! signs, so "eligible" cannot be signed for a screening that is not. A screening that is
//! not fully decided (a criterion missing or awaiting judgment) is signed only with an
//! explicit acknowledgement of what is undecided, which the record keeps and the
//! signature's text states. The signer sees the statement in their language and the record
//! keeps it as seen; a listed statement is accepted worded as listed in any language.

use crate::i18n::{self, Language};
use crate::session::model::{CUSTOM_MEANING_ID, SignedVerdict};

/// A statement a signature can make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignatureMeaning {
    /// Its stable id, as files store it.
    pub id: &'static str,
    /// The statement in English, as listed (the message `message` worded in English).
    pub statement: &'static str,
    /// The id of its message: the statement as shown in the signer's language.
    pub message: &'static str,
    /// The verdicts it may sign: every protocol's verdict must be this one, or any when
    /// `None`.
    pub requires: Option<&'static str>,
}

/// The statements offered, in the order the dialog lists them.
pub const SIGNATURE_MEANINGS: [SignatureMeaning; 4] = [
    SignatureMeaning {
        id: "eligible",
        statement: "Eligibility assessment complete: the participant is eligible for the protocols above",
        message: "sign-meaning-eligible",
        requires: Some("eligible"),
    },
    SignatureMeaning {
        id: "screen_failure",
        statement: "Screen failure confirmed: the participant is not eligible for the protocols above",
        message: "sign-meaning-screen-failure",
        requires: Some("ineligible"),
    },
    SignatureMeaning {
        id: "reviewed_undecided",
        statement: "Screening reviewed: eligibility is not yet decided; what is undecided is acknowledged below",
        message: "sign-meaning-reviewed-undecided",
        requires: Some("incomplete"),
    },
    SignatureMeaning {
        id: "reviewed",
        statement: "I confirm the eligibility assessment above",
        message: "sign-meaning-reviewed",
        requires: None,
    },
];

impl SignatureMeaning {
    /// The statement as shown to the signer, in the current language.
    pub fn shown(self) -> String {
        i18n::text(self.message)
    }

    /// Whether `text` is this statement worded as listed in one of the supported languages
    /// (a record signed in Chinese is accepted on an English machine, and the reverse).
    pub fn is_worded(self, text: &str) -> bool {
        text == self.statement
            || Language::ALL.into_iter().any(|language| i18n::text_in(language, self.message) == text)
    }
}

/// A sign-off as the signer chose it: a statement by id (or [`CUSTOM_MEANING_ID`] with
/// their own words) and what they acknowledged as undecided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOff {
    /// The statement's stable id.
    pub meaning_id: String,
    /// The statement, exactly as shown.
    pub statement: String,
    /// Each criterion still missing or awaiting judgment, as shown, acknowledged.
    pub acknowledged: Vec<String>,
}

impl SignOff {
    /// A sign-off in the signer's own words, acknowledging nothing.
    pub fn custom(statement: &str) -> Self {
        Self { meaning_id: CUSTOM_MEANING_ID.to_owned(), statement: statement.to_owned(), acknowledged: Vec::new() }
    }

    /// Whether it may sign these verdicts: a listed statement must be worded as listed (in
    /// any supported language) and fit the verdicts; the signer's own words may sign any.
    pub fn check(&self, verdicts: &[SignedVerdict]) -> Result<(), String> {
        if self.meaning_id == CUSTOM_MEANING_ID {
            return Ok(());
        }
        let listed = meaning(&self.meaning_id)
            .ok_or_else(|| i18n::text_with("sign-meaning-unknown", &[("id", self.meaning_id.clone())]))?;
        if !listed.is_worded(&self.statement) {
            let statement = listed.shown();
            return Err(i18n::text_with(
                "sign-meaning-worded",
                &[("id", listed.id.to_owned()), ("statement", statement)],
            ));
        }
        fits(listed, verdicts)
    }

    /// The text the signature records: the statement and what was acknowledged.
    pub fn recorded_text(&self) -> String {
        recorded_text(&self.statement, &self.acknowledged)
    }
}

/// The statement with this id.
pub fn meaning(id: &str) -> Option<SignatureMeaning> {
    SIGNATURE_MEANINGS.into_iter().find(|meaning| meaning.id == id)
}

/// The statements that may sign these verdicts, the most specific first.
pub fn meanings_for(verdicts: &[SignedVerdict]) -> Vec<SignatureMeaning> {
    SIGNATURE_MEANINGS.into_iter().filter(|meaning| fits(*meaning, verdicts).is_ok()).collect()
}

/// Whether a statement may sign these verdicts; why not, when it may not.
pub fn fits(meaning: SignatureMeaning, verdicts: &[SignedVerdict]) -> Result<(), String> {
    let Some(required) = meaning.requires else { return Ok(()) };
    match verdicts.iter().find(|signed| signed.verdict != required) {
        None if !verdicts.is_empty() => Ok(()),
        None => Err(i18n::text_with("sign-meaning-needs-verdict", &[("statement", meaning.shown())])),
        Some(other) => Err(i18n::text_with(
            "sign-meaning-verdict-differs",
            &[
                ("statement", meaning.shown()),
                ("protocol", other.protocol.clone()),
                ("version", other.version.to_string()),
                ("verdict", verdict_word(&other.verdict).to_owned()),
                ("required", verdict_word(required).to_lowercase()),
            ],
        )),
    }
}

/// A verdict id's word as shown ("eligible" → ELIGIBLE, 合格); an unknown id as it is.
fn verdict_word(id: &str) -> String {
    match id {
        "eligible" => i18n::text("verdict-eligible"),
        "ineligible" => i18n::text("verdict-ineligible"),
        "incomplete" => i18n::text("verdict-incomplete"),
        other => other.to_uppercase(),
    }
}

/// The text a signature records and its electronic signature covers: the statement, then
/// what the signer acknowledged as undecided, in the signer's language.
pub fn recorded_text(statement: &str, acknowledged: &[String]) -> String {
    if acknowledged.is_empty() {
        statement.to_owned()
    } else {
        let criteria = acknowledged.join(&i18n::text("sign-acknowledged-separator"));
        i18n::text_with("sign-acknowledged", &[("statement", statement.to_owned()), ("criteria", criteria)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts(words: &[&str]) -> Vec<SignedVerdict> {
        words
            .iter()
            .enumerate()
            .map(|(i, verdict)| SignedVerdict { protocol: format!("p{i}"), version: 1, verdict: (*verdict).to_owned() })
            .collect()
    }

    #[test]
    fn eligible_is_offered_only_when_every_protocol_is_eligible() {
        let ids = |words: &[&str]| meanings_for(&verdicts(words)).iter().map(|m| m.id).collect::<Vec<_>>();
        assert_eq!(ids(&["eligible"]), ["eligible", "reviewed"]);
        assert_eq!(ids(&["eligible", "eligible"]), ["eligible", "reviewed"]);
        assert_eq!(ids(&["eligible", "incomplete"]), ["reviewed"]);
        assert_eq!(ids(&["ineligible"]), ["screen_failure", "reviewed"]);
        assert_eq!(ids(&["incomplete"]), ["reviewed_undecided", "reviewed"]);
        let eligible = meaning("eligible").expect("listed");
        let refused = fits(eligible, &verdicts(&["eligible", "incomplete"])).expect_err("refused");
        assert!(refused.contains("p1 v1 is INCOMPLETE, not eligible"), "{refused}");
        assert!(fits(eligible, &[]).is_err());
    }

    #[test]
    fn the_recorded_text_states_what_was_acknowledged() {
        assert_eq!(recorded_text("Reviewed", &[]), "Reviewed");
        assert_eq!(
            recorded_text("Reviewed", &["p I3: missing".to_owned(), "p E2: judgment needed".to_owned()]),
            "Reviewed. Acknowledged as not decided: p I3: missing; p E2: judgment needed"
        );
    }

    #[test]
    fn a_refusal_is_worded_in_the_readers_language() {
        i18n::set_thread_language(Language::ZhCn);
        let eligible = meaning("eligible").expect("listed");
        let refused = fits(eligible, &verdicts(&["eligible", "incomplete"])).expect_err("refused");
        let unknown = SignOff { meaning_id: "x".to_owned(), statement: String::new(), acknowledged: Vec::new() }
            .check(&verdicts(&["eligible"]))
            .expect_err("refused");
        i18n::set_thread_language(Language::En);
        assert!(refused.ends_with("：方案p1第1版的结论为不完整，而非合格"), "{refused}");
        assert!(refused.starts_with("无法签署“合格性评估已完成"), "{refused}");
        assert!(unknown.contains("不是可用的签名声明"), "{unknown}");
    }
}
