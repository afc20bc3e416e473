//! Turns a protocol's rules into a resolved tree: item and class ids become indices, units
//! are checked against the items, and every rule that could never be decided is an error.

use std::collections::BTreeSet;

use crate::calculators::InstrumentId;
use crate::engine::knowledge::{
    ClassMask, CompiledContradiction, ItemIdx, KidneyItems, Knowledge, KnowledgeError, Polarity,
};
use crate::i18n::Said;
use crate::model::dates::Span;
use crate::model::dictionary::ItemKind;
use crate::model::exact::Exact;
use crate::model::protocol::{CriterionKind, Protocol};
use crate::model::rule::{
    Anchor, ChangeMeasure, Cmp, CountBy, Direction, DoseRate, Operand, Period, Rule, TreatmentCount,
};
use crate::model::units::{self, Unit};
use crate::model::values::Response;
use crate::model::words::did_you_mean;

/// A protocol ready to evaluate.
#[derive(Clone, Debug)]
pub struct CompiledProtocol {
    /// The protocol as loaded, kept for its ids, titles and cohorts.
    pub protocol: Protocol,
    /// The protocol's criteria in protocol order, each with its rules resolved.
    pub criteria: Vec<CompiledCriterion>,
    /// Judgment texts, indexed by [`Node::Judgment`].
    pub judgment_texts: Vec<String>,
    /// The answers each `Score` leaves out, indexed by [`ResolvedOperand::Score`]'s `exclusion`.
    pub score_exclusions: Vec<Vec<String>>,
    /// Why a line constrains nothing, indexed by [`Node::Always`].
    pub notes: Vec<String>,
    /// The protocol's current-results window.
    pub window: Period,
    /// Each criterion's position, sorted by id: decisions name criteria by id. A sorted list
    /// rather than a hash map: a lookup is a few comparisons of short ids, in less code than
    /// hashing (the engine's code must stay small enough for the instruction cache).
    positions: Vec<(String, usize)>,
}

impl CompiledProtocol {
    /// The position of the criterion with this id, in protocol order.
    pub fn position_of(&self, criterion: &str) -> Option<usize> {
        let at = self.positions.binary_search_by(|(id, _)| id.as_str().cmp(criterion)).ok()?;
        self.positions.get(at).map(|&(_, position)| position)
    }
}

/// One criterion, resolved.
#[derive(Clone, Debug)]
pub struct CompiledCriterion {
    /// Whether the criterion is an inclusion (must be met) or an exclusion (must not apply).
    pub kind: CriterionKind,
    /// Index of the cohort in the protocol's cohort list.
    pub cohort: Option<usize>,
    /// The condition under which the criterion applies at all (a cohort or population limit);
    /// `None`: it always applies.
    pub applies_when: Option<Node>,
    /// The rule whose truth decides the criterion.
    pub rule: Node,
    /// An inclusion's discretion rule: when it holds, the investigator may accept the patient
    /// although the rule is not met. `None`: no discretion.
    pub discretion: Option<Node>,
    /// Every item the criterion reads, in dictionary order (what a decision rests on, and
    /// which contradictions concern it), the items holding its named anchor dates included.
    pub reads: Vec<ItemIdx>,
    /// The items holding the named anchor dates its windows and ages count from.
    pub anchors: Vec<ItemIdx>,
    /// Whether it reads an item the dictionary marks as a dated result: only such a criterion
    /// can stop passing because its evidence ages out of a window.
    pub reads_dated_results: bool,
    /// The window its results are read in where the rule states none.
    pub window: Period,
    /// Its judgment texts, a range of [`CompiledProtocol::judgment_texts`]: a judgment's
    /// question id counts from the start of the range.
    pub judgments: std::ops::Range<usize>,
}

/// A resolved rule.
#[derive(Clone, Debug)]
pub enum Node {
    /// True when every part is true.
    All(Vec<Node>),
    /// True when any part is true.
    Any(Vec<Node>),
    /// True when at least the given number of parts are true.
    AtLeast(u32, Vec<Node>),
    /// The opposite of the part (unknown stays unknown).
    Not(Box<Node>),
    /// The first part whose truth is known decides (a direct measure, then a fallback).
    FirstKnown(Vec<Node>),
    /// A number compared with a threshold in the value's unit.
    Compare(ResolvedOperand, Cmp, Exact),
    /// True when the number is available (entered and, for a score, decided).
    Known(ResolvedOperand),
    /// A yes/no item answered yes.
    Yes(ItemIdx),
    /// A choice item answered with one of the listed options; for an item reporting a test
    /// kind, whether the options report its negative or its positive result (found once,
    /// here, rather than at every evaluation).
    Choice(ItemIdx, Vec<String>, Polarity),
    /// An event or date item that falls in the period.
    Occurred(ItemIdx, Period),
    /// A course of an agent of the classes started during a period.
    Started {
        /// The drug classes that count.
        classes: ClassMask,
        /// The period the first dose must fall in.
        when: Period,
    },
    /// Any agent of the classes taken during a period, from the treatment history.
    Exposed {
        /// The drug classes that count.
        classes: ClassMask,
        /// The period a course must overlap.
        when: Period,
    },
    /// Some current agent of the classes at a dose unchanged for at least `lasting` before the
    /// anchor date, within every cap.
    StableTreatment {
        /// The drug classes that count.
        classes: ClassMask,
        /// How long the dose must have been unchanged.
        lasting: Span,
        /// The reference date the stable period ends on.
        before: Anchor,
        /// Dose caps a stable dose must stay within (empty: any dose).
        caps: Vec<Cap>,
    },
    /// Courses taken together with a backbone treatment.
    Combined(Combined),
    /// The classification instrument held by the item classifies the patient.
    Classified(ItemIdx, InstrumentId),
    /// A change between a baseline and a current measurement of at least a threshold.
    Change(ResolvedChange),
    /// Needs the investigator's decision; the number is the judgment's index in
    /// [`CompiledProtocol::judgment_texts`].
    Judgment(u16),
    /// Needs the investigator's decision when the condition holds (index as for `Judgment`), false
    /// when it does not.
    JudgmentIf(Box<Node>, u16),
    /// A commitment the investigator records on a yes/no item: true only when recorded yes.
    Attested(ItemIdx),
    /// Always true; the number indexes [`CompiledProtocol::notes`], which say why the source
    /// line constrains nothing.
    Always(u16),
}

