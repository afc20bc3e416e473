//! The workstation's state in one place: the protocol library, the open screening visit,
//! where files go, and the one path every edit takes ([`Workspace::apply`], which wraps
//! `audit::apply`). After each committed edit the screening is evaluated again (it takes
//! microseconds) and the recovery journal is scheduled; nothing is evaluated on a timer.
//! No egui here: panels borrow this and send edits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};

use crate::app::board_model::Board;
use crate::calculators::{AssessmentError, InstrumentReport, ScoreOptions};
use crate::engine::items_read::items_read;
use crate::engine::knowledge::ItemIdx;
use crate::files::FileHead;
use crate::files::lock::{FileLock, LockError};
use crate::library::Library;
use crate::model::dictionary::ItemKind;
use crate::model::values::Value;
use crate::screening::Screening;
use crate::session::audit::{self, Edit, EditError};
use crate::session::load::check_session;
use crate::session::model::{ProtocolRef, ReferenceDates, Session};
use crate::session::plain_text::{TextError, TextKind, check_text};
use crate::session::recovery::{self, RecoveryRecord};
use crate::session::store::{self, SaveError};
use crate::user_data::UserData;

/// How long after a committed edit the recovery journal is written.
pub const JOURNAL_DELAY: Duration = Duration::from_secs(1);

/// The clock edits are stamped with (a fixed one in tests).
pub type Clock = fn() -> DateTime<Utc>;

/// Where sessions and recovery journals go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folders {
    /// The default folder for session files (created on first save).
    pub sessions: PathBuf,
    /// Journals of sessions never saved.
    pub recovery: PathBuf,
}

impl Folders {
    /// `sessions/` and `recovery/` under a root folder.
    pub fn under(root: &Path) -> Self {
        Self::of(&UserData::at(root))
    }

    /// The folders of a per-user data folder (its layout is `UserData`'s).
    pub fn of(user_data: &UserData) -> Self {
        Self { sessions: user_data.sessions(), recovery: user_data.recovery() }
    }
}

/// Where an open document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Created in this window, never saved.
    New,
    /// Read from (or saved to) its file.
    File,
    /// A bundled example opened as a template: saving it asks for a new file.
    Example { file_name: String },
    /// Restored from a recovery journal.
    Recovered,
}

/// One form section: the items the selected protocols read, in dictionary order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormSection {
    pub id: String,
    pub label: String,
    pub items: Vec<ItemIdx>,
}

/// The open screening visit and what is derived from it.
#[derive(Debug)]
pub struct Document {
    pub session: Session,
    /// The file it was read from or saved to; `None` until saved.
    pub path: Option<PathBuf>,
    pub origin: Origin,
    /// Changed since it was opened or last saved.
    pub is_dirty: bool,
    /// Distinguishes this document's widget scratch state from a previous document's.
    pub generation: u64,
    /// Where its recovery journal goes.
    pub journal_path: PathBuf,
    /// When the journal is next due; `None` while nothing is unjournalled.
    pub journal_due: Option<Instant>,
    /// The evaluated criteria, rebuilt after every edit.
    pub board: Board,
    /// The form: sections of the items the selected protocols read.
    pub form: Vec<FormSection>,
    /// Running scores of the instruments on the form, by item id.
    pub scores: BTreeMap<String, Result<InstrumentReport, AssessmentError>>,
    /// The lock of `path`, held while the document is open so no other window or command
    /// writes the file meanwhile.
    pub lock: Option<FileLock>,
    /// The version of `path` this window read or last wrote; a save replaces the file only
    /// while it still holds it. `None` when that is not known (a recovered session whose
    /// file has a history of its own): saving over the file is then refused.
    pub head: Option<FileHead>,
}

/// What is needed to start a screening visit.
#[derive(Clone, Debug, PartialEq)]
pub struct NewScreening {
    pub participant_code: String,
    /// Protocol ids (their newest version) with the cohort for multi-cohort protocols.
    pub protocols: Vec<(String, Option<String>)>,
    pub dates: ReferenceDates,
    pub investigator: String,
}

