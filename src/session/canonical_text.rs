//! The canonical text of a value, which the audit trail's hashes and a signature's content
//! hash are computed over: exactly what `ron::to_string` writes (compact RON, no
//! extensions), written straight into a `String`.
//!
//! ron's serializer writes every character of every string through `fmt::Write`, one
//! escape at a time; verifying a folder of sessions re-serialises every audit entry of
//! every file, and that was a fifth of reading a session. This writer produces the same
//! bytes for every shape this crate's types take, and gives up on anything else (a byte
//! string, a 128-bit integer, an identifier that ron would write raw, ron's raw-value
//! token, nesting deeper than [`MAX_DEPTH`]), for which [`canonical`] asks ron itself. The
//! tests compare the two over every shape serde has and over real session files.

use std::fmt::Write as _;

use serde::Serialize;
use serde::ser;

/// The canonical text of `value`: `ron::to_string`'s output, or its error in words.
pub fn canonical<T: Serialize + ?Sized>(value: &T) -> String {
    // An audit entry's text is some hundreds of bytes: one allocation for most.
    let mut writer = CompactRon { output: String::with_capacity(1024), depth: 0 };
    match value.serialize(&mut writer) {
        Ok(()) => writer.output,
        Err(GiveUp) => ron::to_string(value).unwrap_or_else(|error| format!("unserializable: {error}")),
    }
}

/// Nesting beyond which ron is asked (ron's own limit, 128, counts about four per level).
const MAX_DEPTH: usize = 24;

/// A shape this writer leaves to ron.
#[derive(Debug)]
struct GiveUp;

impl std::fmt::Display for GiveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to ron")
    }
}

impl std::error::Error for GiveUp {}

impl ser::Error for GiveUp {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Self
    }
}

struct CompactRon {
    output: String,
    depth: usize,
}

impl CompactRon {
    fn nested(&mut self, value: &(impl Serialize + ?Sized)) -> Result<(), GiveUp> {
        if self.depth >= MAX_DEPTH {
            return Err(GiveUp);
        }
        self.depth += 1;
        let result = value.serialize(&mut *self);
        self.depth -= 1;
        result
    }

    /// An identifier as ron writes it when it needs no `r#`; anything else is left to ron.
    fn identifier(&mut self, name: &str) -> Result<(), GiveUp> {
        let mut bytes = name.bytes();
        let plain = bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !["true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64"].contains(&name);
        if !plain {
            return Err(GiveUp);
        }
        self.output.push_str(name);
        Ok(())
    }

    /// A type's name, which ron only checks (it writes none without `struct_names`).
    fn name(name: &str) -> Result<(), GiveUp> {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(GiveUp);
        }
        Ok(())
    }

    fn string(&mut self, text: &str) {
        self.output.push('"');
        // Nearly every string of a session (a hash, a name, an item id) has nothing to
        // escape: asked sixteen bytes at a time without a branch per byte, it is copied whole.
        if is_plain(text) {
            self.output.push_str(text);
            self.output.push('"');
            return;
        }
        let bytes = text.as_bytes();
        let (mut at, mut plain_from) = (0, 0);
        while let Some(&byte) = bytes.get(at) {
            if is_plain_byte(byte) {
                at += 1;
                continue;
            }
            // Anything else is escaped character by character, as ron does.
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
            self.output.push_str(text.get(plain_from..at).unwrap_or_default());
            self.output.extend(c.escape_debug());
            at += c.len_utf8();
            plain_from = at;
        }
        self.output.push_str(text.get(plain_from..).unwrap_or_default());
        self.output.push('"');
    }

    fn number(&mut self, value: impl std::fmt::Display) {
        let _ = write!(self.output, "{value}");
    }
}

/// Printable ASCII but the quotes and the backslash is written as it is; anything else is
/// escaped character by character, as ron does.
#[inline]
fn is_plain_byte(byte: u8) -> bool {
    matches!(byte, b' '..=b'~') && !matches!(byte, b'"' | b'\'' | b'\\')
}

/// Whether a text has nothing to escape.
fn is_plain(text: &str) -> bool {
    text.as_bytes().chunks(16).all(|chunk| chunk.iter().fold(true, |plain, &byte| plain & is_plain_byte(byte)))
}

/// The elements of a sequence, tuple, map or struct, with commas between them.
struct Elements<'a> {
    writer: &'a mut CompactRon,
    first: bool,
    close: char,
}

impl Elements<'_> {
    fn separate(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.writer.output.push(',');
        }
    }

    fn element(&mut self, value: &(impl Serialize + ?Sized)) -> Result<(), GiveUp> {
        self.separate();
        self.writer.nested(value)
    }

    fn field(&mut self, key: &'static str, value: &(impl Serialize + ?Sized)) -> Result<(), GiveUp> {
        self.separate();
        self.writer.identifier(key)?;
        self.writer.output.push(':');
        self.writer.nested(value)
    }

    fn end(self) -> Result<(), GiveUp> {
        self.writer.output.push(self.close);
        Ok(())
    }
}

