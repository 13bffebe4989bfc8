//! Integration tests of the web crate: the real router on a random loopback port.

mod account_cookies;
mod account_csrf;
mod account_limits;
mod account_login;
mod account_reset;
mod account_signup;
mod codes;
mod directory_api;
mod directory_evidence;
mod directory_export;
mod directory_members;
mod directory_pages;
mod directory_people;
mod health;
mod helpers;
mod openapi;
mod pages;
mod privacy;
