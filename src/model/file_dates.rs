//! Dates and times as the files spell them: chrono's own spelling ("2026-11-02",
//! "2026-11-02T09:00:30Z"), written and read directly for the one shape nearly every value
//! has, and by chrono for everything else.
//!
//! A session file holds a time for every audit entry and a date for most results, and each is
//! read when the file is parsed and written again each time the trail is verified (every
//! entry is re-serialised to check its hash). Through chrono's general formatter and parser
//! they cost about a twentieth of a folder scan. The fields use these modules with
//! `#[serde(with = …)]`; what they write is chrono's text byte for byte, and what they read
//! is what chrono reads, with chrono's own error for a text they do not take (the tests
//! compare both over generated dates, times and texts).

use std::fmt;

use chrono::{DateTime, Datelike as _, NaiveDate, Timelike as _, Utc};
use serde::de::{self, Deserialize as _, Deserializer, Visitor};
use serde::{Serialize as _, Serializer};

/// "YYYY-MM-DD" for a year of four digits, else `None` (chrono writes a sign then).
fn plain_date(date: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|year| *year <= 9999)?;
    let mut text = *b"0000-00-00";
    put_digits(&mut text[0..4], year);
    put_digits(&mut text[5..7], date.month());
    put_digits(&mut text[8..10], date.day());
    Some(text)
}

/// "YYYY-MM-DDTHH:MM:SSZ" for a whole second of a four-digit year, else `None` (chrono
/// writes the fraction, a leap second or a signed year then).
fn plain_time(at: DateTime<Utc>) -> Option<[u8; 20]> {
    if at.nanosecond() != 0 {
        return None;
    }
    let date = plain_date(at.date_naive())?;
    let mut text = *b"0000-00-00T00:00:00Z";
    text[..10].copy_from_slice(&date);
    put_digits(&mut text[11..13], at.hour());
    put_digits(&mut text[14..16], at.minute());
    put_digits(&mut text[17..19], at.second());
    Some(text)
}

/// Writes `value` in decimal into all of `into`, zero-padded (the value fits).
fn put_digits(into: &mut [u8], mut value: u32) {
    for place in into.iter_mut().rev() {
        *place = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

/// The number the ASCII digits spell; `None` unless every byte is a digit.
fn digits(text: &[u8]) -> Option<u32> {
    text.iter().try_fold(0u32, |number, &byte| byte.is_ascii_digit().then(|| number * 10 + u32::from(byte - b'0')))
}

/// A text of exactly the shape [`plain_date`] writes, as the date it names; `None` for any
/// other text and for a date that does not exist (chrono then reads it, or says why not).
fn read_plain_date(text: &[u8]) -> Option<NaiveDate> {
    if text.len() != 10 || text.get(4) != Some(&b'-') || text.get(7) != Some(&b'-') {
        return None;
    }
    let year = i32::try_from(digits(text.get(0..4)?)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(text.get(5..7)?)?, digits(text.get(8..10)?)?)
}

/// A text of exactly the shape [`plain_time`] writes, as the time it names; `None`
/// otherwise (a leap second, a fraction, an offset or another separator is chrono's).
fn read_plain_time(text: &[u8]) -> Option<DateTime<Utc>> {
    if text.len() != 20 || text.get(10) != Some(&b'T') || text.get(19) != Some(&b'Z') {
        return None;
    }
    if text.get(13) != Some(&b':') || text.get(16) != Some(&b':') {
        return None;
    }
    let date = read_plain_date(text.get(0..10)?)?;
    let (hour, minute, second) = (digits(text.get(11..13)?)?, digits(text.get(14..16)?)?, digits(text.get(17..19)?)?);
    Some(date.and_hms_opt(hour, minute, second)?.and_utc())
}

/// The text of an ASCII array (always, the arrays above are digits and separators).
fn as_text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// A UTC time (`#[serde(with = "crate::model::file_dates::utc_time")]`).
pub mod utc_time {
    use super::*;

    /// Writes the time as chrono does.
    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        match plain_time(*at) {
            Some(text) => serializer.serialize_str(as_text(&text)),
            None => at.serialize(serializer),
        }
    }

    /// Reads a time as chrono does.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_str(TimeVisitor)
    }

    struct TimeVisitor;

    impl Visitor<'_> for TimeVisitor {
        type Value = DateTime<Utc>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("an RFC 3339 formatted date and time string")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
            match read_plain_time(text.as_bytes()) {
                Some(at) => Ok(at),
                None => DateTime::<Utc>::deserialize(de::value::StrDeserializer::<E>::new(text)),
            }
        }
    }
}

