use corridor_app::config::{ConfigFile, RawConfig, load};
use secrecy::ExposeSecret;

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn file(text: &str) -> (tempfile::TempDir, ConfigFile) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corridor.toml");
    std::fs::write(&path, text).unwrap();
    (dir, ConfigFile::Named(path))
}

#[test]
fn defaults_give_the_pakistan_united_states_corridor() {
    let config = RawConfig::default().validate().unwrap();
    let [pk, us] = &config.corridor.countries;
    assert_eq!(
        (pk.code.as_str(), pk.time_zone.to_string().as_str()),
        ("PK", "Asia/Karachi")
    );
    assert_eq!(
        (us.code.as_str(), us.time_zone.to_string().as_str()),
        ("US", "America/New_York")
    );
    assert_eq!(config.corridor.base_currency.as_str(), "USD");
    assert_eq!(config.server.listen.to_string(), "127.0.0.1:8080");
    assert!(
        config
            .storage
            .database_url
            .redacted()
            .ends_with("data/corridor.db")
    );
    assert_eq!(config.mail.outbox_dir, std::path::Path::new("data/outbox"));
    assert!(config.mail.smtp.is_none());
}

#[test]
fn flags_beat_the_environment_which_beats_the_file() {
    let (_dir, file) = file(
        "[site]\nname = \"From file\"\n[server]\nlisten = \"127.0.0.1:1000\"\nlog_format = \"json\"\n",
    );
    let vars = env(&[
        ("CORRIDOR_LISTEN", "127.0.0.1:2000"),
        ("CORRIDOR_SITE_NAME", "From env"),
    ]);
    let mut flags = RawConfig::default();
    flags.server.listen = Some("127.0.0.1:3000".into());
    let config = load(&file, vars, flags).unwrap();
    assert_eq!(config.server.listen.to_string(), "127.0.0.1:3000");
    assert_eq!(config.site.name, "From env");
    assert_eq!(
        config.server.log_format,
        corridor_app::config::LogFormat::Json
    );
}

#[test]
fn demo_mode_uses_its_own_database_file() {
    let mut raw = RawConfig::default();
    raw.site.demo = Some(true);
    let config = raw.validate().unwrap();
    assert!(
        config
            .storage
            .database_url
            .redacted()
            .ends_with("data/corridor-demo.db")
    );
}

#[test]
fn another_corridor_is_configuration_not_code() {
    let vars = env(&[
        ("CORRIDOR_COUNTRIES", "PK,AE"),
        ("CORRIDOR_TIME_ZONES", "Asia/Karachi,Asia/Dubai"),
        ("CORRIDOR_BASE_CURRENCY", "AED"),
    ]);
    let config = load(&ConfigFile::Default, vars, RawConfig::default()).unwrap();
    assert_eq!(config.corridor.countries[1].code.as_str(), "AE");
    assert_eq!(config.corridor.base_currency.as_str(), "AED");
}

#[test]
fn a_country_without_a_known_default_time_zone_must_name_one() {
    let vars = env(&[("CORRIDOR_COUNTRIES", "PK,KZ")]);
    let problems = load(&ConfigFile::Default, vars, RawConfig::default()).unwrap_err();
    assert_eq!(problems.0.len(), 1, "{problems}");
    assert_eq!(problems.0[0].setting, "corridor.countries[1].time_zone");
}

#[test]
fn time_zones_must_pair_with_countries() {
    let vars = env(&[
        ("CORRIDOR_COUNTRIES", "PK,US"),
        ("CORRIDOR_TIME_ZONES", "Asia/Karachi"),
    ]);
    let problems = load(&ConfigFile::Default, vars, RawConfig::default()).unwrap_err();
    assert_eq!(problems.0[0].setting, "CORRIDOR_TIME_ZONES");
}

