//! A radio group that is one Tab stop: only its chosen option (or its first, when none is
//! chosen) takes the keyboard focus by Tab, so moving from one yes/no row to the next is one
//! Tab, not four. While an option of the group has the focus, a letter answers: the first
//! letter of an option's word, where no other option of the group starts with it ("y", "n",
//! "u" for yes / no / unknown; "p", "a", "n" for present / absent / not assessed; "n", "p"
//! for negative / positive), ← → step to the option beside, and Delete clears. Keys typed
//! while an input method is composing are never answers. The key map is in ARCHITECTURE.md.

use egui::{Event, Id, Key, Response, Sense, TextStyle, TextWrapMode, Ui, WidgetInfo, WidgetText, pos2, vec2};

/// One option of a group, drawn as a radio button, with a stable `id` (so the focus can be
/// moved to it); a Tab stop only when `tab_stop`.
pub fn group_option_ui(ui: &mut Ui, id: Id, checked: bool, text: &str, tab_stop: bool) -> Response {
    let sense = if tab_stop { Sense::click() } else { Sense::CLICK };
    let spacing = ui.spacing();
    let (icon, gap, height) = (spacing.icon_width, spacing.icon_spacing, spacing.interact_size.y);
    let galley = WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, TextStyle::Button);
    let size = vec2(icon + gap + galley.size().x, galley.size().y.max(height).max(icon));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let response = ui.interact(rect, id, sense);
    response.widget_info(|| WidgetInfo::selected(egui::accesskit::Role::RadioButton, ui.is_enabled(), checked, text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let (small, big) = ui.spacing().icon_rectangles(rect);
        let painter = ui.painter();
        painter.circle(big.center(), big.width() / 2.0 + visuals.expansion, visuals.bg_fill, visuals.bg_stroke);
        if checked {
            painter.circle_filled(small.center(), small.width() / 3.0, visuals.fg_stroke.color);
        }
        let text_at = pos2(rect.left() + icon + gap, rect.center().y - galley.size().y / 2.0);
        painter.galley(text_at, galley, visuals.text_color());
    }
    response
}

/// One option of a group: its text, its accessible name ("Sex: male") and the word its key
/// letter comes from (English or the option's id, so the letters stay the same in every
/// language: y / n / u).
pub struct GroupOption<'a> {
    /// The text beside the button.
    pub text: &'a str,
    /// The accessible name.
    pub name: String,
    /// The word whose first letter answers it, where no other option's shares it.
    pub key: &'a str,
}

/// What a group did this frame.
pub struct GroupOutput {
    /// The option picked (a click or a key), or `Some(None)`: the answer cleared.
    pub picked: Option<Option<usize>>,
    /// The group's Tab stop, to move the focus to it (a jump from "still needed").
    pub tab_stop: Option<Response>,
}

/// A whole group: its options, one Tab stop, and its keys while `keys` (not read-only).
/// `cleared` is the option chosen once the answer is cleared, where clearing chooses one
/// ("not assessed"); Delete clears only an answer that is not that already.
pub fn radio_group_ui(
    ui: &mut Ui,
    group: Id,
    options: &[GroupOption<'_>],
    chosen: Option<usize>,
    cleared: Option<usize>,
    keys: bool,
) -> GroupOutput {
    let mut output = GroupOutput { picked: None, tab_stop: None };
    let mut focused = false;
    for (index, option) in options.iter().enumerate() {
        let is_stop = index == tab_stop(chosen);
        let response = group_option_ui(ui, option_id(group, index), chosen == Some(index), option.text, is_stop)
            .accessible_name(&option.name);
        focused |= response.has_focus();
        if response.clicked() {
            output.picked = Some(Some(index));
        }
        if is_stop {
            output.tab_stop = Some(response);
        }
    }
    let words: Vec<&str> = options.iter().map(|option| option.key).collect();
    match group_key(ui, focused && keys, &key_letters(&words), chosen) {
        Some(GroupKey::Choose(index)) => {
            output.picked = Some(Some(index));
            focus_option(ui, group, index);
        }
        Some(GroupKey::Clear) if chosen != cleared => {
            output.picked = Some(None);
            focus_option(ui, group, tab_stop(cleared));
        }
        _ => {}
    }
    output
}

/// What a key did to a focused group this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKey {
    /// Choose the option at this index.
    Choose(usize),
    /// Clear the answer.
    Clear,
}

/// The key letter of each option: its word's first letter, lower case, where no other
/// option's word starts with it; `None` where two share it.
pub fn key_letters(words: &[&str]) -> Vec<Option<char>> {
    let first = |word: &str| word.chars().next().map(|c| c.to_lowercase().collect::<String>());
    words
        .iter()
        .map(|word| {
            let letter = first(word)?;
            let shared = words.iter().filter(|other| first(other).as_deref() == Some(letter.as_str())).count() > 1;
            if shared { None } else { letter.chars().next() }
        })
        .collect()
}

/// The id of a group's option, for [`group_option_ui`] and for moving the focus to it.
pub fn option_id(group: Id, index: usize) -> Id {
    group.with(("option", index))
}

/// The option a group's Tab stop is on: the chosen one, else the first.
pub fn tab_stop(chosen: Option<usize>) -> usize {
    chosen.unwrap_or(0)
}

/// Moves the focus to a group's option (after a key chose it, it is the Tab stop).
pub fn focus_option(ui: &Ui, group: Id, index: usize) {
    ui.memory_mut(|memory| memory.request_focus(option_id(group, index)));
}

/// The key pressed while the group has the focus, if any: a key letter, ← → (from the
/// `chosen` option), or Delete / Backspace. Nothing while an input method composes.
pub fn group_key(ui: &Ui, focused: bool, letters: &[Option<char>], chosen: Option<usize>) -> Option<GroupKey> {
    if !focused {
        return None;
    }
    ui.input(|input| {
        if input.events.iter().any(|event| matches!(event, Event::Ime(_))) {
            return None;
        }
        let count = letters.len();
        for event in &input.events {
            match event {
                Event::Text(text) => {
                    let typed = text.to_lowercase().chars().next();
                    if let Some(index) = letters.iter().position(|letter| letter.is_some() && *letter == typed) {
                        return Some(GroupKey::Choose(index));
                    }
                }
                Event::Key { key: Key::ArrowRight | Key::ArrowDown, pressed: true, .. } if count > 0 => {
                    return Some(GroupKey::Choose(chosen.map_or(0, |i| (i + 1) % count)));
                }
                Event::Key { key: Key::ArrowLeft | Key::ArrowUp, pressed: true, .. } if count > 0 => {
                    return Some(GroupKey::Choose(chosen.map_or(count - 1, |i| (i + count - 1) % count)));
                }
                Event::Key { key: Key::Delete | Key::Backspace, pressed: true, .. } => return Some(GroupKey::Clear),
                _ => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_option_has_its_first_letter_unless_another_shares_it() {
        assert_eq!(key_letters(&["yes", "no", "unknown"]), [Some('y'), Some('n'), Some('u')]);
        assert_eq!(key_letters(&["present", "absent", "not assessed"]), [Some('p'), Some('a'), Some('n')]);
        assert_eq!(key_letters(&["Negative", "Positive", "Not done"]), [None, Some('p'), None]);
    }
}
