//! The SAT encoding of one problem (see the module docs of `exact` for the why).

use super::cnf::Cnf;
use super::domain::Domains;
use crate::model::Problem;

pub(crate) struct Encoding {
    pub cnf: Cnf,
    /// Per meeting: (slot, literal "meeting is held in slot").
    pub x: Vec<Vec<(u16, i32)>>,
    /// Per meeting: literal "meeting is held" (constant true when every meeting must be).
    pub held: Vec<i32>,
    /// Per participant: literals "a break starts at this slot" (one per possible gap start).
    pub brk: Vec<Vec<i32>>,
}

impl Encoding {
    pub fn all_breaks(&self) -> Vec<i32> {
        self.brk.iter().flatten().copied().collect()
    }
}

/// Builds the hard constraints plus the implied ones. Objective constraints are added later.
pub(crate) fn encode(p: &Problem, d: &Domains) -> Encoding {
    let mut cnf = Cnf::new();
    let nt = p.slots as usize;
    let x: Vec<Vec<(u16, i32)>> = d
        .slots
        .iter()
        .map(|ts| ts.iter().map(|&t| (t, cnf.var())).collect())
        .collect();
    // Each meeting at most once; held <-> in some slot.
    let mut held = Vec::with_capacity(x.len());
    for xs in &x {
        let lits: Vec<i32> = xs.iter().map(|&(_, v)| v).collect();
        cnf.at_most_one(&lits);
        if p.require_all {
            cnf.clause(&lits);
            held.push(Cnf::TRUE);
        } else {
            let h = cnf.var();
            cnf.or_def(h, &lits);
            held.push(h);
        }
    }
    // Precedences: m in slot t -> q held strictly before t, via order variables
    // le[q][t] = "q is held in a slot <= t".
    let mut le: Vec<Option<Vec<i32>>> = vec![None; x.len()];
    for (m, mt) in p.meetings.iter().enumerate() {
        for &q in &mt.after {
            let q = q as usize;
            if le[q].is_none() {
                le[q] = Some(order_vars(&mut cnf, &x[q], nt));
            }
            let lq = le[q].as_deref().unwrap_or(&[]);
            for &(t, v) in &x[m] {
                let before = if t == 0 {
                    Cnf::FALSE
                } else {
                    lq[t as usize - 1]
                };
                cnf.clause(&[-v, before]);
            }
        }
    }
    // Per-slot table capacity.
    let mut at_slot: Vec<Vec<i32>> = vec![Vec::new(); nt];
    for xs in &x {
        for &(t, v) in xs {
            at_slot[t as usize].push(v);
        }
    }
    // busy[p][t] <-> p is in one of its meetings at t; at most one meeting per slot.
    let mut busy = vec![vec![Cnf::FALSE; nt]; p.participants.len()];
    let mut busy_at_slot: Vec<Vec<i32>> = vec![Vec::new(); nt];
    for (pi, ms) in d.by_participant.iter().enumerate() {
        let mut here: Vec<Vec<i32>> = vec![Vec::new(); nt];
        for &m in ms {
            for &(t, v) in &x[m as usize] {
                here[t as usize].push(v);
            }
        }
        for (t, lits) in here.iter().enumerate() {
            if lits.is_empty() {
                continue;
            }
            cnf.at_most_one(lits);
            let b = if lits.len() == 1 { lits[0] } else { cnf.var() };
            if lits.len() > 1 {
                cnf.or_def(b, lits);
            }
            busy[pi][t] = b;
            busy_at_slot[t].push(b);
        }
        // Implied: a participant is busy in exactly as many slots as it has meetings.
        if p.require_all {
            let lits: Vec<i32> = busy[pi]
                .iter()
                .copied()
                .filter(|&b| b != Cnf::FALSE)
                .collect();
            cnf.exactly(&lits, ms.len());
        }
    }
    for t in 0..nt {
        slot_capacity(
            &mut cnf,
            &at_slot[t],
            &busy_at_slot[t],
            p.tables[t] as usize,
        );
    }
    let blocks = blocks(p);
    let mut brk = vec![Vec::new(); p.participants.len()];
    for (pi, ms) in d.by_participant.iter().enumerate() {
        if ms.len() <= 1 {
            continue; // one meeting or none: never a break
        }
        for &(s, e) in &blocks {
            brk[pi].extend(breaks_in_block(&mut cnf, &busy[pi][s..e]));
        }
        if let Some(maxb) = p.max_breaks {
            cnf.at_most(&brk[pi], maxb as usize);
        }
        if p.require_all && blocks.len() == 1 && !brk[pi].is_empty() {
            block_if_no_breaks(&mut cnf, &busy[pi], &brk[pi], ms.len());
        }
    }
    Encoding { cnf, x, held, brk }
}

