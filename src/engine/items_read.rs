//! The dictionary items a compiled protocol reads: what its forms must ask. Walks every
//! rule, applicability condition and discretion (with the discretion's questions), so a
//! form never shows an item no criterion reads, nor misses one a criterion needs.

use std::collections::BTreeSet;

use crate::engine::compile::{CompiledProtocol, Node, ResolvedOperand};
use crate::engine::knowledge::{ItemIdx, KidneyItems, Knowledge};
use crate::model::dictionary::ItemKind;

/// Every item the protocol's criteria read, in dictionary order.
pub fn items_read(compiled: &CompiledProtocol, knowledge: &Knowledge) -> BTreeSet<ItemIdx> {
    let mut walker = Walker { knowledge, items: BTreeSet::new() };
    for criterion in &compiled.criteria {
        for node in [criterion.applies_when.as_ref(), Some(&criterion.rule), criterion.discretion.as_ref()]
            .into_iter()
            .flatten()
        {
            walker.node(node);
        }
        walker.items.extend(criterion.anchors.iter().copied());
    }
    for criterion in &compiled.protocol.criteria {
        let questions = criterion.discretion.iter().flat_map(|d| &d.questions);
        walker.items.extend(questions.filter_map(|id| knowledge.item_idx(id)));
    }
    walker.items
}

/// The items a rule reads (a test-kind item reads every item of its kind).
pub fn node_items(node: &Node, knowledge: &Knowledge) -> BTreeSet<ItemIdx> {
    let mut walker = Walker { knowledge, items: BTreeSet::new() };
    walker.node(node);
    walker.items
}

/// The items a criterion reads: its applicability, its rule and its discretion's conditions.
pub fn criterion_items(
    applies_when: Option<&Node>,
    rule: &Node,
    discretion: Option<&Node>,
    knowledge: &Knowledge,
) -> BTreeSet<ItemIdx> {
    let mut walker = Walker { knowledge, items: BTreeSet::new() };
    for node in [applies_when, Some(rule), discretion].into_iter().flatten() {
        walker.node(node);
    }
    walker.items
}

struct Walker<'a> {
    knowledge: &'a Knowledge,
    items: BTreeSet<ItemIdx>,
}

impl Walker<'_> {
    fn node(&mut self, node: &Node) {
        match node {
            Node::All(parts) | Node::Any(parts) | Node::AtLeast(_, parts) | Node::FirstKnown(parts) => {
                parts.iter().for_each(|part| self.node(part));
            }
            Node::Not(part) | Node::JudgmentIf(part, _) => self.node(part),
            Node::Compare(value, _, _) | Node::Known(value) => self.value(value),
            Node::Choice(item, ..) => match self.knowledge.test_kind_of(*item) {
                Some(kind) => self.items.extend(self.knowledge.test_kind_items(kind).iter().copied()),
                None => {
                    self.items.insert(*item);
                }
            },
            Node::Yes(item) | Node::Attested(item) | Node::Occurred(item, _) | Node::Classified(item, _) => {
                self.items.insert(*item);
            }
            Node::Exposed { .. } | Node::Started { .. } | Node::Combined(_) => self.treatments(),
            Node::StableTreatment { .. } => {
                // Dose caps per kilogram need the body weight.
                self.treatments();
                self.items.extend(self.knowledge.weight);
            }
            Node::Change(change) => {
                self.items.insert(change.baseline);
                self.items.insert(change.current);
            }
            Node::Judgment(_) | Node::Always(_) => {}
        }
    }

    fn value(&mut self, value: &ResolvedOperand) {
        match value {
            ResolvedOperand::Quantity { item, .. }
            | ResolvedOperand::UlnRatio { item, .. }
            | ResolvedOperand::Titer { item, .. }
            | ResolvedOperand::Score { item, .. }
            | ResolvedOperand::CountPresent { item, .. } => {
                self.items.insert(*item);
            }
            ResolvedOperand::Age(_) => self.items.extend(self.knowledge.date_of_birth),
            ResolvedOperand::Egfr(kidney) | ResolvedOperand::CreatinineClearance(kidney) => self.kidney(*kidney),
            ResolvedOperand::Treatments(_) => self.treatments(),
        }
    }

    fn kidney(&mut self, kidney: KidneyItems) {
        let KidneyItems { date_of_birth, sex, height, weight, creatinine, egfr_reported } = kidney;
        self.items.extend([date_of_birth, sex, height, weight, creatinine, egfr_reported]);
    }

    fn treatments(&mut self) {
        let history = self.knowledge.dictionary.items.iter().position(|item| matches!(item.kind, ItemKind::Treatments));
        self.items.extend(history.and_then(|position| ItemIdx::try_from(position).ok()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn ids(library: &Library, protocol: &str) -> Vec<String> {
        let loaded = library.latest(protocol).unwrap();
        items_read(&loaded.compiled, &library.knowledge)
            .into_iter()
            .map(|idx| library.knowledge.item(idx).unwrap().id.clone())
            .collect()
    }

    #[test]
    fn the_sle_protocol_reads_its_labs_and_the_platelet_discretion_questions() {
        let library = Library::bundled().unwrap();
        let items = ids(&library, "refractory-sle-age5");
        for id in
            ["date_of_birth", "platelets", "plt_low_immune_cause", "active_bleeding", "treatment_history", "sledai2k"]
        {
            assert!(items.contains(&id.to_owned()), "{id} missing from {items:?}");
        }
        assert!(!items.contains(&"mmt8".to_owned()), "an IIM instrument is not read by the SLE protocol");
    }

    #[test]
    fn the_registry_protocol_reads_few_items() {
        let library = Library::bundled().unwrap();
        let items = ids(&library, "huc-msc-sle");
        assert!(items.contains(&"sle_2019_checklist".to_owned()));
        assert!(!items.contains(&"platelets".to_owned()));
    }
}
