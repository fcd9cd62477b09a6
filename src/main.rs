//! `dushanbe`: the command line. Reads the arguments and the text (a file,
//! standard input, or the embedded declaration), then either prints
//! (`--print`, `--list-themes`, `--list-references`, or any run whose
//! output is not a terminal) or hands over to the reader.

mod fast_open;
mod not_cited;
mod printing;
mod reading;
mod terminal;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueHint};

use dushanbe_reader::config::{self, Config};
use dushanbe_reader::export::Format;
use dushanbe_reader::i18n::{Lang, Warning};
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::library;
use dushanbe_reader::load;
use dushanbe_reader::refs::{
    DocRefs, Recogniser, load_references, resolve_reference, user_references_path,
};
use dushanbe_reader::themes::{Filter, MatchMode, Themes, user_themes_path};

/// Read the 2018 Dushanbe Declaration (or another text of the same kind) in
/// the terminal: an outline beside a reading pane, in correctly broken Chinese.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "dushanbe",
    version,
    // The ways in, each with its values: the manual's SYNOPSIS too, which
    // clap_mangen would otherwise write as `[--print] [--lang] …`.
    override_usage = "dushanbe [OPTIONS] [FILE]...
       dushanbe --print <FORMAT> [OPTIONS] [FILE]...
       dushanbe --compare <A> <B> [OPTIONS]
       dushanbe --cite <ID> [OPTIONS] [FILE]...
       dushanbe --list-themes | --list-references [OPTIONS] [FILE]...",
    after_help = "Keys: press ? in the reader, or see KEYS in the manual page (--man). Without FILE, text piped to standard input is read, else the embedded declaration."
)]
struct Cli {
    /// Texts to read instead of the embedded declaration: files, directories (their .txt and .md files), or - for standard input (UTF-8, UTF-16 with a byte-order mark, or a legacy encoding such as GB18030, Big5 or Windows-1252; at most 64 MiB each); several open a library
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Write the parsed document to standard output and exit, without opening the reader (text when standard output is not a terminal)
    #[arg(long, value_enum, value_name = "FORMAT")]
    print: Option<Format>,

    /// Language of the interface labels [default: the configuration's lang, else en]
    #[arg(long, value_enum, default_value_t = Lang::En, hide_default_value = true, value_name = "LANG")]
    lang: Lang,

    /// Only paragraphs about this theme, by id in any case or label (repeatable; see --list-themes); filters --print and starts the reader filtered
    #[arg(long = "theme", value_name = "ID", value_hint = ValueHint::Other)]
    themes: Vec<String>,

    /// With several --theme: paragraphs with any of them, or with all of them
    #[arg(long = "match", value_enum, default_value_t = MatchMode::Any, value_name = "MODE")]
    match_mode: MatchMode,

    /// List each theme's id, labels and how many paragraphs it tags, then exit
    #[arg(long, conflicts_with_all = ["print", "list_references", "compare", "print_config", "completions", "man", "themes", "reference", "search"])]
    list_themes: bool,

    /// Extra theme definitions (TOML), added to or replacing the built-in ones, after those of $XDG_CONFIG_HOME/dushanbe-reader/themes.toml
    #[arg(long = "themes", value_name = "FILE")]
    themes_file: Option<PathBuf>,

    /// Only paragraphs citing this reference: an id (unsc-1373-2001, osce), a number (1373, 60/288) or a name (see --list-references); filters --print and starts the reader filtered
    #[arg(long, value_name = "ID", value_hint = ValueHint::Other)]
    reference: Option<String>,

    /// List each reference the text cites: its id, how many times, its name and the paragraphs citing it, then exit
    #[arg(long, conflicts_with_all = ["print", "compare", "print_config", "completions", "man", "themes", "reference", "search"])]
    list_references: bool,

    /// Extra reference definitions (TOML), added to or replacing the built-in ones
    #[arg(long = "references", value_name = "FILE")]
    references_file: Option<PathBuf>,

