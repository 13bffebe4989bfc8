use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{corridor, stderr};

#[test]
fn serve_prints_its_address_answers_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("new/data");
    let mut child = corridor()
        .args(["serve", "--listen", "127.0.0.1:0", "--demo", "--data-dir"])
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (printed, line) = read_until_url(child.stdout.take().unwrap());
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    assert!(line.contains("(demo)"), "{line}");
    assert!(
        printed.contains("Loaded the demo corridor: 337 organisations, 466 people, 11 accounts"),
        "the demo data is loaded into the empty demo database: {printed}"
    );
    let rice = reqwest::blocking::get(format!("{url}/api/v1/organisations?q=Keenjhar"))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        rice.contains("Keenjhar Lotus Foods"),
        "a demo exporter is listed: {rice}"
    );

    let health = reqwest::blocking::get(format!("{url}/healthz")).unwrap();
    assert_eq!(health.status(), 200);
    let ready = reqwest::blocking::get(format!("{url}/readyz")).unwrap();
    assert_eq!(ready.status(), 200);
    let home = reqwest::blocking::get(format!("{url}/"))
        .unwrap()
        .text()
        .unwrap();
    assert!(home.contains("demo data"), "the demo banner shows: {home}");
    assert!(
        data.join("corridor-demo.db").exists(),
        "the data directory was created"
    );

    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "graceful shutdown exits 0, got {status}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "did not stop after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Reads standard output up to the line with the address; returns all of it and that line.
fn read_until_url(stdout: std::process::ChildStdout) -> (String, String) {
    let mut reader = BufReader::new(stdout);
    let mut printed = String::new();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).unwrap();
        printed.push_str(&line);
        if n == 0 || line.contains("http://") {
            return (printed, line);
        }
    }
}

#[test]
fn an_unusable_data_directory_stops_the_start_with_status_2() {
    // Even root cannot create directories under /proc.
    let output = corridor()
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            "/proc/corridor-data",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.starts_with("corridor: storage.data_dir: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn an_unreachable_postgres_stops_the_start_with_status_2_and_no_password() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let output = corridor()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .args([
            "--database-url",
            "postgres://corridor:s3cret@127.0.0.1:1/corridor",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.starts_with("corridor: storage.database_url: "), "{err}");
    assert!(!err.contains("s3cret"), "the password leaked: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "unreachable must fail fast"
    );
}

#[test]
fn a_malformed_database_url_is_named() {
    let output = corridor()
        .args(["serve", "--database-url", "mysql://localhost/corridor"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("corridor: storage.database_url: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_busy_port_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let output = corridor()
        .args(["serve", "--listen", &address, "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("server.listen"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn migrate_creates_the_database_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let output = corridor()
            .args(["migrate", "--data-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert!(dir.path().join("corridor.db").exists());
}
