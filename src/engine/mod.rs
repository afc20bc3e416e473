//! The screening engine: compiles protocols against the data dictionary and evaluates them
//! for a patient in three-valued logic, with explanations and "eligible from" dates.

pub mod closed_branches;
pub mod compile;
pub mod evaluate;
pub mod explain;
pub mod fact;
pub mod items_read;
pub mod knowledge;
pub mod patient;
pub mod protocol_eval;
pub mod truth;
