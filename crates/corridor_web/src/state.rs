//! State shared by every handler.

use std::sync::Arc;

use corridor_app::App;

use crate::metrics::Metrics;
use crate::pages::Chrome;

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub metrics: Arc<Metrics>,
    pub chrome: Arc<Chrome>,
}

impl AppState {
    pub fn new(app: App) -> Self {
        let chrome = Arc::new(Chrome::from_config(&app.config));
        AppState {
            app,
            metrics: Arc::new(Metrics::new()),
            chrome,
        }
    }
}
