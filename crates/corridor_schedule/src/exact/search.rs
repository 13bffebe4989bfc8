//! The search: SAT solvers on the shared encoding, bounds exchanged through atomics.
//!
//! Every worker asks "at most k breaks?" under an assumption, k rising from the proven lower
//! bound; each UNSAT answer proves k+1 and is kept as a unit clause, and a SAT answer at the
//! lower bound is optimal. The last two queries (UNSAT at opt-1, SAT at opt) are the expensive
//! ones (traced on the slowest public runs: mostly the SAT query, e.g. 18 of 20 s), so with two
//! threads the second worker stays one step ahead (k = lb+1) and the two
//! run in parallel; a bound proven by one interrupts the other's moot query.
//!
//! Measured on the 12 slowest public runs (2 threads sharing one core, so times are about
//! twice the usual): 500 s with one timeout for two default-configured workers; 382 s with
//! the `Ahead` worker in stable mode and the incumbent as the first phases; 362 s with the
//! phases also reset to the incumbent before every query (kept); 428 s with one timeout for
//! `target=2` and another seed instead of stable mode. One-thread runs of single options
//! (`phase=0`, `target=2`, `stabilizeonly`, guided phases) differed by instance more than in
//! total, which is why the two workers differ rather than both taking one "best" option.
//! An extra implied "run start" variable per (participant, slot) for break-free days was
//! slower (271 s against 250 s on one thread, 3 timeouts).
//!
//! Sharing short learnt clauses (up to 3 or 8 literals, over the shared variables) between
//! the two workers every 20,000 conflicts made it worse: the first two of those runs timed out
//! or nearly (55–60 s against 34 s without).
//!
//! Also tried, and not kept (CPU seconds with the heuristic start, 2 threads, measured side by
//! side with the kept version under the same load):
//! - an upper-bounding SAT-UNSAT worker (demand fewer breaks than the best known; it descends
//!   one break at a time from 50–90), and a portfolio twin with CaDiCaL's "sat" configuration;
//!   again in the eleventh session as the `Ahead` worker starting from the heuristic's 8–12
//!   breaks: each step down still took seconds (forum-13crafb.original 39.5 s against 12.3 s,
//!   ticf-13crafc.original 44.1 s against 16.2 s);
//! - SAT-based large neighbourhood search instead of the one-ahead worker (most meetings pinned
//!   to the incumbent's slots by assumptions, 3,000 conflicts per step): it lowered the
//!   incumbent faster on the fixed/precedence variants, but forum-14.original went from 6.7 to
//!   19–30 s and ticf-13crafc.original from 25 to 50;
//! - disjoint unsatisfiable cores over "participant has a break" before the linear search
//!   (RC2's first phase), with the break counter built per core so the core bound propagates:
//!   forum-14.original 6.0 s and forum-13crafc 18.7 s (kept version 6.7 and 21.6), but
//!   ticf-13crafc unsolved after 54 s (kept version 25 s) and forum-14.fixed020-Forb 25 s
//!   (20 s). No clear gain, so not kept; single runs vary a lot on these instances.
//! - newer CaDiCaL releases through the `cadical-sys` crate (sixth session; the 12 slowest
//!   public runs through `solve`, 2 threads, one run each): 1.9.5 (kept) 165 s; 2.1.3 175 s;
//!   3.0.1 294 s with one timeout, and 238 s with its new inprocessing off (congruence,
//!   backbone, factor, sweep, warmup), where the `crafb` runs took 9–17 s instead of 20–22 s
//!   but the `crafc` ones 44–57 s instead of 17 s (walk, rephase or vivify off did not mend it);
//! - starting the search at 0 instead of the cheap bound: 166 s against 165 s (no difference);
//! - symmetry breaking for interchangeable participants (seventh session): participants alike in
//!   forbidden slots and, meeting by meeting, in partner, session, fixed slot and weight (seven
//!   who only meet participant 58 in the `13crafb` files, groups of two or three elsewhere), their
//!   meetings with a common partner outside every group held in increasing slots, incumbents
//!   reordered to match. Correct against brute force, but no gain: the 30 `13crafb` runs took
//!   165, 189, 199 and 209 s with it against 175, 205, 181 and 211 s without (alternating runs,
//!   2 threads), the 30 `13crafc` runs 192 and 202 s against 167 and 219 s. The seven
//!   interchangeable meetings are not what makes `crafb` hard;
//! - more local search in the `Ahead` worker (`walkreleff` 200 per mille instead of 20), for the
//!   final SAT query on `crafc`: the 30 `13crafc` runs took 202 and 196 s against 180 and 176 s
//!   (alternating runs, 2 threads).
//! - large-neighbourhood steps in the `Ahead` worker once its query would repeat `Single`'s (a
//!   schedule one break above the proven bound known, as in the traced `forum-13crafb.original`
//!   run, where that last query took 23 of 38 s): the meetings of a participant with a break and
//!   of partners around it free (30 % of all at first, wider after an UNSAT step, narrower
//!   after a budget-out), the rest pinned to the incumbent by assumptions, 2,000 conflicts per
//!   step (ninth session). The 30 `13crafb` runs took 327 and 378 s against 289 and 326 s
//!   without (alternating runs, 2 threads).
//! - the objective's counter built over each participant's fairness counter (its "at least 1,
//!   2 breaks" outputs as leaves) instead of over all break literals, so the two share their
//!   lower levels (ninth session): the 30 `13crafb` runs took 273 and 372 s (one timeout, at
//!   5..8) against 416 and 366 s, and 289 and 326 s in the rounds above: within the noise.
//! - the query's bound as a unit clause instead of an assumption (tenth session), so that
//!   CaDiCaL can simplify with it at the root, the solver rebuilt from the encoding after an
//!   answer that makes the unit wrong: for the `Single` worker only (its query is at the proven
//!   bound, so only an UNSAT answer needs the rebuild), the 30 `13crafb` runs took 354 s (one
//!   timeout) and 364 s against 353 and 336 s; for both workers 512 s with five timeouts (the
//!   `Ahead` worker loses its learnt clauses at every rebuild). A first version that kept an
//!   earlier, stronger unit in the `Ahead` worker claimed optima one above the true ones on four
//!   runs, which the published optima caught.
//! - Kissat 3.1.1 (the `cat_solver` crate) as the `Ahead` worker, a fresh solver per query since
//!   Kissat is not incremental and takes no phases (eleventh session). From scratch it beats
//!   CaDiCaL 1.9.5 by 1.3–6× on the last `crafb` queries, but in the portfolio it found the
//!   `crafc` optima at 19.5 and 44.3 s against 12.7 and 16.2 s for the whole unchanged run, and
//!   on `crafb` the `Single` worker's UNSAT proof (as slow from scratch in Kissat) stays the
//!   bottleneck; it also answered the interrupt only after tens of seconds.
//! - splitting the last `crafc` query (optimum 1) by who takes the break, one query per
//!   participant with the others' breaks off (eleventh session): the first one tried was the
//!   right one and still took 27–50 s from scratch, as long as the whole query.
//! - the annealer in the `Ahead` thread for the first 2 s, its schedule then the incumbent
//!   (eleventh session): it often has 2 breaks on the `crafc` runs with optimum 1 by then, where
//!   the SAT search needs about 11 s, but the last query stays as long from there; the 30
//!   `13crafc` runs took 320 s (one timeout) against 302 s, the 30 `13crafb` runs 398 s against
//!   343 s.
//! - other options for the `Single` worker (twelfth session; eight of the slowest runs, two
//!   rounds, rotating order): CaDiCaL's `unsat` configuration 656 s with three timeouts, five
//!   times the vivification effort 659 s with three, against 640 s with one for the default.
//! - lower bounds from relaxed subproblems (a set of participants with only their meetings,
//!   only their breaks counted; disjoint sets add up), to spare the long UNSAT query: on
//!   `forum-13crafb.forb0007` and `ticf-13crafb.forb0003` (optimum 5) clusters of up to 32
//!   participants proved 1 and two halves at most 3, which the search proves within a second.
//!   The breaks are forced by the whole instance (see BENCHMARKS.md).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::time::Instant;

