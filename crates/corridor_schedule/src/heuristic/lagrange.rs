//! A Lagrangian lower bound on breaks from the tables' capacity.
//!
//! Relax which partner meets when: each participant only has to be busy in as many of its
//! usable slots as it has meetings (its fixed slots and per-session needs kept), and in each
//! slot at most twice the tables' count of participants may be busy. Pricing each slot's seats
//! with λ ≥ 0, every participant picks its cheapest day (breaks plus the prices of its busy
//! slots) by a small dynamic programme, and Σ cheapest − Σ λ·seats is a lower bound on the
//! breaks of every schedule holding all meetings, for every λ ≥ 0. Subgradient steps raise it
//! towards the linear relaxation of that day-pattern model.
//!
//! It sees what the cheap bound's single windows (`bound::window_bound`) cannot: a day that
//! dodges one full window must cross another. On the 2,000-participant instance of
//! `examples/large_bench` it gives 285 after 200 steps (0.5 s on 2 threads) and 290 when it
//! settles after about 750 (1.8 s), where the cheap bound gives 191. On the public instances
//! it is above the cheap bound on 10 of the 200 runs (e.g. 5, the optimum, on
//! `forumt-14crafe.original`, where the cheap bound gives 4), but not on the slow
//! `crafb`/`crafc` runs (the same 3 and 0), and those ten took 0.2–7.7 s anyway, so `solve`
//! uses it on large instances only. Being a relaxation of the pairing, it cannot see breaks
//! that the partners' days force (thirteenth session).

use std::collections::HashMap;
use std::time::Instant;

use super::bound::{DayNeeds, day_needs, session_index};
use super::inst::Inst;

/// One participant's day constraints; participants alike share one.
#[derive(Hash, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Kind {
    deg: usize,
    usable: Vec<bool>,
    forced: Vec<bool>,
    need: Vec<usize>,
}

const INF: f64 = f64::INFINITY;

/// The deflection factor of the subgradient direction (1.5 is the usual choice; 1.0 and 1.8
/// gave 248 and 263 after 100 steps on `large_bench`'s instance, against 264).
const DEFLECTION: f64 = 1.5;

/// Reused buffers for `cheapest`: per layer and state, the cost, the predecessor state and
/// the slot made busy (`NO_SLOT` for none).
#[derive(Default)]
struct Scratch {
    cost: Vec<f64>,
    pred: Vec<u32>,
    slot: Vec<u16>,
}

const NO_SLOT: u16 = u16::MAX;

/// Cheapest day of `k` under prices `lambda`: its cost and busy slots (`None` if impossible).
fn cheapest(
    inst: &Inst<'_>,
    k: &Kind,
    lambda: &[f64],
    sc: &mut Scratch,
    busy: &mut Vec<usize>,
) -> Option<f64> {
    let slots = inst.slots;
    let spans = inst.p.idle_spans_sessions;
    let deg = k.deg;
    // With one or two sessions the count of meetings so far says how many fell in the first,
    // so the sessions' needs are checked at the boundary; more sessions count per session (q).
    let two = k.need.len() <= 2;
    let kmax = if two {
        1
    } else {
        k.need.iter().copied().max().unwrap_or(0) + 1
    };
    let idx = |c: usize, prev: usize, st: usize, q: usize| ((c * 2 + prev) * 2 + st) * kmax + q;
    let size = (deg + 1) * 4 * kmax;
    let (first_need, second_need) = (k.need[0], k.need.get(1).copied().unwrap_or(0));
    let max_layers = 2 * slots + 1;
    sc.cost.clear();
    sc.cost.resize(size * max_layers, INF);
    sc.pred.resize(size * max_layers, 0);
    sc.slot.resize(size * max_layers, NO_SLOT);
    sc.cost[idx(0, 0, 0, 0)] = 0.0;
    let mut layer = 0usize;
    // Relax state `to` of the next layer from state `from` of this one.
    let relax = |sc: &mut Scratch, layer: usize, from: usize, to: usize, v: f64, t: u16| {
        let e = (layer + 1) * size + to;
        if v < sc.cost[e] {
            sc.cost[e] = v;
            sc.pred[e] = from as u32;
            sc.slot[e] = t;
        }
    };
    for (t, &price) in lambda.iter().enumerate().take(slots) {
        let s = session_index(inst.p, t);
        if t > 0 && session_index(inst.p, t - 1) != s {
            let before = session_index(inst.p, t - 1);
            let prev_need = k.need[before].min(kmax - 1);
            let check = two && before == 0 && s == 1;
            for c in 0..=deg {
                if check && (c < first_need || c + second_need > deg) {
                    continue;
                }
                for prev in 0..2 {
                    for st in 0..2 {
                        for q in prev_need..kmax {
                            let i = idx(c, prev, st, q);
                            let v = sc.cost[layer * size + i];
                            if v == INF {
                                continue;
                            }
                            let (st2, prev2) = if spans { (st, prev) } else { (0, 0) };
                            relax(sc, layer, i, idx(c, prev2, st2, 0), v, NO_SLOT);
                        }
                    }
                }
            }
            layer += 1;
        }
        let cap = k.need[s].min(kmax - 1);
        for c in 0..=deg {
            for prev in 0..2 {
                for st in 0..2 {
                    for q in 0..kmax {
                        let i = idx(c, prev, st, q);
                        let v = sc.cost[layer * size + i];
                        if v == INF {
                            continue;
                        }
                        if !k.forced[t] {
                            relax(sc, layer, i, idx(c, 0, st, q), v, NO_SLOT);
                        }
                        if k.usable[t] && c < deg {
                            let cost = v + f64::from(u8::from(prev == 0 && st == 1)) + price;
                            let to = idx(c + 1, 1, 1, (q + 1).min(cap));
                            relax(sc, layer, i, to, cost, t as u16);
                        }
                    }
                }
            }
        }
        layer += 1;
    }
    let last_need = k.need.last().copied().unwrap_or(0).min(kmax - 1);
    let mut best = (INF, 0usize);
    for prev in 0..2 {
        for st in 0..2 {
            for q in last_need..kmax {
                let i = idx(deg, prev, st, q);
                let v = sc.cost[layer * size + i];
                if v < best.0 {
                    best = (v, i);
                }
            }
        }
    }
    if best.0 == INF {
        return None;
    }
    busy.clear();
    let mut i = best.1;
    for l in (1..=layer).rev() {
        let e = l * size + i;
        if sc.slot[e] != NO_SLOT {
            busy.push(sc.slot[e] as usize);
        }
        i = sc.pred[e] as usize;
    }
    Some(best.0)
}