#[test]
fn a_corridor_needs_two_different_countries() {
    let (_d, one) = file("[[corridor.countries]]\ncode = \"PK\"\n");
    let problems = load(&one, env(&[]), RawConfig::default()).unwrap_err();
    assert_eq!(problems.0[0].setting, "corridor.countries");
    let (_d, same) =
        file("[[corridor.countries]]\ncode = \"US\"\n[[corridor.countries]]\ncode = \"us\"\n");
    let problems = load(&same, env(&[]), RawConfig::default()).unwrap_err();
    assert_eq!(
        problems.0[0].setting, "corridor.countries[1].code",
        "{problems}"
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let (_d, file) = file(
        "[corridor]\nbase_currency = \"DOLLARS\"\n[server]\nlisten = \"nowhere\"\n[mail]\nfrom = \"nobody\"\n",
    );
    let problems = load(
        &file,
        env(&[("CORRIDOR_DEMO", "perhaps")]),
        RawConfig::default(),
    )
    .unwrap_err();
    let settings: Vec<&str> = problems.0.iter().map(|p| p.setting.as_str()).collect();
    for expected in [
        "CORRIDOR_DEMO",
        "corridor.base_currency",
        "server.listen",
        "mail.from",
    ] {
        assert!(
            settings.contains(&expected),
            "{expected} missing: {problems}"
        );
    }
}

#[test]
fn smtp_settings_are_checked_and_the_password_stays_secret() {
    let vars = env(&[
        ("CORRIDOR_SMTP_HOST", "smtp.example.org"),
        ("CORRIDOR_SMTP_USERNAME", "corridor"),
    ]);
    let problems = load(&ConfigFile::Default, vars, RawConfig::default()).unwrap_err();
    assert_eq!(problems.0[0].setting, "mail.smtp.password");

    let vars = env(&[
        ("CORRIDOR_SMTP_HOST", "smtp.example.org"),
        ("CORRIDOR_SMTP_USERNAME", "corridor"),
        ("CORRIDOR_SMTP_PASSWORD", "hunter2"),
    ]);
    let config = load(&ConfigFile::Default, vars, RawConfig::default()).unwrap();
    let smtp = config.mail.smtp.as_ref().unwrap();
    assert_eq!(
        (smtp.host.as_str(), smtp.port, smtp.starttls),
        ("smtp.example.org", 587, true)
    );
    assert_eq!(smtp.password.as_ref().unwrap().expose_secret(), "hunter2");
    assert!(
        !format!("{config:?}").contains("hunter2"),
        "the password shows in Debug"
    );
}

#[test]
fn database_url_passwords_never_show_in_debug() {
    let vars = env(&[(
        "CORRIDOR_DATABASE_URL",
        "postgres://corridor:hunter2@db.internal/corridor",
    )]);
    let config = load(&ConfigFile::Default, vars, RawConfig::default()).unwrap();
    assert!(!format!("{config:?}").contains("hunter2"));
    assert!(!config.storage.database_url.redacted().contains("hunter2"));
}

#[test]
fn hostile_files_are_errors_not_panics() {
    for text in [
        "\u{0}\u{1}\u{2}",
        "[[corridor.countries]]\ncode = 7\n",
        "[server]\nlisten = \"999.0.0.1:80\"\n",
        "[corridor]\ncountries = []\n",
        &"[site]\n".repeat(10_000),
        &format!("[site]\nname = \"{}\"\n", "\u{202e}".repeat(1000)),
    ] {
        let (_d, file) = file(text);
        let _ = load(&file, env(&[]), RawConfig::default());
    }
    let (_d, file) = file("[corridor]\ncountries = []\n");
    assert!(load(&file, env(&[]), RawConfig::default()).is_err());
}

#[test]
fn prepare_dir_refuses_a_file_and_creates_a_missing_directory() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("a/b/c");
    corridor_app::prepare_dir(&fresh, "storage.data_dir").unwrap();
    assert!(fresh.is_dir());
    let file = dir.path().join("f");
    std::fs::write(&file, "x").unwrap();
    let problem = corridor_app::prepare_dir(&file, "storage.data_dir").unwrap_err();
    assert_eq!(problem.setting, "storage.data_dir");
}
