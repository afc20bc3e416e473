//! A site's own vocabulary: `SITE/dictionary.ron` (new sections, items, test kinds and
//! contradictions) and `SITE/drugs.ron` (new classes and agents, and bundled agents joining
//! new classes), added to the bundled dictionary and catalogue. A site adds; it never changes
//! what a bundled name means: a site name equal to a bundled one, or a bundled agent put into
//! a bundled class, is refused, naming the site file's line and column and the bundled file.
//! `SITE/units.ron` adds dimensions, units and analyte bridges ([`crate::model::site_units`]).

use serde::Deserialize;

use crate::library::{LoadError, parse_ron};
use crate::model::dictionary::{Contradiction, Dictionary, ItemDef, Section, TestKind};
use crate::model::drugs::{Agent, DrugCatalogue, DrugClass};
use crate::model::site_units::{self, SiteUnits};
use crate::session::load::locate_quoted;

/// The bundled dictionary's file name, as messages name it.
pub const BUNDLED_DICTIONARY_FILE: &str = "data/dictionary.ron";
/// The bundled catalogue's file name, as messages name it.
pub const BUNDLED_DRUGS_FILE: &str = "data/drugs.ron";

/// `SITE/dictionary.ron`: what a site adds to the data dictionary.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteDictionary {
    /// New form sections.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// New items, in a bundled section or a new one.
    #[serde(default)]
    pub items: Vec<ItemDef>,
    /// New kinds of test read together.
    #[serde(default)]
    pub test_kinds: Vec<TestKind>,
    /// New contradictions between answers.
    #[serde(default)]
    pub contradictions: Vec<Contradiction>,
}

/// `SITE/drugs.ron`: what a site adds to the drug catalogue.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteDrugs {
    /// New classes.
    #[serde(default)]
    pub classes: Vec<DrugClass>,
    /// New agents, each in bundled or new classes (a glucocorticoid with its prednisone
    /// equivalence).
    #[serde(default)]
    pub agents: Vec<Agent>,
    /// Bundled agents that join a new class.
    #[serde(default)]
    pub memberships: Vec<Membership>,
}

/// A bundled agent joining a class the site defines.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The bundled agent's id.
    pub agent: String,
    /// The site class's id.
    pub class: String,
}

/// A site's vocabulary files, each where present.
#[derive(Clone, Copy, Debug, Default)]
pub struct SiteVocabulary<'a> {
    /// `SITE/dictionary.ron`.
    pub dictionary: Option<SiteFile<'a>>,
    /// `SITE/drugs.ron`.
    pub drugs: Option<SiteFile<'a>>,
    /// `SITE/units.ron`.
    pub units: Option<SiteFile<'a>>,
}

/// The vocabulary files a site folder may hold, in the order they load.
pub const VOCABULARY_FILES: [&str; 3] = ["units.ron", "dictionary.ron", "drugs.ron"];

/// Checks a site's units and registers them for this process ([`site_units::register`]);
/// a refusal names the site file's line and column.
pub fn register_units(site: SiteFile<'_>) -> Result<(), LoadError> {
    let units: SiteUnits = parse_ron(site.name, site.text)?;
    site_units::register(units).map_err(|error| {
        let quoted = format!("\"{}\"", error.name);
        let offset = if error.repeated { site.text.rfind(&quoted) } else { site.text.find(&quoted) };
        let (line, column) = offset.map_or((1, 1), |offset| crate::session::load::line_column_at(site.text, offset));
        LoadError::Site { file: site.name.to_owned(), line, column, message: error.message }
    })
}

/// A site file's name and text.
#[derive(Clone, Copy, Debug)]
pub struct SiteFile<'a> {
    /// The path, as messages name it.
    pub name: &'a str,
    /// The content.
    pub text: &'a str,
}

