//! A date as typed, ISO 8601 only (YYYY-MM-DD): "02/11/2026" is 2 November in one country
//! and 11 February in another, so it is refused with a message rather than guessed.
//! A date that parses may still deserve a second look (in the future, a birth after the
//! screening date): [`date_warning`] says so, and the form asks for a confirmation.

use chrono::{Datelike as _, NaiveDate};

use crate::i18n;
use crate::input::Parsed;

/// The format dates are typed and shown in.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// Earliest and latest years a typed date may have: outside them it is a typing slip.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Parses a date field: "2026-11-02" (single-digit month and day are accepted); empty clears.
pub fn parse_date(text: &str) -> Parsed<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Parsed::Empty;
    }
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|part| {
            (!part.is_empty() && part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        })
        .collect();
    match (parts.as_slice(), numbers.as_deref()) {
        ([year_text, _, _], Some(&[year, month, day])) if year_text.len() == 4 => {
            let Ok(year) = i32::try_from(year) else { return invalid_format(text) };
            if !YEARS.contains(&year) {
                return Parsed::Invalid(i18n::text_with("input-year-mistyped", &[("year", (*year_text).to_owned())]));
            }
            match NaiveDate::from_ymd_opt(year, month, day) {
                Some(date) => Parsed::Value(date),
                None => Parsed::Invalid(i18n::text_with("input-not-a-calendar-date", &[("date", text.to_owned())])),
            }
        }
        _ => invalid_format(text),
    }
}

fn invalid_format(text: &str) -> Parsed<NaiveDate> {
    // Typed with an input method in full-width mode ("２０２６－１１－０２").
    let half_width: String = text.chars().map(crate::input::half_width_of).collect();
    if half_width != text && matches!(parse_date(&half_width), Parsed::Value(_)) {
        return Parsed::Invalid(i18n::text_with("input-half-width", &[("text", half_width)]));
    }
    // "2026年11月2日", the Chinese way, reads as 2026/11/2.
    let separated = half_width.replace(['年', '月'], "/").replace('日', "");
    let numbers: Vec<&str> = separated.split(['/', '.', ' ']).filter(|p| !p.is_empty()).collect();
    // Year first (2026/11/02, 2026.11.2, 2026年11月2日): the ISO order, only written
    // otherwise, so unambiguous.
    if let [year, month, day] = numbers.as_slice()
        && year.len() == 4
        && let (Ok(year), Ok(month), Ok(day)) = (year.parse::<i32>(), month.parse::<u32>(), day.parse::<u32>())
        && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
    {
        return Parsed::Invalid(i18n::text_with(
            "input-date-reorder",
            &[("format", "YYYY-MM-DD".to_owned()), ("date", date_text(date))],
        ));
    }
    if let [first, second, year] = numbers.as_slice()
        && year.len() == 4
        && let (Ok(first), Ok(second)) = (first.parse::<u32>(), second.parse::<u32>())
    {
        if first <= 12 && second <= 12 && first != second {
            return Parsed::Invalid(i18n::text_with(
                "input-date-ambiguous",
                &[
                    ("format", "YYYY-MM-DD".to_owned()),
                    ("typed", text.to_owned()),
                    ("one", format!("{year}-{second:02}-{first:02}")),
                    ("other", format!("{year}-{first:02}-{second:02}")),
                ],
            ));
        }
        let (day, month) = if first > 12 { (first, second) } else { (second, first) };
        return Parsed::Invalid(i18n::text_with(
            "input-date-reorder",
            &[("format", "YYYY-MM-DD".to_owned()), ("date", format!("{year}-{month:02}-{day:02}"))],
        ));
    }
    Parsed::Invalid(i18n::text_with(
        "input-date-format",
        &[("format", "YYYY-MM-DD".to_owned()), ("example", "2026-11-02".to_owned())],
    ))
}

/// A date as fields show it.
pub fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// What a date field holds, for the checks that need a confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRule {
    /// Something that has happened: a sample, an event, a dose, a consent.
    Past,
    /// A date of birth, which also cannot follow the screening date.
    Birth {
        /// The visit's screening date.
        screening: NaiveDate,
    },
    /// A planned date (enrollment, first dose, the screening visit itself): may be ahead.
    Planned,
}