    /// Search (Chinese, ASCII, or pinyin such as hulianwang or hlw): with --print, only paragraphs with hits, hits marked; otherwise the reader starts on the first hit
    #[arg(long, value_name = "QUERY", value_parser = search_words, value_hint = ValueHint::Other)]
    search: Option<String>,

    /// Keep the reading state (position, filter, search, marks, notes) in DIR instead of $XDG_STATE_HOME/dushanbe-reader
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    state_dir: Option<PathBuf>,

    /// Open at the top, without the saved position, filter and search (and leave them as saved); marks and notes are kept as always
    #[arg(long)]
    fresh: bool,

    /// Leave the mouse to the terminal, so its own selection works (no wheel scrolling or clicks in the reader)
    #[arg(long)]
    no_mouse: bool,

    /// Compare two texts side by side, paragraph by paragraph (the same words first, then in one language the most alike, in a translation by id); with --print json, write the pairing
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with_all = ["files", "themes", "reference", "search"])]
    compare: Option<Vec<PathBuf>>,

    /// Write paragraph ID (op-7, pre-3, 12, para. 7 …) with its citation to standard output and exit; pipe it to pbcopy, wl-copy or xclip
    #[arg(long, value_name = "ID", value_parser = cited_place, value_hint = ValueHint::Other, conflicts_with_all = ["print", "list_themes", "list_references", "compare", "themes", "reference", "search"])]
    cite: Option<String>,

    /// Read the configuration (keys, colours, text width …) from FILE instead of $XDG_CONFIG_HOME/dushanbe-reader/config.toml
    #[arg(long = "config", value_name = "FILE")]
    config_file: Option<PathBuf>,

    /// Write the configuration in effect (the defaults merged with the file) as TOML and exit
    #[arg(long, conflicts_with_all = ["print", "compare", "completions", "man", "cite", "files", "themes", "reference", "search"])]
    print_config: bool,

    /// Write a completion script for SHELL to standard output and exit
    #[arg(long, value_enum, value_name = "SHELL", conflicts_with_all = ["man", "print", "cite", "compare", "files", "themes", "reference", "search", "list_themes", "list_references", "print_config"])]
    completions: Option<clap_complete::Shell>,

    /// Write the manual page (roff, for man -l -) to standard output and exit
    #[arg(long, conflicts_with_all = ["print", "cite", "compare", "files", "themes", "reference", "search", "list_themes", "list_references", "print_config"])]
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

/// What the manual page says beyond the options (roff).
const MAN_SECTIONS: &str = r#".SH "EXIT STATUS"
0 on success, also when a filter or search finds nothing (said on standard error).
1 when quitting with notes that could not be written to disk (printed first), or when the output cannot be written (a full disk, a closed standard output).
2 for bad input: a missing, unreadable, binary or oversized file, an unknown option or value, options that cannot go together, a broken file given with \fB\-\-config\fR, \fB\-\-themes\fR or \fB\-\-references\fR (a broken one in the configuration directory is a warning, and the reader goes on without it), an id \fB\-\-cite\fR cannot find.
128 + N when ended by signal N (SIGTERM, SIGHUP, SIGINT), the terminal restored and the work saved.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
Set and not empty: no colours; themes are shown by their letters.
.TP
\fBCOLORTERM\fR, \fBTERM\fR
How many colours the terminal has (truecolor, 256 or 16).
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_STATE_HOME\fR
Where the configuration and the reading state are kept (default \fI~/.config\fR and \fI~/.local/state\fR).
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor \fBA\fR writes a note in.
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/dushanbe\-reader/config.toml\fR
Keys, colours, text width, mouse and language (\fB\-\-print\-config\fR shows it in effect).
.TP
\fI$XDG_CONFIG_HOME/dushanbe\-reader/themes.toml\fR, \fIreferences.toml\fR
Themes and references added to or replacing the built-in ones.
.TP
\fI$XDG_STATE_HOME/dushanbe\-reader/\fR
The reading state: position, filter, search, marks and notes per text (\fB\-\-state\-dir\fR to move it).
"#;

