use crate::{corridor, stderr, stdout};

fn check(toml: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corridor.toml");
    let data = dir.path().join("data");
    let toml = toml.replace("DATA", &data.display().to_string());
    std::fs::write(&file, toml).unwrap();
    corridor()
        .args(["config", "check"])
        .arg(&file)
        .current_dir(dir.path())
        .output()
        .unwrap()
}

#[test]
fn a_valid_file_is_summarised() {
    let output = check(
        r#"
[site]
name = "Corridor Karachi–New York"
[storage]
data_dir = "DATA"
"#,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("configuration is valid"), "{out}");
    assert!(
        out.contains("PK (Asia/Karachi) ↔ US (America/New_York), base currency USD"),
        "{out}"
    );
    assert!(out.contains("sqlite"), "{out}");
}

#[test]
fn every_bad_setting_is_reported_on_its_own_line_with_status_2() {
    let output = check(
        r#"
[corridor]
base_currency = "XYZ"
[[corridor.countries]]
code = "XX"
time_zone = "Asia/Karachi"
[[corridor.countries]]
code = "US"
time_zone = "Mars/Olympus_Mons"
[server]
listen = "localhost"
log_format = "yaml"
[storage]
data_dir = "DATA"
"#,
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    for setting in [
        "corridor.countries[0].code",
        "corridor.countries[1].time_zone",
        "corridor.base_currency",
        "server.listen",
        "server.log_format",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("corridor: {setting}: "))),
            "{setting} not reported:\n{err}"
        );
    }
    assert!(
        err.contains("\"XX\"") && err.contains("Mars/Olympus_Mons"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    let output = check("[site]\nname = \"Corridor\"\n\n[storage\ndata_dir = \"x\"\n");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("corridor.toml, line 4"), "{err}");
}

#[test]
fn an_unknown_setting_is_refused_by_name() {
    let output = check("[server]\nlisten = \"127.0.0.1:8080\"\nport = 80\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("port"), "{}", stderr(&output));
}

#[test]
fn a_missing_named_file_is_reported() {
    let output = corridor()
        .args(["config", "check", "/nonexistent/corridor.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/nonexistent/corridor.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_environment_overrides_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corridor.toml");
    std::fs::write(
        &file,
        format!(
            "[storage]\ndata_dir = \"{}\"\n",
            dir.path().join("d").display()
        ),
    )
    .unwrap();
    let output = corridor()
        .args(["config", "check"])
        .arg(&file)
        .env("CORRIDOR_COUNTRIES", "PK,GB")
        .env("CORRIDOR_BASE_CURRENCY", "PKR")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("PK (Asia/Karachi) ↔ GB (Europe/London), base currency PKR"),
        "{out}"
    );
}

#[test]
fn a_bad_environment_variable_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let output = corridor()
        .args(["config", "check"])
        .current_dir(dir.path())
        .env("CORRIDOR_SMTP_PORT", "twenty-five")
        .env("CORRIDOR_COUNTRIES", "PK,ZZ")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("CORRIDOR_SMTP_PORT: mail.smtp.port"), "{err}");
    assert!(err.contains("corridor.countries[1].code"), "{err}");
}

#[test]
fn a_data_directory_that_is_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_dir = dir.path().join("plain-file");
    std::fs::write(&not_a_dir, "x").unwrap();
    let output = check(&format!(
        "[storage]\ndata_dir = \"{}\"\n",
        not_a_dir.display()
    ));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("corridor: storage.data_dir: "),
        "{}",
        stderr(&output)
    );
}
