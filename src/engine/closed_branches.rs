//! The items a rule still needs given what is known about who the participant is: an item
//! read only in a branch that a known condition on the participant's age closes cannot
//! change the criterion's outcome. Guardian consent and assent, one branch of an `Any` for
//! a minor on the consent date, are not needed for an adult once the birth date and the
//! consent date are known; until both are, the age is unknown and every branch is needed.
//!
//! A branch is closed by a *guard*: a condition on the participant's age on a reference
//! date (`Compare(Age(anchor), …)`, alone or combined with others of its kind) that is
//! known. An `All` with a guard that is false is false whatever its other parts are; an
//! `Any` with a guard that is true is true whatever its other parts are. Only such guards
//! close a branch: a failing laboratory value never hides the other results of its
//! criterion (an override may still be recorded, and rows must not come and go while
//! results are typed).

use std::collections::BTreeSet;

use crate::engine::compile::{Node, ResolvedOperand};
use crate::engine::evaluate::Evaluator;
use crate::engine::items_read::node_items;
use crate::engine::knowledge::{ItemIdx, Knowledge};
use crate::engine::patient::PatientFacts;
use crate::engine::truth::Truth;
use crate::model::rule::Period;

/// The items `rule` reads that can still change its truth for this patient: every item it
/// reads, less those read only in branches a known age guard closes (the guard's own items,
/// the birth date, are always needed). `window` is the criterion's results window.
pub fn items_needed(
    rule: &Node,
    patient: &PatientFacts<'_>,
    window: Period,
    knowledge: &Knowledge,
) -> BTreeSet<ItemIdx> {
    let mut walker = Walker { patient, window, knowledge, items: BTreeSet::new() };
    walker.node(rule);
    walker.items
}

struct Walker<'a, 'p> {
    patient: &'a PatientFacts<'p>,
    window: Period,
    knowledge: &'a Knowledge,
    items: BTreeSet<ItemIdx>,
}

impl Walker<'_, '_> {
    fn node(&mut self, node: &Node) {
        match node {
            Node::All(parts) => self.combination(parts, Truth::False),
            Node::Any(parts) => self.combination(parts, Truth::True),
            Node::Not(part) | Node::JudgmentIf(part, _) => self.node(part),
            // An `AtLeast` or a `FirstKnown` is not decided by one part: all of it is needed.
            other => self.items.extend(node_items(other, self.knowledge)),
        }
    }

    /// An `All` (`decides` false) or an `Any` (`decides` true): a guard whose truth decides
    /// it closes the other parts.
    fn combination(&mut self, parts: &[Node], decides: Truth) {
        let closing = parts.iter().find(|part| is_guard(part) && self.truth(part) == decides);
        match closing {
            Some(guard) => self.items.extend(node_items(guard, self.knowledge)),
            None => parts.iter().for_each(|part| self.node(part)),
        }
    }

    fn truth(&self, node: &Node) -> Truth {
        let (mut facts, mut missing) = (Vec::new(), Vec::new());
        let mut evaluator =
            Evaluator { patient: self.patient, facts: &mut facts, missing: &mut missing, window: self.window };
        evaluator.eval(node).truth
    }
}

/// Whether the node is a condition on the participant's age and nothing else.
fn is_guard(node: &Node) -> bool {
    match node {
        Node::Compare(ResolvedOperand::Age(_), ..) => true,
        Node::All(parts) | Node::Any(parts) => !parts.is_empty() && parts.iter().all(is_guard),
        Node::Not(part) => is_guard(part),
        _ => false,
    }
}
