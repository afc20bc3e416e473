//! A form section: a heading that opens and closes its items on a click, and is not a Tab
//! stop (Tab goes from the last field of one section to the first of the next; egui's
//! collapsing header takes the focus). The arrow shows whether it is open.

use egui::collapsing_header::CollapsingState;
use egui::{Sense, Ui, WidgetInfo};

use crate::ui::theme;

/// A section headed `label`, open unless closed by a click; `force_open` opens it (a jump to
/// one of its fields). Returns what the body returned, when open.
pub fn form_section_ui<R>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    force_open: bool,
    body: impl FnOnce(&mut Ui) -> R,
) -> Option<R> {
    let id = ui.make_persistent_id(id_salt);
    let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, true);
    if force_open {
        state.set_open(true);
    }
    let arrow = if state.is_open() { "▾" } else { "▸" };
    let header = ui.horizontal(|ui| {
        let arrow = ui.add(egui::Label::new(arrow).sense(Sense::CLICK).selectable(false));
        let heading = ui.add(egui::Label::new(theme::bold(label)).sense(Sense::CLICK).selectable(false));
        let open = state.is_open();
        heading.widget_info(|| WidgetInfo::selected(egui::accesskit::Role::Button, true, open, label));
        arrow.clicked() || heading.clicked()
    });
    if header.inner {
        state.toggle(ui);
    }
    state.show_body_indented(&header.response, ui, body).map(|inner| inner.inner)
}