/// A date (`#[serde(with = "crate::model::file_dates::date")]`).
pub mod date {
    use super::*;

    /// Writes the date as chrono does.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        match plain_date(*date) {
            Some(text) => serializer.serialize_str(as_text(&text)),
            None => date.serialize(serializer),
        }
    }

    /// Reads a date as chrono does.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(DateVisitor)
    }

    pub(super) struct DateVisitor;

    impl Visitor<'_> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a formatted date string")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            match read_plain_date(text.as_bytes()) {
                Some(date) => Ok(date),
                None => NaiveDate::deserialize(de::value::StrDeserializer::<E>::new(text)),
            }
        }
    }
}

/// A date that may be absent
/// (`#[serde(default, with = "crate::model::file_dates::optional_date")]`).
pub mod optional_date {
    use super::*;

    /// A date, spelled by [`super::date`].
    struct Spelled(NaiveDate);

    impl serde::Serialize for Spelled {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            super::date::serialize(&self.0, serializer)
        }
    }

    impl<'de> serde::Deserialize<'de> for Spelled {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            super::date::deserialize(deserializer).map(Spelled)
        }
    }

    /// Writes `Some(date)` or `None` as for any option.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_some(&Spelled(*date)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads an option of a date.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Spelled>::deserialize(deserializer).map(|date| date.map(|Spelled(date)| date))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    use super::*;

    /// The three shapes, as the model's fields use them.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Ours {
        #[serde(with = "utc_time")]
        at: DateTime<Utc>,
        #[serde(with = "date")]
        day: NaiveDate,
        #[serde(default, with = "optional_date")]
        maybe: Option<NaiveDate>,
    }

    /// The same through chrono's own implementations.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Chronos {
        at: DateTime<Utc>,
        day: NaiveDate,
        #[serde(default)]
        maybe: Option<NaiveDate>,
    }

    fn both(at: DateTime<Utc>, day: NaiveDate, maybe: Option<NaiveDate>) -> (Ours, Chronos) {
        (Ours { at, day, maybe }, Chronos { at, day, maybe })
    }

    /// Written alike by ron (as a save writes) and by the canonical writer (as a hash reads),
    /// and read back to the same value by ron and by the plain-form reader.
    fn written_and_read_as_chrono_does(ours: &Ours, chronos: &Chronos) {
        let text = ron::ser::to_string_pretty(ours, ron::ser::PrettyConfig::default()).unwrap();
        assert_eq!(text, ron::ser::to_string_pretty(chronos, ron::ser::PrettyConfig::default()).unwrap());
        assert_eq!(crate::session::canonical_text::canonical(ours), crate::session::canonical_text::canonical(chronos));
        let read: Ours = ron::from_str(&text).unwrap();
        assert_eq!(&read, ours);
        let plain: Ours = crate::session::written_form::read(&text).unwrap();
        assert_eq!(&plain, ours);
    }

    #[test]
    fn the_usual_and_the_unusual_are_spelled_as_chrono_spells_them() {
        let whole = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 30).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 2, 28).unwrap();
        let (ours, chronos) = both(whole, day, Some(day));
        written_and_read_as_chrono_does(&ours, &chronos);
        assert!(ron::to_string(&ours).unwrap().contains("\"2026-11-02T09:00:30Z\""));
        // A fraction, a leap second, years beyond four digits and before the era, no date.
        let fraction = whole + chrono::Duration::nanoseconds(1_500);
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31).unwrap().and_hms_nano_opt(23, 59, 59, 1_000_000_000).unwrap();
        let far = NaiveDate::from_ymd_opt(12_345, 1, 1).unwrap();
        let before = NaiveDate::from_ymd_opt(-44, 3, 15).unwrap();
        for (at, day, maybe) in [
            (fraction, far, None),
            (leap.and_utc(), before, Some(far)),
            (far.and_hms_opt(0, 0, 0).unwrap().and_utc(), NaiveDate::MIN, Some(NaiveDate::MAX)),
            (DateTime::<Utc>::MIN_UTC, NaiveDate::from_ymd_opt(0, 1, 1).unwrap(), Some(before)),
        ] {
            let (ours, chronos) = both(at, day, maybe);
            written_and_read_as_chrono_does(&ours, &chronos);
        }
    }

    /// What chrono makes of a text, as the same result or error text.
    fn chrono_reads(text: &str) -> (Result<DateTime<Utc>, String>, Result<NaiveDate, String>) {
        #[derive(Deserialize)]
        struct Time {
            v: DateTime<Utc>,
        }
        #[derive(Deserialize)]
        struct Day {
            v: NaiveDate,
        }
        let field = format!("(v: {text:?})");
        (
            ron::from_str::<Time>(&field).map(|t| t.v).map_err(|e| e.to_string()),
            ron::from_str::<Day>(&field).map(|d| d.v).map_err(|e| e.to_string()),
        )
    }

    /// What these modules make of the same text.
    fn we_read(text: &str) -> (Result<DateTime<Utc>, String>, Result<NaiveDate, String>) {
        #[derive(Deserialize)]
        struct Time {
            #[serde(with = "utc_time")]
            v: DateTime<Utc>,
        }
        #[derive(Deserialize)]
        struct Day {
            #[serde(with = "date")]
            v: NaiveDate,
        }
        let field = format!("(v: {text:?})");
        (
            ron::from_str::<Time>(&field).map(|t| t.v).map_err(|e| e.to_string()),
            ron::from_str::<Day>(&field).map(|d| d.v).map_err(|e| e.to_string()),
        )
    }

    #[test]
    fn texts_near_the_usual_shape_are_read_or_refused_as_chrono_does() {
        for text in [
            "2026-11-02T09:00:30Z",
            "2026-11-02",
            "2026-02-30",
            "2026-02-30T09:00:00Z",
            "2026-11-02T24:00:00Z",
            "2016-12-31T23:59:60Z",
            "2026-11-02t09:00:30z",
            "2026-11-02 09:00:30Z",
            "2026-11-02T09:00:30+00:00",
            "2026-11-02T09:00:30.5Z",
            "+2026-11-02",
            " 2026-11-02",
            "2026-1-02",
            "２０２６-11-02",
            "",
        ] {
            assert_eq!(we_read(text), chrono_reads(text), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_time_and_date_is_spelled_and_read_as_chrono_does(
            seconds in -62_000_000_000i64..260_000_000_000i64,
            nanos in prop_oneof![Just(0u32), 0u32..2_000_000_000],
            days in -800_000i32..3_000_000,
            present in any::<bool>(),
        ) {
            let at = Utc.timestamp_opt(seconds, nanos).single().unwrap_or_else(|| Utc.timestamp_opt(seconds, 0).unwrap());
            let day = NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MIN);
            let (ours, chronos) = both(at, day, present.then_some(day));
            written_and_read_as_chrono_does(&ours, &chronos);
        }

        #[test]
        fn any_text_of_the_usual_shape_is_read_as_chrono_reads_it(
            text in "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}[Zz]?)?",
        ) {
            prop_assert_eq!(we_read(&text), chrono_reads(&text));
        }
    }
}
