//! Text that is signed or printed as a person's name or a signature's meaning must read
//! the same everywhere: no control characters (a terminal escape can redraw a line, a
//! newline can forge a printed line), no invisible or direction-changing characters (a
//! right-to-left override can show "Dr Chief" for other letters), no look-alike runs of
//! spaces. Such text is refused where it is typed, never cleaned up silently.

/// Why a text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CleanTextError {
    /// Empty, or only spaces.
    #[error("{}", crate::i18n::text_with("clean-text-empty", &[("what", shown(what))]))]
    Empty {
        /// What the text is ("signer's name").
        what: &'static str,
    },
    /// Longer than allowed.
    #[error("{}", crate::i18n::text_with("clean-text-too-long", &[("what", shown(what)), ("length", length.to_string()), ("max", max.to_string())]))]
    TooLong {
        /// What the text is.
        what: &'static str,
        /// Its length in characters.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A control, invisible, line-breaking or direction-changing character.
    #[error("{}", crate::i18n::text_with("clean-text-invisible", &[("what", shown(what)), ("code", code.clone()), ("position", position.to_string())]))]
    Invisible {
        /// What the text is.
        what: &'static str,
        /// The character as `U+XXXX`.
        code: String,
        /// Its 1-based position in characters.
        position: usize,
    },
    /// Spaces or other whitespace around the text, or two spaces in a row.
    #[error("{}", crate::i18n::text_with("clean-text-spacing", &[("what", shown(what))]))]
    Spacing {
        /// What the text is.
        what: &'static str,
    },
}

/// What a refused text is, in the reader's language ("signer's name", 签名人姓名).
fn shown(what: &str) -> String {
    match what {
        "signer's name" => crate::i18n::text("clean-text-signer-name"),
        other => other.to_owned(),
    }
}

/// Whether a character changes how text is shown without being seen itself: controls
/// (C0, C1, DEL), line and paragraph separators, zero-width characters, bidirectional
/// embeddings, overrides and isolates, the byte-order mark, the soft hyphen, and any
/// whitespace other than the plain space.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
}

/// Checks a one-line text a person reads: not empty, at most `max` characters, no
/// invisible character, single spaces between words and none around.
pub fn check(text: &str, what: &'static str, max: usize) -> Result<(), CleanTextError> {
    if text.trim().is_empty() {
        return Err(CleanTextError::Empty { what });
    }
    let length = text.chars().count();
    if length > max {
        return Err(CleanTextError::TooLong { what, length, max });
    }
    if let Some((index, c)) = text.chars().enumerate().find(|(_, c)| is_invisible(*c)) {
        return Err(CleanTextError::Invisible { what, code: format!("U+{:04X}", u32::from(c)), position: index + 1 });
    }
    if text.starts_with(' ') || text.ends_with(' ') || text.contains("  ") {
        return Err(CleanTextError::Spacing { what });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_could_mislead_a_reader_is_refused() {
        let refused = [
            ("", "empty"),
            ("   ", "blank"),
            ("Dr M\u{1b}[2K\rDr Chief", "a terminal escape that redraws the line"),
            ("Dr M\nDr Chief", "a newline that forges a printed line"),
            ("Dr \u{202E}feihC", "a right-to-left override"),
            ("Dr\u{200B}X", "a zero-width space"),
            ("Dr\u{00A0}X", "a no-break space that looks like a space"),
            ("Dr  X", "two spaces"),
            (" Dr X", "a leading space"),
            ("Dr X ", "a trailing space"),
            ("\u{FEFF}Dr X", "a byte-order mark"),
            ("Dr\u{2028}X", "a line separator"),
        ];
        for (text, why) in refused {
            assert!(check(text, "signer's name", 100).is_err(), "accepted {why}: {text:?}");
        }
        assert_eq!(
            check("Dr \u{202E}x", "signer's name", 100),
            Err(CleanTextError::Invisible { what: "signer's name", code: "U+202E".to_owned(), position: 4 })
        );
        assert!(matches!(check(&"x".repeat(101), "name", 100), Err(CleanTextError::TooLong { length: 101, .. })));
    }

    #[test]
    fn ordinary_names_in_any_script_are_accepted() {
        for text in ["Dr Ana Ruiz", "Prof. Müller-Lüdenscheidt", "Δρ Παπαδόπουλος", "O'Brien, S.", "李医生", "د. سارة"]
        {
            assert_eq!(check(text, "signer's name", 100), Ok(()), "{text}");
        }
    }

    #[test]
    fn a_refusal_is_worded_in_the_readers_language() {
        crate::i18n::set_thread_language(crate::i18n::Language::ZhCn);
        let refused = [check(" ", "signer's name", 100), check("Dr  Li", "signer's name", 100)];
        let refused = refused.map(|r| r.expect_err("refused").to_string());
        crate::i18n::set_thread_language(crate::i18n::Language::En);
        assert_eq!(refused, ["签名人姓名为空", "签名人姓名首尾有空格或含有连续空格；词与词之间请只用一个空格"]);
        assert_eq!(check(" ", "signer's name", 100).expect_err("refused").to_string(), "the signer's name is empty");
    }
}
