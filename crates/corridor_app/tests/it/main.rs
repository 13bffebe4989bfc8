//! Tests of the app crate: configuration layers and start-up checks.

mod config;
mod demo;
