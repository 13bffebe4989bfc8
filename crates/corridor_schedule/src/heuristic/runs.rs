//! Planning each participant's day before placing any meeting: one target run
//! `[start, start + degree)` per participant, or two parts with one planned break, chosen so
//! that the number of runs covering a slot stays within twice its tables and every partner's
//! run overlaps, by several slots where it can, and so that the partners' days can fill every
//! slot of the day, each with a meeting of its own. `sweep` then fills the day slot by slot
//! following the plan.
//!
//! Why: on near-full large instances the annealer cannot move whole days (each swap displaces a
//! chain of meetings), so the shape of the days has to come from the construction. Why split
//! days: long days all cover the middle of the day, so one-run plans overbook it (on
//! `large_bench` by up to 170 participants a slot); a planned break for a few short days frees
//! it at a known cost of one break each, where the overbooking left to the sweep broke whoever
//! was unlucky, often more than once.

use std::time::Instant;

use super::inst::{Inst, has, set_bit};
use crate::rng::Rng;

/// Slots each participant may meet in: the union of its meetings' allowed slots, `P × w`.
pub fn open_slots(inst: &Inst<'_>) -> Vec<u64> {
    let w = inst.w;
    let mut open = vec![0u64; inst.p.participants.len() * w];
    for (m, mt) in inst.p.meetings.iter().enumerate() {
        for who in [mt.a as usize, mt.b as usize] {
            for (k, &b) in inst.allowed(m).iter().enumerate() {
                open[who * w + k] |= b;
            }
        }
    }
    open
}

/// Costs of a candidate run, compared lexicographically by their weighted sum.
const CLOSED: i64 = 1 << 30;
const NO_OVERLAP: i64 = 1 << 20;
/// Per slot of overlap with a partner's day short of `SNUG`. A partner met in one of a few
/// shared slots competes for them with every other partner there, and the sweep then leaves
/// someone idle mid-run. Measured on `large_bench` (2,000 participants, full tables, 2
/// threads, 10 s, 4–8 seeds): 565–567 breaks on average against 596 with only the no-overlap
/// cost; 512 per slot gave 571 and 1,024 569; 6 or 10 slots, or a share of the shorter day,
/// did worse.
const SNUG: usize = 8;
const THIN: i64 = 768;
const OVER_CAPACITY: i64 = 1 << 12;

/// A participant's planned day: `[start, start + first)`, then `[resume, resume + rest)` for
/// the rest of its meetings (one planned break). Without a break, `first` is the whole day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Run {
    pub start: u16,
    pub first: u16,
    pub resume: u16,
}

impl Run {
    fn single(start: usize, d: usize) -> Run {
        Run {
            start: start as u16,
            first: d as u16,
            resume: (start + d) as u16,
        }
    }

    /// Whether the day has a planned break.
    pub fn split(&self) -> bool {
        self.resume > self.start + self.first
    }

    /// Whether the day is planned idle in slot `t` between its two parts.
    pub fn planned_idle(&self, t: usize) -> bool {
        t >= (self.start + self.first) as usize && t < self.resume as usize
    }

    /// The two parts as slot ranges (the second may be empty).
    fn parts(&self, d: usize) -> [std::ops::Range<usize>; 2] {
        let (s, f, r) = (
            self.start as usize,
            self.first as usize,
            self.resume as usize,
        );
        [s..s + f, r..r + d - f]
    }

    /// Slots this day (of `d` meetings) shares with `o` (of `od`).
    fn overlap(&self, d: usize, o: &Run, od: usize) -> usize {
        let mut n = 0;
        for x in self.parts(d) {
            for y in o.parts(od) {
                n += x.end.min(y.end).saturating_sub(x.start.max(y.start));
            }
        }
        n
    }
}

