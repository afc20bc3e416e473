//! The board's filter — all, not met, missing, judgment, overridden, decision out of date —
//! each with its count over every protocol shown, and F8, which scrolls the board to the
//! next criterion still undecided (missing or awaiting judgment), round and round.

use egui::{Id, Key, RichText, Ui};

use crate::report::screening_view::{CriterionView, ScreeningView};
use crate::status::Status;

/// Which criteria the board shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BoardFilter {
    /// Every criterion.
    #[default]
    All,
    /// Inclusions not met and exclusions that apply.
    NotMet,
    /// Data not entered (or not counted: undated, out of window).
    Missing,
    /// Awaiting the investigator's judgment.
    Judgment,
    /// Met by a recorded override.
    Overridden,
    /// With a decision gone out of date.
    OutOfDate,
}

impl BoardFilter {
    /// Every filter, in the order shown.
    pub const ALL: [Self; 6] =
        [Self::All, Self::NotMet, Self::Missing, Self::Judgment, Self::Overridden, Self::OutOfDate];

    /// The filter's words, in the chosen language.
    pub fn words(self) -> &'static str {
        crate::i18n::word(match self {
            Self::All => "filter-all",
            Self::NotMet => "filter-not-met",
            Self::Missing => "filter-missing",
            Self::Judgment => "filter-judgment",
            Self::Overridden => "filter-overridden",
            Self::OutOfDate => "filter-out-of-date",
        })
    }

    /// Whether the board shows this criterion under the filter.
    pub fn shows(self, row: &CriterionView) -> bool {
        match self {
            Self::All => true,
            Self::NotMet => matches!(row.status, Status::NotMet | Status::Excluded),
            Self::Missing => row.status == Status::Missing,
            Self::Judgment => row.status == Status::Judgment,
            Self::Overridden => row.status == Status::Overridden,
            Self::OutOfDate => !row.lapsed.is_empty(),
        }
    }
}

/// Whether a criterion is undecided: F8 goes to it.
pub fn is_undecided(row: &CriterionView) -> bool {
    matches!(row.status, Status::Missing | Status::Judgment)
}

/// What the board remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct BoardFocus {
    /// The filter chosen.
    pub filter: BoardFilter,
    /// The criterion F8 went to last: (protocol id, criterion id).
    pub jumped: Option<(String, String)>,
    /// Scroll to `jumped` this frame.
    pub scroll: bool,
}

fn memory_id() -> Id {
    Id::unique("criteria board focus")
}

/// The board's state for this frame.
pub fn load(ui: &Ui) -> BoardFocus {
    ui.data(|data| data.get_temp::<BoardFocus>(memory_id())).unwrap_or_default()
}

/// Keeps the board's state for the next frame.
pub fn store(ui: &Ui, focus: BoardFocus) {
    ui.data_mut(|data| data.insert_temp(memory_id(), focus));
}

/// The filter row with counts, and the F8 key: moves `focus.jumped` to the next undecided
/// criterion shown.
pub fn board_filter_ui(ui: &mut Ui, board: &ScreeningView, focus: &mut BoardFocus) {
    let rows = || board.protocols.iter().flat_map(|p| p.criteria.iter().map(move |row| (p.id.as_str(), row)));
    ui.horizontal_wrapped(|ui| {
        for filter in BoardFilter::ALL {
            let count = rows().filter(|(_, row)| filter.shows(row)).count();
            let text = format!("{} ({count})", filter.words());
            if ui.selectable_label(focus.filter == filter, text).clicked() {
                focus.filter = filter;
            }
        }
        let hint = match &focus.jumped {
            Some((protocol, criterion)) => crate::i18n::text_with(
                "filter-f8-at",
                &[("protocol", protocol.clone()), ("criterion", criterion.clone())],
            ),
            None => crate::i18n::text("filter-f8"),
        };
        ui.label(RichText::new(hint).weak());
    });
    if ui.input(|input| input.key_pressed(Key::F8)) {
        let undecided: Vec<(String, String)> = rows()
            .filter(|(_, row)| is_undecided(row) && focus.filter.shows(row))
            .map(|(protocol, row)| (protocol.to_owned(), row.id.clone()))
            .collect();
        let after = focus.jumped.as_ref().and_then(|jumped| undecided.iter().position(|u| u == jumped));
        let next = after.map_or(0, |i| i + 1) % undecided.len().max(1);
        focus.jumped = undecided.get(next).cloned();
        focus.scroll = focus.jumped.is_some();
    }
}
