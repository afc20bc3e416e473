//! Runs the seed-000 evaluation in a loop, for a profiler (`perf record`).

// A developer's tool, run by hand: it may panic with a message when its data are missing
// (the lints in Cargo.toml are for code a user can reach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use trialscreen::engine::patient::PatientFacts;
use trialscreen::engine::protocol_eval::evaluate_protocol;
use trialscreen::library::Library;
use trialscreen::session::load::parse_session;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let library = Library::bundled()?;
    let session = parse_session(include_str!("../data/examples/v01-eligible-adolescent.ron"))?;
    let protocol = library.get("refractory-sle-age5", 1).ok_or("seed 000")?;
    let patient = PatientFacts::new(
        &library.knowledge,
        &session.values,
        session.dates,
        &session.attestations,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
    );
    let mut total = 0usize;
    for _ in 0..2_000_000 {
        let result = evaluate_protocol(&protocol.compiled, &patient, None, &session.decisions);
        total += result.facts.len();
    }
    println!("{total}");
    Ok(())
}
