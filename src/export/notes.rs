//! `--print notes`: the reader's notes on a document as Markdown — for
//! each, the citation, the paragraph quoted, and the note.

use super::{NotesSelected, cite};
use crate::index::DocIndex;
use crate::store::{DocState, text_hash};

/// The notes of `state` on `index`'s document, in paragraph order; notes
/// whose paragraph changed or is gone say so rather than vanish. With
/// `only` (what a filter, search or reference selected), those alone.
pub fn to_notes(index: &DocIndex, state: &DocState, only: Option<&NotesSelected>) -> String {
    let doc = index.doc();
    let lang = cite::doc_lang(doc);
    let wanted = |p: Option<usize>, id: &String| match (only, p) {
        (None, _) => true,
        (Some(only), Some(p)) => only.paragraphs.binary_search(&p).is_ok(),
        (Some(only), None) => only.gone.contains(id),
    };
    let mut notes: Vec<_> = state
        .live_notes()
        .map(|(id, n)| (doc.find_id(&n.paragraph), id, n))
        .filter(|&(p, id, _)| wanted(p, id))
        .map(|(p, _, n)| (p, n))
        .collect();
    notes.sort_by_key(|(p, n)| (p.unwrap_or(usize::MAX), n.created));
    let title = doc.title.clone().unwrap_or_else(|| doc.source.to_string());
    let mut out = match lang {
        cite::DocLang::Zh => format!("# 笔记：{}\n", super::markdown::escape(&title)),
        cite::DocLang::En => format!("# Notes on {}\n", super::markdown::escape(&title)),
    };
    if notes.is_empty() {
        // Narrowed past every note there is: said so, not taken for none.
        let elsewhere = only.is_some() && state.live_notes().next().is_some();
        out.push_str(match (lang, elsewhere) {
            (cite::DocLang::Zh, false) => "\n（没有笔记）\n",
            (cite::DocLang::En, false) => "\n(no notes)\n",
            (cite::DocLang::Zh, true) => "\n（所选段落上没有笔记）\n",
            (cite::DocLang::En, true) => "\n(no notes on the paragraphs selected)\n",
        });
        return out;
    }
    for (p, note) in notes {
        match p {
            Some(p) => {
                let para = &doc.paragraphs[p];
                out.push_str(&format!("\n## {}\n\n", cite::citation(index, p)));
                // Quoted as `y` quotes it: a chapeau with its items, an
                // item under its chapeau, a marker never read as a list's.
                let quoted = cite::quoted_text(index, p);
                for line in note_markdown(&quoted).split('\n') {
                    out.push_str(&format!("> {line}\n"));
                }
                if text_hash(&para.text) != note.paragraph_hash {
                    out.push_str(match lang {
                        cite::DocLang::Zh => "\n*（写笔记后，该段原文已改。）*\n",
                        cite::DocLang::En => {
                            "\n*(The paragraph's text changed since this note.)*\n"
                        }
                    });
                }
            }
            None => out.push_str(&match lang {
                cite::DocLang::Zh => format!("\n## {}（原文中已无此段）\n", note.paragraph),
                cite::DocLang::En => format!("\n## {} (no longer in the text)\n", note.paragraph),
            }),
        }
        out.push('\n');
        out.push_str(&note_markdown(&note.text));
        out.push('\n');
    }
    out
}

