//! The words people read, per language: English and Simplified Chinese message files
//! (`data/i18n/en/messages.ftl`, `data/i18n/zh-CN/messages.ftl`) in Project Fluent's format,
//! compiled in. Fluent (`fluent-bundle`) is the Rust ecosystem's localisation standard: a
//! message is a whole sentence with named placeholders and its own plural and gender rules per
//! language, so a translator can reorder words (Chinese puts the date before the verb) without
//! a code change, which positional `format!` strings cannot do.
//!
//! The chosen language is process-wide ([`set_language`]): the window sets it from the user's
//! preference, the command line from `--lang` or the locale ([`Language::from_env`]). Records
//! never store these words (session files keep ids); the words a signer saw are the exception
//! and are stored as shown.

pub mod display_width;
mod language;
mod messages;
mod said;

pub use language::Language;
pub use messages::{
    MESSAGE_FILES, MessageFile, language, message_ids, set_language, set_thread_language, text, text_in, text_with,
    word,
};
pub use said::Said;
