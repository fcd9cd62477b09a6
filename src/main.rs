//! `dushanbe`: the command line. Reads the arguments and the text, then
//! either prints (`--print`, `--list-themes`) or hands over to the reader.

mod terminal;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::export::{self, Format};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load;
use dushanbe_reader::themes::{Filter, MatchMode, Themes, user_themes_path};

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
    let filter = match filter_of(&cli, &themes) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("dushanbe: {e}");
            return ExitCode::from(2);
        }
    };
    let mut warnings = loaded.warnings();
    warnings.extend(theme_warnings);

    if cli.list_themes || cli.print.is_some() {
        for w in &warnings {
            eprintln!("dushanbe: warning: {}", w.text(Lang::En));
        }
        let index = DocIndex::new(loaded.document, &themes);
        let out = match cli.print {
            _ if cli.list_themes => list_themes(&themes, &index.tags().counts),
            format => export::print(
                &index,
                &themes,
                &filter,
                cli.search.as_deref(),
                format.unwrap_or(Format::Text),
                cli.lang,
            ),
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

    if !terminal::available() {
        return no_terminal();
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(loaded.document, themes, cli.lang, color, size);
    app.set_warnings(warnings);
    if filter.is_active() {
        app.set_filter(filter);
    }
    if let Some(query) = &cli.search {
        // As if typed: `/`, the query, Enter.
        app.update(Action::StartSearch);
        for c in query.chars() {
            app.update(Action::PromptChar(c));
        }
        app.run_requests();
        app.update(Action::PromptSubmit);
    }
    terminal::run(app).unwrap_or_else(terminal_failed)
}

/// Without a terminal to draw on, the reader cannot run.
fn no_terminal() -> ExitCode {
    eprintln!("dushanbe: no terminal to draw on; use --print to write the text");
    ExitCode::from(2)
}

/// The reader ended with a terminal error: say so on the normal screen.
fn terminal_failed(e: io::Error) -> ExitCode {
    terminal::restore_terminal();
    // Not eprintln!, which panics when standard error is gone.
    let _ = writeln!(io::stderr(), "dushanbe: terminal error: {e}");
    ExitCode::FAILURE
}

/// The theme filter the command line asks for (`--theme`, `--match`).
fn filter_of(cli: &Cli, themes: &Themes) -> Result<Filter, String> {
    let mut filter = Filter {
        active: 0,
        mode: cli.match_mode,
    };
    for id in &cli.themes {
        match themes.position(id) {
            Some(i) => filter.active |= 1 << i,
            None => {
                let valid: Vec<&str> = themes.themes.iter().map(|t| t.id.as_str()).collect();
                return Err(format!(
                    "unknown theme '{id}' (valid: {})",
                    valid.join(", ")
                ));
            }
        }
    }
    Ok(filter)
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
