//! Reading a session file's text into a [`Session`]; checking it against the library is `session_check`'s.
//! Every problem names the line and column where it is, so a hand-edited or damaged file
//! can be fixed; nothing here writes.

use crate::session::model::{FORMAT_VERSION, Session};
use crate::session::plain_text::{TextError, TextKind, check_text};

/// Largest session file read (a real one is a few tens of kilobytes).
pub const MAX_SESSION_BYTES: usize = 8 * 1024 * 1024;

/// Why a session cannot be used, with where in the file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SessionError {
    /// The file is larger than a session file may be; it is not read.
    #[error("{}", crate::i18n::text_with("error-session-too-large", &[("size", size.to_string()), ("max", max.to_string())]))]
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The largest size read, [`MAX_SESSION_BYTES`].
        max: usize,
    },
    /// The text is not valid session RON (or a field has the wrong shape).
    #[error("{}", crate::i18n::text_with("error-session-syntax", &[("line", line.to_string()), ("column", column.to_string()), ("message", message.to_string())]))]
    Syntax {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The parser's description of the problem.
        message: String,
    },
    /// The file is of a format newer than this build reads.
    #[error("{}", crate::i18n::text_with("error-session-newer-format", &[("line", line.to_string()), ("column", column.to_string()), ("found", found.to_string()), ("supported", supported.to_string())]))]
    NewerFormat {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The file's `format_version`.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// The session pins a protocol version this build and the site's protocol folder do not have.
    #[error("{}", crate::i18n::text_with("error-session-unknown-protocol", &[("line", line.to_string()), ("column", column.to_string()), ("id", id.to_string()), ("version", version.to_string())]))]
    UnknownProtocol {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The protocol's id.
        id: String,
        /// The pinned version.
        version: u32,
    },
    /// The session names a cohort the protocol does not define.
    #[error("{}", crate::i18n::text_with("error-session-unknown-cohort", &[("line", line.to_string()), ("column", column.to_string()), ("cohort", cohort.to_string()), ("id", id.to_string())]))]
    UnknownCohort {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The protocol's id.
        id: String,
        /// The cohort as written.
        cohort: String,
    },
    /// A value is entered for an item the data dictionary does not have.
    #[error("{}", crate::i18n::text_with("error-session-unknown-item", &[("line", line.to_string()), ("column", column.to_string()), ("item", item.to_string())]))]
    UnknownItem {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The item id as written.
        item: String,
    },
    /// A value's kind does not match its item's kind in the dictionary.
    #[error("{}", crate::i18n::text_with("error-session-wrong-kind", &[("line", line.to_string()), ("column", column.to_string()), ("item", item.to_string()), ("found", crate::i18n::text(found)), ("expected", crate::i18n::text(expected))]))]
    WrongKind {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The item's id.
        item: String,
        /// The message id of the kind the dictionary gives the item ("item-kind-number").
        expected: &'static str,
        /// The message id of the kind of the value in the file.
        found: &'static str,
    },
    /// A number is entered in a unit its item does not allow.
    #[error("{}", crate::i18n::text_with("error-session-wrong-unit", &[("line", line.to_string()), ("column", column.to_string()), ("item", item.to_string()), ("unit", unit.to_string())]))]
    WrongUnit {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The item's id.
        item: String,
        /// The unit as written.
        unit: String,
    },
    /// A choice value is not one of its item's options.
    #[error("{}", crate::i18n::text_with("error-session-unknown-option", &[("line", line.to_string()), ("column", column.to_string()), ("option", option.to_string()), ("item", item.to_string())]))]
    UnknownOption {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The choice item's id.
        item: String,
        /// The option as written.
        option: String,
    },
    /// A treatment-history row names an agent the drug catalogue does not have.
    #[error("{}", crate::i18n::text_with("error-session-unknown-agent", &[("line", line.to_string()), ("column", column.to_string()), ("agent", agent.to_string())]))]
    UnknownAgent {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The agent id as written.
        agent: String,
    },
    /// A decision names a criterion its protocol does not have.
    #[error("{}", crate::i18n::text_with("error-session-unknown-criterion", &[("line", line.to_string()), ("column", column.to_string()), ("criterion", criterion.to_string()), ("protocol", protocol.to_string())]))]
    UnknownCriterion {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The protocol's id.
        protocol: String,
        /// The criterion id as written.
        criterion: String,
    },
    /// The session lists no protocol to screen for.
    #[error("{}", crate::i18n::text("error-session-no-protocol"))]
    NoProtocol,
    /// A text field is empty where it must not be, or holds a character that could show other text
    /// than is stored.
    #[error("{}", crate::i18n::text_with("error-session-text", &[("line", line.to_string()), ("column", column.to_string()), ("error", error.to_string())]))]
    Text {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// What is wrong with the text.
        error: TextError,
    },
    /// The file claims a format but lacks something every file of that format has: it was
    /// relabelled.
    #[error("{}", crate::i18n::text_with("error-session-not-of-its-format", &[("line", line.to_string()), ("column", column.to_string()), ("format", format.to_string()), ("what", what.to_string())]))]
    NotOfItsFormat {
        /// The line of the file (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The format the file claims.
        format: u32,
        /// What is missing.
        what: &'static str,
    },
}

