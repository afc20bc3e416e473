//! Something that happened: never, on a date, ongoing (since a date, if known), or on an
//! unknown date. "On a date" waits for its date before it is committed.

use egui::{RichText, Ui};

use crate::input::date_text::{DateRule, date_text};
use crate::input::entry_text::{Composed, compose_date};
use crate::model::dictionary::ItemDef;
use crate::model::values::{Occurrence, Value};
use crate::ui::answer_field_ui::{clear_button_ui, option_name};
use crate::ui::field_draft::{Confirmation, ItemDraft, date_part_ui};
use crate::ui::patient_form_ui::{ConfirmChoice, FormContext, draft_messages_ui, item_row_ui};
use crate::ui::radio_group_ui::{GroupOption, radio_group_ui};

/// The answers of an event item: (draft key, id of the button text).
const KINDS: [(&str, &str); 4] = [
    ("never", "event-never"),
    ("on", "event-on-date"),
    ("ongoing", "event-ongoing"),
    ("unknown", "event-date-unknown"),
];

/// One event item.
pub fn event_field_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let committed = match cx.value(&item.id) {
        Some(Value::Event(occurrence)) => Some(*occurrence),
        _ => None,
    };
    let committed_kind = committed.map(|occurrence| match occurrence {
        Occurrence::Never => "never",
        Occurrence::On(_) => "on",
        Occurrence::Ongoing(_) => "ongoing",
        Occurrence::DateUnknown => "unknown",
    });
    let shown_kind = draft.choice.clone().or(committed_kind.map(str::to_owned));
    let date_of = |occurrence: Option<Occurrence>| match occurrence {
        Some(Occurrence::On(date) | Occurrence::Ongoing(Some(date))) => date_text(date),
        _ => String::new(),
    };
    let committed_date = date_of(committed);
    let mut picked: Option<Option<&str>> = None;
    let mut date_commit = false;
    let choice = item_row_ui(ui, item, !cx.read_only, |ui, _| {
        ui.horizontal_wrapped(|ui| {
            // One Tab stop: ← → step, n / u answer, Delete clears (`radio_group_ui`).
            let chosen = KINDS.iter().position(|(kind, _)| shown_kind.as_deref() == Some(*kind));
            let options: Vec<GroupOption<'_>> = KINDS
                .iter()
                .map(|(kind, message)| {
                    let text = crate::i18n::word(message);
                    GroupOption { text, name: option_name(&item.label, &text.to_lowercase()), key: kind }
                })
                .collect();
            let group = radio_group_ui(ui, id.with("event"), &options, chosen, None, !cx.read_only);
            if let Some(stop) = &group.tab_stop {
                cx.take_focus(&item.id, stop);
            }
            if let Some(index) = group.picked {
                picked = Some(index.and_then(|index| KINDS.get(index)).map(|(kind, _)| *kind));
            }
            if (committed.is_some() || draft.choice.is_some()) && clear_button_ui(ui, &item.label) {
                picked = Some(None);
            }
        });
        let date_label = match shown_kind.as_deref() {
            Some("on") => Some(("field-date", "field-date-name")),
            Some("ongoing") => Some(("event-since", "event-since-name")),
            _ => None,
        };
        if let Some((date_label, date_name)) = date_label {
            ui.horizontal(|ui| {
                ui.label(RichText::new(crate::i18n::text(date_label)).weak());
                let name = crate::i18n::text_with(date_name, &[("item", item.label.clone())]);
                date_commit = date_part_ui(ui, &mut draft, id, &committed_date, &name, 92.0).commit;
            });
        }
        draft_messages_ui(ui, &draft, &crate::i18n::text("field-keep-date"))
    });
    let kind = match picked {
        Some(None) => {
            draft = ItemDraft::default();
            // Clearing an item with no value queues nothing; either way the draft is gone.
            let _queued = cx.commit(&item.id, None, None);
            draft.store(ui, id);
            return;
        }
        Some(Some(kind)) => {
            draft.choice = Some(kind.to_owned());
            draft.message = None;
            draft.confirmation = None;
            Some(kind.to_owned())
        }
        None if date_commit || choice == ConfirmChoice::Keep => shown_kind,
        None => None,
    };
    let occurrence = match kind.as_deref() {
        None => None,
        Some("never") => Some(Occurrence::Never),
        Some("unknown") => Some(Occurrence::DateUnknown),
        Some(kind) => {
            let text = draft.text("date", &committed_date);
            match compose_date(&text, cx.today, DateRule::Past, choice == ConfirmChoice::Keep) {
                Composed::Ready(date) if kind == "ongoing" => Some(Occurrence::Ongoing(date)),
                Composed::Ready(date) => date.map(Occurrence::On),
                Composed::Invalid(message) => {
                    draft.message = Some(message);
                    None
                }
                Composed::Confirm { message, suggested_unit } => {
                    draft.texts.entry("date".to_owned()).or_insert(text);
                    draft.confirmation = Some(Confirmation { message, suggested_unit });
                    None
                }
            }
        }
    };
    // "On a date" without its date waits for it.
    if let Some(occurrence) = occurrence
        && !cx.commit(&item.id, Some(Value::Event(occurrence)), None)
    {
        draft = ItemDraft::default();
    }
    draft.store(ui, id);
}
