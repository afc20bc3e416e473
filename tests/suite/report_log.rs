//! The site screening log: rows and counts over the bundled examples, and a folder with
//! damaged files, which are listed with line and column, counted, and never changed.

use crate::common;

use std::process::{Command, Output};

use trialscreen::engine::protocol_eval::Verdict;
use trialscreen::library::Library;
use trialscreen::report::log::{CSV_HEADER, ScreeningLog, SignatureState};
use trialscreen::screening::Screening;

fn trialscreen(args: &[&str]) -> Output {
    crate::common::trialscreen_command().args(args).output().expect("the binary runs")
}

fn example_text(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}.ron", common::EXAMPLES)).expect("example")
}

/// CSV records split naively: enough for fields without quotes.
fn records(csv: &str) -> Vec<Vec<String>> {
    csv.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split(',').map(str::to_owned).collect()).collect()
}

fn row<'r>(rows: &'r [Vec<String>], participant: &str) -> &'r [String] {
    rows.iter().find(|r| r.first().map(String::as_str) == Some(participant)).unwrap_or_else(|| panic!("{participant}"))
}

#[test]
fn the_bundled_examples_give_one_row_each_and_counts_that_add_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv_path = dir.path().join("log.csv");
    let pdf_path = dir.path().join("counts.pdf");
    let output = trialscreen(&[
        "log",
        common::EXAMPLES,
        "-o",
        &csv_path.display().to_string(),
        "--pdf",
        &pdf_path.display().to_string(),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let csv = std::fs::read_to_string(&csv_path).expect("csv written");
    let rows = records(&csv);
    assert_eq!(rows.first().map(Vec::as_slice), Some(&CSV_HEADER.map(str::to_owned)[..]));
    let rows = rows.get(1..).expect("rows");
    assert_eq!(rows.len(), 32, "one session × one protocol each");
    assert_eq!(
        row(rows, "V03"),
        [
            "V03",
            "2026-11-02",
            "refractory-sle-age5",
            "2",
            "",
            "INELIGIBLE",
            "E13",
            "0",
            "no",
            "no",
            "v03-recent-rituximab.ron",
            "no: template or seal removed"
        ]
    );
    assert_eq!(row(rows, "V02B").get(5..8), Some(&["ELIGIBLE".to_owned(), String::new(), "1".to_owned()][..]));
    assert_eq!(row(rows, "V15B").get(5).map(String::as_str), Some("ELIGIBLE ON THE AVAILABLE CRITERIA"));
    assert_eq!(row(rows, "V10B").get(4..7), Some(&["SLE".to_owned(), "INELIGIBLE".to_owned(), "SLE.3".to_owned()][..]));

    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in [
        "32 session file(s) read, 0 could not be read",
        "     21  screened (21 distinct participant codes)",
        "      3      by E9",
        "      1    eligible on the available criteria",
    ] {
        assert!(stdout.contains(line), "{line}: {stdout}");
    }
    assert!(pdf_path.exists());
    if Command::new("pdftotext").arg("-v").output().is_ok() {
        let text = Command::new("pdftotext").arg("-raw").arg(&pdf_path).arg("-").output().expect("pdftotext");
        let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
        for phrase in ["Screening log — counts", "21 screened (sessions)", "3 by E9", "Page 1 of 1"] {
            assert!(text.contains(phrase), "{phrase}: {text}");
        }
    }
}

#[test]
fn counts_agree_with_the_verdicts_of_every_session() {
    let library = Library::bundled().expect("bundled library");
    let texts: Vec<(String, String)> = std::fs::read_dir(common::EXAMPLES)
        .expect("examples")
        .filter_map(|e| {
            let path = e.ok()?.path();
            Some((path.file_name()?.to_string_lossy().into_owned(), std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    let log = ScreeningLog::build(
        &library,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        &texts,
        |(name, text)| (name.clone(), Ok(text.clone())),
    );
    assert!(log.unreadable.is_empty());
    assert_eq!(log.sessions, texts.len());
    for (name, text) in &texts {
        let session = trialscreen::session::load::parse_session(text).expect("parses");
        let screening =
            Screening::evaluate(&library, &session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
        for screened in &screening.protocols {
            let row = log
                .rows
                .iter()
                .find(|r| &r.file_name == name && r.protocol_id == screened.loaded.compiled.protocol.id)
                .expect("row");
            assert_eq!(row.verdict, screened.result.verdict, "{name}");
            assert_eq!(row.ineligible_by, screened.failing_criteria().collect::<Vec<_>>(), "{name}");
        }
    }
    for counts in log.counts() {
        assert_eq!(counts.eligible + counts.ineligible + counts.incomplete, counts.screened, "{}", counts.protocol_id);
    }
    let sle = log.counts().into_iter().find(|c| c.protocol_id == "refractory-sle-age5").expect("counts");
    assert_eq!((sle.screened, sle.eligible, sle.ineligible, sle.incomplete), (21, 7, 11, 3));
    assert_eq!(sle.with_overrides, 1);
    assert_eq!(sle.ineligible_by.first(), Some(&("E9".to_owned(), 3)));
    let files: Vec<&str> = log.rows.iter().map(|r| r.file_name.as_str()).collect();
    assert!(files.windows(2).all(|w| w.first() <= w.get(1)), "rows in file-name order");
    assert!(log.rows.iter().all(|r| r.signature == SignatureState::Unsigned));
    assert!(log.rows.iter().any(|r| r.verdict == Verdict::Incomplete));
}

#[test]
fn damaged_files_are_listed_with_line_and_column_counted_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("sessions");
    std::fs::create_dir(&folder).expect("folder");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(folder.join(name), bytes).expect("write");
    };
    write("a-v01.ron", example_text("v01-eligible-adolescent").as_bytes());
    write("b-v03.ron", example_text("v03-recent-rituximab").as_bytes());
    let full = example_text("v02a-low-platelets");
    // Cut at a line break, so the file ends between values rather than inside a string.
    let half = full.get(..full.len() / 2).and_then(|half| half.rfind('\n')).expect("a line break");
    let truncated = full.get(..half).expect("half");
    write("c-truncated.ron", truncated.as_bytes());
    let unknown_item = example_text("v01-eligible-adolescent").replace("\"platelets\"", "\"platelet_count_typo\"");
    write("d-unknown-item.ron", unknown_item.as_bytes());
    write("e-not-text.ron", &[0xff, 0xfe, 0x00, 0x41]);
    // Quotes and commas in a participant code are quoted in the CSV.
    let awkward = example_text("v02b-low-platelets-override").replace("\"V02B\"", "\"V02B, \\\"twin\\\"\"");
    write("f-awkward.ron", awkward.as_bytes());
    // Not session files: a backup and notes are not logged.
    write("a-v01.ron.bak", b"backup");
    write("notes.txt", b"notes");
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = std::fs::read_dir(&folder)
        .expect("folder")
        .map(|e| {
            let path = e.expect("entry").path();
            let bytes = std::fs::read(&path).expect("read");
            (path, bytes)
        })
        .collect();

    let csv_path = dir.path().join("log.csv");
    let output = trialscreen(&["log", &folder.display().to_string(), "-o", &csv_path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "some files could not be read");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("3 session file(s) read, 3 could not be read"), "{stdout}");
    assert!(stdout.contains("✖ c-truncated.ron, line ") && stdout.contains("Unexpected end of RON"), "{stdout}");
    let typo_line = unknown_item.lines().position(|l| l.contains("platelet_count_typo")).expect("line") + 1;
    assert!(
        stdout.contains(&format!(
            "✖ d-unknown-item.ron, line {typo_line}, column 9: item \"platelet_count_typo\" is not in the data dictionary"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("✖ e-not-text.ron: the file is not UTF-8 text; it was left as it is"), "{stdout}");
    assert!(!stdout.contains("notes.txt") && !stdout.contains(".bak"), "{stdout}");

    let csv = std::fs::read_to_string(&csv_path).expect("csv");
    assert_eq!(csv.split("\r\n").filter(|l| !l.is_empty()).count(), 4, "{csv}");
    assert!(
        csv.contains(
            // Its participant code was edited in the file, not through its trail: the trail does
            // not verify, so it is not counted as a record.
            "\r\n\"V02B, \"\"twin\"\"\",2026-11-02,refractory-sle-age5,2,,ELIGIBLE,,1,no,no,f-awkward.ron,no: the audit trail does not verify (changed outside trialscreen)\r\n"
        ),
        "{csv}"
    );

    for (path, bytes) in before {
        assert_eq!(std::fs::read(&path).expect("still there"), bytes, "{} unchanged", path.display());
    }
    let listed: Vec<_> = std::fs::read_dir(&folder).expect("folder").collect();
    assert_eq!(listed.len(), 8, "nothing added to the session folder");
}

#[test]
fn the_log_is_built_from_text_without_touching_files() {
    let library = Library::bundled().expect("bundled library");
    let v01 = example_text("v01-eligible-adolescent");
    let files = [("b.ron", Ok(v01)), ("z.ron", Err("cannot read".to_owned())), ("a.ron", Ok("(".to_owned()))];
    let log = ScreeningLog::build(
        &library,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        &files,
        |(name, text)| ((*name).to_owned(), text.clone()),
    );
    assert_eq!(log.sessions, 1);
    assert_eq!(log.rows.len(), 1);
    let files: Vec<&str> = log.unreadable.iter().map(|f| f.file_name.as_str()).collect();
    assert_eq!(files, ["a.ron", "z.ron"]);
    assert!(log.unreadable.first().is_some_and(|f| f.position.is_some()), "a syntax error has its position");
    let mut merged = ScreeningLog::new();
    merged.merge(log.clone());
    merged.merge(log);
    assert_eq!(merged.finish().rows.len(), 2);
}

/// The seal covers the trail's head only: a value edited in a sealed file leaves the seal
/// holding, so the log verifies the trail too and lists such a file apart instead of
/// counting it as a sealed record ("sealed: yes") with the edited value's verdict.
#[test]
fn a_value_edited_outside_trialscreen_is_not_a_sealed_record_in_the_log() {
    let installation = crate::common::installation::Installation::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("sessions");
    std::fs::create_dir(&folder).expect("folder");
    installation.sealed_example("v01-eligible-adolescent", &folder.join("intact.ron"));
    installation.sealed_example("v01-eligible-adolescent", &folder.join("edited.ron"));
    // The platelet value in the values map (the first occurrence; the trail's entries follow).
    let path = folder.join("edited.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let at = text.find("value: 180.0").expect("anti-dsDNA's value");
    let edited = format!("{}value: 181.0{}", &text[..at], &text[at + "value: 180.0".len()..]);
    std::fs::write(&path, edited).expect("write");
    let csv = dir.path().join("log.csv");
    let output = installation
        .command(&["log", &folder.display().to_string(), "-o", &csv.display().to_string()])
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&output.stdout);
    let csv = std::fs::read_to_string(&csv).expect("csv");
    let line =
        |name: &str| csv.lines().find(|line| line.contains(name)).unwrap_or_else(|| panic!("{name}: {csv}")).to_owned();
    assert!(line("intact.ron").ends_with(",yes"), "{}", line("intact.ron"));
    assert!(
        line("edited.ron").ends_with(",no: the audit trail does not verify (changed outside trialscreen)"),
        "{}",
        line("edited.ron")
    );
    assert!(report.contains("Not sealed records, listed apart"), "{report}");
    assert!(report.contains("edited.ron"), "{report}");
}

/// `log` keeps the folder's summaries in the per-user cache, signed by the installation's
/// key: a second run reads every file again, uses the summaries of unchanged bytes and
/// writes the same log; a cache whose entries were edited (with its checksum recomputed) is
/// not this installation's signature and is rebuilt, never believed.
#[test]
fn a_second_log_uses_the_signed_cache_and_a_forged_cache_is_not_believed() {
    let installation = crate::common::installation::Installation::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("sessions");
    std::fs::create_dir(&folder).expect("folder");
    installation.sealed_example("v01-eligible-adolescent", &folder.join("a.ron"));
    installation.sealed_example("v02b-low-platelets-override", &folder.join("b.ron"));
    let log = |csv: &std::path::Path| {
        let output = installation
            .command(&["log", &folder.display().to_string(), "-o", &csv.display().to_string()])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        (std::fs::read_to_string(csv).expect("csv"), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (cold, _) = log(&dir.path().join("cold.csv"));
    let cache_folder = installation.user_data.cache();
    let caches: Vec<_> = std::fs::read_dir(&cache_folder).expect("a cache folder").collect();
    assert_eq!(caches.len(), 1, "one cache file for the folder");
    let cache_file = caches.into_iter().next().expect("one").expect("entry").path();
    let (warm, stderr) = log(&dir.path().join("warm.csv"));
    assert_eq!(warm, cold);
    assert!(stderr.is_empty(), "{stderr}");

    // Forge: b.ron's verdict in the cache said otherwise, checksum recomputed.
    let text = std::fs::read_to_string(&cache_file).expect("cache");
    let mut lines: Vec<String> = text.splitn(5, '\n').map(str::to_owned).collect();
    let body = lines.pop().expect("entries").replace("\"V02B\"", "\"FORGED\"");
    assert!(body.contains("FORGED"));
    let digest = {
        use sha2::Digest as _;
        sha2::Sha256::digest(body.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect::<String>()
    };
    *lines.get_mut(2).expect("checksum line") = format!("sha256 {digest}");
    lines.push(body);
    std::fs::write(&cache_file, lines.join("\n")).expect("write");
    let (after, stderr) = log(&dir.path().join("after.csv"));
    assert_eq!(after, cold, "the forged summaries are not used");
    assert!(!after.contains("FORGED"));
    assert!(stderr.contains("not signed by this installation"), "{stderr}");
}
