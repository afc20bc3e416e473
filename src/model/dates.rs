//! Calendar arithmetic with the conventions of PROTOCOL-NOTES: windows counted back from an
//! anchor date, calendar months clamped at month end, the cutoff day counted as within,
//! whole-year ages that are birthday-aware (29 February turns a year older on 1 March).

use chrono::{Datelike as _, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A length of time as protocols state it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Span {
    /// A number of calendar days.
    Days(u32),
    /// A number of weeks (7 days each).
    Weeks(u32),
    /// A number of calendar months, clamped at month end.
    Months(u32),
    /// A number of years (12 calendar months each, clamped at month end).
    Years(u32),
}

impl Span {
    /// `date` minus this span; months and years clamp at month end
    /// (2026-12-31 minus 3 months is 2026-09-30). `None` only outside chrono's range.
    pub fn before(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Days(n) => date.checked_sub_days(Days::new(u64::from(n))),
            Self::Weeks(n) => date.checked_sub_days(Days::new(7 * u64::from(n))),
            Self::Months(n) => date.checked_sub_months(Months::new(n)),
            Self::Years(n) => date.checked_sub_months(Months::new(12 * n)),
        }
    }

    /// `date` plus this span, clamped at month end.
    pub fn after(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Days(n) => date.checked_add_days(Days::new(u64::from(n))),
            Self::Weeks(n) => date.checked_add_days(Days::new(7 * u64::from(n))),
            Self::Months(n) => date.checked_add_months(Months::new(n)),
            Self::Years(n) => date.checked_add_months(Months::new(12 * n)),
        }
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (n, singular, plural) = match *self {
            Self::Days(n) => (n, "day", "days"),
            Self::Weeks(n) => (n, "week", "weeks"),
            Self::Months(n) => (n, "month", "months"),
            Self::Years(n) => (n, "year", "years"),
        };
        write!(f, "{n} {}", if n == 1 { singular } else { plural })
    }
}

/// The first day that still counts as "within `span` before `anchor`".
pub fn window_cutoff(anchor: NaiveDate, span: Span) -> Option<NaiveDate> {
    span.before(anchor)
}

/// Whether an event on `event` lies within `span` before `anchor`: on or after the cutoff.
/// Events after the anchor also count (an event during screening is within).
pub fn is_within(event: NaiveDate, span: Span, anchor: NaiveDate) -> bool {
    window_cutoff(anchor, span).is_some_and(|cutoff| event >= cutoff)
}

/// The first anchor date on which an event on `event` is no longer within `span` before
/// it: the first `d` with `d - span > event`.
pub fn first_date_outside_window(event: NaiveDate, span: Span) -> Option<NaiveDate> {
    // `d ↦ d - span` is monotone, so start a little before the naive answer and step
    // forward; month-end clamping moves the answer by at most three days.
    let mut candidate = span.after(event)?.checked_sub_days(Days::new(4))?;
    for _ in 0..16 {
        if span.before(candidate)? > event {
            return Some(candidate);
        }
        candidate = candidate.succ_opt()?;
    }
    None
}

/// The first anchor date `d` with `d - span >= event`, i.e. on which something that started
/// on `event` has lasted at least `span` ("stable for at least 7 days before first dose").
pub fn first_date_lasting(event: NaiveDate, span: Span) -> Option<NaiveDate> {
    let mut candidate = span.after(event)?.checked_sub_days(Days::new(4))?;
    for _ in 0..16 {
        if span.before(candidate)? >= event {
            return Some(candidate);
        }
        candidate = candidate.succ_opt()?;
    }
    None
}

/// The date someone born on `birth` reaches `years` whole years. A 29 February birthday
/// falls on 1 March in non-leap years.
pub fn birthday(birth: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = birth.year().checked_add(i32::try_from(years).ok()?)?;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day()).or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Age in whole years on `on`, birthday-aware. `None` when `on` is before `birth`.
pub fn age_in_years(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut years = u32::try_from(on.year() - birth.year()).ok()?;
    if birthday(birth, years).is_none_or(|b| b > on) {
        years = years.checked_sub(1)?;
    }
    Some(years)
}

