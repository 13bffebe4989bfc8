//! Tests of the app crate: configuration layers and start-up checks.

mod auth;
mod config;
mod demo;
mod demo_load;
mod directory_authorisation;
mod directory_members;
mod directory_notices;
mod directory_support;
mod directory_verification;
mod mail;
mod privacy_account;
mod privacy_retention;
