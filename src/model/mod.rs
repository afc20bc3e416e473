//! The data the product is built on: units, dates, the data dictionary, the drug
//! catalogue, protocols and their rules, and the values entered for a patient.

pub mod anchor_name;
pub mod dates;
pub mod dictionary;
pub mod drugs;
pub mod exact;
pub mod file_dates;
pub mod instrument;
pub mod instrument_answers;
pub mod number_format;
pub mod protocol;
pub mod protocol_translation;
pub mod record;
pub mod rule;
pub mod sex;
pub mod site_units;
pub mod units;
pub mod values;
pub mod vocabulary_translation;
pub mod words;