/// The day constraints of participant `who` (who has meetings), or `None` when two of its
/// meetings are fixed to one slot.
fn kind_of(inst: &Inst<'_>, who: usize) -> Option<Kind> {
    let DayNeeds {
        usable,
        forced,
        mut need,
    } = day_needs(inst, who)?;
    // A session's need is implied (and costs the DP a dimension) when the usable slots
    // outside the session cannot hold the other meetings' surplus.
    let deg = inst.of[who].len();
    for (s, n) in need.iter_mut().enumerate() {
        let outside = (0..inst.slots)
            .filter(|&t| usable[t] && session_index(inst.p, t) != s)
            .count();
        if outside + *n <= deg {
            *n = 0;
        }
    }
    Some(Kind {
        deg,
        usable,
        forced,
        need,
    })
}

/// Participants with meetings grouped by kind, with their counts; `None` when some day is
/// impossible.
fn kinds(inst: &Inst<'_>) -> Option<Vec<(Kind, f64)>> {
    let mut map: HashMap<Kind, f64> = HashMap::new();
    for who in 0..inst.of.len() {
        if !inst.of[who].is_empty() {
            *map.entry(kind_of(inst, who)?).or_default() += 1.0;
        }
    }
    // Sorted, so that the sums, and so the bound, do not depend on the hash order.
    let mut kinds: Vec<(Kind, f64)> = map.into_iter().collect();
    kinds.sort_by(|a, b| a.0.cmp(&b.0));
    Some(kinds)
}

