//! The reader in the terminal: the event loop, and every way out of it
//! giving the terminal back.
//!
//! Everything the loop waits for comes through one channel as a [`Wake`]:
//! events from the input thread, the terminal hanging up, search answers
//! from the worker thread, texts from the loader threads (and the whole of
//! a large text opened on its start, see [`swap`]), and signals from the
//! signal thread. The loop
//! sleeps until something arrives, handles all that is waiting, then draws
//! one frame. Taking and giving back the terminal is in [`screen`], input in
//! [`input`], signals in [`signals`], questions about the tty in [`tty`].

mod backend;
mod editor_child;
mod input;
mod keep;
mod loader;
mod outbox;
mod screen;
mod signals;
mod swap;
mod tty;
mod unkept;

use backend::TermBackend;

use std::io;
use std::mem::ManuallyDrop;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use ratatui::Terminal;
use ratatui::crossterm::event::Event;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{execute, queue};

use dushanbe_reader::action::Effect;
use dushanbe_reader::app::App;
use dushanbe_reader::library::Opened;
use dushanbe_reader::load::LoadError;
use dushanbe_reader::search::{self, Answer, Job};
use dushanbe_reader::themes::Themes;
use dushanbe_reader::ui;

pub use keep::Keeper;
pub use screen::restore as restore_terminal;
pub use swap::{Finish, Whole};
pub use tty::available;

/// The ratatui terminal, never dropped: dropping it shows the cursor (the
/// restore does that already) and reports a failure with `eprintln!`, which
/// panics when the terminal has been closed. Its size is clamped
/// ([`ui::Clamped`]), so no frame is allocated for a size the terminal
/// cannot mean.
type Term = ManuallyDrop<Terminal<ui::Clamped<TermBackend>>>;

/// The exit status after the terminal hung up: as after SIGHUP.
const HANGUP_EXIT: u8 = 128 + libc::SIGHUP as u8;

/// The most messages handled between two frames, so that a flood of input
/// still shows its progress.
const MESSAGES_PER_FRAME: usize = 1024;

/// What wakes the event loop.
pub(crate) enum Wake {
    /// A key, mouse, resize or paste event.
    Event(Event),
    /// Reading the terminal failed.
    InputFailed(io::Error),
    /// The terminal hung up (it was closed).
    HungUp,
    /// An answer from the search worker of the `epoch`th text read (the
    /// answers about a preview are dropped once the whole text is in).
    Answer(u64, Answer),
    /// A text of the library has been loaded (its number), or could not be.
    Loaded(usize, Box<Result<Opened, LoadError>>),
    /// The whole of a text opened on its start has been read, or could
    /// not be.
    Whole(Box<Result<Opened, String>>),
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

/// The texts still to load into the library (number and path), and the
/// themes to tag them with; or, when the reader opens on the start of a
/// large text, the whole of it.
pub struct Pending {
    pub texts: Vec<(usize, std::path::PathBuf)>,
    pub themes: Themes,
    pub recogniser: dushanbe_reader::refs::Recogniser,
    pub whole: Option<Whole>,
}

/// Runs the reader on `app` until it quits, keeping its work with
/// `keeper`; with `mouse`, the mouse scrolls and clicks (else the
/// terminal's own selection works); the library's other texts (or the
/// whole of a previewed text) load in the background. The exit code to
/// leave with.
pub fn run(
    mut app: App,
    keeper: Keeper,
    mouse: bool,
    mut pending: Pending,
) -> io::Result<ExitCode> {
    screen::restore_on_panic();
    screen::set_mouse(mouse);
    app.set_mouse_reported(mouse);
    let (wake, woken) = mpsc::channel();
    let loop_running = signals::watch(wake.clone())?;
    screen::take()?;
    let _restorer = screen::Restorer;
    let preview = pending.whole.take().map(swap::Preview::new);
    let requests = spawn_search(&mut app, wake.clone(), 0);
    let mut term = fresh_terminal()?;
    let mut session = Session {
        term: &mut term,
        keeper,
        requests,
        wake,
        epoch: 0,
        preview,
        pending: Some(pending),
    };
    let code = event_loop(&mut app, &mut session, &woken);
    // The loop has ended: a signal's request to end has been heard.
    drop(loop_running);
    // Notes the disk never got end with the process unless said: printed
    // on the normal screen, and a quit that would succeed fails instead.
    if let Some(notes) = session.keeper.unkept_notes(app.lang()) {
        screen::restore();
        eprintln!("{notes}");
        return code.map(|c| match c == ExitCode::SUCCESS {
            true => ExitCode::from(1),
            false => c,
        });
    }
    code
}

/// Makes the calling thread yield to the reader and the terminal: loading
/// in the background (a large text's whole, the library, a search index)
/// takes what CPU is left over, so that it never delays a frame reaching
/// the screen, on a machine of two cores least of all. Threads it starts
/// inherit this. Linux sets the niceness of the one thread.
fn in_background() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the scheduling of the calling
    // thread (who = 0), and its failure is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Builds the text's search index on a thread of its own, so that the
/// first search is quick, if the text is small; a large text's is built
/// for its first search (a tenth of a second for 10 MB) rather than kept
/// in memory (two thirds of the text, for Chinese) for a search that may never
/// come.
fn index_for_search(app: &App) -> io::Result<()> {
    if !app.index().searcher().index_early() {
        return Ok(());
    }
    let searcher = Arc::clone(app.index().searcher());
    std::thread::Builder::new()
        .name("search index".into())
        .spawn(move || {
            in_background();
            searcher.index();
        })?;
    Ok(())
}

/// Starts the search worker, whose answers come to the loop as [`Wake`]s
/// marked with `epoch`, and sends it what the reader already asks for.
fn spawn_search(app: &mut App, wake: Sender<Wake>, epoch: u64) -> Sender<Job> {
    let requests = search::spawn_with(move |answer| wake.send(Wake::Answer(epoch, answer)).is_ok());
    send_requests(app, &requests);
    requests
}

fn send_requests(app: &mut App, requests: &Sender<Job>) {
    for r in app.take_requests() {
        let _ = requests.send(r);
    }
}

/// The terminal, what keeps the reader's work and the search worker, for
/// the loop.
struct Session<'a> {
    term: &'a mut Term,
    keeper: Keeper,
    /// The search worker of the text being read.
    requests: Sender<Job>,
    /// For a new search worker, when the whole text replaces its preview.
    wake: Sender<Wake>,
    /// How many times the text was replaced (a preview by the whole).
    epoch: u64,
    /// The preview on screen, while the whole text is read.
    preview: Option<swap::Preview>,
    /// The loading that waits for the first screen, so that it does not
    /// compete with drawing it (its `whole` is the preview's); `None` once
    /// started.
    pending: Option<Pending>,
}

