//! The bundled example sessions as templates: not records. `verify` names a file that is
//! one of them, and the witness ledger is not searched by their creation entry, which every
//! session started from the same template shares.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::session::audit::GENESIS;

/// The worked example sessions, one per vignette of the design notes: (file name, content).
/// The workstation opens them as templates (saving one asks for a new file).
pub const BUNDLED_EXAMPLES: &[(&str, &str)] = &[
    ("v01-eligible-adolescent.ron", include_str!("../../data/examples/v01-eligible-adolescent.ron")),
    ("v02a-low-platelets.ron", include_str!("../../data/examples/v02a-low-platelets.ron")),
    ("v02b-low-platelets-override.ron", include_str!("../../data/examples/v02b-low-platelets-override.ron")),
    ("v02c-low-platelets-bleeding.ron", include_str!("../../data/examples/v02c-low-platelets-bleeding.ron")),
    ("v03-recent-rituximab.ron", include_str!("../../data/examples/v03-recent-rituximab.ron")),
    ("v04a-too-young.ron", include_str!("../../data/examples/v04a-too-young.ron")),
    ("v04b-fifth-birthday.ron", include_str!("../../data/examples/v04b-fifth-birthday.ron")),
    ("v05a-igg-by-age.ron", include_str!("../../data/examples/v05a-igg-by-age.ron")),
    ("v05b-igg-by-age.ron", include_str!("../../data/examples/v05b-igg-by-age.ron")),
    ("v05c-igg-by-age.ron", include_str!("../../data/examples/v05c-igg-by-age.ron")),
    ("v05d-igg-by-age.ron", include_str!("../../data/examples/v05d-igg-by-age.ron")),
    ("v05e-igg-by-age.ron", include_str!("../../data/examples/v05e-igg-by-age.ron")),
    ("v05f-igg-by-age.ron", include_str!("../../data/examples/v05f-igg-by-age.ron")),
    ("v06-past-hepatitis-b.ron", include_str!("../../data/examples/v06-past-hepatitis-b.ron")),
    (
        "v07a-tb-indeterminate-then-negative.ron",
        include_str!("../../data/examples/v07a-tb-indeterminate-then-negative.ron"),
    ),
    ("v07b-tb-indeterminate-twice.ron", include_str!("../../data/examples/v07b-tb-indeterminate-twice.ron")),
    ("v07c-tb-positive-untreated.ron", include_str!("../../data/examples/v07c-tb-positive-untreated.ron")),
    ("v08a-two-classes.ron", include_str!("../../data/examples/v08a-two-classes.ron")),
    ("v08b-two-steroids-and-mmf.ron", include_str!("../../data/examples/v08b-two-steroids-and-mmf.ron")),
    ("v08c-three-counted-agents.ron", include_str!("../../data/examples/v08c-three-counted-agents.ron")),
    ("v09-demographics-only.ron", include_str!("../../data/examples/v09-demographics-only.ron")),
    ("v10a-sle-cohort-sledai-10.ron", include_str!("../../data/examples/v10a-sle-cohort-sledai-10.ron")),
    ("v10b-sle-cohort-sledai-8.ron", include_str!("../../data/examples/v10b-sle-cohort-sledai-8.ron")),
    ("v11a-age-65.ron", include_str!("../../data/examples/v11a-age-65.ron")),
    ("v11b-age-66.ron", include_str!("../../data/examples/v11b-age-66.ron")),
    ("v12-renal-by-clearance.ron", include_str!("../../data/examples/v12-renal-by-clearance.ron")),
    ("v13a-prednisone-30-only.ron", include_str!("../../data/examples/v13a-prednisone-30-only.ron")),
    ("v13b-prednisone-30-and-mmf.ron", include_str!("../../data/examples/v13b-prednisone-30-and-mmf.ron")),
    ("v13c-methylprednisolone-16.ron", include_str!("../../data/examples/v13c-methylprednisolone-16.ron")),
    ("v14-dcssc-cohort-scoping.ron", include_str!("../../data/examples/v14-dcssc-cohort-scoping.ron")),
    ("v15a-huc-msc-awaiting-judgment.ron", include_str!("../../data/examples/v15a-huc-msc-awaiting-judgment.ron")),
    ("v15b-huc-msc-judged.ron", include_str!("../../data/examples/v15b-huc-msc-judged.ron")),
];

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
    crate::files::hex::is_hex_of_len(hash, 32).then(|| hash.to_owned())
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
