//! What the reader asks of the world outside the terminal's frame: text
//! for the clipboard (by the terminal's OSC 52 sequence, which works over
//! SSH and in tmux with `set-clipboard on`) and a note to edit in the
//! user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`); mouse
//! reporting turned over (`v`).

use std::io::{self, Write};
use std::process::Command;

use base64::Engine;

use dushanbe_reader::app::{App, ExternalEdit};
use dushanbe_reader::i18n::{EditorFailure, EditorWhy, Warning};

use super::{Term, editor_child, fresh_terminal, input, screen};

/// Delivers what the last update left in the reader's outbox.
pub fn deliver(app: &mut App, term: &mut Term) -> io::Result<()> {
    if let Some(text) = app.take_clipboard() {
        copy(&text)?;
    }
    if let Some(edit) = app.take_external_edit() {
        edit_outside(app, term, edit)?;
    }
    if app.take_mouse_toggle() {
        let reported = screen::turn_mouse_over()?;
        app.mouse_turned(reported);
    }
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{payload}\x07")
}

fn copy(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

/// Gives the terminal to the user's editor on a temporary file holding the
/// note, takes it back, and saves what the file holds then. If the editor
/// cannot be run, the note is left as it was and the reader says why.
fn edit_outside(app: &mut App, term: &mut Term, edit: ExternalEdit) -> io::Result<()> {
    let file = tempfile::Builder::new()
        .prefix("dushanbe-note-")
        .suffix(".txt")
        .tempfile()?;
    // A text file ends its last line, so that an editor or a script that
    // adds a line starts it on its own.
    let mut text = edit.text.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    std::fs::write(file.path(), text)?;
    // An empty variable is as good as none.
    let set = |name| std::env::var_os(name).filter(|e| !e.is_empty());
    let editor = set("VISUAL")
        .or_else(|| set("EDITOR"))
        .unwrap_or_else(|| "vi".into());
    input::pause();
    screen::restore();
    // The editor is a shell word list ("code --wait"): run through sh,
    // which becomes the editor (exec), so that a signal ending the reader
    // can be passed on to it.
    let status = Command::new("sh")
        .arg("-c")
        .arg("exec $0 \"$1\"")
        .arg(&editor)
        .arg(file.path())
        .spawn()
        .and_then(|mut child| {
            editor_child::started(child.id());
            child.wait()
        });
    let reader_ending = editor_child::ended();
    input::resume();
    screen::take_again()?;
    *term = fresh_terminal()?;
    let editor = editor.to_string_lossy();
    match status {
        // Ended with the reader (a signal, the window closed): what the
        // editor had written to its file is the note, as a note being
        // typed in the reader's own editor is kept.
        Ok(_) if reader_ending => {
            if let Ok(text) = read_note(file.path())
                && text.trim_end() != edit.text.trim_end()
            {
                app.finish_external_edit(edit, text.trim_end());
            }
        }
        Ok(s) if s.success() => match read_note(file.path()) {
            Ok(text) => app.finish_external_edit(edit, text.trim_end()),
            Err(e) => app.add_warning(Warning::Editor(EditorFailure {
                why: EditorWhy::Unreadable(e),
                kept: None,
            })),
        },
        Ok(s) => {
            // What was typed before the editor failed is not thrown away:
            // a file it changed is kept, and named.
            let typed = read_note(file.path()).is_ok_and(|t| t.trim_end() != edit.text.trim_end());
            let kept = typed
                .then(|| file.keep().ok())
                .flatten()
                .map(|(_, path)| path);
            app.add_warning(Warning::Editor(editor_failed(&editor, s, kept.as_deref())));
        }
        Err(e) => app.add_warning(Warning::Editor(not_started(&editor, &e))),
    }
    Ok(())
}

/// Why the editor could not be started at all: the shell it is run
/// through is missing (no `sh` on `PATH`), or could not be run.
fn not_started(editor: &str, e: &io::Error) -> EditorFailure {
    let editor = dushanbe_reader::text::sanitize_line(editor);
    let why = match e.kind() {
        io::ErrorKind::NotFound => EditorWhy::NoShell(editor),
        _ => EditorWhy::CannotRun(editor, Some(dushanbe_reader::bounded::os_words(e))),
    };
    EditorFailure { why, kept: None }
}

/// Why the editor gave no note back, and where what it wrote is kept, if
/// it wrote anything. The shell says 127 for an editor it cannot find,
/// 126 for one it cannot run.
fn editor_failed(
    editor: &str,
    status: std::process::ExitStatus,
    kept: Option<&std::path::Path>,
) -> EditorFailure {
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal: Option<i32> = None;
    let e = dushanbe_reader::text::sanitize_line(editor);
    let why = match (status.code(), signal) {
        (Some(127), _) => EditorWhy::NotFound(e),
        (Some(126), _) => EditorWhy::CannotRun(e, None),
        (Some(n), _) => EditorWhy::Exited(e, n),
        (None, Some(n)) => EditorWhy::Signalled(e, n),
        (None, None) => EditorWhy::Failed(e),
    };
    let kept = kept.map(|p| dushanbe_reader::text::sanitize_line(&p.display().to_string()));
    EditorFailure { why, kept }
}

/// The most of a note the user's editor can give back (the whole reading
/// state is read up to 16 MiB).
const MAX_NOTE_BYTES: u64 = 1024 * 1024;

/// The note the editor left in `path`: a regular file of at most
/// [`MAX_NOTE_BYTES`], in UTF-8 (anything else is replaced by U+FFFD).
fn read_note(path: &std::path::Path) -> Result<String, String> {
    use dushanbe_reader::bounded::{self, Links};
    bounded::read(path, MAX_NOTE_BYTES, Links::Follow)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|e| format!("the note's file {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dushanbe_reader::i18n::Lang;

    /// The editor's failure is said in words: not found, or its status,
    /// and where what it wrote is kept.
    #[cfg(unix)]
    #[test]
    fn an_editors_failure_says_why_and_where_its_words_are() {
        use std::os::unix::process::ExitStatusExt;
        let code = |n: i32| std::process::ExitStatus::from_raw(n << 8);
        assert_eq!(
            editor_failed("/no/such/editor", code(127), None).text(Lang::En),
            "editor not found: /no/such/editor; the note is unchanged"
        );
        assert_eq!(
            editor_failed(
                "vim",
                code(3),
                Some(std::path::Path::new("/tmp/dushanbe-note-x.txt"))
            )
            .text(Lang::En),
            "what vim wrote is in /tmp/dushanbe-note-x.txt; it exited with status 3; \
             the note is unchanged"
        );
        assert_eq!(
            editor_failed("vim", std::process::ExitStatus::from_raw(9), None).text(Lang::En),
            "vim was ended by signal 9; the note is unchanged"
        );
        // No shell to run it through: in the same words as an editor the
        // shell does not find.
        let missing = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(
            not_started("vi", &missing).text(Lang::En),
            "editor not found: vi (no sh on PATH to run it); the note is unchanged"
        );
    }

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("第7段"), "\x1b]52;c;56ysN+autQ==\x07");
    }
}