/// The planned day of every participant (empty at 0 for those without meetings). `split` is
/// the plan cost of a planned break: a break where the capacity cannot hold the one-run days
/// is cheaper planned (the matching then picks partners for it) than left to the sweep.
/// `kind` prices days that do not fit their partners' (see `Kind`). Every participant's day
/// is planned again in each round, against its partners' latest days, for at least
/// `MIN_ROUNDS` rounds, then while `until` is ahead, up to `MAX_ROUNDS` or until a round
/// changes no day.
pub fn plan(inst: &Inst<'_>, rng: &mut Rng, split: i64, kind: Kind, until: Instant) -> Vec<Run> {
    let np = inst.p.participants.len();
    let slots = inst.slots;
    let open = open_slots(inst);
    let deg: Vec<usize> = inst.of.iter().map(|ms| ms.len().min(slots)).collect();
    let cap: Vec<i64> = inst.p.tables.iter().map(|&k| 2 * k as i64).collect();
    let mut load = vec![0i64; slots];
    let mut runs = vec![Run::default(); np];
    let mut planned = vec![false; np];
    // Longest days first: they have the fewest possible starts.
    let mut order: Vec<u32> = (0..np as u32).collect();
    for i in (1..np).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order.sort_by_key(|&p| std::cmp::Reverse(deg[p as usize]));
    let mut partners: Vec<(Run, usize, u32)> = Vec::new();
    let mut fit = Fit::new(inst);
    let mut pre = vec![0i64; slots + 1];
    for round in 0..MAX_ROUNDS {
        if round >= MIN_ROUNDS && Instant::now() >= until {
            break;
        }
        let mut changed = false;
        for &p in &order {
            let p = p as usize;
            let d = deg[p];
            if d == 0 {
                continue;
            }
            if round > 0 {
                for r in runs[p].parts(d) {
                    load[r].iter_mut().for_each(|l| *l -= 1);
                }
            }
            partners.clear();
            partners.extend(inst.of[p].iter().filter_map(|&m| {
                let mt = &inst.p.meetings[m as usize];
                let q = if mt.a as usize == p { mt.b } else { mt.a } as usize;
                planned[q].then_some((runs[q], deg[q], m))
            }));
            fit.partners(inst, &partners);
            // Cost of p in each slot, summed: any part's cost is a difference.
            let bits = &open[p * inst.w..(p + 1) * inst.w];
            for t in 0..slots {
                let l = load[t];
                let c = if has(bits, t) { 0 } else { CLOSED }
                    + (l + 1 - cap[t]).max(0) * OVER_CAPACITY
                    // Spreads days towards emptier slots. Its weight made no difference that
                    // outlasts the noise (ninth session, `large_bench` seeds 1–4, mean final
                    // breaks: 256 568.0, 64 580.2, 1,024 583.5, 4,096 564.5; quadratic in the
                    // load 569.7 and 565.2; one setting varies by ±10 from seed to seed).
                    + l * 256 / cap[t].max(1);
                pre[t + 1] = pre[t] + c;
            }
            let span = |a: usize, b: usize| pre[b] - pre[a];
            let mut partner_cost = |r: &Run| {
                let thin = partners
                    .iter()
                    .map(|(q, qd, _)| match r.overlap(d, q, *qd) {
                        0 => NO_OVERLAP,
                        ov => SNUG.saturating_sub(ov) as i64 * kind.thin,
                    })
                    .sum::<i64>();
                thin + fit.short(r, d, partners.len(), inst.of[p].len()) as i64 * kind.unfit
            };
            let mut best = (i64::MAX, Run::default(), 0u32);
            for s in 0..=slots - d {
                let r = Run::single(s, d);
                consider(&mut best, span(s, s + d) + partner_cost(&r), r, rng);
            }
            if split > 0 && d >= 2 {
                // The cheapest split by slot cost alone, then priced with its partners.
                let mut bs = (i64::MAX, Run::default(), 0u32);
                for s in 0..slots - d {
                    for f in 1..d {
                        let head = span(s, s + f) + split;
                        if head >= bs.0 {
                            continue;
                        }
                        for r in s + f + 1..=slots - (d - f) {
                            let c = head + span(r, r + d - f);
                            let run = Run {
                                start: s as u16,
                                first: f as u16,
                                resume: r as u16,
                            };
                            consider(&mut bs, c, run, rng);
                        }
                    }
                }
                if bs.0 < best.0 {
                    let r = bs.1;
                    consider(&mut best, bs.0 + partner_cost(&r), r, rng);
                }
            }
            changed |= runs[p] != best.1;
            runs[p] = best.1;
            planned[p] = true;
            for r in best.1.parts(d) {
                load[r].iter_mut().for_each(|l| *l += 1);
            }
        }
        if !changed {
            break;
        }
    }
    runs
}

