//! Speed of every matcher (literal, pinyin, fuzzy go-to, theme tagging) on
//! its worst case and on normal queries over a 10 MB text.

fn main() {}
