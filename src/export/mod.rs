//! Non-interactive output (`--print json|markdown|text`): the parsed document
//! written to a string, never touching the terminal. [`select`] decides what
//! to show, for `--print` and for the reader alike.

pub mod cite;
mod csv;
mod json;
mod markdown;
mod notes;
mod resolution_name;
mod select;
mod text;

pub use csv::{CsvText, to_csv};
pub use json::to_json;
pub use markdown::to_markdown;
pub use notes::to_notes;
pub use select::{select, select_citing};
pub use text::to_text;

use crate::document::Document;
use crate::i18n::Lang;
use crate::index::DocIndex;
use crate::refs::DocRefs;
use crate::search::{Hit, Query};
use crate::store::DocState;
use crate::themes::{DocTags, Filter, Themes};
/// Output formats for `--print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    Text,
    /// The reader's notes, as Markdown.
    Notes,
    /// The theme map: a row per paragraph, a 0/1 column per theme.
    Csv,
}

/// What to write: a document, its theme tags, and which paragraphs.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    pub doc: &'a Document,
    pub tags: &'a DocTags,
    pub themes: &'a Themes,
    /// Indices of the paragraphs to write, in order.
    pub paragraphs: &'a [usize],
    /// Search hits by paragraph (sorted by paragraph), when searching.
    pub hits: Option<&'a [(usize, Vec<Hit>)]>,
    /// The reader's saved state (notes, marks), when there is one.
    pub state: Option<&'a DocState>,
    /// The document's references, for the JSON form.
    pub refs: Option<&'a DocRefs>,
}

impl Selection<'_> {
    /// The search hits in paragraph `i`.
    pub(crate) fn hits_in(&self, i: usize) -> &[Hit] {
        self.hits
            .and_then(|h| {
                h.binary_search_by_key(&i, |(p, _)| *p)
                    .ok()
                    .map(|k| &h[k].1[..])
            })
            .unwrap_or(&[])
    }
}

/// Renders the selection in `format`.
pub fn render(sel: Selection<'_>, format: Format) -> String {
    let prose = match format {
        Format::Json => return to_json(sel),
        Format::Markdown => to_markdown(sel),
        Format::Text => to_text(sel),
        // Notes need the whole index for their citations: see `print`.
        Format::Notes | Format::Csv => to_text(sel),
    };
    // An empty text is written as nothing, not as a blank line: a script
    // testing for empty output is not misled.
    match prose.trim().is_empty() {
        true => String::new(),
        false => prose,
    }
}

/// What `--print` asks for: which paragraphs (`filter`, `query`), in
/// which `format` and interface language, with which saved state.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub filter: &'a Filter,
    pub query: Option<&'a str>,
    pub format: Format,
    pub lang: Lang,
    /// The reader's saved notes and marks for this document, if any.
    pub state: Option<&'a DocState>,
    /// Only paragraphs citing this reference (its id), when given.
    pub reference: Option<&'a str>,
}

/// A search's hits: each paragraph with some, in order, with them.
pub type Hits = Vec<(usize, Vec<Hit>)>;

/// The paragraphs of `index` that `request`'s filter, search and
/// reference select (each matching sub-paragraph with the chapeaux it
/// continues, as the reader shows it), with the search's hits.
pub fn selected(index: &DocIndex, request: &Request<'_>) -> (Vec<usize>, Option<Hits>) {
    let (paragraphs, hits) = matching(index, request);
    (index.with_context(paragraphs), hits)
}

/// The paragraphs of `index` that `request`'s filter, search and
/// reference select themselves (without the chapeaux of sub-paragraphs
/// they hold), with the search's hits.
pub fn matching(index: &DocIndex, request: &Request<'_>) -> (Vec<usize>, Option<Hits>) {
    let hits = request
        .query
        .map(|q| index.searcher().index().search(&Query::new(q)));
    let paragraphs = select(index.tags(), request.filter, hits.as_deref());
    let citing = request.reference.map(|id| index.refs().citing(id));
    (select_citing(paragraphs, citing), hits)
}