/// Decimal age in years (days / 365.25), as the kidney-function formulas use it.
pub fn decimal_age(birth: NaiveDate, on: NaiveDate) -> f64 {
    (on - birth).num_days() as f64 / 365.25
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_clamp_at_month_end() {
        assert_eq!(Span::Months(3).before(d("2026-12-31")), Some(d("2026-09-30")));
        assert_eq!(Span::Months(1).before(d("2026-03-31")), Some(d("2026-02-28")));
        assert_eq!(Span::Months(12).before(d("2028-02-29")), Some(d("2027-02-28")));
    }

    #[test]
    fn weeks_are_seven_days() {
        assert_eq!(Span::Weeks(4).before(d("2026-11-30")), Some(d("2026-11-02")));
    }

    #[test]
    fn the_cutoff_day_counts_as_within() {
        assert!(is_within(d("2026-09-10"), Span::Months(3), d("2026-12-10")));
        assert!(!is_within(d("2026-09-10"), Span::Months(3), d("2026-12-11")));
        assert!(is_within(d("2026-11-05"), Span::Months(3), d("2026-11-02")), "during screening counts");
    }

    #[test]
    fn rituximab_example_from_protocol_notes() {
        assert_eq!(first_date_outside_window(d("2026-09-10"), Span::Months(3)), Some(d("2026-12-11")));
    }

    #[test]
    fn first_date_outside_window_is_exact_for_every_day_of_two_years() {
        let spans = [Span::Days(60), Span::Weeks(4), Span::Months(1), Span::Months(3), Span::Months(12)];
        let mut event = d("2026-01-01");
        while event < d("2028-01-01") {
            for span in spans {
                let first = first_date_outside_window(event, span).unwrap();
                assert!(!is_within(event, span, first), "{event} {span} {first}");
                assert!(is_within(event, span, first.pred_opt().unwrap()), "{event} {span} {first}");
            }
            event = event.succ_opt().unwrap();
        }
    }

    #[test]
    fn first_date_lasting_is_exact() {
        assert_eq!(first_date_lasting(d("2026-11-23"), Span::Days(7)), Some(d("2026-11-30")));
        let mut start = d("2026-01-01");
        while start < d("2027-06-01") {
            for span in [Span::Days(7), Span::Weeks(4), Span::Months(6)] {
                let first = first_date_lasting(start, span).unwrap();
                assert!(span.before(first).unwrap() >= start);
                assert!(span.before(first.pred_opt().unwrap()).unwrap() < start);
            }
            start = start.succ_opt().unwrap();
        }
    }

    #[test]
    fn age_is_birthday_aware() {
        assert_eq!(age_in_years(d("2021-11-03"), d("2026-11-02")), Some(4));
        assert_eq!(age_in_years(d("2021-11-03"), d("2026-11-03")), Some(5));
        assert_eq!(age_in_years(d("1960-11-03"), d("2026-11-02")), Some(65));
        assert_eq!(age_in_years(d("1960-11-02"), d("2026-11-02")), Some(66));
        assert_eq!(age_in_years(d("2026-11-03"), d("2026-11-02")), None);
    }

    #[test]
    fn leap_day_birthdays_turn_on_first_of_march() {
        assert_eq!(age_in_years(d("2008-02-29"), d("2026-02-28")), Some(17));
        assert_eq!(age_in_years(d("2008-02-29"), d("2026-03-01")), Some(18));
        assert_eq!(age_in_years(d("2008-02-29"), d("2028-02-29")), Some(20));
        assert_eq!(birthday(d("2008-02-29"), 18), Some(d("2026-03-01")));
    }

    #[test]
    fn decimal_age_uses_julian_years() {
        assert!((decimal_age(d("2000-01-01"), d("2025-01-01")) - 25.0).abs() < 0.01);
    }
}
