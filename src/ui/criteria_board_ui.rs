//! The criteria board: per protocol, one row per criterion with colour, icon and word (an
//! exclusion reads "excluded" / "not excluded"), its id and title, the values that decided
//! it, "eligible from", decisions gone out of date, and the discretion and judgment
//! controls; each row opens to the verbatim source text, its heading and the interpretation
//! applied. Above a protocol's criteria, the readings a newer version corrects, with the
//! re-screen an unsigned session is offered.

use egui::{Align, CollapsingHeader, Layout, RichText, Ui};

use crate::app::board_model::{
    Board, CriterionRow, DecisionView, DiscretionView, JudgmentView, LapsedView, ProtocolBoard,
};
use crate::model::protocol::CriterionKind;
use crate::report::summary_text::LISTED_TWICE;
use crate::status::Status;
use crate::ui::command::Command;
use crate::ui::dialog::Dialog;
use crate::ui::disclosure_ui::{is_disclosed, set_disclosed};
use crate::ui::theme;

/// Who decided what, when and why, in one line.
pub fn decision_words(what: &str, decision: &DecisionView) -> String {
    format!("{what} by {} at {}: {}", decision.by, decision.at.format("%Y-%m-%d %H:%M UTC"), decision.reason)
}

/// The words of a judgment's two outcomes for a criterion of this kind.
pub fn judgment_words(kind: CriterionKind, passes: bool) -> &'static str {
    match (kind, passes) {
        (CriterionKind::Inclusion, true) => "met",
        (CriterionKind::Inclusion, false) => "not met",
        (CriterionKind::Exclusion, true) => "not excluded",
        (CriterionKind::Exclusion, false) => "excluded",
    }
}

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

    fn withdraw_button_ui(&mut self, ui: &mut Ui, protocol: &ProtocolBoard, row: &CriterionRow, is_override: bool) {
        let what = if is_override { "override" } else { "judgment" };
        let name = format!("Withdraw the {what} on {} {}", protocol.id, row.id);
        self.dialog_button_ui(ui, "Withdraw…", name, || Dialog::Withdraw {
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
pub fn criteria_board_ui(ui: &mut Ui, board: &Board, actions: &mut BoardActions<'_>) {
    for protocol in &board.protocols {
        protocol_ui(ui, protocol, actions);
        ui.add_space(12.0);
    }
}

fn protocol_ui(ui: &mut Ui, protocol: &ProtocolBoard, actions: &mut BoardActions<'_>) {
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
        CollapsingHeader::new("Study information").id_salt(("information", &protocol.id)).show(ui, |ui| {
            for line in &protocol.information {
                wrapped_ui(ui, RichText::new(line));
            }
        });
    }
    for kind in [CriterionKind::Inclusion, CriterionKind::Exclusion] {
        let rows: Vec<&CriterionRow> = protocol.rows.iter().filter(|row| row.kind == kind).collect();
        ui.add_space(6.0);
        ui.label(theme::bold(match kind {
            CriterionKind::Inclusion => "Inclusion criteria",
            CriterionKind::Exclusion => "Exclusion criteria",
        }));
        if rows.is_empty() {
            let note = match kind {
                CriterionKind::Exclusion => protocol.exclusions_note.as_deref(),
                CriterionKind::Inclusion => None,
            };
            ui.label(RichText::new(note.unwrap_or("None in the source document.")).italics());
        }
        for row in rows {
            row_ui(ui, protocol, row, actions);
        }
    }
}

/// The warnings beside a verdict: an incomplete source, a cohort to choose, a protocol file
/// that changed since screening.
pub fn banners_ui(ui: &mut Ui, protocol: &ProtocolBoard) {
    let warning = theme::warning_colour(ui.ctx().theme());
    if let Some(gaps) = &protocol.source_gaps {
        ui.add(egui::Label::new(RichText::new(format!("⚠ {gaps}")).color(warning)).wrap());
    }
    if protocol.cohort_missing {
        ui.label(RichText::new("? No cohort chosen: choose it in the Visit section.").color(warning));
    } else if let Some(cohort) = &protocol.cohort {
        ui.label(format!("Cohort {cohort}"));
    }
    if protocol.listed_twice {
        ui.add(egui::Label::new(RichText::new(format!("⚠ {LISTED_TWICE}")).color(warning)).wrap());
    }
    if protocol.protocol_changed {
        ui.add(
            egui::Label::new(
                RichText::new("⚠ The protocol file changed since this session was screened: the evaluation uses the file now loaded.")
                    .color(warning),
            )
            .wrap(),
        );
    }
}

/// The readings a newer version of the protocol corrects, and for an unsigned session the
/// button that re-screens under it (after a confirmation).
fn version_banner_ui(ui: &mut Ui, protocol: &ProtocolBoard, actions: &mut BoardActions<'_>) {
    let Some(banner) = &protocol.version_notice else { return };
    let warning = theme::warning_colour(ui.ctx().theme());
    egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.0, warning)).show(ui, |ui| {
        wrapped_ui(ui, RichText::new(&banner.headline).color(warning).strong());
        for line in &banner.corrections {
            wrapped_ui(ui, RichText::new(line));
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

fn row_ui(ui: &mut Ui, protocol: &ProtocolBoard, row: &CriterionRow, actions: &mut BoardActions<'_>) {
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
                .on_hover_text("Click to show or hide the source text and its interpretation");
            let mut show_source = is_disclosed(ui, source_id);
            if title.clicked() {
                show_source = !show_source;
                set_disclosed(ui.ctx(), source_id, show_source);
            }
            if show_source {
                ui.indent(source_id, |ui| source_ui(ui, row));
            }
            if !row.explanation.is_empty() {
                wrapped_ui(ui, RichText::new(&row.explanation).weak());
            }
            if let Some(date) = row.eligible_from {
                ui.label(
                    RichText::new(format!("eligible from {date}")).color(theme::status_colour(theme, Status::Judgment)),
                );
            }
            for lapsed in &row.lapsed {
                lapsed_ui(ui, lapsed);
            }
            discretion_ui(ui, protocol, row, actions);
            judgment_ui(ui, protocol, row, actions);
        });
    });
}

