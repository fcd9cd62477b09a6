//! `--print json`: the document, its paragraphs with their themes and
//! evidence, and search hits when searching.

use serde::Serialize;

use super::Selection;
use crate::document::Paragraph;
use crate::search::HitKind;

#[derive(Serialize)]
struct JsonDocument<'a> {
    title: Option<&'a str>,
    dateline: Option<&'a str>,
    source: String,
    paragraphs: Vec<JsonParagraph<'a>>,
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    #[serde(flatten)]
    paragraph: &'a Paragraph,
    themes: Vec<&'a str>,
    evidence: Vec<JsonEvidence<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hits: Option<Vec<JsonHit>>,
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

/// The JSON form: `{"title", "dateline", "source", "paragraphs": [{"id",
/// "kind", "number", "text", "themes", "evidence"}]}`, pretty-printed, with a
/// final newline.
pub fn to_json(sel: Selection<'_>) -> String {
    let doc = sel.doc;
    let theme_id = |t: usize| sel.themes.themes[t].id.as_str();
    let paragraphs = sel
        .paragraphs
        .iter()
        .map(|&i| {
            let evidence = &sel.tags.evidence[i];
            let mut themes: Vec<usize> = evidence.iter().map(|e| e.theme).collect();
            themes.sort_unstable();
            themes.dedup();
            JsonParagraph {
                paragraph: &doc.paragraphs[i],
                themes: themes.into_iter().map(theme_id).collect(),
                evidence: evidence
                    .iter()
                    .map(|e| JsonEvidence {
                        theme: theme_id(e.theme),
                        term: &e.term,
                        start: e.start,
                        end: e.end,
                    })
                    .collect(),
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
    let j = JsonDocument {
        title: doc.title.as_deref(),
        dateline: doc.dateline.as_deref(),
        source: doc.source.to_string(),
        paragraphs,
    };
    let mut s = serde_json::to_string_pretty(&j).expect("a document always serialises");
    s.push('\n');
    s
}
