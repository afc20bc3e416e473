//! The name of a date a protocol anchors windows and ages on beyond the three every visit has
//! (randomisation, transplant, infusion, the start of the current flare): the id of a date or
//! event item of the dictionary, where the session holds that date like any other value.
//!
//! Names are interned, once per distinct name for the life of the process, so that a rule's
//! anchor stays a copyable value (periods are compared and cached by value in the engine).
//! Protocols name a handful of anchors; the memory kept is a few bytes each. A name is one
//! pointer: the engine copies and compares periods on every result it reads, and two names
//! are equal exactly when they are the same interned text.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The id of the dictionary item that holds an anchor date.
#[derive(Clone, Copy, Debug)]
pub struct AnchorName(&'static String);

static NAMES: Mutex<BTreeMap<&'static str, &'static String>> = Mutex::new(BTreeMap::new());

impl AnchorName {
    /// The anchor held by the item with this id.
    pub fn new(item: &str) -> Self {
        let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = names.get(item) {
            return Self(known);
        }
        let name: &'static String = Box::leak(Box::new(item.to_owned()));
        names.insert(name.as_str(), name);
        Self(name)
    }

    /// The item id.
    pub fn item(self) -> &'static str {
        self.0.as_str()
    }

    /// The anchor in words: the item id with spaces for underscores ("transplant date").
    pub fn words(self) -> String {
        self.0.as_str().replace('_', " ")
    }
}

// Interned: the same text is the same name, so equality compares the pointers; order and
// hash read the text, which agrees with that equality.
impl PartialEq for AnchorName {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for AnchorName {}

impl PartialOrd for AnchorName {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnchorName {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.as_str().cmp(other.0.as_str())
    }
}

impl Hash for AnchorName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.as_str().hash(state);
    }
}

impl Serialize for AnchorName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}

impl<'de> Deserialize<'de> for AnchorName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Self::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_interned_once_and_reads_as_words() {
        let first = AnchorName::new("transplant_date");
        let second = AnchorName::new(&String::from("transplant_date"));
        assert!(std::ptr::eq(first.item(), second.item()));
        assert_eq!(first.words(), "transplant date");
        assert_ne!(first, AnchorName::new("randomisation"));
        assert_eq!(first, second);
        assert!(AnchorName::new("a_date") < AnchorName::new("b_date"), "ordered by their text");
        assert_eq!(std::mem::size_of::<AnchorName>(), std::mem::size_of::<usize>(), "one pointer");
    }
}
