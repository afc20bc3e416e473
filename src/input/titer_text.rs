//! An antibody titer as typed: "1:80", or "negative".

use crate::i18n;
use crate::input::Parsed;

/// A titer result: `None` is negative, `Some(80)` is 1:80.
pub type TiterResult = Option<u32>;

/// Parses a titer field: "1:80" → `Some(80)`, "negative" → `None`, empty clears.
pub fn parse_titer(text: &str) -> Parsed<TiterResult> {
    let text = text.trim();
    if text.is_empty() {
        return Parsed::Empty;
    }
    let lower = text.to_lowercase();
    // The field's own word for negative in either language (the Chinese hint says 阴性).
    if matches!(lower.as_str(), "negative" | "neg" | "neg." | "-" | "阴性") {
        return Parsed::Value(None);
    }
    // Typed with an input method in full-width mode ("１：８０"): said, never guessed at.
    let half_width: String = text.chars().map(crate::input::half_width_of).collect();
    if half_width != text && matches!(parse_titer(&half_width), Parsed::Value(_)) {
        return Parsed::Invalid(i18n::text_with("input-half-width", &[("text", half_width)]));
    }
    if let Some((one, dilution)) = lower.split_once(':') {
        if one.trim() != "1" {
            return Parsed::Invalid(i18n::text("input-titer-starts-with-one"));
        }
        return match dilution.trim().parse::<u32>() {
            Ok(0) | Err(_) => Parsed::Invalid(i18n::text("input-titer-form")),
            Ok(dilution) => Parsed::Value(Some(dilution)),
        };
    }
    if let Some((_, dilution)) = lower.split_once('/')
        && let Ok(dilution) = dilution.trim().parse::<u32>()
    {
        return Parsed::Invalid(i18n::text_with("input-titer-colon", &[("dilution", dilution.to_string())]));
    }
    if let Ok(dilution) = lower.parse::<u32>() {
        return Parsed::Invalid(i18n::text_with("input-titer-as", &[("dilution", dilution.to_string())]));
    }
    if lower.starts_with("pos") || lower.starts_with("阳性") {
        return Parsed::Invalid(i18n::text("input-titer-of-positive"));
    }
    Parsed::Invalid(i18n::text("input-titer-form"))
}

/// A titer as the field shows it, in the language of the window.
pub fn titer_text(titer: TiterResult) -> String {
    match titer {
        Some(dilution) => format!("1:{dilution}"),
        None => i18n::text("titer-negative"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titers_and_negative_parse() {
        assert_eq!(parse_titer("1:80"), Parsed::Value(Some(80)));
        assert_eq!(parse_titer(" 1 : 640 "), Parsed::Value(Some(640)));
        assert_eq!(parse_titer("negative"), Parsed::Value(None));
        assert_eq!(parse_titer("Neg"), Parsed::Value(None));
        assert_eq!(parse_titer(""), Parsed::Empty);
        for titer in [None, Some(80), Some(1280)] {
            assert_eq!(parse_titer(&titer_text(titer)), Parsed::Value(titer));
        }
    }

    #[test]
    fn the_chinese_words_and_full_width_typing_are_understood_or_said() {
        assert_eq!(parse_titer("阴性"), Parsed::Value(None));
        assert_eq!(parse_titer("１：８０"), Parsed::Invalid("type it in half-width characters: 1:80".to_owned()));
        assert_eq!(parse_titer("1：160"), Parsed::Invalid("type it in half-width characters: 1:160".to_owned()));
        assert!(matches!(parse_titer("阳性"), Parsed::Invalid(m) if m.contains("give the titer")));
        crate::i18n::set_thread_language(crate::i18n::Language::ZhCn);
        let shown = titer_text(None);
        let said = parse_titer("80");
        crate::i18n::set_thread_language(crate::i18n::Language::En);
        assert_eq!(shown, "阴性");
        assert_eq!(parse_titer(&shown), Parsed::Value(None), "the field's own Chinese word reads back");
        assert_eq!(said, Parsed::Invalid("请将滴度写作1:80".to_owned()));
    }

    #[test]
    fn other_spellings_say_how_to_write_a_titer() {
        assert_eq!(parse_titer("80"), Parsed::Invalid("write the titer as 1:80".to_owned()));
        assert_eq!(parse_titer("1/160"), Parsed::Invalid("write the titer with a colon: 1:160".to_owned()));
        assert_eq!(parse_titer("2:80"), Parsed::Invalid("a titer starts with 1: (1:80, 1:160, …)".to_owned()));
        assert!(matches!(parse_titer("1:0"), Parsed::Invalid(_)));
        assert!(matches!(parse_titer("positive"), Parsed::Invalid(m) if m.contains("give the titer")));
        assert!(matches!(parse_titer("abc"), Parsed::Invalid(_)));
    }
}
