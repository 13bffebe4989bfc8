//! `corridor schedule` and `corridor generate-instance`.
//!
//! Exit status of `schedule`: 0 a valid schedule was found, 1 the instance is infeasible or
//! nothing was found in time, 2 bad input (the message names the file and line).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use corridor_schedule::generate::{GenParams, PlantParams, generate, planted};
use corridor_schedule::incremental::{apply_change, apply_names, reoptimise};
use corridor_schedule::model::{Options, Outcome, Problem, Progress, Schedule, Status};
use corridor_schedule::validate::validate;
use corridor_schedule::{Names, ParseError, dzn, json, solve, text};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct ScheduleArgs {
    /// Instance file: `.dzn` (benchmark) or `.json` (Corridor format).
    pub instance: PathBuf,
    /// Seconds to search.
    #[arg(long, default_value_t = 60.0)]
    pub time_limit: f64,
    #[arg(long, default_value_t = 2)]
    pub threads: usize,
    /// Fairness: at most this many breaks per participant (overrides the file).
    #[arg(long)]
    pub fairness: Option<u32>,
    /// Every meeting must be scheduled.
    #[arg(long)]
    pub require_all: bool,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A previous `--format json` result to re-optimise (needs `--change`).
    #[arg(long, requires = "change")]
    pub incremental: Option<PathBuf>,
    /// The change to apply to the instance (JSON; needs `--incremental`).
    #[arg(long, requires = "incremental")]
    pub change: Option<PathBuf>,
    /// Also write the JSON result to this file.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct GenerateArgs {
    #[arg(long)]
    pub participants: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Slots per session (two sessions); drawn from 8..=16 when absent (16 with `--planted`).
    #[arg(long)]
    pub slots_per_session: Option<u16>,
    /// Fairness bound written into the instance.
    #[arg(long)]
    pub max_breaks: Option<u32>,
    /// Write here instead of stdout.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Build the instance around a known schedule with (nearly) no breaks: every
    /// participant's day is one run of 6–20 slots, spread so that the tables are nearly full.
    /// Its breaks bound the optimum from above, so a solver's result can be judged against it.
    /// Two sessions of `--slots-per-session` (default 16); no fairness bound unless given.
    #[arg(long)]
    pub planted: bool,
    /// With `--planted`: place the days at random instead of spreading them (tables about two
    /// thirds used).
    #[arg(long, requires = "planted")]
    pub random_days: bool,
    /// With `--planted`: write the planted schedule here, in the format of `corridor schedule
    /// --format json` (its `breaks` is the planted figure).
    #[arg(long, requires = "planted")]
    pub planted_schedule: Option<PathBuf>,
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn located(path: &Path, e: ParseError) -> String {
    format!("{}: {e}", path.display())
}

fn load(path: &Path) -> Result<(Problem, Names), String> {
    let text = read(path)?;
    match path.extension().and_then(|e| e.to_str()) {
        Some("dzn") => {
            let p = dzn::parse_dzn(&text).map_err(|e| located(path, e))?;
            let names = Names::numbered(p.participants.len(), p.meetings.len());
            Ok((p, names))
        }
        Some("json") => json::parse_instance(&text).map_err(|e| located(path, e)),
        _ => Err(format!(
            "{}: unknown instance type (expected .dzn or .json)",
            path.display()
        )),
    }
}

/// A progress line on stderr: rewritten in place on a terminal, else one line every 5 s.
struct Reporter {
    tty: bool,
    last: Mutex<Option<Instant>>,
}

impl Reporter {
    fn report(&self, pr: Progress) {
        let every = if self.tty {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(5)
        };
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if last.is_some_and(|l| l.elapsed() < every) {
            return;
        }
        *last = Some(Instant::now());
        let best = pr.best.map_or("none yet".to_string(), |b| {
            format!(
                "{} meetings, weight {}, {} breaks",
                b.scheduled_meetings, b.scheduled_weight, b.breaks
            )
        });
        let line = format!(
            "[{:>6.1} s] best: {best}; bound: {} breaks",
            pr.elapsed.as_secs_f64(),
            pr.breaks_lower_bound
        );
        let mut err = std::io::stderr().lock();
        let _ = if self.tty {
            write!(err, "\r{line}\x1b[K")
        } else {
            writeln!(err, "{line}")
        };
        let _ = err.flush();
    }
}

pub fn run(args: ScheduleArgs) -> ExitCode {
    match run_inner(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("corridor schedule: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: &ScheduleArgs) -> Result<ExitCode, String> {
    let (mut p, mut names) = load(&args.instance)?;
    if let Some(d) = args.fairness {
        p.max_breaks = Some(d);
    }
    if args.require_all {
        p.require_all = true;
    }
    if !args.time_limit.is_finite() || args.time_limit < 0.0 {
        return Err(format!(
            "--time-limit {} is not a number of seconds",
            args.time_limit
        ));
    }
    let reporter = Reporter {
        tty: std::io::stderr().is_terminal(),
        last: Mutex::new(None),
    };
    let progress = |pr: Progress| reporter.report(pr);
    let o = Options {
        time_limit: Duration::from_secs_f64(args.time_limit),
        threads: args.threads.max(1),
        initial: None,
        progress: Some(&progress),
        seed: args.seed,
    };
    let (out, moved): (Outcome, Option<usize>) = match (&args.incremental, &args.change) {
        (Some(prev), Some(change)) => {
            let previous =
                json::parse_previous(&read(prev)?, &p, &names).map_err(|e| located(prev, e))?;
            let (c, added) =
                json::parse_change(&read(change)?, &p, &names).map_err(|e| located(change, e))?;
            let (p2, old_to_new) =
                apply_change(&p, &c).map_err(|e| format!("{}: {e}", change.display()))?;
            names = apply_names(&names, &old_to_new, &added);
            p = p2;
            let (out, moved) = reoptimise(&p, &previous, &old_to_new, &o);
            (out, Some(moved))
        }
        _ => (solve::solve(&p, &o), None),
    };
    if reporter.tty {
        eprintln!();
    }
    let result = json::write_schedule(&p, &names, &out, moved);
    if let Some(path) = &args.output {
        std::fs::write(path, &result).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let shown = match args.format {
        Format::Json => result,
        Format::Text => summary(&p, &names, &out, moved),
    };
    write_stdout(&shown).map_err(|e| format!("writing the result: {e}"))?;
    Ok(if out.schedule.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn summary(p: &Problem, names: &Names, out: &Outcome, moved: Option<usize>) -> String {
    let mut s = String::new();
    let total: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
    s += &format!(
        "instance: {} participants, {} meetings, {} slots\nstatus: {}\n",
        p.participants.len(),
        p.meetings.len(),
        p.slots,
        json::status_name(out.status)
    );
    if let (Some(obj), Some(sched)) = (&out.objective, &out.schedule) {
        let gap = if obj.breaks == 0 {
            0.0
        } else {
            100.0 * (obj.breaks - out.breaks_lower_bound.min(obj.breaks)) as f64 / obj.breaks as f64
        };
        s += &format!(
            "scheduled: {}/{} meetings, weight {}/{} (upper bound {})\n\
             breaks: {} (lower bound {}, gap {gap:.1} %), worst participant {}\n\
             table changes: {}\n",
            obj.scheduled_meetings,
            p.meetings.len(),
            obj.scheduled_weight,
            total,
            out.weight_upper_bound,
            obj.breaks,
            out.breaks_lower_bound,
            obj.max_breaks_per_participant,
            obj.table_changes
        );
        if let Some(m) = moved {
            s += &format!("moved meetings: {m}\n");
        }
        s += &format!("time: {:.2} s\n\n", out.elapsed.as_secs_f64());
        s += &text::per_participant(p, names, sched);
    } else {
        s += &format!(
            "no schedule found; time: {:.2} s\n",
            out.elapsed.as_secs_f64()
        );
    }
    s
}

/// The planted schedule as a result: valid by construction (checked again here), with no
/// proven bound.
fn planted_outcome(p: &Problem, schedule: Schedule) -> Outcome {
    let objective = validate(p, &schedule).ok();
    Outcome {
        status: Status::Feasible,
        schedule: objective.map(|_| schedule),
        objective,
        breaks_lower_bound: 0,
        weight_upper_bound: p.meetings.iter().map(|m| m.weight as u64).sum(),
        elapsed: Duration::ZERO,
    }
}

/// Writes `text` to stdout. A reader that has gone (`corridor schedule … | head`) is not an
/// error: the rest of the output is simply not wanted.
fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

pub fn run_generate(args: GenerateArgs) -> ExitCode {
    let (p, names, planted_schedule) = if args.planted {
        let g = PlantParams {
            participants: args.participants,
            seed: args.seed,
            slots_per_session: args.slots_per_session.unwrap_or(16),
            flatten: !args.random_days,
            ..PlantParams::default()
        };
        let mut pl = planted(&g);
        pl.problem.max_breaks = args.max_breaks;
        let schedule = args.planted_schedule.as_ref().map(|path| {
            let out = planted_outcome(&pl.problem, pl.schedule.clone());
            (
                path,
                json::write_schedule(&pl.problem, &pl.names, &out, None),
            )
        });
        (pl.problem, pl.names, schedule)
    } else {
        let g = GenParams {
            participants: args.participants,
            seed: args.seed,
            slots_per_session: args.slots_per_session,
            max_breaks: args.max_breaks,
            ..GenParams::default()
        };
        let (p, names) = generate(&g);
        (p, names, None)
    };
    if let Some((path, text)) = planted_schedule {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("corridor generate-instance: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    let text = json::write_instance(&p, &names);
    let res = match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display())),
        None => write_stdout(&text).map_err(|e| e.to_string()),
    };
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corridor generate-instance: {e}");
            ExitCode::from(2)
        }
    }
}
