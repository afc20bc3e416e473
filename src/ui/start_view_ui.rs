//! The start view, when no session is open: a new screening (protocols, cohort,
//! participant code, dates, investigator), opening a file, recent sessions, the sessions
//! folder, and the bundled examples (opened as templates).

use std::collections::BTreeMap;

use egui::{Grid, RichText, ScrollArea, Ui};

use crate::app::session_browser::SessionBrowser;
use crate::app::workspace::NewScreening;
use crate::input::Parsed;
use crate::input::date_text::{date_text, parse_date};
use crate::library::{BUNDLED_EXAMPLES, Library, example_description_shown};
use crate::session::model::ReferenceDates;
use crate::ui::command::{Command, Leave};
use crate::ui::session_browser_ui::session_browser_ui;
use crate::ui::theme;
use crate::ui::visit_section_ui::cohort_picker_ui;

/// What is typed into the new-screening form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewScreeningDraft {
    /// Protocol id → chosen, with the cohort where the protocol has cohorts.
    pub protocols: BTreeMap<String, (bool, Option<String>)>,
    /// The participant code as typed.
    pub participant_code: String,
    /// The screening date as typed (today's to begin with).
    pub screening: String,
    /// The consent date as typed; may be blank.
    pub consent: String,
    /// The planned enrollment / first-dose date as typed; may be blank.
    pub enrollment: String,
    /// The investigator's name as typed.
    pub investigator: String,
    /// Why the last attempt to start failed, shown under the form in the window's language.
    pub message: Option<crate::i18n::Said>,
}

impl NewScreeningDraft {
    /// A form with today's screening date.
    pub fn new(today: chrono::NaiveDate) -> Self {
        Self { screening: date_text(today), ..Self::default() }
    }

    /// The form for the next screening after `session` (Ctrl+N): today's date, the same
    /// investigator and the same protocols and cohorts chosen; the participant and the other
    /// dates are left to enter.
    pub fn after(session: &crate::session::model::Session, today: chrono::NaiveDate) -> Self {
        let protocols = session
            .protocols
            .iter()
            .map(|reference| (reference.id.clone(), (true, reference.cohort.clone())))
            .collect();
        Self { investigator: session.investigator.clone().unwrap_or_default(), protocols, ..Self::new(today) }
    }

    /// What the form says, or why it cannot start a screening.
    pub fn to_new_screening(&self) -> Result<NewScreening, String> {
        // `label` is the id of the field's name.
        let date = |label: &str, text: &str| match parse_date(text) {
            Parsed::Empty => Ok(None),
            Parsed::Value(date) => Ok(Some(date)),
            Parsed::Invalid(message) => Err(crate::i18n::text_with(
                "start-date-invalid",
                &[("field", crate::i18n::text(label)), ("message", message)],
            )),
        };
        let screening = date("visit-screening-date", &self.screening)?
            .ok_or_else(|| crate::i18n::text("start-enter-screening-date"))?;
        let dates = ReferenceDates {
            screening,
            consent: date("visit-consent-date", &self.consent)?,
            enrollment: date("start-planned-enrollment", &self.enrollment)?,
        };
        let protocols = self
            .protocols
            .iter()
            .filter(|(_, (chosen, _))| *chosen)
            .map(|(id, (_, cohort))| (id.clone(), cohort.clone()))
            .collect();
        Ok(NewScreening {
            participant_code: self.participant_code.clone(),
            protocols,
            dates,
            investigator: self.investigator.clone(),
        })
    }
}

/// What the start view asks for besides commands.
pub struct StartView<'a> {
    /// The protocols that can be chosen.
    pub library: &'a Library,
    /// What is typed into the new-screening form.
    pub draft: &'a mut NewScreeningDraft,
    /// The session files of the sessions folder.
    pub browser: &'a mut SessionBrowser,
    /// Recently opened session files.
    pub recent: &'a [std::path::PathBuf],
}