/// `--completions SHELL` and `--man`: generated from the same clap
/// definition as `--help`.
fn generated(cli: &Cli) -> Option<String> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    if let Some(shell) = cli.completions {
        clap_complete::generate(shell, &mut Cli::command(), "dushanbe", &mut out);
        if shell == clap_complete::Shell::Bash {
            return Some(bash_offers_files(&String::from_utf8_lossy(&out)));
        }
    } else if cli.man {
        // Rendering into memory cannot fail.
        let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
        out.extend_from_slice(MAN_SECTIONS.as_bytes());
        let keys = dushanbe_reader::keymap::help::man_keys(&Themes::builtin());
        out.extend_from_slice(keys.as_bytes());
    } else {
        return None;
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// clap's bash script offers the options for an empty word, and where a
/// file goes (`dushanbe <Tab>`, `--compare a.txt <Tab>`): it offers files
/// there instead, the options after a `-`.
fn bash_offers_files(script: &str) -> String {
    let options_first = "if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then";
    let otherwise_options = "            COMPREPLY=( $(compgen -W \"${opts}\" -- \"${cur}\") )\n            return 0\n            ;;\n    esac";
    let otherwise_files = "            COMPREPLY=( $(compgen -f -- \"${cur}\") )\n            return 0\n            ;;\n    esac";
    script
        .replacen(options_first, "if [[ ${cur} == -* ]] ; then", 1)
        .replacen(otherwise_options, otherwise_files, 1)
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
    // Only a file given on the command line is an error: named with its
    // option (`--config texts: is a directory, …`).
    let (themes, mut warnings) =
        load::load_themes(user_themes_path().as_deref(), cli.themes_file.as_deref())
            .map_err(|e| format!("--themes {e}"))?;
    let (config, config_warnings) = config::load(
        config::user_config_path().as_deref(),
        cli.config_file.as_deref(),
        &themes,
    )
    .map_err(|e| format!("--config {e}"))?;
    // A colour for a theme the broken theme file set aside may define:
    // said so, rather than read as a slip of the configuration's.
    let themes_set_aside = warnings.iter().any(|w| matches!(w, Warning::ThemeFile(_)));
    warnings.extend(config_warnings.into_iter().map(|w| match w {
        Warning::ConfigColour(e) if themes_set_aside => {
            let e = e.split(" (themes: ").next().unwrap_or(&e);
            Warning::ConfigColour(format!(
                "{e} (the theme file set aside above may define it)"
            ))
        }
        w => w,
    }));
    Ok(Settings {
        themes,
        config,
        warnings,
    })
}

/// `--search`'s query: words to look for, not an empty or blank one,
/// which would find nothing (as `--theme ''` names no theme).
fn search_words(query: &str) -> Result<String, String> {
    match query.trim().is_empty() {
        true => Err("a search needs words to look for".to_string()),
        false => Ok(query.to_string()),
    }
}

/// A folder given to `--compare`, which would open as several texts: two
/// files are compared.
fn folder_to_compare(cli: &Cli) -> Option<String> {
    let folder = cli.compare.iter().flatten().find(|p| p.is_dir())?;
    Some(dushanbe_reader::text::sanitize_line(
        &folder.display().to_string(),
    ))
}

/// `--cite`'s place: not an empty or blank one, which names no paragraph.
fn cited_place(place: &str) -> Result<String, String> {
    match place.trim().is_empty() {
        true => Err("a citation needs a paragraph to cite (op-7, 12, para. 7 …)".to_string()),
        false => Ok(place.to_string()),
    }
}

/// `--help` and `-V`, or a command line that does not parse: one line on
/// stderr, with the values an option takes and clap's tips.
fn argument_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // In colour on a terminal; elsewhere checked as every
        // output is (`--help > /dev/full` is a failure).
        if io::stdout().is_terminal() {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        return printing::write_output(&e.to_string());
    }
    // One line, not clap's multi-line report.
    let text = e.to_string();
    let first = text.lines().next().unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // A value not among those the option takes: which they are.
    use clap::error::{ContextKind, ContextValue};
    let valid = match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(values)) if !values.is_empty() => {
            format!(" (one of: {})", values.join(", "))
        }
        _ => String::new(),
    };
    // clap's tips, on the lines this leaves out: the option meant
    // (`--prin`), or how to pass a file named with a dash.
    let valid = match (
        e.get(ContextKind::SuggestedArg),
        e.get(ContextKind::Suggested),
    ) {
        (Some(ContextValue::String(arg)), _) => format!("{valid} (did you mean {arg}?)"),
        (_, Some(ContextValue::StyledStrs(tips))) if !tips.is_empty() => {
            let tips: Vec<String> = tips.iter().map(|t| t.to_string()).collect();
            format!("{valid} ({})", tips.join("; "))
        }
        _ => valid,
    };
    complain(&format!("{first}{valid} (see 'dushanbe --help')"));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    dushanbe_reader::memory::keep_large_blocks_apart();
    let (mut cli, lang_given) = match parse_args() {
        Ok(parsed) => parsed,
        Err(e) => return argument_error(&e),
    };

    if let Some(out) = generated(&cli) {
        return printing::write_output(&out);
    }
    if cli.print_config {
        return print_config(&cli);
    }
    if let Some(folder) = folder_to_compare(&cli) {
        return fail(&format!(
            "--compare takes two files, and {folder} is a folder (give two of its texts)"
        ));
    }
    if let Some(e) = state_dir_unmade(&cli) {
        return fail(&e);
    }
    let given = cli.compare.clone().unwrap_or_else(|| cli.files.clone());
    let paths = match library::expand(&given) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    // A library opens each file once; a comparison may be of one file.
    let (paths, repeated) = match cli.compare {
        Some(_) => (paths, Vec::new()),
        None => library::without_repeats(paths),
    };
    // A large text in the reader: its first screen at once, the rest after.
    if let Some(code) = fast_open::open(&mut cli, lang_given, &paths) {
        return code;
    }
    let loaded = match read_text(paths.first().map(PathBuf::as_path)) {
        Ok(l) => l,
        Err(e) => return fail(&e.to_string()),
    };
    let print = print_format(&cli);
    let mut setup = match setup_of(&mut cli, lang_given) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    // The text's own warnings lead the list; with several texts, they
    // are said with its name.
    let own = loaded.warnings().len();
    setup.warnings.splice(0..0, loaded.warnings());
    setup
        .warnings
        .extend(repeated.into_iter().map(Warning::Repeated));
    let reading::Setup {
        themes,
        recogniser,
        filter,
        warnings,
        ..
    } = &setup;

    if writes_output(&cli) {
        // `--cite` on an empty text says so in its own error.
        let cited = cli.cite.is_some();
        let first = paths.first().filter(|_| paths.len() > 1);
        for (k, w) in warnings.iter().enumerate() {
            if cited && *w == Warning::EmptyText {
                continue;
            }
            let name = first.filter(|_| k < own).map(|p| library::name_of(p));
            complain(&named_warning(name, w));
        }
        let texts = match all_texts(loaded, &paths, (themes, recogniser)) {
            Ok(t) => t,
            Err(e) => return fail(&e),
        };
        let format = print.unwrap_or(Format::Text);
        if cli.compare.is_some() {
            return match printing::comparison(format, &texts) {
                Ok(out) => printing::write_output(&out),
                Err(e) => fail(&e),
            };
        }
        return match printing::output_of(&cli, format, &texts, themes, (filter, recogniser)) {
            Ok(out) => printing::write_output(&out),
            Err(e) => fail(&e),
        };
    }

    if !terminal::available() {
        return no_terminal();
    }
    reading::read_in_terminal(&cli, setup, (loaded, paths.as_slice()))
}