/// Why a valid date deserves a second look, if it does.
pub fn date_warning(date: NaiveDate, today: NaiveDate, rule: DateRule) -> Option<String> {
    let future = || i18n::text_with("input-date-in-future", &[("date", date_text(date)), ("today", date_text(today))]);
    match rule {
        DateRule::Planned => None,
        DateRule::Past => (date > today).then(future),
        DateRule::Birth { screening } => {
            if date > today {
                Some(future())
            } else if date > screening {
                Some(i18n::text_with(
                    "input-born-after-screening",
                    &[("date", date_text(date)), ("screening", date_text(screening))],
                ))
            } else if today.year() - date.year() > 120 {
                Some(i18n::text_with(
                    "input-born-too-long-ago",
                    &[("date", date_text(date)), ("years", "120".to_owned())],
                ))
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, DATE_FORMAT).unwrap()
    }

    #[test]
    fn iso_dates_parse() {
        assert_eq!(parse_date("2026-11-02"), Parsed::Value(d("2026-11-02")));
        assert_eq!(parse_date(" 2026-11-2 "), Parsed::Value(d("2026-11-02")));
        assert_eq!(parse_date("2024-02-29"), Parsed::Value(d("2024-02-29")));
        assert_eq!(parse_date(""), Parsed::Empty);
        assert_eq!(parse_date(&date_text(d("2012-03-15"))), Parsed::Value(d("2012-03-15")));
    }

    #[test]
    fn other_spellings_are_refused_with_what_to_type() {
        let invalid = |text: &str| match parse_date(text) {
            Parsed::Invalid(message) => message,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(invalid("2026-02-30"), "2026-02-30 is not a calendar date");
        assert_eq!(invalid("2026-13-01"), "2026-13-01 is not a calendar date");
        assert_eq!(invalid("2025-02-29"), "2025-02-29 is not a calendar date");
        assert_eq!(invalid("0026-11-02"), "the year 0026 looks mistyped");
        assert_eq!(invalid("02/11/2026"), "write the date as YYYY-MM-DD: 02/11/2026 could be 2026-11-02 or 2026-02-11");
        assert_eq!(invalid("28.10.2026"), "write the date as YYYY-MM-DD: 2026-10-28");
        assert_eq!(invalid("10/28/2026"), "write the date as YYYY-MM-DD: 2026-10-28");
        assert_eq!(invalid("yesterday"), "write the date as YYYY-MM-DD, e.g. 2026-11-02");
        assert_eq!(invalid("2026-11"), "write the date as YYYY-MM-DD, e.g. 2026-11-02");
        assert_eq!(invalid("26-11-02"), "write the date as YYYY-MM-DD, e.g. 2026-11-02");
        // Typed the Chinese way, or in full-width mode.
        assert_eq!(invalid("2026年11月2日"), "write the date as YYYY-MM-DD: 2026-11-02");
        assert_eq!(invalid("２０２６年１１月２日"), "write the date as YYYY-MM-DD: 2026-11-02");
        assert_eq!(invalid("2026年2月30日"), "write the date as YYYY-MM-DD, e.g. 2026-11-02");
        assert_eq!(invalid("２０２６－１１－０２"), "type it in half-width characters: 2026-11-02");
        assert_eq!(invalid("2026/11/02"), "write the date as YYYY-MM-DD: 2026-11-02");
        assert_eq!(invalid("2026.11.2"), "write the date as YYYY-MM-DD: 2026-11-02");
        assert_eq!(invalid("2026/02/30"), "write the date as YYYY-MM-DD, e.g. 2026-11-02");
        assert_eq!(invalid("２０２６－０２－３０"), "write the date as YYYY-MM-DD, e.g. 2026-11-02");
    }

    #[test]
    fn future_dates_and_births_after_screening_are_flagged() {
        let today = d("2026-11-21");
        assert_eq!(date_warning(d("2026-11-21"), today, DateRule::Past), None);
        assert_eq!(
            date_warning(d("2026-11-22"), today, DateRule::Past).as_deref(),
            Some("2026-11-22 is in the future (today is 2026-11-21)")
        );
        assert_eq!(date_warning(d("2027-01-05"), today, DateRule::Planned), None);
        let birth = DateRule::Birth { screening: d("2026-11-02") };
        assert_eq!(date_warning(d("2012-03-15"), today, birth), None);
        assert_eq!(
            date_warning(d("2026-11-10"), today, birth).as_deref(),
            Some("born 2026-11-10 after the screening date (2026-11-02)")
        );
        assert!(date_warning(d("2026-12-01"), today, birth).is_some_and(|m| m.contains("in the future")));
        assert!(date_warning(d("1900-01-01"), today, birth).is_some_and(|m| m.contains("120 years")));
    }
}
