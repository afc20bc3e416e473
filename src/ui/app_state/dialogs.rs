//! The dialog over the screen: each dialog reads the workspace and returns what it wants
//! done; [`AppState::carry_out`] does it through the workspace's operations.

use crate::app::workspace::DocumentOrigin;
use crate::session::audit::Edit;
use crate::session::recovery;
use crate::ui::amend_dialog_ui::{AmendFields, amend_dialog_ui};
use crate::ui::dialog::Dialog;
use crate::ui::dialog_frame::{DialogResult, Request};
use crate::ui::file_dialog::FilePurpose;
use crate::ui::judgment_dialog_ui::{JudgmentFields, judgment_dialog_ui};
use crate::ui::override_dialog_ui::{OverrideFields, override_dialog_ui, override_refusal};
use crate::ui::problem_dialog_ui::problem_dialog_ui;
use crate::ui::recovery_prompt_ui::{RecoveryChoice, recovery_prompt_ui};
use crate::ui::rescreen_dialog_ui::rescreen_dialog_ui;
use crate::ui::save_as_dialog_ui::{SaveAsChoice, save_as_dialog_ui};
use crate::ui::sign_dialog_ui::{SignFields, sign_dialog_ui};
use crate::ui::signer_identity_dialog_ui::{IdentityFields, signer_identity_dialog_ui};
use crate::ui::unsaved_prompt_ui::{UnsavedChoice, unsaved_prompt_ui};
use crate::ui::withdraw_dialog_ui::{WithdrawFields, withdraw_dialog_ui};

use super::{AppState, saved_notice};