/// The best Lagrangian bound found by `until` (rounded up; 0 when some day is impossible, which
/// the cheap bound reports). Polyak steps towards `target`, the breaks of a known schedule;
/// the step factor halves after 20 steps without a better bound. Days are priced on up to
/// `threads` threads.
pub fn capacity_bound(inst: &Inst<'_>, target: u64, until: Instant, threads: usize) -> u64 {
    let Some(kinds) = kinds(inst) else {
        return 0;
    };
    let seats: Vec<f64> = inst.p.tables.iter().map(|&n| 2.0 * f64::from(n)).collect();
    let chunk = kinds.len().div_ceil(threads.max(1)).max(1);
    let mut scratch: Vec<Scratch> = kinds.chunks(chunk).map(|_| Scratch::default()).collect();
    let target = target as f64;
    let mut lambda = vec![0.0f64; inst.slots];
    let mut dir = vec![0.0f64; inst.slots];
    let mut best = 0.0f64;
    let (mut theta, mut since) = (1.0f64, 0);
    while Instant::now() < until && theta > 1e-4 {
        // Each chunk's priced days: (Σ count·cost, load per slot), or None if impossible.
        let parts: Vec<Option<(f64, Vec<f64>)>> = std::thread::scope(|s| {
            let handles: Vec<_> = kinds
                .chunks(chunk)
                .zip(scratch.iter_mut())
                .map(|(ks, sc)| {
                    let lambda = &lambda;
                    s.spawn(move || price(inst, ks, lambda, sc))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        });
        let mut value = 0.0;
        let mut load = vec![0.0f64; inst.slots];
        for part in parts {
            let Some((v, l)) = part else { return 0 };
            value += v;
            for (a, b) in load.iter_mut().zip(l) {
                *a += b;
            }
        }
        value -= lambda.iter().zip(&seats).map(|(l, s)| l * s).sum::<f64>();
        if value > best + 1e-9 {
            best = value;
            since = 0;
        } else {
            since += 1;
            if since >= 20 {
                theta /= 2.0;
                since = 0;
            }
        }
        // Projected subgradient: a slot with no price and spare seats cannot move.
        let mut g: Vec<f64> = load.iter().zip(&seats).map(|(l, s)| l - s).collect();
        for (g, &l) in g.iter_mut().zip(&lambda) {
            if l <= 0.0 && *g < 0.0 {
                *g = 0.0;
            }
        }
        // Deflected direction (Camerini, Fratta and Maffioli 1975): when the new subgradient
        // turns back against the last direction, keep part of that direction, so the steps stop
        // zigzagging between the congested slots. Measured on `large_bench`'s instance:
        // 264 after 100 steps and 285 after 200, against 123 and 257 with plain steps, which
        // stalled near 264.
        let dot: f64 = g.iter().zip(&dir).map(|(a, b)| a * b).sum();
        let dn: f64 = dir.iter().map(|d| d * d).sum();
        let beta = if dot < 0.0 && dn > 0.0 {
            -DEFLECTION * dot / dn
        } else {
            0.0
        };
        for (d, g) in dir.iter_mut().zip(&g) {
            *d = g + beta * *d;
        }
        let norm: f64 = dir.iter().map(|d| d * d).sum();
        if norm == 0.0 {
            break;
        }
        let step = theta * (target - value).max(0.05 * target.max(1.0)) / norm;
        for (l, d) in lambda.iter_mut().zip(&dir) {
            *l = (*l + step * d).max(0.0);
        }
    }
    // Rounding error in the sums is far below this margin.
    (best - 1e-6).ceil().max(0.0) as u64
}

/// Σ count · cheapest day over `kinds`, and the load those days put on each slot.
fn price(
    inst: &Inst<'_>,
    kinds: &[(Kind, f64)],
    lambda: &[f64],
    sc: &mut Scratch,
) -> Option<(f64, Vec<f64>)> {
    let mut busy = Vec::new();
    let mut load = vec![0.0f64; inst.slots];
    let mut value = 0.0;
    for (k, count) in kinds {
        value += count * cheapest(inst, k, lambda, sc, &mut busy)?;
        for &t in &busy {
            load[t] += count;
        }
    }
    Some((value, load))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{GenParams, generate};
    use crate::rng::Rng;

    /// The cheapest day by enumerating every set of `deg` slots (the DP's specification).
    fn by_enumeration(inst: &Inst<'_>, k: &Kind, lambda: &[f64]) -> Option<f64> {
        let slots = inst.slots;
        let mut best: Option<f64> = None;
        for set in 0u32..1 << slots {
            let busy: Vec<usize> = (0..slots).filter(|&t| set >> t & 1 == 1).collect();
            let fits = busy.len() == k.deg
                && busy.iter().all(|&t| k.usable[t])
                && (0..slots).all(|t| !k.forced[t] || set >> t & 1 == 1)
                && k.need.iter().enumerate().all(|(s, &n)| {
                    busy.iter()
                        .filter(|&&t| session_index(inst.p, t) == s)
                        .count()
                        >= n
                });
            if !fits {
                continue;
            }
            let bits = [u64::from(set)];
            let cost =
                f64::from(inst.day(&bits).breaks) + busy.iter().map(|&t| lambda[t]).sum::<f64>();
            best = Some(best.map_or(cost, |b: f64| b.min(cost)));
        }
        best
    }

    #[test]
    fn the_cheapest_day_matches_enumeration() {
        let mut rng = Rng::new(9);
        let mut sc = Scratch::default();
        let mut busy = Vec::new();
        for case in 0..400 {
            // Two sessions of 2 to 5 slots each.
            let (mut p, _) = generate(&GenParams {
                participants: 2,
                seed: case,
                slots_per_session: Some(2 + rng.below(4) as u16),
                ..GenParams::default()
            });
            p.idle_spans_sessions = case % 3 != 0;
            let inst = Inst::new(&p);
            let n = p.slots as usize;
            let usable: Vec<bool> = (0..n).map(|_| rng.below(5) != 0).collect();
            let forced: Vec<bool> = (0..n).map(|t| usable[t] && rng.below(8) == 0).collect();
            let k = Kind {
                deg: 1 + rng.below(n),
                usable,
                forced,
                need: vec![rng.below(3), rng.below(3)],
            };
            let lambda: Vec<f64> = (0..n).map(|_| rng.below(7) as f64 * 0.25).collect();
            let dp = cheapest(&inst, &k, &lambda, &mut sc, &mut busy);
            assert_eq!(dp, by_enumeration(&inst, &k, &lambda), "case {case}");
            if let Some(cost) = dp {
                // The returned day is one that costs what the DP says.
                let mut bits = [0u64];
                for &t in &busy {
                    bits[0] |= 1 << t;
                }
                let again = f64::from(inst.day(&bits).breaks)
                    + busy.iter().map(|&t| lambda[t]).sum::<f64>();
                assert_eq!(busy.len(), k.deg, "case {case}");
                assert!(
                    (again - cost).abs() < 1e-9,
                    "case {case}: {again} against {cost}"
                );
            }
        }
    }
}