use super::cnf::Cnf;
use super::decode::{breaks_per_participant, objective};
use super::encode::Encoding;
use super::sat::{Interrupt, Solver};
use crate::model::{Objective, Problem, Progress, Schedule};

pub(crate) struct Best {
    pub schedule: Schedule,
    pub objective: Objective,
}

/// When the search gives the rest of the time limit back to the caller's annealer (see
/// `Shared::timed_out`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Handover {
    /// From here on, stop unless the schedule found is within one break of the bound.
    pub at: Instant,
    /// From here on, also stop if neither bound has moved since the search began.
    pub idle: Instant,
}

pub(crate) struct Shared<'a> {
    pub p: &'a Problem,
    pub start: Instant,
    pub deadline: Instant,
    /// `None` = work until `deadline`.
    pub handover: Option<Handover>,
    /// The bounds (lower, upper) the search began with, after the warm start: a search that has
    /// moved neither by `Handover::idle` is not getting anywhere.
    pub began_with: (u64, u64),
    pub stop: AtomicBool,
    pub infeasible: AtomicBool,
    pub lb: AtomicU64,
    pub ub: AtomicU64,
    pub best: Mutex<Option<Best>>,
    pub weight_ub: AtomicU64,
    /// The breaks of the warm start (`Options::initial`), `u64::MAX` without one: the `Ahead`
    /// worker is not guided by incumbents no better than it (see `guide`).
    pub warm_ub: AtomicU64,
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
}

