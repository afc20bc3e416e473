//! The figures of a folder of many sessions (see `scripts/bench_sessions.sh`).
//!
//! `cargo run --release --example bench_sessions -- generate FOLDER COUNT`
//!   writes COUNT distinct sealed session files into FOLDER: each starts from a bundled
//!   example (so every protocol and many verdicts occur) and is made through the library's
//!   own session API, as the workstation records edits: a new session with its own
//!   participant code and the example's dates shifted by up to two years, each of the
//!   example's values entered (results dated with the shift, numbers scaled by 0.70–1.30),
//!   and a trail lengthened by up to 24 corrections; then sealed, two sessions in three
//!   signed electronically (with the verdicts of their screening day, as a site's folder
//!   holds mostly signed visits: a signature adds a second Ed25519 check and the content
//!   hash to every read) and saved by `store::save`.
//!
//! `cargo run --release --example bench_sessions -- frames DATA_ROOT`
//!   the start view (1366×768) over the per-user data folder DATA_ROOT (its `sessions/`
//!   folder), frame by frame as the window draws it (egui pass + tessellation, the pointer
//!   moving), from the first frame until the browser's scan completes: the CPU time of each
//!   frame while the scan runs on the other threads, and the time to the first frame.
//!
//! `cargo run --release --example bench_sessions -- profile FOLDER`
//!   where the time of `log` goes, per file, on one thread: reading, RON parsing, the
//!   library check, evaluation, the log row (content hash, seal), and for comparison what
//!   `log` does not do (the BLAKE3 head of the bytes the scan takes, the audit chain's
//!   entry hashes `verify` recomputes), then writing the CSV.
//!
//! `cargo run --release --example bench_sessions -- browser FOLDER DATA_ROOT`
//!   times the session browser's background scan of FOLDER to completion, cold (no summary
//!   cache in the per-user data folder DATA_ROOT) then warm (the cache the cold scan wrote,
//!   signed by DATA_ROOT's installation key), and prints both.

// A developer's tool, run by hand: it may panic with a message when its data are missing
// (the lints in Cargo.toml are for code a user can reach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveTime, TimeZone as _, Utc};
use trialscreen::app::session_browser::SessionBrowser;
use trialscreen::app::summary_cache::CacheStore;
use trialscreen::app::workspace::Folders;
use trialscreen::files::FileHead;
use trialscreen::library::{BUNDLED_EXAMPLES, Library};
use trialscreen::model::values::Value;
use trialscreen::records::identity::{IdentityStore, KdfParams};
use trialscreen::records::signer_name::SignerName;
use trialscreen::screening::Screening;
use trialscreen::session::audit::{Edit, apply};
use trialscreen::session::e_signing;
use trialscreen::session::load::parse_session;
use trialscreen::session::sealing::{self, Sealer};
use trialscreen::session::sign_meaning::SignOff;
use trialscreen::session::store;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::preferences::Preferences;
use trialscreen::user_data::UserData;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["generate", folder, count] => generate(Path::new(folder), count.parse()?),
        ["browser", folder, root] => browser(Path::new(folder), Path::new(root)),
        ["frames", root] => frames(Path::new(root)),
        ["profile", folder] => profile(Path::new(folder)),
        _ => Err(
            "usage: bench_sessions generate FOLDER COUNT | browser FOLDER DATA_ROOT | frames DATA_ROOT | profile FOLDER"
                .into(),
        ),
    }
}

