//! A generator of large declaration-like texts, for benchmarks and tests of
//! behaviour at size. Deterministic: the same arguments give the same text.

use crate::document::EMBEDDED_DECLARATION;

/// Builds a declaration-shaped text of at least `target_bytes` bytes: a
/// title, a dateline, the declaration's introduction and preamble, then as
/// many numbered operative paragraphs as it takes, each a varied copy of one
/// of the declaration's own paragraphs.
pub fn large_declaration(target_bytes: usize) -> String {
    let blocks: Vec<&str> = EMBEDDED_DECLARATION
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let bodies: Vec<&str> = blocks
        .iter()
        .filter_map(|b| b.split_once(". ").map(|(_, rest)| rest))
        .filter(|b| !b.is_empty())
        .collect();
    let mut out = String::with_capacity(target_bytes + 4096);
    out.push_str("《大型测试宣言》\n\n测试城，2018年5月3-4日\n\n");
    // Introduction and preamble as in the declaration.
    for b in &blocks[2..] {
        let numbered = b
            .split_once(". ")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        if numbered {
            break;
        }
        out.push_str(b);
        out.push_str("\n\n");
    }
    let mut n = 0usize;
    while out.len() < target_bytes {
        n += 1;
        let body = bodies[n % bodies.len()];
        // Vary each copy so that no two paragraphs are the same.
        let cut = body.char_indices().nth(n % 7).map_or(0, |(i, _)| i);
        out.push_str(&format!("{n}. {}第{n}项{}\n\n", &body[cut..], &body[..cut]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Kind, Source, parse};
    use crate::text::sanitize;

    #[test]
    fn large_text_parses_into_many_numbered_paragraphs() {
        let text = large_declaration(300_000);
        assert!(text.len() >= 300_000);
        let doc = parse(&sanitize(&text).text, Source::Embedded);
        let ops = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == Kind::Operative)
            .count();
        assert!(ops > 500, "{ops}");
        assert_eq!(
            doc.paragraphs
                .iter()
                .filter(|p| p.kind == Kind::Preamble)
                .count(),
            10
        );
        assert_eq!(doc.paragraphs.last().unwrap().id, format!("op-{ops}"));
    }
}
