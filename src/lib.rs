//! dushanbe-reader: a terminal reader for structured declarations.
//!
//! Data flows one way: bytes → [`text`] (decode, sanitise) → [`document`]
//! (parse) → [`app::App`] (state, `update`) → [`ui`] (pure rendering).
//! [`export`] writes the same document without a terminal.

pub mod app;
pub mod document;
pub mod export;
pub mod i18n;
pub mod keymap;
pub mod load;
pub mod refs;
pub mod search;
pub mod testgen;
pub mod text;
pub mod themes;
pub mod ui;
