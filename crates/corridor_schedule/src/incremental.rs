//! Re-optimising a published schedule after a change (cancelled participants, withdrawn or new
//! requests).
//!
//! Every kept meeting starts in its published slot. New meetings are inserted greedily, then
//! the annealer runs briefly with a cost where one moved meeting outweighs any number of
//! breaks it could save (but not a meeting left out): moves are minimised first, the objective
//! second. A meeting counts as moved when its slot changes or it is dropped; tables follow the
//! published ones wherever possible.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use crate::heuristic::{self, Start, UNPLACED};
use crate::model::{Meeting, Options, Outcome, Problem, Schedule, Status};
use crate::names::Names;
use crate::solve::outcome;
use crate::validate::validate;

/// A change to an instance. Indices refer to the old problem; an added meeting's `after` may
/// also name added meetings, as `old meeting count + position in add_meetings`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub cancel_participants: Vec<u32>,
    pub withdraw_meetings: Vec<u32>,
    pub add_meetings: Vec<Meeting>,
}

/// Cost of one moved meeting in the search, far above a break (16) and far below a meeting
/// left out (2^24 per unit of weight).
const MOVE_COST: i64 = 1 << 14;

/// The changed problem and, for each old meeting, its index in it (`None` = removed).
/// Cancelled participants stay (with no meetings) so participant indices do not change.
pub fn apply_change(old: &Problem, c: &Change) -> Result<(Problem, Vec<Option<u32>>), String> {
    let np = old.participants.len() as u32;
    let nm = old.meetings.len();
    let cancelled: HashSet<u32> = c.cancel_participants.iter().copied().collect();
    if let Some(x) = cancelled.iter().find(|&&x| x >= np) {
        return Err(format!(
            "cancel_participants: participant {} does not exist",
            x + 1
        ));
    }
    let withdrawn: HashSet<u32> = c.withdraw_meetings.iter().copied().collect();
    if let Some(x) = withdrawn.iter().find(|&&x| x as usize >= nm) {
        return Err(format!(
            "withdraw_meetings: meeting {} does not exist",
            x + 1
        ));
    }
    let mut old_to_new = vec![None; nm];
    let mut next = 0u32;
    for (m, mt) in old.meetings.iter().enumerate() {
        if !withdrawn.contains(&(m as u32))
            && !cancelled.contains(&mt.a)
            && !cancelled.contains(&mt.b)
        {
            old_to_new[m] = Some(next);
            next += 1;
        }
    }
    let kept = next;
    let map = |x: u32| -> Result<Option<u32>, String> {
        if (x as usize) < nm {
            Ok(old_to_new[x as usize])
        } else if ((x as usize) - nm) < c.add_meetings.len() {
            Ok(Some(kept + (x - nm as u32)))
        } else {
            Err(format!(
                "a precedence names meeting {} which does not exist",
                x + 1
            ))
        }
    };
    let mut meetings = Vec::with_capacity(kept as usize + c.add_meetings.len());
    for (m, mt) in old.meetings.iter().enumerate() {
        if old_to_new[m].is_some() {
            let mut mt = mt.clone();
            // A removed predecessor no longer constrains anything.
            mt.after = mt
                .after
                .iter()
                .filter_map(|&x| old_to_new.get(x as usize).copied().flatten())
                .collect();
            meetings.push(mt);
        }
    }
    for (i, mt) in c.add_meetings.iter().enumerate() {
        if mt.a >= np || mt.b >= np || mt.a == mt.b {
            return Err(format!("add_meetings[{i}]: bad participants"));
        }
        if cancelled.contains(&mt.a) || cancelled.contains(&mt.b) {
            return Err(format!("add_meetings[{i}]: a participant is cancelled"));
        }
        let mut mt = mt.clone();
        let mut after = Vec::new();
        for &x in &mt.after {
            if let Some(y) = map(x)? {
                after.push(y);
            }
        }
        mt.after = after;
        meetings.push(mt);
    }
    Ok((
        Problem {
            meetings,
            ..old.clone()
        },
        old_to_new,
    ))
}

/// The names of the changed problem: kept meeting ids, then the added ones.
pub fn apply_names(old: &Names, old_to_new: &[Option<u32>], added: &[String]) -> Names {
    let mut meetings: Vec<String> = old_to_new
        .iter()
        .zip(&old.meetings)
        .filter(|(m, _)| m.is_some())
        .map(|(_, id)| id.clone())
        .collect();
    meetings.extend(added.iter().cloned());
    Names {
        participants: old.participants.clone(),
        meetings,
        numeric: old.numeric,
    }
}

/// Re-optimises `previous` (in the old problem's meeting indices) for `p_new`. Returns the
/// outcome and how many kept meetings moved. Searches for at most half a second.
pub fn reoptimise(
    p_new: &Problem,
    previous: &Schedule,
    old_to_new: &[Option<u32>],
    o: &Options<'_>,
) -> (Outcome, usize) {
    let began = Instant::now();
    let nm = p_new.meetings.len();
    let mut home = vec![UNPLACED; nm];
    let mut prefer = vec![None; nm];
    for pl in &previous.placements {
        if let Some(Some(m)) = old_to_new.get(pl.meeting as usize) {
            if (*m as usize) < nm && pl.slot < p_new.slots {
                home[*m as usize] = pl.slot;
                prefer[*m as usize] = Some(pl.table);
            }
        }
    }
    let bound = heuristic::bound(p_new);
    let mut start = Start {
        slots: home.clone(),
        home: home.clone(),
        start_temp: 2.0,
        end_temp: 0.2,
        enough_breaks: bound.breaks,
        ..Start::default()
    };
    start.weights.moved = MOVE_COST;
    let deadline = began + o.time_limit.min(Duration::from_millis(500));
    let (slots, _) = heuristic::run(p_new, o, &start, deadline);
    let slots = if p_new.require_all {
        slots
    } else {
        heuristic::repaired(p_new, &slots)
    };
    let schedule = heuristic::schedule_of(p_new, &slots, &prefer);
    let moved = home
        .iter()
        .zip(&slots)
        .filter(|(h, s)| **h != UNPLACED && h != s)
        .count();

    match validate(p_new, &schedule) {
        Ok(obj) => {
            let total: u64 = p_new.meetings.iter().map(|m| m.weight as u64).sum();
            let lb = if obj.scheduled_weight == total {
                bound.breaks.min(obj.breaks)
            } else {
                0
            };
            let status = if obj.scheduled_weight == total && obj.breaks == lb {
                Status::Optimal
            } else {
                Status::Feasible
            };
            (
                outcome(
                    status,
                    Some((schedule, obj)),
                    lb,
                    bound.weight_upper.max(obj.scheduled_weight),
                    began,
                ),
                moved,
            )
        }
        Err(_) => {
            let status = if p_new.require_all && bound.all_infeasible {
                Status::Infeasible
            } else {
                Status::Unknown
            };
            (outcome(status, None, 0, bound.weight_upper, began), moved)
        }
    }
}