/// The start view. Returns true when "Start screening" was pressed.
pub fn start_view_ui(ui: &mut Ui, view: StartView<'_>, commands: &mut Vec<Command>) -> bool {
    let StartView { library, draft, browser, recent } = view;
    let mut start = false;
    ScrollArea::vertical().id_salt("start view").show(ui, |ui| {
        ui.label(theme::bold("trialscreen").size(24.0));
        ui.label(RichText::new(crate::i18n::text("start-intro")).weak());
        ui.add_space(8.0);
        ui.columns(2, |columns| {
            let [left, right] = columns else { return };
            start = new_screening_ui(left, library, draft);
            right.label(theme::bold(crate::i18n::text("start-open-session")));
            right.horizontal(|ui| {
                if ui.button(crate::i18n::text("menu-open")).clicked() {
                    commands.push(Command::Leave(Leave::OpenDialog));
                }
            });
            if !recent.is_empty() {
                right.add_space(6.0);
                right.label(theme::bold(crate::i18n::text("start-recent")));
                for path in recent {
                    let name = path.display().to_string();
                    if right.link(&name).on_hover_text(crate::i18n::text("start-open-this")).clicked() {
                        commands.push(Command::Leave(Leave::OpenPath(path.clone())));
                    }
                }
            }
            right.add_space(6.0);
            right.label(theme::bold(crate::i18n::text("start-sessions-folder")));
            session_browser_ui(right, browser, commands);
            right.add_space(6.0);
            egui::CollapsingHeader::new(theme::bold(crate::i18n::text("start-examples")))
                .id_salt("examples")
                .default_open(true)
                .show(right, |ui| {
                    for (file_name, text) in BUNDLED_EXAMPLES {
                        ui.horizontal_wrapped(|ui| {
                            if ui
                                .button(crate::i18n::text("browser-open"))
                                // Named with its file in English in every language, as tests and users' scripts know it.
                                .accessible_name(format!("Open example {file_name}"))
                                .clicked()
                            {
                                commands.push(Command::Leave(Leave::OpenExample((*file_name).to_owned())));
                            }
                            ui.label(RichText::new(example_description_shown(file_name, text)).small());
                        });
                    }
                });
        });
    });
    start
}

fn new_screening_ui(ui: &mut Ui, library: &Library, draft: &mut NewScreeningDraft) -> bool {
    ui.label(theme::bold(crate::i18n::text("menu-new-screening")));
    ui.label(crate::i18n::text("visit-protocols"));
    let mut ids: Vec<&str> = library.protocols().iter().map(|p| p.compiled.protocol.id.as_str()).collect();
    ids.dedup();
    for id in ids {
        let Some(loaded) = library.latest(id) else { continue };
        let protocol = &loaded.compiled.protocol;
        let (chosen, cohort) = draft.protocols.entry(id.to_owned()).or_insert((false, None));
        ui.checkbox(chosen, format!("{} (v{})", loaded.title(), protocol.version));
        // The cohort row is always there for a protocol with cohorts, enabled once it is
        // ticked: ticking it never moves the fields below (a click meant for the consent
        // date once landed in the screening date).
        if !protocol.cohorts.is_empty() {
            let enabled = *chosen;
            ui.add_enabled_ui(enabled, |ui| {
                ui.horizontal(|ui| {
                    ui.add_space(24.0);
                    ui.label(crate::i18n::text("start-cohort"));
                    let id = egui::Id::unique(("new cohort", id));
                    if let (_, Some(picked)) = cohort_picker_ui(ui, id, loaded, cohort) {
                        *cohort = picked;
                    }
                });
            });
        }
    }
    ui.add_space(6.0);
    let error = theme::error_colour(ui.ctx().theme());
    let mut typed_wrong: Option<String> = None;
    let mut submitted = false;
    Grid::new("new screening").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        let fields: [(&str, &mut String, &str, bool); 5] = [
            ("visit-participant-code", &mut draft.participant_code, "hint-participant-code", false),
            ("visit-screening-date", &mut draft.screening, "hint-date", true),
            ("visit-consent-date", &mut draft.consent, "hint-date", true),
            ("visit-enrollment-date", &mut draft.enrollment, "hint-not-yet-known", true),
            ("visit-investigator", &mut draft.investigator, "hint-name", false),
        ];
        let mut first = true;
        for (name, text, hint, is_date) in fields {
            let (name, hint) = (crate::i18n::text(name), crate::i18n::text(hint));
            let label = ui.label(&name);
            // The field is in the grid's last column, which has the width left; a date is
            // checked as it is typed, like the form's, its message on the field's line: a
            // message appearing moves nothing below.
            ui.horizontal(|ui| {
                let width = 200.0_f32.max(crate::ui::field_draft::hint_width(ui, &hint));
                let field = ui
                    .add(egui::TextEdit::singleline(text).desired_width(width).hint_text(&hint))
                    .labelled_by(label.id);
                // The cursor starts in the first field, once, when the view first shows.
                if first && !ui.ctx().data(|data| data.get_temp::<bool>(field.id).unwrap_or(false)) {
                    field.request_focus();
                    ui.ctx().data_mut(|data| data.insert_temp(field.id, true));
                }
                first = false;
                // Enter in a field starts the screening (checked as Start is).
                submitted |= field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                if let Parsed::Invalid(message) = parse_date(text)
                    && is_date
                {
                    ui.label(RichText::new("✖").color(error)).on_hover_text(&message);
                    typed_wrong.get_or_insert(format!("{name}: {message}"));
                }
            });
            ui.end_row();
        }
    });
    // One line, always there, for why the last start failed.
    // A date typed wrong is said there at once, before Start.
    let message = typed_wrong
        .or_else(|| draft.message.as_ref().map(|said| said.text()))
        .map_or(String::new(), |message| format!("✖ {message}"));
    ui.add(egui::Label::new(RichText::new(message).color(error)).truncate());
    ui.horizontal(|ui| ui.button(crate::i18n::text("start-screening")).clicked()).inner || submitted
}