impl<'a> CompactRon {
    fn open(&'a mut self, open: char, close: char) -> Elements<'a> {
        self.output.push(open);
        Elements { writer: self, first: true, close }
    }

    /// A tuple or struct variant: its name, then its elements or fields in parentheses.
    fn variant(&'a mut self, name: &str, variant: &str) -> Result<Elements<'a>, GiveUp> {
        CompactRon::name(name)?;
        self.identifier(variant)?;
        Ok(self.open('(', ')'))
    }
}

/// Integers in decimal, as `Display` writes them.
macro_rules! integers {
    ($($method:ident $ty:ty),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<(), GiveUp> {
            self.number(v);
            Ok(())
        })*
    };
}

impl<'a> ser::Serializer for &'a mut CompactRon {
    type Ok = ();
    type Error = GiveUp;
    type SerializeSeq = Elements<'a>;
    type SerializeTuple = Elements<'a>;
    type SerializeTupleStruct = Elements<'a>;
    type SerializeTupleVariant = Elements<'a>;
    type SerializeMap = Elements<'a>;
    type SerializeStruct = Elements<'a>;
    type SerializeStructVariant = Elements<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), GiveUp> {
        self.output.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    integers! {
        serialize_i8 i8,
        serialize_i16 i16,
        serialize_i32 i32,
        serialize_i64 i64,
        serialize_u8 u8,
        serialize_u16 u16,
        serialize_u32 u32,
        serialize_u64 u64,
    }

    fn serialize_f32(self, v: f32) -> Result<(), GiveUp> {
        if v.is_nan() && v.is_sign_negative() {
            self.output.push('-');
        }
        let _ = write!(self.output, "{v:?}");
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), GiveUp> {
        if v.is_nan() && v.is_sign_negative() {
            self.output.push('-');
        }
        let _ = write!(self.output, "{v:?}");
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), GiveUp> {
        self.output.push('\'');
        if v == '\\' || v == '\'' {
            self.output.push('\\');
        }
        self.output.push(v);
        self.output.push('\'');
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), GiveUp> {
        self.string(v);
        Ok(())
    }

    /// A value's `Display` (a date and time, for one) written straight into the text, then
    /// escaped as a string would be when it has anything to escape.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), GiveUp> {
        self.output.push('"');
        let start = self.output.len();
        let _ = write!(self.output, "{value}");
        let plain = self.output.get(start..).is_some_and(is_plain);
        if plain {
            self.output.push('"');
        } else {
            let written = self.output.split_off(start);
            self.output.pop();
            self.string(&written);
        }
        Ok(())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), GiveUp> {
        Err(GiveUp)
    }

    fn serialize_none(self) -> Result<(), GiveUp> {
        self.output.push_str("None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), GiveUp> {
        self.output.push_str("Some(");
        self.nested(value)?;
        self.output.push(')');
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), GiveUp> {
        self.output.push_str("()");
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), GiveUp> {
        // ron writes a unit struct named `RangeFull` as `..` only with `compact_ranges`.
        CompactRon::name(name)?;
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, name: &'static str, _index: u32, variant: &'static str) -> Result<(), GiveUp> {
        CompactRon::name(name)?;
        self.identifier(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<(), GiveUp> {
        // ron's raw-value token is not an identifier, so `name` gives it up.
        CompactRon::name(name)?;
        self.output.push('(');
        self.nested(value)?;
        self.output.push(')');
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), GiveUp> {
        CompactRon::name(name)?;
        self.identifier(variant)?;
        self.output.push('(');
        self.nested(value)?;
        self.output.push(')');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Elements<'a>, GiveUp> {
        Ok(self.open('[', ']'))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Elements<'a>, GiveUp> {
        Ok(self.open('(', ')'))
    }

    fn serialize_tuple_struct(self, name: &'static str, _len: usize) -> Result<Elements<'a>, GiveUp> {
        CompactRon::name(name)?;
        Ok(self.open('(', ')'))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Elements<'a>, GiveUp> {
        self.variant(name, variant)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Elements<'a>, GiveUp> {
        Ok(self.open('{', '}'))
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Elements<'a>, GiveUp> {
        // ron writes structs named like the standard ranges as ranges only with `compact_ranges`.
        CompactRon::name(name)?;
        Ok(self.open('(', ')'))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Elements<'a>, GiveUp> {
        self.variant(name, variant)
    }
}

/// Lists, tuples, tuple structs and tuple variants: elements with commas between them.
macro_rules! elements {
    ($($trait:ident $method:ident),* $(,)?) => {
        $(impl ser::$trait for Elements<'_> {
            type Ok = ();
            type Error = GiveUp;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), GiveUp> {
                self.element(value)
            }

            fn end(self) -> Result<(), GiveUp> {
                Elements::end(self)
            }
        })*
    };
}

elements! {
    SerializeSeq serialize_element,
    SerializeTuple serialize_element,
    SerializeTupleStruct serialize_field,
    SerializeTupleVariant serialize_field,
}

impl ser::SerializeMap for Elements<'_> {
    type Ok = ();
    type Error = GiveUp;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), GiveUp> {
        self.element(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), GiveUp> {
        self.writer.output.push(':');
        self.writer.nested(value)
    }

    fn end(self) -> Result<(), GiveUp> {
        Elements::end(self)
    }
}

