//! The workstation's state in one place: the protocol library, the open screening visit,
//! where files go, and the one path every edit takes ([`Workspace::apply`], which wraps
//! `audit::apply`). After each committed edit the screening is evaluated again (it takes
//! microseconds) and the recovery journal is scheduled; nothing is evaluated on a timer.
//! No egui here: panels borrow this and send edits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};

use crate::calculators::{AssessmentError, InstrumentReport, ScoreOptions};
use crate::engine::items_read::items_read;
use crate::engine::knowledge::ItemIdx;
use crate::files::FileHead;
use crate::files::lock::{FileLock, LockError};
use crate::i18n;
use crate::library::Library;
use crate::model::dictionary::ItemKind;
use crate::model::values::Value;
use crate::records::identity::{IdentityError, IdentityStore, KdfParams, SignerIdentity, UnlockedIdentity};
use crate::records::ledger::Ledger;
use crate::records::session_id::SessionId;
use crate::records::signer_name::SignerName;
use crate::report::screening_view::ScreeningView;
use crate::screening::Screening;
use crate::session::audit::{self, Edit, EditError};
use crate::session::e_signing::{self, SigningError};
use crate::session::integrity::{self, Class, Finding, RosterView, Unsealed};
use crate::session::model::{ProtocolRef, ReferenceDates, Session};
use crate::session::plain_text::{TextError, TextKind, check_text};
use crate::session::recovery::{self, RecoveryRecord};
use crate::session::sealing::{self, Sealer};
use crate::session::sign_meaning::{SignOff, SignatureMeaning, meanings_for};
use crate::session::store::{self, SaveError};
use crate::session_check::check_session;
use crate::user_data::UserData;

/// How long after a committed edit the recovery journal is written.
pub const JOURNAL_DELAY: Duration = Duration::from_secs(1);

/// The clock edits are stamped with (a fixed one in tests).
pub type Clock = fn() -> DateTime<Utc>;

/// Where sessions and recovery journals go, and this installation's records (the key that
/// seals saves, the witness ledger, signing identities).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folders {
    /// The default folder for session files (created on first save).
    pub sessions: PathBuf,
    /// Journals of sessions never saved.
    pub recovery: PathBuf,
    /// The per-user data folder, for the installation key, the ledger and the identities.
    pub user_data: UserData,
}

impl Folders {
    /// `sessions/` and `recovery/` under a root folder (and the records beside them).
    pub fn under(root: &Path) -> Self {
        Self::of(&UserData::at(root))
    }

    /// The folders of a per-user data folder (its layout is `UserData`'s).
    pub fn of(user_data: &UserData) -> Self {
        Self { sessions: user_data.sessions(), recovery: user_data.recovery(), user_data: user_data.clone() }
    }
}

/// Where an open document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentOrigin {
    /// Created in this window, never saved.
    New,
    /// Read from (or saved to) its file.
    File,
    /// A bundled example opened as a template: saving it asks for a new file.
    Example {
        /// The example's file name.
        file_name: String,
    },
    /// Restored from a recovery journal.
    Recovered,
}

/// One form section: the items the selected protocols read, in dictionary order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormSection {
    /// The section's id.
    pub id: String,
    /// The section's heading on the form.
    pub label: String,
    /// The items of the section the selected protocols read.
    pub items: Vec<ItemIdx>,
}

