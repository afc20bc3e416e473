//! What a session file's seal, its electronic signatures, the site roster and this
//! computer's witness ledger say about it, beyond its own audit trail (`audit::verify`).
//! `verify` prints these findings and the window's Open warns with them.
//!
//! Reading the ledger is the one I/O here ([`witness`]); [`check`] is pure.

use chrono::{DateTime, Utc};

use crate::records::keys::Fingerprint;
use crate::records::ledger::{Ledger, LedgerError, LedgerRecord};
use crate::records::payload::SealedHead;
use crate::records::roster::{Roster, SignerStanding};
use crate::records::session_id::SessionId;
use crate::records::signer_name::SignerName;
use crate::session::audit::Change;
use crate::session::model::{FIRST_SEALED_FORMAT, Session};
use crate::session::templates;

/// This computer's ledger records of a session (by its id, and by its creation entry unless
/// that is a template's, which every session started from the template shares).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Witness {
    /// The records, oldest first.
    pub records: Vec<LedgerRecord>,
    /// Lines of the ledger that are damaged (skipped, never trusted).
    pub damaged_lines: usize,
}

/// Reads this computer's ledger records of a session.
pub fn witness(ledger: &Ledger, session: &Session) -> Result<Witness, LedgerError> {
    let first = session.first_entry_hash().filter(|hash| !templates::is_template_creation(hash));
    let (records, scan) = ledger.history(session.session_id.as_ref(), first)?;
    Ok(Witness { records, damaged_lines: scan.damaged_lines.len() + usize::from(scan.torn_last_line) })
}

/// The site roster as `verify` could use it.
#[derive(Clone, Copy, Debug)]
pub enum RosterView<'a> {
    /// Read and consistent.
    Loaded(&'a Roster),
    /// There is none (at the path given).
    Missing,
    /// It could not be used (the message says why).
    Unusable(&'a str),
}

/// What the roster says about an installation key or a signer's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listing<T> {
    /// What the roster says.
    Roster(T),
    /// There is no usable roster to ask.
    NoRoster,
}

/// Why a file has no seal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsealed {
    /// A bundled example, byte for byte: a template.
    Template {
        /// The example's file name.
        name: String,
    },
    /// A file of an older format, written before seals (or relabelled as one).
    Legacy {
        /// The session format the file states.
        format: u32,
    },
    /// A file of this format without a seal: a template, or a file whose seal was removed.
    Current,
}

/// One thing found about a file beyond its audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The seal holds for the trail's head.
    Sealed {
        /// The sequence number of the trail entry the seal covers (the head).
        sequence: u64,
        /// The fingerprint of the installation key that sealed it.
        fingerprint: Fingerprint,
        /// The roster's label for that installation key (`None`: the roster does not list it).
        installation: Listing<Option<String>>,
    },
    /// The seal does not match the trail's head (entries removed or changed after the last
    /// save, or a seal copied from another file).
    SealBroken {
        /// The sequence number of the trail's head.
        sequence: u64,
        /// The fingerprint of the installation key the seal names.
        fingerprint: Fingerprint,
    },
    /// No seal.
    Unsealed(Unsealed),
    /// An electronic signature recorded at entry `seq` (its cryptographic check is the
    /// trail's, `audit::verify`), and whose key the roster says it is.
    ElectronicSignature {
        /// The sequence number of the audit entry recording the signature.
        seq: u64,
        /// The signer's name as recorded.
        by: String,
        /// The fingerprint of the signer's key.
        fingerprint: Fingerprint,
        /// Whether the roster gives that key to that name.
        standing: Listing<SignerStanding>,
    },
    /// The current signature is a typed name (an older format): no proof of who signed.
    TypedSignature {
        /// The typed name.
        by: String,
    },
    /// There is no usable roster: who sealed and who signed cannot be established.
    NoRoster {
        /// Why the roster could not be used; `None`: none was given or found.
        why: Option<String>,
    },
    /// This computer recorded a later save of this session than the file holds.
    RolledBack {
        /// The latest sequence number this computer recorded for the session.
        recorded: u64,
        /// The sequence number of the file's head.
        file: u64,
        /// When the later save was recorded (UTC).
        recorded_at: DateTime<Utc>,
    },
    /// This computer recorded a different entry at a sequence the file also has: the trail
    /// was rewritten from there.
    Diverged {
        /// A sequence number at which the file's entry differs from the one this computer recorded.
        sequence: u64,
        /// When this computer recorded its entry at that sequence (UTC).
        recorded_at: DateTime<Utc>,
    },
    /// This computer sealed a save of this session (found by its creation entry) under
    /// another session id, or with one where the file has none: a copy relabelled, or its
    /// seal and id stripped (a downgrade).
    SavedHereAs {
        /// The session id this computer sealed it under.
        session_id: SessionId,
        /// The sequence number of that save's head.
        sequence: u64,
    },
    /// The ledger agrees: the file holds the last head this computer recorded.
    Witnessed {
        /// The head's sequence number, as recorded.
        sequence: u64,
        /// When this computer recorded it (UTC).
        recorded_at: DateTime<Utc>,
    },
    /// This computer has no record of saving this session.
    NotWitnessed,
    /// The ledger could not be read, or has damaged lines.
    LedgerProblem(String),
}

