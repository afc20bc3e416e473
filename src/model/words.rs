//! Small word helpers shared by the window and the command line.

/// The text with its first letter in upper case: "present" → "Present".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::capitalised;

    #[test]
    fn the_first_letter_only_is_raised() {
        assert_eq!(capitalised("present"), "Present");
        assert_eq!(capitalised("not assessed"), "Not assessed");
        assert_eq!(capitalised(""), "");
        assert_eq!(capitalised("é"), "É");
    }
}
