//! The workstation's look: the embedded fonts, and one colour per status for light and
//! dark mode. Colour never carries meaning alone: every status is also an icon and a word
//! (`crate::status`), so the board reads the same without colour.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, RichText, Theme};

use crate::engine::protocol_eval::Verdict;
use crate::status::Status;

/// The font family name of the embedded bold face.
pub const BOLD: &str = "DejaVu Sans Bold";

/// DejaVu Sans, which has ✔ ✖ ⚠ ≥ ≤ µ × ⁹ ₂ → (egui's default font lacks some).
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Makes DejaVu Sans the first proportional font (egui's fonts stay as fallbacks) and adds
/// the bold face as its own family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("DejaVuSans".to_owned(), Arc::new(FontData::from_static(DEJAVU_SANS)));
    fonts.font_data.insert("DejaVuSans-Bold".to_owned(), Arc::new(FontData::from_static(DEJAVU_SANS_BOLD)));
    fonts.families.entry(FontFamily::Proportional).or_default().insert(0, "DejaVuSans".to_owned());
    fonts.families.entry(FontFamily::Monospace).or_default().push("DejaVuSans".to_owned());
    fonts.families.insert(FontFamily::Name(BOLD.into()), vec!["DejaVuSans-Bold".to_owned(), "DejaVuSans".to_owned()]);
    ctx.set_fonts(fonts);
}

/// The workstation's style on top of egui's: scroll bars take their own space, so the
/// last words of a line are never under a floating bar.
pub fn install_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.spacing.scroll = egui::style::ScrollStyle::solid());
}

/// Text in the embedded bold face.
pub fn bold(text: impl Into<String>) -> RichText {
    RichText::new(text).family(FontFamily::Name(BOLD.into()))
}

/// The colour of a criterion status in the current theme.
pub fn status_colour(theme: Theme, status: Status) -> Color32 {
    let dark = theme == Theme::Dark;
    let pick = |light: [u8; 3], on_dark: [u8; 3]| {
        let [r, g, b] = if dark { on_dark } else { light };
        Color32::from_rgb(r, g, b)
    };
    match status {
        Status::Met | Status::NotExcluded => pick([0, 110, 50], [100, 205, 130]),
        Status::NotMet | Status::Excluded => pick([180, 30, 30], [255, 120, 110]),
        Status::Missing => pick([70, 80, 120], [160, 175, 220]),
        Status::Judgment => pick([150, 90, 0], [240, 185, 70]),
        Status::NotApplicable => pick([110, 110, 110], [150, 150, 150]),
        Status::Overridden => pick([110, 50, 170], [195, 160, 255]),
    }
}

/// The colour of a verdict in the current theme.
pub fn verdict_colour(theme: Theme, verdict: Verdict) -> Color32 {
    status_colour(
        theme,
        match verdict {
            Verdict::Eligible => Status::Met,
            Verdict::Ineligible => Status::NotMet,
            Verdict::Incomplete => Status::Judgment,
        },
    )
}

/// The colour of an inline warning or error message.
pub fn warning_colour(theme: Theme) -> Color32 {
    status_colour(theme, Status::Judgment)
}

/// The colour of a message that refuses something.
pub fn error_colour(theme: Theme) -> Color32 {
    status_colour(theme, Status::NotMet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_distinct_colour_in_both_themes() {
        let statuses =
            [Status::Met, Status::NotMet, Status::Missing, Status::Judgment, Status::NotApplicable, Status::Overridden];
        for theme in [Theme::Light, Theme::Dark] {
            let colours: std::collections::BTreeSet<[u8; 4]> =
                statuses.iter().map(|s| status_colour(theme, *s).to_array()).collect();
            assert_eq!(colours.len(), statuses.len());
        }
    }
}
