//! The summary as plain text, in the order the page prints it: the screening's view and
//! what the printout adds. Used for snapshot tests of the model and as a preview; the
//! summary is destructured so a new field cannot be left out silently.

use std::fmt::Write as _;

use crate::i18n::{text, text_with};
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
    let _ = writeln!(out, "{}", text_with("text-title", &[("code", view.participant_code.clone())]));
    let printed = printed_at.format(TIME_FORMAT).to_string();
    let _ = writeln!(out, "{}", text_with("text-session-file", &[("file", file_name.clone()), ("printed", printed)]));
    let investigator = view.investigator.clone().unwrap_or_else(|| text("date-not-entered"));
    let _ = writeln!(out, "{}", text_with("text-investigator", &[("investigator", investigator)]));
    let _ = writeln!(out, "{}", text_with("text-dates", &[("dates", dates_text(&view.dates))]));
    for missing in protocols_not_evaluated {
        let _ = writeln!(out, "{}", text_with("text-protocol-not-in-build", &[("protocol", missing.clone())]));
    }
    for protocol in &view.protocols {
        protocol_text(&mut out, protocol);
    }
    let _ = writeln!(out, "\n{}", text("text-changes"));
    if changes.is_empty() {
        let _ = writeln!(out, "{}", text("summary-no-changes"));
    }
    for change in changes {
        let RecordChange { seq, at, by, what, old, new, reason } = change;
        let line = text_with(
            "text-change",
            &[
                ("seq", seq.to_string()),
                ("at", at.format(TIME_FORMAT).to_string()),
                ("by", by.clone()),
                ("what", what.clone()),
                ("old", old.clone()),
                ("new", new.clone()),
                ("reason", reason.clone().unwrap_or_else(|| text("summary-none-recorded"))),
            ],
        );
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\n{}\n{}", text("text-audit-trail"), view.verification.sentence());
    for line in view.verification.clock_lines() {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n{}", text("text-signature"));
    for line in signature_lines(signature, content_sha256) {
        let _ = writeln!(out, "{line}");
    }
    for event in signature_history {
        let _ = writeln!(out, "  {}", signature_event_text(event));
    }
    out
}

fn protocol_text(out: &mut String, protocol: &ProtocolView) {
    let heading = text_with(
        "text-protocol",
        &[
            ("protocol", protocol.id.clone()),
            ("version", protocol.version.to_string()),
            ("title", protocol.title.clone()),
        ],
    );
    let _ = writeln!(out, "\n{heading}");
    let _ = writeln!(out, "{}", text_with("summary-protocol-source", &[("source", protocol.source.clone())]));
    let _ = writeln!(out, "{}", text_with("summary-protocol-sha256", &[("sha256", protocol.sha256.clone())]));
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
        let _ = writeln!(out, "{} {cohort}", text("summary-cohort"));
    }
    let _ = writeln!(out, "{}", text_with("text-verdict", &[("verdict", protocol.verdict_line())]));
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
        let _ = writeln!(out, "{}", text("summary-decisions"));
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
        let _ = writeln!(out, "      {}", text_with("text-discretion-in-source", &[("text", text.to_owned())]));
    }
    let source = criterion.source_text.clone();
    let line = match criterion.source_place() {
        Some(place) => text_with("text-source-at", &[("place", place), ("text", source)]),
        None => text_with("text-source", &[("text", source)]),
    };
    let _ = writeln!(out, "      {line}");
    if let Some(interpretation) = &criterion.interpretation {
        let _ = writeln!(out, "      {}", text_with("text-interpretation", &[("text", interpretation.clone())]));
    }
}

/// The signature block's lines: who signed, when, meaning and hash; or the lines to sign
/// by hand with the content hash they cover.
pub fn signature_lines(signature: &SignatureBlock, content_sha256: &str) -> Vec<String> {
    match signature {
        SignatureBlock::Signed { by, at, meaning, content_sha256: signed, covers_content } => {
            let at = at.format(TIME_FORMAT).to_string();
            let mut lines = vec![
                text_with("signature-signed-by", &[("by", by.clone()), ("at", at)]),
                text_with("signature-meaning", &[("meaning", meaning.clone())]),
                text_with("signature-signed-content", &[("sha256", signed.clone())]),
            ];
            if !covers_content {
                lines.push(text_with("signature-does-not-cover", &[("sha256", content_sha256.to_owned())]));
            }
            lines
        }
        SignatureBlock::Unsigned => vec![
            text("signature-unsigned"),
            text_with("signature-unsigned-hash", &[("sha256", content_sha256.to_owned())]),
        ],
    }
}

/// A signature or amendment of the trail in one line.
pub fn signature_event_text(event: &SignatureEvent) -> String {
    let SignatureEvent { seq, at, actor, amended, signature, reason } = event;
    if *amended {
        text_with(
            "signature-event-amended",
            &[
                ("seq", seq.to_string()),
                ("at", at.format(TIME_FORMAT).to_string()),
                ("actor", actor.clone()),
                ("by", signature.by.clone()),
                ("signed_at", signature.at.format(TIME_FORMAT).to_string()),
                ("reason", reason.clone().unwrap_or_else(|| text("summary-none-recorded"))),
            ],
        )
    } else {
        text_with(
            "signature-event-signed",
            &[
                ("seq", seq.to_string()),
                ("at", at.format(TIME_FORMAT).to_string()),
                ("by", signature.by.clone()),
                ("meaning", signature.meaning.clone()),
                ("sha256", signature.content_sha256.clone()),
            ],
        )
    }
}
