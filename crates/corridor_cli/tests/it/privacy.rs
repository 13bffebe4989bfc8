//! `corridor privacy purge`: runs against a fresh SQLite data directory and reports.

use crate::{corridor, stderr, stdout};

#[test]
fn a_dry_run_and_a_purge_report_what_they_remove() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = |extra: &[&str]| {
        corridor()
            .args(["privacy", "purge", "--data-dir"])
            .arg(&data)
            .args(extra)
            .env("CORRIDOR_EVENT_REGISTRANT_RETENTION_DAYS", "30")
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let dry = run(&["--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let out = stdout(&dry);
    assert!(
        out.starts_with("would remove 0 event registrant(s) registered before "),
        "{out}"
    );
    assert!(out.contains("(retention: 30 days)"), "{out}");

    let done = run(&[]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        stdout(&done).starts_with("removed 0 event registrant(s)"),
        "{}",
        stdout(&done)
    );
}

#[test]
fn a_bad_retention_setting_is_refused_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = corridor()
        .args(["privacy", "purge", "--dry-run", "--data-dir"])
        .arg(dir.path().join("data"))
        .env("CORRIDOR_EVENT_REGISTRANT_RETENTION_DAYS", "0")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("privacy.event_registrant_retention_days"),
        "{}",
        stderr(&output)
    );
}
