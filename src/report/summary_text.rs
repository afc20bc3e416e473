//! The summary as plain text, in the order the page prints it: the screening's view and
//! what the printout adds. Used for snapshot tests of the model and as a preview; the
//! summary is destructured so a new field cannot be left out silently.

use std::fmt::Write as _;

use crate::report::screening_view::{CriterionView, ProtocolView, TIME_FORMAT, dates_text};
use crate::report::summary_model::{RecordChange, SignatureBlock, SignatureEvent, Summary};

/// The summary as text.
pub fn to_text(summary: &Summary) -> String {
    let Summary {
        file_name,
        printed_at,
        view,
        protocols_not_evaluated,
        changes,
        signature,
        signature_history,
        content_sha256,
    } = summary;
    let mut out = String::new();
    let _ = writeln!(out, "SCREENING SUMMARY — participant {}", view.participant_code);
    let _ = writeln!(out, "Session file {file_name}, printed {}", printed_at.format(TIME_FORMAT));
    let _ = writeln!(out, "Investigator {}", view.investigator.as_deref().unwrap_or("not entered"));
    let _ = writeln!(out, "Dates: {}", dates_text(&view.dates));
    for missing in protocols_not_evaluated {
        let _ = writeln!(out, "✖ Protocol {missing} is not in this build: not evaluated.");
    }
    for protocol in &view.protocols {
        protocol_text(&mut out, protocol);
    }
    out.push_str("\nCHANGES AFTER FIRST ENTRY\n");
    if changes.is_empty() {
        out.push_str("None: no value, date or decision was changed after it was first entered.\n");
    }
    for change in changes {
        let RecordChange { seq, at, by, what, old, new, reason } = change;
        let _ = writeln!(
            out,
            "  #{seq} {} {by}: {what}: {old} → {new}; reason: {}",
            at.format(TIME_FORMAT),
            reason.as_deref().unwrap_or("none recorded")
        );
    }
    let _ = writeln!(out, "\nAUDIT TRAIL\n{}", view.verification.sentence());
    for line in view.verification.clock_lines() {
        let _ = writeln!(out, "{line}");
    }
    out.push_str("\nSIGNATURE\n");
    for line in signature_lines(signature, content_sha256) {
        let _ = writeln!(out, "{line}");
    }
    for event in signature_history {
        let _ = writeln!(out, "  {}", signature_event_text(event));
    }
    out
}

fn protocol_text(out: &mut String, protocol: &ProtocolView) {
    let _ = writeln!(out, "\nPROTOCOL {} version {} — {}", protocol.id, protocol.version, protocol.title);
    let _ = writeln!(out, "Source: {}", protocol.source);
    let _ = writeln!(out, "Protocol file SHA-256 {}", protocol.sha256);
    for warning in protocol.warnings() {
        let _ = writeln!(out, "{warning}");
    }
    if let Some(banner) = &protocol.version_notice {
        let _ = writeln!(out, "{}", banner.headline);
        for line in &banner.corrections {
            let _ = writeln!(out, "    {line}");
        }
    }
    if let Some(cohort) = &protocol.cohort {
        let _ = writeln!(out, "Cohort {cohort}");
    }
    let _ = writeln!(out, "VERDICT {}", protocol.verdict_line());
    for line in protocol.source_incomplete().into_iter().chain(protocol.signed_verdict_warning()) {
        let _ = writeln!(out, "{line}");
    }
    for criterion in &protocol.criteria {
        criterion_text(out, criterion);
    }
    if let Some(note) = &protocol.exclusions_note {
        let _ = writeln!(out, "  {note}");
    }
    for line in &protocol.information {
        let _ = writeln!(out, "  ℹ {line}");
    }
    if !protocol.decisions.is_empty() {
        out.push_str("Overrides and judgments\n");
    }
    for decision in &protocol.decisions {
        let _ = writeln!(out, "  {}", decision.line());
    }
    if let Some(line) = protocol.still_needed_line() {
        let _ = writeln!(out, "{line}");
    }
}

fn criterion_text(out: &mut String, criterion: &CriterionView) {
    let _ = writeln!(
        out,
        "  {} {} {} — {}",
        criterion.status.icon(),
        criterion.id,
        criterion.status.word(),
        criterion.title
    );
    if !criterion.explanation.is_empty() {
        let _ = writeln!(out, "      {}", criterion.explanation);
    }
    for note in &criterion.notes {
        let _ = writeln!(out, "      {}", note.text);
    }
    if let Some(text) = criterion.discretion_source() {
        let _ = writeln!(out, "      Discretion in the source: {text}");
    }
    match criterion.source_place() {
        Some(place) => {
            let _ = writeln!(out, "      Source ({place}): {}", criterion.source_text);
        }
        None => {
            let _ = writeln!(out, "      Source: {}", criterion.source_text);
        }
    }
    if let Some(interpretation) = &criterion.interpretation {
        let _ = writeln!(out, "      Interpretation: {interpretation}");
    }
}

/// The signature block's lines: who signed, when, meaning and hash; or the lines to sign
/// by hand with the content hash they cover.
pub fn signature_lines(signature: &SignatureBlock, content_sha256: &str) -> Vec<String> {
    match signature {
        SignatureBlock::Signed { by, at, meaning, content_sha256: signed, covers_content } => {
            let mut lines = vec![
                format!("Signed electronically by {by} at {}", at.format(TIME_FORMAT)),
                format!("Meaning: “{meaning}”"),
                format!("Signed content SHA-256 {signed}"),
            ];
            if !covers_content {
                lines.push(format!(
                    "✖ The signature does not cover the content now (content SHA-256 {content_sha256})."
                ));
            }
            lines
        }
        SignatureBlock::Unsigned => vec![
            "Not signed electronically. Sign by hand below; the signature covers the content with".to_owned(),
            format!("SHA-256 {content_sha256}"),
        ],
    }
}

/// A signature or amendment of the trail in one line.
pub fn signature_event_text(event: &SignatureEvent) -> String {
    let SignatureEvent { seq, at, actor, amended, signature, reason } = event;
    if *amended {
        format!(
            "#{seq} {}: reopened for amendment by {actor} (the signature of {} at {} no longer covers it); reason: {}",
            at.format(TIME_FORMAT),
            signature.by,
            signature.at.format(TIME_FORMAT),
            reason.as_deref().unwrap_or("none recorded")
        )
    } else {
        format!(
            "#{seq} {}: signed by {} (“{}”), content SHA-256 {}",
            at.format(TIME_FORMAT),
            signature.by,
            signature.meaning,
            signature.content_sha256
        )
    }
}
