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

/// The width of a verdict card.
const CARD_WIDTH: f32 = 360.0;

/// How many still-needed items are listed before "and N more".
const STILL_NEEDED_SHOWN: usize = 12;

/// The verdicts and the still-needed list.
pub fn verdict_strip_ui(ui: &mut Ui, board: &ScreeningView, commands: &mut Vec<Command>) {
    let theme = ui.ctx().theme();
    ScrollArea::horizontal().id_salt("verdicts").show(ui, |ui| {
        ui.horizontal_top(|ui| {
            for protocol in &board.protocols {
                Frame::group(ui.style()).show(ui, |ui| {
                    // A fixed width and one line per part: the card keeps its size while
                    // values are typed and the verdict changes (the whole text on hover).
                    ui.set_width(CARD_WIDTH);
                    ui.vertical(|ui| {
                        ui.add(
                            egui::Label::new(
                                theme::bold(protocol.verdict_line())
                                    .size(17.0)
                                    .color(theme::verdict_colour(theme, protocol.verdict)),
                            )
                            .truncate(),
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
    // One line with a count, scrolling sideways, drawn even when nothing is needed: the
    // form below never moves as the list grows, shrinks or empties.
    ui.horizontal(|ui| {
        let count = board.still_needed.len().to_string();
        ui.label(theme::bold(crate::i18n::text_with("still-needed-count", &[("count", count)])));
        ScrollArea::horizontal().id_salt("still needed").show(ui, |ui| {
            ui.horizontal(|ui| {
                if board.still_needed.is_empty() {
                    ui.label(RichText::new(crate::i18n::text("still-needed-nothing")).weak());
                }
                for needed in board.still_needed.iter().take(STILL_NEEDED_SHOWN) {
                    let criteria = needed.criteria.to_string();
                    let hint = crate::i18n::text_with("still-needed-hint", &[("criteria", criteria)]);
                    let response = ui.link(&needed.words).on_hover_text(hint);
                    if response.clicked() {
                        commands.push(Command::Focus(needed.focus_target()));
                    }
                }
                let more = board.still_needed.len().saturating_sub(STILL_NEEDED_SHOWN);
                if more > 0 {
                    ui.label(RichText::new(crate::i18n::text_with("and-more", &[("more", more.to_string())])).weak());
                }
            });
        });
    });
}
