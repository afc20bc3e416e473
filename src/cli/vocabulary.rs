//! `trialscreen vocabulary [items|drugs|classes|units|instruments] [--json]`: every name a
//! protocol rule may use, with its kind, units and label, so that a coordinator writing a
//! protocol never reads the source tree.

use std::process::ExitCode;

use serde_json::{Value as Json, json};

use crate::cli::outln;
use crate::library::Library;
use crate::model::dictionary::ItemKind;
use crate::model::instrument::InstrumentId;
use crate::model::units::Unit;

/// Lists the names protocol rules may use.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to list; everything when omitted.
    #[arg(value_enum)]
    pub what: Option<VocabularyPart>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A part of the vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum VocabularyPart {
    /// Data dictionary items: id, kind, units, label, section.
    Items,
    /// Drug agents: id, name, classes, aliases.
    Drugs,
    /// Drug classes: id, label, agents.
    Classes,
    /// Units: the code protocol files write, the symbol shown, the dimension.
    Units,
    /// Instruments (scores and classification criteria): id, name, items.
    Instruments,
}

const ALL: [VocabularyPart; 5] = [
    VocabularyPart::Items,
    VocabularyPart::Drugs,
    VocabularyPart::Classes,
    VocabularyPart::Units,
    VocabularyPart::Instruments,
];

/// Prints the vocabulary, or one part of it.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let parts: Vec<VocabularyPart> = args.what.map_or_else(|| ALL.to_vec(), |part| vec![part]);
    if args.json {
        let mut object = serde_json::Map::new();
        for part in parts {
            object.insert(
                part.key().to_owned(),
                Json::Array(rows(part, library).into_iter().map(|row| row.json).collect()),
            );
        }
        outln!("{}", serde_json::to_string_pretty(&Json::Object(object))?);
    } else {
        for part in parts {
            outln!("{}", part.heading());
            for row in rows(part, library) {
                outln!("  {}", row.text);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

impl VocabularyPart {
    fn key(self) -> &'static str {
        match self {
            Self::Items => "items",
            Self::Drugs => "drugs",
            Self::Classes => "classes",
            Self::Units => "units",
            Self::Instruments => "instruments",
        }
    }

    fn heading(self) -> &'static str {
        crate::i18n::word(match self {
            Self::Items => "cli-vocabulary-items",
            Self::Drugs => "cli-vocabulary-drugs",
            Self::Classes => "cli-vocabulary-classes",
            Self::Units => "cli-vocabulary-units",
            Self::Instruments => "cli-vocabulary-instruments",
        })
    }
}

/// One name, as a line of text and as JSON.
struct Row {
    text: String,
    json: Json,
}

fn rows(part: VocabularyPart, library: &Library) -> Vec<Row> {
    let knowledge = &library.knowledge;
    match part {
        VocabularyPart::Items => knowledge
            .dictionary
            .items
            .iter()
            .map(|item| {
                let (kind, units) = kind_words(&item.kind);
                let section = knowledge
                    .dictionary
                    .sections
                    .iter()
                    .find(|s| s.id == item.section)
                    .map_or(item.section.as_str(), |s| s.label.as_str());
                let shown_units = if units.is_empty() { String::new() } else { format!(" [{}]", units.join(", ")) };
                let dated = if item.dated { ", dated" } else { "" };
                Row {
                    text: format!("{} — {kind}{shown_units}{dated} — {} — {section}", item.id, item.label),
                    json: json!({
                        "id": item.id, "kind": kind, "units": units, "label": item.label,
                        "section": item.section, "dated": item.dated, "test_kind": item.test_kind,
                        "options": match &item.kind {
                            ItemKind::Choice(options) => options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
                            _ => Vec::new(),
                        },
                    }),
                }
            })
            .collect(),
        VocabularyPart::Drugs => knowledge
            .catalogue
            .agents
            .iter()
            .map(|agent| Row {
                text: format!(
                    "{} — {} — {} — {}",
                    agent.id,
                    agent.name,
                    agent.classes.join(", "),
                    if agent.aliases.is_empty() {
                        crate::i18n::text("cli-vocabulary-no-other-names")
                    } else {
                        agent.aliases.join(", ")
                    }
                ),
                json: json!({"id": agent.id, "name": agent.name, "classes": agent.classes, "aliases": agent.aliases,
                             "prednisone_equivalent_dose_mg": agent.prednisone_equivalent_dose_mg}),
            })
            .collect(),
        VocabularyPart::Classes => knowledge
            .catalogue
            .classes
            .iter()
            .map(|class| {
                let agents: Vec<&str> = knowledge
                    .catalogue
                    .agents
                    .iter()
                    .filter(|agent| agent.classes.contains(&class.id))
                    .map(|agent| agent.id.as_str())
                    .collect();
                Row {
                    text: format!("{} — {} — {}", class.id, class.label, agents.join(", ")),
                    json: json!({"id": class.id, "label": class.label, "agents": agents}),
                }
            })
            .collect(),
        VocabularyPart::Units => Unit::all()
            .iter()
            .map(|unit| Row {
                text: format!(
                    "{} — {} — {} (× {} to the reference unit){}",
                    unit.code(),
                    unit.symbol(),
                    unit.dimension().words(),
                    unit.to_reference().normalize(),
                    if unit.is_bundled() { "" } else { " — site" }
                ),
                json: json!({
                    "code": unit.code(),
                    "symbol": unit.symbol(),
                    "dimension": unit.dimension().words(),
                    "dimension_id": unit.dimension().id(),
                    "to_reference": unit.to_reference().normalize().to_string(),
                    "site": !unit.is_bundled(),
                }),
            })
            .collect(),
        VocabularyPart::Instruments => InstrumentId::all()
            .iter()
            .map(|instrument| {
                let id = serde_json::to_value(instrument)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let keys: Vec<&str> = instrument.items().iter().map(|spec| spec.key).collect();
                Row {
                    text: format!("{id} — {} — {}", instrument.label(), keys.join(", ")),
                    json: json!({"id": id, "name": instrument.label(), "items": instrument.items().iter()
                        .map(|spec| json!({"key": spec.key, "label": spec.label, "group": spec.group}))
                        .collect::<Vec<_>>()}),
                }
            })
            .collect(),
    }
}

/// An item kind in words, and the unit codes a number item is entered in.
fn kind_words(kind: &ItemKind) -> (String, Vec<&'static str>) {
    match kind {
        ItemKind::Number { units, uln, .. } => {
            let kind = if *uln { "number with ULN" } else { "number" };
            (kind.to_owned(), units.iter().map(|range| range.unit.code()).collect())
        }
        ItemKind::Date => ("date".to_owned(), Vec::new()),
        ItemKind::YesNo => ("yes/no".to_owned(), Vec::new()),
        ItemKind::Choice(options) => {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            (format!("choice of {}", ids.join(" / ")), Vec::new())
        }
        ItemKind::Titer => ("titer".to_owned(), Vec::new()),
        ItemKind::Event => ("event".to_owned(), Vec::new()),
        ItemKind::Instrument(instrument) => (format!("instrument {}", instrument.label()), Vec::new()),
        ItemKind::Treatments => ("treatment history".to_owned(), Vec::new()),
        ItemKind::Text => ("text".to_owned(), Vec::new()),
    }
}
