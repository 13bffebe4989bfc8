//! The `.dzn` reader must return `Ok` or `Err` for any bytes, never panic or run away.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(p) = corridor_schedule::dzn::parse_dzn(text) {
            // A parsed problem must be internally consistent enough to validate against.
            let _ = corridor_schedule::validate::validate(&p, &Default::default());
        }
    }
});