/// Rounds of planning: each round plans every day again against its partners' latest days.
/// Measured (fifteenth session, 2 threads, 10 s, one plan of each kind per thread): 8 rounds
/// against 3 gave 563.3 breaks against 568.2 on average on `large_bench` (6 runs each) and 94
/// against 129 on the planted instance (3 runs each); the days filled by the sweep, before
/// annealing, kept improving up to 20 rounds (720, 700, 672, 660 and 643 breaks on
/// `large_bench` after 3, 5, 8, 12 and 20). But a round costs about 0.06 s at 2,000
/// participants, and 16 rounds, past the planning share of 10 s, left the sweep no time for
/// its alternating paths (about 1,000 breaks). Hence rounds while time is left. Since the
/// sixteenth session the planning share is a third of the time (see `FULL` in the
/// parent module) and the cap 60 rounds: at 2,000 participants and 10 s the first plan's
/// rounds then stop on time, not on the cap (12 and 20 rounds did worse, 100 no better).
const MIN_ROUNDS: usize = 3;
const MAX_ROUNDS: usize = 60;

/// How a plan prices a day whose slots its partners' days cannot fill, each with a meeting of
/// its own (see `Fit::short`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// Per meeting left without such a slot.
    pub unfit: i64,
    /// Per slot of overlap with a partner's day short of `SNUG`.
    pub thin: i64,
}

/// Plans that weigh the tables first and the fit a little.
///
/// Why two kinds: measured (fifteenth session, 2 threads, 10 s, one kind at a time), on
/// `large_bench` (2,000 participants, 12 runs each) the fit priced as `STRICT` ended at 597
/// breaks on average, as here 570, and not at all 583; on a planted instance with nearly full
/// tables (`planted_bench`, 17 planted breaks, 3 runs each) 300, 607 and 735. Demand there fits
/// the tables exactly when the days fit together; on `large_bench` it does not, and the strict
/// price overbooks the tables for days that cannot all be held.
pub const LOOSE: Kind = Kind {
    unfit: 1 << 16,
    thin: THIN,
};

/// Plans that make the days fit together first: an unfit meeting costs as much as a partner
/// whose day does not overlap at all, and thin overlaps cost nothing (the fit already asks
/// what they approximated; with them the planted instance ended at about 260 breaks, without
/// at about 130).
pub const STRICT: Kind = Kind {
    unfit: NO_OVERLAP,
    thin: 0,
};

/// Scratch for `Fit::short`.
struct Fit {
    w: usize,
    /// Each planned partner's slots that its meeting may use (`w` words each).
    theirs: Vec<u64>,
    /// The same within the candidate day.
    masks: Vec<u64>,
    /// The candidate day's slots.
    day: Vec<u64>,
    /// The meeting holding each slot of the day, or `u32::MAX`.
    holder: Vec<u32>,
    seen: Vec<u64>,
}

impl Fit {
    fn new(inst: &Inst<'_>) -> Fit {
        Fit {
            w: inst.w,
            theirs: Vec::new(),
            masks: Vec::new(),
            day: vec![0; inst.w],
            holder: vec![u32::MAX; inst.slots],
            seen: vec![0; inst.w],
        }
    }

