//! What is derived once from a document, at load, and never changes: its
//! outline sections, the section of each paragraph, character prefix sums,
//! the id table, theme tags, references, marker widths, lead phrases and
//! the search index.
//!
//! Shared by the reader and by `--print`, so both see the same facts.

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::id;
use crate::document::{Document, Kind, Section, lead_phrase_len};
use crate::refs::{DocRefs, Recogniser, builtin_recogniser, index_document};
use crate::search::Searcher;
use crate::text::str_width;
use crate::themes::{DocTags, Themes, tag_document};

mod named_text;
mod resolve;
mod shape;
mod suggest;

/// Paragraph ids to paragraphs, without a copy of each id: the ids' hashes
/// with their paragraphs, sorted, looked up by binary search and checked
/// against the paragraph's own id. 16 bytes a paragraph, where a map from
/// copied ids took about a hundred (a text can have a million paragraphs).
#[derive(Debug, Default)]
struct IdTable(Vec<(u32, u32)>);

impl IdTable {
    /// 32 bits of the id's hash: a clash costs one more comparison of
    /// ids, where 64 would double the table.
    fn hash(id: &str) -> u32 {
        use std::hash::BuildHasher;
        foldhash::fast::FixedState::with_seed(0x1d5).hash_one(id) as u32
    }

    fn new(doc: &Document) -> IdTable {
        let mut table: Vec<(u32, u32)> = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (IdTable::hash(&p.id), i as u32))
            .collect();
        // By hash, then paragraph: the first paragraph with an id wins.
        table.sort_unstable();
        IdTable(table)
    }

    fn find(&self, doc: &Document, id: &str) -> Option<usize> {
        let h = IdTable::hash(id);
        let from = self.0.partition_point(|&(k, _)| k < h);
        self.0[from..]
            .iter()
            .take_while(|&&(k, _)| k == h)
            .map(|&(_, i)| i as usize)
            .find(|&i| doc.paragraphs[i].id == id)
    }
}

pub use shape::{MAX_INDENT, Shape};

/// A document and the facts derived from it.
#[derive(Debug)]
pub struct DocIndex {
    doc: Arc<Document>,
    /// The outline's sections, in order, covering every paragraph.
    sections: Vec<Section>,
    /// `char_prefix[i]`: characters in all paragraphs before paragraph `i`
    /// (32 bits: texts are at most 64 MiB).
    char_prefix: Vec<u32>,
    ids: IdTable,
    /// `op-1` → the first paragraph whose id carries a heading (`s2-op-1`),
    /// so a number typed without its heading still finds one.
    unqualified: HashMap<String, usize>,
    tags: DocTags,
    /// The resolutions, documents, instruments and bodies each paragraph
    /// cites.
    refs: DocRefs,
    /// Widest paragraph marker (`16.`), in columns.
    marker_width: usize,
    /// Whether any paragraph is operative or preambular: then one without
    /// a number is cited `unnumbered para. N`, not `para. N`.
    numbered: bool,
    /// The headings after the last paragraph ([`Self::headings_after_text`]),
    /// found once: frames ask for them.
    after_text: std::ops::Range<usize>,
    /// Per paragraph: its lead phrase's length in characters (0: none).
    leads: Vec<u32>,
    /// Per paragraph: its place among siblings and its indent.
    shapes: Vec<Shape>,
    searcher: Arc<Searcher>,
}

impl DocIndex {
    /// Derives everything from `doc`, tagging it with `themes` and finding
    /// the built-in references. The search index itself is built on first
    /// use (by the worker thread).
    pub fn new(doc: Document, themes: &Themes) -> DocIndex {
        DocIndex::with_references(doc, themes, builtin_recogniser())
    }

