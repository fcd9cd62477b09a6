//! Any bytes: decode → sanitise → parse → index → every `--print` format,
//! and `--print text` parses back to the same document.
#![no_main]

use dushanbe_reader::document::Source;
use dushanbe_reader::export::{self, Format};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::themes::{Filter, Themes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = load_bytes(data, Source::Embedded).document;
    let themes = Themes::builtin();
    let index = DocIndex::new(doc.clone(), &themes);
    let filter = Filter::default();
    let request = |format, query| export::Request {
        filter: &filter,
        query,
        format,
        lang: Lang::En,
        state: None,
    };
    for format in [Format::Json, Format::Markdown, Format::Text] {
        let _ = export::print(&index, &themes, request(format, Some("a")));
    }
    let text = export::print(&index, &themes, request(Format::Text, None));
    let again = load_bytes(text.as_bytes(), Source::Embedded).document;
    assert_eq!(again, doc, "--print text does not read back");
});
