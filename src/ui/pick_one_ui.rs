//! A drop-down that picks one of a few options and reports the pick, without holding any
//! state of its own. It answers typed letters while it has the keyboard focus: the next
//! option whose label starts with what was typed (ignoring case, `µ` typed as `u`) is
//! picked, so a unit, a dose unit, a level or a cohort is chosen without the mouse.

use egui::{ComboBox, Event, Id, Response, Ui};

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
    let options: Vec<&T> = options.into_iter().collect();
    let mut chosen = current.clone();
    let response = ComboBox::from_id_salt(id)
        .selected_text(label(current))
        .width(width)
        .show_ui(ui, |ui| {
            for option in &options {
                ui.selectable_value(&mut chosen, (*option).clone(), label(option));
            }
        })
        .response;
    if chosen == *current
        && response.has_focus()
        && let Some(typed) = typed_letters(ui)
    {
        let labels: Vec<String> = options.iter().map(|option| folded(&label(option))).collect();
        let at = options.iter().position(|option| *option == current);
        if let Some(option) = next_starting_with(&labels, at, &typed).and_then(|index| options.get(index)) {
            chosen = (*option).clone();
        }
    }
    let picked = (chosen != *current).then_some(chosen);
    (response, picked)
}

/// The letters typed this frame, folded; `None` when nothing was typed, or while an input
/// method is composing (its keys are not answers).
fn typed_letters(ui: &Ui) -> Option<String> {
    ui.input(|input| {
        if input.events.iter().any(|event| matches!(event, Event::Ime(_))) {
            return None;
        }
        let typed: String = input
            .events
            .iter()
            .filter_map(|event| match event {
                Event::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let typed = folded(&typed);
        (!typed.trim().is_empty()).then_some(typed)
    })
}

fn folded(text: &str) -> String {
    text.chars().map(|c| if c == 'µ' || c == 'μ' { 'u' } else { c }).collect::<String>().to_lowercase()
}

/// The first label after `current` (wrapping round) that starts with `typed`: typing the
/// same letter again steps through the options it begins.
fn next_starting_with(labels: &[String], current: Option<usize>, typed: &str) -> Option<usize> {
    let start = current.map_or(0, |i| i + 1);
    (0..labels.len())
        .map(|offset| (start + offset) % labels.len())
        .find(|&i| labels.get(i).is_some_and(|label| label.starts_with(typed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_a_letter_steps_through_the_options_it_begins() {
        let labels: Vec<String> = ["g/L", "g/dL", "mmol/L", "µmol/L"].iter().map(|l| folded(l)).collect();
        assert_eq!(next_starting_with(&labels, Some(0), "g"), Some(1));
        assert_eq!(next_starting_with(&labels, Some(1), "g"), Some(0), "wraps round");
        assert_eq!(next_starting_with(&labels, Some(0), "m"), Some(2));
        assert_eq!(next_starting_with(&labels, Some(0), "u"), Some(3), "µ is typed as u");
        assert_eq!(next_starting_with(&labels, Some(0), "x"), None);
        assert_eq!(next_starting_with(&labels, None, "g/d"), Some(1));
    }
}
