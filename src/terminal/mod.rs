//! The reader in the terminal: the event loop that feeds it, and every way
//! out of it giving the terminal back — on quit, on error, on panic, on
//! SIGTERM/SIGHUP/SIGINT and around Ctrl-Z. Taking and giving back the
//! terminal is in [`screen`], questions about the tty in [`tty`].

mod screen;
mod tty;

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{self, BeginSynchronizedUpdate, EndSynchronizedUpdate};

use dushanbe_reader::action::{Action, Effect, Mode};
use dushanbe_reader::app::App;
use dushanbe_reader::search;
use dushanbe_reader::ui;

pub use screen::restore as restore_terminal;
pub use tty::available;

type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// SIGTERM, SIGHUP and SIGINT set the returned flag to the signal's number.
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    Ok(signal)
}

/// Runs the reader on `app` until it quits; the exit code to leave with.
pub fn run(mut app: App) -> io::Result<ExitCode> {
    screen::restore_on_panic();
    let signal = watch_signals()?;
    screen::take()?;
    let _restorer = screen::Restorer;
    let mut term: Term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    // Searches run on a worker thread so typing never waits for them.
    let (requests, answers) = search::spawn(Arc::clone(app.index().searcher()));
    for r in app.take_requests() {
        let _ = requests.send(r);
    }

    let mut dirty = true;
    #[cfg(debug_assertions)]
    let induce_panic = std::env::var_os("DUSHANBE_TEST_PANIC_AFTER_DRAW").is_some();
    loop {
        if dirty {
            draw(&mut term, &mut app)?;
            dirty = false;
            #[cfg(debug_assertions)]
            if induce_panic {
                panic!("induced panic (test hook)");
            }
        }
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return Ok(ExitCode::from(128 + sig as u8));
        }
        let mut answered = false;
        while let Ok(answer) = answers.try_recv() {
            app.receive(answer);
            answered = true;
        }
        if answered {
            dirty = true;
            continue;
        }
        // Typing waits for answers: look for them often then.
        let typing = app.mode() == Mode::Prompt;
        let wait = Duration::from_millis(if typing { 15 } else { 200 });
        if !event::poll(wait)? {
            continue;
        }
        // Handle everything that is waiting before drawing again.
        loop {
            let ev = event::read()?;
            if let Some(action) = app.keymap().action(&ev, app.mode()) {
                dirty = true;
                let effect = app.update(action);
                for r in app.take_requests() {
                    let _ = requests.send(r);
                }
                match effect {
                    Effect::None => {}
                    Effect::Quit => return Ok(ExitCode::SUCCESS),
                    Effect::Suspend => {
                        suspend(&mut term)?;
                        let size = term.size()?;
                        app.update(Action::Resize(size.width, size.height));
                    }
                }
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// One frame, inside a synchronized update so it never tears.
fn draw(term: &mut Term, app: &mut App) -> io::Result<()> {
    execute!(io::stdout(), BeginSynchronizedUpdate)?;
    term.draw(|f| ui::render(app, f))?;
    execute!(io::stdout(), EndSynchronizedUpdate)?;
    io::stdout().flush()
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again and
/// redraw everything. A fresh `Terminal` has no previous frame, so the next
/// draw paints every cell; unlike `Terminal::clear` it does not ask the
/// terminal for the cursor position, which not every terminal answers.
fn suspend(term: &mut Term) -> io::Result<()> {
    screen::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    screen::take()?;
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    *term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok(())
}
