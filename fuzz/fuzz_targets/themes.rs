//! Any bytes as a theme file and as a references file: loaded or refused
//! with a message, never a panic; themes that load tag a text.
#![no_main]

use dushanbe_reader::refs::References;
use dushanbe_reader::themes::Themes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(user) = Themes::from_toml(src, "fuzz.toml") {
        let themes = Themes::builtin().merge(user);
        let _ = themes.compile().tag("互联网 and the UN 恐怖主义 Internet");
    }
    let _ = References::from_toml(src, "fuzz.toml");
});
