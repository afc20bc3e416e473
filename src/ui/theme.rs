//! The workstation's look: the embedded fonts, and one colour per status for light and
//! dark mode. Colour never carries meaning alone: every status is also an icon and a word
//! (`crate::status`), so the board reads the same without colour.

use std::sync::Arc;

// The CJK face (the printout's, one copy of the bytes): the last font of every family, asked
// only for what DejaVu lacks, so Chinese words, names and reasons show in the window.
use crate::report::{DEJAVU_SANS, DEJAVU_SANS_BOLD, NOTO_SANS_CJK_SC};

use egui::{Color32, FontData, FontDefinitions, FontFamily, RichText, Theme};

use crate::engine::protocol_eval::Verdict;
use crate::status::Status;

/// The font family name of the embedded bold face.
pub const BOLD: &str = "DejaVu Sans Bold";

/// Makes DejaVu Sans the first proportional font (it has ✔ ✖ ⚠ ≥ ≤ µ × ⁹ ₂ →, which egui's
/// default font lacks some of; egui's fonts stay as fallbacks), adds
/// the bold face as its own family, and the CJK face last in every family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("DejaVuSans".to_owned(), Arc::new(FontData::from_static(DEJAVU_SANS)));
    fonts.font_data.insert("DejaVuSans-Bold".to_owned(), Arc::new(FontData::from_static(DEJAVU_SANS_BOLD)));
    fonts.families.entry(FontFamily::Proportional).or_default().insert(0, "DejaVuSans".to_owned());
    fonts.families.entry(FontFamily::Monospace).or_default().push("DejaVuSans".to_owned());
    fonts.families.insert(FontFamily::Name(BOLD.into()), vec!["DejaVuSans-Bold".to_owned(), "DejaVuSans".to_owned()]);
    fonts.font_data.insert("NotoSansCJKsc".to_owned(), Arc::new(FontData::from_static(NOTO_SANS_CJK_SC)));
    for family in [FontFamily::Proportional, FontFamily::Monospace, FontFamily::Name(BOLD.into())] {
        fonts.families.entry(family).or_default().push("NotoSansCJKsc".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// The smallest text size, in points at 100 % zoom (help text, file names, example notes).
pub const SMALLEST_TEXT: f32 = 11.0;

/// The workstation's style on top of egui's: scroll bars take their own space, so the
/// last words of a line are never under a floating bar; no text is smaller than
/// [`SMALLEST_TEXT`]; and text, hints, links and control outlines meet WCAG 2.1 AA contrast
/// in both themes (text 4.5:1, control boundaries 3:1: egui's light theme draws an empty
/// input white on near-white with no border, ≈ 1.1:1). The suite's
/// `theme_contrast_meets_wcag_aa` computes every pair.
pub fn install_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.scroll = egui::style::ScrollStyle::solid();
        for font in style.text_styles.values_mut() {
            font.size = font.size.max(SMALLEST_TEXT);
        }
    });
    ctx.style_mut_of(Theme::Light, |style| legible(&mut style.visuals, Theme::Light));
    ctx.style_mut_of(Theme::Dark, |style| legible(&mut style.visuals, Theme::Dark));
}

/// Outlines on every control, hints and links dark (light) or bright (dark) enough to read.
fn legible(visuals: &mut egui::Visuals, theme: Theme) {
    let (outline, hint, link, warn, error) = match theme {
        Theme::Light => (
            Color32::from_gray(118),
            Color32::from_gray(96),
            Color32::from_rgb(0, 84, 166),
            Color32::from_rgb(168, 72, 0),
            Color32::from_rgb(190, 20, 20),
        ),
        Theme::Dark => (
            Color32::from_gray(125),
            Color32::from_gray(165),
            Color32::from_rgb(110, 180, 255),
            Color32::from_rgb(255, 160, 60),
            Color32::from_rgb(255, 110, 100),
        ),
    };
    for widget in [&mut visuals.widgets.inactive, &mut visuals.widgets.hovered, &mut visuals.widgets.active] {
        if widget.bg_stroke.width < 1.0 || contrast_ratio(widget.bg_stroke.color, visuals.panel_fill) < 3.0 {
            widget.bg_stroke = egui::Stroke::new(1.0, outline);
        }
    }
    // A focused button, radio or checkbox is drawn with the hovered look: a 2 px ring in the
    // selection colour (the text fields' focus ring, 3:1 on the panel), not the resting outline.
    visuals.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, visuals.selection.stroke.color);
    visuals.weak_text_color = Some(hint);
    visuals.hyperlink_color = link;
    visuals.warn_fg_color = warn;
    visuals.error_fg_color = error;
}

/// The colour of the divider between the form and the board: the controls' outline, which
/// meets 3:1 against the panel in both themes (egui's own separator is a faint 1 px line).
pub fn divider_colour(visuals: &egui::Visuals) -> Color32 {
    visuals.widgets.inactive.bg_stroke.color
}

/// Draws the divider along the left edge of `rect` (the board's panel): a line the height
/// of the panel and a grip in its middle, which says it can be dragged (egui's resize handle
/// of the form's panel lies under it).
pub fn divider_ui(ui: &egui::Ui, rect: egui::Rect) {
    let colour = divider_colour(ui.visuals());
    let painter = ui.painter().with_clip_rect(rect);
    let x = rect.left() + 1.0;
    painter.vline(x, rect.y_range(), egui::Stroke::new(DIVIDER_LINE_WIDTH, colour));
    let grip = egui::Rect::from_center_size(egui::pos2(rect.left() + 3.0, rect.center().y), egui::vec2(6.0, 44.0));
    painter.rect_filled(grip, 3.0, colour);
}

/// The width of the divider's line, in points.
pub const DIVIDER_LINE_WIDTH: f32 = 2.0;

/// The WCAG 2.1 contrast ratio of two opaque colours: (L1 + 0.05) / (L2 + 0.05), from 1 to 21.
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// WCAG 2.1 relative luminance of an sRGB colour.
fn relative_luminance(colour: Color32) -> f32 {
    let linear = |channel: u8| {
        let c = f32::from(channel) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(colour.r()) + 0.7152 * linear(colour.g()) + 0.0722 * linear(colour.b())
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
    fn contrast_ratios_match_wcag_reference_values() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        // #767676 on white is the lightest grey that passes 4.5:1 (4.54).
        assert!((contrast_ratio(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }

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
