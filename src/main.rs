//! `dushanbe`: argument parsing, terminal setup and teardown, the event loop.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};

use dushanbe_reader::app::{Action, App, Effect};
use dushanbe_reader::export::{self, Format, Selection};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::keymap;
use dushanbe_reader::load::{self, Loaded};
use dushanbe_reader::search;
use dushanbe_reader::search::{Query, SearchIndex};
use dushanbe_reader::themes::{Filter, MatchMode, matching, tag_document};
use dushanbe_reader::themes::{Themes, user_themes_path};
use dushanbe_reader::ui;

/// Read the 2018 Dushanbe Declaration (or another text of the same kind) in
/// the terminal: an outline beside a reading pane, in correctly broken Chinese.
#[derive(Debug, Parser)]
#[command(
    name = "dushanbe",
    version,
    after_help = "Keys: press ? in the reader. Without FILE, the embedded declaration is read."
)]
struct Cli {
    /// A text to read instead of the embedded declaration (UTF-8, at most 64 MiB)
    file: Option<PathBuf>,

    /// Write the parsed document to standard output and exit, without opening the reader
    #[arg(long, value_enum, value_name = "FORMAT")]
    print: Option<Format>,

    /// Language of the interface labels
    #[arg(long, value_enum, default_value_t = Lang::En, value_name = "LANG")]
    lang: Lang,

    /// Only paragraphs about this theme (repeatable; see --list-themes); filters --print and starts the reader filtered
    #[arg(long = "theme", value_name = "ID")]
    themes: Vec<String>,

    /// With several --theme: paragraphs with any of them, or with all of them
    #[arg(long = "match", value_enum, default_value_t = MatchMode::Any, value_name = "MODE")]
    match_mode: MatchMode,

    /// List each theme's id, labels and how many paragraphs it tags, then exit
    #[arg(long)]
    list_themes: bool,

    /// Extra theme definitions (TOML), added to or replacing the built-in ones
    #[arg(long = "themes", value_name = "FILE")]
    themes_file: Option<PathBuf>,