/// A resolved operand.
#[derive(Clone, Debug)]
pub enum ResolvedOperand {
    /// An entered number converted to `unit`.
    Quantity {
        /// The dictionary item holding the number.
        item: ItemIdx,
        /// The unit the number is compared in.
        unit: Unit,
        /// Only a measurement dated in this period counts; `None`: the criterion's window.
        observed: Option<Period>,
        /// Only a measurement made by one of these methods counts: bit `i` stands for the
        /// item's method `i`; 0: any method.
        by: u64,
    },
    /// An entered number divided by its upper limit of normal.
    UlnRatio {
        /// The dictionary item holding the number and its upper limit.
        item: ItemIdx,
        /// Only a measurement dated in this period counts; `None`: the criterion's window.
        observed: Option<Period>,
    },
    /// A titer's dilution denominator (negative is 0).
    Titer {
        /// The dictionary item holding the titer.
        item: ItemIdx,
        /// Only a measurement dated in this period counts; `None`: the criterion's window.
        observed: Option<Period>,
    },
    /// Age in whole years, birthday-aware, on the anchor date.
    Age(Anchor),
    /// The total of the score instrument held by an item, optionally leaving out some of its
    /// answers.
    Score {
        /// The dictionary item holding the instrument's answers.
        item: ItemIdx,
        /// The score instrument.
        instrument: InstrumentId,
        /// The answers or domains left out of the total (empty: the full score).
        excluding: Vec<String>,
        /// Index of `excluding` in [`CompiledProtocol::score_exclusions`].
        exclusion: u16,
        /// Only an assessment dated in this period counts; `None`: the criterion's window.
        observed: Option<Period>,
    },
    /// How many of the listed answers of the instrument held by an item are present.
    CountPresent {
        /// The dictionary item holding the instrument's answers.
        item: ItemIdx,
        /// The instrument the answers belong to.
        instrument: InstrumentId,
        /// The answer ids counted.
        answers: Vec<String>,
        /// True: count the present answers that are *not* listed instead.
        outside: bool,
    },
    /// eGFR in mL/min/1.73 m²: a lab-reported eGFR if entered, else calculated from the kidney
    /// items.
    Egfr(KidneyItems),
    /// Cockcroft–Gault creatinine clearance in mL/min with actual body weight.
    CreatinineClearance(KidneyItems),
    /// A count over the treatment history.
    Treatments(Count),
}

/// Resolved courses taken together with a backbone.
#[derive(Clone, Debug)]
pub struct Combined {
    /// The classes of the backbone every counted course overlaps (glucocorticoids).
    pub backbone: ClassMask,
    /// Per group: its classes, the classes it leaves out, and how many agents it needs.
    pub groups: Vec<(ClassMask, ClassMask, u32)>,
    /// The overlap each counted course needs with the backbone.
    pub lasting: Span,
}

/// A resolved treatment count.
#[derive(Clone, Debug)]
pub struct Count {
    /// Agents in any of these classes are counted.
    pub classes: ClassMask,
    /// Agents in any of these classes are not counted, even when also in `classes`.
    pub except: ClassMask,
    /// Only rows with one of these responses count (empty: any row).
    pub responses: Vec<Response>,
    /// Only rows taken for at least this long count; `None`: any duration.
    pub lasting: Option<Span>,
    /// With `lasting`: only rows taken for more than that long.
    pub lasting_strictly: bool,
    /// Only rows whose course overlaps this period; `None`: at any time.
    pub during: Option<Period>,
    /// Whether agents or classes are counted.
    pub by: CountKind,
}

/// What a resolved treatment count counts (and, in a fact, what it counted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountKind {
    /// Distinct agents.
    Agents,
    /// Distinct classes among the counted classes that some counted agent belongs to.
    Classes,
    /// Distinct agents, except that all agents of each class in the mask count together as one.
    AgentsPooling(ClassMask),
}

/// A resolved dose cap.
#[derive(Clone, Copy, Debug)]
pub struct Cap {
    /// The agent or classes the cap limits.
    pub target: CapTarget,
    /// The highest dose that still counts, in the unit of `per`.
    pub max: Exact,
    /// The unit of the cap (mg/day, mg/week, mg/kg/day or prednisone-equivalent mg/day).
    pub per: DoseRate,
}

/// What a dose cap applies to.
#[derive(Clone, Copy, Debug)]
pub enum CapTarget {
    /// One agent, by its index in the drug catalogue.
    Agent(u16),
    /// Every agent of these classes.
    Classes(ClassMask),
}

/// A resolved change rule.
#[derive(Clone, Debug)]
pub struct ResolvedChange {
    /// The item holding the earlier measurement.
    pub baseline: ItemIdx,
    /// The item holding the current measurement.
    pub current: ItemIdx,
    /// Whether the change must be an increase or a decrease.
    pub direction: Direction,
    /// The threshold: percent for a relative measure, the items' unit for an absolute one.
    pub at_least: Exact,
    /// The measures of change computed; when they disagree on the threshold the result is a
    /// judgment.
    pub measures: Vec<ChangeMeasure>,
    /// Only a baseline dated in this period counts; `None`: the criterion's window.
    pub baseline_observed: Option<Period>,
    /// Only a current measurement dated in this period counts; `None`: the criterion's window.
    pub current_observed: Option<Period>,
}

