//! The languages of the interface, and how one is chosen from a tag or the locale.

/// A language the interface is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Language {
    /// English (the default, and what tests pin).
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::En, Self::ZhCn];

    /// The BCP 47 tag: `en`, `zh-CN` (also the PDF's document language).
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, as a menu lists it.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhCn => "简体中文",
        }
    }

    /// The language of a tag or a POSIX locale: `zh-CN`, `zh_CN.UTF-8`, `zh`, `zh_Hans` →
    /// Chinese; `en`, `en_GB.UTF-8`, `C`, `POSIX` → English; `None` for anything else.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let base = tag.split(['.', '@']).next().unwrap_or_default().replace('_', "-").to_ascii_lowercase();
        match base.split('-').next().unwrap_or_default() {
            "zh" => {
                // Traditional Chinese (Taiwan, Hong Kong, Hant) is not Simplified.
                let traditional = ["-tw", "-hk", "-mo", "-hant"].iter().any(|part| base.contains(part));
                (!traditional).then_some(Self::ZhCn)
            }
            "en" | "c" | "posix" => Some(Self::En),
            _ => None,
        }
    }

    /// The language of the locale, as POSIX orders it: `LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG` (the first that is set and not empty decides); English when none names one.
    pub fn from_env() -> Self {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Language::from_env`] over any source of variables (tests pass their own).
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name).filter(|value| !value.is_empty()))
            .next()
            .and_then(|value| Self::from_tag(&value))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn tags_and_locales_choose_the_language() {
        for (tag, language) in [
            ("zh-CN", Some(Language::ZhCn)),
            ("zh_CN.UTF-8", Some(Language::ZhCn)),
            ("zh", Some(Language::ZhCn)),
            ("zh_TW.UTF-8", None),
            ("zh-Hant-HK", None),
            ("en_GB.UTF-8", Some(Language::En)),
            ("C", Some(Language::En)),
            ("C.UTF-8", Some(Language::En)),
            ("fr_FR.UTF-8", None),
        ] {
            assert_eq!(Language::from_tag(tag), language, "{tag}");
        }
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Language::from_locale_vars(vars(&[("LANG", "zh_CN.UTF-8")])), Language::ZhCn);
        assert_eq!(Language::from_locale_vars(vars(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])), Language::En);
        assert_eq!(Language::from_locale_vars(vars(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])), Language::ZhCn);
        assert_eq!(Language::from_locale_vars(vars(&[])), Language::En);
    }
}
