//! Electronic signatures on a session (21 CFR 11.50, 11.70, 11.200): what a sign-off or an
//! amendment covers, making one with a person's unlocked signing identity, and checking one
//! recorded in the trail.
//!
//! A signature covers `records::payload::SignedFacts`: the session id (so it cannot be
//! moved to another file), the content hash (values, dates, protocols, decisions), the hash
//! of the entry before the one recording it (through the chain, the whole trail up to it),
//! the signer's name, the time, the meaning's id and its exact text, and the key's
//! fingerprint. The session is migrated to this format first, so the signature covers the
//! migration too and the session id exists.

use chrono::{DateTime, Utc};

use crate::records::e_signature::SignatureCheckError;
use crate::records::identity::UnlockedIdentity;
use crate::records::payload::SignedFacts;
use crate::records::session_id::SessionId;
use crate::records::signer_name::SignerName;
use crate::session::audit::{self, AuditEntry, Change, Edit, EditError, Problem, content_hash};
use crate::session::model::{AMENDMENT_MEANING_ID, ElectronicSignature, Session, SignedVerdict};
use crate::session::sign_meaning::SignOff;

/// What a signature made now would cover besides who, when and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Covered {
    /// The session's id.
    pub session_id: SessionId,
    /// The content hash (`audit::content_hash`).
    pub content_sha256: String,
    /// The hash of the trail's newest entry, which the signature's entry will follow.
    pub trail_sha256: String,
}

/// What a signature recorded now would cover. The session must be in this format (with its
/// id) and have a trail.
pub fn covered_now(session: &Session) -> Result<Covered, EditError> {
    if session.awaits_migration() {
        return Err(EditError::NotMigrated(session.format_version));
    }
    let Some(session_id) = session.session_id else { return Err(EditError::NoSessionId) };
    let Some((_, head)) = session.head() else {
        return Err(EditError::SignatureDoesNotHold("the session has no audit trail".to_owned()));
    };
    Ok(Covered { session_id, content_sha256: content_hash(session), trail_sha256: head.to_owned() })
}

/// Why a recorded electronic signature does not hold.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureProblem {
    /// The trail hash it records is not the entry before it.
    #[error("{}", crate::i18n::text("error-e-signing-trail-mismatch"))]
    TrailMismatch,
    /// The signer's name cannot be a signer's name.
    #[error("{}", crate::i18n::text_with("error-e-signing-signer-name", &[("detail", _0.to_string())]))]
    SignerName(String),
    /// The cryptographic check fails.
    #[error("{0}")]
    Check(#[from] SignatureCheckError),
    /// The content hash stored with the signature is not the content it was made over.
    #[error("{}", crate::i18n::text("error-e-signing-content-mismatch"))]
    ContentMismatch,
    /// The session has no id to bind a signature to.
    #[error("{}", crate::i18n::text("error-e-signing-no-session-id"))]
    NoSessionId,
}

/// Checks an electronic signature against what it must cover: its recorded trail hash, and
/// the Ed25519 signature over the facts.
pub fn check(
    electronic: &ElectronicSignature,
    covered: &Covered,
    signer: &str,
    at: DateTime<Utc>,
    meaning_text: &str,
) -> Result<(), SignatureProblem> {
    let ElectronicSignature { meaning_id, trail_sha256, key_fingerprint, proof } = electronic;
    if trail_sha256 != &covered.trail_sha256 {
        return Err(SignatureProblem::TrailMismatch);
    }
    let signer = SignerName::parse(signer).map_err(|error| SignatureProblem::SignerName(error.to_string()))?;
    let facts = SignedFacts {
        session_id: &covered.session_id,
        content_hash: &covered.content_sha256,
        trail_hash: &covered.trail_sha256,
        signer: &signer,
        signed_at: at,
        meaning_id,
        meaning_text,
        key_fingerprint,
    };
    Ok(proof.verify(&facts)?)
}

