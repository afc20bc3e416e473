//! Text typed into a form, turned into typed values once, at the boundary: numbers, dates,
//! titers, and the plausibility of a number in the unit it was entered in. Pure functions
//! with messages an investigator can act on; no egui, no clock (today is passed in).

pub mod date_text;
pub mod entry_text;
pub mod number_text;
pub mod plausibility;
pub mod titer_text;

/// What a form field's text means once parsed.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed<T> {
    /// Nothing typed: the value is cleared.
    Empty,
    /// A value.
    Value(T),
    /// Not a value; the message says what to type instead.
    Invalid(String),
}

impl<T> Parsed<T> {
    /// Applies `f` to a parsed value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        match self {
            Self::Empty => Parsed::Empty,
            Self::Value(value) => Parsed::Value(f(value)),
            Self::Invalid(message) => Parsed::Invalid(message),
        }
    }

    /// The value, if the text held one (`None` for empty and invalid text).
    pub fn value(self) -> Option<T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Empty | Self::Invalid(_) => None,
        }
    }
}

/// The half-width character of a full-width one (U+FF01 to U+FF5E: digits, letters, colon,
/// slash, point, signs, as an input method types them in full-width mode); others as they are.
pub fn half_width_of(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        other => other,
    }
}
