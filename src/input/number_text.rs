//! A clinical number as typed: digits with a decimal point, nothing else. A decimal comma,
//! a censored result ("<0.5") or a unit typed into the field are refused with a message
//! that says what to type, never guessed at.

use crate::i18n;
use crate::input::Parsed;
use crate::model::units::Unit;

/// Parses the text of a number field: empty clears the value.
pub fn parse_number(text: &str) -> Parsed<f64> {
    let text = text.trim();
    if text.is_empty() {
        return Parsed::Empty;
    }
    if is_plain_number(text) {
        return match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Parsed::Value(value),
            _ => Parsed::Invalid(i18n::text("input-not-a-number")),
        };
    }
    Parsed::Invalid(message_for(text))
}

/// An optional sign, digits with at most one decimal point, and at least one digit.
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut digits = 0;
    let mut points = 0;
    for c in unsigned.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => points += 1,
            _ => return false,
        }
    }
    digits > 0 && points <= 1
}

/// Says what is wrong with a text that is not a plain number.
fn message_for(text: &str) -> String {
    // Typed with a Chinese input method: full-width digits (５２), its full stop for the
    // point (12。5) or its comma (12，5). Said as the half-width text to type, never taken.
    let half_width: String = text
        .chars()
        .map(|c| match c {
            '。' => '.',
            '，' => ',',
            other => crate::input::half_width_of(other),
        })
        .collect();
    if half_width != text {
        if is_plain_number(&half_width) {
            return i18n::text_with("input-half-width", &[("text", half_width)]);
        }
        return message_for(&half_width);
    }
    if text.matches(',').count() == 1 {
        let with_point = text.replace(',', ".");
        if is_plain_number(&with_point) {
            return i18n::text_with("input-decimal-point", &[("number", with_point)]);
        }
    }
    let without_spaces: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    if without_spaces != text && is_plain_number(&without_spaces) {
        return i18n::text_with("input-remove-spaces", &[("number", without_spaces)]);
    }
    if text.starts_with(['<', '>', '≤', '≥']) {
        return i18n::text("input-censored");
    }
    let leading: String = text.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let rest = text.get(leading.len()..).unwrap_or("");
    let unit_follows = rest.starts_with(char::is_whitespace) || Unit::parse(rest).is_some();
    if is_plain_number(&leading) && unit_follows {
        return i18n::text_with("input-unit-typed", &[("number", leading)]);
    }
    i18n::text("input-not-a-number")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_and_empty_clears() {
        assert_eq!(parse_number("52"), Parsed::Value(52.0));
        assert_eq!(parse_number(" 12.5 "), Parsed::Value(12.5));
        assert_eq!(parse_number(".5"), Parsed::Value(0.5));
        assert_eq!(parse_number("-3"), Parsed::Value(-3.0));
        assert_eq!(parse_number(""), Parsed::Empty);
        assert_eq!(parse_number("   "), Parsed::Empty);
    }

    #[test]
    fn text_that_is_not_a_number_says_what_to_type() {
        let cases = [
            ("abc", "not a number"),
            ("５２", "type it in half-width characters: 52"),
            ("１２．５", "type it in half-width characters: 12.5"),
            ("12。5", "type it in half-width characters: 12.5"),
            ("12，5", "use a decimal point: 12.5"),
            (
                "＜0.5",
                "type the number without < or >: a result below or above the lab's limit needs the exact value or a judgment",
            ),
            ("12,5", "use a decimal point: 12.5"),
            ("150 000", "remove the spaces: 150000"),
            ("1.2.3", "not a number"),
            ("1e5", "not a number"),
            ("inf", "not a number"),
            ("NaN", "not a number"),
            ("-", "not a number"),
            ("1,000,000", "not a number"),
        ];
        for (text, message) in cases {
            assert_eq!(parse_number(text), Parsed::Invalid(message.to_owned()), "{text}");
        }
        assert!(matches!(parse_number("<0.5"), Parsed::Invalid(m) if m.starts_with("type the number without < or >")));
        for text in ["52 x10^9/L", "52x10^9/L", "52 platelets"] {
            assert_eq!(
                parse_number(text),
                Parsed::Invalid("type the number only (52) and pick the unit beside the field".to_owned()),
                "{text}"
            );
        }
    }
}
