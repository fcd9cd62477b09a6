//! The load and run warnings the status line (and stderr for `--print`)
//! shows, in either language: a text's encoding and characters, broken
//! theme, reference and configuration files, the reading state, a library
//! text that could not be opened, a terminal too large.

use super::{Lang, store};

/// What happened to a document or a theme file on the way in, shown in the
/// status line (and on stderr for `--print`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The text was not UTF-8: the encoding it was read in (`GB18030`,
    /// `UTF-16LE`, `UTF-16BE`, `Big5`, `windows-1252`, …).
    Encoding(&'static str),
    /// Bytes not valid in the encoding named, replaced.
    InvalidBytes(usize, &'static str),
    /// Control and invisible characters shown as placeholders.
    Placeholders(usize),
    /// The text has nothing in it to read (an empty file or input).
    EmptyText,
    /// A broken theme file in the config directory (its error, already
    /// safe to print); the built-in themes are used.
    ThemeFile(String),
    /// A broken reference file in the config directory (its error, already
    /// safe to print); the built-in references are used.
    ReferenceFile(String),
    /// The reading state could not be read or saved as it should (what
    /// the store says happened); the reader goes on, keeping the work in
    /// memory.
    State(crate::store::StoreWarning),
    /// The user's editor could not edit a note (what happened).
    Editor(super::EditorFailure),
    /// A text of the library could not be opened: its name and why.
    Library(String, String),
    /// A file given more than once (by the same path or another way to
    /// it), opened once: its path as given, safe to print.
    Repeated(String),
    /// A broken configuration file in the config directory (its error,
    /// already safe to print); the default settings are used.
    ConfigFile(String),
    /// A colour the configuration gives a theme there is none of (where,
    /// already safe to print): left out, the rest of the file applies.
    ConfigColour(String),
    /// The terminal (columns, rows) is larger than a frame is ever drawn:
    /// only its top-left corner of `drawn` is used.
    Screen {
        terminal: (u16, u16),
        drawn: (u16, u16),
    },
    /// Only the start of a large text is shown yet: the rest is being read
    /// (what is done meanwhile is done again on the whole text).
    Partial,
    /// In a library, a warning about one text's own characters (entry
    /// number, warning): shown while that text is read.
    OfText(usize, Box<Warning>),
}

impl Warning {
    /// Whether it is about the text's own bytes and characters, not the
    /// reader's files or terminal: in a library, it belongs to one text.
    pub fn is_the_texts_own(&self) -> bool {
        matches!(
            self,
            Warning::Encoding(_)
                | Warning::InvalidBytes(..)
                | Warning::Placeholders(_)
                | Warning::EmptyText
        )
    }

    /// The warning in the fewest words, where there is a form shorter than
    /// cutting [`Warning::text`] gives that keeps what matters most.
    pub fn terse(&self, lang: Lang) -> Option<String> {
        match self {
            Warning::Editor(e) => e.terse(lang),
            _ => None,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match (self, lang) {
            (Warning::Encoding(e), Lang::En) => format!("read as {e}"),
            (Warning::Encoding(e), Lang::Zh) => format!("已按 {e} 编码读取"),
            (Warning::InvalidBytes(n, e), Lang::En) => {
                format!("{n} invalid {e} byte{} replaced with �", plural(*n))
            }
            (Warning::InvalidBytes(n, e), Lang::Zh) => format!("{n} 个无效的 {e} 字节已替换为 �"),
            (Warning::Placeholders(n), Lang::En) => format!(
                "{n} control or invisible character{} shown as placeholders",
                plural(*n)
            ),
            (Warning::Placeholders(n), Lang::Zh) => format!("{n} 个控制或不可见字符以占位符显示"),
            (Warning::EmptyText, Lang::En) => "the text is empty".into(),
            (Warning::EmptyText, Lang::Zh) => "文本是空的".into(),
            (Warning::ThemeFile(e), Lang::En) => format!("{e}; using the built-in themes"),
            (Warning::ThemeFile(e), Lang::Zh) => format!("{e}；使用内置主题"),
            (Warning::ReferenceFile(e), Lang::En) => format!("{e}; using the built-in references"),
            (Warning::ReferenceFile(e), Lang::Zh) => format!("{e}；使用内置引用"),
            (Warning::State(e), Lang::En) => format!("reading state {e}"),
            (Warning::State(e), Lang::Zh) => store::store_warning_zh(e),
            (Warning::Editor(e), _) => e.text(lang),
            (Warning::Library(name, why), _) => lang.library_failure(name, why),
            (Warning::Repeated(path), Lang::En) => format!("{path} is given twice; opened once"),
            (Warning::Repeated(path), Lang::Zh) => format!("{path} 重复给出；只打开一次"),
            (Warning::ConfigFile(e), Lang::En) => format!("{e}; using the default settings"),
            (Warning::ConfigFile(e), Lang::Zh) => format!("{e}；使用默认设置"),
            (Warning::ConfigColour(e), Lang::En) => format!("{e}; that colour is left out"),
            (Warning::ConfigColour(e), Lang::Zh) => format!("{e}；该颜色不予采用"),
            (Warning::Partial, Lang::En) => {
                "showing the start; reading the rest of the text…".into()
            }
            (Warning::Partial, Lang::Zh) => "仅显示开头；正在读取全文……".into(),
            (Warning::OfText(_, w), _) => w.text(lang),
            (Warning::Screen { terminal, drawn }, Lang::En) => format!(
                "terminal {}×{} is too large; drawn at {}×{}",
                terminal.0, terminal.1, drawn.0, drawn.1
            ),
            (Warning::Screen { terminal, drawn }, Lang::Zh) => format!(
                "终端 {}×{} 过大；只绘制 {}×{}",
                terminal.0, terminal.1, drawn.0, drawn.1
            ),
        }
    }
}
