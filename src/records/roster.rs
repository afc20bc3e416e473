//! The site roster: which signing keys belong to which person, and which installations'
//! seals the site recognises. A RON file the site keeps and distributes (in the per-user
//! data folder, or named with `--roster FILE`):
//!
//! ```ron
//! (
//!     format: 1,
//!     signers: [
//!         // One entry per person; a key per computer they sign on.
//!         (name: "Dr Ana Ruiz", keys: ["3b6a27bc…", "d75a9801…"]),
//!     ],
//!     installations: [
//!         (label: "Screening laptop 2, room 114", key: "8a88e3dd…"),
//!     ],
//! )
//! ```
//!
//! Keys are whole public keys, not fingerprints: a fingerprint names a key for a person,
//! the check compares all 32 bytes. A key may belong to one person only, and a person's
//! key is never an installation's: a roster that says otherwise is refused, naming the
//! entry. The roster is only as trustworthy as the way the site keeps it (see
//! DATA_INTEGRITY.md): this module reads it, it does not vouch for it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::files::bounded_read::read_regular;
use crate::files::private::FileError;
use crate::records::keys::{Fingerprint, PublicKey};
use crate::records::signer_name::SignerName;

/// The format of rosters this build reads.
const ROSTER_FORMAT: u32 = 1;

/// The largest roster read.
const MAX_ROSTER_BYTES: usize = 1024 * 1024;

