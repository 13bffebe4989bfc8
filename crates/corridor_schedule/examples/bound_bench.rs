//! The two lower bounds on breaks side by side: the cheap bound and the capacity bound.
//!
//! `cargo run --release --example bound_bench -- DIR [FILTER] [--seconds S] [--threads N]` for
//! the runs of `DIR/best-known.csv` (against their published optima), or
//! `... -- --generate N [--seconds S] [--threads N] [--target B]` for the generated instance of
//! `large_bench` with N participants (B: the breaks of a known schedule, which steers the
//! capacity bound's steps; 570 by default, `large_bench`'s result at 2,000).

use std::time::{Duration, Instant};

use corridor_schedule::dzn::parse_dzn;
use corridor_schedule::generate::{GenParams, generate};
use corridor_schedule::heuristic;
use corridor_schedule::model::Problem;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|s| s.parse::<f64>().ok())
    };
    let secs = opt("--seconds").unwrap_or(0.5);
    let threads = opt("--threads").map_or(2, |t| t as usize);
    let both = |p: &Problem, target: u64| {
        let t = Instant::now();
        let cheap = heuristic::bound(p).breaks;
        let cheap_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let until = t + Duration::from_secs_f64(secs);
        let cap = heuristic::capacity_bound(p, target, until, threads);
        (cheap, cheap_s, cap, t.elapsed().as_secs_f64())
    };
    if let Some(n) = opt("--generate") {
        let (p, _) = generate(&GenParams {
            participants: n as usize,
            seed: 7,
            slots_per_session: Some(16),
            requests: (6, 16),
            ..GenParams::default()
        });
        let target = opt("--target").map_or(570, |b| b as u64);
        let (cheap, cs, cap, ks) = both(&p, target);
        println!(
            "{n} participants, {} meetings: cheap bound {cheap} ({cs:.2} s), capacity bound {cap} ({ks:.2} s)",
            p.meetings.len()
        );
        return;
    }
    let dir = args.first().expect("DIR or --generate N");
    let filter = args.get(1).filter(|f| !f.starts_with("--"));
    let csv = std::fs::read_to_string(format!("{dir}/best-known.csv")).expect("best-known.csv");
    let (mut runs, mut higher, mut wrong) = (0, 0, 0);
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (file, d, status, optimum) = (f[0], f[3], f[4], f[5]);
        if filter.is_some_and(|x| !file.contains(x.as_str())) {
            continue;
        }
        let text = std::fs::read_to_string(format!("{dir}/instances/{file}")).expect("instance");
        let mut p = parse_dzn(&text).expect("parse");
        p.max_breaks = Some(d.parse().expect("d"));
        // An UNSAT run has no optimum to steer by; any positive target works.
        let target = optimum.parse::<u64>().unwrap_or(10).max(1);
        let (cheap, _, cap, ks) = both(&p, target);
        runs += 1;
        higher += usize::from(cap > cheap);
        let bad = status == "OPTIMAL" && cap > target;
        wrong += usize::from(bad);
        println!(
            "{file:40} d={d} {status:8} optimum {optimum:>3}  cheap {cheap:>3}  capacity {cap:>3}  {ks:.2} s{}",
            if bad { "  ABOVE THE OPTIMUM" } else { "" }
        );
    }
    println!(
        "{runs} runs: capacity bound above the cheap one on {higher}, above the optimum on {wrong}"
    );
}
