//! Which paragraphs to show: those the theme filter matches and, when a
//! search narrows them, those with hits; when a reference narrows them,
//! those citing it. The same functions for `--print` and for the reader,
//! so both agree.

use crate::refs::Citing;
use crate::search::Hit;
use crate::themes::{DocTags, Filter};

/// Indices of the paragraphs that match `filter` (all of them when it is
/// off) and, when `hits` is given (sorted by paragraph), have a hit.
pub fn select(tags: &DocTags, filter: &Filter, hits: Option<&[(usize, Vec<Hit>)]>) -> Vec<usize> {
    let matching = tags
        .sets()
        .enumerate()
        .filter(|&(_, s)| filter.matches(s))
        .map(|(i, _)| i);
    match hits {
        None => matching.collect(),
        Some(hits) => matching
            .filter(|p| hits.binary_search_by_key(p, |(q, _)| *q).is_ok())
            .collect(),
    }
}

/// `list` (sorted) narrowed to the paragraphs in `citing` (a reference's
/// citing paragraphs, in order), or `list` itself when there is none.
pub fn select_citing(list: Vec<usize>, citing: Option<&[Citing]>) -> Vec<usize> {
    let Some(citing) = citing else {
        return list;
    };
    list.into_iter()
        .filter(|&p| citing.binary_search_by_key(&p, |c| c.paragraph).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded;
    use crate::search::HitKind;
    use crate::themes::{Themes, tag_document};

    #[test]
    fn filter_and_hits_both_narrow() {
        let doc = load_embedded().document;
        let themes = Themes::builtin();
        let tags = tag_document(&doc, &themes);
        let mut f = Filter::default();
        assert_eq!(select(&tags, &f, None).len(), 29);
        f.toggle(themes.position("financing").unwrap());
        let fin = select(&tags, &f, None);
        assert_eq!(fin.len(), 4);
        let hit = Hit {
            start: 0,
            end: 1,
            kind: HitKind::Literal,
        };
        let hits = vec![(0, vec![hit]), (fin[1], vec![hit])];
        assert_eq!(select(&tags, &f, Some(&hits)), [fin[1]]);
    }

    #[test]
    fn a_reference_narrows_to_its_citing_paragraphs() {
        let cite = |paragraph| Citing {
            paragraph,
            count: 1,
        };
        let citing = [cite(2), cite(5), cite(9)];
        assert_eq!(select_citing(vec![1, 2, 3, 9], Some(&citing)), [2, 9]);
        assert_eq!(select_citing(vec![1, 2], None), [1, 2]);
        assert!(select_citing(vec![1, 2], Some(&[])).is_empty());
    }
}
