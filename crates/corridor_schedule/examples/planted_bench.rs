//! Planted-instance benchmark:
//! `cargo run --release --example planted_bench [participants] [seconds] [flatten 0/1] [threads] [seed] [instance seed]`.
//!
//! Generates an instance around a known schedule (see `generate::planted`; 2,000 participants,
//! days of 6–20 of 32 slots, flattened load by default), then prints the planted schedule's
//! breaks, first fit's and the solver's, and the solver's proven bound. The planted breaks
//! bound the optimum from above, so the solver's distance from them is its own, whatever its
//! bound says.

use std::time::{Duration, Instant};

use corridor_schedule::generate::{PlantParams, planted};
use corridor_schedule::heuristic;
use corridor_schedule::model::Options;
use corridor_schedule::solve::solve;
use corridor_schedule::validate::validate;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize| args.get(i).and_then(|s| s.parse::<f64>().ok());
    let g = PlantParams {
        participants: arg(1).map_or(2000, |x| x as usize),
        flatten: arg(3).is_none_or(|x| x != 0.0),
        seed: arg(6).map_or(1, |x| x as u64),
        ..PlantParams::default()
    };
    let secs = arg(2).unwrap_or(10.0);
    let threads = arg(4).map_or(2, |x| x as usize);
    let seed = arg(5).map_or(1, |x| x as u64);
    let pl = planted(&g);
    let p = &pl.problem;
    let m = p.meetings.len();
    let plan = validate(p, &pl.schedule).expect("the planted schedule is valid");
    let fill = m as f64 / (p.tables[0] as f64 * p.slots as f64);
    println!(
        "instance {}: {} participants, {m} requests, {} slots, {} tables/slot ({:.0} % used)",
        p.name,
        p.participants.len(),
        p.slots,
        p.tables[0],
        100.0 * fill
    );
    println!("planted: breaks {}", plan.breaks);
    let t = Instant::now();
    let ff = heuristic::first_fit(p);
    let ffo = validate(p, &ff).expect("first fit is valid");
    println!(
        "first-fit: placed {}/{m}, breaks {}, {:.2} s",
        ffo.scheduled_meetings,
        ffo.breaks,
        t.elapsed().as_secs_f64()
    );
    let o = Options {
        time_limit: Duration::from_secs_f64(secs),
        threads,
        initial: None,
        progress: None,
        seed,
    };
    let out = solve(p, &o);
    let obj = out.objective.unwrap_or_default();
    println!(
        "solver: status {:?}, placed {}/{m}, breaks {}, bound {}, planted {}, {:.2} s",
        out.status,
        obj.scheduled_meetings,
        obj.breaks,
        out.breaks_lower_bound,
        plan.breaks,
        out.elapsed.as_secs_f64()
    );
}