/// "I7.plt  Platelets ≥ 75 ×10⁹/L": the id in monospace, then the title.
fn title_job(ui: &Ui, row: &CriterionRow) -> egui::text::LayoutJob {
    let style = ui.style();
    let mut job = egui::text::LayoutJob::default();
    let monospace = egui::TextStyle::Monospace.resolve(style);
    let body = egui::TextStyle::Body.resolve(style);
    job.append(&row.id, 0.0, egui::TextFormat::simple(monospace, style.visuals.strong_text_color()));
    job.append(&row.title, 8.0, egui::TextFormat::simple(body, style.visuals.text_color()));
    job
}

/// The verbatim source text, its heading, the interpretation applied and the discretion.
fn source_ui(ui: &mut Ui, row: &CriterionRow) {
    if let Some(heading) = &row.heading {
        ui.label(RichText::new(heading).italics());
    }
    wrapped_ui(ui, RichText::new(format!("“{}”", row.source_text)));
    if let Some(interpretation) = &row.interpretation {
        wrapped_ui(ui, RichText::new(format!("Interpretation: {interpretation}")).weak());
    }
    if let DiscretionView::Available(text)
    | DiscretionView::Applied { text, .. }
    | DiscretionView::Refused { text, .. } = &row.discretion
    {
        wrapped_ui(ui, RichText::new(format!("Discretion: “{}”", text.source_text)).weak());
    }
}

/// A decision out of date: why, each change old → new, and who recorded it. The criterion's
/// own Decide…/Override… (below it) decides again.
fn lapsed_ui(ui: &mut Ui, lapsed: &LapsedView) {
    let warning = theme::warning_colour(ui.ctx().theme());
    wrapped_ui(ui, RichText::new(format!("⚠ {}", lapsed.headline)).color(warning).strong());
    for change in &lapsed.changes {
        wrapped_ui(ui, RichText::new(format!("• {change}")).color(warning));
    }
    wrapped_ui(ui, RichText::new(&lapsed.recorded).weak());
}

fn discretion_ui(ui: &mut Ui, protocol: &ProtocolBoard, row: &CriterionRow, actions: &mut BoardActions<'_>) {
    let theme = ui.ctx().theme();
    match &row.discretion {
        DiscretionView::None => {}
        DiscretionView::Available(_) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("discretion available").color(theme::status_colour(theme, Status::Judgment)));
                let investigator = actions.investigator.to_owned();
                actions.dialog_button_ui(ui, "Override…", format!("Override {} {}", protocol.id, row.id), || {
                    Dialog::Override {
                        protocol: protocol.id.clone(),
                        criterion: row.id.clone(),
                        reason: String::new(),
                        by: investigator,
                        message: None,
                    }
                });
            });
        }
        DiscretionView::Applied { decision, .. } => {
            ui.horizontal_wrapped(|ui| {
                let overridden = theme::status_colour(theme, Status::Overridden);
                wrapped_ui(ui, RichText::new(decision_words("Overridden", decision)).color(overridden));
                actions.withdraw_button_ui(ui, protocol, row, true);
            });
        }
        DiscretionView::Refused { why, recorded: Some(decision), .. } => {
            wrapped_ui(
                ui,
                RichText::new(format!("Override recorded but refused: {why}")).color(theme::error_colour(theme)),
            );
            ui.horizontal_wrapped(|ui| {
                wrapped_ui(ui, RichText::new(decision_words("Recorded", decision)).weak());
                actions.withdraw_button_ui(ui, protocol, row, true);
            });
        }
        DiscretionView::Refused { why, recorded: None, .. } => {
            wrapped_ui(ui, RichText::new(format!("Override not possible: {why}")).color(theme::error_colour(theme)));
        }
        DiscretionView::Unneeded { decision } => {
            ui.horizontal_wrapped(|ui| {
                let words = decision_words("Override recorded", decision);
                wrapped_ui(ui, RichText::new(format!("{words} (no longer needed)")).weak());
                actions.withdraw_button_ui(ui, protocol, row, true);
            });
        }
    }
}

fn judgment_ui(ui: &mut Ui, protocol: &ProtocolBoard, row: &CriterionRow, actions: &mut BoardActions<'_>) {
    match &row.judgment {
        JudgmentView::None => {}
        JudgmentView::Awaiting => {
            let investigator = actions.investigator.to_owned();
            actions.dialog_button_ui(ui, "Decide…", format!("Decide {} {}", protocol.id, row.id), || {
                Dialog::Judgment {
                    protocol: protocol.id.clone(),
                    criterion: row.id.clone(),
                    passes: None,
                    reason: String::new(),
                    by: investigator,
                    message: None,
                }
            });
        }
        JudgmentView::Decided(decision) | JudgmentView::Unneeded(decision) => {
            let what = format!("Judged {}", judgment_words(row.kind, decision.passes.unwrap_or(false)));
            let words = decision_words(&what, decision);
            ui.horizontal_wrapped(|ui| {
                match row.judgment {
                    JudgmentView::Unneeded(_) => {
                        wrapped_ui(ui, RichText::new(format!("{words} (no longer needed)")).weak())
                    }
                    _ => wrapped_ui(ui, RichText::new(words)),
                }
                actions.withdraw_button_ui(ui, protocol, row, false);
            });
        }
    }
}
