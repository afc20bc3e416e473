//! Rebuilds the audit trail of every bundled example session by replaying its values and
//! decisions through `apply`, as the app would have recorded them. Run after editing an
//! example by hand: `cargo run --example rebuild_example_trails`.

use std::path::Path;

use chrono::{Duration, NaiveTime, TimeZone as _, Utc};
use trialscreen::library::Library;
use trialscreen::session::audit::{Edit, apply, verify};
use trialscreen::session::load::parse_session;
use trialscreen::session::model::Session;
use trialscreen::session::store::to_text;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let library = Library::bundled()?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let note: String = text.lines().take_while(|l| l.starts_with("// V")).map(|l| format!("{l}\n")).collect();
        let old = parse_session(&text)?;
        let actor = old.investigator.clone().unwrap_or_else(|| "Example".to_owned());
        let start =
            Utc.from_utc_datetime(&old.dates.screening.and_time(NaiveTime::from_hms_opt(9, 0, 0).ok_or("time")?));
        // Sessions pin the content hash of each protocol they were screened under.
        let mut protocols = old.protocols.clone();
        for reference in &mut protocols {
            let loaded = library.get(&reference.id, reference.version).ok_or("unknown protocol")?;
            reference.sha256 = Some(loaded.sha256.clone());
        }
        let mut session =
            Session::new(old.participant_code.clone(), protocols, old.dates, old.investigator.clone(), &actor, start);
        let mut at = start;
        for (item, entry) in &old.values {
            at += Duration::seconds(20);
            apply(&mut session, Edit::SetValue { item: item.clone(), entry: Some(entry.clone()) }, &actor, at)?;
        }
        for decision in &old.decisions {
            apply(&mut session, Edit::Decide(decision.clone()), &decision.by, decision.at.max(at))?;
        }
        let report = verify(&session);
        if !report.is_intact() {
            return Err(format!("{}: {:?}", path.display(), report.problems).into());
        }
        std::fs::write(&path, format!("{note}{}", to_text(&session)?))?;
        println!("{}: {} entries", path.display(), session.audit.len());
    }
    Ok(())
}
