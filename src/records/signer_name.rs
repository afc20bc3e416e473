//! A signer's name: the words printed under a signature and looked up in the site roster.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::records::clean_text::{self, CleanTextError};

/// The longest name accepted, in characters.
pub const MAX_SIGNER_NAME_CHARS: usize = 100;

/// A person's name as they sign, checked once where it is typed ([`clean_text::check`]):
/// what the roster compares, the signature covers and the printout shows is one string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SignerName(String);

impl SignerName {
    /// Parses a name, refusing text that could mislead a reader.
    pub fn parse(text: &str) -> Result<Self, CleanTextError> {
        clean_text::check(text, "signer's name", MAX_SIGNER_NAME_CHARS)?;
        Ok(Self(text.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SignerName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for SignerName {
    type Error = CleanTextError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<SignerName> for String {
    fn from(name: SignerName) -> Self {
        name.0
    }
}
