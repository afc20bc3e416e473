//! The scratch state of one form item while it is being typed, kept in egui memory under
//! an `Id` (temporary, never persisted): the text of its parts not yet committed, a unit
//! or option picked before the value, and the message shown beside it. The session holds
//! only committed values; a field commits on Enter or when it loses focus, and Escape
//! drops the draft.

use std::collections::BTreeMap;

use egui::{Id, Response, TextEdit, Ui};

use crate::model::units::Unit;

/// A warning that holds a parsed value back until the investigator confirms it.
#[derive(Clone, Debug, PartialEq)]
pub struct Confirmation {
    /// What looks wrong about the value, said to the investigator.
    pub message: String,
    /// The unit the value probably was in.
    pub suggested_unit: Option<Unit>,
}

/// Uncommitted state of one form item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemDraft {
    /// Typed texts by part ("value", "uln", "date", "row 2 start", …).
    pub texts: BTreeMap<String, String>,
    /// A unit picked before a value was entered.
    pub unit: Option<Unit>,
    /// An option picked that needs more before it can be committed ("on date" before the date).
    pub choice: Option<String>,
    /// Why the typed text was not committed.
    pub message: Option<String>,
    /// A value held back until confirmed.
    pub confirmation: Option<Confirmation>,
    /// The language the message or the confirmation was said in: in another, the field
    /// composes its typed text again and says it in the window's language.
    pub said_in: Option<crate::i18n::Language>,
}

/// The memory id of an item's draft. The document generation keeps a previous document's
/// drafts from showing in a newly opened one.
pub fn draft_id(generation: u64, item: &str) -> Id {
    Id::unique(("item draft", generation, item))
}

/// The widget id of one part of an item: stable, so focus can be requested on it.
pub fn part_id(draft: Id, part: &str) -> Id {
    draft.with(part)
}

impl ItemDraft {
    /// The draft stored under `id`, or an empty one.
    pub fn load(ui: &Ui, id: Id) -> Self {
        ui.data(|data| data.get_temp::<Self>(id)).unwrap_or_default()
    }

    /// Stores the draft (an empty draft is removed), noting the language its message is in.
    pub fn store(mut self, ui: &Ui, id: Id) {
        self.note_language();
        ui.data_mut(|data| {
            if self == Self::default() {
                data.remove::<Self>(id);
            } else {
                data.insert_temp(id, self);
            }
        });
    }

    /// Sets the message of the draft stored under `id`.
    pub fn set_message(ctx: &egui::Context, id: Id, message: String) {
        ctx.data_mut(|data| {
            let draft = data.get_temp_mut_or_default::<Self>(id);
            draft.message = Some(message);
            draft.said_in = Some(crate::i18n::language());
        });
    }

    /// Notes the language of a message or confirmation just made; none without them.
    fn note_language(&mut self) {
        if self.message.is_none() && self.confirmation.is_none() {
            self.said_in = None;
        } else if self.said_in.is_none() {
            self.said_in = Some(crate::i18n::language());
        }
    }

    /// Whether the message or confirmation was said in another language than the window's
    /// now; if so, it is to be said again (the note is dropped until then).
    pub fn take_outdated(&mut self) -> bool {
        let outdated = self.said_in.is_some_and(|language| language != crate::i18n::language());
        if outdated {
            self.said_in = None;
        }
        outdated
    }

    /// Drops the draft stored under `id` (after a successful commit).
    pub fn clear(ctx: &egui::Context, id: Id) {
        ctx.data_mut(|data| data.remove::<Self>(id));
    }

    /// The text of a part: as typed, else the committed text.
    pub fn text(&self, part: &str, committed: &str) -> String {
        self.texts.get(part).cloned().unwrap_or_else(|| committed.to_owned())
    }
}

/// What a text part did this frame.
pub struct PartOutput {
    /// The text field's response this frame.
    pub response: Response,
    /// Enter was pressed or the field lost focus with typed text: commit the item.
    pub commit: bool,
}

/// The date part of a result (the part named "date", with the date hint): one of these
/// beside every number, titer, event, answer and checklist that carries a date.
pub fn date_part_ui(
    ui: &mut Ui,
    draft: &mut ItemDraft,
    draft_memory: Id,
    committed: &str,
    accessible_name: &str,
    width: f32,
) -> PartOutput {
    text_part_ui(ui, draft, draft_memory, "date", committed, accessible_name, width, &crate::i18n::text("hint-date"))
}

/// One text part of an item: shows the typed text (or the committed one), records typing
/// in the draft, and asks for a commit on Enter or focus loss. Escape drops the draft. The
/// field is never narrower than its hint, so "YYYY-MM-DD" is never cut off.
#[allow(clippy::too_many_arguments)]
pub fn text_part_ui(
    ui: &mut Ui,
    draft: &mut ItemDraft,
    draft_memory: Id,
    part: &str,
    committed: &str,
    accessible_name: &str,
    width: f32,
    hint: &str,
) -> PartOutput {
    // A message said in another language: the field composes its text again (as on Enter),
    // so the message is said in the window's language.
    let outdated = draft.take_outdated();
    let mut text = draft.text(part, committed);
    let width = width.max(hint_width(ui, hint));
    let response = ui
        .add(TextEdit::singleline(&mut text).id(part_id(draft_memory, part)).desired_width(width).hint_text(hint))
        .accessible_name(accessible_name);
    if response.changed() {
        draft.texts.insert(part.to_owned(), text);
        draft.message = None;
        draft.confirmation = None;
    }
    let mut commit = false;
    if response.lost_focus() {
        if ui.input(|input| input.key_pressed(egui::Key::Escape)) {
            *draft = ItemDraft::default();
        } else {
            commit = draft.texts.contains_key(part);
        }
    }
    PartOutput { response, commit: commit || outdated }
}

/// The width a single-line field needs to show `hint` whole, at the current zoom.
pub fn hint_width(ui: &Ui, hint: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text = ui.painter().layout_no_wrap(hint.to_owned(), font, egui::Color32::PLACEHOLDER).size().x;
    text + 2.0 * ui.spacing().button_padding.x + 2.0
}
