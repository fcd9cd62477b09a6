//! Why `--cite` quotes nothing, said in the interface's language (as `:`
//! says it in the reader).

use dushanbe_reader::i18n::{Lang, no_paragraph};

/// Why `--cite` quotes nothing.
pub enum NotCited {
    /// A title alone, and a paragraph of that text to cite instead.
    WholeText(String, Option<String>),
    AnotherText(String),
    AnotherEdition(String),
    NoHeading(String),
    HeadingAlone(String),
    /// No such paragraph, and the places to try (none: the text has no
    /// paragraphs).
    NoParagraph(String, String),
}

impl NotCited {
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (NotCited::WholeText(id, Some(first)), Lang::En) => {
                format!("'{id}' names a whole text; cite one of its paragraphs (try {first})")
            }
            (NotCited::WholeText(id, Some(first)), Lang::Zh) => {
                format!("“{id}”指整篇文本；请引用其中一段（可输入 {first}）")
            }
            (NotCited::WholeText(id, None) | NotCited::AnotherText(id), Lang::En) => {
                format!("'{id}' cites another text, and no text given has that name")
            }
            (NotCited::WholeText(id, None) | NotCited::AnotherText(id), Lang::Zh) => {
                format!("“{id}”引的是另一文本，所给文本中没有这一名称")
            }
            (NotCited::AnotherEdition(id), Lang::En) => {
                format!("'{id}' cites an edition of another date, and no text given has that date")
            }
            (NotCited::AnotherEdition(id), Lang::Zh) => {
                format!("“{id}”引的是另一日期的版本，所给文本中没有这一日期")
            }
            (NotCited::NoHeading(h), Lang::En) => format!("this text has no heading '{h}'"),
            (NotCited::NoHeading(h), Lang::Zh) => format!("本文没有“{h}”这一标题"),
            (NotCited::HeadingAlone(id), Lang::En) => {
                format!("'{id}' is a heading with no paragraph under it")
            }
            (NotCited::HeadingAlone(id), Lang::Zh) => format!("“{id}”是标题，其下没有段落"),
            (NotCited::NoParagraph(id, try_ids), _) => {
                no_paragraph(lang, id, try_ids, ['\'', '\''])
            }
        }
    }
}
