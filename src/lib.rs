//! dushanbe-reader: a terminal reader for structured policy texts.
//!
//! Data flows one way, and nothing imports upward:
//!
//! ```text
//! bytes ─► text (decode, sanitise, fold, wrap) ─► document (parse, ids, Position)
//!       ─► index (derived once: sections, tags, search index) ─► app (state, update)
//! events ─► keymap (a table per mode) ─► action ─► app::App::update
//! app::App::frame (layout from the frame's area) ─► ui (draws, reads only)
//! ```
//!
//! [`themes`] and [`search`] are pure indexes over a document; [`layout`]
//! is screen geometry shared by state and drawing; [`export`] writes the
//! same document without a terminal; [`i18n`] holds every interface word.

pub mod action;
pub mod app;
pub mod bounded;
pub mod compare;
pub mod config;
pub mod document;
pub mod export;
pub mod i18n;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod load;
pub mod memory;
pub mod preview;
pub mod refs;
pub mod search;
pub mod store;
pub mod testgen;
pub mod text;
pub mod themes;
pub mod toml_place;
pub mod ui;
