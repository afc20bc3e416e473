//! The method a result was obtained by, or the condition it was measured in, for an item
//! whose dictionary entry lists methods ("by echocardiography", "on right-heart
//! catheterisation"): a drop-down beside the value, committed with the entry and audited like
//! any change. A criterion that requires a method counts only a result recorded with one.

use egui::Ui;

use crate::model::dictionary::ItemDef;
use crate::ui::patient_form_ui::FormContext;
use crate::ui::pick_one_ui::pick_one_ui;

/// The accessible name of an item's method picker: "Ejection fraction method".
pub fn method_part_name(item_label: &str) -> String {
    crate::i18n::text_with("method-name", &[("item", item_label.to_owned())])
}

/// The method drop-down of an item that lists methods; nothing for one that does not. It is
/// enabled once a value is entered (a method is part of a result, not a result).
pub fn method_picker_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    if item.methods.is_empty() {
        return;
    }
    let entry = cx.document.session().values.get(&item.id);
    let current: Option<String> = entry.and_then(|entry| entry.method.clone());
    let mut options: Vec<Option<String>> = vec![None];
    options.extend(item.methods.iter().map(|method| Some(method.id.clone())));
    let label = |option: &Option<String>| match option {
        None => crate::i18n::text("method-unknown"),
        Some(id) => item.methods.iter().find(|method| &method.id == id).map_or_else(
            || id.clone(),
            |method| crate::i18n::text_with("method-by", &[("method", method.label.to_lowercase())]),
        ),
    };
    let enabled = entry.is_some() && !cx.read_only;
    let picked = ui
        .add_enabled_ui(enabled, |ui| {
            let (response, picked) =
                pick_one_ui(ui, cx.draft_id(&item.id).with("method"), &current, &options, label, 150.0);
            let _named =
                response.accessible_name(method_part_name(&item.label)).on_hover_text(crate::i18n::text("method-hint"));
            picked
        })
        .inner;
    if let Some(method) = picked {
        cx.commit_method(&item.id, method);
    }
}