    /// Records the planned partners (day, meetings, meeting) of the participant being planned.
    fn partners(&mut self, inst: &Inst<'_>, partners: &[(Run, usize, u32)]) {
        let w = self.w;
        self.theirs.clear();
        self.theirs.resize(partners.len() * w, 0);
        for (i, (q, qd, m)) in partners.iter().enumerate() {
            let row = &mut self.theirs[i * w..(i + 1) * w];
            for t in q.parts(*qd).into_iter().flatten() {
                set_bit(row, t);
            }
            for (x, a) in row.iter_mut().zip(inst.allowed(*m as usize)) {
                *x &= a;
            }
        }
    }

    /// How many of day `r`'s `d` slots cannot each hold a different meeting with a planned
    /// partner (of `planned`, recorded by `partners`) whose day covers that slot too: a
    /// maximum matching, where the `all - planned` partners not yet planned may take any slot
    /// left. Why: a day its partners cannot fill slot by slot breaks whatever the sweep does,
    /// and overlap with each partner alone does not see several partners sharing the same
    /// few slots.
    fn short(&mut self, r: &Run, d: usize, planned: usize, all: usize) -> usize {
        self.day.iter_mut().for_each(|x| *x = 0);
        for t in r.parts(d).into_iter().flatten() {
            set_bit(&mut self.day, t);
        }
        self.masks.clear();
        self.masks.extend_from_slice(&self.theirs);
        for row in self.masks.chunks_mut(self.w) {
            row.iter_mut().zip(&self.day).for_each(|(x, d)| *x &= d);
        }
        self.holder.iter_mut().for_each(|h| *h = u32::MAX);
        let mut matched = 0;
        for i in 0..planned {
            self.seen.iter_mut().for_each(|s| *s = 0);
            if self.augment(i) {
                matched += 1;
            }
        }
        d.saturating_sub(matched + (all - planned))
    }

    /// Kuhn's augmenting path from meeting `i`.
    fn augment(&mut self, i: usize) -> bool {
        let w = self.w;
        for k in 0..w {
            let mut bits = self.masks[i * w + k] & !self.seen[k];
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                self.seen[k] |= 1 << b;
                let t = k * 64 + b;
                let h = self.holder[t];
                if h == u32::MAX || self.augment(h as usize) {
                    self.holder[t] = i as u32;
                    return true;
                }
            }
        }
        false
    }
}

