//! A large text opens on a preview of its start (see
//! [`dushanbe_reader::preview`]) while the whole is read, parsed and
//! indexed on another thread; when it is ready, the reader on the whole
//! text takes the preview's place, and what the user did meanwhile is done
//! again on it, key for key, so nothing typed is lost.
//!
//! The preview has no key in the reading state, so nothing done on it is
//! saved as such: it is saved once done again on the whole text. Quitting
//! with something to keep (a note, a mark, a move) therefore waits for the
//! whole text; quitting with nothing to keep quits at once.

use std::io;
use std::process::ExitCode;
use std::sync::mpsc::Sender;

use dushanbe_reader::action::{Action, Effect};
use dushanbe_reader::app::App;
use dushanbe_reader::i18n::Notice;
use dushanbe_reader::library::Opened;
use dushanbe_reader::store::StateStore;

use super::Wake;

/// Reads, parses and indexes the whole text, on a thread of its own; or
/// the one-line reason it cannot be read.
pub type Read = Box<dyn FnOnce() -> Result<Opened, String> + Send>;

/// Builds the reader on the whole text, on the loop's thread, with its
/// reading state from the store and what the command line asks for, at
/// the terminal's size (columns, rows) then; or the one-line reason not
/// (`--reference` names nothing in the text).
pub type Finish = Box<dyn FnOnce(Opened, &StateStore, (u16, u16)) -> Result<App, String>>;

/// The whole of a text whose preview the reader opens on.
pub struct Whole {
    pub read: Read,
    pub finish: Finish,
}

/// The exit status when the whole text turns out to be unreadable, as
/// for any text that cannot be read.
const UNREADABLE: u8 = 2;

/// What the preview was given, to give again to the whole text.
enum Input {
    Action(Action),
    Paste(String),
}

/// A preview on screen, the whole text on its way.
pub(super) struct Preview {
    /// The reading of the whole text, until [`Preview::begin`] starts it.
    read: Option<Read>,
    finish: Finish,
    log: Vec<Input>,
    /// The user moved on the preview (or searched, or filtered): what was
    /// done is done again from the text's start, where the preview opened,
    /// not from the place the reading state keeps.
    moved: bool,
    /// The user quit with something to keep: the reader quits as soon as
    /// the whole text is in and the work is saved there.
    quit_when_in: bool,
}

impl Preview {
    /// The preview of `whole`, whose reading [`Preview::begin`] starts.
    pub fn new(whole: Whole) -> Preview {
        Preview {
            read: Some(whole.read),
            finish: whole.finish,
            log: Vec::new(),
            moved: false,
            quit_when_in: false,
        }
    }

    /// Starts reading the whole text on a thread of its own, unless it has
    /// started; it comes back to the loop as a [`Wake::Whole`]. Called once
    /// the preview is on screen, so that reading 64 MiB does not compete
    /// with drawing the first screen.
    pub fn begin(&mut self, wake: &Sender<Wake>) -> io::Result<()> {
        let Some(read) = self.read.take() else {
            return Ok(());
        };
        let wake = wake.clone();
        std::thread::Builder::new()
            .name("whole text".into())
            .spawn(move || {
                super::in_background();
                let _ = wake.send(Wake::Whole(Box::new(read())));
            })?;
        Ok(())
    }

    /// Does `action` on the preview, and records it to do again.
    pub fn update(&mut self, app: &mut App, action: Action) -> Effect {
        // The whole text is drawn at the terminal's size when it comes.
        if !matches!(action, Action::Resize(..)) {
            self.log.push(Input::Action(action));
        }
        let effect = app.update(action);
        self.moved |= app.has_unsaved_position();
        // A note to edit in the user's own editor waits for the whole
        // text, where the action asks again.
        drop(app.take_external_edit());
        // Notes and marks are always kept; the place only unless `q` is
        // pressed again meanwhile.
        match effect {
            Effect::Quit if app.has_unsaved_work() => {
                self.quit_when_in = true;
                app.say(Notice::QuittingOnceRead);
                Effect::None
            }
            Effect::Quit if app.has_unsaved_position() && !self.quit_when_in => {
                self.quit_when_in = true;
                app.say(Notice::QuittingOnceReadPlace);
                Effect::None
            }
            effect => effect,
        }
    }

