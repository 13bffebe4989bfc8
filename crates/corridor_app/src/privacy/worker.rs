//! The periodic registrant purge: a tokio task the server starts and stops with itself.

use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::{Instant, MissedTickBehavior};

use super::retention::purge;
use crate::App;

/// How often the server purges: retention is counted in days, so hourly is prompt enough.
pub const PURGE_EVERY: Duration = Duration::from_secs(60 * 60);
/// The first purge waits this long after start, so that it does not compete with start-up.
pub const FIRST_PURGE_AFTER: Duration = Duration::from_secs(60);

/// A running purge task. Dropping it detaches the task; [`PurgeWorker::stop`] ends it.
#[derive(Debug)]
pub struct PurgeWorker {
    stop: watch::Sender<bool>,
    runs: watch::Receiver<u64>,
    task: JoinHandle<()>,
}

impl PurgeWorker {
    /// Purges every [`PURGE_EVERY`], the first time after [`FIRST_PURGE_AFTER`].
    pub fn spawn(app: App) -> PurgeWorker {
        Self::spawn_with(app, FIRST_PURGE_AFTER, PURGE_EVERY)
    }

    /// Purges every `every`, the first time after `first`.
    pub fn spawn_with(app: App, first: Duration, every: Duration) -> PurgeWorker {
        let (stop, mut stopped) = watch::channel(false);
        let (count_run, runs) = watch::channel(0u64);
        let task = tokio::spawn(async move {
            let mut ticks = tokio::time::interval_at(Instant::now() + first, every);
            ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    // Stop asked for, or the worker dropped: either way, done.
                    _ = stopped.changed() => break,
                    _ = ticks.tick() => {}
                }
                // A purge under way finishes before a stop is noticed: it is one short transaction.
                match purge(&app, Utc::now(), false).await {
                    Ok(report) if report.removed > 0 => tracing::info!(
                        removed = report.removed,
                        retention_days = report.retention_days,
                        "removed event registrants past retention"
                    ),
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "purging event registrants failed"),
                }
                count_run.send_modify(|n| *n += 1);
            }
        });
        PurgeWorker { stop, runs, task }
    }

    /// The number of purges run so far, to wait on (`runs().wait_for(|n| *n >= 1)`).
    pub fn runs(&self) -> watch::Receiver<u64> {
        self.runs.clone()
    }

    /// Stops the task and waits for it to end.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the registrant purge task failed");
        }
    }
}
