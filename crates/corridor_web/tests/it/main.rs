//! Integration tests of the web crate: the real router on a random loopback port.

mod codes;
mod health;
mod helpers;
mod pages;
