//! Whole form entries composed from the texts of their parts (a lab value with its unit,
//! ULN and sample date; a titer with its date; a date): each part parsed once, the result
//! checked for plausibility, and either ready to commit, refused with a message, or held
//! for the investigator to confirm what looks like a slip.

use crate::i18n;
use chrono::NaiveDate;

use crate::input::Parsed;
use crate::input::date_text::{DateRule, date_warning, parse_date};
use crate::input::number_text::parse_number;
use crate::input::plausibility::{Plausibility, check_number};
use crate::input::titer_text::parse_titer;
use crate::model::dictionary::UnitRange;
use crate::model::number_format::entered_with_unit;
use crate::model::units::{Analyte, Unit, convert};
use crate::model::values::{Measurement, Titer};

/// A composed entry: `Ready(None)` clears the item.
#[derive(Clone, Debug, PartialEq)]
pub enum Composed<T> {
    /// Ready to commit.
    Ready(T),
    /// Refused; the message says what to type.
    Invalid(String),
    /// Parsed, but it looks like a slip: commit only once the investigator confirms it (or
    /// picks `suggested_unit`).
    Confirm {
        /// What looks wrong, and what confirming means.
        message: String,
        /// The unit the value is plausible in, when it looks like a unit slip.
        suggested_unit: Option<Unit>,
    },
}

/// The typed parts of a number item.
#[derive(Clone, Copy, Debug)]
pub struct MeasurementTexts<'a> {
    /// The number as typed.
    pub value: &'a str,
    /// The unit chosen.
    pub unit: Unit,
    /// `None` when the item asks no ULN.
    pub uln: Option<&'a str>,
    /// `None` when the item asks no date.
    pub date: Option<&'a str>,
}

/// A result and the date of its sample or assessment.
pub type Dated<T> = (T, Option<NaiveDate>);

/// Parses the date of a sample or assessment: never after today (a result cannot come from
/// the future; the engine would not count it either). Empty is no date.
pub fn parse_sample_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    match parse_date(text) {
        Parsed::Empty => Ok(None),
        Parsed::Value(date) if date > today => Err(i18n::text_with(
            "input-sample-after-today",
            &[("date", date.to_string()), ("today", today.to_string())],
        )),
        Parsed::Value(date) => Ok(Some(date)),
        Parsed::Invalid(message) => Err(i18n::text_with("input-date-problem", &[("problem", message)])),
    }
}

/// Composes a measurement from its parts; `confirmed` accepts what would need confirming.
pub fn compose_measurement(
    label: &str,
    units: &[UnitRange],
    texts: MeasurementTexts<'_>,
    today: NaiveDate,
    confirmed: bool,
) -> Composed<Option<Dated<Measurement>>> {
    let uln = match texts.uln.map(parse_number) {
        None | Some(Parsed::Empty) => None,
        Some(Parsed::Value(uln)) if uln > 0.0 => Some(uln),
        Some(Parsed::Value(_)) => return Composed::Invalid(i18n::text("input-uln-not-positive")),
        Some(Parsed::Invalid(message)) => {
            return Composed::Invalid(i18n::text_with("input-uln-problem", &[("problem", message)]));
        }
    };
    let date = match texts.date.map(|text| parse_sample_date(text, today)) {
        None => None,
        Some(Ok(date)) => date,
        Some(Err(message)) => return Composed::Invalid(message),
    };
    let value = match parse_number(texts.value) {
        Parsed::Value(value) => value,
        Parsed::Invalid(message) => return Composed::Invalid(message),
        Parsed::Empty if uln.is_some() || date.is_some() => {
            return Composed::Invalid(i18n::text_with("input-value-needed", &[("label", label.to_owned())]));
        }
        Parsed::Empty => return Composed::Ready(None),
    };
    let measurement = Measurement { value, unit: texts.unit, uln };
    let mut warnings = Vec::new();
    let mut suggested_unit = None;
    match check_number(label, units, value, texts.unit) {
        Plausibility::Plausible => {}
        Plausibility::UnknownUnit { message } => return Composed::Invalid(message),
        Plausibility::UnitSlip { message, suggested } => {
            warnings.push(message);
            suggested_unit = Some(suggested);
        }
        Plausibility::OutOfRange { message } => warnings.push(message),
    }
    if let Some(uln) = uln
        && let Some(message) =
            check_number(&i18n::text_with("input-uln-of", &[("label", label.to_owned())]), units, uln, texts.unit)
                .message()
    {
        warnings.push(message.to_owned());
    }
    confirm_or_ready(Some((measurement, date)), warnings, suggested_unit, confirmed)
}

