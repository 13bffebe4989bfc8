//! The instance generators: deterministic, and shaped as documented.

use std::collections::HashSet;

use corridor_schedule::generate::{GenParams, PlantParams, generate, planted};
use corridor_schedule::heuristic::first_fit;
use corridor_schedule::json::write_instance;
use corridor_schedule::validate::validate;

fn params(n: usize, seed: u64) -> GenParams {
    GenParams {
        participants: n,
        seed,
        ..GenParams::default()
    }
}

#[test]
fn the_same_seed_gives_the_same_instance() {
    let (a, an) = generate(&params(300, 42));
    let (b, bn) = generate(&params(300, 42));
    assert_eq!(a, b);
    assert_eq!(write_instance(&a, &an), write_instance(&b, &bn));
    let (c, _) = generate(&params(300, 43));
    assert_ne!(a, c);
}

#[test]
fn the_output_for_a_fixed_seed_never_changes() {
    // Pins the PRNG and the generator: a change here changes every published benchmark.
    let (p, _) = generate(&params(100, 1));
    let m = &p.meetings;
    let fingerprint: u64 = m.iter().fold(p.slots as u64, |h, x| {
        h.wrapping_mul(31)
            .wrapping_add((x.a * 1000 + x.b) as u64 + x.weight as u64)
    });
    assert_eq!(
        (p.slots, m.len(), p.tables[0]),
        GOLDEN.0,
        "fingerprint {fingerprint}"
    );
    assert_eq!(fingerprint, GOLDEN.1);
}

const GOLDEN: ((u16, usize, u32), u64) = ((28, 871, 35), 13700837741925820897);

#[test]
fn degrees_requests_and_restrictions_have_the_documented_shape() {
    let (p, _) = generate(&params(2000, 7));
    let n = p.participants.len();
    let per_session = p.sessions[0].len as usize;
    assert_eq!(p.sessions.len(), 2);
    assert!((8..=16).contains(&per_session));
    let mut degree = vec![0usize; n];
    let mut requested = vec![0usize; n];
    let mut pairs = std::collections::HashSet::new();
    for m in &p.meetings {
        degree[m.a as usize] += 1;
        degree[m.b as usize] += 1;
        requested[m.a as usize] += 1;
        assert!(pairs.insert((m.a.min(m.b), m.a.max(m.b))), "duplicate pair");
        assert!((1..=3).contains(&m.weight));
    }
    assert!(requested.iter().all(|&r| r <= 15));
    let mean = p.meetings.len() as f64 / n as f64;
    assert!(
        (7.0..=12.0).contains(&mean),
        "mean requests per participant {mean}"
    );
    for (who, part) in p.participants.iter().enumerate() {
        let available = p.slots as usize - part.forbidden.len();
        assert!(
            degree[who] <= available,
            "participant {who} cannot fit its meetings"
        );
    }
    let restricted = p
        .participants
        .iter()
        .filter(|x| !x.forbidden.is_empty())
        .count() as f64
        / n as f64;
    assert!(
        (0.15..=0.25).contains(&restricted),
        "restricted share {restricted}"
    );
    // Skew: the most attractive 5 % of participants receive far more than 5 % of the requests
    // (capped by their available slots, which is what keeps them schedulable).
    let mut incoming = vec![0usize; n];
    for m in &p.meetings {
        incoming[m.b as usize] += 1;
    }
    incoming.sort_unstable_by(|a, b| b.cmp(a));
    let top: usize = incoming[..n / 20].iter().sum();
    let share = top as f64 / p.meetings.len() as f64;
    assert!(share > 0.08, "top share {share}");
    let cap = p.tables[0] as usize * p.slots as usize;
    assert!(cap >= p.meetings.len(), "the tables can hold every request");
    assert!(!p.require_all);
}

fn planted_params(n: usize, flatten: bool, seed: u64) -> PlantParams {
    PlantParams {
        participants: n,
        seed,
        slots_per_session: 8,
        day: (3, 12),
        flatten,
        ..PlantParams::default()
    }
}

#[test]
fn a_planted_instance_holds_its_schedule_with_nearly_no_breaks() {
    let pl = planted(&planted_params(400, true, 3));
    let p = &pl.problem;
    let obj = validate(p, &pl.schedule).expect("the planted schedule is valid");
    assert_eq!(obj.scheduled_meetings as usize, p.meetings.len());
    assert!(
        p.meetings.len() > 400 * 3 / 2,
        "{} meetings",
        p.meetings.len()
    );
    // Breaks only where a participant found no partner left in its day: a few per hundred.
    assert!(obj.breaks * 50 <= 400, "{} planted breaks", obj.breaks);
    // The tables are the busiest slot's meetings, so at least one slot is full.
    let mut used = vec![0u32; p.slots as usize];
    for pc in &pl.schedule.placements {
        used[pc.slot as usize] += 1;
    }
    assert_eq!(used.iter().max(), p.tables.iter().max());
    let mut pairs = HashSet::new();
    for m in &p.meetings {
        assert_ne!(m.a, m.b);
        assert!(pairs.insert((m.a.min(m.b), m.a.max(m.b))), "duplicate pair");
    }
    // Restricted participants: someone is forbidden a whole session, someone a few slots.
    let per = p.sessions[0].len as usize;
    assert!(p.participants.iter().any(|x| x.forbidden.len() == per));
    assert!(
        p.participants
            .iter()
            .any(|x| (1..=3).contains(&x.forbidden.len()))
    );
    // Request order gives nothing away: first fit in that order breaks days everywhere.
    let ff = validate(p, &first_fit(p)).expect("first fit is valid");
    assert!(
        ff.breaks > 10 * obj.breaks.max(10),
        "first fit {}",
        ff.breaks
    );
}

#[test]
fn flattened_planted_days_fill_the_tables() {
    let fill = |flatten| {
        let pl = planted(&planted_params(400, flatten, 5));
        let p = &pl.problem;
        p.meetings.len() as f64 / (p.tables[0] as f64 * p.slots as f64)
    };
    let (flat, random) = (fill(true), fill(false));
    assert!(flat > 0.9, "flattened: {flat:.2} of the tables used");
    assert!(
        random < flat - 0.1,
        "random {random:.2}, flattened {flat:.2}"
    );
}

#[test]
fn the_same_seed_plants_the_same_instance() {
    let a = planted(&planted_params(200, true, 9));
    let b = planted(&planted_params(200, true, 9));
    assert_eq!(a.problem, b.problem);
    assert_eq!(a.schedule, b.schedule);
    assert_ne!(a.problem, planted(&planted_params(200, true, 10)).problem);
}