fn generate(folder: &Path, count: usize) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(folder)?;
    let keys = tempfile::tempdir()?;
    let sealer = Sealer::of(&UserData::at(keys.path()))?;
    let examples: Vec<_> = BUNDLED_EXAMPLES.iter().map(|(_, text)| parse_session(text)).collect::<Result<_, _>>()?;
    let library = Library::bundled()?;
    let signer_name = SignerName::parse("Dr Bench Signer")?;
    let cheap = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };
    let signer = IdentityStore::at(UserData::at(keys.path()).signer_identities())
        .create(&signer_name, "bench passphrase", cheap, Utc::now())?
        .unlock("bench passphrase")?;
    let sign_off = SignOff::custom("I confirm the eligibility assessment above.");
    let started = Instant::now();
    for index in 0..count {
        let example = &examples[index % examples.len()];
        let actor = example.investigator.clone().unwrap_or_else(|| "Bench".to_owned());
        let shift = Days::new((index * 37 % 730) as u64);
        let mut dates = example.dates;
        dates.screening = dates.screening - shift;
        dates.consent = dates.consent.map(|date| date - shift);
        dates.enrollment = dates.enrollment.map(|date| date - shift);
        let mut at = Utc.from_utc_datetime(&dates.screening.and_time(NaiveTime::from_hms_opt(9, 0, 0).ok_or("time")?));
        // A new session as the workstation starts one: its own participant, the example's
        // protocols and investigator, the dates shifted; then each value entered once.
        let mut session = trialscreen::session::model::Session::new(
            format!("S{:05}", index + 1),
            example.protocols.clone(),
            dates,
            example.investigator.clone(),
            &actor,
            at,
        );
        let mut edit = |session: &mut trialscreen::session::model::Session, change: Edit| {
            at += chrono::Duration::seconds(30);
            // An edit the example's state refuses is skipped: the file stays valid.
            let _ = apply(session, change, &actor, at);
        };
        let scale = 0.7 + (index % 13) as f64 * 0.05;
        for (item, entry) in &example.values {
            let mut entry = entry.clone();
            entry.date = entry.date.map(|date| date - shift);
            if let Value::Number(measurement) = &mut entry.value {
                measurement.value = (measurement.value * scale * 100.0).round() / 100.0;
                entry.raw = None;
            }
            edit(&mut session, Edit::SetValue { item: item.clone(), entry: Some(entry) });
        }
        if session.values.contains_key("treatment_history") {
            edit(&mut session, Edit::Attest { item: "treatment_history".to_owned() });
        }
        // Trails of different lengths: a number corrected back and forth.
        let numbers: Vec<_> = session
            .values
            .iter()
            .filter(|(_, entry)| matches!(entry.value, Value::Number(_)))
            .map(|(item, entry)| (item.clone(), entry.clone()))
            .collect();
        if let Some((item, entry)) = numbers.get(index % numbers.len().max(1)) {
            for step in 0..(index * 7 % 25) {
                let mut changed = entry.clone();
                if let Value::Number(measurement) = &mut changed.value
                    && step % 2 == 0
                {
                    measurement.value += 1.0;
                }
                edit(&mut session, Edit::SetValue { item: item.clone(), entry: Some(changed) });
            }
        }
        sealing::prepare(&mut session, &actor, at)?;
        if index % 3 != 2 {
            let verdicts = Screening::evaluate(&library, &session, session.dates.screening).verdicts();
            let by = signer_name.as_str().to_owned();
            e_signing::sign(&mut session, &signer, &sign_off, verdicts, &by, at + chrono::Duration::minutes(5))?;
        }
        let path = folder.join(format!("S{:05}-{}.ron", index + 1, session.dates.screening));
        store::save(&mut session, &path, &FileHead::Absent, &sealer)?;
        // Keep only the file: backups are not listed, but make the folder heavier to list.
        let _ = std::fs::remove_file(store::backup_path(&path));
    }
    eprintln!("{count} sessions written to {} in {:.1} s", folder.display(), started.elapsed().as_secs_f64());
    Ok(())
}

fn browser(folder: &Path, root: &Path) -> Result<(), Box<dyn Error>> {
    let library = Library::bundled()?;
    let today = chrono::Local::now().date_naive();
    let cache = CacheStore::of(&UserData::at(root));
    let _ = std::fs::remove_dir_all(&cache.folder);
    let cold = time_scan(folder, &cache, &library, today)?;
    let warm = time_scan(folder, &cache, &library, today)?;
    println!("browser cold: {:.3} s ({} rows)", cold.0.as_secs_f64(), cold.1);
    println!("browser warm: {:.3} s ({} rows)", warm.0.as_secs_f64(), warm.1);
    Ok(())
}

/// Time from starting the scan to its completion, and the rows listed.
fn time_scan(
    folder: &Path,
    cache: &CacheStore,
    library: &Library,
    today: chrono::NaiveDate,
) -> Result<(Duration, usize), Box<dyn Error>> {
    let mut browser = SessionBrowser::new(PathBuf::from(folder)).with_cache(cache.clone());
    let started = Instant::now();
    browser.start_scan(library, today);
    while browser.is_scanning() {
        browser.wait(Duration::from_secs(1));
    }
    let elapsed = started.elapsed();
    if let Some(problem) = &browser.cache_problem {
        eprintln!("cache: {problem}");
    }
    Ok((elapsed, browser.rows.len()))
}

