//! `--print text`: the source's own shape, which parses back to the same
//! document.

use super::Selection;

/// Plain text in the shape of the source: title, dateline, then each
/// paragraph with its marker, separated by blank lines.
pub fn to_text(sel: Selection<'_>) -> String {
    let doc = sel.doc;
    let mut blocks = Vec::new();
    if let Some(t) = &doc.title {
        blocks.push(format!("《{t}》"));
    }
    if let Some(d) = &doc.dateline {
        blocks.push(d.clone());
    }
    for p in sel.paragraphs.iter().map(|&i| &doc.paragraphs[i]) {
        let marker = p.marker();
        if marker.is_empty() {
            blocks.push(p.text.clone());
        } else {
            blocks.push(format!("{marker} {}", p.text));
        }
    }
    let mut s = blocks.join("\n\n");
    s.push('\n');
    s
}
