//! Legible in both themes: every text/background pair meets WCAG 2.1 AA (4.5:1), every
//! control outline and the focus ring 3:1 against what surrounds it, and no text style is
//! smaller than 11 points at 100 % zoom. The styles are read from the window as the app
//! installs them on its first frame.

use egui::{Color32, Theme};
use egui_kittest::Harness;
use trialscreen::app::workspace::Folders;
use trialscreen::status::Status;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::preferences::Preferences;
use trialscreen::ui::theme::{SMALLEST_TEXT, contrast_ratio, status_colour};

fn clock() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::UNIX_EPOCH
}

/// The window's styles after its first frame.
fn installed_styles() -> [(Theme, std::sync::Arc<egui::Style>); 2] {
    let folder = tempfile::tempdir().expect("temp dir");
    let library = crate::common::library().clone();
    let state = AppState::new(library, Folders::under(folder.path()), clock, Preferences::default());
    let mut harness =
        Harness::builder().with_size([1024.0, 700.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    harness.run();
    [Theme::Light, Theme::Dark].map(|theme| (theme, harness.ctx.style_of(theme)))
}

/// A background with egui's additive "faint" accent (striped rows) over it.
fn striped(panel: Color32, faint: Color32) -> Color32 {
    let add = |a: u8, b: u8| a.saturating_add(b);
    Color32::from_rgb(add(panel.r(), faint.r()), add(panel.g(), faint.g()), add(panel.b(), faint.b()))
}

#[test]
fn theme_contrast_meets_wcag_aa() {
    let statuses =
        [Status::Met, Status::NotMet, Status::Missing, Status::Judgment, Status::NotApplicable, Status::Overridden];
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for (theme, style) in installed_styles() {
        let v = &style.visuals;
        let backgrounds = [
            ("panel", v.panel_fill),
            ("window", v.window_fill),
            ("input", v.text_edit_bg_color()),
            ("striped row", striped(v.panel_fill, v.faint_bg_color)),
        ];
        let mut texts = vec![
            ("text", v.text_color()),
            ("strong text", v.strong_text_color()),
            ("weak text and hints", v.weak_text_color()),
            ("link", v.hyperlink_color),
            ("warning", v.warn_fg_color),
            ("error", v.error_fg_color),
        ];
        texts.extend(statuses.map(|status| (status.word(), status_colour(theme, status))));
        let mut check = |what: String, ratio: f32, needed: f32| {
            report.push(format!("{theme:?}: {what}: {ratio:.2}:1 (needs {needed}:1)"));
            if ratio < needed {
                failures.push(format!("{theme:?}: {what}: {ratio:.2}:1 < {needed}:1"));
            }
        };
        for (text, fg) in &texts {
            for (background, bg) in backgrounds {
                check(format!("{text} on {background}"), contrast_ratio(*fg, bg), 4.5);
            }
        }
        for (state, widget) in
            [("inactive", &v.widgets.inactive), ("hovered", &v.widgets.hovered), ("active", &v.widgets.active)]
        {
            // A button's or picker's label on its own fill.
            check(
                format!("{state} button text on its fill"),
                contrast_ratio(widget.fg_stroke.color, widget.weak_bg_fill),
                4.5,
            );
            // The outline of a control (input, button, checkbox, picker) against the panel
            // and the window around it.
            assert!(widget.bg_stroke.width >= 1.0, "{theme:?}: {state} controls have an outline");
            for (background, bg) in [("panel", v.panel_fill), ("window", v.window_fill)] {
                check(
                    format!("{state} control outline on {background}"),
                    contrast_ratio(widget.bg_stroke.color, bg),
                    3.0,
                );
            }
        }
        // The focus ring of a text field (egui outlines a focused input with the selection stroke).
        for (background, bg) in [("panel", v.panel_fill), ("input", v.text_edit_bg_color())] {
            check(format!("focus ring on {background}"), contrast_ratio(v.selection.stroke.color, bg), 3.0);
        }
        // The focus ring of a button, radio or checkbox (egui draws a focused one hovered): 2 px,
        // distinct from the resting outline.
        let ring = v.widgets.hovered.bg_stroke;
        assert!(ring.width >= 2.0, "{theme:?}: a focused control's ring is {} px", ring.width);
        assert_ne!(ring.color, v.widgets.inactive.bg_stroke.color, "{theme:?}: the ring differs from the outline");
        for (background, bg) in [("panel", v.panel_fill), ("window", v.window_fill)] {
            check(format!("control focus ring on {background}"), contrast_ratio(ring.color, bg), 3.0);
        }
        for (text_style, font) in &style.text_styles {
            assert!(font.size >= SMALLEST_TEXT, "{theme:?}: {text_style:?} text is {} pt", font.size);
        }
    }
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