/// Why the reader will not make the `--state-dir` given: it is not there,
/// and neither is the folder it would be made in (a mistyped path, most
/// likely, which would otherwise be made whole and silently hold nothing).
/// Only for the reader: `--print` never makes it, and says it is missing.
fn state_dir_unmade(cli: &Cli) -> Option<String> {
    let dir = cli.state_dir.as_deref()?;
    let there = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty())?;
    if writes_output(cli) || there(dir) || there(parent) {
        return None;
    }
    let shown = |p: &Path| dushanbe_reader::text::sanitize_line(&p.display().to_string());
    Some(format!(
        "--state-dir {}: {} does not exist (mistyped?); the state directory is made only in a folder that is there",
        shown(dir),
        shown(parent)
    ))
}

/// Whether this run writes to standard output and exits (a list,
/// `--cite`, `--print`, or output that is not a terminal) rather than
/// opening the reader.
fn writes_output(cli: &Cli) -> bool {
    cli.list_themes || cli.list_references || print_format(cli).is_some() || cli.cite.is_some()
}

/// What `--print` asks for; text (JSON for `--compare`) when standard
/// output is not a terminal, as an interface drawn into a file or a pipe
/// helps no one; `None` for the reader.
fn print_format(cli: &Cli) -> Option<Format> {
    let plain = if cli.compare.is_some() {
        Format::Json
    } else {
        Format::Text
    };
    cli.print.or((!io::stdout().is_terminal()).then_some(plain))
}