/// The open screening visit and what is derived from it. Its fields are private: the
/// session changes only through [`Workspace::apply`] (and the saves, signing and amending
/// built on it), so an edit that bypasses the audit trail does not compile, while reading
/// does:
///
/// ```
/// fn read(document: &trialscreen::app::workspace::Document) -> (usize, bool) {
///     (document.session().values.len(), document.is_dirty())
/// }
/// ```
///
/// ```compile_fail
/// fn bypass(document: &mut trialscreen::app::workspace::Document) {
///     document.session.participant_code.clear();
/// }
/// ```
/// ```compile_fail
/// fn mark_saved(document: &mut trialscreen::app::workspace::Document) {
///     document.is_dirty = false;
/// }
/// ```
#[derive(Debug)]
pub struct Document {
    session: Session,
    /// The file it was read from or saved to; `None` until saved.
    path: Option<PathBuf>,
    origin: DocumentOrigin,
    /// Changed since it was opened or last saved.
    is_dirty: bool,
    /// Distinguishes this document's widget scratch state from a previous document's.
    generation: u64,
    /// Where its recovery journal goes.
    journal_path: PathBuf,
    /// When the journal is next due; `None` while nothing is unjournalled.
    journal_due: Option<Instant>,
    /// What the evaluation gives the window, rebuilt after every edit.
    derived: Derived,
    /// The form: sections of the items the selected protocols read.
    form: Vec<FormSection>,
    /// Running scores of the instruments on the form, by item id.
    scores: BTreeMap<String, Result<InstrumentReport, AssessmentError>>,
    /// The lock of `path`, held while the document is open so no other window or command
    /// writes the file meanwhile.
    lock: Option<FileLock>,
    /// The version of `path` this window read or last wrote; a save replaces the file only
    /// while it still holds it. `None` when that is not known (a recovered session whose
    /// file has a history of its own): saving over the file is then refused.
    head: Option<FileHead>,
    /// Why the file as opened is not trusted (its trail or seal does not hold, or this
    /// computer saved a later version of it): it is then read-only, so that saving cannot
    /// seal what was cut or rewound.
    questioned: Option<String>,
    /// The file as opened had no seal (a legacy file or a template): saving seals it, and
    /// it is signed only once saved.
    unsealed: Option<Unsealed>,
}

/// What is needed to start a screening visit.
#[derive(Clone, Debug, PartialEq)]
pub struct NewScreening {
    /// The pseudonymous participant code; required.
    pub participant_code: String,
    /// Protocol ids (their newest version) with the cohort for multi-cohort protocols.
    pub protocols: Vec<(String, Option<String>)>,
    /// The visit's reference dates.
    pub dates: ReferenceDates,
    /// The investigator's name, under which every change is recorded; required.
    pub investigator: String,
}

/// Why a session file could not be opened; the file is left untouched.
#[derive(Debug, thiserror::Error)]
pub enum OpenProblem {
    /// The file could not be read, or is not a session this build can use.
    #[error("{0}")]
    Unreadable(#[from] store::OpenError),
    /// The file reads, but its content does not agree with the library (an unknown item, protocol
    /// or cohort).
    #[error("{}", crate::i18n::text_with("error-open-inconsistent", &[("path", path.display().to_string()), ("error", error.to_string())]))]
    Inconsistent {
        /// The file's path.
        path: PathBuf,
        /// What does not agree, with its line and column.
        error: crate::session::load::SessionError,
    },
    /// Another window or command holds the file's lock.
    #[error("{0}")]
    Locked(#[from] LockError),
}

/// What the window should tell after opening a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenNotes {
    /// Temporaries an interrupted save left beside the file, now removed.
    pub removed: Vec<PathBuf>,
    /// What the seal and this computer's ledger say against the file (it is read-only).
    pub questioned: Option<String>,
    /// Said for the reader: a legacy file without a seal, a ledger that could not be read.
    pub notes: Vec<String>,
}

/// How long the window waits for another program to let go of a session: a command that
/// is saving finishes in milliseconds; another window holds it until closed.
const WINDOW_LOCK_WAIT: Duration = Duration::from_millis(500);

/// Why a new screening cannot start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NewScreeningError {
    /// No participant code was entered.
    #[error("{}", crate::i18n::text("error-new-no-participant"))]
    NoParticipantCode,
    /// No investigator was named.
    #[error("{}", crate::i18n::text("error-new-no-investigator"))]
    NoInvestigator,
    /// No protocol was chosen.
    #[error("{}", crate::i18n::text("error-new-no-protocol"))]
    NoProtocol,
    /// A multi-cohort protocol has no cohort chosen; the protocol's id.
    #[error("{}", crate::i18n::text_with("error-new-no-cohort", &[("protocol", .0.clone())]))]
    NoCohort(String),
    /// No session id could be made (the system's random source failed); why.
    #[error("{0}")]
    Randomness(String),
    /// A chosen protocol is not in the library; its id.
    #[error("{}", crate::i18n::text_with("error-new-unknown-protocol", &[("protocol", .0.clone())]))]
    UnknownProtocol(String),
    /// The participant code or the investigator's name holds a character that could show
    /// other text than is stored.
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
    #[error("{}", crate::i18n::text("error-lists-a-protocol-twice"))]
    ListsAProtocolTwice,
    /// The file as opened is not trusted; it is read-only.
    #[error("{}", crate::i18n::text_with("error-open-read-only", &[("why", .0.clone())]))]
    ReadOnly(String),
}