/// Keeps the cheaper of `best` and (`cost`, `r`), uniformly at random among equals.
fn consider(best: &mut (i64, Run, u32), cost: i64, r: Run, rng: &mut Rng) {
    if cost < best.0 {
        *best = (cost, r, 1);
    } else if cost == best.0 {
        best.2 += 1;
        if rng.below(best.2 as usize) == 0 {
            best.1 = r;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{GenParams, PlantParams, generate, planted};
    use crate::heuristic::state::{NONE, State, Weights};
    use crate::model::{Meeting, Participant, Problem, Session};

    fn far() -> Instant {
        Instant::now() + std::time::Duration::from_secs(600)
    }

    /// Breaks and meetings left out when the sweep fills `runs` (with all the time it needs).
    fn filled(inst: &Inst<'_>, rng: &mut Rng, runs: &[Run]) -> (u64, u32) {
        let slots = super::super::sweep::fill(inst, rng, far(), runs);
        let mut st = State::new(inst, Weights::default(), Vec::new());
        for (m, &t) in slots.iter().enumerate() {
            if t != NONE {
                st.place(inst, m, t);
            }
        }
        (st.breaks, st.unplaced)
    }

    #[test]
    fn a_day_its_partners_cannot_fill_slot_by_slot_is_short() {
        // Participant 0 meets 1, 2 and 3 in a day of three slots, [0, 3).
        let mt = |b| Meeting {
            a: 0,
            b,
            weight: 1,
            session: None,
            fixed: None,
            after: Vec::new(),
        };
        let p = Problem {
            name: "fit".into(),
            slots: 6,
            sessions: vec![Session {
                name: "day".into(),
                start: 0,
                len: 6,
            }],
            tables: vec![2; 6],
            participants: vec![Participant::default(); 4],
            meetings: vec![mt(1), mt(2), mt(3)],
            max_breaks: None,
            require_all: false,
            idle_spans_sessions: true,
        };
        let inst = Inst::new(&p);
        let mut fit = Fit::new(&inst);
        let day = Run::single(0, 3);
        let short = |fit: &mut Fit, theirs: &[Run]| {
            let partners: Vec<(Run, usize, u32)> = theirs
                .iter()
                .enumerate()
                .map(|(m, r)| (*r, r.first as usize, m as u32))
                .collect();
            fit.partners(&inst, &partners);
            fit.short(&day, 3, partners.len(), 3)
        };
        // Each partner overlaps the day, but all three only in slot 0: two slots stay empty.
        let one = Run::single(0, 1);
        assert_eq!(short(&mut fit, &[one, one, one]), 2);
        // One each in slots 0, 1 and 2: the day fills.
        let stairs = [Run::single(0, 1), Run::single(1, 1), Run::single(2, 1)];
        assert_eq!(short(&mut fit, &stairs), 0);
        // Overlaps of 2, 2 and 1 slots that leave slot 2 to nobody: one short (a matching, not
        // a count of overlaps, which would call this day full).
        let crowded = [Run::single(0, 2), Run::single(0, 2), Run::single(1, 1)];
        assert_eq!(short(&mut fit, &crowded), 1);
        // A partner not yet planned can take any slot left.
        assert_eq!(short(&mut fit, &[one, one]), 1);
        // The day of a split run counts only its two parts.
        let split = Run {
            start: 0,
            first: 1,
            resume: 4,
        };
        let partners = [(Run::single(3, 2), 2, 0), (Run::single(4, 1), 1, 1)];
        fit.partners(&inst, &partners);
        assert_eq!(fit.short(&split, 3, 2, 3), 1);
    }

    #[test]
    fn on_a_planted_instance_fitting_days_leave_fewer_breaks() {
        let pl = planted(&PlantParams {
            participants: 400,
            seed: 2,
            slots_per_session: 8,
            day: (3, 12),
            ..PlantParams::default()
        });
        let inst = Inst::new(&pl.problem);
        let far = far();
        let breaks = |unfit| {
            let mut rng = Rng::new(1);
            let kind = Kind { unfit, thin: 0 };
            let runs = plan(&inst, &mut rng, 1 << 19, kind, far);
            filled(&inst, &mut rng, &runs)
        };
        let (none, strict) = (breaks(0), breaks(STRICT.unfit));
        assert!(
            strict.0 * 3 / 2 < none.0,
            "strict {strict:?}, none {none:?}"
        );
        assert!(strict.1 <= none.1 + 4, "strict {strict:?}, none {none:?}");
    }

    #[test]
    fn rounds_while_time_lasts_give_days_that_fill_better() {
        // A deadline already past allows `MIN_ROUNDS` rounds; a far one up to `MAX_ROUNDS`,
        // or until a round changes nothing.
        // The shape of `large_bench`, smaller.
        let (p, _) = generate(&GenParams {
            participants: 400,
            seed: 7,
            slots_per_session: Some(16),
            requests: (6, 16),
            ..GenParams::default()
        });
        let inst = Inst::new(&p);
        let cost = |until: Instant, seed: u64| {
            let mut rng = Rng::new(seed);
            let runs = plan(&inst, &mut rng, 1 << 19, LOOSE, until);
            let (breaks, unplaced) = filled(&inst, &mut rng, &runs);
            breaks + u64::from(unplaced)
        };
        let (few, many): (u64, u64) = (1..4)
            .map(|seed| (cost(Instant::now(), seed), cost(far(), seed)))
            .fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
        // Deterministic (seeded, and the fill has all the time it needs); measured 391 against
        // 446.
        assert!(many * 20 < few * 19, "many rounds {many}, few {few}");
    }

    #[test]
    fn split_runs_have_two_parts_and_a_gap() {
        let r = Run {
            start: 1,
            first: 2,
            resume: 6,
        };
        assert!(r.split());
        assert_eq!(r.parts(5), [1..3, 6..9]);
        assert!(!r.planned_idle(2) && r.planned_idle(3) && r.planned_idle(5));
        assert!(!r.planned_idle(6));
        let whole = Run::single(3, 3);
        assert!(!whole.split() && !whole.planned_idle(7));
        assert_eq!(r.overlap(5, &whole, 3), 0);
        assert_eq!(r.overlap(5, &Run::single(8, 2), 2), 1);
        assert_eq!(r.overlap(5, &Run::single(0, 9), 9), 5);
    }

    #[test]
    fn overbooked_middle_is_split() {
        // Every participant meets in 6 of 8 slots, so one-run days all cover slots 2..6; with
        // tables for half of them there, some days must be split to fit.
        let (mut p, _) = generate(&GenParams {
            participants: 60,
            seed: 4,
            slots_per_session: Some(4),
            requests: (3, 3),
            restricted_share: 0.0,
            ..GenParams::default()
        });
        let inst = Inst::new(&p);
        let busy: usize = inst.of.iter().map(|ms| ms.len()).sum();
        let per_slot = busy.div_ceil(2 * p.slots as usize) as u32 + 1;
        for t in &mut p.tables {
            *t = per_slot;
        }
        let inst = Inst::new(&p);
        let split = plan(&inst, &mut Rng::new(2), 1, LOOSE, far());
        let whole = plan(&inst, &mut Rng::new(2), 0, LOOSE, far());
        let over = |runs: &[Run]| {
            let mut load = vec![0i64; inst.slots];
            for (who, r) in runs.iter().enumerate() {
                for part in r.parts(inst.of[who].len()) {
                    load[part].iter_mut().for_each(|l| *l += 1);
                }
            }
            load.iter()
                .zip(&p.tables)
                .map(|(&l, &k)| (l - 2 * k as i64).max(0))
                .sum::<i64>()
        };
        assert!(split.iter().any(|r| r.split()));
        assert!(whole.iter().all(|r| !r.split()));
        assert!(
            over(&split) < over(&whole),
            "{} {}",
            over(&split),
            over(&whole)
        );
    }

    #[test]
    fn runs_fit_the_day_and_the_tables() {
        let (mut p, _) = generate(&GenParams {
            participants: 150,
            seed: 11,
            slots_per_session: Some(8),
            ..GenParams::default()
        });
        // Roomy tables: a plan within twice the tables per slot exists, so it must be found.
        for t in &mut p.tables {
            *t *= 2;
        }
        let inst = Inst::new(&p);
        let runs = plan(&inst, &mut Rng::new(1), 0, LOOSE, far());
        let mut load = vec![0u32; inst.slots];
        for (who, r) in runs.iter().enumerate() {
            let d = inst.of[who].len();
            assert_eq!(r.first as usize, d, "participant {who}");
            for part in r.parts(d) {
                assert!(part.end <= inst.slots, "participant {who}");
                for l in &mut load[part] {
                    *l += 1;
                }
            }
        }
        for (t, &l) in load.iter().enumerate() {
            assert!(l <= 2 * p.tables[t], "slot {t}: {l} runs");
        }
        // Partners share as many slots as their days allow, up to `SNUG`, nearly always (844
        // of 845 meetings here; 756 with only the no-overlap cost).
        let snug = p
            .meetings
            .iter()
            .filter(|mt| {
                let (a, b) = (mt.a as usize, mt.b as usize);
                let (da, db) = (inst.of[a].len(), inst.of[b].len());
                runs[a].overlap(da, &runs[b], db) >= da.min(db).min(SNUG)
            })
            .count();
        assert!(
            snug * 100 >= p.meetings.len() * 95,
            "{snug} of {}",
            p.meetings.len()
        );
    }
}
