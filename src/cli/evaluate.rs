//! `trialscreen evaluate`: a session's verdicts as text or JSON.

use crate::i18n::display_width::pad_to;
use crate::i18n::text_with;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use serde_json::{Value as Json, json};

use crate::cli::common::open;
use crate::cli::{out, outln};
use crate::library::Library;
use crate::session_check::check_session;

use crate::report::screening_view::{
    CriterionView, DecisionEffect, DiscretionView, JudgmentView, NoteKind, ProtocolView, ScreeningView,
};
use crate::screening::{Screening, verdict_id};

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
    let view = ScreeningView::of(&screening);
    if json {
        outln!("{}", serde_json::to_string_pretty(&to_json(&view))?);
    } else {
        out!("{}", to_text(&view));
    }
    Ok(ExitCode::SUCCESS)
}

/// The screening's view as the JSON the issue tracker documents: protocols, verdicts,
/// criteria.
pub fn to_json(view: &ScreeningView) -> Json {
    let protocols: Vec<Json> = view.protocols.iter().map(protocol_json).collect();
    json!({
        "participant_code": view.participant_code,
        "screening_date": view.dates.screening.to_string(),
        "signed": view.signature.as_ref().map(|s| json!({"by": s.by, "at": s.at.to_rfc3339(), "meaning": s.meaning, "content_sha256": s.content_sha256})),
        "audit": {
            "intact": view.verification.intact,
            "entries": view.verification.entries,
            "problems": view.verification.problems,
        },
        "protocols": protocols,
    })
}

fn decision_json(decision: &crate::report::screening_view::DecisionNote) -> Json {
    json!({"by": decision.by, "reason": decision.reason, "at": decision.at.to_rfc3339()})
}

fn criterion_json(criterion: &CriterionView) -> Json {
    let override_json = match &criterion.discretion {
        DiscretionView::Applied { decision, .. } => decision_json(decision),
        _ => Json::Null,
    };
    let ignored_override = match &criterion.discretion {
        DiscretionView::Refused { recorded: Some(_), .. } => {
            criterion.notes.iter().find(|note| note.kind == NoteKind::OverrideRefused).map(|note| note.text.clone())
        }
        _ => None,
    };
    let judgment = match &criterion.judgment {
        JudgmentView::Decided(decision) => decision_json(decision),
        _ => Json::Null,
    };
    json!({
        "id": criterion.id,
        "kind": criterion.kind_word(),
        "title": criterion.title,
        "outcome": criterion.outcome,
        "status": criterion.status.word(),
        "icon": criterion.status.icon(),
        "eligible_from": criterion.eligible_from.map(|d| d.to_string()),
        "discretion_available": matches!(criterion.discretion, DiscretionView::Available(_)),
        "override": override_json,
        "override_ignored": ignored_override,
        "judgment": judgment,
        "explanation": criterion.explanation,
        "source": json!({
            "heading": criterion.heading,
            "label": criterion.source_label,
            "text": criterion.source_text,
            "interpretation": criterion.interpretation,
        }),
        "notes": criterion.notes.iter().map(|note| note.text.as_str()).collect::<Vec<_>>(),
    })
}

fn protocol_json(protocol: &ProtocolView) -> Json {
    let still_needed: Vec<Json> = protocol
        .still_needed
        .iter()
        .map(|needed| {
            json!({
                "item": needed.item,
                "label": needed.label,
                "criteria": needed.criteria,
                "reasons": needed.reasons,
            })
        })
        .collect();
    let decisions_json: Vec<Json> = protocol
        .decisions
        .iter()
        .map(|recorded| {
            let (why, changes) = match &recorded.effect {
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
                "criterion": recorded.criterion,
                "decision": recorded.decision,
                "by": recorded.note.by,
                "at": recorded.note.at.to_rfc3339(),
                "reason": recorded.note.reason,
                "state": recorded.effect.state_id(),
                "effect": recorded.effect.words(),
                "why": why,
                "changes": changes,
            })
        })
        .collect();
    let signed_verdict = protocol.signed_verdict.as_ref().map(|note| {
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
        "sha256": protocol.sha256,
        "protocol_changed_since_screening": protocol.protocol_changed,
        "listed_twice": protocol.listed_twice,
        "newer_version": protocol.version_notice.as_ref().map(|banner| json!({
            "version": banner.notice.newer,
            "corrections": banner.notice.corrections.iter()
                .map(|(criterion, reading)| json!({"criterion": criterion, "reading": reading}))
                .collect::<Vec<Json>>(),
            "rescreen_offered": banner.notice.rescreen_offered,
            "text": banner.notice.headline(),
        })),
        "cohort": protocol.cohort_id,
        "source_complete": protocol.source_complete,
        "source_gaps": protocol.source_gaps,
        "exclusions_note": protocol.exclusions_note,
        "verdict": protocol.verdict,
        "verdict_text": protocol.verdict_words,
        "ineligible_by": protocol.ineligible_by,
        "criteria": protocol.criteria.iter().map(criterion_json).collect::<Vec<_>>(),
        "decisions": decisions_json,
        "signed_verdict": signed_verdict,
        "still_needed": still_needed,
    })
}

/// The screening's view as text for a terminal.
pub fn to_text(view: &ScreeningView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", view.participant_line());
    if !view.verification.intact {
        let _ = writeln!(
            out,
            "{}",
            text_with("cli-evaluate-does-not-verify", &[("command", "trialscreen verify".to_owned())])
        );
    }
    if let Some(signature) = &view.signature {
        let _ = writeln!(out, "{}", signature.sentence());
    }
    for protocol in &view.protocols {
        protocol_text(&mut out, protocol);
    }
    out
}

fn protocol_text(out: &mut String, protocol: &ProtocolView) {
    let _ = writeln!(out, "\n{} v{} — {}", protocol.id, protocol.version, protocol.title);
    if let Some(cohort) = &protocol.cohort {
        let _ = writeln!(out, "{}", text_with("cli-evaluate-cohort", &[("cohort", cohort.to_string())]));
    }
    for warning in protocol.warnings() {
        let _ = writeln!(out, "{warning}");
    }
    if let Some(banner) = &protocol.version_notice {
        let _ = writeln!(out, "{}", banner.headline);
        for line in &banner.corrections {
            let _ = writeln!(out, "    {line}");
        }
    }
    let _ = writeln!(out, "{}", protocol.verdict_line());
    for line in protocol.source_incomplete().into_iter().chain(protocol.signed_verdict_warning()) {
        let _ = writeln!(out, "{line}");
    }
    for criterion in &protocol.criteria {
        let status = criterion.status;
        let _ = write!(
            out,
            "  {} {} {} {}",
            status.icon(),
            pad_to(&criterion.id, 8),
            pad_to(status.word(), 16),
            criterion.title
        );
        let details = criterion.details_line();
        if !details.is_empty() {
            let _ = write!(out, " — {details}");
        }
        out.push('\n');
    }
    if let Some(note) = &protocol.exclusions_note {
        let _ = writeln!(out, "  {note}");
    }
    for line in &protocol.information {
        let _ = writeln!(out, "  ℹ {line}");
    }
    if let Some(line) = protocol.still_needed_line() {
        let _ = writeln!(out, "{line}");
    }
}
