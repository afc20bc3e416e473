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
    for layer in ["model", "engine", "calculators", "session", "records", "report", "input"] {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source");
            for import in ["egui::", "use egui", "eframe"] {
                assert!(!text.contains(import), "{} uses egui ({import})", file.display());
            }
            // The session store and the records' small private files are the file edges.
            if layer != "session" && layer != "records" {
                assert!(!text.contains("std::fs"), "{} does file I/O", file.display());
            }
        }
    }
}
