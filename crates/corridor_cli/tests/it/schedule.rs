//! `corridor schedule` and `corridor generate-instance` run as a user would.

use std::path::{Path, PathBuf};
use std::process::Output;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn corridor(args: &[&str]) -> Output {
    crate::corridor()
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON object ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn a_dzn_instance_is_scheduled_with_exit_status_0_and_the_json_keys() {
    let f = data("tiny.dzn");
    let out = corridor(&[
        "schedule",
        f.to_str().unwrap(),
        "--time-limit",
        "5",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out);
    for key in [
        "scheduled_meetings",
        "requested_meetings",
        "scheduled_weight",
        "breaks",
        "breaks_lower_bound",
        "max_breaks_per_participant",
        "status",
        "optimal",
        "seconds",
        "schedule",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {v}");
    }
    assert_eq!(v["requested_meetings"], 4);
    assert_eq!(v["scheduled_meetings"], 4);
    let first = &v["schedule"][0];
    assert!(
        first["meeting"].is_u64(),
        "dzn meetings are numbered rows: {first}"
    );
    assert!(first["slot"].as_u64().unwrap() >= 1, "slots are 1-based");
    assert!(first["table"].as_u64().unwrap() >= 1, "tables are 1-based");
}

#[test]
fn an_infeasible_instance_exits_with_status_1() {
    let f = data("infeasible.dzn");
    let out = corridor(&[
        "schedule",
        f.to_str().unwrap(),
        "--time-limit",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_of(&out)["status"], "infeasible");
}

#[test]
fn bad_input_exits_with_status_2_naming_file_and_line() {
    let f = data("bad.dzn");
    let out = corridor(&["schedule", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.dzn") && err.contains("line 6"), "{err}");
    let missing = corridor(&["schedule", "/nonexistent/x.dzn"]);
    assert_eq!(missing.status.code(), Some(2));
    let wrong_ext = corridor(&[
        "schedule",
        data("change.json")
            .to_str()
            .unwrap()
            .replace(".json", ".txt")
            .as_str(),
    ]);
    assert_eq!(wrong_ext.status.code(), Some(2));
}

#[test]
fn a_json_instance_prints_a_text_agenda_and_writes_the_json_output() {
    let dir = tempfile::tempdir().unwrap();
    let result = dir.path().join("result.json");
    let f = data("small.json");
    let out = corridor(&[
        "schedule",
        f.to_str().unwrap(),
        "--time-limit",
        "2",
        "--output",
        result.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("status:") && text.contains("p1 (Indus Rice Exporters)"),
        "{text}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    assert!(v["schedule"][0]["meeting"].is_string());

    // Incremental: cancel p4 and add a meeting, starting from that result.
    let change = data("change.json");
    let out = corridor(&[
        "schedule",
        f.to_str().unwrap(),
        "--incremental",
        result.to_str().unwrap(),
        "--change",
        change.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out);
    assert!(v.get("moved_meetings").is_some(), "{v}");
    assert_eq!(
        v["requested_meetings"], 4,
        "m4 and m5 go with p4; m6 is added"
    );
}

/// `corridor schedule --time-limit 1 --format json` on `instance`, written into `dir`.
fn scheduled_for_a_second(dir: &Path, instance: &[u8], extra: &[&str]) -> Output {
    let path = dir.join("instance.json");
    std::fs::write(&path, instance).unwrap();
    let mut args = vec![
        "schedule",
        path.to_str().unwrap(),
        "--time-limit",
        "1",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    corridor(&args)
}

#[test]
fn generate_instance_is_deterministic_and_schedulable() {
    let a = corridor(&["generate-instance", "--participants", "120", "--seed", "3"]);
    let b = corridor(&["generate-instance", "--participants", "120", "--seed", "3"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let dir = tempfile::tempdir().unwrap();
    let out = scheduled_for_a_second(dir.path(), &a.stdout, &["--fairness", "2"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        json_of(&out)["max_breaks_per_participant"]
            .as_u64()
            .unwrap()
            <= 2
    );
}

#[test]
fn a_planted_instance_comes_with_its_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let sched = dir.path().join("planted-schedule.json");
    let args = [
        "generate-instance",
        "--participants",
        "300",
        "--seed",
        "4",
        "--slots-per-session",
        "8",
        "--planted",
        "--planted-schedule",
        sched.to_str().unwrap(),
    ];
    let a = corridor(&args);
    assert_eq!(
        a.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    let instance: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    let requested = instance["meetings"].as_array().unwrap().len();
    let planted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sched).unwrap()).unwrap();
    assert_eq!(planted["status"], "feasible");
    assert_eq!(
        planted["requested_meetings"].as_u64(),
        Some(requested as u64)
    );
    assert_eq!(
        planted["scheduled_meetings"].as_u64(),
        Some(requested as u64)
    );
    let planted_breaks = planted["breaks"].as_u64().unwrap();
    assert!(
        planted_breaks * 20 <= 300,
        "{planted_breaks} planted breaks"
    );
    // The solver reads the instance and returns a valid schedule of it.
    let out = scheduled_for_a_second(dir.path(), &a.stdout, &[]);
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out);
    assert!(v["breaks"].as_u64().unwrap() >= v["breaks_lower_bound"].as_u64().unwrap());
    // The same seed plants the same instance; the schedule needs `--planted`.
    assert_eq!(corridor(&args).stdout, a.stdout);
    let bad = corridor(&[
        "generate-instance",
        "--participants",
        "10",
        "--planted-schedule",
        sched.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_ends_the_output_without_a_panic() {
    // `corridor schedule … | head`: the pipe closes long before the agenda is written.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.json");
    let gen_out = corridor(&["generate-instance", "--participants", "300", "--seed", "5"]);
    std::fs::write(&path, &gen_out.stdout).unwrap();
    for args in [
        vec!["schedule", path.to_str().unwrap(), "--time-limit", "1"],
        vec!["generate-instance", "--participants", "2000"],
    ] {
        let mut child = crate::corridor()
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the binary runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