/// Why a session file could not be opened; the file is left untouched.
#[derive(Debug, thiserror::Error)]
pub enum OpenProblem {
    #[error("{0}")]
    Unreadable(#[from] store::OpenError),
    #[error("{path}: {error}; the file was left as it is")]
    Inconsistent { path: PathBuf, error: crate::session::load::SessionError },
    #[error("{0}")]
    Locked(#[from] LockError),
}

/// How long the window waits for another program to let go of a session: a command that
/// is saving finishes in milliseconds; another window holds it until closed.
const WINDOW_LOCK_WAIT: Duration = Duration::from_millis(500);

/// Why a new screening cannot start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NewScreeningError {
    #[error("enter the participant code")]
    NoParticipantCode,
    #[error("enter the investigator's name: every change is recorded under it")]
    NoInvestigator,
    #[error("choose at least one protocol")]
    NoProtocol,
    #[error("choose the cohort for {0}")]
    NoCohort(String),
    #[error("protocol {0} is not loaded")]
    UnknownProtocol(String),
    #[error("{0}")]
    Text(#[from] TextError),
}

/// Why an edit was not applied; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    /// The audit trail refused it.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// A name, code, meaning or reason that could mislead.
    #[error(transparent)]
    Text(#[from] TextError),
    /// Signing a session whose pinned protocol changed.
    #[error("{0}")]
    SignRefused(String),
    /// The session lists a protocol more than once: it contradicts itself and is read-only.
    #[error(
        "the session lists a protocol more than once, so it contradicts itself and is read-only: save a copy with Save as… and correct the copy"
    )]
    ListsAProtocolTwice,
}

/// The texts an edit records, with their kinds, for checking at the boundary.
fn texts_of(edit: &Edit) -> Vec<(TextKind, &str)> {
    match edit {
        Edit::SetParticipantCode(code) => vec![(TextKind::ParticipantCode, code.as_str())],
        Edit::SetInvestigator(Some(name)) => vec![(TextKind::Name, name.as_str())],
        Edit::Decide(decision) => {
            vec![(TextKind::Name, decision.by.as_str()), (TextKind::Reason, decision.reason.as_str())]
        }
        Edit::Withdraw { reason, .. } | Edit::Amend { reason } => vec![(TextKind::Reason, reason.as_str())],
        Edit::Sign { by, meaning, .. } => vec![(TextKind::Name, by.as_str()), (TextKind::Meaning, meaning.as_str())],
        Edit::Attest { .. } | Edit::Rescreen { .. } => Vec::new(),
        Edit::SetValue { .. } | Edit::SetDates(_) | Edit::SetInvestigator(None) | Edit::SetProtocols(_) => Vec::new(),
    }
}

/// The workstation's state.
#[derive(Debug)]
pub struct Workspace {
    pub library: Library,
    pub folders: Folders,
    pub clock: Clock,
    pub document: Option<Document>,
    generations: u64,
}

impl Workspace {
    /// A workspace with no document open.
    pub fn new(library: Library, folders: Folders, clock: Clock) -> Self {
        Self { library, folders, clock, document: None, generations: 0 }
    }

    /// A decision on a criterion of the open session with the question it answers and the
    /// facts it rests on as they stand now.
    pub fn decision(
        &self,
        protocol: &str,
        criterion: &str,
        kind: crate::session::model::DecisionKind,
        reason: String,
        by: String,
    ) -> Option<crate::session::model::Decision> {
        let document = self.document.as_ref()?;
        let screening = Screening::evaluate(&self.library, &document.session, self.today());
        screening.decision_for(protocol, criterion, kind, reason, by, (self.clock)())
    }

    /// The edit that re-screens the open session under the newest loaded version of a
    /// protocol it lists, when a newer one is loaded.
    pub fn rescreen_edit(&self, protocol: &str) -> Option<Edit> {
        let document = self.document.as_ref()?;
        let screening = Screening::evaluate(&self.library, &document.session, self.today());
        screening.protocols.iter().find(|screened| screened.reference.id == protocol)?.rescreen_edit()
    }

    /// The edit that signs the open session, recording the verdicts as they stand.
    pub fn sign_edit(&self, by: String, meaning: String) -> Option<Edit> {
        let document = self.document.as_ref()?;
        let screening = Screening::evaluate(&self.library, &document.session, self.today());
        Some(Edit::Sign { by, meaning, verdicts: screening.verdicts() })
    }

    /// Today by the workspace's clock (UTC).
    pub fn today(&self) -> NaiveDate {
        (self.clock)().date_naive()
    }

