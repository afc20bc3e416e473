//! The eframe application: the [`AppState`] in a native window, with UI preferences
//! remembered through eframe's storage (never clinical data).

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::Utc;

use crate::app::workspace::Folders;
use crate::library::Library;
use crate::ui::app_state::AppState;
use crate::ui::preferences::{Preferences, STORAGE_KEY};
use crate::user_data::UserData;

/// The workstation as an eframe app.
pub struct WorkstationApp {
    /// Everything the window shows and edits.
    pub state: AppState,
    /// When the process started, while the first frame's time is still to be reported.
    started: Option<Instant>,
}

impl WorkstationApp {
    /// Builds the app in eframe's creation context with the remembered preferences, and
    /// offers recovery journals (the recent files are only known now). The state installs
    /// its fonts in its first frame.
    pub fn new(creation: &eframe::CreationContext<'_>, mut state: AppState) -> Self {
        if let Some(storage) = creation.storage {
            state.preferences = eframe::get_value::<Preferences>(storage, STORAGE_KEY).unwrap_or_default();
        }
        // The language chosen in View → Language, else the system's; the process's too, so the
        // session browser's background threads write the same words.
        let language = state.preferences.language.unwrap_or_else(crate::i18n::Language::from_env);
        crate::i18n::set_language(language);
        crate::i18n::set_thread_language(language);
        state.offer_recovery();
        Self { state, started: None }
    }

    /// Reports on standard error how long the first frame took from `started` (for the
    /// start-up figure in the README).
    pub fn report_first_frame(mut self, started: Instant) -> Self {
        self.started = Some(started);
        self
    }
}

/// Runs the workstation in a native window until it is closed, with `file` open if given.
/// Sessions and preferences go to the per-user data folder.
pub fn run(library: Library, started: Instant, report_startup: bool, file: Option<PathBuf>) -> eframe::Result {
    let user_data = UserData::from_env().unwrap_or_else(|_| UserData::at(Path::new("trialscreen-data")));
    let folders = Folders::of(&user_data);
    let options = eframe::NativeOptions {
        // The same root as the sessions, also where XDG_DATA_HOME is not the platform's way.
        persistence_path: Some(user_data.preferences()),
        viewport: egui::ViewportBuilder::default()
            .with_title("trialscreen")
            .with_app_id("trialscreen")
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([960.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "trialscreen",
        options,
        Box::new(move |creation| {
            let state = AppState::new(library, folders, Utc::now, Preferences::default());
            let mut app = WorkstationApp::new(creation, state);
            if let Some(file) = &file {
                app.state.open_path(file);
            }
            Ok(Box::new(if report_startup { app.report_first_frame(started) } else { app }))
        }),
    )
}

impl eframe::App for WorkstationApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.state.ui(ui);
        // A language chosen in the window becomes the process's (one atomic store).
        crate::i18n::set_language(crate::i18n::language());
        if let Some(started) = self.started.take() {
            eprintln!("trialscreen: first frame {:.1} ms after start", started.elapsed().as_secs_f64() * 1000.0);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state.preferences);
    }
}