/// Composes a date item.
pub fn compose_date(text: &str, today: NaiveDate, rule: DateRule, confirmed: bool) -> Composed<Option<NaiveDate>> {
    match parse_date(text) {
        Parsed::Empty => Composed::Ready(None),
        Parsed::Invalid(message) => Composed::Invalid(message),
        Parsed::Value(date) => {
            confirm_or_ready(Some(date), date_warning(date, today, rule).into_iter().collect(), None, confirmed)
        }
    }
}

/// Composes a titer with its test date.
pub fn compose_titer(text: &str, date: &str, today: NaiveDate, confirmed: bool) -> Composed<Option<Dated<Titer>>> {
    let date = match parse_sample_date(date, today) {
        Ok(date) => date,
        Err(message) => return Composed::Invalid(message),
    };
    match parse_titer(text) {
        Parsed::Empty if date.is_some() => Composed::Invalid(i18n::text("input-titer-needed")),
        Parsed::Empty => Composed::Ready(None),
        Parsed::Invalid(message) => Composed::Invalid(message),
        Parsed::Value(dilution) => confirm_or_ready(Some((Titer { dilution }, date)), Vec::new(), None, confirmed),
    }
}

/// Composes an answer that is a result (a yes/no finding, a test's result) with the date of
/// its sample or assessment: a date alone is refused, and so is a date after today.
pub fn compose_dated_answer<T>(answer: Option<T>, date: &str, today: NaiveDate) -> Composed<Option<Dated<T>>> {
    match (answer, parse_sample_date(date, today)) {
        (_, Err(message)) => Composed::Invalid(message),
        (None, Ok(Some(_))) => Composed::Invalid(i18n::text("input-result-needed")),
        (None, Ok(None)) => Composed::Ready(None),
        (Some(answer), Ok(date)) => Composed::Ready(Some((answer, date))),
    }
}

fn confirm_or_ready<T>(value: T, warnings: Vec<String>, suggested_unit: Option<Unit>, confirmed: bool) -> Composed<T> {
    if warnings.is_empty() || confirmed {
        Composed::Ready(value)
    } else {
        Composed::Confirm { message: warnings.join("; "), suggested_unit }
    }
}

/// The measurement in the item's first (reference) unit, when it was entered in another:
/// "= 160 ×10⁹/L". Numbers are entered as the lab reports them and shown both ways.
pub fn in_reference_unit(measurement: &Measurement, units: &[UnitRange], analyte: Option<Analyte>) -> Option<String> {
    let reference = units.first()?.unit;
    if reference == measurement.unit {
        return None;
    }
    let converted = convert(measurement.value, measurement.unit, reference, analyte).ok()?;
    Some(format!("= {}", entered_with_unit(converted, reference)))
}