impl SessionError {
    /// Line and column (1-based) where the problem is, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Syntax { line, column, .. }
            | Self::NewerFormat { line, column, .. }
            | Self::UnknownProtocol { line, column, .. }
            | Self::UnknownCohort { line, column, .. }
            | Self::UnknownItem { line, column, .. }
            | Self::WrongKind { line, column, .. }
            | Self::WrongUnit { line, column, .. }
            | Self::UnknownOption { line, column, .. }
            | Self::UnknownAgent { line, column, .. }
            | Self::UnknownCriterion { line, column, .. }
            | Self::Text { line, column, .. }
            | Self::NotOfItsFormat { line, column, .. } => Some((*line, *column)),
            Self::TooLarge { .. } | Self::NoProtocol => None,
        }
    }
}

/// Just the version of a session file; every other field is skipped.
#[derive(serde::Deserialize)]
struct Header {
    format_version: u32,
}

/// Parses a session file's text with ron's default recursion limit.
pub fn parse_session(text: &str) -> Result<Session, SessionError> {
    // A byte-order mark some editors add is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge { size: text.len(), max: MAX_SESSION_BYTES });
    }
    // One pass for a file of the formats this build reads in its own types (every save):
    // the whole file as a session. Only when that fails, or the file says it is of format 1
    // or newer than this build, is its version read on its own, so that a newer file is
    // reported as "newer version", not by a field this build does not know, and a format-1
    // file is read in its own types (and migrated at its first change, see
    // `session::migrate`). The outcome is that of reading the version first; the version
    // alone costs a pass over the whole file, as much as the session itself.
    let newer = |found: u32| {
        let (line, column) = locate(text, "format_version");
        SessionError::NewerFormat { line, column, found, supported: FORMAT_VERSION }
    };
    let read_v1 = || -> Result<Session, SessionError> {
        let file: crate::session::format_v1::Session =
            ron::Options::default().from_str(text).map_err(SessionError::from)?;
        crate::session::migrate::from_v1(file).map_err(|error| SessionError::Syntax {
            line: 1,
            column: 1,
            message: error.to_string(),
        })
    };
    // The plain form every save writes is read by `written_form`, which leaves anything
    // else, and every error, to ron.
    let session: Session = match crate::session::written_form::read::<Session>(text) {
        Ok(session) if session.format_version > FORMAT_VERSION => return Err(newer(session.format_version)),
        Ok(session) if session.format_version == crate::session::format_v1::VERSION => read_v1()?,
        Ok(session) => session,
        Err(error) => match ron::Options::default().from_str::<Header>(text).map(|header| header.format_version) {
            Ok(found) if found > FORMAT_VERSION => return Err(newer(found)),
            Ok(crate::session::format_v1::VERSION) => read_v1()?,
            _ => return Err(SessionError::from(error)),
        },
    };
    check_texts(&session, text)?;
    check_format_fields(&session, text)?;
    Ok(session)
}

