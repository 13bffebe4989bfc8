//! The instance generator: deterministic, and shaped as documented.

use corridor_schedule::generate::{GenParams, generate};
use corridor_schedule::json::write_instance;

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