/// Structs and struct variants: `name:value` fields with commas between them.
macro_rules! fields {
    ($($trait:ident),* $(,)?) => {
        $(impl ser::$trait for Elements<'_> {
            type Ok = ();
            type Error = GiveUp;

            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), GiveUp> {
                self.field(key, value)
            }

            fn end(self) -> Result<(), GiveUp> {
                Elements::end(self)
            }
        })*
    };
}

fields! { SerializeStruct, SerializeStructVariant }

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Serialize;

    use super::canonical;
    use crate::session::audit::AuditEntry;
    use crate::session::load::parse_session;
    use crate::session::model::Session;
    use crate::session::test_shapes::{everything, nested};

    fn same_as_ron<T: Serialize + std::fmt::Debug>(value: &T) {
        assert_eq!(canonical(value), ron::to_string(value).unwrap(), "{value:?}");
    }

    /// Serialised as a byte string (serde's `Vec<u8>` is a list of numbers).
    #[derive(Debug)]
    struct Bytes(Vec<u8>);

    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(&self.0)
        }
    }

    /// Serialised through its `Display` (`collect_str`), as a date and time is.
    #[derive(Debug)]
    struct Shown(String);

    impl Serialize for Shown {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(&self.0)
        }
    }

    #[test]
    fn every_shape_is_written_as_ron_writes_it() {
        same_as_ron(&('x', everything("plain".to_owned(), 25.0, 0)));
        same_as_ron(&('\'', everything(String::new(), -0.0, i64::MIN)));
        let escapes = "quote \" apostrophe ' backslash \\ tab \t line \n nul \0 cr \r".to_owned();
        same_as_ron(&('\\', everything(escapes, 1.5e-7, 1)));
        let wide = "µmol/L ×10⁹/L 张三 e\u{301} \u{200b} \u{7f} 😀".to_owned();
        same_as_ron(&('张', everything(wide, 1.0 / 3.0, i64::MAX)));
        same_as_ron(&[f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0]);
        same_as_ron(&(1u64, "2026-12-04T10:00:00Z", Some("Dr A"), None::<String>, "abc"));
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-04T10:00:00.123456789Z").unwrap().to_utc();
        same_as_ron(&(at, Shown("plain".to_owned()), Shown("a \"quote\" and 张 \n".to_owned()), Shown(String::new())));
    }

    #[test]
    fn what_ron_writes_differently_is_left_to_ron() {
        // Byte strings, a 128-bit integer and nesting deeper than the writer goes.
        same_as_ron(&Bytes(vec![0, 34, 255]));
        assert_eq!(canonical(&7u128), ron::to_string(&7u128).unwrap_or_else(|e| format!("unserializable: {e}")));
        for levels in 0..80 {
            let expected = ron::to_string(&nested(levels)).unwrap_or_else(|error| format!("unserializable: {error}"));
            assert_eq!(canonical(&nested(levels)), expected, "{levels} levels");
        }
        let too_deep = nested(200);
        let expected = ron::to_string(&too_deep).unwrap_or_else(|error| format!("unserializable: {error}"));
        assert_eq!(canonical(&too_deep), expected);
    }

    /// The tuples the trail's hashes are taken over, as `audit` builds them.
    fn check_session_file(name: &str, text: &str) {
        let session: Session = parse_session(text).unwrap_or_else(|error| panic!("{name}: {error}"));
        for entry in &session.audit {
            let AuditEntry { seq, at, actor, change, reason, prev_sha256, sha256: _ } = entry;
            same_as_ron(&(seq, at, actor, change, reason, prev_sha256));
        }
        for entry in &session.format1_audit {
            same_as_ron(entry);
        }
        same_as_ron(&(
            &session.format_version,
            &session.participant_code,
            &session.protocols,
            &session.dates,
            &session.investigator,
            &session.values,
            &session.decisions,
            &session.attestations,
        ));
        same_as_ron(&session);
    }

    #[test]
    fn every_bundled_example_and_golden_session_is_written_as_ron_writes_it() {
        for (name, text) in crate::session::templates::BUNDLED_EXAMPLES {
            check_session_file(name, text);
        }
        for name in [
            "v1-signed-session.ron",
            "v2-migrated-signed-session.ron",
            "v2-session.ron",
            "v3-session.ron",
            "v4-session.ron",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
            check_session_file(name, &std::fs::read_to_string(path).unwrap());
        }
    }

    proptest! {
        #[test]
        fn any_text_number_and_letter_is_written_as_ron_writes_it(
            text in any::<String>(),
            bits in any::<u64>(),
            letter in any::<char>(),
            long in any::<i64>(),
        ) {
            let value = (letter, Shown(text.clone()), everything(text, f64::from_bits(bits), long));
            prop_assert_eq!(canonical(&value), ron::to_string(&value).unwrap());
        }
    }
}