/// A problem with a protocol file, naming the criterion and what is wrong.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProtocolError {
    /// Two criteria share an id; the id.
    #[error("{}", crate::i18n::text_with("protocol-duplicate-criterion", &[("id", .0.clone())]))]
    DuplicateCriterion(String),
    /// A rule names an item the data dictionary does not have.
    #[error("{}", crate::i18n::text_with("protocol-unknown-item", &[("criterion", criterion.clone()), ("item", item.clone()), ("hint", hint.clone())]))]
    UnknownItem {
        /// The criterion's id.
        criterion: String,
        /// The item id as written in the rule.
        item: String,
        /// "; did you mean \"platelets\"?", or empty.
        hint: String,
    },
    /// A rule uses an item of the wrong kind (a date where a number is needed).
    #[error("{}", crate::i18n::text_with("protocol-wrong-kind", &[("criterion", criterion.clone()), ("item", item.to_string()), ("found", crate::i18n::text(found)), ("expected", crate::i18n::text(expected))]))]
    WrongKind {
        /// The criterion's id.
        criterion: String,
        /// The item's id.
        item: String,
        /// The message id of the kind of item the rule needs ("item-kind-number").
        expected: &'static str,
        /// The message id of the item's kind in the dictionary.
        found: &'static str,
    },
    /// A rule compares an item in a unit it cannot be converted to.
    #[error("{}", crate::i18n::text_with("protocol-unit-mismatch", &[("criterion", criterion.clone()), ("item", item.clone()), ("unit", unit.clone()), ("allowed", allowed.clone())]))]
    UnitMismatch {
        /// The criterion's id.
        criterion: String,
        /// The item's id.
        item: String,
        /// The unit the rule asks for.
        unit: String,
        /// The units the item is entered in.
        allowed: String,
    },
    /// A rule names a drug class the catalogue does not have.
    #[error("{}", crate::i18n::text_with("protocol-unknown-class", &[("criterion", criterion.clone()), ("class", class.clone()), ("hint", hint.clone())]))]
    UnknownClass {
        /// The criterion's id.
        criterion: String,
        /// The class id as written in the rule.
        class: String,
        /// "; did you mean \"anti_cd20\"?", or empty.
        hint: String,
    },
    /// A rule that counts drug classes names an agent.
    #[error("{}", crate::i18n::text_with("protocol-agent-not-class", &[("criterion", criterion.clone()), ("agent", agent.clone()), ("classes", classes.clone())]))]
    AgentWhereClassExpected {
        /// The criterion's id.
        criterion: String,
        /// The agent id as written in the rule.
        agent: String,
        /// The agent's class ids, quoted and joined.
        classes: String,
    },
    /// A criterion names a cohort the protocol does not define.
    #[error("{}", crate::i18n::text_with("protocol-unknown-cohort", &[("criterion", criterion.clone()), ("cohort", cohort.clone()), ("hint", hint.clone())]))]
    UnknownCohort {
        /// The criterion's id.
        criterion: String,
        /// The cohort id as written.
        cohort: String,
        /// "; did you mean …?", or empty.
        hint: String,
    },
    /// A choice rule names an option the item does not offer.
    #[error("{}", crate::i18n::text_with("protocol-unknown-option", &[("criterion", criterion.clone()), ("option", option.clone()), ("item", item.clone()), ("hint", hint.clone())]))]
    UnknownOption {
        /// The criterion's id.
        criterion: String,
        /// The choice item's id.
        item: String,
        /// The option as written in the rule.
        option: String,
        /// "; did you mean …?", or empty.
        hint: String,
    },
    /// A score or count names an answer the instrument does not have.
    #[error("{}", crate::i18n::text_with("protocol-unknown-instrument-item", &[("criterion", criterion.clone()), ("answer", answer.clone()), ("instrument", instrument.to_string())]))]
    UnknownInstrumentItem {
        /// The criterion's id.
        criterion: String,
        /// The instrument's name.
        instrument: &'static str,
        /// The answer id as written in the rule.
        answer: String,
    },
    /// A rule that could never be decided (too few parts, a negative threshold, an empty judgment).
    #[error("{}", crate::i18n::text_with("protocol-undecidable", &[("criterion", criterion.clone()), ("what", what.text()), ("why", why.text())]))]
    Undecidable {
        /// The criterion's id.
        criterion: String,
        /// The part of the rule at fault ("a dose cap"), said in the reader's language.
        what: Said,
        /// Why it can never be decided, said in the reader's language.
        why: Said,
    },
    /// More of one kind of numbered part (judgments, always-met lines, score exclusions)
    /// than a compiled protocol can number: refused, never numbered wrongly.
    #[error("{}", crate::i18n::text_with("protocol-too-many", &[("what", crate::i18n::text(what)), ("limit", limit.to_string())]))]
    TooMany {
        /// The message id of the kind of part ("protocol-part-judgments").
        what: &'static str,
        /// How many a protocol may have.
        limit: usize,
    },
    /// A kidney-function operand whose input items are not all in the dictionary.
    #[error("{}", crate::i18n::text_with("protocol-missing-kidney-items", &[("criterion", criterion.clone()), ("items", "date_of_birth, sex, height, weight, creatinine, egfr_reported".to_owned())]))]
    MissingKidneyItems {
        /// The criterion's id.
        criterion: String,
    },
    /// An age operand, and the dictionary has no date of birth.
    #[error("{}", crate::i18n::text_with("protocol-missing-date-of-birth", &[("criterion", criterion.clone()), ("item", "date_of_birth".to_owned())]))]
    MissingDateOfBirth {
        /// The criterion's id.
        criterion: String,
    },
    /// The protocol has no criteria, so nothing could be screened.
    #[error("{}", crate::i18n::text("protocol-no-criteria"))]
    NoCriteria,
    /// An exclusion carries a discretion rule; only an inclusion may be waived.
    #[error("{}", crate::i18n::text_with("protocol-discretion-on-exclusion", &[("criterion", criterion.clone())]))]
    DiscretionOnExclusion {
        /// The criterion's id.
        criterion: String,
    },
}

