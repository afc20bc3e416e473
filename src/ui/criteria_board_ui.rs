//! The criteria board: per protocol, one row per criterion with colour, icon and word (an
//! exclusion reads "excluded" / "not excluded"), its id and title, the values that decided
//! it, "eligible from", decisions gone out of date, and the discretion and judgment
//! controls; each row opens to the verbatim source text, its heading and the interpretation
//! applied. Above a protocol's criteria, the readings a newer version corrects, with the
//! re-screen an unsigned session is offered.

use egui::{Align, CollapsingHeader, Layout, RichText, Ui};

use crate::model::protocol::CriterionKind;
use crate::report::screening_view::{CriterionNote, CriterionView, NoteKind, ProtocolView, ScreeningView};
use crate::status::Status;
use crate::ui::board_filter_ui::{self as board_filter, BoardFocus};
use crate::ui::command::Command;
use crate::ui::dialog::Dialog;
use crate::ui::disclosure_ui::{is_disclosed, set_disclosed};
use crate::ui::theme;

/// What the board's buttons need: whether the session is signed, the name decisions are
/// offered under, and where to send the dialogs they open.
pub struct BoardActions<'a> {
    /// The document is read-only (signed, or not trusted as opened): the decision buttons are shown
    /// disabled.
    pub read_only: bool,
    /// The name a new decision is offered under (the session's investigator).
    pub investigator: &'a str,
    /// Where the buttons send the dialogs they open.
    pub commands: &'a mut Vec<Command>,
}

impl BoardActions<'_> {
    /// A button that opens a dialog, disabled when the session is signed; its accessible
    /// name says which criterion it acts on.
    fn dialog_button_ui(&mut self, ui: &mut Ui, text: &str, name: String, dialog: impl FnOnce() -> Dialog) {
        let button = ui.add_enabled(!self.read_only, egui::Button::new(text));
        if button.accessible_name(name).clicked() {
            self.commands.push(Command::Show(dialog()));
        }
    }

    fn withdraw_button_ui(&mut self, ui: &mut Ui, protocol: &ProtocolView, row: &CriterionView, is_override: bool) {
        // Names with ids stay English in every language (tests and the key map use them).
        let what = if is_override { "override" } else { "judgment" };
        let name = format!("Withdraw the {what} on {} {}", protocol.id, row.id);
        self.dialog_button_ui(ui, &crate::i18n::text("board-withdraw"), name, || Dialog::Withdraw {
            protocol: protocol.id.clone(),
            criterion: row.id.clone(),
            is_override,
            reason: String::new(),
            message: None,
        });
    }
}

/// A wrapped line of text.
fn wrapped_ui(ui: &mut Ui, text: RichText) {
    ui.add(egui::Label::new(text).wrap());
}

/// The whole board: every protocol, one after the other.
pub fn criteria_board_ui(ui: &mut Ui, board: &ScreeningView, actions: &mut BoardActions<'_>) {
    let mut focus = board_filter::load(ui);
    board_filter::board_filter_ui(ui, board, &mut focus);
    for protocol in &board.protocols {
        protocol_ui(ui, protocol, actions, &focus);
        ui.add_space(12.0);
    }
    focus.scroll = false;
    board_filter::store(ui, focus);
}

fn protocol_ui(ui: &mut Ui, protocol: &ProtocolView, actions: &mut BoardActions<'_>, focus: &BoardFocus) {
    let theme = ui.ctx().theme();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            theme::bold(format!("{} {}", protocol.verdict_icon, protocol.verdict_words))
                .color(theme::verdict_colour(theme, protocol.verdict)),
        );
        ui.label(theme::bold(&protocol.title));
    });
    ui.label(RichText::new(format!("{} v{}", protocol.id, protocol.version)).small().weak());
    banners_ui(ui, protocol);
    version_banner_ui(ui, protocol, actions);
    if !protocol.information.is_empty() {
        CollapsingHeader::new(crate::i18n::text("board-study-information"))
            .id_salt(("information", &protocol.id))
            .show(ui, |ui| {
                for line in &protocol.information {
                    wrapped_ui(ui, RichText::new(line));
                }
            });
    }
    for kind in [CriterionKind::Inclusion, CriterionKind::Exclusion] {
        let all = protocol.criteria.iter().filter(|row| row.kind == kind);
        let rows: Vec<&CriterionView> = all.clone().filter(|row| focus.filter.shows(row)).collect();
        ui.add_space(6.0);
        ui.label(theme::bold(match kind {
            CriterionKind::Inclusion => crate::i18n::word("heading-inclusion"),
            CriterionKind::Exclusion => crate::i18n::word("heading-exclusion"),
        }));
        if rows.is_empty() && all.count() > 0 {
            let filter = focus.filter.words().to_string();
            ui.label(RichText::new(crate::i18n::text_with("board-none-shown", &[("filter", filter)])).weak());
        } else if rows.is_empty() {
            let note = match kind {
                CriterionKind::Exclusion => protocol.exclusions_note.as_deref(),
                CriterionKind::Inclusion => None,
            };
            let none = crate::i18n::text("board-none-in-source");
            ui.label(RichText::new(note.unwrap_or(&none)).italics());
        }
        for row in rows {
            let jumped = focus.jumped.as_ref().is_some_and(|(p, c)| *p == protocol.id && *c == row.id);
            let response = ui.scope(|ui| row_ui(ui, protocol, row, actions, jumped && focus.scroll)).response;
            if jumped && focus.scroll {
                response.scroll_to_me(Some(Align::Center));
            }
            if jumped {
                let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
                ui.painter().rect_stroke(response.rect.expand(2.0), 2.0, stroke, egui::StrokeKind::Outside);
            }
        }
    }
}

