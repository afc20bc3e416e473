//! The data the product is built on: units, dates, the data dictionary, the drug
//! catalogue, protocols and their rules, and the values entered for a patient.

pub mod dates;
pub mod sex;
pub mod units;
