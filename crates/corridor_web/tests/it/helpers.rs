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
