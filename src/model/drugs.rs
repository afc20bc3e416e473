//! The drug catalogue: agents, the classes rules count by, and glucocorticoid potency.

use serde::{Deserialize, Serialize};

/// Every agent the product knows and the classes they belong to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrugCatalogue {
    /// The classes rules count by.
    pub classes: Vec<DrugClass>,
    /// Every agent, each in one or more classes.
    pub agents: Vec<Agent>,
}

/// A class rules can name: `glucocorticoid`, `anti_cd20`, `jak_inhibitor`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrugClass {
    /// Stable id rules name: `anti_cd20`.
    pub id: String,
    /// The class as shown ("Anti-CD20 antibody").
    pub label: String,
}

/// One agent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    /// Stable id, the international non-proprietary name in snake case.
    pub id: String,
    /// The name shown.
    pub name: String,
    /// Brand names and spellings the search in the form also finds.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Class ids; an agent may belong to several (rituximab: biologic and anti-CD20).
    pub classes: Vec<String>,
    /// For systemic glucocorticoids: the dose in mg equivalent to 5 mg prednisone.
    #[serde(default)]
    pub prednisone_equivalent_dose_mg: Option<f64>,
    /// Where a class assignment or equivalence needs a word (budesonide has none).
    #[serde(default)]
    pub note: Option<String>,
}

impl DrugCatalogue {
    /// The agent with this id.
    pub fn agent(&self, id: &str) -> Option<&Agent> {
        self.agents.iter().find(|agent| agent.id == id)
    }

    /// The class with this id.
    pub fn class(&self, id: &str) -> Option<&DrugClass> {
        self.classes.iter().find(|class| class.id == id)
    }

    /// Agents whose name, id or alias contains `query`, case-insensitively.
    pub fn search<'a>(&'a self, query: &'a str) -> impl Iterator<Item = &'a Agent> + 'a {
        let query = query.trim().to_lowercase();
        self.agents.iter().filter(move |agent| agent.matches(&query))
    }
}

impl Agent {
    /// Whether its name, id or an alias contains `query` (already trimmed and lowercase);
    /// an empty query matches every agent.
    pub fn matches(&self, query: &str) -> bool {
        query.is_empty()
            || self.name.to_lowercase().contains(query)
            || self.id.contains(query)
            || self.aliases.iter().any(|alias| alias.to_lowercase().contains(query))
    }

    /// Whether the agent belongs to the class.
    pub fn is_in(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c == class)
    }
}
