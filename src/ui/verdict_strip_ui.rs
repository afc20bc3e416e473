//! The top of the screen: every protocol's overall verdict side by side (icon, word and
//! colour, with the incomplete-source banner, and for a signed record whose signed verdict
//! is not today's, both), then what is still needed, most useful first, each with why
//! ("Blood pregnancy test (1) — enter the sample date"); clicking an item moves the focus
//! to its field, or to the attestation when the list needs attesting.

use egui::{Frame, RichText, ScrollArea, Ui};

use crate::report::screening_view::ScreeningView;
use crate::ui::command::Command;
use crate::ui::criteria_board_ui::banners_ui;
use crate::ui::theme;

/// How many still-needed items are listed before "and N more".
const STILL_NEEDED_SHOWN: usize = 12;

/// The verdicts and the still-needed list.
pub fn verdict_strip_ui(ui: &mut Ui, board: &ScreeningView, commands: &mut Vec<Command>) {
    let theme = ui.ctx().theme();
    ScrollArea::horizontal().id_salt("verdicts").show(ui, |ui| {
        ui.horizontal_top(|ui| {
            for protocol in &board.protocols {
                Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_max_width(340.0);
                    ui.vertical(|ui| {
                        ui.label(
                            theme::bold(protocol.verdict_line())
                                .size(17.0)
                                .color(theme::verdict_colour(theme, protocol.verdict)),
                        );
                        ui.add(egui::Label::new(RichText::new(&protocol.title).small()).truncate());
                        if let Some(signed) = protocol.signed_verdict_warning() {
                            let warning = theme::warning_colour(theme);
                            ui.add(egui::Label::new(RichText::new(signed).color(warning)).wrap());
                        }
                        banners_ui(ui, protocol);
                    });
                });
            }
        });
    });
    if board.still_needed.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(theme::bold("Still needed"));
        for needed in board.still_needed.iter().take(STILL_NEEDED_SHOWN) {
            let response = ui
                .link(&needed.words)
                .on_hover_text(format!("Would help decide {} criteria; click to go to the field", needed.criteria));
            if response.clicked() {
                commands.push(Command::Focus(needed.focus_target()));
            }
        }
        let more = board.still_needed.len().saturating_sub(STILL_NEEDED_SHOWN);
        if more > 0 {
            ui.label(RichText::new(format!("and {more} more")).weak());
        }
    });
}
