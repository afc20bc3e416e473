//! `trialscreen evaluate`: a session's verdicts as text or JSON.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use serde_json::{Value as Json, json};

use crate::cli::common::open;
use crate::cli::{out, outln};
use crate::library::Library;
use crate::session_check::check_session;

use crate::engine::explain::{explain, explain_discretion};
use crate::engine::protocol_eval::{DiscretionStatus, Outcome};
use crate::model::protocol::CriterionKind;
use crate::report::signed_verdict::SignedVerdictNote;
use crate::report::still_needed::still_needed;
use crate::report::summary_model::{DecisionEffect, decision_summaries, lapsed_decisions};
use crate::report::summary_text::LISTED_TWICE;
use crate::report::version_notice::VersionNotice;
use crate::screening::{ScreenedProtocol, Screening, verdict_id};
use crate::session::audit::verify;
use crate::status::{Status, verdict_icon, verdict_words};

/// Evaluates a session file against its protocols and prints every criterion.
#[derive(Debug, clap::Args)]
pub struct Args {
    // The session file. (Comments, not docs: `--help` stays as it was.)
    #[allow(missing_docs)] // a doc comment would become `--help` text
    pub file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Prints the screening as text or JSON.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { file, json } = args;
    let (session, text) = open(&file).with_context(|| format!("{} cannot be read", file.display()))?;
    check_session(&session, &text, library).with_context(|| format!("{} cannot be evaluated", file.display()))?;
    let screening = Screening::evaluate(library, &session, crate::cli::common::today());
    if json {
        outln!("{}", serde_json::to_string_pretty(&to_json(&screening))?);
    } else {
        out!("{}", to_text(&screening));
    }
    Ok(ExitCode::SUCCESS)
}

/// The screening as the JSON the issue tracker documents: protocols, verdicts, criteria.
pub fn to_json(screening: &Screening<'_>) -> Json {
    let protocols: Vec<Json> = screening.protocols.iter().map(|screened| protocol_json(screening, screened)).collect();
    let verification = verify(screening.session);
    json!({
        "participant_code": screening.session.participant_code,
        "screening_date": screening.session.dates.screening.to_string(),
        "signed": screening.session.signature.as_ref().map(|s| json!({"by": s.by, "at": s.at.to_rfc3339(), "meaning": s.meaning, "content_sha256": s.content_sha256})),
        "audit": {
            "intact": verification.is_intact(),
            "entries": verification.entries,
            "problems": verification.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        },
        "protocols": protocols,
    })
}

