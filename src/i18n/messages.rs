//! The message files, parsed once, and the lookups.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::i18n::Language;

/// One message file: its language, its name (one file per part of the program: messages for
/// the words every part shares, window, report, cli, and errors for what files, protocols and
/// records refuse, so the parts are translated and reviewed apart) and its text.
pub type MessageFile = (Language, &'static str, &'static str);

/// The message files of every language (read by the completeness test too). Each language
/// has the same files; an id is defined once across a language's files.
pub const MESSAGE_FILES: [MessageFile; 10] = [
    (Language::En, "messages.ftl", include_str!("../../data/i18n/en/messages.ftl")),
    (Language::En, "window.ftl", include_str!("../../data/i18n/en/window.ftl")),
    (Language::En, "report.ftl", include_str!("../../data/i18n/en/report.ftl")),
    (Language::En, "cli.ftl", include_str!("../../data/i18n/en/cli.ftl")),
    (Language::En, "errors.ftl", include_str!("../../data/i18n/en/errors.ftl")),
    (Language::ZhCn, "messages.ftl", include_str!("../../data/i18n/zh-CN/messages.ftl")),
    (Language::ZhCn, "window.ftl", include_str!("../../data/i18n/zh-CN/window.ftl")),
    (Language::ZhCn, "report.ftl", include_str!("../../data/i18n/zh-CN/report.ftl")),
    (Language::ZhCn, "cli.ftl", include_str!("../../data/i18n/zh-CN/cli.ftl")),
    (Language::ZhCn, "errors.ftl", include_str!("../../data/i18n/zh-CN/errors.ftl")),
];

/// The texts of a language's message files, in order.
fn files_of(language: Language) -> impl Iterator<Item = &'static str> {
    MESSAGE_FILES.iter().filter(move |(l, ..)| *l == language).map(|(.., text)| *text)
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

std::thread_local! {
    /// This thread's language where it chose one (the window's thread; a test's).
    static THREAD: std::cell::Cell<Option<Language>> = const { std::cell::Cell::new(None) };
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [(Language, Bundle)] {
    static BUNDLES: OnceLock<Vec<(Language, Bundle)>> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.iter().map(|language| (*language, bundle(*language))).collect())
}

/// A language's bundle, of all its files. A file that does not parse keeps the messages that
/// do (the completeness test refuses such a file before it is ever built into a release).
fn bundle(language: Language) -> Bundle {
    let tag = language.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around placeables: they are invisible characters, which a
    // printout and a record refuse.
    bundle.set_use_isolating(false);
    for text in files_of(language) {
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _errors)| partial);
        // Ids are unique across a language's files (checked by the completeness test); a clash
        // keeps the first.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Sets the process's language: every thread that chose none shows its words from now on
/// in it (the command line at its start; the window's process).
pub fn set_language(language: Language) {
    let index = Language::ALL.iter().position(|l| *l == language).unwrap_or_default();
    CURRENT.store(u8::try_from(index).unwrap_or_default(), Ordering::Relaxed);
}

/// Sets this thread's language, whatever the process's: the window's thread follows the
/// user's choice at once, and tests running side by side keep their own.
pub fn set_thread_language(language: Language) {
    THREAD.with(|current| current.set(Some(language)));
}

/// The language words are shown in: this thread's choice, else the process's.
pub fn language() -> Language {
    THREAD
        .with(std::cell::Cell::get)
        .unwrap_or_else(|| Language::ALL.get(usize::from(CURRENT.load(Ordering::Relaxed))).copied().unwrap_or_default())
}

/// A message in the current language.
pub fn text(id: &str) -> String {
    text_with(id, &[])
}

/// A message without placeholders in the current language, kept for the life of the process
/// (one copy per message and language), for the words that are `&'static str` throughout:
/// status words, verdicts, headings.
pub fn word(id: &str) -> &'static str {
    static WORDS: std::sync::Mutex<Vec<(Language, String, &'static str)>> = std::sync::Mutex::new(Vec::new());
    let language = language();
    let mut words = WORDS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((.., word)) = words.iter().find(|(l, known, _)| *l == language && known == id) {
        return word;
    }
    let word: &'static str = Box::leak(text_in(language, id).into_boxed_str());
    words.push((language, id.to_owned(), word));
    word
}

/// A message in a given language.
pub fn text_in(language: Language, id: &str) -> String {
    format(language, id, &[])
}

/// A message in the current language with its placeholders filled: `("date", "2026-11-02")`.
pub fn text_with(id: &str, args: &[(&str, String)]) -> String {
    format(language(), id, args)
}

/// Formats a message; a message missing from a language falls back to English, and one
/// missing from both shows its id (the completeness test keeps both from happening).
fn format(language: Language, id: &str, args: &[(&str, String)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, argument(value));
    }
    for wanted in [language, Language::En] {
        let Some((_, bundle)) = bundles().iter().find(|(l, _)| *l == wanted) else { continue };
        if let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        }
    }
    id.to_owned()
}

/// A placeholder's value: a whole count (`3`, `12`) is passed as a number, so a message may
/// choose its plural form by it (`{ $count -> [one] … *[other] … }`); anything else, a decimal
/// included, is text, shown exactly as the caller wrote it.
fn argument(value: &str) -> FluentValue<'static> {
    // Only what reads back the same ("007" and "+3" stay text) and converts exactly.
    match value.parse::<u32>() {
        Ok(count) if count.to_string() == value => FluentValue::from(count),
        _ => FluentValue::from(value.to_owned()),
    }
}

/// The ids of a language's messages, in file order.
pub fn message_ids(language: Language) -> Vec<String> {
    bundles()
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, bundle)| {
            files_of(language)
                .flat_map(str::lines)
                .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim()))
                .filter(|id| !id.is_empty() && !id.starts_with('#') && !id.starts_with(' ') && bundle.has_message(id))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formatted(source: &str, value: &str) -> String {
        let mut bundle: Bundle = FluentBundle::new_concurrent(vec!["en".parse().unwrap_or_default()]);
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        let mut args = FluentArgs::new();
        args.set("count", argument(value));
        let pattern = bundle.get_message("m").and_then(|m| m.value()).expect("message m");
        bundle.format_pattern(pattern, Some(&args), &mut Vec::new()).into_owned()
    }

    #[test]
    fn a_count_chooses_its_plural_form_and_everything_else_stays_as_written() {
        let source = "m = { $count ->\n    [one] one item\n   *[other] { $count } items\n}\n";
        assert_eq!(formatted(source, "1"), "one item");
        assert_eq!(formatted(source, "2"), "2 items");
        assert_eq!(formatted(source, "0"), "0 items");
        // Text that is not a plain count is shown exactly as written, never reformatted.
        assert_eq!(formatted(source, "007"), "007 items");
        assert_eq!(formatted(source, "1.50"), "1.50 items");
        assert_eq!(formatted(source, "12345678901"), "12345678901 items");
        assert_eq!(formatted("m = code { $count }", "0042"), "code 0042");
    }
}
