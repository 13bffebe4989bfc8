//! Reader for the benchmark `.dzn` files (see `/FORMAT.md` and the benchmark README).
//!
//! Traps handled here: the dummy `0` in `forbidden` sets is ignored; `meetingsxBusiness` is
//! shifted by one and always contains the dummy `1`; duplicate pairs are two meetings. The
//! redundant arrays are checked against `requested`, never trusted.

mod syntax;

use std::collections::HashMap;

use crate::error::{MAX_MEETINGS, MAX_PARTICIPANTS, MAX_SLOTS, MAX_TABLES, ParseError};
use crate::model::{Meeting, Participant, Problem, Session};
use syntax::{Elem, Item, Pos, Value};

const KNOWN: [&str; 11] = [
    "nBusiness",
    "nMeetings",
    "nTables",
    "nTotalSlots",
    "nMorningSlots",
    "requested",
    "meetingsxBusiness",
    "nMeetingsBusiness",
    "forbidden",
    "fixed",
    "precedences",
];

fn err_at(pos: Pos, field: &str, msg: impl Into<String>) -> ParseError {
    ParseError::at(pos.line, pos.column, msg).with_field(field)
}

struct Items(HashMap<String, Item>);

/// A 1-D array's elements and the statement's position.
type Array<'a> = (&'a [(Elem, Pos)], Pos);

impl Items {
    fn int(&self, name: &str, lo: i64, hi: i64) -> Result<i64, ParseError> {
        let it = self
            .0
            .get(name)
            .ok_or_else(|| ParseError::field(name, "missing"))?;
        match it.value {
            Value::Int(n) if (lo..=hi).contains(&n) => Ok(n),
            Value::Int(n) => Err(err_at(
                it.pos,
                name,
                format!("{n} is out of range {lo}..{hi}"),
            )),
            _ => Err(err_at(it.pos, name, "expected an integer")),
        }
    }

    /// A 1-D array of exactly `len` elements, or `None` when the statement is absent.
    fn array(&self, name: &str, len: usize) -> Result<Option<Array<'_>>, ParseError> {
        let Some(it) = self.0.get(name) else {
            return Ok(None);
        };
        match &it.value {
            Value::Array(v) if v.len() == len => Ok(Some((v, it.pos))),
            Value::Array(v) => Err(err_at(
                it.pos,
                name,
                format!("has {} elements, expected {len}", v.len()),
            )),
            _ => Err(err_at(it.pos, name, "expected a 1-D array")),
        }
    }
}

fn ints(e: &Elem, pos: Pos, name: &str, i: usize) -> Result<i64, ParseError> {
    match e {
        Elem::Int(n) => Ok(*n),
        Elem::Set(_) => Err(err_at(
            pos,
            name,
            format!("element {}: expected an integer", i + 1),
        )),
    }
}

fn set<'a>(e: &'a Elem, pos: Pos, name: &str, i: usize) -> Result<&'a [i64], ParseError> {
    match e {
        Elem::Set(s) => Ok(s),
        Elem::Int(_) => Err(err_at(
            pos,
            name,
            format!("element {}: expected a set", i + 1),
        )),
    }
}

