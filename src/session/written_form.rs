//! A fast reader for the RON this build writes, with ron as its referee.
//!
//! Reading a session file through ron costs about 0.5 ms for 60 KB, over half of what
//! listing a folder of sessions spends on each file: ron decodes every character of every
//! identifier and space on its own. This reader takes the plain form a save writes (ASCII
//! spaces and line comments, plain identifiers, strings with the simple escapes, decimal
//! numbers, `Some(…)`/`None`, structs, maps, lists, tuples and enums without type names) a
//! byte at a time, and gives up at anything else: another escape, a block comment, a raw
//! string, an extension, a type name, a number written otherwise, nesting deeper than
//! [`MAX_DEPTH`], and every error. [`read`] then reads the text through ron, so every
//! error, and every value of a text this reader gives up on, is ron's own. What it accepts
//! it reads as ron would; the tests compare the two over every shape serde has, over
//! generated texts and over real session files.

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};

/// Reads `text` as a `T`: through this reader when the text is in the plain form, else
/// through ron (with ron's default options, so with its recursion limit).
pub fn read<'de, T: Deserialize<'de>>(text: &'de str) -> std::result::Result<T, ron::error::SpannedError> {
    match read_plain(text) {
        Some(value) => Ok(value),
        None => ron::Options::default().from_str(text),
    }
}

/// Reads `text` as a `T` when it is entirely in the plain form; `None` otherwise.
pub fn read_plain<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader { text: text.as_bytes(), source: text, at: 0, depth: 0 };
    reader.skip_space().ok()?;
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_space().ok()?;
    (reader.at == reader.text.len()).then_some(value)
}

/// Nesting beyond which ron is asked (ron's own limit, 128, counts about two per level).
const MAX_DEPTH: usize = 24;

/// A text this reader leaves to ron.
#[derive(Debug)]
pub struct GiveUp;

impl std::fmt::Display for GiveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to ron")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Self
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

