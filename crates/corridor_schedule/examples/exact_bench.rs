//! Runs the exact solver on the B2BSP benchmark runs listed in `best-known.csv`.
//!
//! `cargo run --release --example exact_bench -- DIR [--limit SECS] [--threads N] [--filter S,S] [--d D]`
//! (`--verbose` prints bound changes to stderr; `--solve` runs `solve::solve`, the CLI's path) where DIR holds `best-known.csv` and `instances/`. Prints one line per run and totals.

use std::time::{Duration, Instant};

use corridor_schedule::dzn::parse_dzn;
use corridor_schedule::exact::solve_exact;
use corridor_schedule::model::{Options, Progress, Status};
use corridor_schedule::solve::solve;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().cloned().unwrap_or_else(|| ".".into());
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let limit: f64 = opt("--limit").and_then(|s| s.parse().ok()).unwrap_or(60.0);
    let threads: usize = opt("--threads").and_then(|s| s.parse().ok()).unwrap_or(2);
    let filters: Vec<String> = opt("--filter")
        .map(|s| s.split(',').map(String::from).collect())
        .unwrap_or_default();
    let only_d = opt("--d");
    let verbose = args.iter().any(|a| a == "--verbose");
    let full = args.iter().any(|a| a == "--solve");
    let show = |pr: Progress| {
        eprintln!(
            "  {:6.2}s lb={} best={:?}",
            pr.elapsed.as_secs_f64(),
            pr.breaks_lower_bound,
            pr.best.map(|b| b.breaks)
        )
    };
    let csv = std::fs::read_to_string(format!("{dir}/best-known.csv")).expect("best-known.csv");
    let (mut ok, mut runs, mut total) = (0, 0, 0.0);
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (file, d, status, opt_b) = (f[0], f[3], f[4], f[5]);
        if !filters.is_empty() && !filters.iter().any(|s| file.contains(s.as_str())) {
            continue;
        }
        if only_d.as_ref().is_some_and(|x| x != d) {
            continue;
        }
        let text = std::fs::read_to_string(format!("{dir}/instances/{file}")).expect("instance");
        let mut p = parse_dzn(&text).expect("parse");
        p.max_breaks = Some(d.parse().expect("d"));
        let o = Options {
            time_limit: Duration::from_secs_f64(limit),
            threads,
            initial: None,
            progress: if verbose { Some(&show) } else { None },
            seed: 1,
        };
        let t0 = Instant::now();
        // `--solve`: the full entry point (short heuristic start, then exact), as the CLI runs it.
        let out = if full {
            solve(&p, &o)
        } else {
            solve_exact(&p, &o)
        };
        let secs = t0.elapsed().as_secs_f64();
        total += secs;
        runs += 1;
        let expected = if status == "UNSAT" {
            "UNSAT".to_string()
        } else {
            opt_b.to_string()
        };
        let got = match out.status {
            Status::Infeasible => "UNSAT".to_string(),
            Status::Optimal => out
                .objective
                .map(|o| o.breaks.to_string())
                .unwrap_or_default(),
            s => format!(
                "{s:?}:{}..{}",
                out.breaks_lower_bound,
                out.objective
                    .map(|o| o.breaks.to_string())
                    .unwrap_or("-".into())
            ),
        };
        let verdict = if got == expected { "OK" } else { "MISMATCH" };
        if got == expected {
            ok += 1;
        }
        let worst = out.objective.map_or(0, |o| o.max_breaks_per_participant);
        println!(
            "{file:40} d={d} expected={expected:6} got={got:14} {secs:7.2}s {verdict} (worst {worst})"
        );
    }
    println!("reproduced {ok}/{runs}, total {total:.1}s");
}
