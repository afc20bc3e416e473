//! The name of a date a protocol anchors windows and ages on beyond the three every visit has
//! (randomisation, transplant, infusion, the start of the current flare): the id of a date or
//! event item of the dictionary, where the session holds that date like any other value.
//!
//! Names are interned, once per distinct name for the life of the process, so that a rule's
//! anchor stays a copyable value (periods are compared and cached by value in the engine).
//! Protocols name a handful of anchors; the memory kept is a few bytes each.

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The id of the dictionary item that holds an anchor date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnchorName(&'static str);

static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

impl AnchorName {
    /// The anchor held by the item with this id.
    pub fn new(item: &str) -> Self {
        let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = names.get(item) {
            return Self(known);
        }
        let name: &'static str = Box::leak(item.to_owned().into_boxed_str());
        names.insert(name);
        Self(name)
    }

    /// The item id.
    pub fn item(self) -> &'static str {
        self.0
    }

    /// The anchor in words: the item id with spaces for underscores ("transplant date").
    pub fn words(self) -> String {
        self.0.replace('_', " ")
    }
}

impl Serialize for AnchorName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
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
    }
}