/// How a finding counts toward `verify`'s exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// The seal or a signature fails.
    Altered,
    /// Older than, or rewritten from, what this computer saved.
    RolledBack,
    /// Who sealed or signed is not established.
    IdentityNotEstablished,
    /// A legacy file or a template.
    LegacyOrTemplate,
    /// Said for the reader; changes nothing.
    Note,
}

impl Finding {
    /// How it counts.
    pub fn class(&self) -> Class {
        match self {
            Self::SealBroken { .. } => Class::Altered,
            Self::RolledBack { .. } | Self::Diverged { .. } | Self::SavedHereAs { .. } => Class::RolledBack,
            Self::Sealed { installation: Listing::Roster(Some(_)), .. }
            | Self::ElectronicSignature { standing: Listing::Roster(SignerStanding::Established), .. }
            | Self::Witnessed { .. }
            | Self::NotWitnessed
            | Self::LedgerProblem(_) => Class::Note,
            Self::Sealed { .. } | Self::ElectronicSignature { .. } | Self::NoRoster { .. } => {
                Class::IdentityNotEstablished
            }
            Self::Unsealed(_) | Self::TypedSignature { .. } => Class::LegacyOrTemplate,
        }
    }

    /// Whether it is good news.
    pub fn is_fine(&self) -> bool {
        matches!(
            self,
            Self::Sealed { installation: Listing::Roster(Some(_)), .. }
                | Self::ElectronicSignature { standing: Listing::Roster(SignerStanding::Established), .. }
                | Self::Witnessed { .. }
        )
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{text, text_with};
        let minute = |at: &chrono::DateTime<chrono::Utc>| at.format("%Y-%m-%d %H:%M UTC").to_string();
        let message = match self {
            Self::Sealed { sequence, fingerprint, installation } => {
                let mut args = vec![("sequence", sequence.to_string()), ("fingerprint", fingerprint.to_string())];
                let id = match installation {
                    Listing::Roster(Some(label)) => {
                        args.push(("label", label.clone()));
                        "error-finding-sealed-listed"
                    }
                    Listing::Roster(None) => "error-finding-sealed-unlisted",
                    Listing::NoRoster => "error-finding-sealed",
                };
                text_with(id, &args)
            }
            Self::SealBroken { sequence, fingerprint } => text_with(
                "error-finding-seal-broken",
                &[("sequence", sequence.to_string()), ("fingerprint", fingerprint.to_string())],
            ),
            Self::Unsealed(Unsealed::Template { name }) => {
                text_with("error-finding-template", &[("name", name.clone())])
            }
            Self::Unsealed(Unsealed::Legacy { format }) => {
                text_with("error-finding-legacy", &[("format", format.to_string())])
            }
            Self::Unsealed(Unsealed::Current) => text("error-finding-no-seal"),
            Self::ElectronicSignature { seq, by, fingerprint, standing } => {
                let mut args =
                    vec![("seq", seq.to_string()), ("by", by.to_string()), ("fingerprint", fingerprint.to_string())];
                let id = match standing {
                    Listing::Roster(SignerStanding::Established) => "error-finding-signature-established",
                    Listing::Roster(SignerStanding::KeyNotListedForName) => "error-finding-signature-other-key",
                    Listing::Roster(SignerStanding::KeyBelongsTo(holder)) => {
                        args.push(("holder", holder.to_string()));
                        "error-finding-signature-key-of-other"
                    }
                    Listing::Roster(SignerStanding::Unknown) => "error-finding-signature-unknown",
                    Listing::NoRoster => "error-finding-signature-no-roster",
                };
                text_with(id, &args)
            }
            Self::TypedSignature { by } => text_with("error-finding-typed-signature", &[("by", by.to_string())]),
            Self::NoRoster { why: Some(why) } => text_with(
                "error-finding-no-roster-because",
                &[("why", why.clone()), ("flag", "--roster FILE".to_owned())],
            ),
            Self::NoRoster { why: None } => {
                text_with("error-finding-no-roster", &[("flag", "--roster FILE".to_owned())])
            }
            Self::RolledBack { recorded, file, recorded_at } => text_with(
                "error-finding-rolled-back",
                &[("recorded", recorded.to_string()), ("file", file.to_string()), ("at", minute(recorded_at))],
            ),
            Self::Diverged { sequence, recorded_at } => {
                text_with("error-finding-diverged", &[("sequence", sequence.to_string()), ("at", minute(recorded_at))])
            }
            Self::SavedHereAs { session_id, sequence } => text_with(
                "error-finding-saved-here-as",
                &[("session", session_id.to_string()), ("sequence", sequence.to_string())],
            ),
            Self::Witnessed { sequence, recorded_at } => {
                text_with("error-finding-witnessed", &[("sequence", sequence.to_string()), ("at", minute(recorded_at))])
            }
            Self::NotWitnessed => text("error-finding-not-witnessed"),
            Self::LedgerProblem(problem) => text_with("error-finding-ledger", &[("problem", problem.clone())]),
        };
        f.write_str(&message)
    }
}

