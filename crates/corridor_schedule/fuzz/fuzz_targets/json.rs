//! The JSON readers must return `Ok` or `Err` for any bytes, never panic; what they accept
//! must write back and read again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((p, names)) = corridor_schedule::json::parse_instance(text) {
        let _ = corridor_schedule::validate::validate(&p, &Default::default());
        let again = corridor_schedule::json::write_instance(&p, &names);
        let (q, names2) =
            corridor_schedule::json::parse_instance(&again).expect("written instances read back");
        assert_eq!(p, q);
        assert_eq!(names, names2);
        let _ = corridor_schedule::json::parse_previous(text, &p, &names);
        let _ = corridor_schedule::json::parse_change(text, &p, &names);
    }
});
