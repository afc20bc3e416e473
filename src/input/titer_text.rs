//! An antibody titer as typed: "1:80", or "negative".

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
    if matches!(lower.as_str(), "negative" | "neg" | "neg." | "-") {
        return Parsed::Value(None);
    }
    if let Some((one, dilution)) = lower.split_once(':') {
        if one.trim() != "1" {
            return Parsed::Invalid("a titer starts with 1: (1:80, 1:160, …)".to_owned());
        }
        return match dilution.trim().parse::<u32>() {
            Ok(0) | Err(_) => Parsed::Invalid("write the titer as 1:80, 1:160, … or negative".to_owned()),
            Ok(dilution) => Parsed::Value(Some(dilution)),
        };
    }
    if let Some((_, dilution)) = lower.split_once('/')
        && let Ok(dilution) = dilution.trim().parse::<u32>()
    {
        return Parsed::Invalid(format!("write the titer with a colon: 1:{dilution}"));
    }
    if let Ok(dilution) = lower.parse::<u32>() {
        return Parsed::Invalid(format!("write the titer as 1:{dilution}"));
    }
    if lower.starts_with("pos") {
        return Parsed::Invalid("give the titer of a positive result: 1:80, 1:160, …".to_owned());
    }
    Parsed::Invalid("write the titer as 1:80, 1:160, … or negative".to_owned())
}

/// A titer as the field shows it.
pub fn titer_text(titer: TiterResult) -> String {
    match titer {
        Some(dilution) => format!("1:{dilution}"),
        None => "negative".to_owned(),
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
    fn other_spellings_say_how_to_write_a_titer() {
        assert_eq!(parse_titer("80"), Parsed::Invalid("write the titer as 1:80".to_owned()));
        assert_eq!(parse_titer("1/160"), Parsed::Invalid("write the titer with a colon: 1:160".to_owned()));
        assert_eq!(parse_titer("2:80"), Parsed::Invalid("a titer starts with 1: (1:80, 1:160, …)".to_owned()));
        assert!(matches!(parse_titer("1:0"), Parsed::Invalid(_)));
        assert!(matches!(parse_titer("positive"), Parsed::Invalid(m) if m.contains("give the titer")));
        assert!(matches!(parse_titer("abc"), Parsed::Invalid(_)));
    }
}