impl Shared<'_> {
    /// Past the deadline, or past the handover with a gap of two breaks or more: the caller's
    /// annealer may still lower a schedule that far from the bound, while with a gap of one
    /// only the optimum would do, which is exactly the question this search is asking. Past
    /// the idle handover, the same gap ends a search that has neither proven a bound nor found
    /// a schedule since it began (see `solve::IDLE_SHARE`).
    pub fn timed_out(&self) -> bool {
        let now = Instant::now();
        if self.stop.load(Relaxed) || now >= self.deadline {
            return true;
        }
        let Some(h) = self.handover else {
            return false;
        };
        let (lb, ub) = (self.lb.load(Relaxed), self.ub.load(Relaxed));
        let idle = (lb, ub) == self.began_with;
        ub > lb.saturating_add(1) && (now >= h.at || (idle && now >= h.idle))
    }

    fn report(&self) {
        if let Some(f) = self.progress {
            let best = self
                .best
                .lock()
                .ok()
                .and_then(|b| b.as_ref().map(|b| b.objective));
            f(Progress {
                elapsed: self.start.elapsed(),
                best,
                breaks_lower_bound: self.lb.load(Relaxed),
                weight_upper_bound: self.weight_ub.load(Relaxed),
            });
        }
    }

    /// Offers a solution (slot per meeting); keeps it if it has fewer breaks.
    pub fn offer(&self, slot: &[Option<u16>]) -> u64 {
        let v: u64 = breaks_per_participant(self.p, slot)
            .iter()
            .map(|&b| b as u64)
            .sum();
        if v < self.ub.load(Relaxed) {
            let schedule = crate::tables::assign(self.p, slot, &[]);
            let objective = objective(self.p, slot, &schedule);
            if let Ok(mut b) = self.best.lock()
                && b.as_ref().is_none_or(|b| v < b.objective.breaks)
            {
                *b = Some(Best {
                    schedule,
                    objective,
                });
                self.ub.store(v, Relaxed);
            }
            self.check_closed();
            self.report();
        }
        v
    }

    /// No schedule better than the warm start (or none at all) is known yet.
    fn incumbent_is_warm_start(&self) -> bool {
        self.ub.load(Relaxed) >= self.warm_ub.load(Relaxed)
    }

    pub fn raise_lb(&self, k: u64) {
        if self.lb.fetch_max(k, Relaxed) < k {
            self.check_closed();
            self.report();
        }
    }

    fn check_closed(&self) {
        if self.lb.load(Relaxed) >= self.ub.load(Relaxed) {
            self.stop.store(true, Relaxed);
        }
    }
}

