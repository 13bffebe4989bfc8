//! `TestApp`: the real application (same `router` as `corridor serve`) on a random port, over a
//! fresh database: SQLite always, PostgreSQL when `CORRIDOR_TEST_POSTGRES_URL` is set.

use std::net::SocketAddr;

use corridor_app::App;
use corridor_app::config::{Config, RawConfig};
use corridor_store::test_support::TestDb;
use tokio::sync::oneshot;

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub db: TestDb,
    _dir: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
}

pub fn config(data_dir: &std::path::Path, demo: bool) -> Config {
    let mut raw = RawConfig::default();
    raw.storage.data_dir = Some(data_dir.display().to_string());
    raw.site.demo = Some(demo);
    raw.validate().expect("the default configuration is valid")
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        Self::start(TestDb::sqlite().await).await
    }

    /// `None` (and a loud SKIPPED line) when no PostgreSQL server is configured.
    pub async fn postgres() -> Option<TestApp> {
        Some(Self::start(TestDb::postgres().await?).await)
    }

    async fn start(db: TestDb) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::with_store(config(dir.path(), false), db.store().clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(corridor_web::serve(app, listener, async {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder().build().expect("client");
        TestApp {
            address,
            client,
            db,
            _dir: dir,
            stop: Some(stop),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON body"))
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("a text body"))
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Writes a test once and runs it on both backends: `name_sqlite` and `name_postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$body($crate::helpers::TestApp::sqlite().await).await;
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(app) = $crate::helpers::TestApp::postgres().await {
                    super::$body(app).await;
                }
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Accounts (issue 4). For tests that need a signed-in user:
//
//     let app = TestApp::sqlite().await;                 // or inside on_both_backends!
//     let admin = app.login_as(Role::Organiser).await;   // a fresh account, logged in via /login
//     let page = admin.get("/account").await;            // the cookie jar carries the session
//     let done = admin.post_form("/things", &[("name", "x")]).await;   // `csrf` added for you
//     let api = admin.post_json("/api/v1/things", &json).await;        // X-CSRF-Token added
//     admin.account.id                                   // the AccountId, for assertions
//
// `LoggedIn::client` does not follow redirects: a form post answers 303 and the test reads
// `Location`. `TestApp::configured(db, |raw| …)` starts an app with changed settings (rate
// limits, `site.base_url`); `TestApp::outbox()` reads the mail the app sent.
// ---------------------------------------------------------------------------------------------

/// The password of every account made by [`TestApp::create_account`] and [`TestApp::login_as`].
pub const TEST_PASSWORD: &str = "a long test password 4 corridor";

/// A user signed in through the real log-in form, with their own cookie jar.
pub struct LoggedIn {
    pub client: reqwest::Client,
    pub account: corridor_store::accounts::Account,
    /// The session's CSRF token (what the `csrf` field and `X-CSRF-Token` header must carry).
    pub csrf: String,
    base: String,
}

/// A cookie-keeping client that does not follow redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The value of the hidden `csrf` field in a page.
pub fn csrf_in(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .expect("a csrf field in the page");
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

impl TestApp {
    /// An app over `db` whose configuration `configure` adjusts first.
    pub async fn configured(db: TestDb, configure: impl FnOnce(&mut RawConfig)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut raw = RawConfig::default();
        raw.storage.data_dir = Some(dir.path().display().to_string());
        configure(&mut raw);
        let config = raw.validate().expect("the test configuration is valid");
        Self::start_app(db, dir, config).await
    }

    async fn start_app(db: TestDb, dir: tempfile::TempDir, config: Config) -> TestApp {
        let app = App::with_store(config, db.store().clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(corridor_web::serve(app, listener, async {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder().build().expect("client");
        TestApp {
            address,
            client,
            db,
            _dir: dir,
            stop: Some(stop),
        }
    }

    /// The data directory of this app (its mail outbox is `outbox/` inside).
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// Creates an account through the store, with [`TEST_PASSWORD`].
    pub async fn create_account(
        &self,
        email: &str,
        display_name: &str,
        role: corridor_app::actor::Role,
    ) -> corridor_store::accounts::Account {
        let hash = corridor_app::auth::password::NewPassword::parse("password", TEST_PASSWORD)
            .expect("the test password is acceptable")
            .hash()
            .await
            .expect("hash");
        let new = corridor_store::accounts::NewAccount {
            email: corridor_domain::directory::Email::parse(email).expect("a valid address"),
            display_name: display_name.to_owned(),
            password_hash: hash,
            role: role.into(),
        };
        self.db
            .store()
            .accounts()
            .create(new)
            .await
            .expect("create the account")
    }

    /// A new account with `role` (a unique address), logged in through `/login`.
    pub async fn login_as(&self, role: corridor_app::actor::Role) -> LoggedIn {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let email = format!("{}-{n}@corridor.test", role.as_str());
        let name = format!("Test {} {n}", role.as_str());
        let account = self.create_account(&email, &name, role).await;
        self.login(account, TEST_PASSWORD).await
    }

    /// Logs `account` in through the form with `password`; panics unless that succeeds.
    pub async fn login(
        &self,
        account: corridor_store::accounts::Account,
        password: &str,
    ) -> LoggedIn {
        let client = browser();
        let page = client
            .get(self.url("/login"))
            .send()
            .await
            .expect("GET /login");
        let form_csrf = csrf_in(&page.text().await.expect("the log-in page"));
        let email = account.email.to_string();
        let response = client
            .post(self.url("/login"))
            .form(&[
                ("csrf", form_csrf.as_str()),
                ("email", email.as_str()),
                ("password", password),
            ])
            .send()
            .await
            .expect("POST /login");
        assert_eq!(
            response.status(),
            303,
            "log-in of {email} failed: {}",
            response.text().await.unwrap_or_default()
        );
        let me: serde_json::Value = client
            .get(self.url("/api/v1/auth/me"))
            .send()
            .await
            .expect("GET /api/v1/auth/me")
            .json()
            .await
            .expect("JSON");
        let csrf = me["csrf"].as_str().expect("a csrf token").to_owned();
        LoggedIn {
            client,
            account,
            csrf,
            base: format!("http://{}", self.address),
        }
    }
}

impl LoggedIn {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// Posts a url-encoded form, adding the session's `csrf` field.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut all: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.client
            .post(self.url(path))
            .form(&all)
            .send()
            .await
            .expect("request")
    }

    /// Posts JSON with the `X-CSRF-Token` header.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("x-csrf-token", &self.csrf)
            .json(body)
            .send()
            .await
            .expect("request")
    }
}

impl TestApp {
    /// As [`TestApp::sqlite`], with settings changed by `configure`.
    pub async fn sqlite_with(configure: impl FnOnce(&mut RawConfig)) -> TestApp {
        Self::configured(TestDb::sqlite().await, configure).await
    }

    /// As [`TestApp::postgres`], with settings changed by `configure`.
    pub async fn postgres_with(configure: impl FnOnce(&mut RawConfig)) -> Option<TestApp> {
        Some(Self::configured(TestDb::postgres().await?, configure).await)
    }

    /// The mail this app has written to its outbox.
    pub fn outbox(&self) -> corridor_app::mail::Outbox {
        corridor_app::mail::Outbox::new(self.data_dir().join("outbox"))
    }
}

/// As `on_both_backends!`, for an app whose settings `$configure` (a `fn(&mut RawConfig)`) changes.
#[macro_export]
macro_rules! on_both_backends_with {
    ($name:ident, $configure:ident, $body:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$body($crate::helpers::TestApp::sqlite_with(super::$configure).await).await;
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(app) = $crate::helpers::TestApp::postgres_with(super::$configure).await
                {
                    super::$body(app).await;
                }
            }
        }
    };
}
