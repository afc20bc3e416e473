//! The session browser reads its folder in the background: the window's start view is
//! drawn before the scan completes, the rows fill in, every file is listed once, and the
//! counts are the screening log's. A second scan is served by the summary cache and lists
//! the same.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone as _, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trialscreen::app::folder_scan::{canonical_folder, screening_log};
use trialscreen::app::session_browser::{PAGE_ROWS, SessionBrowser};
use trialscreen::app::summary_cache::CacheStore;
use trialscreen::app::workspace::Folders;
use trialscreen::library::{BUNDLED_EXAMPLES, Library};
use trialscreen::report::log::ScreeningLog;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::preferences::Preferences;

/// A generous deadline: the scan of a debug build on a loaded machine.
const DEADLINE: Duration = Duration::from_secs(300);

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn fixed_clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).single().expect("a valid time")
}

/// The summary cache and installation key of a per-user data folder under `root`.
fn cache_store(root: &Path) -> CacheStore {
    CacheStore { folder: root.join("cache"), installation_key: root.join("installation.key") }
}

/// `copies` of every bundled example in `folder` (names differ), and a file that does not
/// parse. Returns how many files were written.
fn fill(folder: &Path, copies: usize) -> usize {
    std::fs::create_dir_all(folder).unwrap();
    for copy in 0..copies {
        for (name, text) in BUNDLED_EXAMPLES {
            std::fs::write(folder.join(format!("c{copy}-{name}")), text).unwrap();
        }
    }
    std::fs::write(folder.join("zz-broken.ron"), "(\n    format_version: 1,\n    participant_code: 42,\n)\n").unwrap();
    copies * BUNDLED_EXAMPLES.len() + 1
}

/// Polls the browser until its scan completes (never longer than the deadline).
fn finish(browser: &mut SessionBrowser) {
    let started = Instant::now();
    while browser.is_scanning() {
        assert!(started.elapsed() < DEADLINE, "the scan did not complete within {DEADLINE:?}");
        browser.wait(Duration::from_millis(200));
    }
}

#[test]
fn the_background_scan_lists_every_file_once_with_the_logs_counts_and_the_cache_lists_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sessions");
    let files = fill(&folder, 2);
    let library = Library::bundled().unwrap();
    let mut browser = SessionBrowser::new(folder.clone()).with_cache(cache_store(dir.path()));
    browser.start_scan(&library, day());
    assert!(browser.is_scanning());
    finish(&mut browser);
    assert!(browser.is_scanned);
    assert_eq!(browser.cache_problem, None);
    assert_eq!(browser.rows.len(), files);
    let mut names: Vec<&str> = browser.rows.iter().map(|row| row.file_name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), files, "each file once");
    let broken = browser.rows.iter().find(|row| row.file_name == "zz-broken.ron").unwrap();
    assert!(broken.problem.as_deref().is_some_and(|p| p.contains("line 3, column")), "{broken:?}");

    // The counts are those of the log over the folder, each file read by itself.
    let listed = trialscreen::session::store::list_session_files(&folder).unwrap();
    let log = ScreeningLog::build(&library, day(), &listed, |file| {
        (file.name.clone(), Ok(std::fs::read_to_string(&file.path).unwrap()))
    });
    assert_eq!(browser.counts, log.counts_text());
    assert!(browser.counts.contains(&format!("{} session file(s) read, 1 could not be read", files - 1)));

    // Warm: served from the cache it wrote, the same rows and counts.
    assert!(std::fs::read_dir(dir.path().join("cache")).unwrap().count() == 1, "one cache file");
    let mut warm = SessionBrowser::new(folder.clone()).with_cache(cache_store(dir.path()));
    warm.scan(&library, day());
    assert_eq!(warm.cache_problem, None);
    let sorted = |browser: &SessionBrowser| {
        let mut rows = browser.rows.clone();
        rows.sort_by(|a, b| a.file_name.cmp(&b.file_name));
        rows
    };
    assert_eq!(sorted(&warm), sorted(&browser));
    assert_eq!(warm.counts, browser.counts);

    // A damaged cache is rebuilt, and the listing is the same.
    let cache_file = std::fs::read_dir(dir.path().join("cache")).unwrap().next().unwrap().unwrap().path();
    std::fs::write(&cache_file, "not a cache").unwrap();
    let mut rebuilt = SessionBrowser::new(folder).with_cache(cache_store(dir.path()));
    rebuilt.scan(&library, day());
    assert!(rebuilt.cache_problem.as_deref().is_some_and(|p| p.contains("damaged")), "{:?}", rebuilt.cache_problem);
    assert_eq!(sorted(&rebuilt), sorted(&browser));
    assert_ne!(std::fs::read_to_string(&cache_file).unwrap(), "not a cache", "written again");
}

