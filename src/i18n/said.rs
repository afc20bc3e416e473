//! Words that stay on screen a while (what happened last, why the recovery journal cannot be
//! written): kept as how to say them, and said again in the language of each frame, so a
//! language chosen after they appeared is the language they are read in.

use std::fmt;
use std::sync::Arc;

/// Words said again in the current language each time they are shown.
#[derive(Clone)]
pub struct Said(Arc<dyn Fn() -> String + Send + Sync>);

impl Said {
    /// Words made by `say`, called in the language in force each time they are shown.
    pub fn new(say: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self(Arc::new(say))
    }

    /// A message of the message files with its arguments.
    pub fn message(id: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Self::new(move || super::text_with(id, &args))
    }

    /// Several, one after the other, joined by `separator`.
    pub fn joined(parts: Vec<Said>, separator: &'static str) -> Self {
        Self::new(move || parts.iter().map(Said::text).collect::<Vec<_>>().join(separator))
    }

    /// The words in the current language.
    pub fn text(&self) -> String {
        (self.0)()
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// The same words now: two `Said`s are equal when they say the same in the current language.
impl PartialEq for Said {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.text() == other.text()
    }
}

impl fmt::Debug for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Said").field(&self.text()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::Said;
    use crate::i18n::{Language, set_thread_language};

    #[test]
    fn words_said_follow_the_language_chosen_after_them() {
        let saved = Said::message("notice-saved", vec![("path", "/tmp/v01.ron".to_owned())]);
        let both = Said::joined(vec![saved.clone(), Said::new(|| "x".to_owned())], " · ");
        assert_eq!(saved.text(), "Saved to /tmp/v01.ron");
        set_thread_language(Language::ZhCn);
        let chinese = (saved.text(), both.to_string());
        set_thread_language(Language::En);
        assert_eq!(chinese.0, "已保存到 /tmp/v01.ron");
        assert_eq!(chinese.1, "已保存到 /tmp/v01.ron · x");
    }
}
