//! The bundled example sessions as templates: not records. `verify` names a file that is
//! one of them, and the witness ledger is not searched by their creation entry, which every
//! session started from the same template shares.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::library::BUNDLED_EXAMPLES;
use crate::session::audit::GENESIS;

/// The bundled example this text is, byte for byte (a byte-order mark aside).
pub fn bundled_example(text: &str) -> Option<&'static str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    BUNDLED_EXAMPLES.iter().find(|(_, example)| *example == text).map(|(name, _)| *name)
}

/// Whether a trail's first entry is the creation entry of a bundled example.
pub fn is_template_creation(first_entry_hash: &str) -> bool {
    static HASHES: OnceLock<BTreeSet<String>> = OnceLock::new();
    HASHES
        .get_or_init(|| BUNDLED_EXAMPLES.iter().filter_map(|(_, text)| first_entry_hash_in(text)).collect())
        .contains(first_entry_hash)
}

/// The hash of the first audit entry in a session file's text, found without parsing it:
/// the only entry whose `prev_sha256` is the genesis, and its own `sha256` follows it.
fn first_entry_hash_in(text: &str) -> Option<String> {
    let genesis = format!("prev_sha256: \"{GENESIS}\"");
    let after = text.get(text.find(&genesis)? + genesis.len()..)?;
    let start = after.find("sha256: \"")? + "sha256: \"".len();
    let hash = after.get(start..start + 64)?;
    crate::records::hex::is_hex_of_len(hash, 32).then(|| hash.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_creation_entry_of_every_example_is_found_without_parsing() {
        for (name, text) in BUNDLED_EXAMPLES {
            let session = crate::session::load::parse_session(text).unwrap();
            let first = session.first_entry_hash().unwrap();
            assert_eq!(first_entry_hash_in(text).as_deref(), Some(first), "{name}");
            assert!(is_template_creation(first));
            assert_eq!(bundled_example(text), Some(*name));
        }
        assert!(!is_template_creation(GENESIS));
        assert_eq!(bundled_example("(format_version: 2)"), None);
    }
}
