//! The CLI's JSON result, and the two files incremental mode reads: a previous result and a
//! change.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::{Value, json};

use super::{Context, MeetingJson, convert_meeting, serde_error};
use crate::error::ParseError;
use crate::incremental::Change;
use crate::model::{Outcome, Placement, Problem, Schedule, Status};
use crate::names::Names;

pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Optimal => "optimal",
        Status::Feasible => "feasible",
        Status::Infeasible => "infeasible",
        Status::Unknown => "unknown",
    }
}

/// The result object `corridor schedule --format json` prints. Slots and tables are 1-based;
/// meetings are named by their file id (the 1-based `requested` row for `.dzn`).
pub fn write_schedule(p: &Problem, names: &Names, out: &Outcome, moved: Option<usize>) -> String {
    let obj = out.objective.unwrap_or_default();
    let mut placements: Vec<Placement> = out
        .schedule
        .as_ref()
        .map(|s| s.placements.clone())
        .unwrap_or_default();
    placements.sort_by_key(|pl| (pl.slot, pl.table, pl.meeting));
    let schedule: Vec<Value> = placements
        .iter()
        .map(|pl| json!({"meeting": names.meeting_json(pl.meeting), "slot": pl.slot + 1, "table": pl.table + 1}))
        .collect();
    let found = out.schedule.is_some();
    let mut v = json!({
        "status": status_name(out.status),
        "optimal": out.status == Status::Optimal,
        "requested_meetings": p.meetings.len(),
        "requested_weight": p.meetings.iter().map(|m| m.weight as u64).sum::<u64>(),
        "scheduled_meetings": obj.scheduled_meetings,
        "scheduled_weight": obj.scheduled_weight,
        "weight_upper_bound": out.weight_upper_bound,
        "breaks": if found { json!(obj.breaks) } else { Value::Null },
        "breaks_lower_bound": out.breaks_lower_bound,
        "max_breaks_per_participant": if found { json!(obj.max_breaks_per_participant) } else { Value::Null },
        "table_changes": if found { json!(obj.table_changes) } else { Value::Null },
        "seconds": (out.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
        "schedule": schedule,
    });
    if let Some(m) = moved {
        v["moved_meetings"] = json!(m);
    }
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// An id written either as a string or, for `.dzn` instances, as a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(u64),
}

impl Id {
    fn text(&self) -> String {
        match self {
            Id::Text(s) => s.clone(),
            Id::Number(n) => n.to_string(),
        }
    }
}

#[derive(Deserialize)]
struct PreviousFile {
    schedule: Vec<PreviousPlacement>,
}

#[derive(Deserialize)]
struct PreviousPlacement {
    meeting: Id,
    slot: u64,
    table: u64,
}

/// Reads the `schedule` list of an earlier `--format json` result (other keys are ignored).
/// Placements are checked for range only; the validator judges the rest.
pub fn parse_previous(text: &str, p: &Problem, names: &Names) -> Result<Schedule, ParseError> {
    let f: PreviousFile = serde_json::from_str(text).map_err(|e| serde_error(&e))?;
    let index: HashMap<&str, u32> = names
        .meetings
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u32))
        .collect();
    let mut placements = Vec::with_capacity(f.schedule.len());
    for (i, pl) in f.schedule.iter().enumerate() {
        let id = pl.meeting.text();
        let meeting = *index.get(id.as_str()).ok_or_else(|| {
            ParseError::field(
                format!("schedule[{i}].meeting"),
                format!("unknown meeting {id:?}"),
            )
        })?;
        if pl.slot < 1 || pl.slot > p.slots as u64 {
            let msg = format!("slot {} is not in 1..{}", pl.slot, p.slots);
            return Err(ParseError::field(format!("schedule[{i}].slot"), msg));
        }
        let slot = (pl.slot - 1) as u16;
        if pl.table < 1 || pl.table > p.tables[slot as usize] as u64 {
            let msg = format!(
                "table {} is not in 1..{}",
                pl.table, p.tables[slot as usize]
            );
            return Err(ParseError::field(format!("schedule[{i}].table"), msg));
        }
        placements.push(Placement {
            meeting,
            slot,
            table: (pl.table - 1) as u32,
        });
    }
    Ok(Schedule { placements })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeFile {
    #[serde(default)]
    cancel_participants: Vec<Id>,
    #[serde(default)]
    withdraw_meetings: Vec<Id>,
    #[serde(default)]
    add_meetings: Vec<MeetingJson>,
}

/// Reads a change file against the instance it changes. Returns the change and the ids of the
/// added meetings. An added meeting's `after` may name old meetings or earlier added ones.
pub fn parse_change(
    text: &str,
    p: &Problem,
    names: &Names,
) -> Result<(Change, Vec<String>), ParseError> {
    let f: ChangeFile = serde_json::from_str(text).map_err(|e| serde_error(&e))?;
    let pidx: HashMap<&str, u32> = names
        .participants
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u32))
        .collect();
    let mut midx: HashMap<String, u32> = names
        .meetings
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), i as u32))
        .collect();
    let mut change = Change::default();
    for (i, id) in f.cancel_participants.iter().enumerate() {
        let id = id.text();
        let &x = pidx.get(id.as_str()).ok_or_else(|| {
            ParseError::field(
                format!("cancel_participants[{i}]"),
                format!("unknown participant {id:?}"),
            )
        })?;
        change.cancel_participants.push(x);
    }
    for (i, id) in f.withdraw_meetings.iter().enumerate() {
        let id = id.text();
        let &x = midx.get(&id).ok_or_else(|| {
            ParseError::field(
                format!("withdraw_meetings[{i}]"),
                format!("unknown meeting {id:?}"),
            )
        })?;
        change.withdraw_meetings.push(x);
    }
    let cx = Context {
        participants: &pidx,
        sessions: &p.sessions,
        slots: p.slots,
    };
    let mut added = Vec::new();
    for (i, mj) in f.add_meetings.iter().enumerate() {
        let path = format!("add_meetings[{i}]");
        let id = mj.id.clone().unwrap_or_else(|| format!("new{}", i + 1));
        if midx.contains_key(&id) {
            return Err(ParseError::field(
                format!("{path}.id"),
                format!("{id:?} already exists"),
            ));
        }
        let m = {
            let lookup = |s: &str| midx.get(s).copied();
            convert_meeting(mj, &path, (names.meetings.len() + i) as u32, &cx, &lookup)?
        };
        midx.insert(id.clone(), (names.meetings.len() + i) as u32);
        change.add_meetings.push(m);
        added.push(id);
    }
    Ok((change, added))
}