/// This run's settings: themes and configuration (the configuration's
/// language unless `--lang` was given), the `--theme` filter, references.
fn setup_of(cli: &mut Cli, lang_given: bool) -> Result<reading::Setup, String> {
    let Settings {
        mut themes,
        config,
        mut warnings,
    } = load_settings(cli)?;
    config.recolor(&mut themes);
    // Meanwhile, the references are read and compiled here.
    themes.compile_in_background();
    if !lang_given {
        cli.lang = config.reader.lang;
    }
    // An error ends the run before the warnings are shown: they are said
    // first, as they may be why (a broken themes file, then its theme
    // unknown).
    let said_first = |e: String| {
        for w in &warnings {
            complain(&format!("warning: {}", w.text(Lang::En)));
        }
        e
    };
    let filter = filter_of(cli, &themes).map_err(said_first)?;
    let (recogniser, reference_warnings) =
        read_references(cli.references_file.as_deref()).map_err(said_first)?;
    warnings.extend(reference_warnings);
    Ok(reading::Setup {
        config,
        themes,
        recogniser,
        filter,
        warnings,
    })
}

/// `--print-config`: the configuration in effect, as TOML. Not where the
/// configuration file was set aside, or a colour in it left out: what is
/// in effect then, written over the file as the README shows, would lose
/// those settings.
fn print_config(cli: &Cli) -> ExitCode {
    match load_settings(cli) {
        Ok(s) => {
            let lost = s.warnings.iter().find_map(|w| match w {
                Warning::ConfigFile(e) => Some(format!(
                    "{e}; nothing printed, as the defaults in effect would replace your \
                     settings (fix the file, or print the defaults with --config /dev/null)"
                )),
                Warning::ConfigColour(e) => Some(format!(
                    "{e}; nothing printed, as that colour would be left out of it"
                )),
                _ => None,
            });
            if let Some(lost) = lost {
                // What caused it first (a broken theme file, a colour's
                // theme missing), then why nothing is printed.
                for w in (s.warnings.iter()).filter(|w| matches!(w, Warning::ThemeFile(_))) {
                    complain(&format!("warning: {}", w.text(Lang::En)));
                }
                return fail(&format!("--print-config: {lost}"));
            }
            for w in &s.warnings {
                complain(&format!("warning: {}", w.text(Lang::En)));
            }
            printing::write_output(&s.config.to_toml(&s.themes))
        }
        Err(e) => fail(&e),
    }
}

/// The references for this run, compiled: the built-in ones, the user's
/// config file (broken: a warning) and `--references FILE` (broken: an
/// error).
fn read_references(references_file: Option<&Path>) -> Result<(Recogniser, Vec<Warning>), String> {
    let config = user_references_path();
    let (references, warnings) = load_references(config.as_deref(), references_file)
        .map_err(|e| format!("--references {e}"))?;
    let warnings = warnings.into_iter().map(Warning::ReferenceFile).collect();
    Ok((references.compile(), warnings))
}