struct Reader<'de> {
    text: &'de [u8],
    source: &'de str,
    at: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Spaces, tabs, line ends and line comments; a block comment is left to ron, as is a
    /// line comment that the text ends in (ron refuses one without its line end).
    fn skip_space(&mut self) -> Result<()> {
        let text = self.text;
        let mut at = self.at;
        loop {
            loop {
                // A saved file is indented with runs of spaces (over 40 % of its bytes):
                // eight at a time.
                while text.get(at..at + 8).is_some_and(|chunk| chunk == b"        ") {
                    at += 8;
                }
                if !text.get(at).is_some_and(|&b| matches!(b, b' ' | b'\n' | b'\t' | b'\r')) {
                    break;
                }
                at += 1;
            }
            if text.get(at) != Some(&b'/') {
                self.at = at;
                return Ok(());
            }
            if text.get(at + 1) != Some(&b'/') {
                return Err(GiveUp);
            }
            let rest = text.get(at..).unwrap_or_default();
            at += rest.iter().position(|&b| b == b'\n').ok_or(GiveUp)? + 1;
        }
    }

    /// Skips space, then takes `byte` if it is next.
    fn take(&mut self, byte: u8) -> Result<bool> {
        self.skip_space()?;
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.take(byte)? { Ok(()) } else { Err(GiveUp) }
    }

    /// A plain identifier: an ASCII letter or `_`, then letters, digits and `_`, not
    /// followed by anything ron would read as part of it.
    fn identifier(&mut self) -> Result<&'de str> {
        self.skip_space()?;
        let start = self.at;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => self.at += 1,
            _ => return Err(GiveUp),
        }
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.at += 1;
        }
        // A raw identifier (`r#…`), a raw or byte string, or a non-ASCII continuation.
        if self.peek().is_some_and(|b| b == b'#' || b == b'"' || b >= 0x80) {
            return Err(GiveUp);
        }
        self.source.get(start..self.at).ok_or(GiveUp)
    }

    /// A string with only the escapes `\\ \" \' \n \r \t \0`; borrowed when it has none.
    fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let start = self.at;
        let mut owned: Option<Vec<u8>> = None;
        let mut plain_from = start;
        loop {
            // Straight to the next quote or backslash: everything else is the string's own.
            let rest = self.text.get(self.at..).ok_or(GiveUp)?;
            self.at += memchr::memchr2(b'"', b'\\', rest).ok_or(GiveUp)?;
            if self.peek() == Some(b'"') {
                let tail = self.text.get(plain_from..self.at).ok_or(GiveUp)?;
                self.at += 1;
                return match owned {
                    None => Ok(Text::Borrowed(self.source.get(start..self.at - 1).ok_or(GiveUp)?)),
                    Some(mut bytes) => {
                        bytes.extend_from_slice(tail);
                        String::from_utf8(bytes).map(Text::Owned).map_err(|_| GiveUp)
                    }
                };
            }
            // A backslash: its escape.
            let bytes = owned.get_or_insert_with(Vec::new);
            bytes.extend_from_slice(self.text.get(plain_from..self.at).ok_or(GiveUp)?);
            let escaped = match self.text.get(self.at + 1) {
                Some(b'\\') => b'\\',
                Some(b'"') => b'"',
                Some(b'\'') => b'\'',
                Some(b'n') => b'\n',
                Some(b'r') => b'\r',
                Some(b't') => b'\t',
                Some(b'0') => 0,
                _ => return Err(GiveUp),
            };
            bytes.push(escaped);
            self.at += 2;
            plain_from = self.at;
        }
    }

    /// The text of a number: `-`? digits, then for a float `.` digits and/or an exponent.
    /// Leading zeros, `+`, `_`, suffixes, `inf` and `NaN` are left to ron.
    fn number_text(&mut self, float: bool) -> Result<&'de str> {
        self.skip_space()?;
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while reader.peek().is_some_and(|b| b.is_ascii_digit()) {
                reader.at += 1;
            }
            reader.at - from
        };
        let integer_start = self.at;
        let whole = digits(self);
        if whole == 0 || (whole > 1 && self.text.get(integer_start) == Some(&b'0')) {
            return Err(GiveUp);
        }
        let mut is_float = false;
        if float && self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(GiveUp);
            }
            is_float = true;
        }
        if float && matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if self.peek() == Some(b'-') {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(GiveUp);
            }
            is_float = true;
        }
        // An integer written for a float, or anything ron would read on into the number.
        if float != is_float || self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
            return Err(GiveUp);
        }
        self.source.get(start..self.at).ok_or(GiveUp)
    }

    fn integer<T: std::str::FromStr>(&mut self) -> Result<T> {
        self.number_text(false)?.parse().map_err(|_| GiveUp)
    }

    fn float<T: std::str::FromStr>(&mut self) -> Result<T> {
        self.number_text(true)?.parse().map_err(|_| GiveUp)
    }

    /// Whether the next word is `word` (and not the start of a longer identifier).
    fn next_word_is(&mut self, word: &str) -> Result<bool> {
        self.skip_space()?;
        let rest = self.text.get(self.at..).ok_or(GiveUp)?;
        Ok(rest.starts_with(word.as_bytes())
            && !rest.get(word.len()).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80))
    }

    /// Whether another element or entry follows before `close`: a comma comes before each
    /// but the first, and one may follow the last.
    fn another(&mut self, first: &mut bool, close: u8) -> Result<bool> {
        self.skip_space()?;
        if self.peek() == Some(close) {
            return Ok(false);
        }
        if !std::mem::take(first) {
            self.expect(b',')?;
            self.skip_space()?;
            if self.peek() == Some(close) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// A map's entries (`fields`: a struct's) between `open` and `close`.
    fn entries<V: Visitor<'de>>(&mut self, open: u8, close: u8, fields: bool, visitor: V) -> Result<V::Value> {
        self.expect(open)?;
        let value = self.nested(|reader| visitor.visit_map(Entries { reader, close, first: true, fields }))?;
        self.expect(close)?;
        Ok(value)
    }

    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= MAX_DEPTH {
            return Err(GiveUp);
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }
}

enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Self::Borrowed(text) => visitor.visit_borrowed_str(text),
            Self::Owned(text) => visitor.visit_string(text),
        }
    }
}

macro_rules! integers {
    ($($method:ident $visit:ident $ty:ty),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let value: $ty = self.integer()?;
            visitor.$visit(value)
        })*
    };
}

