//! Rebuilds the audit trail of every bundled example session by replaying its values,
//! attestations and decisions through `apply`, as the app would have recorded them, under
//! the newest version of each protocol. Run after editing an example by hand:
//! `cargo run --example rebuild_example_trails`. With a site folder,
//! `cargo run --example rebuild_example_trails -- examples/sites/NCT03917797`, it rebuilds that
//! site's `sessions/` under the site's vocabulary and protocols instead (one site per run: a
//! site's units are registered for the life of the process).
//!
//! A result the example states without a date is dated with the example's lab date (the
//! latest date among its dated results, else the screening date): every result the engine
//! counts is dated. A treatment history is attested complete, as the investigator of the
//! vignette would. Decisions are recorded with the question they answer and the facts they
//! rest on at that point, so each is in force.

// A developer's tool, run by hand: it may panic with a message when its data are missing
// (the lints in Cargo.toml are for code a user can reach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;

use chrono::{Duration, NaiveTime, TimeZone as _, Utc};
use trialscreen::library::Library;
use trialscreen::screening::Screening;
use trialscreen::session::audit::{Edit, apply, verify};
use trialscreen::session::load::parse_session;
use trialscreen::session::model::Session;
use trialscreen::session::store::to_text;

/// The day the examples are evaluated for when their decisions are recorded.
const EVALUATED_ON: (i32, u32, u32) = (2026, 12, 1);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let site = std::env::args().nth(1).map(std::path::PathBuf::from);
    let (library, folder) = match &site {
        Some(site) => (trialscreen::cli::common::library(Some(site), None, false)?, site.join("sessions")),
        None => (Library::bundled()?, Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples")),
    };
    if let Some(problem) = library.site_problems.first() {
        return Err(format!("{}: {}", problem.file, problem.message).into());
    }
    let today = chrono::NaiveDate::from_ymd_opt(EVALUATED_ON.0, EVALUATED_ON.1, EVALUATED_ON.2).ok_or("date")?;
    let mut paths: Vec<_> = std::fs::read_dir(&folder)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let note: String = text
            .lines()
            .take_while(|l| l.starts_with("// ") && !l.starts_with("// trialscreen"))
            .map(|l| format!("{l}\n"))
            .collect();
        let old = parse_session(&text)?;
        let actor = old.investigator.clone().unwrap_or_else(|| "Example".to_owned());
        let start =
            Utc.from_utc_datetime(&old.dates.screening.and_time(NaiveTime::from_hms_opt(9, 0, 0).ok_or("time")?));
        // Sessions pin the content hash of each protocol they were screened under: the newest.
        let mut protocols = old.protocols.clone();
        for reference in &mut protocols {
            let loaded = library.latest(&reference.id).ok_or("unknown protocol")?;
            reference.version = loaded.compiled.protocol.version;
            reference.sha256 = Some(loaded.sha256.clone());
            reference.vocabulary = Some(loaded.vocabulary_sha256.clone());
        }
        let lab_date = old.values.values().filter_map(|entry| entry.date).max().unwrap_or(old.dates.screening);
        let mut session =
            Session::new(old.participant_code.clone(), protocols, old.dates, old.investigator.clone(), &actor, start);
        let mut at = start;
        for (item, entry) in &old.values {
            at += Duration::seconds(20);
            let mut entry = entry.clone();
            let is_result = library.knowledge.dictionary.item(item).is_some_and(|def| def.dated);
            if is_result && entry.date.is_none() {
                entry.date = Some(lab_date);
            }
            // Only results carry a date (a format-1 checklist could have one).
            if !is_result {
                entry.date = None;
            }
            // The vignettes' current treatments are at the dose they started on: state it, since
            // stability is counted from "dose unchanged since", never from the start date.
            if let trialscreen::model::values::Value::Treatments(rows) = &mut entry.value {
                for row in rows.iter_mut().filter(|row| row.ongoing && row.dose.is_some() && row.dose_since.is_none()) {
                    row.dose_since = row.start;
                }
            }
            apply(&mut session, Edit::SetValue { item: item.clone(), entry: Some(entry) }, &actor, at)?;
        }
        if session.values.contains_key("treatment_history") {
            at += Duration::seconds(20);
            apply(&mut session, Edit::Attest { item: "treatment_history".to_owned() }, &actor, at)?;
        }
        for decision in &old.decisions {
            let when = decision.at.max(at + Duration::seconds(20));
            let screening = Screening::evaluate(&library, &session, today);
            let recorded = screening
                .decision_for(
                    &decision.protocol,
                    &decision.criterion,
                    decision.kind,
                    decision.reason.clone(),
                    decision.by.clone(),
                    when,
                )
                .ok_or_else(|| format!("{}: {} {}", path.display(), decision.protocol, decision.criterion))?;
            apply(&mut session, Edit::Decide(recorded), &decision.by, when)?;
            at = when;
        }
        let report = verify(&session);
        if !report.is_intact() {
            return Err(format!("{}: {:?}", path.display(), report.problems).into());
        }
        std::fs::write(&path, format!("{note}{}", to_text(&session)?))?;
        println!("{}: {} entries", path.display(), session.audit.len());
    }
    Ok(())
}
