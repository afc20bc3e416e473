//! The seal and the witness of every save. A save seals the head of the session's trail
//! (session id, sequence number, head hash) with this installation's key and, once the file
//! is written, appends the head to the witness ledger (`records::ledger`). Cutting entries
//! from the end of a trail, or putting back an older copy, then shows: the seal no longer
//! matches the head, and the ledger remembers a later head (see DATA_INTEGRITY.md).
//!
//! The key and the ledger are passed in ([`Sealer`]); only the edges find them in the
//! per-user data folder.

use chrono::{DateTime, Utc};

use crate::records::installation_key::{InstallationKey, InstallationKeyError};
use crate::records::ledger::{Ledger, LedgerRecord};
use crate::records::payload::SealedHead;
use crate::records::session_id::SessionId;
use crate::session::audit;
use crate::session::model::Session;
use crate::session::store::SaveError;
use crate::user_data::UserData;

/// What seals a save and witnesses it: this installation's key and its ledger.
#[derive(Debug)]
pub struct Sealer {
    key: InstallationKey,
    ledger: Ledger,
}

impl Sealer {
    /// A sealer with this key and ledger.
    pub fn new(key: InstallationKey, ledger: Ledger) -> Self {
        Self { key, ledger }
    }

    /// The installation key and ledger of a per-user data folder, the key created on first
    /// use.
    pub fn of(user_data: &UserData) -> Result<Self, InstallationKeyError> {
        Ok(Self::new(InstallationKey::load_or_create(&user_data.installation_key())?, Ledger::at(user_data.ledger())))
    }

    /// The installation key.
    pub fn key(&self) -> &InstallationKey {
        &self.key
    }

    /// The witness ledger.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }
}

/// Makes a session ready to be written and sealed in this format: a session of an older
/// format is migrated (recorded in its trail, with its new session id), and a template of
/// this format without an id gets one. A session signed in an older format is refused:
/// migrating it would change the content its signature covers; an amendment migrates it.
pub fn prepare(session: &mut Session, actor: &str, at: DateTime<Utc>) -> Result<(), SaveError> {
    if session.awaits_migration() {
        if session.is_signed() {
            return Err(SaveError::SignedOlderFormat { format: session.format_version });
        }
        audit::migrate(session, actor, at).map_err(SaveError::Prepare)?;
    }
    if session.session_id.is_none() {
        let id =
            SessionId::random().map_err(|error| SaveError::Prepare(audit::EditError::Randomness(error.to_string())))?;
        session.session_id = Some(id);
    }
    Ok(())
}

/// Seals the session's head with the installation key (the seal is stored in the session)
/// and returns the ledger record to append once the file is written.
pub(crate) fn seal(session: &mut Session, sealer: &Sealer, at: DateTime<Utc>) -> Result<LedgerRecord, SaveError> {
    if session.awaits_migration() {
        return Err(SaveError::NotSealable(format!(
            "it is of format {}, which this build does not write",
            session.format_version
        )));
    }
    let Some(session_id) = session.session_id else {
        return Err(SaveError::NotSealable("it has no session id".to_owned()));
    };
    let (Some((sequence, head_hash)), Some(first)) = (session.head(), session.first_entry_hash()) else {
        return Err(SaveError::NotSealable("it has no audit trail".to_owned()));
    };
    let head_hash = head_hash.to_owned();
    let record = LedgerRecord {
        session_id,
        sequence,
        head_hash: head_hash.clone(),
        first_entry_hash: first.to_owned(),
        recorded_at: at,
    };
    session.seal = Some(sealer.key.seal(&SealedHead { session_id: &session_id, sequence, head_hash: &head_hash }));
    Ok(record)
}
