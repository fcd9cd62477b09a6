//! `--print notes`: the reader's notes on a document as Markdown — for
//! each, the citation, the paragraph quoted, and the note.

use super::cite;
use crate::index::DocIndex;
use crate::store::{DocState, text_hash};

/// The notes of `state` on `index`'s document, in paragraph order; notes
/// whose paragraph changed or is gone say so rather than vanish.
pub fn to_notes(index: &DocIndex, state: &DocState) -> String {
    let doc = index.doc();
    let lang = cite::doc_lang(doc);
    let mut notes: Vec<_> = state
        .live_notes()
        .map(|(_, n)| (doc.find_id(&n.paragraph), n))
        .collect();
    notes.sort_by_key(|(p, n)| (p.unwrap_or(usize::MAX), n.created));
    let title = doc.title.clone().unwrap_or_else(|| doc.source.to_string());
    let mut out = match lang {
        cite::DocLang::Zh => format!("# 笔记：{}\n", super::markdown::escape(&title)),
        cite::DocLang::En => format!("# Notes on {}\n", super::markdown::escape(&title)),
    };
    if notes.is_empty() {
        out.push_str(match lang {
            cite::DocLang::Zh => "\n（没有笔记）\n",
            cite::DocLang::En => "\n(no notes)\n",
        });
        return out;
    }
    for (p, note) in notes {
        match p {
            Some(p) => {
                let para = &doc.paragraphs[p];
                out.push_str(&format!("\n## {}\n\n", cite::citation(index, p)));
                for line in super::markdown::escape(&para.text).split('\n') {
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
        out.push_str(&note.text);
        out.push('\n');
    }
    out
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
        let md = to_notes(&ix, &state);
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
    }
}
