//! Why the user's own editor (`A`) gave no note back, and where what it
//! wrote is kept, in either language: what the status line warns of.

use super::Lang;

/// Why the editor gave no note back; `kept`, the file holding what it
/// wrote before it failed, if it wrote anything (a path, safe to print).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorFailure {
    pub why: EditorWhy,
    pub kept: Option<String>,
}

/// What went wrong; each names the editor as the user set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorWhy {
    /// The shell found no such editor (status 127).
    NotFound(String),
    /// There is no `sh` on `PATH` to run it through.
    NoShell(String),
    /// It could not be run (status 126, or the system's words why).
    CannotRun(String, Option<String>),
    /// It exited with a status other than 0.
    Exited(String, i32),
    /// A signal ended it.
    Signalled(String, i32),
    /// It failed, no one says how.
    Failed(String),
    /// The note's file could not be read back (the system's words).
    Unreadable(String),
}

impl EditorFailure {
    pub fn text(&self, lang: Lang) -> String {
        match (&self.kept, lang) {
            // Where its words are first: what a narrow status line keeps.
            (Some(path), Lang::En) => format!(
                "what {} wrote is in {path}; {}; the note is unchanged",
                self.why.editor(),
                self.why.en("it")
            ),
            (Some(path), Lang::Zh) => format!(
                "{} 所写内容在 {path}；{}；笔记未改",
                self.why.editor(),
                self.why.zh("它")
            ),
            (None, Lang::En) => format!("{}; the note is unchanged", self.why.en("")),
            (None, Lang::Zh) => format!("{}；笔记未改", self.why.zh("")),
        }
    }

    /// Where what it wrote is kept, in the fewest words, for a status line
    /// too narrow for more; `None` where nothing was kept.
    pub fn terse(&self, lang: Lang) -> Option<String> {
        let path = self.kept.as_deref()?;
        Some(match lang {
            Lang::En => format!("what it wrote: {path}"),
            Lang::Zh => format!("所写内容在 {path}"),
        })
    }
}

impl EditorWhy {
    fn editor(&self) -> &str {
        match self {
            EditorWhy::NotFound(e)
            | EditorWhy::NoShell(e)
            | EditorWhy::CannotRun(e, _)
            | EditorWhy::Exited(e, _)
            | EditorWhy::Signalled(e, _)
            | EditorWhy::Failed(e) => e,
            EditorWhy::Unreadable(_) => "",
        }
    }

    /// In English; `subject` (`it`) stands for the editor's name where
    /// that was said already.
    fn en(&self, subject: &str) -> String {
        let who = |e: &str| match subject {
            "" => e.to_string(),
            s => s.to_string(),
        };
        match self {
            EditorWhy::NotFound(e) => format!("editor not found: {e}"),
            EditorWhy::NoShell(e) => format!("editor not found: {e} (no sh on PATH to run it)"),
            EditorWhy::CannotRun(e, None) => format!("editor cannot be run: {e}"),
            EditorWhy::CannotRun(e, Some(os)) => format!("editor cannot be run: {e} ({os})"),
            EditorWhy::Exited(e, n) => format!("{} exited with status {n}", who(e)),
            EditorWhy::Signalled(e, n) => format!("{} was ended by signal {n}", who(e)),
            EditorWhy::Failed(e) => format!("{} failed", who(e)),
            EditorWhy::Unreadable(why) => why.clone(),
        }
    }

    fn zh(&self, subject: &str) -> String {
        // A name is spaced from the Chinese after it; `它` is not.
        let who = |e: &str| match subject {
            "" => format!("{e} "),
            s => s.to_string(),
        };
        match self {
            EditorWhy::NotFound(e) => format!("找不到编辑器：{e}"),
            EditorWhy::NoShell(e) => format!("找不到编辑器：{e}（PATH 中没有 sh 可运行它）"),
            EditorWhy::CannotRun(e, None) => format!("无法运行编辑器：{e}"),
            EditorWhy::CannotRun(e, Some(os)) => format!("无法运行编辑器：{e}（{os}）"),
            EditorWhy::Exited(e, n) => format!("{}以状态 {n} 退出", who(e)),
            EditorWhy::Signalled(e, n) => format!("{}被信号 {n} 终止", who(e)),
            EditorWhy::Failed(e) => format!("{}运行失败", who(e)),
            EditorWhy::Unreadable(why) => why.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editors_failure_names_where_its_words_are_first_in_either_language() {
        let failed = EditorFailure {
            why: EditorWhy::Exited("vim".into(), 3),
            kept: Some("/tmp/dushanbe-note-x.txt".into()),
        };
        assert_eq!(
            failed.text(Lang::En),
            "what vim wrote is in /tmp/dushanbe-note-x.txt; it exited with status 3; \
             the note is unchanged"
        );
        assert_eq!(
            failed.text(Lang::Zh),
            "vim 所写内容在 /tmp/dushanbe-note-x.txt；它以状态 3 退出；笔记未改"
        );
        let missing = EditorFailure {
            why: EditorWhy::NoShell("vi".into()),
            kept: None,
        };
        assert_eq!(
            missing.text(Lang::En),
            "editor not found: vi (no sh on PATH to run it); the note is unchanged"
        );
        assert_eq!(
            missing.text(Lang::Zh),
            "找不到编辑器：vi（PATH 中没有 sh 可运行它）；笔记未改"
        );
    }
}
