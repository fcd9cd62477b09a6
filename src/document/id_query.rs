//! What a go-to input names, once read: the one type the go-to line's
//! readers (ids, numbers, citations) all answer with.

/// What a go-to input names, once folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdQuery {
    /// A paragraph's number in id form: `12`, `4-bis`, `2-b` (typed `12`,
    /// `4 bis`, `2(b)`, `2b`, `2 (b)`).
    Number(String),
    /// Something shaped like an id (`pre-3`, `op-1-2`, `s2-op-1`), or an
    /// article named in words (`第三条`, `Article 3` → `art-3`).
    Id(String),
    /// `2.1`, `II.1`, `b.3(a)`: paragraph `number` under the heading whose
    /// number is `section` (or, for digits, the heading in that place).
    Qualified { section: String, number: String },
    /// A heading named by its number: `Part II`, `Section 2`, `Chapter 3`,
    /// `第二部分`, `第三章`, `二、`; or a Chinese or Roman numeral alone
    /// (`三`, `II`: `bare`), which falls back to the paragraph of that
    /// number when no heading has it.
    Heading { number: String, bare: bool },
    /// A sub-paragraph's label alone, in brackets (`(b)`, `(ii)`, `（三）`),
    /// in id form (`b`, `ii`, `3`): a sub-paragraph of the paragraph being
    /// read, as it does not say whose.
    Label(String),
    /// `二（三）`: item （三） of part 二 where numbering restarts under each
    /// heading (a plan), else sub-paragraph （三） of paragraph 二 (a law's
    /// article); `label` in id form (`3`).
    Item { of: String, label: String },
    /// `第二条第二款`, `art. 2, para. 2`: the `clause`th paragraph (款,
    /// counted from 1) of the article whose id is `article` (in a treaty
    /// whose articles number their paragraphs, that numbered paragraph);
    /// a law writes them unnumbered, one
    /// after another, as the article's text.
    Clause { article: String, clause: usize },
}