/// Stops CaDiCaL at the deadline, when another worker has finished the job, or when a
/// query "at most k breaks" asked while the lower bound was lb became moot: another worker
/// raised the lower bound, or found a schedule with at most k breaks.
pub(crate) struct Stopper<'a> {
    sh: &'a Shared<'a>,
    query: Option<(u64, u64)>,
}

impl Interrupt for Stopper<'_> {
    fn interrupt(&mut self) -> bool {
        self.sh.timed_out()
            || self.query.is_some_and(|(lb, k)| {
                self.sh.lb.load(Relaxed) > lb || self.sh.ub.load(Relaxed) <= k
            })
    }
}

fn set_query(s: &mut Sat<'_>, query: Option<(u64, u64)>) {
    s.check().query = query;
}

pub(crate) type Sat<'a> = Solver<Stopper<'a>>;

pub(crate) fn new_solver<'a>(
    sh: &'a Shared<'a>,
    config: &str,
    options: &[(&str, i32)],
    cnf: &Cnf,
) -> Sat<'a> {
    let mut s: Sat<'a> = Solver::new(config, Stopper { sh, query: None });
    // Options can only be set before the first clause.
    for &(name, value) in options {
        s.set_option(name, value);
    }
    load(&mut s, cnf);
    s
}

pub(crate) fn load(s: &mut Sat<'_>, cnf: &Cnf) {
    for c in cnf.clauses_from(0) {
        s.add_clause(c.iter().copied());
    }
}

/// Reads the slot of every meeting from a model.
pub(crate) fn slots_of(s: &Sat<'_>, enc: &Encoding) -> Vec<Option<u16>> {
    enc.x
        .iter()
        .map(|xs| {
            xs.iter()
                .find(|&&(_, v)| s.value(v) == Some(true))
                .map(|&(t, _)| t)
        })
        .collect()
}

pub(crate) enum Role {
    /// Asks "at most lb?" for the current proven lower bound lb, in CaDiCaL's default
    /// configuration.
    Single,
    /// Asks "at most lb+1?" (one ahead of `Single`), so that with two threads the last UNSAT
    /// proof and the final SAT query run in parallel; in CaDiCaL's stable mode only
    /// (`stabilizeonly`), so that once both ask the same final query they search differently.
    Ahead,
}

pub(crate) fn run(sh: &Shared<'_>, enc: &Encoding, role: Role) {
    let ahead = matches!(role, Role::Ahead);
    let options: &[(&str, i32)] = if ahead { &[("stabilizeonly", 1)] } else { &[] };
    let mut s = new_solver(sh, "default", options, &enc.cnf);
    let brk = enc.all_breaks();
    let mut ext = enc.cnf.extension();
    // A first schedule: the incumbent when there is one (which also sets the saved phases to
    // it), else whatever the solver finds.
    let mut own = Vec::new();
    let first = match guide(sh, enc, &mut s, &own, ahead) {
        Some(true) => Some(true),
        _ => s.solve(),
    };
    match first {
        Some(true) => {
            sh.offer(&slots_of(&s, enc));
            if ahead {
                own = model_lits(&s, enc);
            }
        }
        Some(false) => {
            sh.infeasible.store(true, Relaxed);
            sh.stop.store(true, Relaxed);
            return;
        }
        None => return,
    }
    lower(sh, enc, &mut s, &mut ext, &brk, ahead, &mut own);
}

