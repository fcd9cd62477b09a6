//! The reader in the terminal: the event loop, and every way out of it
//! giving the terminal back.
//!
//! Everything the loop waits for comes through one channel as a [`Wake`]:
//! events from the input thread, the terminal hanging up, search answers
//! from the worker thread, and signals from the signal thread. The loop
//! sleeps until something arrives, handles all that is waiting, then draws
//! one frame. Taking and giving back the terminal is in [`screen`], input in
//! [`input`], signals in [`signals`], questions about the tty in [`tty`].

mod input;
mod screen;
mod signals;
mod tty;

use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::Event;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use dushanbe_reader::action::Effect;
use dushanbe_reader::app::App;
use dushanbe_reader::search::{self, Request, Response};
use dushanbe_reader::ui;

pub use screen::restore as restore_terminal;
pub use tty::available;

/// The ratatui terminal, never dropped: dropping it shows the cursor (the
/// restore does that already) and reports a failure with `eprintln!`, which
/// panics when the terminal has been closed.
type Term = ManuallyDrop<Terminal<CrosstermBackend<io::Stdout>>>;

/// The exit status after the terminal hung up: as after SIGHUP.
const HANGUP_EXIT: u8 = 128 + libc::SIGHUP as u8;

/// The most messages handled between two frames, so that a flood of input
/// still shows its progress.
const MESSAGES_PER_FRAME: usize = 1024;

/// The most characters of a paste handed to the reader; the rest is
/// dropped. A paste only ever goes into the one-line search or go-to line,
/// where so much has no use (the declaration's longest paragraph has 156),
/// and the line's editing and drawing take time that grows with the square
/// of its length: in a debug build, 100 KB of Chinese (33,000 characters)
/// took 27 s to insert and 15 s per frame; 1,000 characters take some
/// 20–50 ms and 30 ms.
const PASTE_LIMIT: usize = 1_000;

/// What wakes the event loop.
pub(crate) enum Wake {
    /// A key, mouse, resize or paste event.
    Event(Event),
    /// Reading the terminal failed.
    InputFailed(io::Error),
    /// The terminal hung up (it was closed).
    HungUp,
    Answer(Response),
    /// SIGTERM, SIGHUP or SIGINT: end, with status 128 + the signal.
    Signal(i32),
    /// SIGTSTP: suspend, as Ctrl-Z does.
    Stop,
    /// SIGCONT: take the terminal again and redraw everything.
    Continued,
}

/// What the loop does after a message.
enum Flow {
    Same,
    Redraw,
    Exit(ExitCode),
}

/// Runs the reader on `app` until it quits; the exit code to leave with.
pub fn run(mut app: App) -> io::Result<ExitCode> {
    screen::restore_on_panic();
    let (wake, woken) = mpsc::channel();
    let loop_running = signals::watch(wake.clone())?;
    screen::take()?;
    let _restorer = screen::Restorer;
    input::spawn(wake.clone())?;
    let requests = spawn_search(&mut app, wake)?;
    let mut term = fresh_terminal()?;
    let code = event_loop(&mut app, &mut term, &woken, &requests);
    // The loop has ended: a signal's request to end has been heard.
    drop(loop_running);
    code
}

/// Starts the search worker, whose answers come to the loop as [`Wake`]s,
/// and sends it what the reader already asks for.
fn spawn_search(app: &mut App, wake: Sender<Wake>) -> io::Result<Sender<Request>> {
    let (requests, answers) = search::spawn(Arc::clone(app.index().searcher()));
    std::thread::Builder::new()
        .name("search answers".into())
        .spawn(move || {
            for answer in answers {
                if wake.send(Wake::Answer(answer)).is_err() {
                    return;
                }
            }
        })?;
    send_requests(app, &requests);
    Ok(requests)
}

fn send_requests(app: &mut App, requests: &Sender<Request>) {
    for r in app.take_requests() {
        let _ = requests.send(r);
    }
}

/// Waits, handles, draws, until something ends the reader.
fn event_loop(
    app: &mut App,
    term: &mut Term,
    woken: &Receiver<Wake>,
    requests: &Sender<Request>,
) -> io::Result<ExitCode> {
    let mut dirty = true;
    #[cfg(debug_assertions)]
    let hooks = TestHooks::from_env();
    loop {
        if dirty {
            if let Err(e) = draw(term, app) {
                return ended_by(e);
            }
            dirty = false;
            #[cfg(debug_assertions)]
            hooks.after_draw();
        }
        let first = woken
            .recv()
            .map_err(|_| io::Error::other("every source of events has ended"))?;
        for message in std::iter::once(first).chain(woken.try_iter().take(MESSAGES_PER_FRAME)) {
            let flow = match handle(app, term, message) {
                Ok(flow) => flow,
                Err(e) => return ended_by(e),
            };
            send_requests(app, requests);
            match flow {
                Flow::Same => {}
                Flow::Redraw => dirty = true,
                Flow::Exit(code) => return Ok(code),
            }
        }
    }
}

