//! `--print json`: the document, its paragraphs with their themes and
//! evidence, and search hits when searching.

use serde::Serialize;

use super::Selection;
use crate::document::{Heading, Paragraph};
use crate::search::HitKind;
use crate::store::text_hash;
use crate::text::CharSlicer;
use crate::themes::Evidence;

#[derive(Serialize)]
struct JsonDocument<'a> {
    title: Option<&'a str>,
    dateline: Option<&'a str>,
    source: String,
    sections: &'a [Heading],
    paragraphs: Vec<JsonParagraph<'a>>,
    /// The reader's notes, when the document has any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<JsonNote<'a>>,
    /// The reader's marks, when the document has any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marks: Vec<JsonMark<'a>>,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    id: &'a str,
    paragraph: &'a str,
    text: &'a str,
    created: u64,
    updated: u64,
    /// The paragraph's text changed since the note was written (or the
    /// paragraph is gone).
    text_changed: bool,
}

#[derive(Serialize)]
struct JsonMark<'a> {
    name: char,
    /// Where the mark is now (the reader's place for it), else as saved.
    paragraph: &'a str,
    offset: usize,
}

/// The notes and marks of the saved state, for the JSON form.
fn notes_and_marks<'a>(sel: &Selection<'a>) -> (Vec<JsonNote<'a>>, Vec<JsonMark<'a>>) {
    let Some(state) = sel.state else {
        return (Vec::new(), Vec::new());
    };
    let doc = sel.doc;
    let notes = state
        .live_notes()
        .map(|(id, n)| JsonNote {
            id,
            paragraph: &n.paragraph,
            text: &n.text,
            created: n.created,
            updated: n.updated,
            text_changed: doc
                .find_id(&n.paragraph)
                .is_none_or(|p| text_hash(&doc.paragraphs[p].text) != n.paragraph_hash),
        })
        .collect();
    let marks = state
        .live_marks()
        .map(|(name, pos)| match pos.to_position(sel.doc) {
            Some(now) => JsonMark {
                name,
                paragraph: &sel.doc.paragraphs[now.paragraph].id,
                offset: now.offset,
            },
            None => JsonMark {
                name,
                paragraph: &pos.paragraph,
                offset: pos.offset,
            },
        })
        .collect();
    (notes, marks)
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    #[serde(flatten)]
    paragraph: &'a Paragraph,
    /// The id of the heading it follows.
    section: Option<&'a str>,
    /// The id of the paragraph it belongs to.
    parent: Option<&'a str>,
    themes: Vec<&'a str>,
    evidence: Vec<JsonEvidence<'a>>,
    references: Vec<JsonReference<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hits: Option<Vec<JsonHit>>,
}

/// A mention of a reference: its id and where it is, as evidence is.
#[derive(Serialize)]
struct JsonReference<'a> {
    id: &'a str,
    term: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonHit {
    start: usize,
    end: usize,
    kind: &'static str,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    theme: &'a str,
    term: &'a str,
    start: usize,
    end: usize,
}

/// The JSON form: `{"title", "dateline", "source", "sections": [{"id",
/// "number", "title"}], "paragraphs": [{"id", "kind", "number", "text",
/// "level", "section", "parent", "themes", "evidence", "references"}]}`,
/// pretty-printed, with a final newline.
pub fn to_json(sel: Selection<'_>) -> String {
    let doc = sel.doc;
    let theme_id = |t: usize| sel.themes.themes[t].id.as_str();
    let paragraphs = sel
        .paragraphs
        .iter()
        .map(|&i| {
            let evidence: Vec<Evidence> = sel.tags.evidence(i).collect();
            let mut themes: Vec<usize> = evidence.iter().map(|e| e.theme).collect();
            themes.sort_unstable();
            themes.dedup();
            let p = &doc.paragraphs[i];
            let mut evidence_terms = CharSlicer::new(&p.text);
            let mut mention_terms = CharSlicer::new(&p.text);
            JsonParagraph {
                paragraph: p,
                section: p.section().map(|h| doc.headings[h].id.as_str()),
                parent: p.parent().map(|q| doc.paragraphs[q].id.as_str()),
                themes: themes.into_iter().map(theme_id).collect(),
                evidence: evidence
                    .iter()
                    .map(|e| JsonEvidence {
                        theme: theme_id(e.theme),
                        term: evidence_terms.slice(e.start, e.end),
                        start: e.start,
                        end: e.end,
                    })
                    .collect(),
                references: sel.refs.map_or_else(Vec::new, |r| {
                    r.mentions(i)
                        .map(|m| JsonReference {
                            id: m.id(),
                            term: mention_terms.slice(m.start, m.end),
                            start: m.start,
                            end: m.end,
                        })
                        .collect()
                }),
                hits: sel.hits.map(|_| {
                    sel.hits_in(i)
                        .iter()
                        .map(|h| JsonHit {
                            start: h.start,
                            end: h.end,
                            kind: match h.kind {
                                HitKind::Literal => "literal",
                                HitKind::Pinyin => "pinyin",
                            },
                        })
                        .collect()
                }),
            }
        })
        .collect();
    let (notes, marks) = notes_and_marks(&sel);
    let j = JsonDocument {
        title: doc.title.as_deref(),
        dateline: doc.dateline.as_deref(),
        source: doc.source.to_string(),
        sections: &doc.headings,
        paragraphs,
        notes,
        marks,
    };
    let mut s = serde_json::to_string_pretty(&j).expect("a document always serialises");
    s.push('\n');
    s
}
