//! What to try when `:` or `--cite` names a place the text does not have:
//! the places nearest to what was typed (a heading's paragraphs, a
//! paragraph's sub-paragraphs, the last paragraph), then examples of each
//! kind of id the text has.

use super::DocIndex;
use crate::document::id::{self, IdQuery};
use crate::document::{Kind, Paragraph, numerals};

/// How many places a message suggests at most.
const MOST: usize = 5;

impl DocIndex {
    /// Ids a person could type for this text, for messages: its first
    /// numbered paragraph's number and id, its first sub-paragraph and
    /// the first of each other kind (`3, op-3, op-3-a, pre-1, intro-1`).
    pub fn example_ids(&self) -> String {
        self.example_ids_for("")
    }

    /// For `typed`, the places nearest to it alone, where there are any:
    /// for a heading it names (`Chapter 1, para. 9`), the first and last
    /// paragraphs within it; for a sub-paragraph a paragraph lacks (`para.
    /// 3 (z)`), that paragraph and its first and last sub-paragraphs; for
    /// a number past the last (`13`, `第九条`), the last. Else the
    /// examples, led by the numbers `typed` is the start of (`4 bis` for
    /// a `4` no paragraph has).
    pub fn example_ids_for(&self, typed: &str) -> String {
        if let Some(within) = self.heading_suggestions(typed) {
            return within.join(", ");
        }
        let query = id::parse_input(typed);
        // The places nearest to what was typed, alone where there are any.
        // `3b` may be `3 bis` mistyped as well as `3(b)`.
        let mut near = self.suffixed_numbers(query.as_ref());
        near.extend(self.sub_paragraph_suggestions(query.as_ref()));
        near.extend(self.past_the_last(query.as_ref()));
        near.extend(self.under_other_headings(typed));
        if !near.is_empty() {
            near.dedup();
            near.truncate(3);
            return near.join(", ");
        }
        let mut out = Vec::new();
        let t = id::fold_input(typed);
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
            let start = format!("{t}-");
            let near = self.top_level().filter_map(|p| {
                let n = p.number.as_deref()?;
                numerals::id_form(n)
                    .starts_with(&start)
                    .then(|| n.to_string())
            });
            out.extend(near.take(2));
        }
        out.extend(self.one_of_each_kind());
        let mut seen = std::collections::HashSet::new();
        out.retain(|id| seen.insert(id.clone()));
        out.truncate(MOST);
        out.join(", ")
    }

    fn top_level(&self) -> impl DoubleEndedIterator<Item = &Paragraph> {
        self.doc.paragraphs.iter().filter(|p| p.level == 0)
    }

    /// The first and last paragraphs within the heading `typed` names,
    /// when it names one the text has.
    fn heading_suggestions(&self, typed: &str) -> Option<Vec<String>> {
        // `Chapter 1, para. 9`, or a heading's number with the paragraph's
        // (`第三章第1段`, `Section 2.1, para. 9`).
        let qualified = || match id::parse_input(typed)? {
            IdQuery::Qualified { section, .. } => {
                self.heading_named(&section, id::cited_heading_word(typed))
            }
            _ => None,
        };
        let h = match self.named_heading(typed) {
            Some(Some((h, _))) => h,
            _ => qualified()?,
        };
        let within: Vec<usize> = std::iter::once(h).chain(self.headings_within(h)).collect();
        let under = |p: &&Paragraph| p.section().is_some_and(|s| within.contains(&s));
        let first = self.top_level().find(under);
        let last = self.top_level().rev().find(under);
        let mut out: Vec<String> = first
            .into_iter()
            .chain(last)
            .map(|p| p.id.to_string())
            .collect();
        out.dedup();
        (!out.is_empty()).then_some(out)
    }

    /// For a number with a letter after it (`3b`, read as `3(b)`), the
    /// paragraphs numbered `3` with a suffix (`3 bis`, `3 ter`), as their
    /// numbers are written.
    fn suffixed_numbers(&self, query: Option<&IdQuery>) -> Vec<String> {
        let Some(IdQuery::Number(n)) = query else {
            return Vec::new();
        };
        let Some((whole, _)) = n.split_once('-') else {
            return Vec::new();
        };
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let start = format!("{whole}-");
        self.top_level()
            .filter_map(|p| p.number.as_deref())
            .filter(|number| numerals::id_form(number).starts_with(&start))
            .map(str::to_string)
            .take(2)
            .collect()
    }

    /// For a sub-paragraph a paragraph of the text lacks (`3-z`,
    /// `op-3-z`): that paragraph, and its first and last sub-paragraphs.
    fn sub_paragraph_suggestions(&self, query: Option<&IdQuery>) -> Vec<String> {
        // The parent, as it would be typed.
        let parent = match query {
            Some(IdQuery::Number(n) | IdQuery::Id(n)) => n.rsplit_once('-').map(|(p, _)| p.into()),
            // `二（三）9`, `（三）9`: item （三）'s item 9.
            Some(IdQuery::Item { of, label }) => {
                (label.rsplit_once('-')).map(|(p, _)| format!("{of}({p})"))
            }
            Some(IdQuery::Label(label)) => label.rsplit_once('-').map(|(p, _)| format!("({p})")),
            // `第二条第二款` of an article with one 款: the article.
            Some(IdQuery::Clause { article, .. }) => Some(article.clone()),
            _ => None,
        };
        // Up to the nearest the text has (`7` of `7(b)(i)` where 7 has no
        // (b)).
        let mut parent: Option<String> = parent;
        let at = loop {
            let Some(p) = parent else {
                return Vec::new();
            };
            if let Some(at) = self.resolve(&p) {
                break at;
            }
            parent = (p.rsplit_once('-')).map(|(up, _)| up.to_string());
        };
        let paragraphs = &self.doc.paragraphs;
        let children: Vec<&Paragraph> = (paragraphs[at + 1..].iter())
            .take_while(|p| p.level > paragraphs[at].level)
            .filter(|p| p.parent() == Some(at))
            .collect();
        let mut out = vec![paragraphs[at].id.to_string()];
        out.extend(children.first().map(|p| p.id.to_string()));
        out.extend(children.last().map(|p| p.id.to_string()));
        out.dedup();
        out
    }

    /// For an id under a heading the text does not have, or does not
    /// have it under (`s2-op-4`): the paragraphs with that id under
    /// another heading, or under none (`op-4`, `s1-op-4`).
    fn under_other_headings(&self, typed: &str) -> Vec<String> {
        let typed = id::fold_input(typed);
        let Some((_, base)) = id::unqualify(&typed) else {
            return Vec::new();
        };
        let same = |p: &&Paragraph| {
            let unqualified = id::unqualify(&p.id).map_or(p.id.as_str(), |(_, b)| b);
            unqualified == base
        };
        (self.doc.paragraphs.iter().filter(same))
            .map(|p| p.id.to_string())
            .take(3)
            .collect()
    }

    /// The last numbered paragraph's number, when `query` numbers one past
    /// it (`13` of 12, `13 (a)`, `第十三条`, `9` of `3.2`); in a text of
    /// unnumbered paragraphs, the last one's id (`para-5` for `para. 9`).
    fn past_the_last(&self, query: Option<&IdQuery>) -> Option<String> {
        let number = match query {
            Some(IdQuery::Number(n)) => n.as_str(),
            Some(IdQuery::Id(i)) => ["art-", "op-", "para-"]
                .iter()
                .find_map(|k| i.strip_prefix(k))?,
            _ => return None,
        };
        let n: u32 = number.split('-').next()?.parse().ok()?;
        let last_paragraph = (self.top_level().rev())
            .filter(|p| matches!(p.kind, Kind::Operative | Kind::Article))
            .find(|p| p.number.is_some());
        let Some(last) = last_paragraph.and_then(|p| p.number.as_deref()) else {
            let plain = || self.top_level().filter(|p| p.kind == Kind::Paragraph);
            let last = plain().next_back()?;
            return (plain().count() < n as usize).then(|| last.id.to_string());
        };
        // A number in parts as written (`3.2`), as it is typed; where
        // numbering restarts under each heading, the last one's id
        // (`s2-op-2`): its number alone is the first part's.
        let restarts = last_paragraph.is_some_and(|p| p.id.starts_with('s'));
        let typed = match (restarts, last.contains('.')) {
            (true, _) => last_paragraph.map_or_else(String::new, |p| p.id.to_string()),
            (false, true) => last.to_string(),
            (false, false) => numerals::id_form(last),
        };
        numerals::value(last, true)
            .is_some_and(|v| v < n)
            .then_some(typed)
    }

    /// The first numbered paragraph's number (as `:` takes it: `1` for
    /// 第一条) and id, then the first paragraph of each other kind.
    fn one_of_each_kind(&self) -> Vec<String> {
        let paragraphs = &self.doc.paragraphs;
        let first = |k: Kind| paragraphs.iter().find(|p| p.kind == k);
        let mut out = Vec::new();
        if let Some(p) = first(Kind::Operative).or_else(|| first(Kind::Article)) {
            if let Some(n) = &p.number {
                out.push(numerals::id_form(n));
            }
            out.push(p.id.to_string());
        }
        let others = [
            Kind::Subparagraph,
            Kind::Preamble,
            Kind::Intro,
            Kind::Paragraph,
        ];
        out.extend((others.into_iter().filter_map(first)).map(|p| p.id.to_string()));
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::index::tests::index;

    #[test]
    fn an_id_under_a_heading_it_is_not_under_suggests_where_it_is() {
        let flat = index("1. a.\n\n2. b.\n\n3. c.\n\n4. d.\n");
        assert_eq!(flat.example_ids_for("s2-op-4"), "op-4");
        let parts = index("Part I\n\n1. a.\n\n2. b.\n\nPart II\n\n1. c.\n\n2. d.\n");
        assert_eq!(parts.example_ids_for("s5-op-2"), "s1-op-2, s2-op-2");
        assert_eq!(parts.example_ids_for("S7-OP-1"), "s1-op-1, s2-op-1");
    }

    #[test]
    fn a_missing_sub_paragraph_suggests_its_paragraph_and_its_first_and_last() {
        let i = index("1. a:\n\n(a) x;\n\n(b) y;\n\n(c) z.\n\n2. b.\n");
        for typed in ["1 (z)", "para. 1 (z)", "op-1-z", "1z"] {
            assert!(
                i.example_ids_for(typed).starts_with("op-1, op-1-a, op-1-c"),
                "{typed}: {}",
                i.example_ids_for(typed)
            );
        }
        // A plan's item's item.
        let plan = index("二、任务\n\n（一）甲。\n\n（三）乙。\n1. 丙；\n2. 丁。\n");
        assert_eq!(plan.example_ids_for("二（三）9"), "op-3, op-3-1, op-3-2");
        // A paragraph with none suggests itself.
        assert_eq!(i.example_ids_for("2 (a)"), "op-2");
        // Past the last, with a sub-paragraph too: the last.
        assert_eq!(i.example_ids_for("para. 9 (b)"), "2");
        assert_eq!(i.example_ids_for("para. 9"), "2");
        assert_eq!(i.example_ids_for("op-9"), "2");
        assert!(!i.example_ids_for("para. 0").starts_with("2, "));
        // Unnumbered paragraphs: the last one's id.
        let plain = index("One.\n\nTwo.\n\nThree.\n");
        assert_eq!(plain.example_ids_for("para. 9"), "para-3");
        assert_eq!(plain.example_ids_for("para-9"), "para-3");
        // Numbers in parts: the last as it is typed.
        let parts = index("1.1 First.\n\n1.2 Second.\n\n3.2 Third.\n");
        assert_eq!(parts.example_ids_for("9"), "3.2");
        // Numbering restarting under each part: the last one's id, as its
        // number alone is the first part's.
        let restarting = index(
            "Plan\n\nPart I: Prevention\n\n1. a.\n\n2. b.\n\n3. c.\n\n\
             Part II: Response\n\n1. d.\n\n2. e.\n",
        );
        assert_eq!(restarting.example_ids_for("5"), "s2-op-2");
    }

    #[test]
    fn examples_name_each_kind_the_text_has_once_and_at_most_five() {
        let i = index(
            "Preface.\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n\
             1. Decides:\n\n(a) x;\n\n2. Calls upon b.\n",
        );
        assert_eq!(i.example_ids(), "1, op-1, op-1-a, pre-1, intro-1");
        let plain = index("One.\n\nTwo.\n");
        assert_eq!(plain.example_ids(), "para-1");
    }
}