impl ProtocolError {
    /// Where in the file the problem is: the criterion it concerns and the name written in
    /// it that is at fault, as far as they are known (a loader turns them into a line and
    /// column).
    pub fn place(&self) -> (Option<&str>, Option<&str>) {
        match self {
            Self::DuplicateCriterion(criterion) => (Some(criterion), None),
            Self::UnknownItem { criterion, item, .. }
            | Self::WrongKind { criterion, item, .. }
            | Self::UnitMismatch { criterion, item, .. } => (Some(criterion), Some(item)),
            Self::UnknownClass { criterion, class, .. } => (Some(criterion), Some(class)),
            Self::AgentWhereClassExpected { criterion, agent, .. } => (Some(criterion), Some(agent)),
            Self::UnknownCohort { criterion, cohort, .. } => (Some(criterion), Some(cohort)),
            Self::UnknownOption { criterion, option, .. } => (Some(criterion), Some(option)),
            Self::UnknownInstrumentItem { criterion, answer, .. } => (Some(criterion), Some(answer)),
            Self::Undecidable { criterion, .. }
            | Self::MissingKidneyItems { criterion }
            | Self::MissingDateOfBirth { criterion }
            | Self::DiscretionOnExclusion { criterion } => (Some(criterion), None),
            Self::TooMany { .. } | Self::NoCriteria => (None, None),
        }
    }
}

/// All problems found in a protocol.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}\n  {}", crate::i18n::text_with("protocol-problems", &[("protocol", protocol.clone()), ("count", problems.len().to_string())]), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  "))]
pub struct ProtocolErrors {
    /// The protocol's id.
    pub protocol: String,
    /// Every problem found, in the order found.
    pub problems: Vec<ProtocolError>,
}

/// Compiles a protocol against the knowledge base, reporting every problem at once.
pub fn compile(protocol: &Protocol, knowledge: &Knowledge) -> Result<CompiledProtocol, ProtocolErrors> {
    let mut compiler = Compiler {
        knowledge,
        criterion: String::new(),
        problems: Vec::new(),
        judgment_texts: Vec::new(),
        score_exclusions: Vec::new(),
        notes: Vec::new(),
        anchors: BTreeSet::new(),
    };
    if protocol.criteria.is_empty() {
        compiler.problems.push(ProtocolError::NoCriteria);
    }
    let mut seen = BTreeSet::new();
    let mut criteria = Vec::with_capacity(protocol.criteria.len());
    let protocol_window = match protocol.current_results_window {
        Some(span) => Period::Within(span, Anchor::Screening),
        None => crate::engine::evaluate::DEFAULT_RESULTS_WINDOW,
    };
    compiler.check_period(&protocol_window);
    for criterion in &protocol.criteria {
        let judgments_start = compiler.judgment_texts.len();
        compiler.criterion.clone_from(&criterion.id);
        compiler.anchors.clear();
        if !seen.insert(criterion.id.as_str()) {
            compiler.problems.push(ProtocolError::DuplicateCriterion(criterion.id.clone()));
        }
        let cohort = criterion.cohort.as_ref().and_then(|cohort| {
            let position = protocol.cohorts.iter().position(|c| &c.id == cohort);
            if position.is_none() {
                compiler.problems.push(ProtocolError::UnknownCohort {
                    criterion: criterion.id.clone(),
                    cohort: cohort.clone(),
                    hint: did_you_mean(cohort, protocol.cohorts.iter().map(|c| c.id.as_str())),
                });
            }
            position
        });
        let applies_when = criterion.applies_when.as_ref().map(|rule| compiler.node(rule));
        let rule = compiler.node(&criterion.rule);
        let discretion = criterion.discretion.as_ref().map(|discretion| {
            if criterion.kind == CriterionKind::Exclusion {
                compiler.problems.push(ProtocolError::DiscretionOnExclusion { criterion: criterion.id.clone() });
            }
            for question in &discretion.questions {
                compiler.item(question);
            }
            compiler.node(&discretion.conditions)
        });
        let window = criterion.results_window.unwrap_or(protocol_window);
        compiler.check_period(&window);
        let mut reads =
            crate::engine::items_read::criterion_items(applies_when.as_ref(), &rule, discretion.as_ref(), knowledge);
        reads.extend(compiler.anchors.iter().copied());
        let reads: Vec<ItemIdx> = reads.into_iter().collect();
        let reads_dated_results = reads.iter().any(|&item| knowledge.item(item).is_some_and(|def| def.dated));
        let anchors = compiler.anchors.iter().copied().collect();
        criteria.push(CompiledCriterion {
            kind: criterion.kind,
            cohort,
            applies_when,
            rule,
            discretion,
            reads,
            anchors,
            reads_dated_results,
            window,
            judgments: judgments_start..compiler.judgment_texts.len(),
        });
    }
    if compiler.problems.is_empty() {
        // Ids are unique within a protocol (checked when it is loaded); the first wins regardless.
        let mut positions: Vec<(String, usize)> = protocol
            .criteria
            .iter()
            .enumerate()
            .map(|(position, criterion)| (criterion.id.clone(), position))
            .collect();
        // A stable sort keeps each id's first position first; the repeats after it go.
        positions.sort_by(|a, b| a.0.cmp(&b.0));
        positions.dedup_by(|later, first| later.0 == first.0);
        Ok(CompiledProtocol {
            protocol: protocol.clone(),
            criteria,
            judgment_texts: compiler.judgment_texts,
            score_exclusions: compiler.score_exclusions,
            notes: compiler.notes,
            window: protocol_window,
            positions,
        })
    } else {
        Err(ProtocolErrors { protocol: protocol.id.clone(), problems: compiler.problems })
    }
}