/// What `--print notes` writes, narrowed: the notes on `paragraphs`, and
/// the notes in `gone` (ids), whose paragraph is no longer in the text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NotesSelected {
    pub paragraphs: Vec<usize>,
    pub gone: Vec<String>,
}

impl NotesSelected {
    /// How many places: paragraphs, and notes whose paragraph is gone.
    pub fn len(&self) -> usize {
        self.paragraphs.len() + self.gone.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The paragraphs whose notes `--print notes` writes: those
/// [`selected`] selects, and with a search, those whose note has a hit
/// too (as `/` finds words in notes), of the paragraphs the filter and
/// reference let through; and, searched without them, the notes with a
/// hit whose paragraph is gone.
pub fn selected_for_notes(index: &DocIndex, request: &Request<'_>) -> NotesSelected {
    let mut out = NotesSelected {
        paragraphs: selected(index, request).0,
        gone: Vec::new(),
    };
    let (Some(query), Some(state)) = (request.query, request.state) else {
        return out;
    };
    let notes: Vec<(&String, &crate::store::Note)> = state.live_notes().collect();
    let texts: Vec<&str> = notes.iter().map(|(_, n)| n.text.as_str()).collect();
    let found = crate::search::SearchIndex::new(&texts).search(&Query::new(query));
    let only_searched = !request.filter.is_active() && request.reference.is_none();
    out.gone = (found.iter())
        .map(|&(k, _)| notes[k])
        .filter(|(_, n)| only_searched && index.find_id(&n.paragraph).is_none())
        .map(|(id, _)| id.to_string())
        .collect();
    let allowed = matching(
        index,
        &Request {
            query: None,
            ..*request
        },
    )
    .0;
    out.paragraphs.extend(
        (found.into_iter())
            .filter_map(|(k, _)| index.find_id(&notes[k].1.paragraph))
            .filter(|p| allowed.binary_search(p).is_ok()),
    );
    out.paragraphs.sort_unstable();
    out.paragraphs.dedup();
    out
}

/// The name a text's rows carry in CSV: the path as given (two files of
/// one name in different folders stay apart), `-` for standard input.
pub fn csv_name(doc: &Document) -> String {
    match doc.source {
        crate::document::Source::File(_) | crate::document::Source::Stdin => doc.source.to_string(),
        crate::document::Source::Embedded => crate::library::source_name(&doc.source),
    }
}

/// What `--print` writes: the paragraphs of `index` the request selects,
/// in its format. The search runs on the same index the reader uses.
pub fn print(index: &DocIndex, themes: &Themes, request: Request<'_>) -> String {
    if request.format == Format::Notes {
        // Narrowed, only the notes on the paragraphs selected.
        let narrowed =
            request.filter.is_active() || request.query.is_some() || request.reference.is_some();
        let only = narrowed.then(|| selected_for_notes(index, &request));
        let none = DocState::default();
        return to_notes(index, request.state.unwrap_or(&none), only.as_ref());
    }
    if request.format == Format::Csv {
        let text = CsvText {
            index,
            name: csv_name(index.doc()),
            paragraphs: matching(index, &request).0,
        };
        return to_csv(&[text], themes);
    }
    let (paragraphs, hits) = selected(index, &request);
    let sel = Selection {
        doc: index.doc(),
        tags: index.tags(),
        themes,
        paragraphs: &paragraphs,
        hits: hits.as_deref(),
        state: request.state,
        refs: Some(index.refs()),
    };
    render(sel, request.format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded;
    use crate::themes::tag_document;

    /// Runs `f` on a selection of the whole embedded declaration.
    fn with_all<T>(f: impl FnOnce(Selection<'_>) -> T) -> T {
        with_whole(&load_embedded().document, f)
    }

    /// Runs `f` on a selection of the whole of `doc`.
    fn with_whole<T>(doc: &crate::document::Document, f: impl FnOnce(Selection<'_>) -> T) -> T {
        let themes = Themes::builtin();
        let tags = tag_document(doc, &themes);
        let all: Vec<usize> = (0..doc.paragraphs.len()).collect();
        f(Selection {
            doc,
            tags: &tags,
            themes: &themes,
            paragraphs: &all,
            hits: None,
            state: None,
            refs: None,
        })
    }

    /// Filtered or searched, a matching sub-paragraph is written under its
    /// chapeau (and its chapeau's), in every format, as the reader shows it.
    #[test]
    fn a_matching_sub_paragraph_comes_with_its_chapeaux() {
        let text = "1. Decides to remain seized;\n\n3. Urges all States:\n(a) To support families;\n(b) To engage civil society, including by:\n(i) Supporting dialogue;\n(ii) Countering terrorist use of the Internet;\n";
        let doc = crate::load::load_bytes(text.as_bytes(), crate::document::Source::Stdin).document;
        let themes = Themes::builtin();
        let index = DocIndex::new(doc, &themes);
        let mut filter = Filter::default();
        filter.toggle(themes.position("internet").unwrap());
        for (format, chapeaux) in [
            (
                Format::Text,
                ["3. Urges all States:", "(b) To engage civil society"],
            ),
            (
                Format::Markdown,
                [
                    "**3.** Urges all States:",
                    "**(b)** To engage civil society",
                ],
            ),
            (Format::Json, ["\"id\": \"op-3\"", "\"id\": \"op-3-b\""]),
        ] {
            for query in [None, Some("dialogue")] {
                let (filter, query) = match query {
                    None => (&filter, None),
                    Some(q) => (&Filter::default(), Some(q)),
                };
                let request = Request {
                    filter,
                    query,
                    format,
                    lang: Lang::En,
                    state: None,
                    reference: None,
                };
                let out = print(&index, &themes, request);
                for c in chapeaux {
                    assert!(out.contains(c), "{format:?} {query:?}: {c}\n{out}");
                }
                assert!(!out.contains("remain seized"), "{format:?}\n{out}");
                assert!(!out.contains("support families"), "{format:?}\n{out}");
            }
        }
    }

    #[test]
    fn json_has_the_documented_shape() {
        let v: serde_json::Value = serde_json::from_str(&with_all(to_json)).unwrap();
        assert_eq!(v["title"], "杜尚别宣言");
        assert_eq!(v["dateline"], "杜尚别，2018年5月3-4日");
        assert_eq!(v["source"], "embedded");
        let paras = v["paragraphs"].as_array().unwrap();
        assert_eq!(paras.len(), 29);
        // The fields that structure adds: none of it in the declaration.
        assert_eq!(v["sections"], serde_json::json!([]));
        for p in paras {
            assert_eq!(
                (&p["section"], &p["parent"], &p["level"]),
                (
                    &serde_json::Value::Null,
                    &serde_json::Value::Null,
                    &serde_json::json!(0)
                )
            );
        }
        let op7 = paras.iter().find(|p| p["id"] == "op-7").unwrap();
        assert_eq!(op7["kind"], "operative");
        assert_eq!(op7["number"], "7");
        assert!(
            op7["text"]
                .as_str()
                .unwrap()
                .starts_with("重申，我们致力于")
        );
        assert_eq!(paras[0]["kind"], "intro");
        assert_eq!(paras[0]["number"], serde_json::Value::Null);
        assert_eq!(paras[3]["kind"], "preamble");
        assert_eq!(op7["themes"], serde_json::json!(["financing"]));
        let pre10 = paras.iter().find(|p| p["id"] == "pre-10").unwrap();
        let ev = pre10["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["term"] == "资助")
            .unwrap();
        assert_eq!(ev["theme"], "financing");
        let text: Vec<char> = pre10["text"].as_str().unwrap().chars().collect();
        let (start, end) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text[start..end].iter().collect::<String>(), "资助");
    }

    #[test]
    fn json_lists_each_paragraphs_references_with_offsets() {
        let index = DocIndex::new(load_embedded().document, &Themes::builtin());
        let request = Request {
            filter: &Filter::default(),
            query: None,
            format: Format::Json,
            lang: Lang::En,
            state: None,
            reference: None,
        };
        let v: serde_json::Value =
            serde_json::from_str(&print(&index, &Themes::builtin(), request)).unwrap();
        let paras = v["paragraphs"].as_array().unwrap();
        let op5 = paras.iter().find(|p| p["id"] == "op-5").unwrap();
        let refs = op5["references"].as_array().unwrap();
        assert_eq!(refs.len(), 8);
        assert_eq!(
            refs[1],
            serde_json::json!({"id": "unsc-1373-2001", "term": "1373（2001）", "start": 52, "end": 62})
        );
        // Every paragraph has the list, empty when it cites nothing, and
        // every term is its text's slice.
        for p in paras {
            let text: Vec<char> = p["text"].as_str().unwrap().chars().collect();
            for r in p["references"].as_array().unwrap() {
                let (a, b) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
                let slice: String = text[a as usize..b as usize].iter().collect();
                assert_eq!(r["term"], slice.as_str());
            }
        }
        let op1 = paras.iter().find(|p| p["id"] == "op-1").unwrap();
        assert_eq!(op1["references"], serde_json::json!([]));
    }

    #[test]
    fn a_reference_selects_its_citing_paragraphs_in_every_format() {
        let index = DocIndex::new(load_embedded().document, &Themes::builtin());
        let themes = Themes::builtin();
        let mut filter = Filter::default();
        let request = |filter: &Filter, format| {
            let r = Request {
                filter,
                query: None,
                format,
                lang: Lang::En,
                state: None,
                reference: Some("gcts"),
            };
            print(&index, &themes, r)
        };
        let text = request(&filter, Format::Text);
        assert!(text.contains("《联合国全球反恐战略》") && text.contains("4. 重申"));
        assert_eq!(text.matches("\n\n").count(), 3, "{text}");
        // With a theme too, both must hold.
        filter.toggle(themes.position("un-framework").unwrap());
        let v: serde_json::Value = serde_json::from_str(&request(&filter, Format::Json)).unwrap();
        let ids: Vec<&str> = v["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["pre-3", "op-4"]);
    }

    #[test]
    fn markdown_keeps_real_numbers() {
        let md = with_all(to_markdown);
        // The kinds of paragraphs named in the text's language.
        assert!(md.starts_with("# 杜尚别宣言\n\n*杜尚别，2018年5月3-4日*\n\n## 引言\n\n"));
        assert!(md.contains("\n\n## 序言\n\n- 极为关切地注意到"));
        assert!(md.contains("\n\n**16.** 请塔吉克斯坦共和国"));
        assert!(md.ends_with("会员国。\n"));
    }

    #[test]
    fn text_output_round_trips_through_the_parser() {
        let doc = load_embedded().document;
        let text = with_all(to_text);
        let again = crate::load::load_bytes(text.as_bytes(), doc.source.clone()).document;
        assert_eq!(again, doc);
    }

    /// Shapes the round-trip property once found that did not read back:
    /// a date line with a title-shaped paragraph right under it.
    #[test]
    fn date_line_then_a_title_shaped_paragraph_reads_back() {
        for source in [
            "Tashkent, 12 March 2031\n《关于青年的声明》\n",
            "Tashkent, 12 March 2031\n《关于青年的声明》\n\n1. Agree.\n",
            "Tashkent, 12 March 2031\nJoint Statement\n\n1. Agree.\n",
        ] {
            let embedded = crate::document::Source::Embedded;
            let doc = crate::load::load_bytes(source.as_bytes(), embedded.clone()).document;
            let text = with_whole(&doc, to_text);
            let again = crate::load::load_bytes(text.as_bytes(), embedded).document;
            assert_eq!(again, doc, "{source:?} printed as {text:?}");
        }
    }

    /// Arabic numbers followed by 、, and in full-width brackets, as
    /// Chinese writes them, keep their 、 and brackets in the reader's
    /// marker, in text output and in citations.
    #[test]
    fn arabic_numbers_with_a_dun_keep_it() {
        let items = "关于方案\n\n1、适用范围：\n\n    （1）自评估；\n\n    （2）备案管理。\n";
        let doc = crate::load::load_bytes(items.as_bytes(), crate::document::Source::Embedded);
        assert_eq!(doc.document.paragraphs[2].marker(), "（2）");
        assert_eq!(with_whole(&doc.document, to_text), items);
        let index = crate::index::DocIndex::new(doc.document, &Themes::builtin());
        assert!(
            cite::citation(&index, 2).ends_with("第1段第（2）项"),
            "{}",
            cite::citation(&index, 2)
        );
        let source = "关于方案\n\n1、本方案自印发之日起施行。\n\n2、由办公室负责解释。\n";
        let source_of = crate::document::Source::Embedded;
        let doc = crate::load::load_bytes(source.as_bytes(), source_of).document;
        assert_eq!(doc.paragraphs[0].marker(), "1、");
        assert_eq!(doc.paragraphs[1].id, "op-2");
        assert_eq!(with_whole(&doc, to_text), source);
    }

    #[test]
    fn a_selection_writes_only_its_paragraphs_under_their_sections() {
        let doc = load_embedded().document;
        let themes = Themes::builtin();
        let tags = tag_document(&doc, &themes);
        let picked = [doc.find_id("pre-10").unwrap(), doc.find_id("op-7").unwrap()];
        let sel = Selection {
            doc: &doc,
            tags: &tags,
            themes: &themes,
            paragraphs: &picked,
            hits: None,
            state: None,
            refs: None,
        };
        let md = to_markdown(sel);
        assert!(!md.contains("## 引言"));
        assert!(md.contains("## 序言\n\n- 鼓励加强集体努力"));
        assert!(md.contains("## 执行部分\n\n**7.** 重申"));
        assert_eq!(to_text(sel).matches("\n\n").count(), 3);
    }

    #[test]
    fn a_selection_under_headings_writes_only_its_headings() {
        let text = "第一章 总则\n\n第一条 甲。\n\n第二章 空\n\n第三章 措施\n\n第二条 乙：\n（一）丙；\n（二）丁。";
        let doc =
            crate::load::load_bytes(text.as_bytes(), crate::document::Source::Embedded).document;
        let themes = Themes::builtin();
        let tags = tag_document(&doc, &themes);
        let all: Vec<usize> = (0..doc.paragraphs.len()).collect();
        fn sel<'a>(
            doc: &'a Document,
            tags: &'a DocTags,
            themes: &'a Themes,
            paragraphs: &'a [usize],
        ) -> Selection<'a> {
            Selection {
                doc,
                tags,
                themes,
                paragraphs,
                hits: None,
                state: None,
                refs: None,
            }
        }
        let sel = |paragraphs| sel(&doc, &tags, &themes, paragraphs);
        // The whole text keeps the empty chapter; a selection does not.
        let whole = to_text(sel(&all));
        assert!(
            whole.contains("第一条 甲。\n\n第二章 空\n\n第三章 措施\n\n第二条 乙："),
            "{whole}"
        );
        let picked = [doc.find_id("art-2-2").unwrap()];
        assert_eq!(to_text(sel(&picked)), "第三章 措施\n\n    （二）丁。\n");
        let md = to_markdown(sel(&picked));
        assert_eq!(md, "## 第三章 措施\n\n- **（二）** 丁。\n");
        let md = to_markdown(sel(&all));
        assert!(
            md.contains("## 第一章 总则\n\n**第一条** 甲。\n\n## 第二章 空\n\n## 第三章 措施"),
            "{md}"
        );
    }
}
