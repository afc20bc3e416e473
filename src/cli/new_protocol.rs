//! `trialscreen new-protocol ID [-o FILE]`: a commented skeleton protocol that passes
//! `check-protocol` as written, for a coordinator to fill in from the trial's source text.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::common::write_report;
use crate::cli::outln;
use crate::i18n::text_with;
use crate::library::{Library, ProtocolSource};

/// Writes a skeleton protocol file.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The new protocol's id: lower case letters, digits and hyphens ("lupus-car-t-2027").
    pub id: String,
    /// Where to write it; `ID.v1.ron` in the current folder when omitted. An existing file
    /// is never overwritten.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Writes the skeleton after checking it compiles against this build's vocabulary.
pub fn run(args: Args, library: &Library) -> anyhow::Result<ExitCode> {
    let Args { id, output } = args;
    anyhow::ensure!(
        !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        text_with("cli-new-protocol-bad-id", &[("id", id.clone())])
    );
    anyhow::ensure!(library.latest(&id).is_none(), text_with("cli-new-protocol-loaded", &[("id", id.clone())]));
    let path = output.unwrap_or_else(|| PathBuf::from(format!("{id}.v1.ron")));
    anyhow::ensure!(!path.exists(), text_with("cli-new-protocol-exists", &[("path", path.display().to_string())]));
    let text = skeleton(&id);
    // The skeleton is checked as `check-protocol` would, so what is written always passes.
    let mut scratch = library.clone();
    scratch
        .add_protocol(&path.display().to_string(), &text, ProtocolSource::Site(path.display().to_string()))
        .with_context(|| crate::i18n::text("cli-new-protocol-defect"))?;
    write_report(&path, text.as_bytes())?;
    outln!(
        "{}",
        text_with(
            "cli-new-protocol-written",
            &[
                ("path", path.display().to_string()),
                ("command", format!("trialscreen check-protocol {}", path.display()))
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The skeleton's text: every field a protocol has, each explained, with two criteria that
/// show the common rule shapes.
pub fn skeleton(id: &str) -> String {
    SKELETON.replace("{ID}", id)
}

const SKELETON: &str = r#"// A protocol for trialscreen. Every criterion quotes the source word for word in
// `source_text`; how an ambiguous text is read goes in `interpretation`. Names a rule may
// use (items, drugs, classes, units, instruments): `trialscreen vocabulary`.
// Check the file with `trialscreen check-protocol FILE` after every change.
(
    id: "{ID}",
    // A released version never changes: correct a reading in a new version, listing the
    // criteria it corrects under `corrections`.
    version: 1,
    title: "Title of the trial as the source gives it",
    source: (
        document: "The document the criteria are quoted from (title, issuer, section)",
        registry: None, // Some("NCT01234567")
        read_on: None, // Some("2027-01-15"): when a registry entry was read
    ),
    // false when the source lacks criteria: "eligible" then reads "eligible on the available
    // criteria", and `source_gaps` says what is missing.
    source_complete: true,
    source_gaps: None,
    exclusions_note: None,
    // Disease cohorts, when the trial has them: [(id: "SLE", label: "Systemic lupus erythematosus")].
    cohorts: [],
    // Study facts shown as information, not criteria (arms, procedures).
    information: [],
    // How recent a result must be where a criterion states no window (absent: 28 days
    // before screening): Some(Days(28)).
    current_results_window: None,
    corrections: [],
    criteria: [
        (
            id: "I1",
            kind: Inclusion,
            title: "Age 18 or over at consent",
            source_text: "Replace with the criterion's text, word for word.",
            interpretation: Some("Age in whole years on the date consent was signed."),
            // Rules (`trialscreen vocabulary` lists the items, classes and units they name; the
            // site folders under examples/sites/ encode two registered trials with every one):
            //   Compare(operand, Ge|Gt|Le|Lt, number)      operands: Quantity(item: "platelets", unit: "10^9/L"),
            //       UlnRatio(item: "alt"), Titer(item: "ana"), Age(Consent), Score(item: "sledai2k"), Egfr,
            //       CreatinineClearance, Treatments((classes: ["class"], lasting: Some(Months(3)),
            //       lasting_strictly: true, during: Some(Within(Years(1), Screening)), count: Agents));
            //       a result by a method only: Quantity(item: "pvr", unit: "WU", by: ["rhc"])
            //   Known(operand), Yes("item"), Attested("item") (a commitment recorded yes),
            //   Choice("item", ["option"]), Occurred("item", period), Classified("checklist item"),
            //   Exposed(classes: ["class"], when: period)  taken at some time in the period
            //   Started(classes: ["class"], when: period)  first dose in the period (a new start,
            //       not a course that continues)
            //   StableTreatment(…), Combined(…), Change(…)
            //   All([…]), Any([…]), AtLeast(2, […]), Not(…), FirstKnown([…])
            //   Judgment("question"), JudgmentIf(rule, "question")  where the text asks an opinion
            //   Always("why this line constrains nothing")
            // Periods: Ever, Within(Months(3), anchor), AtLeastBefore(Weeks(2), anchor),
            //   DuringScreening, Since(anchor). Anchors: Screening, Consent, Enrollment, or a date
            //   the session holds: Date("item") (a date item, an event's date or start, or a dated
            //   result's date: randomisation, transplant, the current flare, another result), or
            //   CourseEnd("class"): the last dose of that class's courses.
            // A line of a compound bullet is its own criterion; `heading: Some("…")` and
            // `source_label: Some("b;")` keep the source's heading and its own label.
            rule: Compare(Age(Consent), Ge, 18.0),
        ),
        (
            id: "E1",
            kind: Exclusion,
            title: "Active infection within 1 week",
            source_text: "Replace with the criterion's text, word for word.",
            // An exclusion's rule is true when the participant is excluded.
            rule: Occurred("active_infection", Within(Weeks(1), Screening)),
        ),
    ],
)
"#;

#[cfg(test)]
mod tests {
    use super::skeleton;
    use crate::library::{Library, ProtocolSource};

    #[test]
    fn the_skeleton_compiles_against_the_bundled_vocabulary() {
        let mut library = Library::bundled().unwrap();
        let text = skeleton("site-trial-2027");
        let loaded = library.add_protocol("skeleton", &text, ProtocolSource::Site("skeleton".to_owned())).unwrap();
        assert_eq!(loaded.compiled.protocol.id, "site-trial-2027");
        assert_eq!(loaded.compiled.criteria.len(), 2);
    }
}