    /// Starts a new screening visit.
    pub fn new_screening(&mut self, new: NewScreening) -> Result<(), NewScreeningError> {
        let NewScreening { participant_code, protocols, dates, investigator } = new;
        let participant_code = participant_code.trim().to_owned();
        let investigator = investigator.trim().to_owned();
        if participant_code.is_empty() {
            return Err(NewScreeningError::NoParticipantCode);
        }
        if investigator.is_empty() {
            return Err(NewScreeningError::NoInvestigator);
        }
        check_text(TextKind::ParticipantCode, &participant_code)?;
        check_text(TextKind::Name, &investigator)?;
        if protocols.is_empty() {
            return Err(NewScreeningError::NoProtocol);
        }
        let mut references = Vec::with_capacity(protocols.len());
        for (id, cohort) in protocols {
            let loaded = self.library.latest(&id).ok_or_else(|| NewScreeningError::UnknownProtocol(id.clone()))?;
            let has_cohorts = !loaded.compiled.protocol.cohorts.is_empty();
            if has_cohorts && cohort.is_none() {
                return Err(NewScreeningError::NoCohort(loaded.compiled.protocol.title.clone()));
            }
            references.push(self.protocol_ref(&id, if has_cohorts { cohort } else { None })?);
        }
        let session = Session::new(
            participant_code,
            references,
            dates,
            Some(investigator.clone()),
            &investigator,
            (self.clock)(),
        );
        self.set_document(session, None, Origin::New, true);
        Ok(())
    }

    /// A reference to the newest version of a protocol.
    pub fn protocol_ref(&self, id: &str, cohort: Option<String>) -> Result<ProtocolRef, NewScreeningError> {
        let loaded = self.library.latest(id).ok_or_else(|| NewScreeningError::UnknownProtocol(id.to_owned()))?;
        Ok(ProtocolRef {
            id: id.to_owned(),
            version: loaded.compiled.protocol.version,
            sha256: Some(loaded.sha256.clone()),
            cohort,
        })
    }

    /// Opens a session file. A file that does not parse or does not fit the library is
    /// reported (with line and column) and left untouched; the open document stays.
    /// The document holds the file's lock from here until it is closed; temporaries a
    /// crashed save left beside it are removed and returned, for the window to say so.
    pub fn open_path(&mut self, path: &Path) -> Result<Vec<PathBuf>, OpenProblem> {
        store::require_file(path)?;
        let lock = store::lock(path, WINDOW_LOCK_WAIT)?;
        let removed = crate::files::atomic_write::remove_stale_temporaries(lock.target());
        let store::Opened { session, text, head } = store::open_with_head(path)?;
        check_session(&session, &text, &self.library)
            .map_err(|error| OpenProblem::Inconsistent { path: path.to_owned(), error })?;
        self.set_document(session, Some(path.to_owned()), Origin::File, false);
        if let Some(document) = &mut self.document {
            document.lock = Some(lock);
            document.head = Some(head);
        }
        Ok(removed)
    }

    /// Opens a bundled example as a template.
    pub fn open_example(&mut self, file_name: &str, text: &str) -> Result<(), crate::session::load::SessionError> {
        let session = crate::session::load::parse_session(text)?;
        check_session(&session, text, &self.library)?;
        self.set_document(session, None, Origin::Example { file_name: file_name.to_owned() }, false);
        Ok(())
    }

    /// Opens a session restored from its recovery journal (unsaved until saved). Its file
    /// is locked; saving over it is allowed only if the file's history is the start of the
    /// recovered one (nothing else changed it since), else only Save as….
    pub fn open_recovered(&mut self, found: &recovery::Found) -> Result<(), OpenProblem> {
        let session = found.record.session.clone();
        let text = ron::to_string(&session).unwrap_or_default();
        let path = found.record.session_file.clone();
        check_session(&session, &text, &self.library)
            .map_err(|error| OpenProblem::Inconsistent { path: found.path.clone(), error })?;
        let (lock, head) = match &path {
            Some(file) => {
                let lock = store::lock(file, WINDOW_LOCK_WAIT)?;
                let head = match store::open_with_head(file) {
                    Ok(saved) if session.audit.starts_with(&saved.session.audit) => Some(saved.head),
                    Err(store::OpenError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
                        Some(FileHead::Absent)
                    }
                    _ => None,
                };
                (Some(lock), head)
            }
            None => (None, None),
        };
        self.set_document(session, path, Origin::Recovered, true);
        if let Some(document) = &mut self.document {
            // Keep writing the same journal until the session is saved.
            document.journal_path = found.path.clone();
            document.lock = lock;
            document.head = head;
        }
        Ok(())
    }

