//! A drop-down that picks one of a few options and reports the pick, without holding any
//! state of its own.

use egui::{ComboBox, Id, Response, Ui};

/// A drop-down of `options` showing `current`. Returns the drop-down's response (to name
/// it for accessibility) and the option picked this frame, when it differs from `current`.
pub fn pick_one_ui<'a, T: PartialEq + Clone + 'a>(
    ui: &mut Ui,
    id: Id,
    current: &T,
    options: impl IntoIterator<Item = &'a T>,
    label: impl Fn(&T) -> String,
    width: f32,
) -> (Response, Option<T>) {
    let mut chosen = current.clone();
    let response = ComboBox::from_id_salt(id)
        .selected_text(label(current))
        .width(width)
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(&mut chosen, option.clone(), label(option));
            }
        })
        .response;
    let picked = (chosen != *current).then_some(chosen);
    (response, picked)
}
