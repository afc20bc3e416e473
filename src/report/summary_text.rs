//! The summary as plain text: every field of the model, in the order the page prints it.
//! Used for snapshot tests of the model and as a preview; destructured so a new field of
//! the model cannot be left out silently.

use std::fmt::Write as _;

use crate::report::summary_model::{
    CriterionSummary, DecisionSummary, ProtocolSummary, RecordChange, SignatureBlock, SignatureEvent, Summary,
    TIME_FORMAT, VerificationSummary, dates_text,
};

/// The summary as text.
pub fn to_text(summary: &Summary) -> String {
    let Summary {
        file_name,
        printed_at,
        participant_code,
        dates,
        investigator,
        protocols,
        protocols_not_evaluated,
        changes,
        verification,
        signature,
        signature_history,
        content_sha256,
    } = summary;
    let mut out = String::new();
    let _ = writeln!(out, "SCREENING SUMMARY — participant {participant_code}");
    let _ = writeln!(out, "Session file {file_name}, printed {}", printed_at.format(TIME_FORMAT));
    let _ = writeln!(out, "Investigator {}", investigator.as_deref().unwrap_or("not entered"));
    let _ = writeln!(out, "Dates: {}", dates_text(dates));
    for missing in protocols_not_evaluated {
        let _ = writeln!(out, "✖ Protocol {missing} is not in this build: not evaluated.");
    }
    for protocol in protocols {
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
    let VerificationSummary { intact: _, entries: _, problems: _, clock_went_back } = verification;
    let _ = writeln!(out, "\nAUDIT TRAIL\n{}", verification.sentence());
    for seq in clock_went_back {
        let _ = writeln!(out, "⚠ Entry {seq} is timed before the entry preceding it: the clock went backwards.");
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

fn protocol_text(out: &mut String, protocol: &ProtocolSummary) {
    let ProtocolSummary {
        id,
        version,
        title,
        source,
        sha256,
        changed_since_screening,
        listed_twice,
        version_notice,
        signed_verdict,
        cohort,
        cohort_missing,
        verdict: _,
        verdict_icon,
        verdict_words,
        ineligible_by,
        source_incomplete,
        exclusions_note,
        criteria,
        decisions,
        still_needed,
    } = protocol;
    let _ = writeln!(out, "\nPROTOCOL {id} version {version} — {title}");
    let _ = writeln!(out, "Source: {source}");
    let _ = writeln!(out, "Protocol file SHA-256 {sha256}");
    if *changed_since_screening {
        out.push_str(
            "⚠ The protocol file changed since this session was screened: evaluated with the file now loaded.\n",
        );
    }
    if *listed_twice {
        let _ = writeln!(out, "⚠ {LISTED_TWICE}");
    }
    if let Some(notice) = version_notice {
        let _ = writeln!(out, "⚠ {}", notice.headline());
        for line in notice.correction_lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    if let Some(cohort) = cohort {
        let _ = writeln!(out, "Cohort {cohort}");
    }
    if *cohort_missing {
        out.push_str("? No cohort chosen: the cohort's criteria cannot be evaluated.\n");
    }
    let _ = write!(out, "VERDICT {verdict_icon} {verdict_words}");
    if !ineligible_by.is_empty() {
        let _ = write!(out, " ({})", ineligible_by.join(", "));
    }
    out.push('\n');
    if let Some(banner) = source_incomplete {
        let _ = writeln!(out, "⚠ {banner}");
    }
    if let Some(note) = signed_verdict.as_ref().filter(|note| note.differs()) {
        let _ = writeln!(out, "⚠ {}", note.sentence());
    }
    for criterion in criteria {
        criterion_text(out, criterion);
    }
    if let Some(note) = exclusions_note {
        let _ = writeln!(out, "  {note}");
    }
    if !decisions.is_empty() {
        out.push_str("Overrides and judgments\n");
    }
    for decision in decisions {
        let DecisionSummary { criterion, decision, note, effect } = decision;
        let _ = writeln!(out, "  {criterion} {decision} {} — {}", note.sentence(), effect.words());
    }
    if !still_needed.is_empty() {
        let names: Vec<String> = still_needed.iter().map(|(label, needed)| needed.words(label)).collect();
        let _ = writeln!(out, "Still needed: {}", names.join("; "));
    }
}

fn criterion_text(out: &mut String, criterion: &CriterionSummary) {
    let CriterionSummary {
        id,
        kind: _,
        title,
        status,
        deciding_values,
        not_applicable: _,
        eligible_from: _,
        discretion: _,
        judgment: _,
        lapsed: _,
        source_heading,
        source_text,
        interpretation,
    } = criterion;
    let _ = writeln!(out, "  {} {id} {} — {title}", status.icon(), status.word());
    if !deciding_values.is_empty() {
        let _ = writeln!(out, "      {deciding_values}");
    }
    if let Some(note) = criterion.not_applicable_note() {
        let _ = writeln!(out, "      {note}");
    }
    for note in criterion.notes() {
        let _ = writeln!(out, "      {note}");
    }
    if let Some(text) = criterion.discretion_source() {
        let _ = writeln!(out, "      Discretion in the source: {text}");
    }
    match source_heading {
        Some(heading) => {
            let _ = writeln!(out, "      Source ({heading}): {source_text}");
        }
        None => {
            let _ = writeln!(out, "      Source: {source_text}");
        }
    }
    if let Some(interpretation) = interpretation {
        let _ = writeln!(out, "      Interpretation: {interpretation}");
    }
}

/// Said of a session that lists a protocol more than once, wherever the protocol is shown.
pub const LISTED_TWICE: &str = "This session lists the protocol more than once (a participant is screened under one cohort): the record contradicts itself and opens read-only; correct it in a copy.";

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
