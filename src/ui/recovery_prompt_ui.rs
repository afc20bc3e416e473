//! At start: sessions whose last changes were journalled but not saved (a crash, a power
//! cut). Each can be restored, showing exactly what it changes, or discarded.

use egui::{RichText, ScrollArea};

use crate::i18n;
use crate::session::recovery::Found;
use crate::ui::dialog_frame::{DialogResult, error_line_ui, modal_ui};

/// What the investigator chose for one journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Nothing chosen this frame: the prompt stays open.
    Stay,
    /// Restore the journal at this index of those found.
    Restore(usize),
    /// Discard the journal at this index of those found.
    Discard(usize),
    /// Decide later: close the prompt and keep every journal.
    Later,
}

/// The prompt over every journal found.
pub fn recovery_prompt_ui(ctx: &egui::Context, found: &[Found], message: &Option<String>) -> RecoveryChoice {
    let mut choice = RecoveryChoice::Stay;
    let result = modal_ui(ctx, &i18n::text("recovery-title"), |ui| {
        ui.label(i18n::text_with("recovery-text", &[("app", "trialscreen".to_owned())]));
        ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for (index, journal) in found.iter().enumerate() {
                let record = &journal.record;
                let name = record.session_file.as_ref().map_or_else(
                    || i18n::text_with("recovery-never-saved", &[("code", record.session.participant_code.clone())]),
                    |file| file.display().to_string(),
                );
                ui.separator();
                ui.label(RichText::new(&name).strong());
                ui.label(
                    RichText::new(i18n::text_with(
                        "recovery-journalled",
                        &[("time", record.written_at.format("%Y-%m-%d %H:%M:%S UTC").to_string())],
                    ))
                    .weak(),
                );
                for line in &journal.differences {
                    ui.add(egui::Label::new(RichText::new(line).small()).wrap());
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(i18n::text("recovery-restore"))
                        .accessible_name(i18n::text_with("recovery-restore-name", &[("name", name.clone())]))
                        .clicked()
                    {
                        choice = RecoveryChoice::Restore(index);
                    }
                    if ui
                        .button(i18n::text("recovery-discard"))
                        .accessible_name(i18n::text_with("recovery-discard-name", &[("name", name.clone())]))
                        .clicked()
                    {
                        choice = RecoveryChoice::Discard(index);
                    }
                });
            }
        });
        error_line_ui(ui, message);
        if ui.button(i18n::text("recovery-later")).clicked() {
            choice = RecoveryChoice::Later;
        }
        DialogResult::Stay
    });
    match result {
        DialogResult::Close => RecoveryChoice::Later,
        _ => choice,
    }
}
