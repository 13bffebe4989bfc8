//! corridor_web