impl Session<'_> {
    /// Once the first screen is drawn: the terminal's input is read (what
    /// was typed meanwhile waits in the terminal), and the search index,
    /// the library's other texts and the whole of a previewed text start
    /// loading.
    fn start_background(&mut self, app: &App) -> io::Result<()> {
        let Some(pending) = self.pending.take() else {
            return Ok(());
        };
        input::spawn(self.wake.clone())?;
        // A preview's index would serve only the moment until the whole
        // text takes over, and would load the word list behind pinyin
        // initials (3 MiB) with it; a search on the preview builds it if
        // one comes.
        if self.preview.is_none() {
            index_for_search(app)?;
        }
        loader::spawn(
            pending.texts,
            (&pending.themes, &pending.recogniser),
            self.wake.clone(),
        );
        if let Some(preview) = &mut self.preview {
            preview.begin(&self.wake)?;
        }
        Ok(())
    }
}

/// Waits, handles, draws, until something ends the reader; the work is
/// saved on the way out, whatever the way.
fn event_loop(
    app: &mut App,
    session: &mut Session,
    woken: &Receiver<Wake>,
) -> io::Result<ExitCode> {
    let ended = run_until_ended(app, session, woken);
    // A note being typed when a signal came or the terminal closed is
    // kept as if its editor had been closed.
    app.keep_typed_note();
    session.keeper.save(app);
    match ended {
        Err(e) => ended_by(e),
        ok => ok,
    }
}

fn run_until_ended(
    app: &mut App,
    session: &mut Session,
    woken: &Receiver<Wake>,
) -> io::Result<ExitCode> {
    let mut dirty = true;
    #[cfg(debug_assertions)]
    let hooks = TestHooks::from_env();
    loop {
        if dirty {
            draw(session.term, app)?;
            dirty = false;
            session.start_background(app)?;
            #[cfg(debug_assertions)]
            hooks.after_draw();
        }
        // Saving can change what the status line says (a note not kept, a
        // warning): drawn at once, not at the next key.
        let said = (app.notice_text(), app.warnings().count());
        let wait = session.keeper.after_input(app);
        if (app.notice_text(), app.warnings().count()) != said {
            draw(session.term, app)?;
        }
        let first = match wait {
            None => woken.recv().ok(),
            Some(wait) => match woken.recv_timeout(wait) {
                Ok(message) => Some(message),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    session.keeper.save(app);
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            },
        };
        let first = first.ok_or_else(|| io::Error::other("every source of events has ended"))?;
        for message in std::iter::once(first).chain(woken.try_iter().take(MESSAGES_PER_FRAME)) {
            let flow = handle(app, session, message)?;
            outbox::deliver(app, session.term)?;
            send_requests(app, &session.requests);
            match flow {
                Flow::Same => {}
                Flow::Redraw => dirty = true,
                Flow::Exit(code) => return Ok(code),
            }
        }
    }
}

