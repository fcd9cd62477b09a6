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
    sections: Vec<JsonHeading<'a>>,
    paragraphs: Vec<JsonParagraph<'a>>,
    /// The reader's notes, when the document has any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<JsonNote<'a>>,
    /// The reader's marks, when the document has any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marks: Vec<JsonMark<'a>>,
}

/// A heading, with where it stands among the others.
#[derive(Serialize)]
struct JsonHeading<'a> {
    #[serde(flatten)]
    heading: &'a Heading,
    /// 1 for the outermost kind of heading the text has, 2 for the kind
    /// within it (`第一节` under `第一章`), and so on.
    level: u8,
    /// The id of the heading it stands within, if any.
    parent: Option<&'a str>,
}

/// The headings with their levels and the heading each stands within:
/// the nearest one before it of a lower level.
fn nested_headings(headings: &[Heading]) -> Vec<JsonHeading<'_>> {
    let mut open: Vec<&Heading> = Vec::new();
    headings
        .iter()
        .map(|h| {
            while open.last().is_some_and(|o| o.rank >= h.rank) {
                open.pop();
            }
            let parent = open.last().map(|o| o.id.as_str());
            open.push(h);
            JsonHeading {
                heading: h,
                level: h.rank.saturating_add(1),
                parent,
            }
        })
        .collect()
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
    /// The paragraph is no longer in the text (the file was edited).
    paragraph_gone: bool,
}

#[derive(Serialize)]
struct JsonMark<'a> {
    name: char,
    /// Where the mark is now (the reader's place for it), else as saved.
    paragraph: &'a str,
    offset: usize,
}

/// The notes and marks of the saved state, for the JSON form: of a
/// selection narrowed by a filter, search or reference, only those on the
/// paragraphs written.
fn notes_and_marks<'a>(sel: &Selection<'a>) -> (Vec<JsonNote<'a>>, Vec<JsonMark<'a>>) {
    let Some(state) = sel.state else {
        return (Vec::new(), Vec::new());
    };
    let doc = sel.doc;
    let narrowed = sel.paragraphs.len() < doc.paragraphs.len();
    let written: std::collections::HashSet<usize> = match narrowed {
        true => sel.paragraphs.iter().copied().collect(),
        false => Default::default(),
    };
    let kept = |p: Option<usize>| !narrowed || p.is_some_and(|p| written.contains(&p));
    let notes = state
        .live_notes()
        .filter(|(_, n)| kept(doc.find_id(&n.paragraph)))
        .map(|(id, n)| JsonNote {
            id,
            paragraph: &n.paragraph,
            text: &n.text,
            created: n.created,
            updated: n.updated,
            text_changed: doc
                .find_id(&n.paragraph)
                .is_none_or(|p| text_hash(&doc.paragraphs[p].text) != n.paragraph_hash),
            paragraph_gone: doc.find_id(&n.paragraph).is_none(),
        })
        .collect();
    let marks = state
        .live_marks()
        .filter(|(_, pos)| kept(pos.to_position(doc).map(|now| now.paragraph)))
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
/// "number", "title", "level", "parent"}], "paragraphs": [{"id", "kind", "number", "text",
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
        sections: nested_headings(&doc.headings),
        paragraphs,
        notes,
        marks,
    };
    let mut s = serde_json::to_string_pretty(&j).expect("a document always serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nesting(text: &str) -> Vec<(String, u8, Option<String>)> {
        let doc =
            crate::load::load_bytes(text.as_bytes(), crate::document::Source::Embedded).document;
        nested_headings(&doc.headings)
            .into_iter()
            .map(|h| (h.heading.label(), h.level, h.parent.map(str::to_string)))
            .collect()
    }

    /// A law's sections stand within their chapter; a chapter with no
    /// sections, and a text of one kind of heading, stand alone.
    #[test]
    fn headings_say_the_heading_they_stand_within() {
        let law = "第一章 总则\n\n第一节 一般规定\n\n第一条 x。\n\n第二节 职责\n\n第二条 y。\n\n\
                   第二章 措施\n\n第三条 z。\n";
        let sec1 = Some("sec-1".to_string());
        assert_eq!(
            nesting(law),
            [
                ("第一章 总则".into(), 1, None),
                ("第一节 一般规定".into(), 2, sec1.clone()),
                ("第二节 职责".into(), 2, sec1),
                ("第二章 措施".into(), 1, None),
            ]
        );
        let strategy = "Section 1 Context\n\n1. a.\n\nSection 1.1 Threat\n\n2. b.\n\n\
                        Section 1.1.1 Online\n\n3. c.\n\nSection 2 Prevent\n\n4. d.\n";
        let levels: Vec<(u8, Option<String>)> = nesting(strategy)
            .into_iter()
            .map(|(_, l, p)| (l, p))
            .collect();
        assert_eq!(
            levels,
            [
                (1, None),
                (2, Some("sec-1".into())),
                (3, Some("sec-2".into())),
                (1, None),
            ]
        );
        let resolution = "I. Prevention\n\n1. Encourages.\n\nII. Cooperation\n\n2. Requests.\n";
        assert!(
            nesting(resolution)
                .iter()
                .all(|(_, l, p)| *l == 1 && p.is_none())
        );
    }
}