/// The warnings beside a verdict: an incomplete source, a protocol file that changed since
/// screening, a protocol listed twice, a cohort to choose; else the cohort chosen.
pub fn banners_ui(ui: &mut Ui, protocol: &ProtocolView) {
    let warning = theme::warning_colour(ui.ctx().theme());
    for line in protocol.source_incomplete().into_iter().chain(protocol.warnings()) {
        ui.add(egui::Label::new(RichText::new(line).color(warning)).wrap());
    }
    if let Some(cohort) = &protocol.cohort {
        ui.label(crate::i18n::text_with("board-cohort", &[("cohort", cohort.to_string())]));
    }
}

/// The readings a newer version of the protocol corrects, and for an unsigned session the
/// button that re-screens under it (after a confirmation).
fn version_banner_ui(ui: &mut Ui, protocol: &ProtocolView, actions: &mut BoardActions<'_>) {
    let Some(banner) = &protocol.version_notice else { return };
    let warning = theme::warning_colour(ui.ctx().theme());
    egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.0, warning)).show(ui, |ui| {
        wrapped_ui(ui, RichText::new(&banner.headline).color(warning).strong());
        for line in &banner.corrections {
            wrapped_ui(ui, RichText::new(format!("• {line}")));
        }
        if let Some(label) = &banner.rescreen_label {
            actions.dialog_button_ui(ui, label, banner.rescreen_name.clone(), || Dialog::Rescreen {
                protocol: protocol.id.clone(),
                message: None,
            });
        }
    });
}

/// The width of the status column.
const STATUS_WIDTH: f32 = 150.0;

/// One criterion's row. Its title is a Tab stop: Enter or Space (or a click) shows or hides
/// the source text; `take_focus` gives it the keyboard focus (F8 went to it).
fn row_ui(ui: &mut Ui, protocol: &ProtocolView, row: &CriterionView, actions: &mut BoardActions<'_>, take_focus: bool) {
    let theme = ui.ctx().theme();
    let colour = theme::status_colour(theme, row.status);
    ui.add_space(3.0);
    ui.horizontal_top(|ui| {
        let status = format!("{} {}", row.status.icon(), row.status.word());
        ui.allocate_ui_with_layout(egui::vec2(STATUS_WIDTH, 18.0), Layout::left_to_right(Align::Center), |ui| {
            ui.set_width(STATUS_WIDTH);
            ui.add(egui::Label::new(theme::bold(status).color(colour)).truncate());
        });
        ui.vertical(|ui| {
            // The title opens the verbatim source text, heading and interpretation.
            let source_id = egui::Id::unique(("source", &protocol.id, &row.id));
            let title = ui
                .add(egui::Label::new(title_job(ui, row)).wrap().sense(egui::Sense::click()))
                .on_hover_text(crate::i18n::text("board-source-hint"));
            let mut show_source = is_disclosed(ui, source_id);
            // A click, or Enter or Space while it has the focus (egui's click from the keyboard).
            if title.clicked() {
                show_source = !show_source;
                set_disclosed(ui.ctx(), source_id, show_source);
            }
            title.ctx.accesskit_node_builder(title.id, |node| {
                node.set_role(egui::accesskit::Role::Button);
                node.set_label(crate::i18n::text_with(
                    "board-source-name",
                    &[("protocol", protocol.id.clone()), ("criterion", row.id.clone())],
                ));
                node.set_expanded(show_source);
            });
            if take_focus {
                title.request_focus();
            }
            if title.has_focus() {
                // A label's own focus mark is an underline: a ring like every other control's.
                let stroke = ui.visuals().selection.stroke;
                ui.painter().rect_stroke(title.rect.expand(2.0), 2.0, stroke, egui::StrokeKind::Outside);
            }
            if show_source {
                ui.indent(source_id, |ui| source_ui(ui, row));
            }
            if !row.explanation.is_empty() {
                wrapped_ui(ui, RichText::new(&row.explanation).weak());
            }
            for note in &row.notes {
                note_ui(ui, protocol, row, note, actions);
            }
        });
    });
}

