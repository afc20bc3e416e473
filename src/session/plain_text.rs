//! Participant codes, names, signature meanings and reasons as typed: text that cannot
//! mislead. A control character (an escape sequence, a carriage return, a line break) or a
//! bidirectional override can make a terminal or a printout show other text than is
//! stored (`Dr M\x1b[2K\rDr Chief` shows "Dr Chief"; a newline in a participant code
//! prints a line of its own), so such text is refused where it enters, with a message,
//! never cleaned silently. A participant code has a maximum length.

/// The longest participant code (in characters): screening codes are short; a longer one
/// is a mistake or an attempt to flood the printout.
pub const MAX_PARTICIPANT_CODE_CHARS: usize = 64;

/// What a text is, for its rules and its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// A participant's screening code.
    ParticipantCode,
    /// A person's name (investigator, signer).
    Name,
    /// What a signature means.
    Meaning,
    /// The reason for an override, a judgment, a withdrawal or an amendment.
    Reason,
}

impl TextKind {
    fn words(self) -> &'static str {
        match self {
            Self::ParticipantCode => crate::i18n::word("text-kind-participant-code"),
            Self::Name => crate::i18n::word("text-kind-name"),
            Self::Meaning => crate::i18n::word("text-kind-meaning"),
            Self::Reason => crate::i18n::word("text-kind-reason"),
        }
    }
}

/// Why a text was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Nothing but spaces.
    #[error("{}", crate::i18n::text_with("error-plain-text-empty", &[("what", what.to_string())]))]
    Empty {
        /// Which text.
        what: &'static str,
    },
    /// A character that could show other text than is stored.
    #[error("{}", crate::i18n::text_with("error-plain-text-misleading", &[("what", what.to_string()), ("character", character.to_string())]))]
    Misleading {
        /// Which text.
        what: &'static str,
        /// The character, named ("a line break", "the control character U+001B").
        character: String,
    },
    /// Longer than allowed.
    #[error("{}", crate::i18n::text_with("error-plain-text-too-long", &[("what", what.to_string()), ("length", length.to_string()), ("max", max.to_string())]))]
    TooLong {
        /// Which text.
        what: &'static str,
        /// Its length in characters.
        length: usize,
        /// The maximum.
        max: usize,
    },
}

/// Checks a text of this kind (surrounding spaces are the caller's to trim).
pub fn check_text(kind: TextKind, text: &str) -> Result<(), TextError> {
    let what = kind.words();
    if text.trim().is_empty() {
        return Err(TextError::Empty { what });
    }
    if let Some(character) = text.chars().find(|c| is_misleading(*c)) {
        return Err(TextError::Misleading { what, character: describe(character) });
    }
    let length = text.chars().count();
    if kind == TextKind::ParticipantCode && length > MAX_PARTICIPANT_CODE_CHARS {
        return Err(TextError::TooLong { what, length, max: MAX_PARTICIPANT_CODE_CHARS });
    }
    Ok(())
}

/// Control characters (C0, DEL, C1), bidirectional embeddings, overrides, isolates and
/// marks, and the Unicode line and paragraph separators.
pub fn is_misleading(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn describe(c: char) -> String {
    match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "a line break".to_owned(),
        '\t' => "a tab".to_owned(),
        c => format!("the control character U+{:04X}", u32::from(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_could_mislead_is_refused_with_what_it_holds() {
        let escape = check_text(TextKind::Name, "Dr M\u{1b}[2K\rDr Chief").unwrap_err();
        assert_eq!(
            escape.to_string(),
            "the name contains the control character U+001B, which can make a terminal or a printout show other text than is stored; type it without"
        );
        let newline = check_text(TextKind::ParticipantCode, "V01\n✖ INELIGIBLE").unwrap_err();
        assert!(newline.to_string().contains("a line break"), "{newline}");
        assert!(check_text(TextKind::Reason, "see \u{202e}txt.exe").is_err());
        assert!(check_text(TextKind::Reason, "tab\there").is_err());
        assert_eq!(check_text(TextKind::Meaning, "  "), Err(TextError::Empty { what: "the meaning of the signature" }));
        assert!(check_text(TextKind::Name, "Dr Ångström-Łukasz, MD").is_ok());
        assert!(check_text(TextKind::Reason, "ITP; platelets ≥ 50 ×10⁹/L, no bleeding").is_ok());
    }

    #[test]
    fn a_participant_code_has_a_maximum_length() {
        assert!(check_text(TextKind::ParticipantCode, &"P".repeat(MAX_PARTICIPANT_CODE_CHARS)).is_ok());
        let long = check_text(TextKind::ParticipantCode, &"P".repeat(MAX_PARTICIPANT_CODE_CHARS + 1)).unwrap_err();
        assert!(matches!(long, TextError::TooLong { length: 65, max: 64, .. }), "{long}");
        assert!(check_text(TextKind::Reason, &"r".repeat(10_000)).is_ok());
    }

    #[test]
    fn what_was_refused_is_named_in_the_readers_language() {
        crate::i18n::set_thread_language(crate::i18n::Language::ZhCn);
        let refused = check_text(TextKind::Reason, "  ").expect_err("refused").to_string();
        crate::i18n::set_thread_language(crate::i18n::Language::En);
        assert_eq!(refused, "理由为空");
        assert_eq!(check_text(TextKind::Reason, "  ").expect_err("refused").to_string(), "the reason is empty");
    }
}
