//! corridor_app