/// The id of the reference `--reference` names in this text, if given.
pub(crate) fn reference_of(
    cli: &Cli,
    refs: &DocRefs,
    recogniser: &Recogniser,
) -> Result<Option<String>, String> {
    let Some(query) = &cli.reference else {
        return Ok(None);
    };
    resolve_reference(query, refs, recogniser)
        .map(Some)
        .ok_or_else(|| {
            format!(
                "unknown reference '{query}' (an id, number or name such as \
                 unsc-1373-2001, 1373, osce; see --list-references)"
            )
        })
}

/// One line on stderr and exit status 2: bad input.
fn fail(message: &str) -> ExitCode {
    complain(message);
    ExitCode::from(2)
}

/// Every text, for printing: the first (already read) and the rest.
fn all_texts(
    first: load::Loaded,
    paths: &[PathBuf],
    (themes, recogniser): (&Themes, &Recogniser),
) -> Result<printing::Texts, String> {
    let mut texts = vec![first];
    for path in paths.iter().skip(1) {
        let text = read_text(Some(path)).map_err(|e| e.to_string())?;
        for w in text.warnings() {
            complain(&named_warning(Some(library::name_of(path)), &w));
        }
        texts.push(text);
    }
    // Printed once and gone: the words stay where the parser put them,
    // none written to the cache folder as the reader's are.
    let texts = texts
        .into_iter()
        .map(|l| {
            (
                DocIndex::with_references(l.document, themes, recogniser),
                l.key,
            )
        })
        .collect();
    Ok(printing::Texts { texts })
}

/// A warning as stderr says it, with the name of the text it is about
/// when several are given (`warning: hostile.txt: 11 control or …`).
fn named_warning(text: Option<String>, w: &Warning) -> String {
    match text {
        Some(name) => format!("warning: {name}: {}", w.text(Lang::En)),
        None => format!("warning: {}", w.text(Lang::En)),
    }
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

/// The text to read: a file, standard input (`-`, or whatever is piped or
/// redirected to it), else the embedded declaration.
fn read_text(file: Option<&Path>) -> Result<load::Loaded, load::LoadError> {
    match file {
        Some(path) if path == Path::new("-") => {
            if printing::was_closed(0) {
                let closed =
                    io::Error::other("it is closed (give a file, or pipe one: … | dushanbe -)");
                return Err(load::LoadError::Unreadable(load::STDIN_NAME.into(), closed));
            }
            if io::stdin().is_terminal() {
                // Else a blank screen waits, saying nothing.
                complain(
                    "reading a text typed or pasted here; end it with Ctrl-D on a line of its own",
                );
            }
            load::load_stdin(fast_open::stdin())
        }
        Some(path) => load::load_file(path),
        None if stdin_is_piped() => load::load_stdin(fast_open::stdin()),
        None => Ok(load::load_embedded()),
    }
}

/// Says what went wrong on stderr, on one line, with anything that came
/// from outside (file names, option values, file contents) made safe for a
/// terminal as document text is.
fn complain(message: &str) {
    let clean = dushanbe_reader::text::sanitize_line(message);
    // Not eprintln!, which panics when standard error is gone.
    let _ = writeln!(io::stderr(), "dushanbe: {clean}");
}

/// Is standard input a pipe, a file or a socket (`cmd | dushanbe`,
/// `dushanbe < file`)? Not when it is a terminal, `/dev/null` or closed,
/// as under a test runner or a service manager.
pub(crate) fn stdin_is_piped() -> bool {
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

/// The theme filter the command line asks for (`--theme`, `--match`).
fn filter_of(cli: &Cli, themes: &Themes) -> Result<Filter, String> {
    let mut filter = Filter {
        active: 0,
        mode: cli.match_mode,
    };
    for id in &cli.themes {
        match themes.named(id) {
            Some(i) => filter.active |= 1 << i,
            None => {
                let valid: Vec<&str> = themes.themes.iter().map(|t| t.id.as_str()).collect();
                let meant = dushanbe_reader::toml_place::nearest(&id.to_lowercase(), valid.clone())
                    .map_or(String::new(), |m| format!(", did you mean {m}?"));
                return Err(format!(
                    "unknown theme '{id}'{meant} (valid: {})",
                    valid.join(", ")
                ));
            }
        }
    }
    Ok(filter)
}