#[test]
fn the_start_view_is_drawn_before_the_scan_completes_and_the_rows_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let files = fill(&dir.path().join("sessions"), 4);
    assert!(files > PAGE_ROWS);
    let library = Library::bundled().unwrap();
    let state = AppState::new(library, Folders::under(dir.path()), fixed_clock, Preferences::default());
    // Construction reads nothing: the first frame is drawn before the scan starts.
    assert!(!state.browser.is_scanning() && !state.browser.is_scanned);
    assert!(state.browser.rows.is_empty());
    let mut harness =
        Harness::builder().with_size([1366.0, 768.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    harness.step();
    // The start view is there at once, and the scan starts with the next frame.
    assert!(harness.query_all_by_label_contains("New screening").next().is_some());
    assert!(!harness.state().browser.is_scanned);
    harness.step();
    assert!(harness.state().browser.is_scanning(), "the second frame starts the scan");
    assert!(harness.query_all_by_label_contains("New screening").next().is_some());
    let started = Instant::now();
    while !harness.state().browser.is_scanned {
        assert!(started.elapsed() < DEADLINE, "the scan did not complete within {DEADLINE:?}");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().browser.rows.len(), files);
    // One page of rows is laid out, with the way to the others.
    assert!(harness.query_all_by_label_contains(&format!("Sessions 1–{PAGE_ROWS} of {files}")).next().is_some());
    let opens = harness.query_all_by_label_contains("Open c").count();
    assert!(opens > 0 && opens <= PAGE_ROWS, "{opens} Open buttons");
}

/// A workstation at `size` over one copy of the examples (and a broken file), its browser's
/// first scan done.
fn scanned_workstation(dir: &Path, size: [f32; 2]) -> Harness<'static, AppState> {
    fill(&dir.join("sessions"), 1);
    let library = Library::bundled().unwrap();
    let state = AppState::new(library, Folders::under(dir), fixed_clock, Preferences::default());
    let mut harness = Harness::builder().with_size(size).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    wait_for_scan(&mut harness);
    harness
}