/// Refuses a file labelled with an older format that carries what only a later format
/// writes (a session id, a seal, an electronic signature, a vocabulary pin, a result's method): it was
/// relabelled, and reading it
/// as the older format would drop them on the next save.
fn check_format_fields(session: &Session, text: &str) -> Result<(), SessionError> {
    use crate::session::audit::Change;
    if session.format_version >= FORMAT_VERSION {
        return Ok(());
    }
    let pinned_vocabulary = session.protocols.iter().any(|reference| reference.vocabulary.is_some())
        || session.audit.iter().any(|entry| match &entry.change {
            Change::Protocols { old, new } => old.iter().chain(new).any(|reference| reference.vocabulary.is_some()),
            _ => false,
        });
    let electronic = session.audit.iter().any(|entry| match &entry.change {
        Change::Signed { signature } => signature.electronic.is_some(),
        Change::Amended { electronic, .. } => electronic.is_some(),
        Change::Migrated { session_id, .. } => session_id.is_some(),
        _ => false,
    });
    let has_method = |entry: &Option<crate::model::record::Entry>| entry.as_ref().is_some_and(|e| e.method.is_some());
    let method = session.values.values().any(|entry| entry.method.is_some())
        || session.audit.iter().any(|entry| match &entry.change {
            Change::Value { old, new, .. } => has_method(old) || has_method(new),
            _ => false,
        });
    let sealed = crate::session::model::FIRST_SEALED_FORMAT;
    // (the format that introduced it, present, the field as written, in words)
    let found = [
        (sealed, session.session_id.is_some(), "session_id:", "session id"),
        (sealed, session.seal.is_some(), "seal:", "seal"),
        (sealed, electronic, "electronic:", "electronic signature"),
        (4, pinned_vocabulary, "vocabulary:", "vocabulary pin"),
        (5, method, "method:", "result method"),
    ];
    match found.into_iter().find(|(introduced, present, _, _)| *present && session.format_version < *introduced) {
        Some((_, _, field, what)) => {
            let (line, column) = locate(text, field);
            Err(SessionError::NotOfItsFormat { line, column, format: session.format_version, what })
        }
        None => Ok(()),
    }
}

/// Refuses a file whose participant code, names, meanings or reasons could print other
/// text than is stored (control characters), or whose participant code is too long: the
/// same rules as where they are typed, so a hand-edited file cannot bring in what the
/// window and the command line refuse.
fn check_texts(session: &Session, text: &str) -> Result<(), SessionError> {
    let mut texts = vec![("participant_code", TextKind::ParticipantCode, session.participant_code.as_str())];
    if let Some(investigator) = &session.investigator {
        texts.push(("investigator", TextKind::Name, investigator));
    }
    for decision in &session.decisions {
        texts.push(("by", TextKind::Name, &decision.by));
        texts.push(("reason", TextKind::Reason, &decision.reason));
    }
    if let Some(signature) = &session.signature {
        texts.push(("by", TextKind::Name, &signature.by));
        texts.push(("meaning", TextKind::Meaning, &signature.meaning));
    }
    for (field, kind, value) in texts {
        // Emptiness is the audit trail's to judge for a file; only what misleads is refused.
        if value.trim().is_empty() && kind != TextKind::ParticipantCode {
            continue;
        }
        if let Err(error) = check_text(kind, value) {
            let (line, column) = locate(text, &format!("{field}:"));
            return Err(SessionError::Text { line, column, error });
        }
    }
    Ok(())
}

impl From<ron::error::SpannedError> for SessionError {
    /// A RON syntax error, with the line and column ron found it at.
    fn from(error: ron::error::SpannedError) -> Self {
        Self::Syntax { line: error.span.start.line, column: error.span.start.col, message: error.code.to_string() }
    }
}

/// Line and column (1-based) of the first `"needle"` in the text, or 1:1.
pub fn locate_quoted(text: &str, needle: &str) -> (usize, usize) {
    locate(text, &format!("\"{needle}\""))
}

/// Line and column (1-based, in characters) of the first occurrence, or 1:1.
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle).map_or((1, 1), |offset| line_column_at(text, offset))
}

/// Line and column (1-based, in characters) of a byte offset in the text.
pub fn line_column_at(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    (line, column)
}