/// Compiles the dictionary's contradictions: each side a rule over items, with no judgment.
pub fn compile_contradictions(knowledge: &Knowledge) -> Result<Vec<CompiledContradiction>, KnowledgeError> {
    let mut compiled = Vec::with_capacity(knowledge.dictionary.contradictions.len());
    for contradiction in &knowledge.dictionary.contradictions {
        let mut compiler = Compiler {
            knowledge,
            criterion: contradiction.id.clone(),
            problems: Vec::new(),
            judgment_texts: Vec::new(),
            score_exclusions: Vec::new(),
            notes: Vec::new(),
            anchors: BTreeSet::new(),
        };
        if contradiction.sides.len() < 2 {
            compiler.undecidable(said("protocol-what-contradiction"), said("protocol-why-two-sides"));
        }
        let sides: Vec<Node> = contradiction.sides.iter().map(|side| compiler.node(side)).collect();
        if !compiler.judgment_texts.is_empty() {
            compiler.undecidable(said("protocol-what-contradiction"), said("protocol-why-side-judgment"));
        }
        if !compiler.problems.is_empty() {
            let problems: Vec<String> = compiler.problems.iter().map(ToString::to_string).collect();
            return Err(KnowledgeError::Contradiction { id: contradiction.id.clone(), problems: problems.join("; ") });
        }
        let side_items = sides.iter().map(|side| crate::engine::items_read::node_items(side, knowledge)).collect();
        compiled.push(CompiledContradiction {
            id: contradiction.id.clone(),
            says: contradiction.says.clone(),
            sides,
            side_items,
        });
    }
    Ok(compiled)
}

struct Compiler<'a> {
    knowledge: &'a Knowledge,
    criterion: String,
    problems: Vec<ProtocolError>,
    judgment_texts: Vec<String>,
    score_exclusions: Vec<Vec<String>>,
    notes: Vec<String>,
    anchors: BTreeSet<ItemIdx>,
}