/// Solves with every meeting assumed in its incumbent slot (`None` without an incumbent). The
/// incumbent satisfies every clause the solver holds (break bounds are assumptions, and the
/// units kept from UNSAT answers are below its break count), so this is SAT at once and leaves
/// CaDiCaL's saved phases on the best schedule known: the next query searches near it
/// (solution-guided search). Measured on the 12 slowest public runs, 2 threads: with this and
/// the stable-mode `Ahead` worker, 362–382 s against 500 s with neither (both on one core).
///
/// The `Ahead` worker (`ahead`) is not guided by the heuristic's warm start: until a SAT
/// model beats it, that worker follows its own last model (`own`; nothing before its first).
/// The heuristic's schedule can sit far from any schedule with few breaks, and searching
/// near it kept `ticf-14crafa.prec15` (optimum 0) at one break for the whole 60 s; both
/// workers unguided instead broke `ticf-13crafc.prec15`. Measured in BENCHMARKS.md
/// (nineteenth session).
fn guide(
    sh: &Shared<'_>,
    enc: &Encoding,
    s: &mut Sat<'_>,
    own: &[i32],
    ahead: bool,
) -> Option<bool> {
    let incumbent;
    let lits: &[i32] = if ahead && sh.incumbent_is_warm_start() {
        own
    } else {
        incumbent = incumbent_lits(sh, enc);
        &incumbent
    };
    if lits.is_empty() {
        return None;
    }
    s.solve_with(lits.iter().copied())
}

/// Adds the clauses of `ext` to the solver and moves them into `keep`.
pub(crate) fn flush_into(s: &mut Sat<'_>, ext: &mut Cnf, keep: &mut Cnf) {
    load(s, ext);
    keep.nvars = ext.nvars;
    keep.lits.append(&mut ext.lits);
}

/// Adds the clauses of `ext` not yet given to the solver.
fn flush(s: &mut Sat<'_>, ext: &mut Cnf) {
    load(s, ext);
    ext.lits.clear();
}

fn lower(
    sh: &Shared<'_>,
    enc: &Encoding,
    s: &mut Sat<'_>,
    ext: &mut Cnf,
    brk: &[i32],
    ahead: bool,
    own: &mut Vec<i32>,
) {
    let mut cap = brk.len().min(32);
    let mut o = ext.totalizer(brk, cap, true, false);
    loop {
        let (lb, ub) = (sh.lb.load(Relaxed), sh.ub.load(Relaxed));
        if sh.timed_out() || lb >= ub {
            return;
        }
        let k = if ahead { (lb + 1).min(ub - 1) } else { lb } as usize;
        if k >= brk.len() {
            // Any schedule has at most brk.len() breaks: the bound is trivially met.
            match s.solve() {
                Some(true) => {
                    sh.offer(&slots_of(s, enc));
                }
                Some(false) => {
                    sh.infeasible.store(true, Relaxed);
                    sh.stop.store(true, Relaxed);
                }
                None => {}
            }
            return;
        }
        while k >= cap {
            cap = (cap * 2).min(brk.len());
            o = ext.totalizer(brk, cap, true, false);
        }
        flush(s, ext);
        if guide(sh, enc, s, own, ahead).is_none() && sh.timed_out() {
            return;
        }
        let assumption = -o[k];
        set_query(s, Some((lb, k as u64)));
        let res = s.solve_with([assumption]);
        set_query(s, None);
        match res {
            Some(true) => {
                sh.offer(&slots_of(s, enc));
                if ahead {
                    *own = model_lits(s, enc);
                }
            }
            Some(false) => {
                if !s.failed(assumption) {
                    sh.infeasible.store(true, Relaxed);
                    sh.stop.store(true, Relaxed);
                    return;
                }
                ext.clause(&[o[k]]);
                sh.raise_lb(k as u64 + 1);
            }
            // Interrupted because another worker made this query moot: take the new bounds.
            None if !sh.timed_out() => {}
            None => return,
        }
    }
}

/// The literals "meeting m in slot t" true in the solver's model.
fn model_lits(s: &Sat<'_>, enc: &Encoding) -> Vec<i32> {
    enc.x
        .iter()
        .flatten()
        .map(|&(_, v)| v)
        .filter(|&v| s.value(v) == Some(true))
        .collect()
}