/// "I7.plt  Platelets ≥ 75 ×10⁹/L": the id in monospace, then the title.
fn title_job(ui: &Ui, row: &CriterionView) -> egui::text::LayoutJob {
    let style = ui.style();
    let mut job = egui::text::LayoutJob::default();
    let monospace = egui::TextStyle::Monospace.resolve(style);
    let body = egui::TextStyle::Body.resolve(style);
    job.append(&row.id, 0.0, egui::TextFormat::simple(monospace, style.visuals.strong_text_color()));
    job.append(&row.title, 8.0, egui::TextFormat::simple(body, style.visuals.text_color()));
    job
}

/// The verbatim source text, its heading, the interpretation applied and the discretion.
fn source_ui(ui: &mut Ui, row: &CriterionView) {
    if let Some(place) = row.source_place() {
        ui.label(RichText::new(place).italics());
    }
    wrapped_ui(ui, RichText::new(format!("“{}”", row.source_text)));
    if let Some(interpretation) = &row.interpretation {
        wrapped_ui(
            ui,
            RichText::new(crate::i18n::text_with(
                "judgment-interpretation",
                &[("interpretation", interpretation.to_string())],
            ))
            .weak(),
        );
    }
    if let Some(text) = row.discretion_source() {
        wrapped_ui(ui, RichText::new(crate::i18n::text_with("board-discretion", &[("text", text.to_string())])).weak());
    }
}

/// A note under a criterion in its colour, with the control that acts on it: Override… where
/// discretion is available, Decide… where a judgment is awaited (a decision out of date is
/// decided again through these), Withdraw… beside a recorded decision.
fn note_ui(
    ui: &mut Ui,
    protocol: &ProtocolView,
    row: &CriterionView,
    note: &CriterionNote,
    actions: &mut BoardActions<'_>,
) {
    let theme = ui.ctx().theme();
    let text = RichText::new(&note.text);
    let text = match note.kind {
        NoteKind::EligibleFrom | NoteKind::DiscretionAvailable | NoteKind::JudgmentAwaited => {
            text.color(theme::status_colour(theme, Status::Judgment))
        }
        NoteKind::Overridden => text.color(theme::status_colour(theme, Status::Overridden)),
        NoteKind::OverrideRefused => text.color(theme::error_colour(theme)),
        NoteKind::Lapsed => RichText::new(format!("⚠ {}", note.text)).color(theme::warning_colour(theme)).strong(),
        NoteKind::Judged => text,
        NoteKind::NotApplicable
        | NoteKind::RefusedOverrideRecorded
        | NoteKind::OverrideNotNeeded
        | NoteKind::JudgmentNotNeeded => text.weak(),
    };
    ui.horizontal_wrapped(|ui| {
        wrapped_ui(ui, text);
        match note.kind {
            NoteKind::DiscretionAvailable => {
                let investigator = actions.investigator.to_owned();
                let name = format!("Override {} {}", protocol.id, row.id);
                actions.dialog_button_ui(ui, &crate::i18n::text("board-override"), name, || Dialog::Override {
                    protocol: protocol.id.clone(),
                    criterion: row.id.clone(),
                    reason: String::new(),
                    by: investigator,
                    message: None,
                });
            }
            NoteKind::JudgmentAwaited => {
                let investigator = actions.investigator.to_owned();
                let name = format!("Decide {} {}", protocol.id, row.id);
                actions.dialog_button_ui(ui, &crate::i18n::text("board-decide"), name, || Dialog::Judgment {
                    protocol: protocol.id.clone(),
                    criterion: row.id.clone(),
                    passes: None,
                    reason: String::new(),
                    by: investigator,
                    message: None,
                });
            }
            NoteKind::Overridden | NoteKind::RefusedOverrideRecorded | NoteKind::OverrideNotNeeded => {
                actions.withdraw_button_ui(ui, protocol, row, true);
            }
            NoteKind::Judged | NoteKind::JudgmentNotNeeded => actions.withdraw_button_ui(ui, protocol, row, false),
            NoteKind::NotApplicable | NoteKind::EligibleFrom | NoteKind::OverrideRefused | NoteKind::Lapsed => {}
        }
    });
}
