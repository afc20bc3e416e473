//! SHA-256 as the records use it: lowercase hex of a text's bytes.

use sha2::{Digest as _, Sha256};

/// SHA-256 of a text, lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    // Digit by digit rather than through `write!`: every audit entry of every file a folder
    // scan reads is hashed, and formatting each byte cost as much as the digest of a short entry.
    crate::files::hex::encode(&Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_of_known_texts() {
        assert_eq!(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
