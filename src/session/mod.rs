//! The screening-visit record, its audit trail, and reading it.

pub mod audit;
pub mod format_v1;
pub mod hashing;
pub mod load;
pub mod migrate;
pub mod model;
pub mod plain_text;
pub mod recovery;
pub mod store;
