//! The layering rules of ARCHITECTURE.md, checked on the source.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn domain_layers_never_import_egui_or_touch_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for layer in ["model", "engine", "calculators", "session", "records", "report", "input", "app"] {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source");
            for import in ["egui::", "use egui", "eframe"] {
                assert!(!text.contains(import), "{} uses egui ({import})", file.display());
            }
            // The session store and the records' small private files are the file edges.
            // The app layer reads folders for the session browser and opens files through
            // the store.
            if !["session", "records", "app"].contains(&layer) {
                assert!(!text.contains("std::fs"), "{} does file I/O", file.display());
            }
        }
    }
}

/// Each layer of ARCHITECTURE.md and the layers its code may name (`crate::…`), lowest
/// first. A module may use only what is listed for it; a new upward import fails here, and
/// the message says which file and which import. Test code (`#[cfg(test)]` and after) is
/// exempt: a test may build what it checks from anywhere.
const LAYERS: &[(&str, &[&str])] = &[
    ("files", &["i18n"]),
    ("i18n", &[]),
    ("user_data", &["i18n"]),
    ("model", &["i18n"]),
    ("calculators", &["i18n", "model"]),
    ("input", &["i18n", "model"]),
    ("engine", &["i18n", "model", "calculators"]),
    ("records", &["files", "i18n", "user_data", "model"]),
    ("session", &["files", "i18n", "user_data", "model", "records"]),
    ("library", &["files", "i18n", "user_data", "model", "calculators", "input", "engine", "records", "session"]),
    ("session_check", &["model", "library", "session"]),
    ("status", &["i18n", "model", "engine"]),
    ("screening", &["i18n", "model", "calculators", "engine", "library", "session", "session_check", "status"]),
    (
        "report",
        &[
            "i18n",
            "model",
            "calculators",
            "engine",
            "records",
            "library",
            "session",
            "session_check",
            "status",
            "screening",
        ],
    ),
    (
        "app",
        &[
            "files",
            "i18n",
            "user_data",
            "model",
            "calculators",
            "input",
            "engine",
            "records",
            "session",
            "library",
            "session_check",
            "status",
            "screening",
            "report",
        ],
    ),
    (
        "ui",
        &[
            "files",
            "i18n",
            "user_data",
            "model",
            "calculators",
            "input",
            "engine",
            "records",
            "session",
            "library",
            "session_check",
            "status",
            "screening",
            "report",
            "app",
        ],
    ),
    (
        "cli",
        &[
            "files",
            "i18n",
            "user_data",
            "model",
            "calculators",
            "input",
            "engine",
            "records",
            "session",
            "library",
            "session_check",
            "status",
            "screening",
            "report",
            "app",
            "ui",
        ],
    ),
];

/// The layer a source file is in: its top-level module under `src/`.
fn layer_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

/// The layers a file's non-test code names through `crate::`, with the line they are on.
fn crate_imports(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    // Inside the item after a `#[cfg(test)]`: the depth of braces opened in it so far, and
    // whether one has been opened (an item without braces ends at its semicolon).
    let mut test_item: Option<(i32, bool)> = None;
    for (number, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        if code.starts_with("#[cfg(test)]") {
            test_item = Some((0, false));
            continue;
        }
        if let Some((depth, opened)) = test_item.as_mut() {
            for c in code.chars() {
                match c {
                    '{' => {
                        *depth += 1;
                        *opened = true;
                    }
                    '}' => *depth -= 1,
                    _ => {}
                }
            }
            if (*opened && *depth <= 0) || (!*opened && code.ends_with(';')) {
                test_item = None;
            }
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if name.is_empty() {
                // `crate::{a, b}`: each name in the braces.
                let inside = rest.strip_prefix('{').and_then(|r| r.split('}').next()).unwrap_or("");
                for part in inside.split(',') {
                    let part: String = part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if !part.is_empty() {
                        found.push((number + 1, part));
                    }
                }
            } else {
                found.push((number + 1, name));
            }
        }
    }
    found
}

#[test]
fn no_layer_imports_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let Some(layer) = layer_of(&src, file) else { continue };
        if layer == "lib" || layer == "main" {
            continue;
        }
        let Some((_, allowed)) = LAYERS.iter().find(|(name, _)| *name == layer) else {
            panic!("{} is in no layer: add `{layer}` to LAYERS and to ARCHITECTURE.md's diagram", file.display());
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, used) in crate_imports(&text) {
            if used != layer && !allowed.contains(&used.as_str()) {
                upward.push(format!("{}:{line}: {layer} uses {used}", file.display()));
            }
        }
    }
    assert!(upward.is_empty(), "imports outside the allow-list:\n{}", upward.join("\n"));
}

#[test]
fn every_layer_is_a_module_of_the_library_and_the_binary_only_dispatches_to_cli() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let modules: Vec<&str> =
        lib.lines().filter_map(|line| line.trim().strip_prefix("pub mod ")).map(|m| m.trim_end_matches(';')).collect();
    let mut listed: Vec<&str> = LAYERS.iter().map(|(name, _)| *name).collect();
    listed.sort_unstable();
    let mut declared = modules.clone();
    declared.sort_unstable();
    assert_eq!(declared, listed, "lib.rs's modules and the layers of this test differ");
    let main = std::fs::read_to_string(src.join("main.rs")).unwrap();
    for (line, text) in main.lines().enumerate() {
        if let Some(at) = text.find("trialscreen::") {
            let rest = &text[at + "trialscreen::".len()..];
            assert!(rest.starts_with("cli"), "main.rs:{}: the binary dispatches to cli only: {text}", line + 1);
        }
    }
    assert!(main.lines().count() < 150, "main.rs only parses and dispatches");
}

#[test]
fn the_import_scanner_sees_braced_and_nested_paths_and_skips_comments_and_tests() {
    let text = "use crate::{model, engine::x};\n// crate::ui in a comment\nlet a = crate::report::y();\n#[cfg(test)]\nuse crate::ui;\n#[cfg(test)]\nmod tests {\n    fn f() {\n        crate::cli::run();\n    }\n}\nfn after() { crate::app::x(); }\n";
    let names: Vec<String> = crate_imports(text).into_iter().map(|(_, name)| name).collect();
    assert_eq!(names, ["model", "engine", "report", "app"]);
}

/// Each public type name means one thing across the crate: two `Value`s or two `Span`s in
/// different layers read alike and are not. Exceptions: `session/format_v1.rs`, a frozen
/// mirror of format 1 read only by the migration, and each subcommand's clap `Args`.
#[test]
fn every_public_type_name_means_one_thing() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut seen: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap().display().to_string();
        if relative == "session/format_v1.rs" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let Some(rest) = ["pub enum ", "pub struct ", "pub trait ", "pub type "]
                .iter()
                .find_map(|keyword| line.strip_prefix(keyword))
            else {
                continue;
            };
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if name == "Args" && relative.starts_with("cli/") {
                continue;
            }
            seen.entry(name).or_default().push(relative.clone());
        }
    }
    let repeated: Vec<String> = seen
        .iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(name, files)| format!("{name}: {}", files.join(", ")))
        .collect();
    assert!(repeated.is_empty(), "public type names defined more than once:\n{}", repeated.join("\n"));
}
