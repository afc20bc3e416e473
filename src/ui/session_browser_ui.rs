//! The session browser: the sessions of a folder with participant code, screening date,
//! protocols and verdicts, sorted and filtered; "Open" opens one.

use crate::status::verdict_icon;
use egui::{Grid, RichText, ScrollArea, TextEdit, Ui};

use crate::app::session_browser::{PAGE_ROWS, SessionBrowser, SortKey};
use crate::i18n;
use crate::ui::command::{Command, Leave};
use crate::ui::theme;

/// The browser.
pub fn session_browser_ui(ui: &mut Ui, browser: &mut SessionBrowser, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(i18n::text("saveas-folder"));
        ui.label(RichText::new(browser.folder.display().to_string()).monospace());
        if ui
            .button(i18n::text("saveas-choose-folder"))
            .accessible_name(i18n::text("browser-choose-folder-name"))
            .clicked()
        {
            commands.push(Command::ChooseBrowserFolder);
        }
        if ui.button(i18n::text("browser-refresh")).clicked() {
            commands.push(Command::RefreshBrowser);
        }
    });
    ui.horizontal(|ui| {
        // What the filter field matches, shown in it while it is empty.
        let hint = i18n::text("browser-filter-hint");
        ui.label(i18n::text("browser-filter"));
        ui.add(
            TextEdit::singleline(&mut browser.filter)
                .desired_width(200.0_f32.max(crate::ui::field_draft::hint_width(ui, &hint)))
                .hint_text(hint),
        )
        .accessible_name(i18n::text("browser-filter-name"));
    });
    if let Some((read, listed)) = browser.progress() {
        // Words, not a spinner: a spinner repaints every frame, and the scan wants the cores.
        let text = match listed {
            Some(listed) => {
                i18n::text_with("browser-reading-count", &[("read", read.to_string()), ("listed", listed.to_string())])
            }
            None => i18n::text("browser-reading"),
        };
        ui.label(RichText::new(text).weak());
    }
    if let Some(problem) = &browser.cache_problem {
        ui.label(RichText::new(i18n::text_with("browser-cache-problem", &[("problem", problem.to_string())])).weak());
    }
    if browser.rows.is_empty() {
        if browser.is_scanned {
            ui.label(RichText::new(i18n::text("browser-empty")).weak());
        }
        return;
    }
    if !browser.counts.is_empty() {
        egui::CollapsingHeader::new(i18n::text("browser-counts")).id_salt("screening log counts").show(ui, |ui| {
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
        (
            SortKey::Participant,
            format!("{}{}", i18n::text("browser-participant"), arrow(browser, SortKey::Participant)),
        ),
        (
            SortKey::ScreeningDate,
            format!("{}{}", i18n::text("browser-screening-date"), arrow(browser, SortKey::ScreeningDate)),
        ),
    ];
    let file_header = format!("{}{}", i18n::text("browser-file"), arrow(browser, SortKey::FileName));
    let mut page = browser.page;
    let rows = browser.page_rows();
    let first = page * PAGE_ROWS;
    if visible > PAGE_ROWS {
        ui.horizontal(|ui| {
            ui.label(i18n::text_with(
                "browser-page",
                &[
                    ("first", (first + 1).to_string()),
                    ("last", (first + rows.len()).to_string()),
                    ("count", visible.to_string()),
                ],
            ));
            if ui
                .add_enabled(page > 0, egui::Button::new(i18n::text("browser-previous")))
                .accessible_name(i18n::text("browser-previous-name"))
                .clicked()
            {
                page = page.saturating_sub(1);
            }
            let more = first + rows.len() < visible;
            if ui
                .add_enabled(more, egui::Button::new(i18n::text("browser-next")))
                .accessible_name(i18n::text("browser-next-name"))
                .clicked()
            {
                page += 1;
            }
        });
    }
    // Open comes first, so it is in reach in a narrow window (at 1024 pixels the file name
    // column lies past the panel's edge); the rest scrolls sideways.
    ScrollArea::both().id_salt("session browser").max_height(320.0).show(ui, |ui| {
        Grid::new("session browser grid").striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
            ui.label("");
            for (key, title) in &headers {
                let name = if *key == SortKey::Participant { "browser-sort-participant" } else { "browser-sort-date" };
                if ui.button(title).accessible_name(i18n::text(name)).clicked() {
                    sort = Some(*key);
                }
            }
            ui.label(theme::bold(i18n::text("visit-protocols")));
            ui.label(theme::bold(i18n::text("browser-verdicts")));
            if ui.button(&file_header).accessible_name(i18n::text("browser-sort-file")).clicked() {
                sort = Some(SortKey::FileName);
            }
            ui.end_row();
            for row in rows {
                if row.problem.is_none() {
                    if ui
                        .button(i18n::text("browser-open"))
                        .accessible_name(i18n::text_with("browser-open-name", &[("file", row.file_name.clone())]))
                        .clicked()
                    {
                        commands.push(Command::Leave(Leave::OpenPath(row.path.clone())));
                    }
                } else {
                    ui.label("");
                }
                ui.label(&row.participant_code);
                ui.label(row.screening.map(|d| d.to_string()).unwrap_or_default());
                ui.label(RichText::new(&row.protocols).small());
                ui.vertical(|ui| {
                    if let Some(problem) = &row.problem {
                        // The file's name is in its own column: the reason is said without
                        // the path, wrapped in a column wide enough to read (a path, or
                        // Chinese, would otherwise break every few characters), whole on hover.
                        let path = row.path.display().to_string();
                        let reason = problem
                            .strip_prefix(path.as_str())
                            .map_or(problem.as_str(), |rest| rest.trim_start_matches([':', '：', ' ']));
                        ui.set_min_width(150.0);
                        ui.add(
                            egui::Label::new(RichText::new(format!("✖ {reason}")).color(theme::error_colour(theme)))
                                .wrap(),
                        )
                        .on_hover_text(problem.as_str());
                    }
                    // Icon and word, on one line: a verdict never breaks mid-word.
                    for &(verdict, complete) in &row.verdicts {
                        let words = crate::status::verdict_words(verdict, complete);
                        let text = format!("{} {words}", verdict_icon(verdict));
                        ui.add(
                            egui::Label::new(RichText::new(text).color(theme::verdict_colour(theme, verdict))).extend(),
                        );
                    }
                    if row.is_signed {
                        ui.label(RichText::new(i18n::text("browser-signed")).small());
                    }
                });
                ui.label(RichText::new(&row.file_name).monospace().small());
                ui.end_row();
            }
        });
    });
    browser.page = page;
    if let Some(key) = sort {
        browser.sort_by(key);
    }
}