    /// Search (Chinese, ASCII, or pinyin such as hulianwang or hlw): with --print, only paragraphs with hits, hits marked; otherwise the reader starts on the first hit
    #[arg(long, value_name = "QUERY")]
    search: Option<String>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            // One line, not clap's multi-line report.
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("dushanbe: {first} (see 'dushanbe --help')");
            return ExitCode::from(2);
        }
    };

    let loaded = match &cli.file {
        None => load::load_embedded(),
        Some(path) => match load::load_file(path) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("dushanbe: {e}");
                return ExitCode::from(2);
            }
        },
    };

    let (themes, theme_warnings) =
        match load::load_themes(user_themes_path().as_deref(), cli.themes_file.as_deref()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("dushanbe: {e}");
                return ExitCode::from(2);
            }
        };
    let mut filter = Filter {
        active: 0,
        mode: cli.match_mode,
    };
    for id in &cli.themes {
        match themes.position(id) {
            Some(i) => filter.active |= 1 << i,
            None => {
                let valid: Vec<&str> = themes.themes.iter().map(|t| t.id.as_str()).collect();
                eprintln!(
                    "dushanbe: unknown theme '{id}' (valid: {})",
                    valid.join(", ")
                );
                return ExitCode::from(2);
            }
        }
    }

    if cli.list_themes || cli.print.is_some() {
        for w in loaded.warnings().iter().chain(&theme_warnings) {
            eprintln!("dushanbe: warning: {w}");
        }
        let doc = &loaded.document;
        let tags = tag_document(doc, &themes);
        let out = if cli.list_themes {
            list_themes(&themes, &tags.counts)
        } else {
            let mut paragraphs = matching(&tags, &filter);
            let hits = cli.search.as_deref().map(|q| {
                let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
                SearchIndex::new(&texts).search(&Query::new(q))
            });
            if let Some(hits) = &hits {
                paragraphs.retain(|p| hits.binary_search_by_key(p, |(q, _)| *q).is_ok());
            }
            let sel = Selection {
                doc,
                tags: &tags,
                themes: &themes,
                paragraphs: &paragraphs,
                hits: hits.as_deref(),
            };
            export::render(sel, cli.print.unwrap_or(Format::Text), cli.lang)
        };
        return match io::stdout().lock().write_all(out.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dushanbe: cannot write output: {e}");
                ExitCode::FAILURE
            }
        };
    }

    match run(loaded, themes, theme_warnings, filter, cli.search, cli.lang) {
        Ok(code) => code,
        Err(e) => {
            restore_terminal();
            eprintln!("dushanbe: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `--list-themes`: one line per theme, with its count for this document.
fn list_themes(themes: &Themes, counts: &[usize]) -> String {
    let id_w = themes.themes.iter().map(|t| t.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (i, t) in themes.themes.iter().enumerate() {
        let n = counts.get(i).copied().unwrap_or(0);
        out.push_str(&format!(
            "{:<id_w$}  {n:>4}  {} · {}\n",
            t.id, t.label_en, t.label_zh
        ));
    }
    out
}

type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Whether the program holds the terminal (raw mode, alternate screen), so
/// that restoring happens once: a second restore after a panic message
/// would leave the alternate screen again and move the cursor above it.
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

fn enter_terminal() -> io::Result<()> {
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Gives the terminal back: mouse off, alternate screen left, cursor shown,
/// raw mode off. Does nothing when the terminal is not taken, so it is safe
/// to call more than once.
fn restore_terminal() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Restores the terminal when dropped, whatever path leaves `run`.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn run(
    loaded: Loaded,
    themes: Themes,
    theme_warnings: Vec<String>,
    filter: Filter,
    search: Option<String>,
    lang: Lang,
) -> io::Result<ExitCode> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());

    // A panic restores the terminal before the message is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));

    // SIGTERM, SIGHUP and SIGINT end the loop so the terminal is restored.
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }

    enter_terminal()?;
    let _guard = TerminalGuard;
    let mut term: Term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = term.size()?;

    let mut warnings = loaded.warnings();
    warnings.extend(theme_warnings);
    let mut app = App::new(
        loaded.document,
        themes,
        lang,
        color,
        (size.width, size.height),
    );
    app.warnings = warnings;
    if filter.is_active() {
        app.set_filter(filter);
    }
    if let Some(query) = search {
        // As if typed: `/`, the query, Enter.
        app.update(Action::StartSearch);
        for c in query.chars() {
            app.update(Action::PromptChar(c));
        }
        app.run_requests();
        app.update(Action::PromptSubmit);
    }
    // Searches run on a worker thread so typing never waits for them.
    let (requests, answers) = search::spawn(app.searcher());

    let mut dirty = true;
    #[cfg(debug_assertions)]
    let induce_panic = std::env::var_os("DUSHANBE_TEST_PANIC_AFTER_DRAW").is_some();
    loop {
        if dirty {
            draw(&mut term, &app)?;
            dirty = false;
            #[cfg(debug_assertions)]
            if induce_panic {
                panic!("induced panic (test hook)");
            }
        }
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            drop(_guard);
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
        let typing = app.mode() == keymap::Mode::Prompt;
        let wait = Duration::from_millis(if typing { 15 } else { 200 });
        if !event::poll(wait)? {
            continue;
        }
        // Handle everything that is waiting before drawing again.
        loop {
            let ev = event::read()?;
            if let Some(action) = keymap::action_for(&ev, app.mode()) {
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

fn draw(term: &mut Term, app: &App) -> io::Result<()> {
    execute!(io::stdout(), BeginSynchronizedUpdate)?;
    term.draw(|f| ui::render(app, f))?;
    execute!(io::stdout(), EndSynchronizedUpdate)
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again and
/// redraw everything. A fresh `Terminal` has no previous frame, so the next
/// draw paints every cell; unlike `Terminal::clear` it does not ask the
/// terminal for the cursor position, which not every terminal answers.
fn suspend(term: &mut Term) -> io::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter_terminal()?;
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    *term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok(())
}