/// Why signing, amending or creating a signing identity did nothing.
#[derive(Debug, thiserror::Error)]
pub enum SigningProblem {
    /// The session cannot be signed or amended as it stands.
    #[error("{0}")]
    Refused(String),
    /// A name, meaning or reason that could mislead.
    #[error(transparent)]
    Text(#[from] TextError),
    /// No identity, a wrong passphrase, a damaged identity file.
    #[error(transparent)]
    Identity(#[from] IdentityError),
    /// The trail refused it.
    #[error(transparent)]
    Signing(#[from] SigningError),
    /// The save failed, so nothing was signed.
    #[error("{}", crate::i18n::text_with("error-sign-not-saved", &[("error", .0.to_string())]))]
    Save(#[from] SaveError),
    /// The two passphrases typed differ.
    #[error("{}", crate::i18n::text("error-passphrases-differ"))]
    PassphrasesDiffer,
}

/// The texts an edit records, with their kinds, for checking at the boundary.
fn texts_of(edit: &Edit) -> Vec<(TextKind, &str)> {
    match edit {
        Edit::SetParticipantCode(code) => vec![(TextKind::ParticipantCode, code.as_str())],
        Edit::SetInvestigator(Some(name)) => vec![(TextKind::Name, name.as_str())],
        Edit::Decide(decision) => {
            vec![(TextKind::Name, decision.by.as_str()), (TextKind::Reason, decision.reason.as_str())]
        }
        Edit::Withdraw { reason, .. } | Edit::Amend { reason, .. } => vec![(TextKind::Reason, reason.as_str())],
        Edit::Sign { by, meaning, .. } => vec![(TextKind::Name, by.as_str()), (TextKind::Meaning, meaning.as_str())],
        Edit::Attest { .. } | Edit::Rescreen { .. } => Vec::new(),
        Edit::SetValue { .. } | Edit::SetDates(_) | Edit::SetInvestigator(None) | Edit::SetProtocols(_) => Vec::new(),
    }
}

/// The workstation's state. The open document is read through [`Workspace::document`];
/// nothing outside the workspace can replace, take or change it:
///
/// ```compile_fail
/// fn bypass(workspace: &mut trialscreen::app::workspace::Workspace) {
///     let _ = workspace.document.take();
/// }
/// ```
#[derive(Debug)]
pub struct Workspace {
    /// The bundled and site protocols, dictionary and drug catalogue.
    pub library: Library,
    /// Where sessions, recovery journals and per-user data are kept.
    pub folders: Folders,
    /// The clock every audit entry is timed by (tests fix it).
    pub clock: Clock,
    /// The open screening visit, if any.
    document: Option<Document>,
    /// The Argon2id cost of identities created in the window ([`KdfParams::PRODUCTION`];
    /// tests make it cheap).
    pub signing_kdf: KdfParams,
    generations: u64,
}

impl Workspace {
    /// The open screening visit, if any: read-only here; it changes only through the
    /// workspace's operations, every one of them through `audit::apply`.
    pub fn document(&self) -> Option<&Document> {
        self.document.as_ref()
    }

    /// A workspace with no document open.
    pub fn new(library: Library, folders: Folders, clock: Clock) -> Self {
        Self { library, folders, clock, document: None, signing_kdf: KdfParams::PRODUCTION, generations: 0 }
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

    /// Today by the workspace's clock (UTC).
    pub fn today(&self) -> NaiveDate {
        (self.clock)().date_naive()
    }

    /// Builds the open screening's board again: after the language changed, its words are
    /// the new language's. The session is not touched.
    pub fn refresh_words(&mut self) {
        let today = self.today();
        if let Some(document) = self.document.as_mut() {
            document.refresh(&self.library, today);
        }
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
                return Err(NewScreeningError::NoCohort(loaded.title().to_owned()));
            }
            references.push(self.protocol_ref(&id, if has_cohorts { cohort } else { None })?);
        }
        let mut session = Session::new(
            participant_code,
            references,
            dates,
            Some(investigator.clone()),
            &investigator,
            (self.clock)(),
        );
        session.session_id =
            Some(SessionId::random().map_err(|error| NewScreeningError::Randomness(error.to_string()))?);
        self.set_document(session, None, DocumentOrigin::New, true);
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
            vocabulary: Some(loaded.vocabulary_sha256.clone()),
        })
    }

    /// Opens a session file. A file that does not parse or does not fit the library is
    /// reported (with line and column) and left untouched; the open document stays.
    /// The document holds the file's lock from here until it is closed; temporaries a
    /// crashed save left beside it are removed and returned, for the window to say so.
    /// Compares the file with its seal and this computer's ledger: a file whose trail or
    /// seal does not hold, or that is older than or rewritten from what was saved here, is
    /// opened read-only with the reason.
    pub fn open_path(&mut self, path: &Path) -> Result<OpenNotes, OpenProblem> {
        store::require_file(path)?;
        let lock = store::lock(path, WINDOW_LOCK_WAIT)?;
        let removed = crate::files::atomic_write::remove_stale_temporaries(lock.target());
        let store::Opened { session, text, head } = store::open_with_head(path)?;
        check_session(&session, &text, &self.library)
            .map_err(|error| OpenProblem::Inconsistent { path: path.to_owned(), error })?;
        let mut notes = self.integrity_notes(&session, &text);
        notes.removed = removed;
        let unsealed = integrity::unsealed(&session, &text);
        self.set_document(session, Some(path.to_owned()), DocumentOrigin::File, false);
        if let Some(document) = &mut self.document {
            document.lock = Some(lock);
            document.head = Some(head);
            document.questioned.clone_from(&notes.questioned);
            document.unsealed = unsealed;
        }
        Ok(notes)
    }

    /// What the trail, the seal and this computer's ledger say against a file, and notes
    /// for the reader.
    fn integrity_notes(&self, session: &Session, text: &str) -> OpenNotes {
        let mut notes = OpenNotes::default();
        let ledger = Ledger::at(self.folders.user_data.ledger());
        let witness = integrity::witness(&ledger, session).map_err(|error| error.to_string());
        let findings = integrity::check(session, text, RosterView::Missing, witness.as_ref().map_err(String::as_str));
        let mut against: Vec<String> = audit::verify(session)
            .problems
            .iter()
            .map(|problem| i18n::text_with("integrity-trail-does-not-verify", &[("problem", problem.to_string())]))
            .collect();
        for finding in &findings {
            match finding {
                // A signed file of this format is always sealed: without its seal, it was
                // removed, and saving here would vouch for whatever was cut with it.
                Finding::Unsealed(Unsealed::Current) if session.is_signed() => against.push(finding.to_string()),
                // Otherwise the file may be a legacy file, a template, or one whose seal was
                // removed: nothing here tells them apart (the ledger does, for a session saved
                // on this computer). Saving it seals what it holds now.
                Finding::Unsealed(_) => {
                    notes
                        .notes
                        .push(i18n::text_with("integrity-unsealed-saving-seals", &[("finding", finding.to_string())]));
                }
                Finding::LedgerProblem(_) => notes.notes.push(finding.to_string()),
                _ if matches!(finding.class(), Class::Altered | Class::RolledBack) => {
                    against.push(finding.to_string());
                }
                _ => {}
            }
        }
        if !against.is_empty() {
            notes.questioned = Some(against.join(&i18n::text("explain-separator")));
        }
        notes
    }

    /// Opens a bundled example as a template.
    pub fn open_example(&mut self, file_name: &str, text: &str) -> Result<(), crate::session::load::SessionError> {
        let session = crate::session::load::parse_session(text)?;
        check_session(&session, text, &self.library)?;
        self.set_document(session, None, DocumentOrigin::Example { file_name: file_name.to_owned() }, false);
        if let Some(document) = &mut self.document {
            document.unsealed = Some(Unsealed::Template { name: file_name.to_owned() });
        }
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
        self.set_document(session, path, DocumentOrigin::Recovered, true);
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

    fn set_document(&mut self, session: Session, path: Option<PathBuf>, origin: DocumentOrigin, is_dirty: bool) {
        self.generations += 1;
        let draft_id = format!("draft-{}-{}", (self.clock)().format("%Y%m%dT%H%M%S"), self.generations);
        let journal_path = recovery::recovery_path(path.as_deref(), &self.folders.recovery, &draft_id);
        let today = (self.clock)().date_naive();
        let derived = Derived::of(&Screening::evaluate(&self.library, &session, today), &self.library.knowledge);
        let mut document = Document {
            session,
            path,
            origin,
            is_dirty,
            generation: self.generations,
            journal_path,
            journal_due: None,
            derived,
            form: Vec::new(),
            scores: BTreeMap::new(),
            lock: None,
            head: None,
            questioned: None,
            unsealed: None,
        };
        document.refresh_form(&self.library);
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
        if document.derived.board.lists_a_protocol_twice {
            return Err(ApplyError::ListsAProtocolTwice);
        }
        if let Some(why) = &document.questioned {
            return Err(ApplyError::ReadOnly(why.clone()));
        }
        for (kind, text) in texts_of(&edit) {
            // An empty reason or signer is the audit trail's to refuse, with its own words;
            // an empty meaning only this boundary refuses.
            if kind == TextKind::Meaning || !text.trim().is_empty() {
                check_text(kind, text)?;
            }
        }
        // A signature or an amendment is saved at once, through `sign` and `amend`.
        if matches!(edit, Edit::Sign { .. } | Edit::Amend { .. }) {
            return Err(ApplyError::SignRefused(crate::i18n::text("error-sign-through-dialogs")));
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

    /// Saves the document to `path` atomically, sealed and recorded in this computer's
    /// ledger; on success the journal is removed. A session of an older format is migrated
    /// first (and a template gets its session id). The folder is created when missing (the
    /// default folder on first save). Saving to the document's own file replaces it only if
    /// it still holds the version this window read or wrote; another file is locked and
    /// must not exist yet. A file opened read-only because it is not trusted is not saved.
    /// On any refusal the document stays open and dirty, as it was, its journal keeps the
    /// work.
    pub fn save_to(&mut self, path: &Path) -> Result<SaveOutcome, SaveError> {
        let now = (self.clock)();
        let Some(document) = &mut self.document else { return Ok(SaveOutcome::default()) };
        if let Some(why) = &document.questioned {
            return Err(SaveError::NotSealable(crate::i18n::text_with(
                "error-not-trusted",
                &[("why", why.to_string())],
            )));
        }
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
        let sealer = Sealer::of(&self.folders.user_data)?;
        let before = document.session.clone();
        let actor = document.session.investigator.clone().unwrap_or_else(|| "trialscreen".to_owned());
        let saved = sealing::prepare(&mut document.session, &actor, now)
            .and_then(|()| store::save(&mut document.session, path, &expected, &sealer));
        let saved = match saved {
            Ok(saved) => saved,
            Err(error) => {
                // A migration recorded for this save is undone with it.
                document.session = before;
                return Err(error);
            }
        };
        document.head = Some(saved.head);
        document.unsealed = None;
        if let Some(lock) = new_lock {
            // The previous file (if any) is let go; this one is held from now on.
            document.lock = Some(lock);
        }
        let old_journal = document.journal_path.clone();
        document.path = Some(path.to_owned());
        document.origin = DocumentOrigin::File;
        document.is_dirty = false;
        document.journal_due = None;
        document.journal_path = recovery::recovery_path(Some(path), &self.folders.recovery, "");
        let mut outcome = SaveOutcome { ledger_problem: saved.ledger_problem, ..SaveOutcome::default() };
        for journal in [old_journal, document.journal_path.clone()] {
            if let Err(error) = recovery::discard(&journal) {
                outcome.journal_left = Some(format!("{}: {error}", journal.display()));
            }
        }
        document.refresh(&self.library, now.date_naive());
        Ok(outcome)
    }

    /// Why the open session cannot be signed (or amended, `amending`) as it stands, or
    /// `None`: it must have been saved to its own file, be trusted as opened, have a seal
    /// (once saved here it has), and, to be signed, be screened under the protocol content
    /// it pinned.
    pub fn signing_refusal(&self, amending: bool) -> Option<String> {
        use crate::i18n::{text, text_with};
        let Some(document) = &self.document else { return Some(text("print-no-session")) };
        if let Some(why) = &document.questioned {
            return Some(text_with("refusal-read-only", &[("why", why.clone())]));
        }
        match (&document.path, &document.origin) {
            (Some(_), DocumentOrigin::File) => {}
            (_, DocumentOrigin::Recovered) => return Some(text("refusal-save-restored")),
            _ => return Some(text("refusal-save-to-file")),
        }
        match &document.unsealed {
            // A legacy file, written before seals, is amended (and so sealed); a file of this
            // format without a seal had it removed, or is a template.
            Some(Unsealed::Legacy { .. }) if amending => {}
            Some(Unsealed::Legacy { format }) => {
                return Some(text_with("refusal-unsealed-legacy", &[("format", format.to_string())]));
            }
            Some(Unsealed::Template { .. } | Unsealed::Current) => return Some(text("refusal-unsealed")),
            None => {}
        }
        if amending {
            return None;
        }
        crate::screening::sign_refusal(&self.library, &document.session)
    }

    /// What the sign dialog offers for the open session: the statements that fit its
    /// verdicts (the most specific first) and each criterion not yet decided, which a
    /// sign-off must acknowledge.
    pub fn sign_off_choices(&self) -> (&[SignatureMeaning], &[String]) {
        match &self.document {
            Some(document) => (&document.derived.meanings, &document.derived.undecided),
            None => (&[], &[]),
        }
    }

    /// Signs the open session with the signing identity of `by` on this computer, unlocked
    /// with `passphrase`, and saves it at once through the same path as Save. If the save
    /// fails the session is as it was: nothing is signed that is not on disk.
    pub fn sign(&mut self, by: &str, sign_off: &SignOff, passphrase: &str) -> Result<SaveOutcome, SigningProblem> {
        check_text(TextKind::Name, by)?;
        check_text(TextKind::Meaning, &sign_off.recorded_text())?;
        if let Some(refusal) = self.signing_refusal(false) {
            return Err(SigningProblem::Refused(refusal));
        }
        let identity = self.unlock(by, passphrase)?;
        let now = (self.clock)();
        let today = self.today();
        let Some(document) = &mut self.document else {
            return Err(SigningProblem::Refused(crate::i18n::text("error-no-session-open")));
        };
        let screening = Screening::evaluate(&self.library, &document.session, today);
        if let Some(refusal) = screening.acknowledgement_refusal(sign_off) {
            return Err(SigningProblem::Refused(refusal));
        }
        let verdicts = screening.verdicts();
        let actor = document.session.investigator.clone().unwrap_or_else(|| by.to_owned());
        let before = (document.session.clone(), document.is_dirty);
        e_signing::sign(&mut document.session, &identity, sign_off, verdicts, &actor, now)?;
        self.save_signed(before)
    }

    /// Reopens the open signed session for an amendment, signed by the amending person's
    /// identity (`by`, unlocked with `passphrase`), and saves it at once.
    pub fn amend(&mut self, by: &str, reason: &str, passphrase: &str) -> Result<SaveOutcome, SigningProblem> {
        check_text(TextKind::Name, by)?;
        check_text(TextKind::Reason, reason)?;
        if let Some(refusal) = self.signing_refusal(true) {
            return Err(SigningProblem::Refused(refusal));
        }
        let identity = self.unlock(by, passphrase)?;
        let now = (self.clock)();
        let Some(document) = &mut self.document else {
            return Err(SigningProblem::Refused(crate::i18n::text("error-no-session-open")));
        };
        let before = (document.session.clone(), document.is_dirty);
        e_signing::amend(&mut document.session, &identity, reason, now)?;
        self.save_signed(before)
    }

    /// Saves a session just signed or amended to its file; on failure puts back the session
    /// as it was before.
    fn save_signed(&mut self, before: (Session, bool)) -> Result<SaveOutcome, SigningProblem> {
        let path = self.document.as_ref().and_then(|document| document.path.clone());
        let result = match path {
            Some(path) => self.save_to(&path).map_err(SigningProblem::from),
            None => Err(SigningProblem::Refused(crate::i18n::text("refusal-save-to-file"))),
        };
        if let (Err(_), Some(document)) = (&result, &mut self.document) {
            (document.session, document.is_dirty) = before;
        }
        if let Some(document) = &mut self.document {
            document.refresh(&self.library, (self.clock)().date_naive());
        }
        result
    }

    /// The signing identity of `by` on this computer, opened with its passphrase.
    fn unlock(&self, by: &str, passphrase: &str) -> Result<UnlockedIdentity, SigningProblem> {
        let name = SignerName::parse(by).map_err(|error| SigningProblem::Refused(error.to_string()))?;
        let identity = self.identities().find(&name)?.into_iter().next().ok_or_else(|| {
            SigningProblem::Refused(crate::i18n::text_with(
                "error-no-identity",
                &[
                    ("name", name.to_string()),
                    (
                        "menu",
                        format!(
                            "{} → {}",
                            crate::i18n::text("menu-session"),
                            crate::i18n::text("menu-create-identity")
                        ),
                    ),
                ],
            ))
        })?;
        Ok(identity.unlock(passphrase)?)
    }

    /// The signing identities of this computer.
    pub fn identities(&self) -> IdentityStore {
        IdentityStore::at(self.folders.user_data.signer_identities())
    }

    /// Creates a signing identity on this computer for `name` under `passphrase`, typed
    /// twice the same.
    pub fn create_identity(
        &self,
        name: &str,
        passphrase: &str,
        repeated: &str,
    ) -> Result<SignerIdentity, SigningProblem> {
        let name = SignerName::parse(name.trim()).map_err(|error| SigningProblem::Refused(error.to_string()))?;
        if passphrase != repeated {
            return Err(SigningProblem::PassphrasesDiffer);
        }
        Ok(self.identities().create(&name, passphrase, self.signing_kdf, (self.clock)())?)
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

    /// The investigator chose to leave without saving: the unsaved changes are given up
    /// (the journal removed, nothing left to save), so the document can be left or closed.
    /// The file on disk is untouched. The journal's removal can fail; the changes are given
    /// up all the same and the error says so.
    pub fn discard_changes(&mut self) -> std::io::Result<()> {
        let removed = self.discard_journal();
        if let Some(document) = &mut self.document {
            document.is_dirty = false;
            document.journal_due = None;
        }
        removed
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
    /// Why the witness ledger could not record the save (the session is saved and sealed).
    pub ledger_problem: Option<String>,
}

impl Document {
    // Read-only views: the fields are private so that nothing outside the workspace can
    // change a session except through `Workspace::apply` (and save, sign, amend, which use it).

    /// The screening-visit record, as the audit trail has made it.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The file it was read from or saved to; `None` until saved.
    pub fn path(&self) -> &Option<PathBuf> {
        &self.path
    }

    /// Where it came from (a file, a template, a recovered journal, a new screening).
    pub fn origin(&self) -> &DocumentOrigin {
        &self.origin
    }

    /// Changed since it was opened or last saved.
    pub fn is_dirty(&self) -> bool {
        self.is_dirty
    }

    /// Distinguishes this document's widget scratch state from a previous document's.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Where its recovery journal goes.
    pub fn journal_path(&self) -> &PathBuf {
        &self.journal_path
    }

    /// When the journal is next due; `None` while nothing is unjournalled.
    pub fn journal_due(&self) -> &Option<Instant> {
        &self.journal_due
    }

    /// The evaluated criteria, rebuilt after every edit.
    pub fn board(&self) -> &ScreeningView {
        &self.derived.board
    }

    /// The form: sections of the items the selected protocols read.
    pub fn form(&self) -> &Vec<FormSection> {
        &self.form
    }

    /// The id of the item the form shows after `after` (the first item with `None`), in
    /// form order: where the cursor goes next when a control of `after` is done.
    pub fn form_item_after(
        &self,
        knowledge: &crate::engine::knowledge::Knowledge,
        after: Option<&str>,
    ) -> Option<String> {
        let mut ids = self.form.iter().flat_map(|section| &section.items).filter_map(|idx| knowledge.item(*idx));
        match after {
            None => ids.next(),
            Some(after) => ids.skip_while(|item| item.id != after).nth(1),
        }
        .map(|item| item.id.clone())
    }

    /// Running scores of the instruments on the form, by item id.
    pub fn scores(&self) -> &BTreeMap<String, Result<InstrumentReport, AssessmentError>> {
        &self.scores
    }

    /// The lock of its file, held while it is open.
    pub fn lock(&self) -> &Option<FileLock> {
        &self.lock
    }

    /// The version of its file this window read or last wrote.
    pub fn head(&self) -> &Option<FileHead> {
        &self.head
    }

    /// Why the file as opened is not trusted (it is then read-only).
    pub fn questioned(&self) -> &Option<String> {
        &self.questioned
    }

    /// The file as opened had no seal (a legacy file or a template).
    pub fn unsealed(&self) -> &Option<Unsealed> {
        &self.unsealed
    }

    /// Evaluates the screening again and rebuilds the board, form and scores.
    fn refresh(&mut self, library: &Library, today: NaiveDate) {
        self.derived = Derived::of(&Screening::evaluate(library, &self.session, today), &library.knowledge);
        self.refresh_form(library);
    }

    /// Rebuilds the form's sections and the instrument scores from the session.
    fn refresh_form(&mut self, library: &Library) {
        self.form = form_sections(library, &self.session, &self.derived.folded);
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
    /// lists a protocol twice, or the file as opened is not trusted): the form and the
    /// board's buttons are then disabled.
    pub fn is_read_only(&self) -> bool {
        self.session.is_signed() || self.derived.board.lists_a_protocol_twice || self.questioned.is_some()
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        match (&self.path, &self.origin) {
            (Some(path), _) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            (None, DocumentOrigin::Example { file_name }) => format!("{file_name} (example)"),
            (None, _) => format!("{} (not saved)", self.session.participant_code),
        }
    }
}

/// What one evaluation of the open session gives the window, kept until the next edit.
#[derive(Debug)]
struct Derived {
    /// The evaluated criteria.
    board: ScreeningView,
    /// Items folded away from the form ([`folded_items`]).
    folded: std::collections::BTreeSet<ItemIdx>,
    /// The statements a signature may make of these verdicts, the most specific first.
    meanings: Vec<SignatureMeaning>,
    /// Each criterion not yet decided, which a sign-off must acknowledge.
    undecided: Vec<String>,
}

impl Derived {
    fn of(screening: &Screening<'_>, knowledge: &crate::engine::knowledge::Knowledge) -> Self {
        Self {
            board: ScreeningView::of(screening),
            folded: folded_items(screening, knowledge),
            meanings: meanings_for(&screening.verdicts()),
            undecided: screening.undecided(),
        }
    }
}

/// The items a patient cannot need: no criterion reading them (in its rule or discretion)
/// can use them — it does not apply to this patient (another cohort; pregnancy items for a
/// male), or it reads them only in a branch a known condition on the participant's age
/// closes (guardian consent for an adult on the consent date: `closed_branches`) — none
/// decides applicability with them, and they hold no value — an item with a value is never
/// hidden (a male with a pregnancy test stays visible, a contradiction to see).
fn folded_items(
    screening: &Screening<'_>,
    knowledge: &crate::engine::knowledge::Knowledge,
) -> std::collections::BTreeSet<ItemIdx> {
    use crate::engine::closed_branches::items_needed;
    use crate::engine::items_read::node_items;
    let mut unneeded_only: BTreeMap<ItemIdx, bool> = BTreeMap::new();
    let mut deciding = std::collections::BTreeSet::new();
    for screened in &screening.protocols {
        for (criterion, result) in screened.loaded.compiled.criteria.iter().zip(&screened.result.criteria) {
            if let Some(applies_when) = &criterion.applies_when {
                deciding.extend(node_items(applies_when, knowledge));
            }
            let applies = result.outcome != crate::engine::protocol_eval::Outcome::NotApplicable;
            let mut read = node_items(&criterion.rule, knowledge);
            let mut needed = std::collections::BTreeSet::new();
            if applies {
                needed = items_needed(&criterion.rule, &screening.patient, criterion.window, knowledge);
            }
            if let Some(discretion) = &criterion.discretion {
                read.extend(node_items(discretion, knowledge));
                if applies {
                    needed.extend(node_items(discretion, knowledge));
                }
            }
            for item in read {
                *unneeded_only.entry(item).or_insert(true) &= !needed.contains(&item);
            }
        }
    }
    unneeded_only
        .into_iter()
        .filter(|(item, only)| {
            *only
                && !deciding.contains(item)
                && knowledge.item(*item).is_some_and(|def| !screening.session.values.contains_key(&def.id))
        })
        .map(|(item, _)| item)
        .collect()
}

/// The items the session's protocols read, by section in dictionary order, less those
/// folded away.
fn form_sections(
    library: &Library,
    session: &Session,
    folded: &std::collections::BTreeSet<ItemIdx>,
) -> Vec<FormSection> {
    let mut items = std::collections::BTreeSet::new();
    for reference in &session.protocols {
        if let Some(loaded) = library.get(&reference.id, reference.version) {
            items.extend(items_read(&loaded.compiled, &library.knowledge));
        }
    }
    items.retain(|item| !folded.contains(item));
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
