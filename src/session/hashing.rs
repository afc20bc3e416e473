//! SHA-256 as the records use it: lowercase hex of a text's bytes.

use sha2::{Digest as _, Sha256};

/// SHA-256 of a text, lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}