/// Handles one message.
fn handle(app: &mut App, session: &mut Session, message: Wake) -> io::Result<Flow> {
    Ok(match message {
        Wake::Event(Event::Paste(text)) => {
            match &mut session.preview {
                Some(preview) => preview.paste(app, text),
                None => app.paste(&text),
            }
            Flow::Redraw
        }
        Wake::Event(event) => match app.keymap().action(&event, app.mode()) {
            None if app.unbound_key(plain_key(&event).as_deref()) => Flow::Redraw,
            None => Flow::Same,
            Some(action) => {
                let effect = match &mut session.preview {
                    Some(preview) => preview.update(app, action),
                    None => app.update(action),
                };
                match effect {
                    Effect::None => Flow::Redraw,
                    Effect::Quit => Flow::Exit(ExitCode::SUCCESS),
                    Effect::Suspend => {
                        // What is typed or moved is kept first: a stopped
                        // reader may be killed from the shell.
                        session.keeper.save(app);
                        suspend(session.term)?;
                        Flow::Redraw
                    }
                }
            }
        },
        Wake::Answer(epoch, answer) => {
            if epoch == session.epoch {
                app.receive(answer);
            }
            Flow::Redraw
        }
        Wake::Loaded(i, opened) => {
            session.keeper.add_to_library(app, i, *opened);
            Flow::Redraw
        }
        Wake::Whole(opened) => take_over(app, session, *opened)?,
        Wake::Signal(signal) => Flow::Exit(ExitCode::from(128 + signal as u8)),
        Wake::Stop => {
            session.keeper.save(app);
            suspend(session.term)?;
            Flow::Redraw
        }
        Wake::Continued => {
            screen::take_again()?;
            *session.term = fresh_terminal()?;
            Flow::Redraw
        }
        Wake::HungUp => Flow::Exit(ExitCode::from(HANGUP_EXIT)),
        Wake::InputFailed(e) => return Err(e),
    })
}

/// The whole text is in: the reader on it takes the preview's place, with
/// a search worker of its own (answers about the preview still on their
/// way are dropped). Or it could not be read: the reader ends saying why.
/// A key press as a plain key's label (`x`, `F1`), for saying that it does
/// nothing; `None` for a key with Ctrl or Alt, a release, or anything else.
fn plain_key(event: &Event) -> Option<String> {
    use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    let Event::Key(key) = event else {
        return None;
    };
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        _ if key.kind == KeyEventKind::Release || !plain => None,
        KeyCode::Char(c) if !c.is_control() => Some(c.to_string()),
        KeyCode::F(n) => Some(format!("F{n}")),
        _ => None,
    }
}

fn take_over(
    app: &mut App,
    session: &mut Session,
    opened: Result<Opened, String>,
) -> io::Result<Flow> {
    let Some(preview) = session.preview.take() else {
        return Ok(Flow::Same);
    };
    match preview.take_over(opened, session.keeper.store()) {
        Err(message) => Ok(Flow::Exit(swap::unreadable(&message))),
        Ok((whole, quit)) => {
            let reported = app.mouse_reported();
            *app = whole;
            // The reading of the whole, and the preview, leave much free.
            dushanbe_reader::memory::give_back();
            app.set_mouse_reported(reported);
            session.epoch += 1;
            session.requests = spawn_search(app, session.wake.clone(), session.epoch);
            index_for_search(app)?;
            // On the way out, the loop saves what was done.
            Ok(if quit {
                Flow::Exit(ExitCode::SUCCESS)
            } else {
                Flow::Redraw
            })
        }
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
    Terminal::new(ui::Clamped(TermBackend::stdout())).map(ManuallyDrop::new)
}

/// One frame, inside a synchronized update so it never tears.
fn draw(term: &mut Term, app: &mut App) -> io::Result<()> {
    queue!(term.backend_mut().0.writer_mut(), BeginSynchronizedUpdate)?;
    // Drawing flushes the frame.
    term.draw(|f| ui::render(app, f))?;
    execute!(term.backend_mut().0.writer_mut(), EndSynchronizedUpdate)
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

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// A background thread yields (niceness 10), and so do the threads it
    /// starts; the thread that started it does not.
    #[test]
    fn background_threads_yield_and_the_reader_does_not() {
        // SAFETY: getpriority reads the calling thread's niceness.
        let nice = || unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
        let before = nice();
        let (own, child) = std::thread::spawn(move || {
            super::in_background();
            let child = std::thread::spawn(nice).join().unwrap();
            (nice(), child)
        })
        .join()
        .unwrap();
        if before <= 10 {
            assert_eq!((own, child), (10, 10));
        }
        assert_eq!(nice(), before);
    }
}