/// Steps the window until the browser's scan under way (or about to start) is done.
fn wait_for_scan(harness: &mut Harness<'_, AppState>) {
    let started = Instant::now();
    harness.step();
    while harness.state().browser.is_scanning() || !harness.state().browser.is_scanned {
        assert!(started.elapsed() < DEADLINE, "the scan did not complete within {DEADLINE:?}");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

/// The rows word their verdicts in the window's language when shown, and a change of
/// language reads the folder again, so what a scan worded (a file that does not read)
/// follows too.
#[test]
fn the_rows_follow_a_change_of_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = scanned_workstation(dir.path(), [1366.0, 768.0]);
    assert!(harness.query_all_by_label_contains("✔ ELIGIBLE").next().is_some(), "verdicts in English");
    harness.state_mut().set_language(trialscreen::i18n::Language::ZhCn);
    wait_for_scan(&mut harness);
    assert!(harness.query_all_by_label_contains("✔ 合格").next().is_some(), "verdicts in Chinese");
    for english in ["✔ ELIGIBLE", "✖ INELIGIBLE", "? INCOMPLETE"] {
        assert!(harness.query_all_by_label_contains(english).next().is_none(), "no «{english}» left");
    }
    harness.state_mut().set_language(trialscreen::i18n::Language::En);
    wait_for_scan(&mut harness);
}

/// In a 1024×700 window every listed session's Open button lies inside the window (it comes
/// first in its row; the columns after it scroll sideways).
#[test]
fn open_is_in_reach_in_a_narrow_window() {
    let dir = tempfile::tempdir().unwrap();
    let size = [1024.0, 700.0];
    let harness = scanned_workstation(dir.path(), size);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
    let opens: Vec<egui::Rect> = harness.query_all_by_label_contains("Open c0-").map(|node| node.rect()).collect();
    assert!(!opens.is_empty(), "rows are listed");
    for rect in opens.into_iter().filter(|rect| rect.min.y < window.max.y) {
        assert!(rect.min.x >= 0.0 && rect.max.x <= window.max.x, "Open at {rect:?} is past the window's edge");
    }
}

/// `trialscreen log` reads every file and hashes it, and takes a file's summary from the
/// signed cache only when the file's SHA-256 is the entry's: cold, warm, after a file
/// changed (another size), and after a file changed in place (same size, same time, which
/// the browser's stamps cannot see), the log is the log of the files read by themselves.
#[test]
fn the_log_through_the_cache_is_the_log_of_the_files_cold_warm_and_after_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sessions")).unwrap();
    let folder = canonical_folder(&dir.path().join("sessions"));
    fill(&folder, 1);
    let library = Library::bundled().unwrap();
    let store = cache_store(dir.path());
    let of_the_files = || {
        let listed = trialscreen::session::store::list_session_files(&folder).unwrap();
        let log = ScreeningLog::build(&library, day(), &listed, |file| {
            (file.name.clone(), Ok(std::fs::read_to_string(&file.path).unwrap()))
        });
        (log.to_csv(), log.counts_text())
    };
    let through_the_cache = |store: Option<&CacheStore>| {
        let listed = trialscreen::session::store::list_session_files(&folder).unwrap();
        let scanned = screening_log(&folder, &listed, store, &library, day());
        (scanned.log.to_csv(), scanned.log.counts_text(), scanned.cache_problem)
    };
    let expected = of_the_files();
    let (csv, counts, _) = through_the_cache(None);
    assert_eq!((csv, counts), expected, "no cache");
    let (csv, counts, problem) = through_the_cache(Some(&store));
    assert_eq!((csv, counts), expected, "cold");
    assert_eq!(problem.map(|p| p.to_string()), Some("no summary cache yet".to_owned()));
    let cache_file = store.file_for(&folder);
    let written = std::fs::read(&cache_file).unwrap();
    let (csv, counts, problem) = through_the_cache(Some(&store));
    assert_eq!((csv, counts), expected, "warm");
    assert_eq!(problem, None);
    assert_eq!(std::fs::read(&cache_file).unwrap(), written, "nothing changed: the cache is not rewritten");

    // A file changed (its participant code, so another size).
    let (name, text) = BUNDLED_EXAMPLES.first().unwrap();
    let path = folder.join(format!("c0-{name}"));
    let code = text.split("participant_code: \"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    std::fs::write(&path, text.replacen(&format!("\"{code}\""), &format!("\"{code}-2\""), 1)).unwrap();
    let expected = of_the_files();
    assert!(expected.0.contains(&format!("{code}-2")));
    assert_eq!(through_the_cache(Some(&store)).0, expected.0, "a changed file");

    // Changed in place: same size and modification time, other bytes.
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let same_size = std::fs::read_to_string(&path).unwrap().replacen(&format!("{code}-2"), &format!("{code}-3"), 1);
    std::fs::write(&path, same_size).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
    let expected = of_the_files();
    assert!(expected.0.contains(&format!("{code}-3")));
    let (csv, counts, _) = through_the_cache(Some(&store));
    assert_eq!((csv, counts), expected, "changed in place");
}
