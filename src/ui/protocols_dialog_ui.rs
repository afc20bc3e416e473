//! "View → Protocols…": every protocol the window has loaded, bundled and site, with its
//! source, version, file hash and criteria; and each site file that did not load, with why
//! (line and column where known); and the site vocabulary files that were added. A bad site
//! file stops no other trial.

use egui::RichText;

use crate::i18n;
use crate::library::{Library, ProtocolSource};
use crate::ui::dialog_frame::{DialogResult, modal_ui};
use crate::ui::theme;

/// How many hex digits of a file hash are shown (the printout shows it whole).
const HASH_SHOWN: usize = 12;

/// The last part of a path, as the dialog shows it (the whole path is on hover).
fn file_name(path: &str) -> &str {
    std::path::Path::new(path).file_name().and_then(|name| name.to_str()).unwrap_or(path)
}

/// The protocols dialog; closed by its button or Escape.
pub fn protocols_dialog_ui(ctx: &egui::Context, library: &Library) -> DialogResult {
    modal_ui(ctx, &i18n::text("protocols-title"), |ui| {
        ui.set_min_width(640.0);
        ui.set_max_width(900.0);
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            egui::Grid::new("protocols").striped(true).num_columns(5).show(ui, |ui| {
                for heading in ["protocols-protocol", "protocols-version", "protocols-criteria", "protocols-source"] {
                    ui.label(theme::bold(i18n::text(heading)));
                }
                ui.label(theme::bold("SHA-256"));
                ui.end_row();
                for loaded in library.protocols() {
                    let protocol = &loaded.compiled.protocol;
                    // The id keeps the dialog inside a 1024-pixel window; the title is on hover.
                    ui.label(&protocol.id).on_hover_text(loaded.title());
                    ui.label(protocol.version.to_string());
                    ui.label(loaded.compiled.criteria.len().to_string());
                    match &loaded.origin {
                        ProtocolSource::Bundled => ui.label(i18n::text("protocols-bundled")),
                        ProtocolSource::Site(path) => ui
                            .label(i18n::text_with("protocols-site", &[("file", file_name(path).to_owned())]))
                            .on_hover_text(path),
                    };
                    ui.label(RichText::new(loaded.sha256.get(..HASH_SHOWN).unwrap_or(&loaded.sha256)).monospace())
                        .on_hover_text(&loaded.sha256);
                    ui.end_row();
                }
            });
            if !library.site_vocabulary.is_empty() {
                ui.add_space(8.0);
                ui.label(theme::bold(i18n::text("protocols-site-vocabulary")));
                for file in &library.site_vocabulary {
                    ui.add(
                        egui::Label::new(i18n::text_with("protocols-vocabulary-added", &[("file", file.to_string())]))
                            .wrap(),
                    );
                }
            }
            if !library.site_problems.is_empty() {
                ui.add_space(8.0);
                ui.label(theme::bold(i18n::text("protocols-not-loaded")));
                let error = theme::error_colour(ui.ctx().theme());
                for problem in &library.site_problems {
                    let (location, reason) = problem.located();
                    ui.add(egui::Label::new(RichText::new(format!("✖ {location}: {reason}")).color(error)).wrap());
                }
            }
        });
        ui.add_space(6.0);
        if ui.button(i18n::text("dialog-close")).clicked() { DialogResult::Close } else { DialogResult::Stay }
    })
}
