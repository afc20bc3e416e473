//! Calendar arithmetic with the conventions of PROTOCOL-NOTES: windows counted back from an
//! anchor date, calendar months clamped at month end, the cutoff day counted as within,
//! whole-year ages that are birthday-aware (29 February turns a year older on 1 March).

use chrono::{Datelike as _, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A length of time as protocols state it; at most [`MAX_SPAN_YEARS`] years in any unit
/// (a longer one is refused where it is read, with the place it was written).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SpanAsWritten")]
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

/// The longest span a protocol may state: longer than any human life, far inside the
/// calendar's range, so that no arithmetic on a span can overflow.
pub const MAX_SPAN_YEARS: u32 = 200;

/// A span as written in a file, before its length is checked.
#[derive(Deserialize)]
#[serde(rename = "Span")]
enum SpanAsWritten {
    Days(u32),
    Weeks(u32),
    Months(u32),
    Years(u32),
}

impl TryFrom<SpanAsWritten> for Span {
    type Error = String;

    fn try_from(written: SpanAsWritten) -> Result<Self, Self::Error> {
        let (span, limit) = match written {
            SpanAsWritten::Days(n) => (Self::Days(n), MAX_SPAN_YEARS * 366),
            SpanAsWritten::Weeks(n) => (Self::Weeks(n), MAX_SPAN_YEARS * 53),
            SpanAsWritten::Months(n) => (Self::Months(n), MAX_SPAN_YEARS * 12),
            SpanAsWritten::Years(n) => (Self::Years(n), MAX_SPAN_YEARS),
        };
        let length = match span {
            Self::Days(n) | Self::Weeks(n) | Self::Months(n) | Self::Years(n) => n,
        };
        if length > limit {
            return Err(format!(
                "{span} is longer than any window a protocol can mean (at most {MAX_SPAN_YEARS} years)"
            ));
        }
        Ok(span)
    }
}

impl Span {
    /// `date` minus this span; months and years clamp at month end
    /// (2026-12-31 minus 3 months is 2026-09-30). `None` only outside chrono's range.
    pub fn before(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Days(n) => date.checked_sub_days(Days::new(u64::from(n))),
            Self::Weeks(n) => date.checked_sub_days(Days::new(7 * u64::from(n))),
            Self::Months(n) => date.checked_sub_months(Months::new(n)),
            Self::Years(n) => date.checked_sub_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// `date` plus this span, clamped at month end.
    pub fn after(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Days(n) => date.checked_add_days(Days::new(u64::from(n))),
            Self::Weeks(n) => date.checked_add_days(Days::new(7 * u64::from(n))),
            Self::Months(n) => date.checked_add_months(Months::new(n)),
            Self::Years(n) => date.checked_add_months(Months::new(n.checked_mul(12)?)),
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
    // Days never clamp: `d - n days > event` exactly when `d > event + n days`.
    if matches!(span, Span::Days(_) | Span::Weeks(_)) {
        return span.after(event)?.succ_opt();
    }
    first_date_near(span.after(event)?, |day| Some(span.before(day)? > event))
}

/// The first anchor date `d` with `d - span >= event`, i.e. on which something that started
/// on `event` has lasted at least `span` ("stable for at least 7 days before first dose").
pub fn first_date_lasting(event: NaiveDate, span: Span) -> Option<NaiveDate> {
    // Days never clamp: `d - n days >= event` exactly when `d >= event + n days`.
    if matches!(span, Span::Days(_) | Span::Weeks(_)) {
        return span.after(event);
    }
    first_date_near(span.after(event)?, |day| Some(span.before(day)? >= event))
}

/// The first day from `start - 4` to `start + 11` on which `holds`, for a `holds` that turns
/// true once and stays true (`d ↦ d - span` is monotone); `None` when none does or a day
/// leaves the calendar. Month-end clamping moves the answer at most three days from
/// `start` (`event + span`), so it is found in two checks, mostly: `start`, then the day
/// before or after.
fn first_date_near(start: NaiveDate, holds: impl Fn(NaiveDate) -> Option<bool>) -> Option<NaiveDate> {
    const EARLIER: usize = 4;
    const LATER: usize = 11;
    if holds(start)? {
        let mut first = start;
        for _ in 0..EARLIER {
            let previous = first.pred_opt()?;
            if !holds(previous)? {
                break;
            }
            first = previous;
        }
        return Some(first);
    }
    let mut candidate = start;
    for _ in 0..LATER {
        candidate = candidate.succ_opt()?;
        if holds(candidate)? {
            return Some(candidate);
        }
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
    /// The first date from `start - 4` on which `holds`, scanning forward over 16 days: what
    /// the search near `event + span` must find.
    fn scanned(start: NaiveDate, holds: impl Fn(NaiveDate) -> bool) -> Option<NaiveDate> {
        let mut day = start.checked_sub_days(Days::new(4))?;
        for _ in 0..16 {
            if holds(day) {
                return Some(day);
            }
            day = day.succ_opt()?;
        }
        None
    }

    #[test]
    fn first_dates_near_a_span_match_a_plain_scan_over_every_day_of_four_years() {
        let spans = [Span::Days(28), Span::Weeks(6), Span::Months(1), Span::Months(3), Span::Months(6), Span::Years(1)];
        let mut event = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        while event < NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() {
            for span in spans {
                let start = span.after(event).unwrap();
                let outside = scanned(start, |d| span.before(d).unwrap() > event);
                let lasting = scanned(start, |d| span.before(d).unwrap() >= event);
                assert_eq!(first_date_outside_window(event, span), outside, "outside {span:?} after {event}");
                assert_eq!(first_date_lasting(event, span), lasting, "lasting {span:?} from {event}");
            }
            event = event.succ_opt().unwrap();
        }
    }

    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// `Years(357913942)` once wrapped to 8 months (12 × n overflows u32): a span longer
    /// than any protocol can mean is refused where it is read, at every unit's limit.
    #[test]
    fn a_span_longer_than_any_window_is_refused_when_read() {
        let read = |text: &str| ron::from_str::<Span>(text);
        assert_eq!(read("Years(200)").unwrap(), Span::Years(200));
        assert_eq!(read("Months(2400)").unwrap(), Span::Months(2400));
        assert_eq!(read("Weeks(10600)").unwrap(), Span::Weeks(10600));
        assert_eq!(read("Days(73200)").unwrap(), Span::Days(73200));
        for text in
            ["Years(201)", "Years(357913942)", "Years(4294967295)", "Months(2401)", "Weeks(10601)", "Days(73201)"]
        {
            let error = read(text).unwrap_err().to_string();
            assert!(error.contains("longer than any window a protocol can mean"), "{text}: {error}");
        }
    }

    #[test]
    fn arithmetic_on_a_span_never_wraps() {
        assert_eq!(Span::Years(u32::MAX).before(d("2026-12-31")), None);
        assert_eq!(Span::Years(u32::MAX).after(d("2026-12-31")), None);
        assert_eq!(Span::Years(200).before(d("2026-12-31")), Some(d("1826-12-31")));
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
            for span in [Span::Days(1), Span::Days(7), Span::Weeks(4), Span::Months(1), Span::Months(6), Span::Years(1)]
            {
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
