//! The screening-visit record, its audit trail, reading and saving it (sealed and
//! witnessed), electronic signatures on it, and what its seal, signatures and this
//! computer's ledger say about it.

pub mod audit;
pub mod canonical_text;
pub mod e_signing;
pub mod format_v1;
pub mod hashing;
pub mod integrity;
pub mod load;
pub mod migrate;
pub mod model;
pub mod plain_text;
pub mod recovery;
pub mod sealing;
pub mod sign_meaning;
pub mod store;
pub mod templates;
#[cfg(test)]
mod test_shapes;
pub mod written_form;
