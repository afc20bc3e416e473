//! The recovery journal: after every committed edit the app writes the whole session, at
//! most a second or two later, to a recovery file (beside the session file, or in the
//! per-user data folder for a session never saved). A clean save removes it. At start the
//! app looks for recovery files and offers to restore them, showing exactly what differs
//! from the saved file. So a crash, a power cut or `kill -9` loses at most the last
//! couple of seconds, and never silently.

use crate::i18n::{text, text_with};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::session::model::Session;
use crate::session::store::{self, SaveError};

/// The ending of every recovery file.
pub const RECOVERY_SUFFIX: &str = ".recovery.ron";

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryRecord {
    /// The session file the edits belong to; `None` for a session never saved.
    pub session_file: Option<PathBuf>,
    /// When the journal was written.
    pub written_at: DateTime<Utc>,
    /// The session as it was in memory.
    pub session: Session,
}

/// A recovery file found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The recovery file itself.
    pub path: PathBuf,
    /// The journal's content: the unsaved session and where it belongs.
    pub record: RecoveryRecord,
    /// What differs from the saved session file, one line each ("Platelet count: 160 → 52").
    pub differences: Vec<String>,
}

/// Where the journal of a session goes: beside its file, or in `recovery_dir` under the
/// draft's id when it was never saved.
pub fn recovery_path(session_file: Option<&Path>, recovery_dir: &Path, draft_id: &str) -> PathBuf {
    match session_file {
        Some(file) => {
            let mut name = file.file_name().map(|n| n.to_os_string()).unwrap_or_default();
            name.push(RECOVERY_SUFFIX);
            file.with_file_name(name)
        }
        None => recovery_dir.join(format!("{draft_id}{RECOVERY_SUFFIX}")),
    }
}

/// Writes the journal atomically (0600, never through a link planted at its name).
pub fn write(path: &Path, record: &RecoveryRecord) -> Result<(), SaveError> {
    let config = ron::ser::PrettyConfig::new();
    let text = ron::ser::to_string_pretty(record, config).map_err(|e| SaveError::Serialize(e.to_string()))?;
    Ok(crate::files::atomic_write::write_private(path, text.as_bytes())?)
}

/// How old a temporary in the recovery folder must be to be taken as left by a crash: a
/// journal is written in milliseconds, and drafts' journals have no lock to tell.
const STALE_TEMPORARY_AGE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes temporaries of draft journals that a crashed writer left in `recovery_dir`
/// (older than ten minutes) and returns them, for the start to report.
pub fn remove_stale_temporaries(recovery_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(recovery_dir) else { return Vec::new() };
    let mut removed: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.contains(RECOVERY_SUFFIX)
                && crate::files::atomic_write::is_temporary(&name)
                && entry.metadata().is_ok_and(|m| {
                    m.is_file() && m.modified().is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_TEMPORARY_AGE))
                })
        })
        .map(|entry| entry.path())
        .filter(|path| std::fs::remove_file(path).is_ok())
        .collect();
    removed.sort();
    removed
}