/// Everything the seal, the signatures, the roster and the ledger say about a session.
/// `text` is the file's text (to recognise a bundled example); `witness` is this computer's
/// ledger records of it, or why they could not be read.
pub fn check(session: &Session, text: &str, roster: RosterView<'_>, witness: Result<&Witness, &str>) -> Vec<Finding> {
    let mut findings = Vec::new();
    seal_findings(session, text, roster, &mut findings);
    signature_findings(session, roster, &mut findings);
    // Without a seal or an electronic signature there is no key whose holder to establish.
    let has_keys = findings.iter().any(|finding| {
        matches!(finding, Finding::Sealed { .. } | Finding::SealBroken { .. } | Finding::ElectronicSignature { .. })
    });
    match roster {
        RosterView::Loaded(_) => {}
        _ if !has_keys => {}
        RosterView::Missing => findings.push(Finding::NoRoster { why: None }),
        RosterView::Unusable(why) => findings.push(Finding::NoRoster { why: Some(why.to_owned()) }),
    }
    match witness {
        Ok(witness) => ledger_findings(session, witness, &mut findings),
        Err(problem) => findings.push(Finding::LedgerProblem(crate::i18n::text_with(
            "error-finding-ledger-unreadable",
            &[("problem", problem.to_owned())],
        ))),
    }
    findings
}

/// Why a file has no seal, or `None` when it has one. `text` is the file's text.
pub fn unsealed(session: &Session, text: &str) -> Option<Unsealed> {
    if session.seal.is_some() {
        return None;
    }
    Some(match templates::bundled_example(text) {
        Some(name) => Unsealed::Template { name: name.to_owned() },
        None if session.format_version < FIRST_SEALED_FORMAT => Unsealed::Legacy { format: session.format_version },
        None => Unsealed::Current,
    })
}

/// Whether a session's seal holds for its trail's head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealState {
    /// It holds; made with the installation key of this fingerprint.
    Holds {
        /// The sequence number of the head it covers.
        sequence: u64,
        /// The fingerprint of the installation key that made it.
        fingerprint: Fingerprint,
    },
    /// It does not match the head (or there is no id or trail for it to cover).
    Broken {
        /// The sequence number of the trail's head.
        sequence: u64,
        /// The fingerprint of the installation key the seal names.
        fingerprint: Fingerprint,
    },
    /// There is none.
    Missing,
}

/// Checks a session's seal against its trail's head.
pub fn seal_state(session: &Session) -> SealState {
    let Some(seal) = &session.seal else { return SealState::Missing };
    let fingerprint = seal.key.fingerprint();
    let (Some(session_id), Some((sequence, head_hash))) = (session.session_id, session.head()) else {
        return SealState::Broken { sequence: 0, fingerprint };
    };
    match seal.verify(&SealedHead { session_id: &session_id, sequence, head_hash }) {
        Ok(fingerprint) => SealState::Holds { sequence, fingerprint },
        Err(_) => SealState::Broken { sequence, fingerprint },
    }
}

