//! A PostgreSQL database per test, cloned from a migrated template.
//!
//! The template `corridor_test_template` is (re)built once per process under an exclusive advisory
//! lock; databases are cloned from it under a shared one, so several test processes can start at
//! once without one cloning while another migrates (PostgreSQL refuses to clone a database in use).

use sqlx::postgres::PgConnection;
use sqlx::{Connection, Executor};
use tokio::sync::OnceCell;

use super::Schema;
use crate::{DatabaseUrl, Store, StoreError};

const TEMPLATE: &str = "corridor_test_template";
/// The advisory lock guarding the template ("corridor" in ASCII).
const TEMPLATE_LOCK: i64 = 0x636f_7272_6964_6f72;

static TEMPLATE_READY: OnceCell<()> = OnceCell::const_new();

/// One test's database; dropped with `DROP DATABASE … WITH (FORCE)`, best effort.
pub(super) struct Database {
    admin_url: String,
    name: String,
}

impl Database {
    pub(super) async fn create(admin_url: &str, schema: Schema) -> Database {
        let name = format!("corridor_test_{}", uuid::Uuid::new_v4().simple());
        let template = match schema {
            Schema::Migrated => {
                TEMPLATE_READY
                    .get_or_try_init(|| build_template(admin_url))
                    .await
                    .unwrap_or_else(|e| panic!("prepare the PostgreSQL test template: {e}"));
                TEMPLATE
            }
            Schema::Empty => "template0",
        };
        clone_template(admin_url, &name, template)
            .await
            .unwrap_or_else(|e| panic!("create the PostgreSQL test database {name}: {e}"));
        Database {
            admin_url: admin_url.to_owned(),
            name,
        }
    }

    pub(super) fn url(&self) -> DatabaseUrl {
        DatabaseUrl::parse(&with_database(&self.admin_url, &self.name))
            .expect("a test database URL is valid")
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let sql = format!(r#"DROP DATABASE IF EXISTS "{}" WITH (FORCE)"#, self.name);
        // Drop cannot await; a thread with its own runtime works inside or outside a runtime.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            runtime
                .block_on(async {
                    let mut conn = PgConnection::connect(&admin_url).await?;
                    conn.execute(sql.as_str()).await?;
                    conn.close().await
                })
                .map_err(|e| e.to_string())
        })
        .join();
        if let Ok(Err(e)) = dropped {
            eprintln!("warning: could not drop test database {}: {e}", self.name);
        }
    }
}

/// `admin_url` with its database path replaced by `database`.
fn with_database(admin_url: &str, database: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("CORRIDOR_TEST_POSTGRES_URL is a valid URL");
    url.set_path(&format!("/{database}"));
    url.to_string()
}

async fn build_template(admin_url: &str) -> Result<(), String> {
    let mut conn = PgConnection::connect(admin_url)
        .await
        .map_err(|e| format!("connect to CORRIDOR_TEST_POSTGRES_URL: {e}"))?;
    lock(&mut conn, "pg_advisory_lock").await?;
    let built = migrate_template(&mut conn, admin_url).await;
    let unlocked = lock(&mut conn, "pg_advisory_unlock").await;
    let _ = conn.close().await;
    built.and(unlocked)
}

/// Creates the template if missing and migrates it; a template whose migrations no longer match
/// the embedded ones (an edited migration during development) is rebuilt from scratch.
async fn migrate_template(conn: &mut PgConnection, admin_url: &str) -> Result<(), String> {
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(TEMPLATE)
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| e.to_string())?;
    if exists && migrate(admin_url).await.is_ok() {
        return Ok(());
    }
    let recreate = [
        format!("DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"),
        format!("CREATE DATABASE {TEMPLATE}"),
    ];
    for sql in recreate {
        conn.execute(sql.as_str())
            .await
            .map_err(|e| e.to_string())?;
    }
    migrate(admin_url)
        .await
        .map_err(|e| format!("{e}: {:?}", std::error::Error::source(&e)))
}

/// Migrates the template and closes every connection to it, so that it can be cloned.
async fn migrate(admin_url: &str) -> Result<(), StoreError> {
    let url = DatabaseUrl::parse(&with_database(admin_url, TEMPLATE))?;
    let store = Store::connect(&url).await?;
    let migrated = store.migrate().await.map(drop);
    store.close().await;
    migrated
}

async fn clone_template(admin_url: &str, name: &str, template: &str) -> Result<(), String> {
    let mut conn = PgConnection::connect(admin_url)
        .await
        .map_err(|e| e.to_string())?;
    lock(&mut conn, "pg_advisory_lock_shared").await?;
    let created = conn
        .execute(format!(r#"CREATE DATABASE "{name}" TEMPLATE {template}"#).as_str())
        .await
        .map(drop)
        .map_err(|e| e.to_string());
    let unlocked = lock(&mut conn, "pg_advisory_unlock_shared").await;
    let _ = conn.close().await;
    created.and(unlocked)
}

async fn lock(conn: &mut PgConnection, function: &str) -> Result<(), String> {
    sqlx::query(&format!("SELECT {function}($1)"))
        .bind(TEMPLATE_LOCK)
        .execute(conn)
        .await
        .map(drop)
        .map_err(|e| format!("{function}: {e}"))
}
