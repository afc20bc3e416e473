//! How wide text is in a terminal, for aligned columns: a Chinese character takes two
//! columns, a Latin letter one, a combining mark none (Unicode's East Asian Width, through
//! the `unicode-width` crate). Padding by `char` count, as `{:<16}` does, misaligns every
//! row that holds Chinese words.

use unicode_width::UnicodeWidthStr as _;

/// The number of terminal columns `text` takes.
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// `text` followed by spaces up to `columns` terminal columns (unchanged when it is as wide
/// or wider): the display-width counterpart of `format!("{text:<columns$}")`.
pub fn pad_to(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::{display_width, pad_to};

    #[test]
    fn chinese_counts_two_columns_and_latin_one() {
        assert_eq!(display_width("met"), 3);
        assert_eq!(display_width("符合"), 4);
        assert_eq!(display_width("需要判断"), 8);
        assert_eq!(pad_to("符合", 6), "符合  ");
        assert_eq!(pad_to("met", 6), "met   ");
        assert_eq!(pad_to("judgment needed!", 6), "judgment needed!");
    }
}
