//! Corridor's JSON instance format (`corridor-b2b-1`, documented in `FORMAT.md`) and the JSON
//! the CLI prints. The serde structs here are the file's shape, kept apart from the model so the
//! model can change without changing the format.

mod output;

pub use output::{parse_change, parse_previous, status_name, write_schedule};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{MAX_MEETINGS, MAX_PARTICIPANTS, MAX_SLOTS, MAX_TABLES, ParseError};
use crate::model::{Meeting, Participant, Problem, Session};
use crate::names::Names;

pub const FORMAT: &str = "corridor-b2b-1";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstanceFile {
    format: String,
    #[serde(default)]
    name: String,
    sessions: Vec<SessionJson>,
    #[serde(default = "yes")]
    idle_spans_sessions: bool,
    tables: TablesJson,
    #[serde(default)]
    max_breaks: Option<u32>,
    #[serde(default)]
    require_all: bool,
    participants: Vec<ParticipantJson>,
    meetings: Vec<MeetingJson>,
}

fn yes() -> bool {
    true
}

fn one() -> u32 {
    1
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionJson {
    name: String,
    slots: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum TablesJson {
    Same(u64),
    PerSlot(Vec<u64>),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParticipantJson {
    id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    unavailable: Vec<u64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingJson {
    #[serde(default)]
    id: Option<String>,
    a: String,
    b: String,
    #[serde(default = "one")]
    weight: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fixed_slot: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    after: Vec<String>,
}

/// Converts a serde_json error to a `ParseError` carrying its line and column.
pub(crate) fn serde_error(e: &serde_json::Error) -> ParseError {
    let msg = e.to_string();
    // serde_json appends " at line L column C"; the position is kept in the fields instead.
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    ParseError::at(e.line() as u32, e.column() as u32, msg)
}

/// What a meeting's ids resolve against.
pub(crate) struct Context<'a> {
    pub participants: &'a HashMap<&'a str, u32>,
    pub sessions: &'a [Session],
    pub slots: u16,
}

/// Checks one meeting and converts it; `meeting_ids` resolves `after` references.
pub(crate) fn convert_meeting(
    mj: &MeetingJson,
    path: &str,
    own: u32,
    cx: &Context<'_>,
    meeting_ids: &dyn Fn(&str) -> Option<u32>,
) -> Result<Meeting, ParseError> {
    let who = |field: &str, id: &str| {
        cx.participants.get(id).copied().ok_or_else(|| {
            ParseError::field(
                format!("{path}.{field}"),
                format!("unknown participant {id:?}"),
            )
        })
    };
    let (a, b) = (who("a", &mj.a)?, who("b", &mj.b)?);
    if a == b {
        return Err(ParseError::field(
            format!("{path}.b"),
            format!("{:?} cannot meet itself", mj.b),
        ));
    }
    if mj.weight == 0 {
        return Err(ParseError::field(
            format!("{path}.weight"),
            "must be at least 1",
        ));
    }
    let session = match &mj.session {
        None => None,
        Some(s) => Some(
            cx.sessions
                .iter()
                .position(|x| &x.name == s)
                .ok_or_else(|| {
                    ParseError::field(format!("{path}.session"), format!("unknown session {s:?}"))
                })? as u16,
        ),
    };
    let fixed = match mj.fixed_slot {
        None => None,
        Some(t) if t >= 1 && t <= cx.slots as u64 => Some((t - 1) as u16),
        Some(t) => {
            let msg = format!("slot {t} is not in 1..{}", cx.slots);
            return Err(ParseError::field(format!("{path}.fixed_slot"), msg));
        }
    };
    let mut after = Vec::with_capacity(mj.after.len());
    for (k, id) in mj.after.iter().enumerate() {
        let m = meeting_ids(id).ok_or_else(|| {
            ParseError::field(
                format!("{path}.after[{k}]"),
                format!("unknown meeting {id:?}"),
            )
        })?;
        if m == own {
            return Err(ParseError::field(
                format!("{path}.after[{k}]"),
                "a meeting cannot follow itself",
            ));
        }
        after.push(m);
    }
    after.sort_unstable();
    after.dedup();
    Ok(Meeting {
        a,
        b,
        weight: mj.weight,
        session,
        fixed,
        after,
    })
}

/// Parses a Corridor JSON instance.
pub fn parse_instance(text: &str) -> Result<(Problem, Names), ParseError> {
    let f: InstanceFile = serde_json::from_str(text).map_err(|e| serde_error(&e))?;
    if f.format != FORMAT {
        return Err(ParseError::field(
            "format",
            format!("{:?} is not {FORMAT:?}", f.format),
        ));
    }
    if f.participants.len() > MAX_PARTICIPANTS {
        return Err(ParseError::field(
            "participants",
            format!("more than {MAX_PARTICIPANTS}"),
        ));
    }
    if f.meetings.len() > MAX_MEETINGS {
        return Err(ParseError::field(
            "meetings",
            format!("more than {MAX_MEETINGS}"),
        ));
    }
    if f.sessions.is_empty() {
        return Err(ParseError::field(
            "sessions",
            "at least one session is needed",
        ));
    }
    let mut sessions = Vec::new();
    let mut start = 0u64;
    for (i, s) in f.sessions.iter().enumerate() {
        if s.slots == 0 {
            return Err(ParseError::field(
                format!("sessions[{i}].slots"),
                "must be at least 1",
            ));
        }
        if sessions.iter().any(|x: &Session| x.name == s.name) {
            return Err(ParseError::field(
                format!("sessions[{i}].name"),
                format!("{:?} repeated", s.name),
            ));
        }
        if start + s.slots as u64 > MAX_SLOTS as u64 {
            return Err(ParseError::field(
                "sessions",
                format!("more than {MAX_SLOTS} slots in total"),
            ));
        }
        sessions.push(Session {
            name: s.name.clone(),
            start: start as u16,
            len: s.slots as u16,
        });
        start += s.slots as u64;
    }
    let slots = start as u16;
    let tables = match &f.tables {
        TablesJson::Same(n) => vec![*n; slots as usize],
        TablesJson::PerSlot(v) if v.len() == slots as usize => v.clone(),
        TablesJson::PerSlot(v) => {
            let msg = format!("has {} counts but there are {slots} slots", v.len());
            return Err(ParseError::field("tables", msg));
        }
    };
    if let Some(i) = tables.iter().position(|&n| n > MAX_TABLES) {
        return Err(ParseError::field(
            format!("tables[{i}]"),
            format!("more than {MAX_TABLES}"),
        ));
    }
    let tables = tables.into_iter().map(|n| n as u32).collect();
    let mut index: HashMap<&str, u32> = HashMap::with_capacity(f.participants.len());
    let mut participants = Vec::with_capacity(f.participants.len());
    for (i, pj) in f.participants.iter().enumerate() {
        if pj.id.is_empty() {
            return Err(ParseError::field(
                format!("participants[{i}].id"),
                "empty id",
            ));
        }
        if index.insert(&pj.id, i as u32).is_some() {
            return Err(ParseError::field(
                format!("participants[{i}].id"),
                format!("{:?} repeated", pj.id),
            ));
        }
        let mut forbidden = Vec::with_capacity(pj.unavailable.len());
        for (k, &t) in pj.unavailable.iter().enumerate() {
            if t < 1 || t > slots as u64 {
                let msg = format!("slot {t} is not in 1..{slots}");
                return Err(ParseError::field(
                    format!("participants[{i}].unavailable[{k}]"),
                    msg,
                ));
            }
            forbidden.push((t - 1) as u16);
        }
        forbidden.sort_unstable();
        forbidden.dedup();
        participants.push(Participant {
            name: pj.name.clone(),
            forbidden,
        });
    }
    let mut mids: HashMap<String, u32> = HashMap::with_capacity(f.meetings.len());
    let mut meeting_names = Vec::with_capacity(f.meetings.len());
    for (i, mj) in f.meetings.iter().enumerate() {
        let id = mj.id.clone().unwrap_or_else(|| format!("m{}", i + 1));
        if mids.insert(id.clone(), i as u32).is_some() {
            return Err(ParseError::field(
                format!("meetings[{i}].id"),
                format!("{id:?} repeated"),
            ));
        }
        meeting_names.push(id);
    }
    let cx = Context {
        participants: &index,
        sessions: &sessions,
        slots,
    };
    let lookup = |id: &str| mids.get(id).copied();
    let mut meetings = Vec::with_capacity(f.meetings.len());
    for (i, mj) in f.meetings.iter().enumerate() {
        meetings.push(convert_meeting(
            mj,
            &format!("meetings[{i}]"),
            i as u32,
            &cx,
            &lookup,
        )?);
    }
    let names = Names {
        participants: f.participants.iter().map(|p| p.id.clone()).collect(),
        meetings: meeting_names,
        numeric: false,
    };
    let problem = Problem {
        name: f.name,
        slots,
        sessions,
        tables,
        participants,
        meetings,
        max_breaks: f.max_breaks,
        require_all: f.require_all,
        idle_spans_sessions: f.idle_spans_sessions,
    };
    Ok((problem, names))
}

/// Converts a model meeting back to its JSON shape.
pub(crate) fn meeting_json(p: &Problem, names: &Names, m: usize) -> MeetingJson {
    let mt = &p.meetings[m];
    MeetingJson {
        id: Some(names.meetings[m].clone()),
        a: names.participants[mt.a as usize].clone(),
        b: names.participants[mt.b as usize].clone(),
        weight: mt.weight,
        session: mt.session.map(|s| p.sessions[s as usize].name.clone()),
        fixed_slot: mt.fixed.map(|t| t as u64 + 1),
        after: mt
            .after
            .iter()
            .map(|&x| names.meetings[x as usize].clone())
            .collect(),
    }
}

/// Writes a problem as a Corridor JSON instance; `parse_instance` reads it back unchanged.
pub fn write_instance(p: &Problem, names: &Names) -> String {
    let same = p.tables.windows(2).all(|w| w[0] == w[1]) && !p.tables.is_empty();
    let f = InstanceFile {
        format: FORMAT.into(),
        name: p.name.clone(),
        sessions: p
            .sessions
            .iter()
            .map(|s| SessionJson {
                name: s.name.clone(),
                slots: s.len as u32,
            })
            .collect(),
        idle_spans_sessions: p.idle_spans_sessions,
        tables: if same {
            TablesJson::Same(p.tables[0] as u64)
        } else {
            TablesJson::PerSlot(p.tables.iter().map(|&n| n as u64).collect())
        },
        max_breaks: p.max_breaks,
        require_all: p.require_all,
        participants: p
            .participants
            .iter()
            .zip(&names.participants)
            .map(|(pp, id)| ParticipantJson {
                id: id.clone(),
                name: pp.name.clone(),
                unavailable: pp.forbidden.iter().map(|&t| t as u64 + 1).collect(),
            })
            .collect(),
        meetings: (0..p.meetings.len())
            .map(|m| meeting_json(p, names, m))
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&f).unwrap_or_default();
    s.push('\n');
    s
}