/// Handles one message.
fn handle(app: &mut App, term: &mut Term, message: Wake) -> io::Result<Flow> {
    Ok(match message {
        Wake::Event(Event::Paste(text)) => {
            app.paste(limit_paste(&text));
            Flow::Redraw
        }
        Wake::Event(event) => match app.keymap().action(&event, app.mode()) {
            None => Flow::Same,
            Some(action) => match app.update(action) {
                Effect::None => Flow::Redraw,
                Effect::Quit => Flow::Exit(ExitCode::SUCCESS),
                Effect::Suspend => {
                    suspend(term)?;
                    Flow::Redraw
                }
            },
        },
        Wake::Answer(answer) => {
            app.receive(answer);
            Flow::Redraw
        }
        Wake::Signal(signal) => Flow::Exit(ExitCode::from(128 + signal as u8)),
        Wake::Stop => {
            suspend(term)?;
            Flow::Redraw
        }
        Wake::Continued => {
            screen::take_again()?;
            *term = fresh_terminal()?;
            Flow::Redraw
        }
        Wake::HungUp => Flow::Exit(ExitCode::from(HANGUP_EXIT)),
        Wake::InputFailed(e) => return Err(e),
    })
}

/// The first [`PASTE_LIMIT`] characters of `text`.
fn limit_paste(text: &str) -> &str {
    match text.char_indices().nth(PASTE_LIMIT) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// How the reader ends after the terminal failed with `e`: quietly, as
/// after SIGHUP, when the terminal has hung up (there is no one to tell);
/// else with the error.
fn ended_by(e: io::Error) -> io::Result<ExitCode> {
    if tty::hung_up() {
        Ok(ExitCode::from(HANGUP_EXIT))
    } else {
        Err(e)
    }
}

/// A terminal with no previous frame, so the next draw paints every cell.
/// Unlike `Terminal::clear` it does not ask the terminal for the cursor
/// position, which not every terminal answers.
fn fresh_terminal() -> io::Result<Term> {
    Terminal::new(CrosstermBackend::new(io::stdout())).map(ManuallyDrop::new)
}

/// One frame, inside a synchronized update so it never tears.
fn draw(term: &mut Term, app: &mut App) -> io::Result<()> {
    execute!(io::stdout(), BeginSynchronizedUpdate)?;
    term.draw(|f| ui::render(app, f))?;
    execute!(io::stdout(), EndSynchronizedUpdate)?;
    io::stdout().flush()
}

/// Ctrl-Z or SIGTSTP: give the terminal back, stop until `fg`, then take it
/// again and redraw everything.
fn suspend(term: &mut Term) -> io::Result<()> {
    screen::restore();
    signals::stop_until_continued()?;
    screen::take_again()?;
    *term = fresh_terminal()?;
    Ok(())
}

/// Debug builds' test-only hooks, for the pseudo-terminal tests: panic, or
/// stop handling events (as if stuck in a long piece of work), after the
/// first frame. Release builds do not contain them.
#[cfg(debug_assertions)]
struct TestHooks {
    panic: bool,
    stall: bool,
}

#[cfg(debug_assertions)]
impl TestHooks {
    fn from_env() -> TestHooks {
        TestHooks {
            panic: std::env::var_os("DUSHANBE_TEST_PANIC_AFTER_DRAW").is_some(),
            stall: std::env::var_os("DUSHANBE_TEST_STALL_AFTER_DRAW").is_some(),
        }
    }

    fn after_draw(&self) {
        if self.panic {
            panic!("induced panic (test hook)");
        }
        if self.stall {
            loop {
                std::thread::park();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_keeps_its_first_characters_up_to_the_limit() {
        let long = "恐怖".repeat(PASTE_LIMIT);
        let kept = limit_paste(&long);
        assert_eq!(kept.chars().count(), PASTE_LIMIT);
        assert!(long.starts_with(kept));
        assert_eq!(limit_paste("恐怖 q"), "恐怖 q");
        let exact = "a".repeat(PASTE_LIMIT);
        assert_eq!(limit_paste(&exact), exact);
    }
}
