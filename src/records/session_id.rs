//! A session's stable random id: what the witness ledger and every seal and signature name,
//! so a record cannot be passed off as another file's.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::files::hex;
use crate::records::keys::{KeyError, os_random};

/// 128 random bits, written as 32 lowercase hex digits. Given once, when a session is
/// created; kept by every save, amendment and "save as" of that session.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SessionId([u8; 16]);

/// Why a text is not a session id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::text_with("session-id-spelling", &[("text", .0.clone()), ("digits", 32.to_string())]))]
pub struct SessionIdError(String);

impl SessionId {
    /// A new id from the operating system's randomness.
    pub fn random() -> Result<Self, KeyError> {
        let mut bytes = [0u8; 16];
        os_random(&mut bytes)?;
        Ok(Self(bytes))
    }

    /// Parses 32 lowercase hex digits.
    pub fn parse(text: &str) -> Result<Self, SessionIdError> {
        hex::decode::<16>(text).map(Self).ok_or_else(|| SessionIdError(text.chars().take(40).collect()))
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(&self.0))
    }
}

impl fmt::Debug for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SessionId({self})")
    }
}

impl TryFrom<String> for SessionId {
    type Error = SessionIdError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<SessionId> for String {
    fn from(id: SessionId) -> Self {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_round_trip() {
        let a = SessionId::random().unwrap();
        let b = SessionId::random().unwrap();
        assert_ne!(a, b);
        assert_eq!(SessionId::parse(&a.to_string()), Ok(a));
        assert!(SessionId::parse("not an id").is_err());
        assert!(SessionId::parse(&"A".repeat(32)).is_err());
    }
}