fn frames(root: &Path) -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    let mut state = AppState::new(Library::bundled()?, Folders::under(root), Utc::now, Preferences::default());
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::new(1366.0, 768.0));
    let mut times = Vec::new();
    let mut first = None;
    for frame in 0usize.. {
        let pointer = egui::Pos2::new(700.0 + (frame % 500) as f32, 200.0 + (frame % 400) as f32);
        let input = egui::RawInput {
            screen_rect: Some(screen),
            events: vec![egui::Event::PointerMoved(pointer)],
            ..egui::RawInput::default()
        };
        let frame_started = Instant::now();
        let mut output = ctx.run_ui(input, |ui| state.ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = frame_started.elapsed();
        output.textures_delta.clear();
        std::hint::black_box(primitives);
        first.get_or_insert(started.elapsed());
        // The first frame installs the fonts; the frames that count are those during the scan.
        if frame > 0 {
            times.push(elapsed);
        }
        if frame > 1 && !state.browser.is_scanning() {
            break;
        }
        // The window repaints every 50 ms while the scan runs: about as often here.
        std::thread::sleep(Duration::from_millis(16));
    }
    times.sort();
    let at = |q: f64| times.get(((times.len().max(1) - 1) as f64 * q) as usize).copied().unwrap_or_default();
    println!(
        "frames while the browser scans: {} frames until {} rows were listed in {:.2} s; first frame after {:.0} ms; median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        state.browser.rows.len(),
        started.elapsed().as_secs_f64(),
        first.unwrap_or_default().as_secs_f64() * 1e3,
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
    );
    Ok(())
}

/// Per-stage CPU time over every file of `folder`, one thread, in file order.
fn profile(folder: &Path) -> Result<(), Box<dyn Error>> {
    use trialscreen::report::log::ScreeningLog;
    use trialscreen::session::audit::{content_hash, entry_hash};
    use trialscreen::session::integrity::seal_state;
    use trialscreen::session_check::check_session;
    let library = Library::bundled()?;
    let today = chrono::Local::now().date_naive();
    let files = store::list_session_files(folder)?;
    let stages = [
        "read",
        "parse",
        "check",
        "evaluate",
        "log row",
        "  of which content hash",
        "  of which seal",
        "(head: BLAKE3 of bytes)",
        "(entry hashes)",
        "csv",
    ];
    let mut spent = [Duration::ZERO; 10];
    let mut bytes = 0usize;
    let mut entries = 0usize;
    let mut log = ScreeningLog::new();
    let mut timed = |stage: usize, started: &mut Instant| {
        let now = Instant::now();
        spent[stage] += now - *started;
        *started = now;
    };
    for file in &files {
        let mut at = Instant::now();
        let text = store::read_text(&file.path)?;
        bytes += text.len();
        timed(0, &mut at);
        let session = parse_session(&text)?;
        timed(1, &mut at);
        check_session(&session, &text, &library)?;
        timed(2, &mut at);
        let screening = Screening::evaluate(&library, &session, today);
        timed(3, &mut at);
        log.add_screening(&screening, &file.name);
        timed(4, &mut at);
        std::hint::black_box(content_hash(&session));
        timed(5, &mut at);
        std::hint::black_box(seal_state(&session));
        timed(6, &mut at);
        std::hint::black_box(FileHead::of(text.as_bytes()));
        timed(7, &mut at);
        entries += session.audit.len();
        for entry in &session.audit {
            std::hint::black_box(entry_hash(entry));
        }
        timed(8, &mut at);
    }
    let mut at = Instant::now();
    std::hint::black_box(log.finish().to_csv());
    timed(9, &mut at);
    let count = files.len().max(1) as f64;
    println!("{} files, {:.0} MB, {} audit entries; one thread:", files.len(), bytes as f64 / 1e6, entries);
    for (stage, time) in stages.iter().zip(spent) {
        println!("  {stage:<24} {:>7.2} s  {:>7.1} µs per file", time.as_secs_f64(), time.as_secs_f64() * 1e6 / count);
    }
    Ok(())
}
