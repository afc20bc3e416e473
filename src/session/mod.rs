//! The screening-visit record and its file.

pub mod load;
pub mod model;