fn protocol_json(screening: &Screening<'_>, screened: &ScreenedProtocol<'_>) -> Json {
    let compiled = &screened.loaded.compiled;
    let protocol = &compiled.protocol;
    let result = &screened.result;
    let decisions = &screening.session.decisions;
    let criteria: Vec<Json> = protocol
        .criteria
        .iter()
        .zip(&result.criteria)
        .map(|(criterion, outcome)| {
            let override_json = match outcome.discretion {
                DiscretionStatus::Applied { decision } => decisions.get(decision).map_or(Json::Null, |d| {
                    json!({"by": d.by, "reason": d.reason, "at": d.at.to_rfc3339()})
                }),
                _ => Json::Null,
            };
            let ignored_override = match outcome.discretion {
                DiscretionStatus::Refused { recorded: Some(_), .. } => {
                    Some(format!("override recorded but ignored: {}", explain_discretion(compiled, result, outcome, &screening.patient)))
                }
                _ => None,
            };
            let judgment = outcome.judgment.and_then(|i| decisions.get(i)).map_or(Json::Null, |d| {
                json!({"by": d.by, "reason": d.reason, "at": d.at.to_rfc3339()})
            });
            json!({
                "id": criterion.id,
                "kind": match criterion.kind { CriterionKind::Inclusion => "inclusion", CriterionKind::Exclusion => "exclusion" },
                "title": criterion.title,
                "outcome": outcome.outcome,
                "status": Status::of(criterion.kind, outcome.outcome, outcome.discretion).word(),
                "eligible_from": outcome.eligible_from.map(|d| d.to_string()),
                "discretion_available": outcome.discretion == DiscretionStatus::Available,
                "override": override_json,
                "override_ignored": ignored_override,
                "judgment": judgment,
                "explanation": explain(compiled, result, outcome, &screening.patient),
            })
        })
        .collect();
    let knowledge = screening.patient.knowledge;
    let still_needed: Vec<Json> = still_needed(knowledge, [result])
        .into_iter()
        .map(|needed| {
            let def = knowledge.item(needed.item);
            json!({
                "item": def.map(|d| d.id.as_str()),
                "label": def.map(|d| d.label.as_str()),
                "criteria": needed.criteria,
                "reasons": needed.reasons.iter().map(|r| r.words()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let decisions_json: Vec<Json> = decision_summaries(screening, screened)
        .iter()
        .map(|summary| {
            let (why, changes) = match &summary.effect {
                DecisionEffect::Lapsed(lapse) => (
                    lapse.why.clone(),
                    lapse
                        .changes
                        .iter()
                        .map(|c| json!({"item": c.item, "what": c.what, "old": c.old, "new": c.new}))
                        .collect(),
                ),
                _ => (Vec::new(), Vec::new()),
            };
            json!({
                "criterion": summary.criterion,
                "decision": summary.decision,
                "by": summary.note.by,
                "at": summary.note.at.to_rfc3339(),
                "reason": summary.note.reason,
                "state": summary.effect.state_id(),
                "effect": summary.effect.words(),
                "why": why,
                "changes": changes,
            })
        })
        .collect();
    let signed_verdict = SignedVerdictNote::of(screening.session, screened).map(|note| {
        json!({
            "signed": note.signed,
            "now": verdict_id(note.now),
            "differs": note.differs(),
            "because": note.because,
            "text": note.sentence(),
        })
    });
    json!({
        "id": protocol.id,
        "version": protocol.version,
        "title": protocol.title,
        "sha256": screened.loaded.sha256,
        "protocol_changed_since_screening": screened.hash_matches == Some(false),
        "listed_twice": screened.listed_twice,
        "newer_version": VersionNotice::of(screened, screening.session.is_signed()).map(|notice| json!({
            "version": notice.newer,
            "corrections": notice.corrections.iter()
                .map(|(criterion, reading)| json!({"criterion": criterion, "reading": reading}))
                .collect::<Vec<Json>>(),
            "rescreen_offered": notice.rescreen_offered,
            "text": notice.headline(),
        })),
        "cohort": screened.reference.cohort,
        "source_complete": protocol.source_complete,
        "source_gaps": protocol.source_gaps,
        "exclusions_note": protocol.exclusions_note,
        "verdict": result.verdict,
        "verdict_text": verdict_words(result.verdict, protocol.source_complete),
        "criteria": criteria,
        "decisions": decisions_json,
        "signed_verdict": signed_verdict,
        "still_needed": still_needed,
    })
}

/// The screening as text for a terminal.
pub fn to_text(screening: &Screening<'_>) -> String {
    let session = screening.session;
    let mut out = String::new();
    let dates = session.dates;
    let _ = write!(out, "Participant {} — screening {}", session.participant_code, dates.screening);
    if let Some(consent) = dates.consent {
        let _ = write!(out, ", consent {consent}");
    }
    match dates.enrollment {
        Some(enrollment) => {
            let _ = writeln!(out, ", enrollment / first dose {enrollment}");
        }
        None => out.push_str(", enrollment / first dose not yet known\n"),
    }
    let verification = verify(session);
    if !verification.is_intact() {
        let _ = writeln!(
            out,
            "⚠ The audit trail does not verify: this file was changed outside trialscreen (run `trialscreen verify`)."
        );
    }
    if let Some(signature) = &session.signature {
        let _ = writeln!(
            out,
            "Signed by {} at {}: {}",
            signature.by,
            signature.at.format("%Y-%m-%d %H:%M UTC"),
            signature.meaning
        );
    }
    for screened in &screening.protocols {
        protocol_text(&mut out, screening, screened);
    }
    out
}

fn protocol_text(out: &mut String, screening: &Screening<'_>, screened: &ScreenedProtocol<'_>) {
    let compiled = &screened.loaded.compiled;
    let protocol = &compiled.protocol;
    let result = &screened.result;
    let _ = writeln!(out, "\n{} v{} — {}", protocol.id, protocol.version, protocol.title);
    if let Some(cohort) = &screened.reference.cohort {
        let label = protocol.cohorts.iter().find(|c| &c.id == cohort).map_or(cohort.as_str(), |c| c.label.as_str());
        let _ = writeln!(out, "Cohort: {label}");
    }
    if screened.hash_matches == Some(false) {
        out.push_str("⚠ The protocol file changed since this session was screened: the evaluation below uses the file now loaded.\n");
    }
    if screened.listed_twice {
        let _ = writeln!(out, "⚠ {LISTED_TWICE}");
    }
    if let Some(notice) = VersionNotice::of(screened, screening.session.is_signed()) {
        let _ = writeln!(out, "⚠ {}", notice.headline());
        for line in notice.correction_lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    let failing: Vec<&str> = screened.failing_criteria().collect();
    let _ = write!(out, "{} {}", verdict_icon(result.verdict), verdict_words(result.verdict, protocol.source_complete));
    if !failing.is_empty() {
        let _ = write!(out, " ({})", failing.join(", "));
    }
    out.push('\n');
    if let Some(gaps) = &protocol.source_gaps {
        let _ = writeln!(out, "⚠ {gaps}");
    }
    if let Some(note) = SignedVerdictNote::of(screening.session, screened).filter(SignedVerdictNote::differs) {
        let _ = writeln!(out, "⚠ {}", note.sentence());
    }
    if result.cohort_missing {
        out.push_str("? No cohort chosen: the cohort's criteria cannot be evaluated.\n");
    }
    let decisions = &screening.session.decisions;
    for (criterion, outcome) in protocol.criteria.iter().zip(&result.criteria) {
        let status = Status::of(criterion.kind, outcome.outcome, outcome.discretion);
        let _ = write!(out, "  {} {:<8} {:<16} {}", status.icon(), criterion.id, status.word(), criterion.title);
        let explanation = explain(compiled, result, outcome, &screening.patient);
        if !explanation.is_empty() && outcome.outcome != Outcome::NotApplicable {
            let _ = write!(out, " — {explanation}");
        }
        if let Some(date) = outcome.eligible_from {
            let _ = write!(out, "; eligible from {date}");
        }
        match outcome.discretion {
            DiscretionStatus::Available => out.push_str("; discretion available (Override…)"),
            DiscretionStatus::Applied { decision } => {
                if let Some(d) = decisions.get(decision) {
                    let _ =
                        write!(out, "; overridden by {} at {}: {}", d.by, d.at.format("%Y-%m-%d %H:%M UTC"), d.reason);
                }
            }
            DiscretionStatus::Refused { recorded, .. } => {
                let why = explain_discretion(compiled, result, outcome, &screening.patient);
                let what = if recorded.is_some() { "override recorded but refused" } else { "override not possible" };
                let _ = write!(out, "; {what}: {why}");
            }
            DiscretionStatus::NotOffered | DiscretionStatus::Unneeded { .. } => {}
        }
        if let Some(d) = outcome.judgment.and_then(|i| decisions.get(i)) {
            let _ = write!(out, "; judged by {} at {}: {}", d.by, d.at.format("%Y-%m-%d %H:%M UTC"), d.reason);
        }
        for lapsed in lapsed_decisions(screening, screened, criterion, outcome) {
            let _ = write!(out, "; {}", lapsed.sentence());
        }
        out.push('\n');
    }
    if let Some(note) = &protocol.exclusions_note {
        let _ = writeln!(out, "  {note}");
    }
    for line in &protocol.information {
        let _ = writeln!(out, "  ℹ {line}");
    }
    let knowledge = screening.patient.knowledge;
    let still_needed = still_needed(knowledge, [result]);
    if !still_needed.is_empty() {
        let names: Vec<String> =
            still_needed.iter().map(|needed| needed.words(knowledge.item_label(needed.item))).collect();
        let _ = writeln!(out, "Still needed: {}", names.join("; "));
    }
}