fn seal_findings(session: &Session, text: &str, roster: RosterView<'_>, findings: &mut Vec<Finding>) {
    match (seal_state(session), &session.seal) {
        (SealState::Holds { sequence, fingerprint }, Some(seal)) => {
            let installation = match roster {
                RosterView::Loaded(roster) => Listing::Roster(roster.installation(&seal.key).map(str::to_owned)),
                RosterView::Missing | RosterView::Unusable(_) => Listing::NoRoster,
            };
            findings.push(Finding::Sealed { sequence, fingerprint, installation });
        }
        (SealState::Broken { sequence, fingerprint } | SealState::Holds { sequence, fingerprint }, _) => {
            findings.push(Finding::SealBroken { sequence, fingerprint });
        }
        (SealState::Missing, _) => findings.extend(unsealed(session, text).map(Finding::Unsealed)),
    }
}

fn signature_findings(session: &Session, roster: RosterView<'_>, findings: &mut Vec<Finding>) {
    for entry in &session.audit {
        let (electronic, by) = match &entry.change {
            Change::Signed { signature } => (signature.electronic.as_ref(), signature.by.as_str()),
            Change::Amended { electronic, .. } => (electronic.as_ref(), entry.actor.as_str()),
            _ => continue,
        };
        let Some(electronic) = electronic else { continue };
        let standing = match (roster, SignerName::parse(by)) {
            (RosterView::Loaded(roster), Ok(name)) => Listing::Roster(roster.standing(&name, &electronic.proof.key)),
            (RosterView::Loaded(_), Err(_)) => Listing::Roster(SignerStanding::Unknown),
            (RosterView::Missing | RosterView::Unusable(_), _) => Listing::NoRoster,
        };
        findings.push(Finding::ElectronicSignature {
            seq: entry.seq,
            by: by.to_owned(),
            fingerprint: electronic.proof.key.fingerprint(),
            standing,
        });
    }
    if let Some(signature) = &session.signature
        && signature.electronic.is_none()
    {
        findings.push(Finding::TypedSignature { by: signature.by.clone() });
    }
}

/// Compares the file with every head this computer recorded for the session: each must be
/// in the file's trail, or the file is older than, or rewritten from, what was saved here.
fn ledger_findings(session: &Session, witness: &Witness, findings: &mut Vec<Finding>) {
    if witness.damaged_lines > 0 {
        findings.push(Finding::LedgerProblem(crate::i18n::text_with(
            "error-finding-ledger-damaged",
            &[("count", witness.damaged_lines.to_string())],
        )));
    }
    let file_sequence = session.head().map_or(0, |(seq, _)| seq);
    let mut newest_missing: Option<&LedgerRecord> = None;
    let mut diverged: Option<&LedgerRecord> = None;
    let mut other_id: Option<&LedgerRecord> = None;
    for record in &witness.records {
        if session.session_id != Some(record.session_id) {
            other_id.get_or_insert(record);
        }
        if session.entry_hash_at(record.sequence) == Some(record.head_hash.as_str()) {
            continue;
        }
        if record.sequence > file_sequence {
            if newest_missing.is_none_or(|newest| record.sequence > newest.sequence) {
                newest_missing = Some(record);
            }
        } else {
            diverged.get_or_insert(record);
        }
    }
    if let Some(record) = other_id {
        findings.push(Finding::SavedHereAs { session_id: record.session_id, sequence: record.sequence });
    }
    if let Some(record) = newest_missing {
        findings.push(Finding::RolledBack {
            recorded: record.sequence,
            file: file_sequence,
            recorded_at: record.recorded_at,
        });
    }
    if let Some(record) = diverged {
        findings.push(Finding::Diverged { sequence: record.sequence, recorded_at: record.recorded_at });
    }
    if other_id.is_none() && newest_missing.is_none() && diverged.is_none() {
        match witness.records.last() {
            Some(last) => findings.push(Finding::Witnessed { sequence: last.sequence, recorded_at: last.recorded_at }),
            None => findings.push(Finding::NotWitnessed),
        }
    }
}

/// Whether a file may be signed as it stands: sealed with a seal that holds, and nothing in
/// the ledger says it is older than or rewritten from what was saved here. `None` when it
/// may; otherwise why not, in words.
pub fn sign_refusal(findings: &[Finding]) -> Option<String> {
    let refusals: Vec<String> = findings
        .iter()
        .filter(|finding| {
            matches!(finding.class(), Class::Altered | Class::RolledBack) || matches!(finding, Finding::Unsealed(_))
        })
        .map(ToString::to_string)
        .collect();
    (!refusals.is_empty()).then(|| refusals.join("; "))
}
