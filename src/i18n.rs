//! Interface labels in English (the default) and Chinese (`--lang zh`).

use crate::document::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Picks the English or the Chinese form.
    pub fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// The outline's name for a section of paragraphs of this kind.
    pub fn section(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Intro => self.pick("Introduction", "引言"),
            Kind::Preamble => self.pick("Preamble", "序言"),
            Kind::Operative => self.pick("Operative paragraphs", "执行部分"),
            Kind::Paragraph => self.pick("Paragraphs", "段落"),
        }
    }

    /// Short name of a section for the narrow-screen breadcrumb.
    pub fn section_short(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Intro => self.pick("Intro", "引言"),
            Kind::Preamble => self.pick("Preamble", "序言"),
            Kind::Operative => self.pick("Operative", "执行部分"),
            Kind::Paragraph => self.pick("Text", "段落"),
        }
    }
}
