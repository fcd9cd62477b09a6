//! `dushanbe`: the command line. Reads the arguments and the text (a file,
//! standard input, or the embedded declaration), then either prints
//! (`--print`, `--list-themes`, or any run whose output is not a terminal)
//! or hands over to the reader.

mod terminal;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::config::{self, Config, colors};
use dushanbe_reader::export::{self, Format};
use dushanbe_reader::i18n::{Lang, Warning};
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load;
use dushanbe_reader::store::{DocKey, StateStore};
use dushanbe_reader::themes::{Filter, MatchMode, Themes, user_themes_path};

/// Read the 2018 Dushanbe Declaration (or another text of the same kind) in
/// the terminal: an outline beside a reading pane, in correctly broken Chinese.
#[derive(Debug, Parser)]
#[command(
    name = "dushanbe",
    version,
    after_help = "Keys: press ? in the reader. Without FILE, text piped to standard input is read, else the embedded declaration."
)]
struct Cli {
    /// A text to read instead of the embedded declaration, or - for standard input (UTF-8, UTF-16 with a byte-order mark, or GB18030; at most 64 MiB)
    file: Option<PathBuf>,

    /// Write the parsed document to standard output and exit, without opening the reader (text when standard output is not a terminal)
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

    /// Keep the reading state (position, filter, search, marks, notes) in DIR instead of $XDG_STATE_HOME/dushanbe-reader
    #[arg(long, value_name = "DIR")]
    state_dir: Option<PathBuf>,

    /// Open at the top, without the saved position, filter and search (and leave them as saved); marks and notes are kept as always
    #[arg(long)]
    fresh: bool,

    /// Leave the mouse to the terminal, so its own selection works (no wheel scrolling or clicks in the reader)
    #[arg(long)]
    no_mouse: bool,

    /// Write paragraph ID (op-7, pre-3, 12 …) with its citation to standard output and exit; pipe it to pbcopy, wl-copy or xclip
    #[arg(long, value_name = "ID")]
    cite: Option<String>,

    /// Read the configuration (keys, colours, text width …) from FILE instead of $XDG_CONFIG_HOME/dushanbe-reader/config.toml
    #[arg(long = "config", value_name = "FILE")]
    config_file: Option<PathBuf>,

    /// Write the configuration in effect (the defaults merged with the file) as TOML and exit
    #[arg(long)]
    print_config: bool,

    /// Write a completion script for SHELL to standard output and exit
    #[arg(long, value_enum, value_name = "SHELL")]
    completions: Option<clap_complete::Shell>,

    /// Write the manual page (roff, for man -l -) to standard output and exit
    #[arg(long)]
    man: bool,
}

/// The command line, and whether `--lang` was given on it (else the
/// configuration's language is used).
fn parse_args() -> Result<(Cli, bool), clap::Error> {
    use clap::{CommandFactory, FromArgMatches, parser::ValueSource};
    let matches = Cli::command().try_get_matches()?;
    let lang_given = matches.value_source("lang") == Some(ValueSource::CommandLine);
    Ok((Cli::from_arg_matches(&matches)?, lang_given))
}