/// Removes a journal after a clean save or when the user discards it. A journal that is
/// already gone is fine.
pub fn discard(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Reads a journal.
pub fn read(path: &Path) -> Result<RecoveryRecord, store::OpenError> {
    let text = store::read_text(path)?;
    ron::Options::default()
        .from_str(&text)
        .map_err(|error| store::OpenError::Invalid { path: path.to_owned(), error: error.into() })
}

/// Journals to offer at start: every `*.recovery.ron` in `recovery_dir` and beside each
/// of `session_files`, whose session differs from the saved file. A journal identical to
/// its saved file is stale (the save happened, the removal did not) and is removed.
/// Journals that cannot be read are returned as errors, never deleted.
pub fn find(recovery_dir: &Path, session_files: &[PathBuf]) -> (Vec<Found>, Vec<store::OpenError>) {
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(recovery_dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    candidates.extend(session_files.iter().map(|file| recovery_path(Some(file), recovery_dir, "")));
    candidates.retain(|path| path.to_string_lossy().ends_with(RECOVERY_SUFFIX) && path.is_file());
    candidates.sort();
    candidates.dedup();
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in candidates {
        let record = match read(&path) {
            Ok(record) => record,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let saved = record.session_file.as_deref().and_then(|file| store::open(file).ok()).map(|(s, _)| s);
        if saved.as_ref().is_some_and(|saved| holds_everything_of(saved, &record.session)) {
            let _ = discard(&path);
            continue;
        }
        let differences = differences(saved.as_ref(), &record.session);
        found.push(Found { path, record, differences });
    }
    (found, errors)
}

/// Whether the saved file holds every change the journal has: the same session with the
/// journal's trail as the start of its own. A save seals the file (and may record the
/// migration of an older format), so the two are not equal, yet nothing is left to recover.
fn holds_everything_of(saved: &Session, journal: &Session) -> bool {
    saved.format1_audit == journal.format1_audit
        && saved.audit.starts_with(&journal.audit)
        && journal.session_id.is_none_or(|id| saved.session_id == Some(id))
}

/// What the recovered session changes relative to the saved one, read from its audit
/// trail: every entry after the saved file's last entry, as "who, when: what".
pub fn differences(saved: Option<&Session>, recovered: &Session) -> Vec<String> {
    let already = saved.map_or(0, |s| s.audit.len());
    let mut lines: Vec<String> = recovered
        .audit
        .iter()
        .skip(already)
        .map(|entry| {
            format!("{} ({}): {}", entry.at.format("%Y-%m-%d %H:%M:%S UTC"), entry.actor, describe(&entry.change))
        })
        .collect();
    if saved.is_some_and(|saved| !recovered.audit.starts_with(&saved.audit)) {
        lines.insert(0, text("recovery-history-differs"));
    }
    lines
}

/// One change in words, for the restore prompt and the printout.
pub fn describe(change: &crate::session::audit::Change) -> String {
    use crate::session::audit::Change;
    let value = |entry: &Option<crate::session::model::Entry>| match entry {
        Some(entry) => entry.raw.clone().unwrap_or_else(|| ron::to_string(&entry.value).unwrap_or_default()),
        None => text("recovery-empty"),
    };
    // An optional date or name as a person reads it: the value, or "(empty)"; never Rust's
    // `Some(…)`.
    let optional = |shown: Option<String>| shown.unwrap_or_else(|| text("recovery-empty"));
    match change {
        Change::Created { participant_code, .. } => {
            text_with("recovery-created", &[("code", participant_code.clone())])
        }
        Change::Value { item, old, new } => format!("{item}: {} → {}", value(old), value(new)),
        Change::Dates { old, new } => text_with(
            "recovery-dates",
            &[
                ("screening_old", old.screening.to_string()),
                ("screening_new", new.screening.to_string()),
                ("consent_old", optional(old.consent.map(|d| d.to_string()))),
                ("consent_new", optional(new.consent.map(|d| d.to_string()))),
                ("enrollment_old", optional(old.enrollment.map(|d| d.to_string()))),
                ("enrollment_new", optional(new.enrollment.map(|d| d.to_string()))),
            ],
        ),
        Change::ParticipantCode { old, new } => {
            text_with("recovery-participant-code", &[("old", old.clone()), ("new", new.clone())])
        }
        Change::Investigator { old, new } => {
            text_with("recovery-investigator", &[("old", optional(old.clone())), ("new", optional(new.clone()))])
        }
        Change::Protocols { new, .. } => {
            let ids: Vec<String> = new
                .iter()
                .map(|p| {
                    format!(
                        "{} v{}{}",
                        p.id,
                        p.version,
                        p.cohort.as_deref().map(|c| format!(" ({c})")).unwrap_or_default()
                    )
                })
                .collect();
            text_with("recovery-protocols", &[("protocols", ids.join(", "))])
        }
        Change::Decided { decision, .. } => text_with(
            "recovery-decided",
            &[
                ("kind", kind(decision)),
                ("protocol", decision.protocol.to_string()),
                ("criterion", decision.criterion.to_string()),
                ("reason", decision.reason.to_string()),
            ],
        ),
        Change::Withdrawn { decision } => text_with(
            "recovery-withdrawn",
            &[
                ("kind", kind(decision)),
                ("protocol", decision.protocol.to_string()),
                ("criterion", decision.criterion.to_string()),
            ],
        ),
        Change::Signed { signature } => {
            text_with("recovery-signed", &[("by", signature.by.clone()), ("meaning", signature.meaning.clone())])
        }
        Change::Amended { signature, .. } => text_with("recovery-amended", &[("by", signature.by.clone())]),
        Change::Attested { attestation, .. } => {
            text_with("recovery-attested", &[("item", attestation.item.to_string())])
        }
        Change::Migrated { from, to, .. } => {
            text_with("recovery-migrated", &[("from", from.to_string()), ("to", to.to_string())])
        }
    }
}

fn kind(decision: &crate::session::model::Decision) -> String {
    text(match decision.kind {
        crate::session::model::DecisionKind::Override => "recovery-override",
        crate::session::model::DecisionKind::Judgment { passes: true } => "recovery-judgment-passes",
        crate::session::model::DecisionKind::Judgment { passes: false } => "recovery-judgment-fails",
    })
}

#[cfg(test)]
mod describe_tests {
    use super::describe;
    use crate::model::record::ReferenceDates;
    use crate::session::audit::Change;
    use chrono::NaiveDate;

    #[test]
    fn optional_dates_and_names_read_as_values_never_as_rust() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        let old = ReferenceDates { screening: day(2), consent: None, enrollment: Some(day(30)) };
        let new = ReferenceDates { screening: day(2), consent: Some(day(3)), enrollment: Some(day(30)) };
        assert_eq!(
            describe(&Change::Dates { old, new }),
            "dates: screening 2026-11-02 → 2026-11-02, consent (empty) → 2026-11-03, enrollment 2026-11-30 → 2026-11-30"
        );
        let named = describe(&Change::Investigator { old: None, new: Some("Dr Li".to_owned()) });
        assert_eq!(named, "investigator: (empty) → Dr Li");
    }
}