    /// Closes the open document (the caller has asked about unsaved changes).
    pub fn close(&mut self) {
        self.document = None;
    }

    fn set_document(&mut self, session: Session, path: Option<PathBuf>, origin: Origin, is_dirty: bool) {
        self.generations += 1;
        let draft_id = format!("draft-{}-{}", (self.clock)().format("%Y%m%dT%H%M%S"), self.generations);
        let journal_path = recovery::recovery_path(path.as_deref(), &self.folders.recovery, &draft_id);
        let mut document = Document {
            session,
            path,
            origin,
            is_dirty,
            generation: self.generations,
            journal_path,
            journal_due: None,
            board: Board::default(),
            form: Vec::new(),
            scores: BTreeMap::new(),
            lock: None,
            head: None,
        };
        document.refresh(&self.library, (self.clock)().date_naive());
        self.document = Some(document);
    }

    /// The name edits are recorded under: the session's investigator. Naming the
    /// investigator of a session that has none is recorded under the new name.
    fn actor(document: &Document, edit: &Edit) -> Option<String> {
        match (&document.session.investigator, edit) {
            (Some(name), _) if !name.trim().is_empty() => Some(name.clone()),
            (_, Edit::SetInvestigator(Some(name))) => Some(name.clone()),
            _ => None,
        }
    }

    /// Applies one edit through the audit trail, then evaluates again and schedules the
    /// recovery journal. An edit that changes nothing records nothing.
    /// Names, codes, meanings and reasons that could mislead are refused here, and so is
    /// signing a session whose pinned protocol changed.
    pub fn apply(&mut self, edit: Edit) -> Result<(), ApplyError> {
        let Some(document) = &mut self.document else { return Ok(()) };
        if document.board.lists_a_protocol_twice {
            return Err(ApplyError::ListsAProtocolTwice);
        }
        for (kind, text) in texts_of(&edit) {
            // An empty reason or signer is the audit trail's to refuse, with its own words;
            // an empty meaning only this boundary refuses.
            if kind == TextKind::Meaning || !text.trim().is_empty() {
                check_text(kind, text)?;
            }
        }
        if matches!(edit, Edit::Sign { .. })
            && let Some(refusal) = crate::screening::sign_refusal(&self.library, &document.session)
        {
            return Err(ApplyError::SignRefused(refusal));
        }
        let actor = Self::actor(document, &edit).ok_or(EditError::ActorRequired)?;
        let entries = document.session.audit.len();
        audit::apply(&mut document.session, edit, &actor, (self.clock)())?;
        if document.session.audit.len() != entries {
            document.is_dirty = true;
            document.journal_due.get_or_insert_with(|| Instant::now() + JOURNAL_DELAY);
            document.refresh(&self.library, (self.clock)().date_naive());
        }
        Ok(())
    }