/// At most `tables` meetings in a slot, plus the implied "exactly twice as many participants
/// are busy as meetings are held" (so at most 2L, and even) — the paper's imp2 / imp12+.
fn slot_capacity(cnf: &mut Cnf, meets: &[i32], busy: &[i32], tables: usize) {
    if meets.len() <= tables {
        cnf.at_most(busy, 2 * tables);
        return;
    }
    let cap = tables + 1;
    let om = cnf.totalizer(meets, cap, true, true);
    let ob = cnf.totalizer(busy, 2 * cap, true, true);
    cnf.clause(&[-om[tables]]);
    // om[i] = "at least i+1 meetings" <-> at least 2i+1 busy <-> at least 2i+2 busy.
    for (i, &m) in om.iter().enumerate() {
        for j in [2 * i, 2 * i + 1] {
            match ob.get(j) {
                Some(&b) => {
                    cnf.clause(&[-m, b]);
                    cnf.clause(&[m, -b]);
                }
                None => cnf.clause(&[-m]),
            }
        }
    }
}

/// The stretches of slots over which idle time counts as a break: the whole day, or each
/// session when the gap between sessions is not idle time.
pub(crate) fn blocks(p: &Problem) -> Vec<(usize, usize)> {
    if p.idle_spans_sessions || p.sessions.is_empty() {
        vec![(0, p.slots as usize)]
    } else {
        p.sessions
            .iter()
            .map(|s| (s.start as usize, (s.start + s.len).min(p.slots) as usize))
            .collect()
    }
}

/// `le[t]` <-> the meeting is held at a slot <= t.
fn order_vars(cnf: &mut Cnf, xs: &[(u16, i32)], nt: usize) -> Vec<i32> {
    let mut le = Vec::with_capacity(nt);
    let mut prev = Cnf::FALSE;
    let mut k = 0;
    for t in 0..nt {
        let mut cur = prev;
        while k < xs.len() && xs[k].0 as usize == t {
            let v = cnf.var();
            cnf.or_def(v, &[prev, xs[k].1]);
            cur = v;
            k += 1;
        }
        le.push(cur);
        prev = cur;
    }
    le
}

/// Break literals for one participant within one block: `brk[t] <-> busy[t-1] & !busy[t] &
/// busy somewhere after t`, i.e. t is the first idle slot of a gap between two meetings.
fn breaks_in_block(cnf: &mut Cnf, busy: &[i32]) -> Vec<i32> {
    let n = busy.len();
    // after[t] <-> busy at some slot >= t (suffix OR).
    let mut after = vec![Cnf::FALSE; n + 1];
    for t in (0..n).rev() {
        after[t] = match (busy[t], after[t + 1]) {
            (Cnf::FALSE, a) => a,
            (b, Cnf::FALSE) => b,
            (b, a) => {
                let v = cnf.var();
                cnf.or_def(v, &[b, a]);
                v
            }
        };
    }
    let mut out = Vec::new();
    for t in 1..n.saturating_sub(1) {
        if busy[t - 1] == Cnf::FALSE || after[t + 1] == Cnf::FALSE {
            continue;
        }
        let v = cnf.var();
        cnf.and_def(v, &[busy[t - 1], -busy[t], after[t + 1]]);
        out.push(v);
    }
    out
}

/// Implied: a participant without breaks holds its `deg` meetings in one consecutive run, so
/// its first busy slot t forces t..t+deg-1 busy (and its last busy slot the run before it).
fn block_if_no_breaks(cnf: &mut Cnf, busy: &[i32], brk: &[i32], deg: usize) {
    let has = cnf.var();
    cnf.or_def(has, brk);
    let n = busy.len();
    let mut before = Cnf::FALSE; // busy at some slot < t
    for t in 0..n {
        if busy[t] != Cnf::FALSE {
            for i in 1..deg {
                let b = busy.get(t + i).copied().unwrap_or(Cnf::FALSE);
                cnf.clause(&[has, -busy[t], before, b]);
            }
        }
        if busy[t] != Cnf::FALSE {
            let v = cnf.var();
            cnf.or_def(v, &[before, busy[t]]);
            before = v;
        }
    }
    // Its first and last busy slots are less than deg apart.
    for t in 0..n {
        for u in t + deg..n {
            if busy[t] != Cnf::FALSE && busy[u] != Cnf::FALSE {
                cnf.clause(&[has, -busy[t], -busy[u]]);
            }
        }
    }
    let mut after = Cnf::FALSE; // busy at some slot > t
    for t in (0..n).rev() {
        if busy[t] != Cnf::FALSE {
            for i in 1..deg {
                let b = if t >= i { busy[t - i] } else { Cnf::FALSE };
                cnf.clause(&[has, -busy[t], after, b]);
            }
            let v = cnf.var();
            cnf.or_def(v, &[after, busy[t]]);
            after = v;
        }
    }
}