macro_rules! given_up {
    ($($method:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(GiveUp)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    integers! {
        deserialize_i8 visit_i8 i8,
        deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32,
        deserialize_i64 visit_i64 i64,
        deserialize_u8 visit_u8 u8,
        deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32,
        deserialize_u64 visit_u64 u64,
    }

    given_up! {
        deserialize_any,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_ignored_any,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value: f32 = self.float()?;
        visitor.visit_f32(value)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value: f64 = self.float()?;
        visitor.visit_f64(value)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.next_word_is("None")? {
            self.at += "None".len();
            return visitor.visit_none();
        }
        if !self.next_word_is("Some")? {
            return Err(GiveUp);
        }
        self.at += "Some".len();
        self.expect(b'(')?;
        let value = self.nested(|reader| visitor.visit_some(&mut *reader))?;
        self.take(b',')?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // ron reads `()` only as two bytes together.
        self.skip_space()?;
        if self.text.get(self.at..self.at + 2) != Some(b"()".as_slice()) {
            return Err(GiveUp);
        }
        self.at += 2;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value> {
        // ron's raw-value token reads text, not a value.
        if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(GiveUp);
        }
        self.expect(b'(')?;
        let value = self.nested(|reader| visitor.visit_newtype_struct(&mut *reader))?;
        self.take(b',')?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = self.nested(|reader| visitor.visit_seq(Elements { reader, close: b']', first: true }))?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = self.nested(|reader| visitor.visit_seq(Elements { reader, close: b')', first: true }))?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.entries(b'{', b'}', false, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // ron reads the standard ranges in their own syntax.
        if name.starts_with("Range") {
            return Err(GiveUp);
        }
        self.entries(b'(', b')', true, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.nested(|reader| visitor.visit_enum(Variant { reader }))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// The elements of a list or tuple, commas between them and one allowed after the last.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.reader.another(&mut self.first, self.close)? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The entries of a map (`"key": value`) or the fields of a struct (`name: value`).
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
    fields: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.reader.another(&mut self.first, self.close)? {
            return Ok(None);
        }
        let key = if self.fields {
            // A field's name is read as an identifier, whatever the field type asks for.
            let name = self.reader.identifier()?;
            seed.deserialize(BorrowedStrDeserializer::<GiveUp>::new(name))?
        } else {
            seed.deserialize(&mut *self.reader)?
        };
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

/// An enum's variant: its name, then its data in parentheses (none for a unit variant).
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self)> {
        let name = self.reader.identifier()?;
        let value = seed.deserialize(BorrowedStrDeserializer::<GiveUp>::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        // `Name()` or `Name(…)` for a unit variant is left to ron.
        self.reader.skip_space()?;
        if self.reader.peek() == Some(b'(') { Err(GiveUp) } else { Ok(()) }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.reader.expect(b'(')?;
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.take(b',')?;
        self.reader.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_tuple(&mut *self.reader, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value> {
        self.reader.entries(b'(', b')', true, visitor)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    use super::{read, read_plain};
    use crate::session::model::Session;
    use crate::session::test_shapes::{Everything, Shape, everything, nested};

    /// Pretty, as a save writes it, and compact.
    fn texts_of<T: Serialize>(value: &T) -> [String; 2] {
        let pretty = ron::ser::PrettyConfig::new().new_line("\n".to_owned()).indentor("    ".to_owned());
        [ron::ser::to_string_pretty(value, pretty).unwrap(), ron::to_string(value).unwrap()]
    }

    /// Whatever this reader accepts, ron accepts and reads the same (compared as ron writes
    /// both, which also compares NaN and -0.0 exactly).
    fn agrees_with_ron<'de, T: Serialize + Deserialize<'de>>(text: &'de str) -> Option<bool> {
        let plain: T = read_plain(text)?;
        let Ok(by_ron) = ron::Options::default().from_str::<T>(text) else { return Some(false) };
        Some(ron::to_string(&plain).unwrap() == ron::to_string(&by_ron).unwrap())
    }

    #[test]
    fn reads_every_shape_as_ron_reads_it() {
        let values = [
            everything("plain".to_owned(), 25.0, 0),
            everything(String::new(), -0.0, i64::MIN),
            everything("quote \" apostrophe ' backslash \\ tab \t line \n nul \0 cr \r".to_owned(), 1.0 / 3.0, 1),
            everything("µmol/L ×10⁹/L 张三 😀".to_owned(), 1e-7, i64::MAX),
        ];
        for value in &values {
            for text in texts_of(value) {
                assert_eq!(agrees_with_ron::<Everything>(&text), Some(true), "{text}");
            }
        }
    }

    #[test]
    fn leaves_to_ron_what_it_does_not_read_the_same_way() {
        let base = texts_of(&everything("x".to_owned(), 2.5, 3))[0].clone();
        let variants = [
            base.replacen("unit: ()", "unit: ( )", 1),
            base.replacen("double: 2.5", "double: 2.50e0", 1).replacen("2.50e0", "25e-1", 1),
            base.replacen("long: 3", "long: 0x3", 1),
            base.replacen("long: 3", "long: 03", 1),
            base.replacen("long: 3", "long: 3_0", 1),
            base.replacen("double: 2.5", "double: 2", 1),
            base.replacen("double: 2.5", "double: inf", 1),
            base.replacen("text: \"x\"", "text: r\"x\"", 1),
            base.replacen("text: \"x\"", "text: \"\\u{78}\"", 1),
            base.replacen("(\n    flag", "Everything(\n    flag", 1),
            base.replacen("(\n    flag", "/* c */ (\n    flag", 1),
            format!("#![enable(implicit_some)]\n{base}"),
            format!("{base}\n// a comment without its line end"),
            format!("{base} trailing"),
            base.replacen("flag: true", "flag: true, flag: true", 1),
            base.replacen("flag: true,", "", 1),
            base.replacen("Plain", "Plain()", 1),
        ];
        for text in &variants {
            assert_ne!(text, &base);
            // Either left to ron or read as ron reads it.
            assert_ne!(agrees_with_ron::<Everything>(text), Some(false), "{text}");
        }
        assert!(read_plain::<Everything>(&variants[0]).is_none(), "ron refuses `( )`");
        assert!(read_plain::<Everything>(&variants[5]).is_none());
        let refused_by_both = &variants[0];
        assert!(read::<Everything>(refused_by_both).is_err());
        let comment_first = format!("// trialscreen\n// second line\n{base}");
        assert_eq!(agrees_with_ron::<Everything>(&comment_first), Some(true));
    }

    #[test]
    fn nesting_deeper_than_it_goes_is_left_to_ron() {
        let text = ron::to_string(&nested(60)).unwrap();
        assert!(read_plain::<Shape>(&text).is_none());
        // At every depth, what this reader accepts ron accepts too (its recursion limit is
        // never the only thing that refuses a text this reader read).
        for levels in 0..80 {
            let text = ron::Options::default().without_recursion_limit().to_string(&nested(levels)).unwrap();
            assert_ne!(agrees_with_ron::<Shape>(&text), Some(false), "{levels} levels");
        }
        let by_ron = read::<Shape>(&text);
        assert_eq!(by_ron.is_ok(), ron::Options::default().from_str::<Shape>(&text).is_ok());
    }

    #[test]
    fn reads_every_bundled_example_and_golden_session_as_ron_reads_it() {
        let golden = ["v2-migrated-signed-session.ron", "v2-session.ron", "v3-session.ron", "v4-session.ron"];
        let mut texts: Vec<(String, String)> = crate::session::templates::BUNDLED_EXAMPLES
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
            .collect();
        for name in golden {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
            texts.push((name.to_owned(), std::fs::read_to_string(path).unwrap()));
        }
        for (name, text) in &texts {
            let plain: Session = read_plain(text).unwrap_or_else(|| panic!("{name} is in the plain form"));
            let by_ron: Session = ron::Options::default().from_str(text).unwrap();
            assert_eq!(plain, by_ron, "{name}");
        }
    }

    proptest! {
        #[test]
        fn any_text_and_number_is_read_as_ron_reads_it(
            text in any::<String>(),
            bits in any::<u64>(),
            long in any::<i64>(),
        ) {
            let value = everything(text, f64::from_bits(bits), long);
            for written in texts_of(&value) {
                // NaN and the infinities are written as words, and characters escaped as
                // `\u{…}`: those texts are left to ron; every other is read here.
                let read_here = agrees_with_ron::<Everything>(&written);
                prop_assert_ne!(read_here, Some(false), "{}", written);
                if f64::from_bits(bits).is_finite() && !written.contains("\\u{") {
                    prop_assert_eq!(read_here, Some(true), "{}", written);
                }
            }
        }

        /// The safety of the whole: a session text with one byte changed, removed or
        /// inserted is read as ron reads it, or left to ron.
        #[test]
        fn a_damaged_session_is_read_as_ron_reads_it_or_left_to_ron(
            example in 0..crate::session::templates::BUNDLED_EXAMPLES.len(),
            position in any::<prop::sample::Index>(),
            edit in 0..3u8,
            byte in prop::sample::select(b" \n\t\"\\(),:[]{}/*#.-+_0123456789eENSaz'r".to_vec()),
        ) {
            let (_, text) = crate::session::templates::BUNDLED_EXAMPLES[example];
            let mut bytes = text.as_bytes().to_vec();
            let at = position.index(bytes.len());
            match edit {
                0 => bytes[at] = byte,
                1 => { bytes.remove(at); }
                _ => bytes.insert(at, byte),
            }
            if let Ok(damaged) = String::from_utf8(bytes) {
                prop_assert_ne!(agrees_with_ron::<Session>(&damaged), Some(false), "at {}: {}", at, damaged);
            }
        }
    }
}