/// `--completions SHELL` and `--man`: generated from the same clap
/// definition as `--help`.
fn generated(cli: &Cli) -> Option<String> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    if let Some(shell) = cli.completions {
        clap_complete::generate(shell, &mut Cli::command(), "dushanbe", &mut out);
    } else if cli.man {
        // Rendering into memory cannot fail.
        let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    } else {
        return None;
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// Themes and the configuration for this run, and what went wrong in the
/// config directory's files (a broken `--themes` or `--config` file is an
/// error).
struct Settings {
    themes: Themes,
    config: Config,
    warnings: Vec<Warning>,
}

fn load_settings(cli: &Cli) -> Result<Settings, String> {
    let (themes, mut warnings) =
        load::load_themes(user_themes_path().as_deref(), cli.themes_file.as_deref())?;
    let (config, config_warnings) = config::load(
        config::user_config_path().as_deref(),
        cli.config_file.as_deref(),
        &themes,
    )?;
    warnings.extend(config_warnings);
    Ok(Settings {
        themes,
        config,
        warnings,
    })
}

fn main() -> ExitCode {
    let (mut cli, lang_given) = match parse_args() {
        Ok(parsed) => parsed,
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
            complain(&format!("{first} (see 'dushanbe --help')"));
            return ExitCode::from(2);
        }
    };

    if let Some(out) = generated(&cli) {
        return write_output(&out);
    }
    if cli.print_config {
        return print_config(&cli);
    }
    let loaded = match read_text(cli.file.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            complain(&e.to_string());
            return ExitCode::from(2);
        }
    };
    // An interface drawn into a file or a pipe helps no one: print text.
    let print = cli
        .print
        .or((!io::stdout().is_terminal()).then_some(Format::Text));

    let Settings {
        mut themes,
        config,
        warnings: setting_warnings,
    } = match load_settings(&cli) {
        Ok(s) => s,
        Err(e) => {
            complain(&e);
            return ExitCode::from(2);
        }
    };
    config.recolor(&mut themes);
    if !lang_given {
        cli.lang = config.reader.lang;
    }
    let filter = match filter_of(&cli, &themes) {
        Ok(f) => f,
        Err(e) => {
            complain(&e.to_string());
            return ExitCode::from(2);
        }
    };
    let mut warnings = loaded.warnings();
    warnings.extend(setting_warnings);

    if cli.list_themes || print.is_some() || cli.cite.is_some() {
        for w in &warnings {
            complain(&format!("warning: {}", w.text(Lang::En)));
        }
        let key = loaded.key.clone();
        let index = DocIndex::new(loaded.document, &themes);
        let format = print.unwrap_or(Format::Text);
        return match output_of(&cli, format, &index, &themes, &filter, &key) {
            Ok(out) => write_output(&out),
            Err(e) => {
                complain(&e);
                ExitCode::from(2)
            }
        };
    }

    if !terminal::available() {
        return no_terminal();
    }
    read_in_terminal(&cli, &config, loaded, (themes, filter), warnings)
}

/// `--print-config`: the configuration in effect, as TOML.
fn print_config(cli: &Cli) -> ExitCode {
    match load_settings(cli) {
        Ok(s) => {
            for w in &s.warnings {
                complain(&format!("warning: {}", w.text(Lang::En)));
            }
            write_output(&s.config.to_toml(&s.themes))
        }
        Err(e) => {
            complain(&e);
            ExitCode::from(2)
        }
    }
}

/// Opens the reader: the document, its saved state (unless `--fresh`
/// leaves position, filter and search as they were), then what the command
/// line asks for (`--theme`, `--search`) on top.
fn read_in_terminal(
    cli: &Cli,
    config: &Config,
    loaded: load::Loaded,
    (themes, filter): (Themes, Filter),
    warnings: Vec<Warning>,
) -> ExitCode {
    let depth = colors::depth_from_env(config.colors.depth);
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let key = loaded.key.clone();
    let color = depth != colors::Depth::None;
    let mut app = App::new(loaded.document, themes, cli.lang, color, size);
    app.configure(config, depth);
    app.set_warnings(warnings);
    let (store, store_warnings) = StateStore::open(cli.state_dir.as_deref());
    let state = store.load(&key);
    for w in store_warnings.iter().chain(&state.warnings) {
        app.add_warning(Warning::State(w.to_string()));
    }
    app.absorb_state(state.state, !cli.fresh);
    if filter.is_active() {
        app.set_filter(filter);
    }
    if let Some(query) = &cli.search {
        start_search(&mut app, query);
    }
    let keeper = terminal::Keeper::new(store, key);
    let mouse = config.reader.mouse && !cli.no_mouse;
    terminal::run(app, keeper, mouse).unwrap_or_else(terminal_failed)
}

/// Without a terminal to draw on, the reader cannot run.
fn no_terminal() -> ExitCode {
    complain("no terminal to draw on; use --print to write the text");
    ExitCode::from(2)
}

