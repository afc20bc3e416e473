//! Numbers and units as people read them, in one place for the board, the printout, the
//! command line and the form's messages. Entered numbers print with the digits entered;
//! computed ones (a decimal age, a formula) to two decimals; a number beside a comparison
//! is chosen by [`Exact::shown`](crate::model::exact::Exact::shown) so the comparison it
//! prints is true.

use rust_decimal::Decimal;

use crate::model::exact::decimal_of;
use crate::model::units::Unit;

/// A decimal without trailing zeros: "1.5", "60", "0.006".
pub fn decimal(value: Decimal) -> String {
    let text = value.normalize().to_string();
    if text == "-0" { "0".to_owned() } else { text }
}

/// A number as it was entered (its shortest round-trip text): "11.4", "0.006", "52".
pub fn entered(value: f64) -> String {
    decimal_of(value).map_or_else(|| value.to_string(), decimal)
}

/// A computed number to at most two decimals: "14.62", "108.76".
pub fn computed(value: f64) -> String {
    match decimal_of(value) {
        Some(exact) => decimal(exact.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)),
        None => value.to_string(),
    }
}

/// A number's text with its unit as printed: "52 ×10⁹/L", "62 %", "1:640", "negative".
pub fn with_unit(number: &str, is_zero: bool, unit: Unit) -> String {
    if unit == Unit::Titer {
        if is_zero { crate::i18n::text("value-negative") } else { format!("1:{number}") }
    } else if unit == Unit::Ratio || unit == Unit::Count || unit.symbol().is_empty() {
        number.to_owned()
    } else if unit == Unit::Percent {
        format!("{number} %")
    } else {
        number_then_unit(number, unit.shown())
    }
}

/// A number and a unit as shown: a Chinese unit word follows its number without a space
/// (12个月, 11分), a symbol or an English word with one (52 ×10⁹/L, 11 points).
pub fn number_then_unit(number: &str, unit_shown: &str) -> String {
    if unit_shown.starts_with(|c: char| ('\u{2E80}'..='\u{9FFF}').contains(&c)) {
        format!("{number}{unit_shown}")
    } else {
        format!("{number} {unit_shown}")
    }
}

/// An entered value with its unit: "52 ×10⁹/L".
pub fn entered_with_unit(value: f64, unit: Unit) -> String {
    with_unit(&entered(value), value <= 0.0, unit)
}

/// A decimal with its unit: "60 g/L".
pub fn decimal_with_unit(value: Decimal, unit: Unit) -> String {
    with_unit(&decimal(value), value <= Decimal::ZERO, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entered_numbers_keep_their_digits() {
        assert_eq!(entered(0.006), "0.006");
        assert_eq!(entered(52.0), "52");
        assert_eq!(entered(11.4), "11.4");
        assert_eq!(computed(14.623_456), "14.62");
        assert_eq!(entered_with_unit(640.0, Unit::Titer), "1:640");
        assert_eq!(entered_with_unit(0.0, Unit::Titer), "negative");
        assert_eq!(entered_with_unit(62.0, Unit::Percent), "62 %");
    }

    #[test]
    fn units_written_as_words_follow_the_language_and_symbols_do_not() {
        use crate::i18n::{Language, set_thread_language};
        set_thread_language(Language::ZhCn);
        let chinese = [
            with_unit("12", false, Unit::Months),
            with_unit("0", true, Unit::Titer),
            with_unit("52", false, Unit::GigaPerL),
            Unit::Points.shown().to_owned(),
        ];
        set_thread_language(Language::En);
        assert_eq!(chinese, ["12个月", "阴性", "52 ×10⁹/L", "分"]);
        assert_eq!(with_unit("12", false, Unit::Months), "12 months");
        assert_eq!(with_unit("0", true, Unit::Titer), "negative");
        assert_eq!(Unit::MgPerDl.shown(), Unit::MgPerDl.symbol());
    }
}