    /// Pastes `text` on the preview, and records it to paste again.
    pub fn paste(&mut self, app: &mut App, text: String) {
        app.paste(&text);
        self.log.push(Input::Paste(text));
    }

    /// The reader on the whole text (`opened`), with everything done on
    /// the preview done again on it; and whether the user has quit
    /// meanwhile. The reason the whole text cannot be read, if it cannot.
    pub fn take_over(
        self,
        opened: Result<Opened, String>,
        store: &StateStore,
    ) -> Result<(App, bool), String> {
        // The terminal's own size, which may be more than is drawn.
        let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
        let mut app = opened.and_then(|o| (self.finish)(o, store, size))?;
        if self.moved {
            app.read_from_start();
        }
        for input in self.log {
            match input {
                Input::Action(action) => {
                    // Enter goes where the answer to what was typed says,
                    // as it did on the preview.
                    if action == Action::PromptSubmit {
                        app.run_requests();
                    }
                    app.update(action);
                    // Copied already, from the preview.
                    drop(app.take_clipboard());
                }
                Input::Paste(text) => app.paste(&text),
            }
        }
        Ok((app, self.quit_when_in))
    }
}

/// Says on the normal screen why the whole text could not be read, after
/// giving the terminal back; the status to exit with.
pub fn unreadable(message: &str) -> ExitCode {
    use std::io::Write;
    super::screen::restore();
    let clean = dushanbe_reader::text::sanitize_line(message);
    let _ = writeln!(io::stderr(), "dushanbe: {clean}");
    ExitCode::from(UNREADABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dushanbe_reader::i18n::{Lang, Warning};
    use dushanbe_reader::themes::Themes;

    fn preview() -> Preview {
        Preview::new(Whole {
            read: Box::new(|| Err("not read in this test".into())),
            finish: Box::new(|_, _, _| Err("not built in this test".into())),
        })
    }

    fn app() -> App {
        let doc = dushanbe_reader::load::load_embedded().document;
        let mut app = App::new(doc, Themes::builtin(), Lang::En, false, (80, 24));
        app.set_warnings(vec![Warning::Partial]);
        // As the preview starts: nothing of it to save yet.
        app.absorb_state(dushanbe_reader::store::DocState::new(None), true);
        app
    }

    /// Quitting with a mark to keep waits for the whole text, and says so;
    /// with nothing to keep it quits at once.
    #[test]
    fn quitting_with_work_on_the_preview_says_it_waits() {
        let (mut p, mut a) = (preview(), app());
        assert_eq!(p.update(&mut a, Action::Quit), Effect::Quit);
        let (mut p, mut a) = (preview(), app());
        // `m a`, through the real keymap.
        for c in ['m', 'a'] {
            use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
            let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            let action = a.keymap().action(&key, a.mode()).unwrap();
            p.update(&mut a, action);
        }
        assert!(a.has_unsaved_work());
        assert_eq!(p.update(&mut a, Action::Quit), Effect::None);
        assert!(p.quit_when_in);
        assert_eq!(a.notice(), Some(&Notice::QuittingOnceRead));
        // A mark is kept however often `q` is pressed.
        assert_eq!(p.update(&mut a, Action::Quit), Effect::None);
    }

    /// Quitting with only the place to keep waits too, but `q` again
    /// quits at once.
    #[test]
    fn quitting_twice_with_only_the_place_to_keep_quits_now() {
        let (mut p, mut a) = (preview(), app());
        p.update(&mut a, Action::Down);
        assert!(!a.has_unsaved_work() && a.has_unsaved_position());
        assert_eq!(p.update(&mut a, Action::Quit), Effect::None);
        assert_eq!(a.notice(), Some(&Notice::QuittingOnceReadPlace));
        assert_eq!(p.update(&mut a, Action::Quit), Effect::Quit);
    }
}
