//! Large-instance benchmark:
//! `cargo run --release --example large_bench [participants] [seconds] [tables factor] [threads] [seed] [instance seed]`.
//!
//! Generates an instance (2,000 participants, about 20,000 requests by default), runs first fit
//! and the solver (2 threads unless given), then a one-cancellation incremental re-optimisation, and prints
//! placed meetings, breaks, bound, time and peak memory (VmHWM, read here only: the library
//! does no I/O).

use std::time::{Duration, Instant};

use corridor_schedule::generate::{GenParams, generate};
use corridor_schedule::heuristic;
use corridor_schedule::incremental::{Change, apply_change, reoptimise};
use corridor_schedule::model::Options;
use corridor_schedule::solve::solve;
use corridor_schedule::validate::validate;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let secs: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10.0);
    // Optional sixth argument: the generator's seed (default 7), for a ladder of instances.
    let instance_seed: u64 = args.get(6).and_then(|s| s.parse().ok()).unwrap_or(7);
    let params = GenParams {
        participants: n,
        seed: instance_seed,
        slots_per_session: Some(16),
        requests: (6, 16),
        ..GenParams::default()
    };
    let (mut p, _names) = generate(&params);
    // Optional third argument: scale the tables (capacity slack decides much of the result).
    if let Some(f) = args.get(3).and_then(|s| s.parse::<f64>().ok()) {
        for t in &mut p.tables {
            *t = (*t as f64 * f).round() as u32;
        }
    }
    // Optional fourth argument: solver threads (default 2).
    let threads: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(2);
    // Optional fifth argument: the solver's seed (default 1), to measure the spread of results.
    let seed: u64 = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(1);
    let m = p.meetings.len();
    println!(
        "instance: {} participants, {m} requests, {} slots, {} tables/slot",
        n, p.slots, p.tables[0]
    );

    let t = Instant::now();
    let ff = heuristic::first_fit(&p);
    let ffo = validate(&p, &ff).expect("first fit is valid");
    println!(
        "first-fit: placed {}/{m} ({:.2} %), breaks {}, max/participant {}, {:.2} s",
        ffo.scheduled_meetings,
        100.0 * ffo.scheduled_meetings as f64 / m as f64,
        ffo.breaks,
        ffo.max_breaks_per_participant,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let b = heuristic::bound(&p);
    println!(
        "bound: at least {} breaks, {:.3} s",
        b.breaks,
        t.elapsed().as_secs_f64()
    );

    let o = Options {
        time_limit: Duration::from_secs_f64(secs),
        threads,
        initial: None,
        progress: None,
        seed,
    };
    let out = solve(&p, &o);
    let obj = out.objective.unwrap_or_default();
    println!(
        "solver: status {:?}, placed {}/{m}, weight {}/{}, breaks {}, bound {}, max/participant {}, table changes {}, {:.2} s",
        out.status,
        obj.scheduled_meetings,
        obj.scheduled_weight,
        out.weight_upper_bound,
        obj.breaks,
        out.breaks_lower_bound,
        obj.max_breaks_per_participant,
        obj.table_changes,
        out.elapsed.as_secs_f64()
    );
    let Some(published) = out.schedule else {
        return;
    };

    // One cancellation: the busiest participant withdraws.
    let busiest = (0..p.participants.len() as u32)
        .max_by_key(|&x| {
            p.meetings
                .iter()
                .filter(|mt| mt.a == x || mt.b == x)
                .count()
        })
        .unwrap_or(0);
    let change = Change {
        cancel_participants: vec![busiest],
        ..Change::default()
    };
    let (p2, old_to_new) = apply_change(&p, &change).expect("valid change");
    let o2 = Options {
        time_limit: Duration::from_secs(1),
        threads,
        initial: None,
        progress: None,
        seed: 2,
    };
    let t = Instant::now();
    let (out2, moved) = reoptimise(&p2, &published, &old_to_new, &o2);
    let obj2 = out2.objective.unwrap_or_default();
    println!(
        "incremental (cancel busiest participant): {:.3} s, moved {moved} of {} kept meetings ({:.2} %), placed {}/{}, breaks {}",
        t.elapsed().as_secs_f64(),
        p2.meetings.len(),
        100.0 * moved as f64 / p2.meetings.len().max(1) as f64,
        obj2.scheduled_meetings,
        p2.meetings.len(),
        obj2.breaks
    );
    println!("peak RSS: {:.1} MB", peak_rss_mb());
}