impl Compiler<'_> {
    fn node(&mut self, rule: &Rule) -> Node {
        match rule {
            Rule::All(parts) => Node::All(self.parts("All", parts, 1)),
            Rule::Any(parts) => Node::Any(self.parts("Any", parts, 1)),
            Rule::FirstKnown(parts) => Node::FirstKnown(self.parts("FirstKnown", parts, 1)),
            Rule::AtLeast(n, parts) => {
                let needed = usize::try_from(*n).unwrap_or(usize::MAX).max(1);
                Node::AtLeast(*n, self.parts("AtLeast", parts, needed))
            }
            Rule::Not(part) => Node::Not(Box::new(self.node(part))),
            Rule::Compare(operand, cmp, threshold) => {
                let exact = self.exact(*threshold, "protocol-what-comparison", "protocol-name-threshold");
                let value = self.operand(operand);
                self.check_threshold_is_plausible(&value, *cmp, exact);
                Node::Compare(value, *cmp, exact)
            }
            Rule::Known(operand) => Node::Known(self.operand(operand)),
            Rule::Yes(item) => Node::Yes(self.item_of_kind(item, "item-kind-yes-no", |k| matches!(k, ItemKind::YesNo))),
            Rule::Choice(item, options) => {
                let idx = self.item_of_kind(item, "item-kind-choice", |k| matches!(k, ItemKind::Choice(_)));
                if options.is_empty() {
                    let why = Said::message("protocol-why-no-option", vec![("item", item.clone())]);
                    self.undecidable(said("protocol-what-choice"), why);
                }
                if let Some(ItemKind::Choice(allowed)) = self.knowledge.item(idx).map(|i| &i.kind) {
                    for option in options {
                        if !allowed.iter().any(|a| &a.id == option) {
                            self.problems.push(ProtocolError::UnknownOption {
                                criterion: self.criterion.clone(),
                                item: item.clone(),
                                option: option.clone(),
                                hint: did_you_mean(option, allowed.iter().map(|a| a.id.as_str())),
                            });
                        }
                    }
                }
                let polarity = self
                    .knowledge
                    .test_kind_of(idx)
                    .map_or(Polarity::Other, |kind| self.knowledge.polarity(kind, options));
                Node::Choice(idx, options.clone(), polarity)
            }
            Rule::Occurred(item, period) => {
                let idx = self
                    .item_of_kind(item, "item-kind-event-or-date", |k| matches!(k, ItemKind::Event | ItemKind::Date));
                self.check_period(period);
                Node::Occurred(idx, *period)
            }
            Rule::Exposed { classes, when } => {
                self.check_period(when);
                Node::Exposed { classes: self.classes(classes), when: *when }
            }
            Rule::Started { classes, when } => {
                self.check_period(when);
                if *when == Period::Ever {
                    self.undecidable(said("protocol-what-start"), said("protocol-why-start-any-time"));
                }
                Node::Started { classes: self.classes(classes), when: *when }
            }
            Rule::StableTreatment { classes, lasting, before, caps } => Node::StableTreatment {
                classes: self.classes(classes),
                lasting: *lasting,
                before: self.anchor(*before),
                caps: caps
                    .iter()
                    .map(|cap| {
                        let target = match self.knowledge.agent_idx(&cap.applies_to) {
                            Some(agent) => CapTarget::Agent(agent),
                            None => CapTarget::Classes(self.classes(std::slice::from_ref(&cap.applies_to))),
                        };
                        if cap.max < 0.0 {
                            let why = Said::message("protocol-why-cap-not-dose", vec![("cap", cap.max.to_string())]);
                            self.undecidable(said("protocol-what-dose-cap"), why);
                        }
                        Cap {
                            target,
                            max: self.exact(cap.max, "protocol-what-dose-cap", "protocol-name-cap"),
                            per: cap.per,
                        }
                    })
                    .collect(),
            },
            Rule::Classified(item) => {
                let (idx, instrument) = self.instrument(item);
                Node::Classified(idx, instrument)
            }
            Rule::Combined(combined) => {
                if combined.courses.is_empty() {
                    self.undecidable(said("protocol-what-combined"), said("protocol-why-no-course"));
                }
                self.check_period(&Period::Within(combined.lasting, Anchor::Screening));
                let groups = combined
                    .courses
                    .iter()
                    .map(|group| {
                        if group.at_least == 0 {
                            self.undecidable(said("protocol-what-combined"), said("protocol-why-group-no-agent"));
                        }
                        let except = if group.except.is_empty() { 0 } else { self.classes(&group.except) };
                        (self.classes(&group.classes), except, group.at_least)
                    })
                    .collect();
                Node::Combined(Combined { backbone: self.classes(&combined.with), groups, lasting: combined.lasting })
            }
            Rule::Change(change) => {
                let baseline =
                    self.item_of_kind(&change.baseline, "item-kind-number", |k| matches!(k, ItemKind::Number { .. }));
                let current =
                    self.item_of_kind(&change.current, "item-kind-number", |k| matches!(k, ItemKind::Number { .. }));
                if change.measures.is_empty() {
                    self.undecidable(said("protocol-what-change"), said("protocol-why-no-measure"));
                }
                let at_least = self.exact(change.at_least, "protocol-what-change", "protocol-name-threshold");
                let unit_of = |idx| self.knowledge.item(idx).and_then(|i| i.kind.units().first().map(|u| u.unit));
                if unit_of(baseline) != unit_of(current) {
                    self.undecidable(said("protocol-what-change"), said("protocol-why-units-differ"));
                }
                for period in [change.baseline_observed, change.current_observed].iter().flatten() {
                    self.check_period(period);
                }
                Node::Change(ResolvedChange {
                    baseline,
                    current,
                    direction: change.direction,
                    at_least,
                    measures: change.measures.clone(),
                    baseline_observed: change.baseline_observed,
                    current_observed: change.current_observed,
                })
            }
            Rule::Judgment(text) => Node::Judgment(self.judgment(text)),
            Rule::JudgmentIf(condition, text) => {
                let condition = Box::new(self.node(condition));
                Node::JudgmentIf(condition, self.judgment(text))
            }
            Rule::Attested(item) => {
                Node::Attested(self.item_of_kind(item, "item-kind-yes-no", |k| matches!(k, ItemKind::YesNo)))
            }
            Rule::Always(why) => {
                if why.trim().is_empty() {
                    self.undecidable(said("protocol-what-always"), said("protocol-why-always-why"));
                }
                self.notes.push(why.clone());
                Node::Always(self.number_of(self.notes.len(), "protocol-part-notes"))
            }
        }
    }

    /// Checks a named anchor: the item exists and holds a date (a date, an event, or a dated
    /// result); records it as read by the criterion.
    fn anchor(&mut self, anchor: Anchor) -> Anchor {
        if let Anchor::Date(name) = anchor {
            let idx = self.item(name.item());
            if let Some(def) = self.knowledge.item(idx)
                && !(matches!(def.kind, ItemKind::Date | ItemKind::Event) || def.dated)
            {
                self.problems.push(ProtocolError::WrongKind {
                    criterion: self.criterion.clone(),
                    item: name.item().to_owned(),
                    expected: "item-kind-date-event-or-dated",
                    found: def.kind.name_message(),
                });
            }
            if self.knowledge.item_idx(name.item()).is_some() {
                self.anchors.insert(idx);
            }
        }
        if let Anchor::CourseEnd(class) = anchor {
            self.classes(&[class.item().to_owned()]);
            self.anchors.extend(self.knowledge.treatment_history);
        }
        anchor
    }

    fn parts(&mut self, what: &'static str, parts: &[Rule], needed: usize) -> Vec<Node> {
        if parts.len() < needed {
            let why = Said::message(
                "protocol-why-parts",
                vec![("count", parts.len().to_string()), ("needed", needed.to_string())],
            );
            self.undecidable(Said::message("protocol-what-rule", vec![("rule", what.to_owned())]), why);
        }
        parts.iter().map(|part| self.node(part)).collect()
    }

    fn operand(&mut self, operand: &Operand) -> ResolvedOperand {
        match operand {
            Operand::Quantity { item, unit, observed, by } => {
                let idx = self.item_of_kind(item, "item-kind-number", |k| matches!(k, ItemKind::Number { .. }));
                if let Some(def) = self.knowledge.item(idx) {
                    let analyte = def.kind.analyte();
                    let units = def.kind.units();
                    if !units.is_empty() && !units.iter().all(|u| units::is_convertible(u.unit, *unit, analyte)) {
                        self.problems.push(ProtocolError::UnitMismatch {
                            criterion: self.criterion.clone(),
                            item: item.clone(),
                            unit: unit.symbol().to_owned(),
                            allowed: units.iter().map(|u| u.unit.symbol()).collect::<Vec<_>>().join(", "),
                        });
                    }
                }
                self.check_optional_period(observed);
                let by = self.methods(idx, item, by);
                ResolvedOperand::Quantity { item: idx, unit: *unit, observed: *observed, by }
            }
            Operand::UlnRatio { item, observed } => {
                let idx = self.item_of_kind(item, "item-kind-number-with-uln", |k| {
                    matches!(k, ItemKind::Number { uln: true, .. })
                });
                self.check_optional_period(observed);
                ResolvedOperand::UlnRatio { item: idx, observed: *observed }
            }
            Operand::Titer { item, observed } => {
                let idx = self.item_of_kind(item, "item-kind-titer", |k| matches!(k, ItemKind::Titer));
                self.check_optional_period(observed);
                ResolvedOperand::Titer { item: idx, observed: *observed }
            }
            Operand::Age(anchor) => {
                if self.knowledge.date_of_birth.is_none() {
                    self.problems.push(ProtocolError::MissingDateOfBirth { criterion: self.criterion.clone() });
                }
                ResolvedOperand::Age(self.anchor(*anchor))
            }
            Operand::Score { item, excluding, observed } => {
                let (idx, instrument) = self.instrument(item);
                self.instrument_answers(instrument, excluding);
                self.check_optional_period(observed);
                let exclusion = match self.score_exclusions.iter().position(|e| e == excluding) {
                    Some(position) => position,
                    None => {
                        self.score_exclusions.push(excluding.clone());
                        self.score_exclusions.len() - 1
                    }
                };
                ResolvedOperand::Score {
                    item: idx,
                    instrument,
                    excluding: excluding.clone(),
                    exclusion: self.number_of(exclusion + 1, "protocol-part-score-exclusions"),
                    observed: *observed,
                }
            }
            Operand::CountPresent { item, answers, outside } => {
                let (idx, instrument) = self.instrument(item);
                self.instrument_answers(instrument, answers);
                ResolvedOperand::CountPresent { item: idx, instrument, answers: answers.clone(), outside: *outside }
            }
            Operand::Egfr => ResolvedOperand::Egfr(self.kidney()),
            Operand::CreatinineClearance => ResolvedOperand::CreatinineClearance(self.kidney()),
            Operand::Treatments(count) => ResolvedOperand::Treatments(self.count(count)),
        }
    }

    /// A number of the protocol as the exact decimal written in the file; `what` and `name`
    /// are the message ids of the part and of the number ("a dose cap", "cap").
    fn exact(&mut self, value: f64, what: &'static str, name: &'static str) -> Exact {
        Exact::from_f64(value).unwrap_or_else(|| {
            let why = Said::new(move || {
                crate::i18n::text_with(
                    "protocol-why-not-a-number",
                    &[("name", crate::i18n::text(name)), ("value", value.to_string())],
                )
            });
            self.undecidable(said(what), why);
            Exact::integer(0)
        })
    }

    /// A comparison that every plausible value of the item passes, or none does, decides
    /// nothing about the patient: almost always a unit or a digit slipped in the protocol.
    fn check_threshold_is_plausible(&mut self, value: &ResolvedOperand, cmp: Cmp, threshold: Exact) {
        let ResolvedOperand::Quantity { item, unit, .. } = value else { return };
        let Some(def) = self.knowledge.item(*item) else { return };
        let analyte = def.kind.analyte();
        let mut bounds: Vec<Exact> = Vec::new();
        for range in def.kind.units() {
            for end in [range.min, range.max] {
                if let Some(converted) =
                    Exact::from_f64(end).and_then(|e| units::convert_exact(e, range.unit, *unit, analyte).ok())
                {
                    bounds.push(converted);
                }
            }
        }
        let (Some(low), Some(high)) = (
            bounds.iter().copied().min_by(|a, b| a.compare(b).unwrap_or(std::cmp::Ordering::Equal)),
            bounds.iter().copied().max_by(|a, b| a.compare(b).unwrap_or(std::cmp::Ordering::Equal)),
        ) else {
            return;
        };
        let (at_low, at_high) = (low.holds(cmp, &threshold), high.holds(cmp, &threshold));
        let (always, never) =
            (at_low == Some(true) && at_high == Some(true), at_low == Some(false) && at_high == Some(false));
        if always || never {
            let id = if always { "protocol-why-always-true" } else { "protocol-why-always-false" };
            // The item's label in each language, so the message names it in the reader's.
            let labels: Vec<(crate::i18n::Language, String)> = crate::i18n::Language::ALL
                .iter()
                .map(|&language| (language, self.knowledge.item_label_in(*item, language).to_owned()))
                .collect();
            let args = [
                ("cmp", cmp.symbol().to_owned()),
                ("threshold", threshold.to_string()),
                ("unit", unit.symbol().to_owned()),
                ("low", low.to_string()),
                ("high", high.to_string()),
            ];
            let own = def.label.clone();
            let why = Said::new(move || {
                let language = crate::i18n::language();
                let label =
                    labels.iter().find(|(l, _)| *l == language).map_or(own.as_str(), |(_, label)| label.as_str());
                let mut all = vec![("label", label.to_owned())];
                all.extend(args.iter().cloned());
                crate::i18n::text_with(id, &all)
            });
            self.undecidable(said("protocol-what-comparison"), why);
        }
    }

    fn count(&mut self, count: &TreatmentCount) -> Count {
        let by = match &count.count {
            CountBy::Agents => CountKind::Agents,
            CountBy::Classes => CountKind::Classes,
            CountBy::AgentsPooling(pooled) => CountKind::AgentsPooling(self.classes(pooled)),
        };
        Count {
            classes: self.classes(&count.classes),
            except: if count.except.is_empty() { 0 } else { self.classes(&count.except) },
            responses: count.responses.clone(),
            lasting: count.lasting,
            lasting_strictly: count.lasting_strictly,
            during: count.during.inspect(|period| self.check_period(period)),
            by,
        }
    }

    /// The methods a rule requires, as a mask over the item's methods; each must be one the
    /// item lists.
    fn methods(&mut self, idx: ItemIdx, item: &str, by: &[String]) -> u64 {
        let Some(def) = self.knowledge.item(idx) else { return 0 };
        let mut mask = 0;
        for method in by {
            match def.methods.iter().position(|m| &m.id == method) {
                Some(position) if position < 64 => mask |= 1 << position,
                Some(_) => self.undecidable(
                    said("protocol-what-method"),
                    Said::message("protocol-why-methods", vec![("item", item.to_owned())]),
                ),
                None => self.problems.push(ProtocolError::UnknownOption {
                    criterion: self.criterion.clone(),
                    item: item.to_owned(),
                    option: method.clone(),
                    hint: did_you_mean(method, def.methods.iter().map(|m| m.id.as_str())),
                }),
            }
        }
        mask
    }

    fn kidney(&mut self) -> KidneyItems {
        self.knowledge.kidney.unwrap_or_else(|| {
            self.problems.push(ProtocolError::MissingKidneyItems { criterion: self.criterion.clone() });
            KidneyItems { date_of_birth: 0, sex: 0, height: 0, weight: 0, creatinine: 0, egfr_reported: 0 }
        })
    }

    fn item(&mut self, id: &str) -> ItemIdx {
        self.knowledge.item_idx(id).unwrap_or_else(|| {
            self.problems.push(ProtocolError::UnknownItem {
                criterion: self.criterion.clone(),
                item: id.to_owned(),
                hint: did_you_mean(id, self.knowledge.dictionary.items.iter().map(|i| i.id.as_str())),
            });
            0
        })
    }

    fn item_of_kind(&mut self, id: &str, expected: &'static str, accepts: impl Fn(&ItemKind) -> bool) -> ItemIdx {
        let Some(idx) = self.knowledge.item_idx(id) else {
            return self.item(id);
        };
        if let Some(def) = self.knowledge.item(idx)
            && !accepts(&def.kind)
        {
            self.problems.push(ProtocolError::WrongKind {
                criterion: self.criterion.clone(),
                item: id.to_owned(),
                expected,
                found: def.kind.name_message(),
            });
        }
        idx
    }

    fn instrument(&mut self, id: &str) -> (ItemIdx, InstrumentId) {
        let idx = self.item_of_kind(id, "item-kind-instrument", |k| matches!(k, ItemKind::Instrument(_)));
        let instrument = match self.knowledge.item(idx).map(|i| &i.kind) {
            Some(ItemKind::Instrument(instrument)) => *instrument,
            _ => InstrumentId::Sledai2k,
        };
        (idx, instrument)
    }

    fn instrument_answers(&mut self, instrument: InstrumentId, answers: &[String]) {
        let items = instrument.items();
        for answer in answers {
            let is_item = items.iter().any(|spec| spec.key == answer || spec.group == Some(answer.as_str()));
            if !is_item {
                self.problems.push(ProtocolError::UnknownInstrumentItem {
                    criterion: self.criterion.clone(),
                    instrument: instrument.label(),
                    answer: answer.clone(),
                });
            }
        }
    }

    fn classes(&mut self, ids: &[String]) -> ClassMask {
        if ids.is_empty() {
            self.undecidable(said("protocol-what-treatment-rule"), said("protocol-why-no-class"));
        }
        let mut mask = 0;
        for id in ids {
            match (self.knowledge.class_bit(id), self.knowledge.agent_idx(id)) {
                (Some(bit), _) => mask |= bit,
                (None, Some(agent)) => {
                    let classes: Vec<String> = self
                        .knowledge
                        .class_ids(self.knowledge.agent_class_mask(agent))
                        .map(|class| format!("\"{class}\""))
                        .collect();
                    self.problems.push(ProtocolError::AgentWhereClassExpected {
                        criterion: self.criterion.clone(),
                        agent: id.clone(),
                        classes: classes.join(", "),
                    });
                }
                (None, None) => self.problems.push(ProtocolError::UnknownClass {
                    criterion: self.criterion.clone(),
                    class: id.clone(),
                    hint: did_you_mean(id, self.knowledge.catalogue.classes.iter().map(|c| c.id.as_str())),
                }),
            }
        }
        mask
    }

    fn check_optional_period(&mut self, period: &Option<Period>) {
        if let Some(period) = period {
            self.check_period(period);
        }
    }

    fn check_period(&mut self, period: &Period) {
        let span = match period {
            Period::Within(span, anchor) | Period::AtLeastBefore(span, anchor) => {
                self.anchor(*anchor);
                *span
            }
            Period::Since(anchor) => {
                self.anchor(*anchor);
                return;
            }
            Period::Ever | Period::DuringScreening => return,
        };
        let length = match span {
            Span::Days(n) | Span::Weeks(n) | Span::Months(n) | Span::Years(n) => n,
        };
        if length == 0 {
            self.undecidable(said("protocol-what-period"), said("protocol-why-zero-period"));
        }
    }

    fn judgment(&mut self, text: &str) -> u16 {
        if text.trim().is_empty() {
            self.undecidable(said("protocol-what-judgment"), said("protocol-why-judgment-empty"));
        }
        self.judgment_texts.push(text.to_owned());
        self.number_of(self.judgment_texts.len(), "protocol-part-judgments")
    }

    /// The number of the last of `count` parts of one kind: parts are numbered in 16 bits,
    /// so a protocol with more is refused (said once per kind), never numbered wrongly.
    fn number_of(&mut self, count: usize, what: &'static str) -> u16 {
        match u16::try_from(count.saturating_sub(1)) {
            Ok(number) => number,
            Err(_) => {
                let said =
                    self.problems.iter().any(|p| matches!(p, ProtocolError::TooMany { what: w, .. } if *w == what));
                if !said {
                    self.problems.push(ProtocolError::TooMany { what, limit: usize::from(u16::MAX) + 1 });
                }
                u16::MAX
            }
        }
    }

    fn undecidable(&mut self, what: Said, why: Said) {
        self.problems.push(ProtocolError::Undecidable { criterion: self.criterion.clone(), what, why });
    }
}

/// A message of the message files without arguments, said in the reader's language.
fn said(id: &'static str) -> Said {
    Said::message(id, Vec::new())
}