/// Why a roster could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// The file could not be read.
    #[error(transparent)]
    File(#[from] FileError),
    /// Not a roster: syntax, an unknown field, a malformed name or key.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A roster format this build does not read.
    #[error("{}", crate::i18n::text_with("roster-format", &[("path", path.clone()), ("format", format.to_string()), ("supported", ROSTER_FORMAT.to_string())]))]
    Format {
        /// The file.
        path: String,
        /// Its format.
        format: u32,
    },
    /// Entries that contradict each other.
    #[error("{}", crate::i18n::text_with("roster-contradiction", &[("path", path.clone()), ("problem", problem.clone())]))]
    Contradiction {
        /// The file.
        path: String,
        /// Which entries.
        problem: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RosterFile {
    format: u32,
    #[serde(default)]
    signers: Vec<SignerEntry>,
    #[serde(default)]
    installations: Vec<InstallationEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignerEntry {
    name: SignerName,
    keys: Vec<PublicKey>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstallationEntry {
    label: String,
    key: PublicKey,
}

/// What the roster says about a signature's name and key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignerStanding {
    /// The key is one of this person's.
    Established,
    /// The roster lists the person, but not with this key.
    KeyNotListedForName,
    /// The key belongs to someone else in the roster: a signature under a borrowed name.
    KeyBelongsTo(SignerName),
    /// The roster lists neither the name nor the key.
    Unknown,
}

/// A site roster, checked for contradictions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    signer_of_key: BTreeMap<[u8; 32], SignerName>,
    names: BTreeMap<SignerName, Vec<PublicKey>>,
    installation_of_key: BTreeMap<[u8; 32], String>,
}

impl Roster {
    /// Reads and checks a roster file.
    pub fn load(path: &Path) -> Result<Self, RosterError> {
        let bytes = read_regular(path, MAX_ROSTER_BYTES).map_err(FileError::from)?;
        let name = path.display().to_string();
        let text = std::str::from_utf8(&bytes).map_err(|error| RosterError::Syntax {
            path: name.clone(),
            line: 1,
            column: 1,
            message: format!("not UTF-8 text ({error})"),
        })?;
        Self::parse(&name, text)
    }

    /// Parses and checks roster text; `path` names it in messages.
    pub fn parse(path: &str, text: &str) -> Result<Self, RosterError> {
        let file: RosterFile = ron::Options::default().from_str(text).map_err(|error| RosterError::Syntax {
            path: path.to_owned(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })?;
        let RosterFile { format, signers, installations } = file;
        if format != ROSTER_FORMAT {
            return Err(RosterError::Format { path: path.to_owned(), format });
        }
        let contradiction = |problem: String| RosterError::Contradiction { path: path.to_owned(), problem };
        let mut roster = Self::default();
        for SignerEntry { name, keys } in signers {
            if roster.names.contains_key(&name) {
                return Err(contradiction(format!(
                    "{name} is listed twice; list each person once with all their keys"
                )));
            }
            for key in &keys {
                if let Some(holder) = roster.signer_of_key.insert(*key.as_bytes(), name.clone()) {
                    return Err(contradiction(format!(
                        "key {} is listed for {holder} and for {name}; a key belongs to one person",
                        key.fingerprint()
                    )));
                }
            }
            roster.names.insert(name, keys);
        }
        for InstallationEntry { label, key } in installations {
            if let Some(holder) = roster.signer_of_key.get(key.as_bytes()) {
                return Err(contradiction(format!(
                    "key {} is listed as {holder}'s and as installation \"{label}\"; a person's key is never an installation's",
                    key.fingerprint()
                )));
            }
            if roster.installation_of_key.insert(*key.as_bytes(), label.clone()).is_some() {
                return Err(contradiction(format!("installation key {} is listed twice", key.fingerprint())));
            }
        }
        Ok(roster)
    }

    /// Whether `key` belongs to the person named `name`.
    pub fn standing(&self, name: &SignerName, key: &PublicKey) -> SignerStanding {
        match self.signer_of_key.get(key.as_bytes()) {
            Some(holder) if holder == name => SignerStanding::Established,
            Some(holder) => SignerStanding::KeyBelongsTo(holder.clone()),
            None if self.names.contains_key(name) => SignerStanding::KeyNotListedForName,
            None => SignerStanding::Unknown,
        }
    }

    /// The label of a trusted installation key, if the roster lists it.
    pub fn installation(&self, key: &PublicKey) -> Option<&str> {
        self.installation_of_key.get(key.as_bytes()).map(String::as_str)
    }

    /// The fingerprints of a person's keys, as listed.
    pub fn keys_of(&self, name: &SignerName) -> Vec<Fingerprint> {
        self.names.get(name).map(|keys| keys.iter().map(PublicKey::fingerprint).collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::keys::generate_signing_key;

    fn key() -> PublicKey {
        PublicKey::of(&generate_signing_key().unwrap())
    }

    fn name(text: &str) -> SignerName {
        SignerName::parse(text).unwrap()
    }

    #[test]
    fn a_name_may_have_a_key_per_laptop_and_each_key_one_owner() {
        let (ana_office, ana_ward, ben, laptop) = (key(), key(), key(), key());
        let text = format!(
            r#"// The site's roster.
(
    format: 1,
    signers: [
        (name: "Dr Ana Ruiz", keys: ["{ana_office}", "{ana_ward}"]),
        (name: "Dr Ben Ode", keys: ["{ben}"]),
    ],
    installations: [(label: "Laptop 2", key: "{laptop}")],
)"#
        );
        let roster = Roster::parse("roster.ron", &text).unwrap();
        let ana = name("Dr Ana Ruiz");
        assert_eq!(roster.standing(&ana, &ana_office), SignerStanding::Established);
        assert_eq!(roster.standing(&ana, &ana_ward), SignerStanding::Established);
        // A forged entry: Ben's key presented under Ana's name.
        assert_eq!(roster.standing(&ana, &ben), SignerStanding::KeyBelongsTo(name("Dr Ben Ode")));
        assert_eq!(roster.standing(&ana, &key()), SignerStanding::KeyNotListedForName);
        assert_eq!(roster.standing(&name("Dr Who"), &key()), SignerStanding::Unknown);
        assert_eq!(roster.installation(&laptop), Some("Laptop 2"));
        assert_eq!(roster.installation(&ben), None);
        assert_eq!(roster.keys_of(&ana), vec![ana_office.fingerprint(), ana_ward.fingerprint()]);
    }

    #[test]
    fn a_roster_that_contradicts_itself_is_refused_naming_the_entry() {
        let (a, b) = (key(), key());
        let cases = [
            (
                format!(r#"(format: 1, signers: [(name: "Dr A", keys: ["{a}"]), (name: "Dr B", keys: ["{a}"])])"#),
                "is listed for Dr A and for Dr B",
            ),
            (
                format!(r#"(format: 1, signers: [(name: "Dr A", keys: ["{a}"]), (name: "Dr A", keys: ["{b}"])])"#),
                "Dr A is listed twice",
            ),
            (
                format!(
                    r#"(format: 1, signers: [(name: "Dr A", keys: ["{a}"])], installations: [(label: "L", key: "{a}")])"#
                ),
                "never an installation's",
            ),
        ];
        for (text, expected) in cases {
            let error = Roster::parse("roster.ron", &text).unwrap_err().to_string();
            assert!(error.contains(expected), "{error}");
        }
    }

    #[test]
    fn a_malformed_name_key_or_format_is_refused_with_its_place() {
        let a = key();
        let cases = [
            (
                format!("(format: 1, signers: [(name: \"Dr A\", keys: [\"{}\"])])", &a.to_string()[..60]),
                "roster.ron:1:",
            ),
            (format!("(format: 1, signers: [(name: \"Dr\\nA\", keys: [\"{a}\"])])"), "invisible or control character"),
            ("(format: 2)".to_owned(), "roster format 2"),
            ("(format: 1, extra: 1)".to_owned(), "roster.ron:1:"),
        ];
        for (text, expected) in cases {
            let error = Roster::parse("roster.ron", &text).unwrap_err().to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
