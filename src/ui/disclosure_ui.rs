//! A small "▸ more" button that shows or hides detail below it. Whether it is open is
//! widget scratch state in egui memory; unlike a collapsing header, the text around it
//! wraps, so a long title never widens its panel.

use egui::{Id, Ui};

/// Whether the detail under `id` is shown.
pub fn is_disclosed(ui: &Ui, id: Id) -> bool {
    ui.data(|data| data.get_temp::<bool>(id)).unwrap_or(false)
}

/// Shows or hides the detail under `id`.
pub fn set_disclosed(ctx: &egui::Context, id: Id, open: bool) {
    ctx.data_mut(|data| data.insert_temp(id, open));
}

/// The toggle button; returns whether the detail is shown (after this frame's click).
pub fn disclosure_ui(ui: &mut Ui, id: Id, text: &str, accessible_name: String) -> bool {
    let open = is_disclosed(ui, id);
    let icon = if open { "▾" } else { "▸" };
    let response = ui.small_button(format!("{icon} {text}")).accessible_name(accessible_name);
    if response.clicked() {
        set_disclosed(ui.ctx(), id, !open);
        return !open;
    }
    open
}
