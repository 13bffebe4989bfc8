//! Tests of the app crate: configuration layers and start-up checks.

mod auth;
mod config;
mod demo;
mod directory_authorisation;
mod directory_support;
mod directory_verification;
mod mail;
