//! Answers to a clinical instrument (a checklist or score) as entered: part of the clinical
//! record, read by the calculators.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One answer to one item of an instrument.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The descriptor is present.
    Present,
    /// The descriptor was assessed and is absent.
    Absent,
    /// A graded item: an activity level, a muscle grade, a skin score.
    Level(u8),
    /// A numeric item (age at onset, a lab value the instrument reads).
    Number(f64),
}

/// The answers to one instrument; items without an entry are not assessed.
pub type Answers = BTreeMap<String, Answer>;
