//! Driving the window in kittest as a person would, shared by the window's test files.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trialscreen::ui::app_state::AppState;

/// Clicks the widget labelled `label`, scrolling it into view first as a person would.
pub fn click(harness: &mut Harness<'_, AppState>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Types into an empty text field (a reason, a name) labelled `label`.
pub fn type_into(harness: &mut Harness<'_, AppState>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Whether some widget's label contains `text`.
pub fn has_label_containing(harness: &Harness<'_, AppState>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}