/// Checks the electronic signature an entry records (a `Signed` or `Amended` entry), given
/// the state replayed up to it and the hash of the entry before it; after a migration to
/// format 3 every such entry must carry one.
pub(crate) fn check_entry(
    session: &Session,
    replayed: &Session,
    entry: &AuditEntry,
    previous_hash: &str,
) -> Option<Problem> {
    let (electronic, signer, at, meaning) = match &entry.change {
        Change::Signed { signature } => {
            (signature.electronic.as_ref(), signature.by.as_str(), signature.at, signature.meaning.as_str())
        }
        Change::Amended { electronic, .. } => {
            (electronic.as_ref(), entry.actor.as_str(), entry.at, entry.reason.as_deref().unwrap_or_default())
        }
        _ => return None,
    };
    let Some(electronic) = electronic else {
        return (replayed.format_version >= 3).then_some(Problem::NotElectronic { seq: entry.seq });
    };
    // The id is the session's: replayed from a migration entry, or given at creation.
    let problem = match session.session_id.or(replayed.session_id) {
        None => SignatureProblem::NoSessionId,
        Some(session_id) => {
            let covered =
                Covered { session_id, content_sha256: content_hash(replayed), trail_sha256: previous_hash.to_owned() };
            match check(electronic, &covered, signer, at, meaning) {
                // The content hash the signature states is the one it was made over.
                Ok(()) => match &entry.change {
                    Change::Signed { signature } if signature.content_sha256 != covered.content_sha256 => {
                        SignatureProblem::ContentMismatch
                    }
                    _ => return None,
                },
                Err(problem) => problem,
            }
        }
    };
    Some(Problem::ElectronicSignature { seq: entry.seq, problem: problem.to_string() })
}

/// Why signing or amending failed; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    /// The trail refused the edit.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The statement chosen cannot sign these verdicts.
    #[error("{}", crate::i18n::text_with("error-e-signing-meaning", &[("detail", _0.to_string())]))]
    Meaning(String),
    /// The identity refused to sign the facts.
    #[error(transparent)]
    Identity(#[from] crate::records::identity::IdentityError),
}

/// Signs the session with an unlocked identity: migrates it first if it is of an older
/// format, then records the signature, made over the session as it then stands. The meaning
/// is the text shown to the signer. On an error the session is as it was.
pub fn sign(
    session: &mut Session,
    identity: &UnlockedIdentity,
    sign_off: &SignOff,
    verdicts: Vec<SignedVerdict>,
    actor: &str,
    at: DateTime<Utc>,
) -> Result<(), SigningError> {
    sign_off.check(&verdicts).map_err(SigningError::Meaning)?;
    with_rollback(session, |session| {
        audit::migrate(session, actor, at)?;
        let meaning = sign_off.recorded_text();
        let electronic = electronic_signature(session, identity, &sign_off.meaning_id, &meaning, at)?;
        let by = identity.name().as_str().to_owned();
        let acknowledged = sign_off.acknowledged.clone();
        audit::apply(session, Edit::Sign { by, meaning, verdicts, electronic, acknowledged }, actor, at)?;
        Ok(())
    })
}

/// Reopens a signed session for an amendment, signed electronically by the amending person
/// (who is the entry's actor): migrates it first if it is of an older format. On an error
/// the session is as it was.
pub fn amend(
    session: &mut Session,
    identity: &UnlockedIdentity,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<(), SigningError> {
    with_rollback(session, |session| {
        if !session.is_signed() {
            return Err(EditError::NotSigned.into());
        }
        if reason.trim().is_empty() {
            return Err(EditError::ReasonRequired("an amendment to a signed session").into());
        }
        let actor = identity.name().as_str().to_owned();
        audit::migrate(session, &actor, at)?;
        let electronic = electronic_signature(session, identity, AMENDMENT_MEANING_ID, reason, at)?;
        audit::apply(session, Edit::Amend { reason: reason.to_owned(), electronic }, &actor, at)?;
        Ok(())
    })
}

/// Runs `change` on the session, putting it back as it was if the change fails part-way
/// (a migration recorded before a refused signature).
fn with_rollback(
    session: &mut Session,
    change: impl FnOnce(&mut Session) -> Result<(), SigningError>,
) -> Result<(), SigningError> {
    let before = session.clone();
    let result = change(session);
    if result.is_err() {
        *session = before;
    }
    result
}

/// An electronic signature over the session as it stands, by `identity`.
fn electronic_signature(
    session: &Session,
    identity: &UnlockedIdentity,
    meaning_id: &str,
    meaning_text: &str,
    at: DateTime<Utc>,
) -> Result<Box<ElectronicSignature>, SigningError> {
    let covered = covered_now(session)?;
    let key_fingerprint = identity.public_key().fingerprint();
    let facts = SignedFacts {
        session_id: &covered.session_id,
        content_hash: &covered.content_sha256,
        trail_hash: &covered.trail_sha256,
        signer: identity.name(),
        signed_at: at,
        meaning_id,
        meaning_text,
        key_fingerprint: &key_fingerprint,
    };
    let proof = identity.sign(&facts)?;
    Ok(Box::new(ElectronicSignature {
        meaning_id: meaning_id.to_owned(),
        trail_sha256: covered.trail_sha256,
        key_fingerprint,
        proof,
    }))
}