/// What a site file adds, named in the reader's language: item, section, class, agent.
fn vocabulary_word(what: &str) -> String {
    let id = match what {
        "item" => "site-word-item",
        "section" => "site-word-section",
        "class" => "site-word-class",
        "agent" => "site-word-agent",
        other => return other.to_owned(),
    };
    crate::i18n::text(id)
}

fn clash(site: SiteFile<'_>, what: &str, id: &str, bundled_file: &str) -> LoadError {
    let (line, column) = locate_quoted(site.text, id);
    LoadError::Site {
        file: site.name.to_owned(),
        line,
        column,
        message: crate::i18n::text_with(
            "error-site-clash",
            &[("what", vocabulary_word(what)), ("id", id.to_owned()), ("file", bundled_file.to_owned())],
        ),
    }
}

/// Appends a site's additions to a list of the bundled dictionary, refusing an id already
/// in it.
fn append_new<T>(
    list: &mut Vec<T>,
    added: Vec<T>,
    id: impl Fn(&T) -> &String,
    what: &str,
    site: SiteFile<'_>,
) -> Result<(), LoadError> {
    for addition in added {
        if list.iter().any(|existing| id(existing) == id(&addition)) {
            return Err(clash(site, what, id(&addition), BUNDLED_DICTIONARY_FILE));
        }
        list.push(addition);
    }
    Ok(())
}

/// The bundled dictionary with a site's additions.
pub fn extend_dictionary(mut dictionary: Dictionary, site: SiteFile<'_>) -> Result<Dictionary, LoadError> {
    let added: SiteDictionary = parse_ron(site.name, site.text)?;
    append_new(&mut dictionary.sections, added.sections, |s| &s.id, "section", site)?;
    append_new(&mut dictionary.items, added.items, |i| &i.id, "item", site)?;
    append_new(&mut dictionary.test_kinds, added.test_kinds, |k| &k.id, "test kind", site)?;
    append_new(&mut dictionary.contradictions, added.contradictions, |c| &c.id, "contradiction", site)?;
    Ok(dictionary)
}

/// The bundled catalogue with a site's additions.
pub fn extend_catalogue(mut catalogue: DrugCatalogue, site: SiteFile<'_>) -> Result<DrugCatalogue, LoadError> {
    let added: SiteDrugs = parse_ron(site.name, site.text)?;
    let bundled = BUNDLED_DRUGS_FILE;
    let bundled_classes = catalogue.classes.len();
    let bundled_agents = catalogue.agents.len();
    for class in added.classes {
        if catalogue.classes.iter().any(|c| c.id == class.id) || catalogue.agents.iter().any(|a| a.id == class.id) {
            return Err(clash(site, "class", &class.id, bundled));
        }
        catalogue.classes.push(class);
    }
    for agent in added.agents {
        if catalogue.agents.iter().any(|a| a.id == agent.id) || catalogue.classes.iter().any(|c| c.id == agent.id) {
            let file = if catalogue.agents.iter().take(bundled_agents).any(|a| a.id == agent.id) {
                bundled
            } else {
                site.name
            };
            return Err(clash(site, "agent", &agent.id, file));
        }
        catalogue.agents.push(agent);
    }
    for Membership { agent, class } in added.memberships {
        let (line, column) = locate_quoted(site.text, &agent);
        let refuse = |message: String| LoadError::Site { file: site.name.to_owned(), line, column, message };
        let site_class = catalogue.classes.iter().skip(bundled_classes).any(|c| c.id == class);
        if !site_class {
            return Err(refuse(crate::i18n::text_with(
                "error-site-bundled-class",
                &[("agent", agent.clone()), ("class", class.clone())],
            )));
        }
        let Some(member) = catalogue.agents.iter_mut().take(bundled_agents).find(|a| a.id == agent) else {
            return Err(refuse(crate::i18n::text_with("error-site-not-bundled-agent", &[("agent", agent.clone())])));
        };
        if !member.classes.contains(&class) {
            member.classes.push(class);
        }
    }
    Ok(catalogue)
}