    /// The same, finding references with `recogniser` (the built-in table
    /// merged with the user's).
    pub fn with_references(doc: Document, themes: &Themes, recogniser: &Recogniser) -> DocIndex {
        let doc = Arc::new(doc);
        let (tags, refs) = tags_and_refs(&doc, themes, recogniser);
        let sections = doc.sections();
        let mut section_of = Vec::with_capacity(doc.paragraphs.len());
        for (s, sec) in sections.iter().enumerate() {
            section_of.extend(std::iter::repeat_n(s, sec.len()));
        }
        let mut char_prefix = Vec::with_capacity(doc.paragraphs.len() + 1);
        let mut total = 0u32;
        char_prefix.push(0);
        for p in &doc.paragraphs {
            let chars = u32::try_from(p.text.chars().count()).unwrap_or(u32::MAX);
            total = total.saturating_add(chars);
            char_prefix.push(total);
        }
        let ids = IdTable::new(&doc);
        let mut unqualified = HashMap::new();
        for (i, p) in doc.paragraphs.iter().enumerate() {
            if let Some((_, rest)) = id::unqualify(&p.id) {
                unqualified.entry(rest.to_string()).or_insert(i);
            }
        }
        // The gutter holds top-level markers; sub-paragraphs' hang in the text.
        let marker_width = doc
            .paragraphs
            .iter()
            .filter(|p| p.parent().is_none())
            .map(|p| str_width(&p.marker()))
            .max()
            .unwrap_or(0);
        let numbered =
            (doc.paragraphs.iter()).any(|p| matches!(p.kind, Kind::Operative | Kind::Preamble));
        let after_text = match sections.is_empty() {
            true => 0..0,
            false => {
                let last = (sections.iter().rev()).find_map(|s| s.heading);
                last.map_or(0, |h| h + 1)..doc.headings.len()
            }
        };
        let shapes = shape::shapes(&doc, &section_of);
        let leads = doc
            .paragraphs
            .iter()
            .map(|p| lead_phrase_len(&p.text).map_or(0, |n| n as u32))
            .collect();
        DocIndex {
            shapes,
            leads,
            searcher: Arc::new(Searcher::new(Arc::clone(&doc))),
            doc,
            sections,
            char_prefix,
            ids,
            unqualified,
            tags,
            refs,
            marker_width,
            numbered,
            after_text,
        }
    }