/// The literals "meeting m in slot t" of the incumbent schedule.
fn incumbent_lits(sh: &Shared<'_>, enc: &Encoding) -> Vec<i32> {
    let Ok(b) = sh.best.lock() else {
        return Vec::new();
    };
    let Some(b) = b.as_ref() else {
        return Vec::new();
    };
    b.schedule
        .placements
        .iter()
        .filter_map(|pl| {
            enc.x[pl.meeting as usize]
                .iter()
                .find(|&&(t, _)| t == pl.slot)
                .map(|&(_, v)| v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{GenParams, generate};
    use std::time::Duration;

    fn shared(p: &Problem, at: Option<Instant>, lb: u64, ub: u64) -> Shared<'_> {
        let now = Instant::now();
        Shared {
            p,
            start: now,
            deadline: now + Duration::from_secs(600),
            // The idle rule off (the search began with other bounds): see the next test.
            handover: at.map(|at| Handover { at, idle: at }),
            began_with: (u64::MAX, u64::MAX),
            stop: AtomicBool::new(false),
            infeasible: AtomicBool::new(false),
            lb: AtomicU64::new(lb),
            ub: AtomicU64::new(ub),
            best: Mutex::new(None),
            weight_ub: AtomicU64::new(0),
            warm_ub: AtomicU64::new(u64::MAX),
            progress: None,
        }
    }

    #[test]
    fn past_the_handover_only_a_search_one_break_from_its_bound_goes_on() {
        let (p, _) = generate(&GenParams {
            participants: 4,
            ..GenParams::default()
        });
        let past = Some(Instant::now() - Duration::from_millis(1));
        let later = Some(Instant::now() + Duration::from_secs(600));
        // Before the handover nothing stops it; after it, a gap of two or more (or no schedule
        // at all) does, a gap of one does not.
        assert!(!shared(&p, later, 3, 9).timed_out());
        assert!(!shared(&p, None, 3, 9).timed_out());
        assert!(shared(&p, past, 3, 5).timed_out());
        assert!(shared(&p, past, 3, u64::MAX).timed_out());
        assert!(!shared(&p, past, 3, 4).timed_out());
        assert!(!shared(&p, past, 4, 4).timed_out());
        // The deadline still holds whatever the gap.
        let gone = shared(&p, past, 3, 4);
        let gone = Shared {
            deadline: Instant::now() - Duration::from_millis(1),
            ..gone
        };
        assert!(gone.timed_out());
    }

    #[test]
    fn the_incumbent_counts_as_the_warm_start_until_something_beats_it() {
        let (p, _) = generate(&GenParams {
            participants: 4,
            ..GenParams::default()
        });
        let with_warm = |ub, warm| Shared {
            warm_ub: AtomicU64::new(warm),
            ..shared(&p, None, 0, ub)
        };
        assert!(with_warm(9, 9).incumbent_is_warm_start());
        assert!(!with_warm(8, 9).incumbent_is_warm_start());
        // Without a warm start, only the absence of any schedule counts.
        assert!(with_warm(u64::MAX, u64::MAX).incumbent_is_warm_start());
        assert!(!with_warm(5, u64::MAX).incumbent_is_warm_start());
    }

    #[test]
    fn past_the_idle_handover_only_a_search_that_moved_a_bound_goes_on() {
        let (p, _) = generate(&GenParams {
            participants: 4,
            ..GenParams::default()
        });
        let past = Instant::now() - Duration::from_millis(1);
        let later = Instant::now() + Duration::from_secs(600);
        let idle_past = |lb, ub, began_with| Shared {
            handover: Some(Handover {
                at: later,
                idle: past,
            }),
            began_with,
            ..shared(&p, None, lb, ub)
        };
        // Still at the bounds it began with, two breaks or more apart: stop.
        assert!(idle_past(3, 9, (3, 9)).timed_out());
        // Either bound moved: go on until the main handover.
        assert!(!idle_past(4, 9, (3, 9)).timed_out());
        assert!(!idle_past(3, 8, (3, 9)).timed_out());
        // The first schedule found by the search itself counts as a move.
        assert!(!idle_past(3, 9, (3, u64::MAX)).timed_out());
        // One break apart: only the optimum would do, which is the search's own question.
        assert!(!idle_past(3, 4, (3, 4)).timed_out());
        // Not yet at the idle instant: go on.
        let early = Shared {
            handover: Some(Handover {
                at: later,
                idle: later,
            }),
            ..idle_past(3, 9, (3, 9))
        };
        assert!(!early.timed_out());
    }
}
