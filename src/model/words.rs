//! Small word helpers shared by the window and the command line.

/// The text with its first letter in upper case: "present" → "Present".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The candidate nearest to a name that was not found, when one is near enough to be what
/// was meant: "platelet" → "platelets", "ritux" → none. Used for "did you mean".
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_lowercase();
    let allowed = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(&name, &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// "; did you mean \"platelets\"?" after a name that was not found, or nothing.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(name, candidates)
        .map(|near| crate::i18n::text_with("did-you-mean", &[("name", near.to_owned())]))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{capitalised, did_you_mean, nearest};

    #[test]
    fn a_near_name_is_suggested_and_a_far_one_is_not() {
        let names = ["platelets", "haemoglobin", "anti_cd20", "egfr"];
        assert_eq!(nearest("platelet", names), Some("platelets"));
        assert_eq!(nearest("hemoglobin", names), Some("haemoglobin"));
        assert_eq!(nearest("Anti_CD20", names), Some("anti_cd20"));
        assert_eq!(nearest("egrf", names), Some("egfr"));
        assert_eq!(nearest("rituximab", names), None);
        assert_eq!(did_you_mean("platelet", names), "; did you mean \"platelets\"?");
        crate::i18n::set_thread_language(crate::i18n::Language::ZhCn);
        let chinese = did_you_mean("platelet", names);
        crate::i18n::set_thread_language(crate::i18n::Language::En);
        assert_eq!(chinese, "；是否指“platelets”？");
        assert_eq!(did_you_mean("zzz", names), "");
    }

    #[test]
    fn the_first_letter_only_is_raised() {
        assert_eq!(capitalised("present"), "Present");
        assert_eq!(capitalised("not assessed"), "Not assessed");
        assert_eq!(capitalised(""), "");
        assert_eq!(capitalised("é"), "É");
    }
}