/// A number as a field shows it: every digit typed, no trailing zeros ("52", "0.045").
pub fn number_field_text(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn units(item: &str) -> Vec<UnitRange> {
        Library::bundled().unwrap().knowledge.dictionary.item(item).unwrap().kind.units().to_vec()
    }

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn texts<'a>(value: &'a str, unit: Unit, uln: Option<&'a str>, date: Option<&'a str>) -> MeasurementTexts<'a> {
        MeasurementTexts { value, unit, uln, date }
    }

    #[test]
    fn a_lab_value_with_uln_and_date_composes() {
        let today = d("2026-11-21");
        let ast = units("ast");
        assert_eq!(
            compose_measurement(
                "AST",
                &ast,
                texts("30", Unit::UnitsPerL, Some("40"), Some("2026-10-28")),
                today,
                false
            ),
            Composed::Ready(Some((
                Measurement { value: 30.0, unit: Unit::UnitsPerL, uln: Some(40.0) },
                Some(d("2026-10-28"))
            )))
        );
        assert_eq!(
            compose_measurement("AST", &ast, texts("", Unit::UnitsPerL, Some(""), Some("")), today, false),
            Composed::Ready(None)
        );
        assert!(matches!(
            compose_measurement("AST", &ast, texts("", Unit::UnitsPerL, Some("40"), None), today, false),
            Composed::Invalid(m) if m.starts_with("enter the AST value")
        ));
        assert_eq!(
            compose_measurement("AST", &ast, texts("30", Unit::UnitsPerL, Some("4O"), None), today, false),
            Composed::Invalid("ULN: not a number".to_owned())
        );
        assert_eq!(
            compose_measurement("AST", &ast, texts("30", Unit::UnitsPerL, None, Some("28/10/2026")), today, false),
            Composed::Invalid("date: write the date as YYYY-MM-DD: 2026-10-28".to_owned())
        );
    }

    #[test]
    fn a_unit_slip_waits_for_confirmation_and_is_never_converted() {
        let today = d("2026-11-21");
        let hb = units("haemoglobin");
        let slip = compose_measurement("Haemoglobin", &hb, texts("13", Unit::GPerL, None, None), today, false);
        assert_eq!(
            slip,
            Composed::Confirm {
                message: "Haemoglobin 13 g/L is implausible — did you mean g/dL?".to_owned(),
                suggested_unit: Some(Unit::GPerDl)
            }
        );
        let confirmed = compose_measurement("Haemoglobin", &hb, texts("13", Unit::GPerL, None, None), today, true);
        assert!(matches!(confirmed, Composed::Ready(Some((m, None))) if m.value == 13.0 && m.unit == Unit::GPerL));
    }

    #[test]
    /// A sample dated after today was accepted after a confirmation; a result from the
    /// future never counts, so the form refuses it.
    fn a_sample_dated_in_the_future_is_refused() {
        let plt = units("platelets");
        let composed = compose_measurement(
            "Platelet count",
            &plt,
            texts("52", Unit::GigaPerL, None, Some("2026-12-01")),
            d("2026-11-21"),
            false,
        );
        assert_eq!(
            composed,
            Composed::Invalid(
                "the sample date 2026-12-01 is after today (2026-11-21): enter the date the sample was taken"
                    .to_owned()
            )
        );
        assert!(matches!(compose_titer("1:80", "2026-11-22", d("2026-11-21"), true), Composed::Invalid(_)));
    }

    #[test]
    fn an_answer_composes_with_its_date_and_never_a_date_alone() {
        let today = d("2026-11-21");
        assert_eq!(
            compose_dated_answer(Some("negative"), "2026-11-02", today),
            Composed::Ready(Some(("negative", Some(d("2026-11-02")))))
        );
        assert_eq!(compose_dated_answer(Some("negative"), "", today), Composed::Ready(Some(("negative", None))));
        assert_eq!(compose_dated_answer::<&str>(None, "", today), Composed::Ready(None));
        assert_eq!(
            compose_dated_answer::<&str>(None, "2026-11-02", today),
            Composed::Invalid("choose the result: a date alone is not a result".to_owned())
        );
        assert_eq!(
            compose_dated_answer(Some("negative"), "2026-11-22", today),
            Composed::Invalid(
                "the sample date 2026-11-22 is after today (2026-11-21): enter the date the sample was taken"
                    .to_owned()
            )
        );
    }

    #[test]
    fn titers_and_dates_compose() {
        let today = d("2026-11-21");
        assert_eq!(
            compose_titer("1:640", "2026-10-20", today, false),
            Composed::Ready(Some((Titer { dilution: Some(640) }, Some(d("2026-10-20")))))
        );
        assert_eq!(compose_titer("", "", today, false), Composed::Ready(None));
        assert!(matches!(compose_titer("", "2026-10-20", today, false), Composed::Invalid(_)));
        assert_eq!(compose_date("2012-03-15", today, DateRule::Past, false), Composed::Ready(Some(d("2012-03-15"))));
        let birth = DateRule::Birth { screening: d("2026-11-02") };
        assert!(matches!(compose_date("2026-11-10", today, birth, false), Composed::Confirm { .. }));
        assert_eq!(compose_date("2026-11-10", today, birth, true), Composed::Ready(Some(d("2026-11-10"))));
    }

    #[test]
    fn a_value_in_another_unit_is_also_shown_in_the_reference_unit() {
        let plt = units("platelets");
        let entered = Measurement { value: 160_000.0, unit: Unit::PerMicroL, uln: None };
        assert_eq!(in_reference_unit(&entered, &plt, None).as_deref(), Some("= 160 ×10⁹/L"));
        let reference = Measurement { unit: Unit::GigaPerL, value: 160.0, ..entered };
        assert_eq!(in_reference_unit(&reference, &plt, None), None);
        assert_eq!(number_field_text(52.0), "52");
        assert_eq!(number_field_text(0.045), "0.045");
    }
}