    /// Whether any paragraph is operative or preambular (a resolution's,
    /// even one in parts whose runs each start with an acting body).
    pub fn has_numbered(&self) -> bool {
        self.numbered
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Number of paragraphs.
    pub fn len(&self) -> usize {
        self.doc.paragraphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc.paragraphs.is_empty()
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Whether the text has a preamble, as a resolution does: only then are
    /// its numbered paragraphs an operative part.
    pub fn has_preamble(&self) -> bool {
        self.sections.iter().any(|s| s.kind == Kind::Preamble)
    }

    /// The section paragraph `p` belongs to.
    pub fn section_of(&self, p: usize) -> usize {
        self.sections.partition_point(|s| s.end <= p)
    }

    /// The kind of the section of paragraph `p`.
    pub fn section_kind(&self, p: usize) -> Kind {
        self.sections[self.section_of(p)].kind
    }

    /// Paragraph `p`'s place within its section: (1-based index, section length).
    pub fn ordinal(&self, p: usize) -> (usize, usize) {
        let (k, n) = self.shapes[p].ordinal;
        (k as usize, n as usize)
    }

    /// Where character `offset` of paragraph `para` is in the whole text.
    pub fn char_position(&self, para: usize, offset: usize) -> usize {
        self.char_prefix[para] as usize + offset
    }

    /// Characters in paragraph `p`.
    pub fn char_len(&self, p: usize) -> usize {
        (self.char_prefix[p + 1] - self.char_prefix[p]) as usize
    }

    pub fn total_chars(&self) -> usize {
        self.char_prefix.last().map_or(0, |&n| n as usize)
    }

    pub fn tags(&self) -> &DocTags {
        &self.tags
    }

    /// Each paragraph's references, and the paragraphs citing each.
    pub fn refs(&self) -> &DocRefs {
        &self.refs
    }

    /// Paragraph `p`'s place in the structure: siblings, sub-paragraphs,
    /// hanging indent.
    pub fn shape(&self, p: usize) -> Shape {
        self.shapes[p]
    }

    /// `list` (sorted) with the paragraphs each of its sub-paragraphs
    /// belongs to, so a matching sub-paragraph shows under its parent's
    /// chapeau.
    pub fn with_context(&self, list: Vec<usize>) -> Vec<usize> {
        let paragraphs = &self.doc.paragraphs;
        if list.iter().all(|&p| paragraphs[p].parent().is_none()) {
            return list;
        }
        let mut out: Vec<usize> = list
            .iter()
            .flat_map(|&p| std::iter::successors(Some(p), |&q| paragraphs[q].parent()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The outline and reader label of run `s`: its heading as the source
    /// writes it, if it has one.
    /// The headings with no paragraphs of their own right before section
    /// `s`'s heading (`Chapter 1: Context` over `Section 1.1 Purpose`):
    /// shown above it, as they stand in the text.
    pub fn empty_headings_before(&self, s: usize) -> std::ops::Range<usize> {
        let Some(h) = self.sections[s].heading else {
            return 0..0;
        };
        let before = s.checked_sub(1).and_then(|r| self.sections[r].heading);
        before.map_or(0, |b| b + 1)..h
    }

    /// The headings after the last paragraph (`三、最后部分` with nothing
    /// under it at the text's end): shown after it, as they stand in the
    /// text. None in a text without paragraphs, which shows none.
    pub fn headings_after_text(&self) -> std::ops::Range<usize> {
        self.after_text.clone()
    }

    pub fn heading_label(&self, s: usize) -> Option<String> {
        let h = self.sections[s].heading?;
        self.doc.headings.get(h).map(|h| h.label())
    }

    /// The length of paragraph `p`'s lead phrase in characters (0: none).
    pub fn lead(&self, p: usize) -> usize {
        self.leads[p] as usize
    }

    /// Widest paragraph marker, in columns.
    pub fn marker_width(&self) -> usize {
        self.marker_width
    }

    /// The searcher, for the worker thread (and for answers computed here).
    pub fn searcher(&self) -> &Arc<Searcher> {
        &self.searcher
    }

    /// The paragraph with this id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.ids.find(&self.doc, id)
    }
}

/// A text of at least this many bytes is tagged and searched for
/// references on two threads at once; below it, a thread costs more than
/// it saves.
const TWO_THREADS_FROM: usize = 256 * 1024;

/// Every paragraph's themes and the text's references: side by side on two
/// threads for a large text (each pass is linear, and they take about as
/// long as each other), one after the other for a small one.
fn tags_and_refs(doc: &Document, themes: &Themes, recogniser: &Recogniser) -> (DocTags, DocRefs) {
    let bytes: usize = doc.paragraphs.iter().map(|p| p.text.len()).sum();
    if bytes < TWO_THREADS_FROM {
        return (tag_document(doc, themes), index_document(doc, recogniser));
    }
    std::thread::scope(|s| {
        let refs = s.spawn(|| index_document(doc, recogniser));
        let tags = tag_document(doc, themes);
        let refs = refs
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (tags, refs)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Source;
    use crate::load::load_bytes;

    /// The index of `text`, for the index's tests.
    pub(super) fn index(text: &str) -> DocIndex {
        DocIndex::new(
            load_bytes(text.as_bytes(), Source::Embedded).document,
            &Themes::builtin(),
        )
    }

    #[test]
    fn a_bare_number_in_restarted_numbering_is_the_one_under_the_heading_being_read() {
        let text = "Part I\n\n1. a\n\n2. b\n\nPart II\n\n1. c\n\n2. d\n\n3. e\n";
        let index = index(text);
        let id = |p: Option<usize>| p.map(|p| index.doc().paragraphs[p].id.clone());
        let at = |id: &str| index.find_id(id);
        assert_eq!(id(at("s2-op-1")).as_deref(), Some("s2-op-1"));
        // Reading Part II: 2 and op-2 are Part II's.
        for typed in ["2", "op-2"] {
            assert_eq!(
                id(index.resolve_near(typed, at("s2-op-1"))).as_deref(),
                Some("s2-op-2")
            );
            // Reading Part I, or nowhere (--cite): Part I's.
            assert_eq!(
                id(index.resolve_near(typed, at("s1-op-1"))).as_deref(),
                Some("s1-op-2")
            );
            assert_eq!(id(index.resolve(typed)).as_deref(), Some("s1-op-2"));
        }
        // A number the heading being read lacks is found under another.
        assert_eq!(
            id(index.resolve_near("3", at("s1-op-2"))).as_deref(),
            Some("s2-op-3")
        );
        // From an unnumbered paragraph under Part II, too.
        let text = "Part I\n\n1. a\n\n2. b\n\nPart II\n\nIntroduction here.\n\n1. c\n\n2. d\n";
        let index2 = super::tests::index(text);
        let unnumbered = (0..index2.len())
            .find(|&p| index2.doc().paragraphs[p].text.starts_with("Introduction"))
            .unwrap();
        let got = index2.resolve_near("2", Some(unnumbered));
        assert_eq!(
            got.map(|p| index2.doc().paragraphs[p].id.as_str()),
            Some("s2-op-2")
        );
        // A bracketed label alone in a plan whose （一）（二） restart under
        // each heading: the one under the heading being read.
        let plan = "一、总体\n\n（一）甲。\n\n（二）乙。\n\n二、任务\n\n（一）丙。\n\n（二）丁。\n";
        let plan = super::tests::index(plan);
        let named = |input: &str, near: &str| {
            let p = plan.resolve_near(input, plan.find_id(near))?;
            Some(plan.doc().paragraphs[p].text.clone())
        };
        assert_eq!(named("（一）", "s2-op-1").as_deref(), Some("丙。"));
        // 二（二）: item （二） of part 二, from anywhere; so 2（二） and
        // 第二部分第（二）项.
        for typed in ["二（二）", "2（二）", "第二部分第（二）项", "第二部分第2段"]
        {
            assert_eq!(named(typed, "s1-op-1").as_deref(), Some("丁。"), "{typed}");
        }
        assert_eq!(named("一（二）", "s2-op-1").as_deref(), Some("乙。"));
        assert_eq!(named("（一）", "s2-op-2").as_deref(), Some("丙。"));
        assert_eq!(named("（二）", "s1-op-1").as_deref(), Some("乙。"));
        // Qualified input is as typed.
        assert_eq!(
            id(index.resolve_near("1.2", at("s2-op-1"))).as_deref(),
            Some("s1-op-2")
        );
    }

    #[test]
    fn every_paragraph_is_in_the_section_that_holds_it() {
        let texts = [
            crate::load::load_embedded().document,
            load_bytes(
                "Part I\n\n1. a\n\n2. b\n(a) c\n\nPart II\n\n1. d\n\n3. e\n".as_bytes(),
                Source::Embedded,
            )
            .document,
        ];
        for doc in texts {
            let index = DocIndex::new(doc, &Themes::builtin());
            assert!(index.sections().len() > 1);
            for p in 0..index.len() {
                let s = index.section_of(p);
                let sec = index.sections()[s];
                assert!(sec.start <= p && p < sec.end, "paragraph {p} in {sec:?}");
                assert_eq!(index.section_kind(p), sec.kind);
            }
        }
    }

    /// The id of the paragraph `input` finds.
    fn found(index: &DocIndex, input: &str) -> Option<String> {
        index
            .resolve(input)
            .map(|p| index.doc().paragraphs[p].id.to_string())
    }

    #[test]
    fn every_typed_form_finds_its_paragraph() {
        let i = index(
            "- pre.\n\n1. One:\n(a) a;\n(b) b:\n(i) i;\n(ii) ii.\n\n4. Four.\n\n4 bis. Four bis.\n\n12 (a). Twelve a.",
        );
        let cases = [
            ("1", "op-1"),
            ("op-1", "op-1"),
            ("OP-1.", "op-1"),
            ("１", "op-1"),
            ("1(b)", "op-1-b"),
            ("1b", "op-1-b"),
            ("1 (b)", "op-1-b"),
            ("1-b", "op-1-b"),
            ("op-1-b", "op-1-b"),
            ("1（b）", "op-1-b"),
            ("1(b)(ii)", "op-1-b-ii"),
            ("1bii", "op-1-b-ii"),
            ("1bi", "op-1-b-i"),
            ("op-1-b-ii", "op-1-b-ii"),
            ("4bis", "op-4-bis"),
            ("4 bis", "op-4-bis"),
            ("op-4-bis", "op-4-bis"),
            ("12(a)", "op-12-a"),
            ("pre-1", "pre-1"),
        ];
        for (typed, id) in cases {
            assert_eq!(found(&i, typed).as_deref(), Some(id), "{typed}");
        }
        // `Part I` names a heading, and there is none: not paragraph 1.
        for missing in ["2", "1(c)", "op-9", "5bis", "2.1", "Part I", "第一部分"] {
            assert_eq!(found(&i, missing), None, "{missing}");
        }
    }

    #[test]
    fn a_label_alone_is_found_near_the_paragraph_being_read() {
        let i = index("1. One:\n(a) a;\n(b) b:\n(i) i;\n(ii) ii.\n\n2. Two:\n(a) x;\n(b) y.");
        let at = |id: &str| i.find_id(id);
        let near = |typed: &str, from: &str| {
            i.resolve_near(typed, at(from))
                .map(|p| i.doc().paragraphs[p].id.clone())
        };
        assert_eq!(near("(b)", "op-2").as_deref(), Some("op-2-b"));
        assert_eq!(near("(b)", "op-1-a").as_deref(), Some("op-1-b"));
        assert_eq!(near("(ii)", "op-1-b-i").as_deref(), Some("op-1-b-ii"));
        assert_eq!(near("(a)", "op-1-b-ii").as_deref(), Some("op-1-a"));
        assert_eq!(near("(c)", "op-1"), None);
        // Without a paragraph being read (--cite), a label says too little.
        assert_eq!(i.resolve("(b)"), None);
        // Only a bracketed label answers a bracketed query: in a plan whose
        // paragraph （三） has items 1. 2. 3., `（三）` is the paragraph.
        let plan = index("（一）甲。\n\n（三）乙：\n1. 子一；\n2. 子二；\n3. 子三。\n\n（四）丙。");
        let from = |typed: &str, id: &str| {
            plan.resolve_near(typed, plan.find_id(id))
                .map(|p| plan.doc().paragraphs[p].id.clone())
        };
        let three = plan
            .doc()
            .paragraphs
            .iter()
            .position(|p| p.text.starts_with('乙'))
            .unwrap();
        let three_id = plan.doc().paragraphs[three].id.clone();
        assert_eq!(from("（三）", &three_id), Some(three_id.clone()));
        let first = plan.doc().paragraphs[0].id.clone();
        let four = plan
            .doc()
            .paragraphs
            .iter()
            .position(|p| p.text.starts_with('丙'))
            .unwrap();
        assert_eq!(
            from("（四）", &first),
            Some(plan.doc().paragraphs[four].id.clone())
        );
    }

    #[test]
    fn articles_by_number_id_and_in_words() {
        let i = index(
            "第一章 总则\n\n第一条 甲。\n\n第二条 乙：\n（一）丙；\n（二）丁。\n\n第十二条 戊。",
        );
        for (typed, id) in [
            ("2", "art-2"),
            ("art-2", "art-2"),
            ("第二条", "art-2"),
            ("第十二条", "art-12"),
            ("第12条", "art-12"),
            ("Article 12", "art-12"),
            ("art. 12", "art-12"),
            ("2(1)", "art-2-1"),
            ("art-2-2", "art-2-2"),
            ("sec-1", "art-1"),
            ("1.2", "art-2"),
            ("一.2", "art-2"),
            ("第一章", "art-1"),
            // As a citation writes it.
            ("第二条第（一）项", "art-2-1"),
            ("chapter 1", "art-1"),
            // No heading 二: paragraph 2.
            ("二", "art-2"),
        ] {
            assert_eq!(found(&i, typed).as_deref(), Some(id), "{typed}");
        }
    }

    #[test]
    fn numbers_under_headings_when_numbering_restarts() {
        let i = index("Intro.\n\nPart I\n\n1. a.\n\n2. b:\n(a) c.\n\nPart II\n\n1. d.\n\n2. e.");
        for (typed, id) in [
            ("s1-op-1", "s1-op-1"),
            ("s2-op-2", "s2-op-2"),
            ("2.1", "s2-op-1"),
            ("ii.2", "s2-op-2"),
            ("II.2", "s2-op-2"),
            ("1.2(a)", "s1-op-2-a"),
            ("s1-op-2-a", "s1-op-2-a"),
            ("sec-2", "s2-op-1"),
            ("Part II", "s2-op-1"),
            ("II", "s2-op-1"),
            ("part 2", "s2-op-1"),
            ("第二部分", "s2-op-1"),
            // Without its heading, the first paragraph with that number.
            ("1", "s1-op-1"),
            ("op-2", "s1-op-2"),
        ] {
            assert_eq!(found(&i, typed).as_deref(), Some(id), "{typed}");
        }
        assert_eq!(found(&i, "3.1"), None);
        assert_eq!(found(&i, "sec-3"), None);
        assert_eq!(found(&i, "Part III"), None);
        // A heading of another kind is not this one.
        assert_eq!(found(&i, "section ii"), None);
        assert_eq!(found(&i, "Chapter 2"), None);
        let zh = index("一、总体要求\n\n1. 甲。\n\n二、重点任务\n\n1. 乙。\n\n2. 丙。");
        for (typed, id) in [
            ("二", "s2-op-1"),
            ("二、", "s2-op-1"),
            ("第二部分", "s2-op-1"),
        ] {
            assert_eq!(found(&zh, typed).as_deref(), Some(id), "{typed}");
        }
    }

    /// A heading named by its words first, in a breadcrumb or a citation,
    /// reads the rest under that heading alone, wherever reading is; a
    /// heading of a kind or number the text does not have is nowhere.
    #[test]
    fn a_heading_named_first_reads_the_rest_under_it() {
        let i = index(
            "Strategy\n\nChapter 1: Context\n\nSection 1.1 Purpose\n\n1. a.\n\n2. b.\n\n\
             Section 1.2 Lessons learned\n\n1. c.\n\n2. d.\n\nChapter 2: Priorities\n\n\
             Section 2.1 Prevention\n\n1. e.\n\n2. f:\n(a) g.\n",
        );
        let last = i.len() - 1;
        let from_end = |typed: &str| {
            i.resolve_near(typed, Some(last))
                .map(|p| i.doc().paragraphs[p].id.to_string())
        };
        for (typed, id) in [
            ("Section 1.2 Lessons learned › 2.", "s3-op-2"),
            ("Section 1.2 › 2.", "s3-op-2"),
            ("Lessons learned › 2.", "s3-op-2"),
            ("Section 1.2 Lessons learned, para. 2", "s3-op-2"),
            ("Lessons learned, para. 2", "s3-op-2"),
            ("section 1.2, para. 1", "s3-op-1"),
            ("Section 2.1 Prevention › 2. › (a)", "s5-op-2-a"),
            // `1.2` is the heading so numbered.
            ("1.2", "s3-op-1"),
            ("Chapter 2", "s5-op-1"),
            // As the Chinese status line names it, cut short on a narrow
            // one, and a heading as written.
            ("第1.2部分第2段", "s3-op-2"),
            ("Section 1.2… › 2.", "s3-op-2"),
            ("Chapter 1: Context", "s2-op-1"),
            // A chapter's paragraph in one of its sections: the first so
            // numbered within it, wherever reading is.
            ("Chapter 2, para. 2", "s5-op-2"),
            ("Chapter 2, para. 2 (a)", "s5-op-2-a"),
            ("Chapter 1, para. 2", "s2-op-2"),
            ("Chapter 1 › 1.", "s2-op-1"),
            // In Chinese too, never read as `1.2` (Section 1.2).
            ("第一章第2段", "s2-op-2"),
            ("第二章第2段", "s5-op-2"),
            // As the Chinese interface names an English text's sections.
            ("第1.2节第2段", "s3-op-2"),
        ] {
            assert_eq!(from_end(typed).as_deref(), Some(id), "{typed}");
        }
        for typed in [
            "Part II",
            "Part II › 1.",
            "Section 3",
            "Section 1.3",
            "Section 9.9 Title, para. 2",
            "Section 1.1 Purpose › 3.",
            "Chapter 3",
            "Chapter 1, para. 3",
            "Section 1.1, para. 2 (a)",
        ] {
            assert_eq!(from_end(typed), None, "{typed}");
        }
        // What it suggests then: that heading's first and last paragraphs.
        assert_eq!(i.example_ids_for("Chapter 1, para. 3"), "s2-op-1, s3-op-2");
        assert_eq!(
            i.example_ids_for("Section 1.2, para. 3"),
            "s3-op-1, s3-op-2"
        );
        // A heading the text does not have is named as such.
        assert_eq!(i.missing_heading("Chapter 7, para. 1"), Some("Chapter 7"));
        assert_eq!(i.missing_heading("Chapter 2, para. 9"), None);
        // A number past the last suggests the last first.
    }

    #[test]
    fn a_heading_is_found_by_its_place_when_its_number_is_not_typed() {
        let i = index("## Preface\n\nText.\n\nChapter 1\n\n1. a.\n\nChapter 2\n\n1. b.");
        // `2.1`: paragraph 1 under the heading numbered 2, not the second heading.
        assert_eq!(found(&i, "2.1").as_deref(), Some("s3-op-1"));
        assert_eq!(found(&i, "1.1").as_deref(), Some("s2-op-1"));
    }

    #[test]
    fn lead_phrases_and_markers_of_an_english_resolution() {
        let i = index(
            "The Security Council,\n\nRecalling its resolutions,\n\nDeeply concerned by the threat,\n\n1. Calls upon all States:\n(a) To act;\n\n2. Decides to remain seized.",
        );
        let lead = |id: &str| {
            let p = i.find_id(id).unwrap();
            let text: String = i.doc().paragraphs[p].text.chars().take(i.lead(p)).collect();
            (text, i.doc().paragraphs[p].marker())
        };
        assert_eq!(lead("pre-1"), ("Recalling".into(), "—".into()));
        assert_eq!(lead("pre-2"), ("Deeply concerned".into(), "—".into()));
        assert_eq!(lead("op-1"), ("Calls upon".into(), "1.".into()));
        assert_eq!(lead("op-1-a"), (String::new(), "(a)".into()));
        assert_eq!(lead("op-2"), ("Decides".into(), "2.".into()));
        // The gutter is for top-level markers (`1.`); `(a)` hangs in the text.
        assert_eq!(i.marker_width(), 2);
    }
}
