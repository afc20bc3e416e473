//! Evaluation speed. `seed000_v1`: the V1 patient against `refractory-sle-age5` (41
//! criteria, dates, three-valued logic, explanation facts; text built lazily, only when
//! shown). `all_seed_protocols`: a V1-like patient against all three seed protocols.
//! `only_<protocol>`: that patient against each seed protocol alone, to see where
//! `all_seed_protocols` spends. The `_with_*` variants add indexing the session and rendering
//! every explanation. The `_cold` variants evict the engine from the core's caches before each call,
//! as in the app, where a frame of the window runs between two evaluations.

// A developer's tool, run by hand: it may panic with a message when its data are missing
// (the lints in Cargo.toml are for code a user can reach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use trialscreen::engine::explain::explain;
use trialscreen::engine::patient::PatientFacts;
use trialscreen::engine::protocol_eval::evaluate_protocol;
use trialscreen::library::Library;
use trialscreen::session::load::parse_session;
use trialscreen::session::model::{ProtocolRef, Session};

const V1: &str = include_str!("../data/examples/v01-eligible-adolescent.ron");

fn v1() -> Session {
    match parse_session(V1) {
        Ok(session) => session,
        Err(error) => panic!("V1 example: {error}"),
    }
}

fn benches(c: &mut Criterion) {
    let library = match Library::bundled() {
        Ok(library) => library,
        Err(error) => panic!("bundled data: {error}"),
    };
    let session = v1();
    let Some(seed000) = library.get("refractory-sle-age5", 1) else { panic!("seed 000") };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let patient = PatientFacts::new(&library.knowledge, &session.values, session.dates, &session.attestations, day);

    c.bench_function("seed000_v1", |b| {
        b.iter(|| evaluate_protocol(&seed000.compiled, black_box(&patient), None, &session.decisions))
    });

    let mut all = session.clone();
    all.protocols = vec![
        ProtocolRef { id: "refractory-sle-age5".into(), version: 1, sha256: None, cohort: None, vocabulary: None },
        ProtocolRef {
            id: "refractory-autoimmune-5cohort".into(),
            version: 1,
            sha256: None,
            cohort: Some("SLE".into()),
            vocabulary: None,
        },
        ProtocolRef { id: "huc-msc-sle".into(), version: 1, sha256: None, cohort: None, vocabulary: None },
    ];
    let selected: Vec<_> =
        all.protocols.iter().filter_map(|r| library.get(&r.id, r.version).map(|p| (p, r.cohort.as_deref()))).collect();
    let all_patient = PatientFacts::new(&library.knowledge, &all.values, all.dates, &all.attestations, day);
    c.bench_function("all_seed_protocols", |b| {
        b.iter(|| {
            for (loaded, cohort) in &selected {
                black_box(evaluate_protocol(&loaded.compiled, black_box(&all_patient), *cohort, &all.decisions));
            }
        })
    });

    for (loaded, cohort) in &selected {
        let name = format!("only_{}", loaded.compiled.protocol.id);
        c.bench_function(&name, |b| {
            b.iter(|| black_box(evaluate_protocol(&loaded.compiled, black_box(&all_patient), *cohort, &all.decisions)))
        });
    }

    // Like for like with the benches before protocol version 2: `seed000_v1` and
    // `all_seed_protocols` pin version 1, and V1's decisions, recorded under version 2 since
    // the examples moved to it, lapse there on every call (a path that did not exist before).
    // These evaluate the same patients against the versions their sessions name, where the
    // decisions apply as they did then.
    let Some(own) = session.protocols.first().and_then(|r| library.get(&r.id, r.version)) else {
        panic!("V1's protocol")
    };
    c.bench_function("seed000_v1_own_version", |b| {
        b.iter(|| evaluate_protocol(&own.compiled, black_box(&patient), None, &session.decisions))
    });
    let current: Vec<_> =
        all.protocols.iter().filter_map(|r| library.get(&r.id, 2).map(|p| (p, r.cohort.as_deref()))).collect();
    assert_eq!(current.len(), 3, "every seed protocol has a version 2");
    c.bench_function("all_seed_protocols_current", |b| {
        b.iter(|| {
            for (loaded, cohort) in &current {
                black_box(evaluate_protocol(&loaded.compiled, black_box(&all_patient), *cohort, &all.decisions));
            }
        })
    });

    // Cold, as in the app, where a frame of the window runs between two evaluations: before
    // each call 8 MiB are written, which evicts the engine's code and data from the core's
    // own caches (its L2 holds its L1s), so they come from the shared cache. Only the call is
    // timed.
    let mut junk = vec![0u8; 8 << 20];
    c.bench_function("seed000_v1_own_version_cold", |b| {
        b.iter_batched(
            || evict(&mut junk),
            |()| evaluate_protocol(&own.compiled, black_box(&patient), None, &session.decisions),
            BatchSize::PerIteration,
        )
    });

    c.bench_function("all_seed_protocols_current_cold", |b| {
        b.iter_batched(
            || evict(&mut junk),
            |()| {
                for (loaded, cohort) in &current {
                    black_box(evaluate_protocol(&loaded.compiled, black_box(&all_patient), *cohort, &all.decisions));
                }
            },
            BatchSize::PerIteration,
        )
    });

    c.bench_function("seed000_v1_with_indexing", |b| {
        b.iter(|| {
            let session = black_box(&session);
            let patient =
                PatientFacts::new(&library.knowledge, &session.values, session.dates, &session.attestations, day);
            evaluate_protocol(&seed000.compiled, &patient, None, &session.decisions)
        })
    });

    c.bench_function("seed000_v1_with_explanations", |b| {
        b.iter(|| {
            let result = evaluate_protocol(&seed000.compiled, black_box(&patient), None, &session.decisions);
            let text: usize = result
                .criteria
                .iter()
                .map(|criterion| explain(&seed000.compiled, &result, criterion, &patient).len())
                .sum();
            black_box(text)
        })
    });
}

/// Writes one byte of every 64-byte line of `junk`, so what the caches held before is gone.
fn evict(junk: &mut [u8]) {
    for byte in junk.iter_mut().step_by(64) {
        *byte = byte.wrapping_add(1);
    }
}

criterion_group!(evaluate, benches);
criterion_main!(evaluate);