/// The reader ended with a terminal error: say so on the normal screen.
fn terminal_failed(e: io::Error) -> ExitCode {
    terminal::restore_terminal();
    complain(&format!("terminal error: {e}"));
    ExitCode::FAILURE
}

/// What `--list-themes`, `--cite` or `--print` write.
fn output_of(
    cli: &Cli,
    format: Format,
    index: &DocIndex,
    themes: &Themes,
    filter: &Filter,
    key: &DocKey,
) -> Result<String, String> {
    if cli.list_themes {
        return Ok(list_themes(themes, &index.tags().counts));
    }
    if let Some(id) = &cli.cite {
        return index
            .resolve(id)
            .map(|p| export::cite::quote(index, p))
            .ok_or_else(|| format!("no paragraph '{id}' (try 12, op-12, pre-3, intro-1)"));
    }
    // Notes and marks come from the reading state (read, never written).
    let state = matches!(format, Format::Json | Format::Notes).then(|| {
        let (store, _) = StateStore::open(cli.state_dir.as_deref());
        store.load(key).state
    });
    let request = export::Request {
        filter,
        query: cli.search.as_deref(),
        format,
        lang: cli.lang,
        state: state.as_ref(),
    };
    Ok(export::print(index, themes, request))
}

/// `--print` (or output that is not a terminal) and `--list-themes`:
/// The text to read: a file, standard input (`-`, or whatever is piped or
/// redirected to it), else the embedded declaration.
fn read_text(file: Option<&Path>) -> Result<load::Loaded, load::LoadError> {
    match file {
        Some(path) if path == Path::new("-") => load::load_stdin(io::stdin().lock()),
        Some(path) => load::load_file(path),
        None if stdin_is_piped() => load::load_stdin(io::stdin().lock()),
        None => Ok(load::load_embedded()),
    }
}

/// Starts the reader on a search, as if typed: `/`, the query, Enter.
fn start_search(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    // The line opens with the kept search, selected: start from empty.
    app.update(Action::PromptDeleteToStart);
    for c in query.chars() {
        app.update(Action::PromptChar(c));
    }
    app.run_requests();
    app.update(Action::PromptSubmit);
}

/// Says what went wrong on stderr, on one line, with anything that came
/// from outside (file names, option values, file contents) made safe for a
/// terminal as document text is.
fn complain(message: &str) {
    let clean = dushanbe_reader::text::sanitize(message)
        .text
        .replace('\n', " ");
    // Not eprintln!, which panics when standard error is gone.
    let _ = writeln!(io::stderr(), "dushanbe: {clean}");
}

/// Is standard input a pipe, a file or a socket (`cmd | dushanbe`,
/// `dushanbe < file`)? Not when it is a terminal, `/dev/null` or closed,
/// as under a test runner or a service manager.
fn stdin_is_piped() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd).metadata().is_ok_and(|m| {
        let t = m.file_type();
        t.is_fifo() || t.is_file() || t.is_socket()
    })
}

/// Writes `--print` output. A closed standard output is an error (std's
/// handle would drop the text silently); a closed pipe (`| head`) is not.
fn write_output(out: &str) -> ExitCode {
    if stdout_was_closed() {
        complain("cannot write output: standard output is closed");
        return ExitCode::FAILURE;
    }
    match io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            complain(&format!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Was standard output closed when the program started (`>&-`)? Rust's
/// runtime then opens /dev/null in its place, read-write, so writes vanish
/// without an error; a shell's `> /dev/null` opens it write-only. So a
/// read-write /dev/null on descriptor 1 means there was none.
fn stdout_was_closed() -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(null) = std::fs::metadata("/dev/null") else {
        return false;
    };
    // SAFETY: fstat and fcntl only read the state of descriptor 1 into a
    // zeroed stat buffer owned here.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(1, &mut st) != 0 {
            return true;
        }
        let flags = libc::fcntl(1, libc::F_GETFL);
        st.st_rdev as u64 == null.rdev()
            && (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
            && flags != -1
            && flags & libc::O_ACCMODE == libc::O_RDWR
    }
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