/// A note's text (or a quote) as Markdown that reads as it was typed: its lines kept
/// (hard breaks), and nothing in it taken for structure (`## …`, `> …`,
/// `---`, `- …`, `1. …`), which would break the export's own headings.
fn note_markdown(text: &str) -> String {
    let lines: Vec<String> = (text.split('\n'))
        .map(|line| super::markdown::plain_line_start(&super::markdown::escape(line)))
        .collect();
    lines.join("  \n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::Themes;

    #[test]
    fn each_note_comes_with_its_citation_and_paragraph() {
        let ix = DocIndex::new(crate::load::load_embedded().document, &Themes::builtin());
        let mut state = DocState::default();
        let op7 = &ix.doc().paragraphs[ix.find_id("op-7").unwrap()];
        state.add_note("op-7", "见FATF建议。", &op7.text);
        state.add_note("op-9", "an old note", "some other text");
        state.add_note("op-99", "orphan", "gone");
        let md = to_notes(&ix, &state, None);
        assert!(md.starts_with("# 笔记：杜尚别宣言\n"), "{md}");
        assert!(
            md.contains("\n## 《杜尚别宣言》第7段\n\n> 重申，我们致力于"),
            "{md}"
        );
        assert!(md.contains("\n见FATF建议。\n"));
        assert!(
            md.contains("该段原文已改"),
            "op-9's text is not what the note saw"
        );
        assert!(md.contains("op-99（原文中已无此段）\n\norphan"), "{md}");
        assert!(md.find("第7段").unwrap() < md.find("第9段").unwrap());
        // Narrowed to some paragraphs: their notes alone, no orphans.
        let op9 = ix.find_id("op-9").unwrap();
        let only = |paragraphs: Vec<usize>, gone: &[&str]| NotesSelected {
            paragraphs,
            gone: gone.iter().map(|g| g.to_string()).collect(),
        };
        let md = to_notes(&ix, &state, Some(&only(vec![op9], &[])));
        assert!(md.contains("an old note") && !md.contains("见FATF") && !md.contains("orphan"));
        let empty = only(Vec::new(), &[]);
        assert!(to_notes(&ix, &state, Some(&empty)).contains("（所选段落上没有笔记）"));
        let none = DocState::default();
        assert!(to_notes(&ix, &none, Some(&empty)).contains("（没有笔记）"));
        // A note whose paragraph is gone, selected (by a search of notes).
        let orphan = state
            .live_notes()
            .find(|(_, n)| n.text == "orphan")
            .unwrap()
            .0;
        let md = to_notes(&ix, &state, Some(&only(Vec::new(), &[orphan])));
        assert!(md.contains("op-99（原文中已无此段）\n\norphan") && !md.contains("an old note"));
    }

    /// A note on a chapeau quotes its items with it, and one on an item
    /// quotes the chapeau it continues, as `y` does.
    #[test]
    fn a_chapeau_is_quoted_with_its_items_and_an_item_under_its_chapeau() {
        let text = "The Security Council,\n\nRecalling,\n\n1. Decides that all States shall:\n\
                    (a) Prevent financing;\n(b) Freeze funds.\n\n2. Decides to remain seized.\n";
        let doc = crate::document::parse(text, crate::document::Source::Embedded);
        let ix = DocIndex::new(doc, &Themes::builtin());
        let mut state = DocState::default();
        state.add_note("op-1", "on the chapeau", "x");
        state.add_note("op-1-b", "on an item", "x");
        let md = to_notes(&ix, &state, None);
        let md = md.replace("  \n", "\n");
        assert!(
            md.contains(
                "> Decides that all States shall:\n> (a) Prevent financing;\n> (b) Freeze funds.\n"
            ),
            "{md}"
        );
        assert!(
            md.contains("> 1\\. Decides that all States shall:\n> (b) Freeze funds.\n"),
            "{md}"
        );
    }

    /// A note's lines stay lines, and nothing in it becomes a heading, a
    /// quote, a rule, a list or code in the export.
    #[test]
    fn a_notes_text_is_markdown_that_reads_as_typed() {
        let ix = DocIndex::new(crate::load::load_embedded().document, &Themes::builtin());
        let mut state = DocState::default();
        let op7 = &ix.doc().paragraphs[ix.find_id("op-7").unwrap()];
        let typed = "\tfirst line, after a tab\n## Question for capital\n> quoted\n---\n- item\n12. point\n    indented\n\t\tby two tabs\nlast";
        state.add_note("op-7", typed, &op7.text);
        let md = to_notes(&ix, &state, None);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
        let note = html
            .split("</blockquote>")
            .nth(1)
            .expect("the note after the quote");
        for tag in ["<h2>", "<blockquote>", "<hr", "<ul>", "<ol", "<pre>"] {
            assert!(!note.contains(tag), "{tag} in {note}");
        }
        let breaks = note.matches("<br />").count();
        assert_eq!(breaks, typed.lines().count() - 1, "{note}");
        for words in [
            "## Question for capital",
            "&gt; quoted",
            "---",
            "- item",
            "12. point",
            "indented",
            "first line, after a tab",
            "by two tabs",
        ] {
            assert!(note.contains(words), "{words} in {note}");
        }
    }
}
