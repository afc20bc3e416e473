//! The workstation window (egui): patient forms generated from the data dictionary on the
//! left, the live criteria board on the right, verdicts and what is still needed on top.
//!
//! State lives in one place ([`workspace::Workspace`], wrapped by [`app_state::AppState`]);
//! panels borrow it and push [`command::Command`]s, which run in one place after the
//! frame's widgets. Every change to the session goes through `Workspace::apply`, which
//! wraps `audit::apply`: one committed change of a field is one audit entry. Typing that is
//! not yet committed lives in egui memory (`field_draft`), never in the session.

pub mod amend_dialog_ui;
pub mod answer_field_ui;
pub mod app_state;
pub mod board_filter_ui;
pub mod command;
pub mod criteria_board_ui;
pub mod date_field_ui;
pub mod dialog;
pub mod dialog_frame;
pub mod disclosure_ui;
pub mod event_field_ui;
pub mod field_draft;
pub mod file_dialog;
pub mod form_section_ui;
pub mod instrument_checklist_ui;
pub mod judgment_dialog_ui;
pub mod menu_bar_ui;
pub mod method_picker_ui;
pub mod number_field_ui;
pub mod override_dialog_ui;
pub mod patient_form_ui;
pub mod pick_one_ui;
pub mod preferences;
pub mod print_dialog_ui;
pub mod problem_dialog_ui;
pub mod protocols_dialog_ui;
pub mod radio_group_ui;
pub mod recovery_prompt_ui;
pub mod rescreen_dialog_ui;
pub mod save_as_dialog_ui;
pub mod secret_text;
pub mod session_browser_ui;
pub mod sign_dialog_ui;
pub mod signer_identity_dialog_ui;
pub mod start_view_ui;
pub mod theme;
pub mod titer_field_ui;
pub mod treatment_table_ui;
pub mod unsaved_prompt_ui;
pub mod verdict_strip_ui;
pub mod visit_section_ui;
pub mod withdraw_dialog_ui;
pub mod workstation_app;