    /// Saves the document to `path` atomically; on success the journal is removed. The
    /// folder is created when missing (the default folder on first save). Saving to the
    /// document's own file replaces it only if it still holds the version this window read
    /// or wrote; another file is locked and must not exist yet. On any refusal the
    /// document stays open and dirty, its journal keeps the work.
    pub fn save_to(&mut self, path: &Path) -> Result<SaveOutcome, SaveError> {
        let Some(document) = &mut self.document else { return Ok(SaveOutcome::default()) };
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|error| SaveError::Io { path: folder.to_owned(), error })?;
        }
        let own_file = document.path.as_deref() == Some(path) && document.lock.is_some();
        let new_lock = if own_file { None } else { Some(store::lock(path, WINDOW_LOCK_WAIT)?) };
        let expected = match (own_file, &document.head) {
            (true, Some(head)) => head.clone(),
            (true, None) => {
                return Err(crate::files::atomic_write::WriteError::Changed { path: path.to_owned() }.into());
            }
            (false, _) => FileHead::Absent,
        };
        let head = store::save(&document.session, path, &expected)?;
        document.head = Some(head);
        if let Some(lock) = new_lock {
            // The previous file (if any) is let go; this one is held from now on.
            document.lock = Some(lock);
        }
        let old_journal = document.journal_path.clone();
        document.path = Some(path.to_owned());
        document.origin = Origin::File;
        document.is_dirty = false;
        document.journal_due = None;
        document.journal_path = recovery::recovery_path(Some(path), &self.folders.recovery, "");
        let mut outcome = SaveOutcome::default();
        for journal in [old_journal, document.journal_path.clone()] {
            if let Err(error) = recovery::discard(&journal) {
                outcome.journal_left = Some(format!("{}: {error}", journal.display()));
            }
        }
        Ok(outcome)
    }

    /// How long until the journal is due, if one is pending.
    pub fn journal_wait(&self, now: Instant) -> Option<Duration> {
        let due = self.document.as_ref()?.journal_due?;
        Some(due.saturating_duration_since(now))
    }

    /// Writes the recovery journal if it is due. `None` when nothing was due.
    pub fn write_journal_if_due(&mut self, now: Instant) -> Option<Result<PathBuf, SaveError>> {
        let document = self.document.as_mut()?;
        if document.journal_due.is_none_or(|due| due > now) {
            return None;
        }
        document.journal_due = None;
        Some(self.write_journal())
    }

    /// Writes the recovery journal now.
    pub fn write_journal(&mut self) -> Result<PathBuf, SaveError> {
        let Some(document) = &self.document else { return Ok(PathBuf::new()) };
        if let Some(folder) = document.journal_path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| SaveError::Io { path: folder.to_owned(), error })?;
        }
        let record = RecoveryRecord {
            session_file: document.path.clone(),
            written_at: (self.clock)(),
            session: document.session.clone(),
        };
        recovery::write(&document.journal_path, &record)?;
        Ok(document.journal_path.clone())
    }

    /// Discards the open document's journal (when its changes are thrown away).
    pub fn discard_journal(&self) -> std::io::Result<()> {
        match &self.document {
            Some(document) => recovery::discard(&document.journal_path),
            None => Ok(()),
        }
    }

    /// The file name a new session is offered under: `<participant code>-<screening date>.ron`.
    pub fn suggested_file_name(&self) -> String {
        let Some(document) = &self.document else { return "session.ron".to_owned() };
        let code: String = document
            .session
            .participant_code
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
            .collect();
        format!("{code}-{}.ron", document.session.dates.screening)
    }
}

/// What a save left for the user to know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveOutcome {
    /// A recovery journal that could not be removed (the session itself is saved).
    pub journal_left: Option<String>,
}

impl Document {
    /// Evaluates the screening again and rebuilds the board, form and scores.
    pub fn refresh(&mut self, library: &Library, today: NaiveDate) {
        let screening = Screening::evaluate(library, &self.session, today);
        self.board = Board::of(&screening);
        self.form = form_sections(library, &self.session);
        self.scores = self
            .form
            .iter()
            .flat_map(|section| &section.items)
            .filter_map(|idx| {
                let item = library.knowledge.item(*idx)?;
                let ItemKind::Instrument(instrument) = item.kind else { return None };
                let answers = match self.session.values.get(&item.id).map(|e| &e.value) {
                    Some(Value::Instrument(assessment)) => assessment.answers.clone(),
                    _ => Default::default(),
                };
                Some((item.id.clone(), instrument.evaluate(&answers, &ScoreOptions::default())))
            })
            .collect();
    }

    /// Whether the session can be changed only by amending it (signed) or not at all (it
    /// lists a protocol twice): the form and the board's buttons are then disabled.
    pub fn is_read_only(&self) -> bool {
        self.session.is_signed() || self.board.lists_a_protocol_twice
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        match (&self.path, &self.origin) {
            (Some(path), _) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            (None, Origin::Example { file_name }) => format!("{file_name} (example)"),
            (None, _) => format!("{} (not saved)", self.session.participant_code),
        }
    }
}

/// The items the session's protocols read, by section in dictionary order.
fn form_sections(library: &Library, session: &Session) -> Vec<FormSection> {
    let mut items = std::collections::BTreeSet::new();
    for reference in &session.protocols {
        if let Some(loaded) = library.get(&reference.id, reference.version) {
            items.extend(items_read(&loaded.compiled, &library.knowledge));
        }
    }
    let dictionary = &library.knowledge.dictionary;
    dictionary
        .sections
        .iter()
        .filter_map(|section| {
            let in_section: Vec<ItemIdx> = items
                .iter()
                .copied()
                .filter(|idx| library.knowledge.item(*idx).is_some_and(|item| item.section == section.id))
                .collect();
            (!in_section.is_empty()).then(|| FormSection {
                id: section.id.clone(),
                label: section.label.clone(),
                items: in_section,
            })
        })
        .collect()
}
