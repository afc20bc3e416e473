//! The session browser: the sessions of a folder with participant code, screening date,
//! protocols and verdicts, sorted and filtered; "Open" opens one.

use crate::status::verdict_icon;
use egui::{Grid, RichText, ScrollArea, TextEdit, Ui};

use crate::app::session_browser::{PAGE_ROWS, SessionBrowser, SortKey};
use crate::ui::command::{Command, Leave};
use crate::ui::theme;

/// What the filter field matches, shown in it while it is empty.
const FILTER_HINT: &str = "code, protocol, verdict, date";

/// The browser.
pub fn session_browser_ui(ui: &mut Ui, browser: &mut SessionBrowser, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Folder");
        ui.label(RichText::new(browser.folder.display().to_string()).monospace());
        if ui.button("Choose folder…").accessible_name("Choose the sessions folder…").clicked() {
            commands.push(Command::ChooseBrowserFolder);
        }
        if ui.button("Refresh").clicked() {
            commands.push(Command::RefreshBrowser);
        }
    });
    ui.horizontal(|ui| {
        ui.label("Filter");
        ui.add(
            TextEdit::singleline(&mut browser.filter)
                .desired_width(200.0_f32.max(crate::ui::field_draft::hint_width(ui, FILTER_HINT)))
                .hint_text(FILTER_HINT),
        )
        .accessible_name("Filter sessions");
    });
    if let Some((read, listed)) = browser.progress() {
        // Words, not a spinner: a spinner repaints every frame, and the scan wants the cores.
        let text = match listed {
            Some(listed) => format!("Reading the folder: {read} of {listed} session files…"),
            None => "Reading the folder…".to_owned(),
        };
        ui.label(RichText::new(text).weak());
    }
    if let Some(problem) = &browser.cache_problem {
        ui.label(RichText::new(format!("⚠ {problem}; the files themselves were read")).weak());
    }
    if browser.rows.is_empty() {
        if browser.is_scanned {
            ui.label(RichText::new("No session files in this folder yet.").weak());
        }
        return;
    }
    if !browser.counts.is_empty() {
        egui::CollapsingHeader::new("Screening log counts").id_salt("screening log counts").show(ui, |ui| {
            ui.label(RichText::new(&browser.counts).monospace());
        });
    }
    let arrow = |browser: &SessionBrowser, key: SortKey| match (browser.sort == key, browser.descending) {
        (true, true) => " ▼",
        (true, false) => " ▲",
        (false, _) => "",
    };
    let theme = ui.ctx().theme();
    let mut sort = None;
    let visible = browser.visible_count();
    let headers = [
        (SortKey::Participant, format!("Participant{}", arrow(browser, SortKey::Participant))),
        (SortKey::ScreeningDate, format!("Screening date{}", arrow(browser, SortKey::ScreeningDate))),
    ];
    let file_header = format!("File{}", arrow(browser, SortKey::FileName));
    let mut page = browser.page;
    let rows = browser.page_rows();
    let first = page * PAGE_ROWS;
    if visible > PAGE_ROWS {
        ui.horizontal(|ui| {
            ui.label(format!("Sessions {}–{} of {visible}", first + 1, first + rows.len()));
            if ui.add_enabled(page > 0, egui::Button::new("Previous")).accessible_name("Previous sessions").clicked() {
                page = page.saturating_sub(1);
            }
            let more = first + rows.len() < visible;
            if ui.add_enabled(more, egui::Button::new("Next")).accessible_name("Next sessions").clicked() {
                page += 1;
            }
        });
    }
    ScrollArea::vertical().id_salt("session browser").max_height(320.0).show(ui, |ui| {
        Grid::new("session browser grid").striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
            for (key, title) in &headers {
                let name = if *key == SortKey::Participant { "participant" } else { "screening date" };
                if ui.button(title).accessible_name(format!("Sort by {name}")).clicked() {
                    sort = Some(*key);
                }
            }
            ui.label(theme::bold("Protocols"));
            ui.label(theme::bold("Verdicts"));
            if ui.button(&file_header).accessible_name("Sort by file").clicked() {
                sort = Some(SortKey::FileName);
            }
            ui.label("");
            ui.end_row();
            for row in rows {
                ui.label(&row.participant_code);
                ui.label(row.screening.map(|d| d.to_string()).unwrap_or_default());
                ui.label(RichText::new(&row.protocols).small());
                ui.vertical(|ui| {
                    if let Some(problem) = &row.problem {
                        ui.add(
                            egui::Label::new(RichText::new(format!("✖ {problem}")).color(theme::error_colour(theme)))
                                .wrap(),
                        );
                    }
                    // Icon and word, on one line: a verdict never breaks mid-word.
                    for (verdict, words) in &row.verdicts {
                        let text = format!("{} {words}", verdict_icon(*verdict));
                        ui.add(
                            egui::Label::new(RichText::new(text).color(theme::verdict_colour(theme, *verdict)))
                                .extend(),
                        );
                    }
                    if row.is_signed {
                        ui.label(RichText::new("signed").small());
                    }
                });
                ui.label(RichText::new(&row.file_name).monospace().small());
                if row.problem.is_none()
                    && ui.button("Open").accessible_name(format!("Open {}", row.file_name)).clicked()
                {
                    commands.push(Command::Leave(Leave::OpenPath(row.path.clone())));
                }
                ui.end_row();
            }
        });
    });
    browser.page = page;
    if let Some(key) = sort {
        browser.sort_by(key);
    }
}
