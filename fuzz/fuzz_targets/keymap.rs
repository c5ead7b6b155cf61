//! Keymap files: any text gives a keymap or an error naming the problem.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = haven::keymap::Keymap::from_text(text, "fuzz.toml");
        let _ = haven::keymap::Keymap::check(text, "fuzz.toml");
        let _ = haven::keymap::parse_script(text);
    }
});