impl AppState {
    /// Carries out what a dialog asked for, through the workspace's operations; returns
    /// whether the dialog stays open. A refusal is shown in the dialog, which stays open.
    pub(super) fn carry_out(&mut self, result: DialogResult, message: &mut Option<String>) -> bool {
        let (request, close) = match result {
            DialogResult::Stay => return true,
            DialogResult::Close => return false,
            DialogResult::Request { request, close } => (request, close),
        };
        let outcome = match *request {
            Request::Edit(edit) => self.workspace.apply(edit).map_err(|error| error.to_string()),
            Request::Sign { by, sign_off, passphrase } => {
                self.workspace.sign(&by, &sign_off, passphrase.as_str()).map_err(|error| error.to_string()).map(
                    |saved| {
                        self.notice = Some(saved_notice("notice-signed", &self.workspace, &saved));
                    },
                )
            }
            Request::Amend { by, reason, passphrase } => {
                self.workspace.amend(&by, &reason, passphrase.as_str()).map_err(|error| error.to_string()).map(
                    |saved| {
                        self.notice = Some(saved_notice("notice-amended", &self.workspace, &saved));
                    },
                )
            }
        };
        match outcome {
            Ok(()) => {
                *message = None;
                !close
            }
            Err(error) => {
                *message = Some(error);
                true
            }
        }
    }

    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialog.take() else { return };
        let keep = match &mut dialog {
            Dialog::Override { protocol, criterion, reason, by, message } => {
                let fields = OverrideFields { protocol, criterion, reason, by, message };
                let result = override_dialog_ui(ctx, fields, &self.workspace);
                let records = matches!(&result, DialogResult::Request { request, .. } if matches!(**request, Request::Edit(Edit::Decide(_))));
                let keep = self.carry_out(result, message);
                // An override the engine does not apply keeps the dialog open, saying why.
                match override_refusal(&self.workspace, protocol, criterion) {
                    Some(refusal) if records && !keep => {
                        *message = Some(refusal);
                        true
                    }
                    _ => keep,
                }
            }
            Dialog::Judgment { protocol, criterion, passes, reason, by, message } => {
                let fields = JudgmentFields { protocol, criterion, passes, reason, by, message };
                let result = judgment_dialog_ui(ctx, fields, &self.workspace);
                self.carry_out(result, message)
            }
            Dialog::Withdraw { protocol, criterion, is_override, reason, message } => {
                let fields = WithdrawFields { protocol, criterion, is_override: *is_override, reason, message };
                let result = withdraw_dialog_ui(ctx, fields);
                self.carry_out(result, message)
            }
            Dialog::Sign { by, meaning_id, own_words, acknowledged, passphrase, message } => {
                let fields = SignFields { by, meaning_id, own_words, acknowledged, passphrase, message };
                let result = sign_dialog_ui(ctx, fields, &self.workspace);
                self.carry_out(result, message)
            }
            Dialog::Amend { by, reason, passphrase, message } => {
                let fields = AmendFields { by, reason, passphrase, message };
                let result = amend_dialog_ui(ctx, fields);
                self.carry_out(result, message)
            }
            Dialog::CreateIdentity { name, passphrase, repeated, message } => {
                let fields = IdentityFields { name, passphrase, repeated, message };
                signer_identity_dialog_ui(ctx, fields, &self.workspace, &mut self.notice) == DialogResult::Stay
            }
            Dialog::Rescreen { protocol, message } => {
                let result = rescreen_dialog_ui(ctx, protocol, message, &self.workspace);
                self.carry_out(result, message)
            }
            Dialog::Print(state) => {
                crate::ui::print_dialog_ui::print_dialog_ui(ctx, state, &self.workspace) == DialogResult::Stay
            }
            Dialog::SaveAs { folder, file_name, then, message } => {
                match save_as_dialog_ui(ctx, folder, file_name, message) {
                    SaveAsChoice::Stay => true,
                    SaveAsChoice::Cancel => false,
                    SaveAsChoice::ChooseFolder => {
                        self.file_dialogs.start(FilePurpose::SaveFolder, Some(folder.clone()), ctx);
                        true
                    }
                    SaveAsChoice::Save(path) => {
                        if self.save_to(&path) {
                            if let Some(then) = then.take() {
                                self.leave(then, ctx);
                            }
                            false
                        } else {
                            *message = Some(crate::i18n::text("notice-not-saved"));
                            true
                        }
                    }
                }
            }
            Dialog::Unsaved { then } => {
                let can_save = self.workspace.document().is_some_and(|d| {
                    d.path().is_some() && matches!(d.origin(), DocumentOrigin::File | DocumentOrigin::Recovered)
                });
                let name = self.workspace.document().map(|d| d.display_name()).unwrap_or_default();
                match unsaved_prompt_ui(ctx, &name, can_save) {
                    UnsavedChoice::Stay => true,
                    UnsavedChoice::Cancel => false,
                    UnsavedChoice::Save => {
                        self.save(Some(then.clone()), ctx);
                        false
                    }
                    UnsavedChoice::Discard => {
                        if let Err(error) = self.workspace.discard_changes() {
                            self.notice = Some(crate::i18n::Said::message(
                                "notice-journal-not-removed",
                                vec![("error", error.to_string())],
                            ));
                        }
                        self.leave(then.clone(), ctx);
                        false
                    }
                }
            }
            Dialog::Recovery { found, message } => match recovery_prompt_ui(ctx, found, message) {
                RecoveryChoice::Stay => true,
                RecoveryChoice::Later => false,
                RecoveryChoice::Restore(index) => match found.get(index) {
                    Some(journal) => match self.workspace.open_recovered(journal) {
                        Ok(()) => {
                            found.remove(index);
                            false
                        }
                        Err(error) => {
                            *message = Some(format!("{}: {error}", journal.path.display()));
                            true
                        }
                    },
                    None => true,
                },
                RecoveryChoice::Discard(index) => {
                    if let Some(journal) = found.get(index) {
                        match recovery::discard(&journal.path) {
                            Ok(()) => {
                                found.remove(index);
                            }
                            Err(error) => *message = Some(format!("{}: {error}", journal.path.display())),
                        }
                    }
                    !found.is_empty()
                }
            },
            Dialog::Problem { title, message } => !problem_dialog_ui(ctx, title, message),
            Dialog::Protocols => {
                crate::ui::protocols_dialog_ui::protocols_dialog_ui(ctx, &self.workspace.library) == DialogResult::Stay
            }
        };
        if keep && self.dialog.is_none() {
            self.dialog = Some(dialog);
        }
    }
}