/// Parses a benchmark `.dzn` file. Defaults: every meeting required, at most 2 breaks per
/// participant (the paper's fairness d = 2), idle time spans the session boundary, weight 1.
pub fn parse_dzn(text: &str) -> Result<Problem, ParseError> {
    let mut map = HashMap::new();
    for it in syntax::parse_items(text)? {
        if !KNOWN.contains(&it.name.as_str()) {
            return Err(err_at(it.pos, &it.name, "unknown field"));
        }
        if let Some(prev) = map.get(&it.name) {
            let prev: &Item = prev;
            let msg = format!("defined twice (first on line {})", prev.pos.line);
            return Err(err_at(it.pos, &it.name, msg));
        }
        map.insert(it.name.clone(), it);
    }
    let items = Items(map);
    let np = items.int("nBusiness", 0, MAX_PARTICIPANTS as i64)? as usize;
    let nm = items.int("nMeetings", 0, MAX_MEETINGS as i64)? as usize;
    let tables = items.int("nTables", 0, MAX_TABLES as i64)? as u32;
    let t = items.int("nTotalSlots", 1, MAX_SLOTS as i64)? as u16;
    let morning = items.int("nMorningSlots", 0, t as i64)? as u16;

    let req = items
        .0
        .get("requested")
        .ok_or_else(|| ParseError::field("requested", "missing"))?;
    let Value::Array2(rows) = &req.value else {
        return Err(err_at(
            req.pos,
            "requested",
            "expected a 2-D array [| a, b, s | … |]",
        ));
    };
    if rows.len() != nm {
        let msg = format!("has {} rows but nMeetings = {nm}", rows.len());
        return Err(err_at(req.pos, "requested", msg));
    }
    let mut sessions = vec![Session {
        name: "morning".into(),
        start: 0,
        len: morning,
    }];
    if morning < t {
        sessions.push(Session {
            name: "afternoon".into(),
            start: morning,
            len: t - morning,
        });
    }
    let mut meetings = Vec::with_capacity(nm);
    for (i, (row, pos)) in rows.iter().enumerate() {
        let field = format!("requested[{}]", i + 1);
        let &[a, b, s] = row.as_slice() else {
            return Err(err_at(
                *pos,
                &field,
                format!("has {} values, expected 3 (a, b, s)", row.len()),
            ));
        };
        for x in [a, b] {
            if !(1..=np as i64).contains(&x) {
                return Err(err_at(
                    *pos,
                    &field,
                    format!("participant {x} is not in 1..{np}"),
                ));
            }
        }
        if a == b {
            return Err(err_at(
                *pos,
                &field,
                format!("participant {a} cannot meet itself"),
            ));
        }
        let session = match s {
            1 => Some(0),
            2 => {
                if sessions.len() == 1 {
                    // No afternoon in this file: an empty session makes the meeting unplaceable
                    // rather than rejecting a file that is merely infeasible.
                    sessions.push(Session {
                        name: "afternoon".into(),
                        start: t,
                        len: 0,
                    });
                }
                Some(1)
            }
            3 => None,
            _ => {
                return Err(err_at(
                    *pos,
                    &field,
                    format!("session code {s} is not 1, 2 or 3"),
                ));
            }
        };
        let (a, b) = ((a - 1) as u32, (b - 1) as u32);
        meetings.push(Meeting {
            a,
            b,
            weight: 1,
            session,
            fixed: None,
            after: Vec::new(),
        });
    }
    if sessions[0].len == 0 {
        sessions.remove(0);
        for m in &mut meetings {
            m.session = match m.session {
                Some(0) => {
                    return Err(ParseError::field(
                        "nMorningSlots",
                        "is 0 but a meeting requires the morning",
                    ));
                }
                Some(s) => Some(s - 1),
                None => None,
            };
        }
    }
    let mut degree = vec![0i64; np];
    let mut of = vec![Vec::new(); np];
    for (i, m) in meetings.iter().enumerate() {
        for p in [m.a, m.b] {
            degree[p as usize] += 1;
            of[p as usize].push(i as i64 + 2);
        }
    }
    if let Some((arr, _)) = items.array("nMeetingsBusiness", np)? {
        for (i, (e, pos)) in arr.iter().enumerate() {
            let n = ints(e, *pos, "nMeetingsBusiness", i)?;
            if n != degree[i] {
                let msg = format!(
                    "participant {} has {n}, but requested gives {}",
                    i + 1,
                    degree[i]
                );
                return Err(err_at(*pos, "nMeetingsBusiness", msg));
            }
        }
    }
    if let Some((arr, _)) = items.array("meetingsxBusiness", np)? {
        for (i, (e, pos)) in arr.iter().enumerate() {
            let mut got: Vec<i64> = set(e, *pos, "meetingsxBusiness", i)?.to_vec();
            got.sort_unstable();
            got.dedup();
            let mut want = of[i].clone();
            want.push(1);
            want.sort_unstable();
            if got != want {
                let msg = format!(
                    "participant {}: the set does not match requested (expected {{1}} ∪ {{m+1}} = {want:?})",
                    i + 1
                );
                return Err(err_at(*pos, "meetingsxBusiness", msg));
            }
        }
    }
    let mut participants: Vec<Participant> = (1..=np)
        .map(|i| Participant {
            name: i.to_string(),
            forbidden: Vec::new(),
        })
        .collect();
    if let Some((arr, _)) = items.array("forbidden", np)? {
        for (i, (e, pos)) in arr.iter().enumerate() {
            let mut slots = Vec::new();
            for &x in set(e, *pos, "forbidden", i)? {
                if !(0..=t as i64).contains(&x) {
                    let msg = format!("participant {}: slot {x} is not in 0..{t}", i + 1);
                    return Err(err_at(*pos, "forbidden", msg));
                }
                // 0 is the MiniZinc model's dummy placeholder, not a slot.
                if x > 0 {
                    slots.push((x - 1) as u16);
                }
            }
            slots.sort_unstable();
            slots.dedup();
            participants[i].forbidden = slots;
        }
    }
    if let Some((arr, _)) = items.array("fixed", nm)? {
        for (i, (e, pos)) in arr.iter().enumerate() {
            let x = ints(e, *pos, "fixed", i)?;
            if !(0..=t as i64).contains(&x) {
                return Err(err_at(
                    *pos,
                    "fixed",
                    format!("meeting {}: slot {x} is not in 0..{t}", i + 1),
                ));
            }
            meetings[i].fixed = (x > 0).then(|| (x - 1) as u16);
        }
    }
    if let Some((arr, _)) = items.array("precedences", nm)? {
        for (i, (e, pos)) in arr.iter().enumerate() {
            let mut after = Vec::new();
            for &x in set(e, *pos, "precedences", i)? {
                if !(1..=nm as i64).contains(&x) {
                    let msg = format!("meeting {}: {x} is not a meeting in 1..{nm}", i + 1);
                    return Err(err_at(*pos, "precedences", msg));
                }
                if x as usize == i + 1 {
                    let msg = format!("meeting {} cannot precede itself", i + 1);
                    return Err(err_at(*pos, "precedences", msg));
                }
                after.push((x - 1) as u32);
            }
            after.sort_unstable();
            after.dedup();
            meetings[i].after = after;
        }
    }
    Ok(Problem {
        name: String::new(),
        slots: t,
        sessions,
        tables: vec![tables; t as usize],
        participants,
        meetings,
        max_breaks: Some(2),
        require_all: true,
        idle_spans_sessions: true,
    })
}
