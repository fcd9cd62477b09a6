//! The status line: document, paragraph and position, filter and search
//! on the left; a notice, a warning or key hints on the right — fitted by
//! priority — or the go-to or search line being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::status_fit::{
    HINTS_PRIORITY, MOUSE_HINT_PRIORITY, NOTICE_PRIORITY, OPTIONAL_PRIORITY, Part, fit,
    grow_into_room_left,
};
use super::status_forms::{short_paths, shortened, warning_forms};
use super::{Styles, doc_name, put};
use crate::action::{Action, Mode};
use crate::app::{App, FrameView, PromptLine};
use crate::document::{Kind, numerals};
use crate::export::cite::chinese_name;
use crate::i18n::{Count, Lang, LibraryNotice, Notice, Word, hint};
use crate::keymap::tables;
use crate::text::{cut_outside_numbers, str_width, truncate_to_width};

/// The bottom line of the screen.
pub struct StatusLine<'a> {
    pub app: &'a App,
    pub view: &'a FrameView,
    pub styles: Styles<'a>,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.styles.status());
        let lang = self.app.lang();
        if let Some(goto) = self.app.goto_line() {
            let label = lang.word(Word::GotoLabel);
            let count = match goto.pending {
                true => lang.word(Word::Searching),
                false => "",
            };
            self.prompt(buf, area, label, &goto.line, count);
        } else if let (Some(search), Some(line)) = (self.app.search(), self.app.search_line()) {
            let count = if search.query.trim().is_empty() {
                String::new()
            } else if !search.answered {
                lang.word(Word::Searching).to_string()
            } else {
                let notes = lang.in_notes(search.note_hits.len());
                let n = Count::of(search.visible.len(), self.app.is_partial());
                format!("{}{notes}", lang.hit_count(n))
            };
            let label = lang.word(Word::SearchLabel);
            self.prompt(buf, area, label, &line.line, &count);
        } else {
            self.reading(buf, area);
        }
    }
}

impl StatusLine<'_> {
    fn prompt(&self, buf: &mut Buffer, area: Rect, label: &str, line: &PromptLine, count: &str) {
        let styles = self.styles;
        super::prompt_bar::PromptBar {
            label,
            line,
            count,
            styles,
        }
        .draw(buf, area);
    }

    /// The forms of the warnings said as `w`: cut by [`warning_forms`], and
    /// a warning alone in fewer words ([`crate::i18n::Warning::terse`]) before the
    /// forms cut short of what those words keep whole (a file's name).
    fn warning_forms(&self, w: &str) -> Vec<String> {
        let mut forms = warning_forms(w, self.app.lang());
        let mut all = self.app.warnings();
        if let (Some(one), None) = (all.next(), all.next())
            && let Some(terse) = one.terse(self.app.lang())
        {
            let terse = format!("⚠ {}", short_paths(&terse));
            let end = terse.rsplit('/').next().unwrap_or(&terse).to_string();
            let at = (forms.iter().position(|f| !f.contains(&end))).unwrap_or(forms.len());
            forms.insert(at, terse);
        }
        forms
    }

    /// Where reading is, the filter and the search on the left; a notice,
    /// a warning or key hints on the right. What does not fit is shortened
    /// or left out by priority, never cut through a number.
    fn reading(&self, buf: &mut Buffer, area: Rect) {
        let (app, styles) = (self.app, self.styles);
        let width = area.width as usize;
        let notice = app
            .notice_text()
            .filter(|_| !app.notice_yields_to_warning());
        // Every warning, the first first (bytes replaced, then characters
        // shown as placeholders): one said alone would hide the other.
        let warnings: Vec<String> = app.warnings().map(|w| w.text(app.lang())).collect();
        let warning = (!warnings.is_empty()).then(|| format!("⚠ {}", warnings.join(" · ")));
        // In display order: title, paragraph, filter, search | right side.
        // In a library, which text it is matters as much as the filter.
        // In a library its number (`2/11`) is placed before a notice, as
        // the filter is, and the title grows only after everything else.
        let title = Part::new(OPTIONAL_PRIORITY, self.title_forms());
        let title = match app.library().is_library() {
            true => title.placed_early(NOTICE_PRIORITY),
            false => title,
        };
        let paragraph = self.paragraph_forms();
        // A notice may shorten the paragraph's place, not take its name —
        // unless it names that paragraph itself (`copied: para. 2 (b)`,
        // `已设置标记 a：第三条第四款`), when saying it twice is no help.
        // Then the place grows only after the title has: the notice says it.
        // So too for the question before a note is deleted, which names the
        // note's paragraph (in the notes list, not the one being read) and
        // the key that answers it.
        let asks = app.notice().is_some_and(Notice::asks);
        let names_it = asks || notice.as_deref().is_some_and(|n| self.names_current(n));
        let (place, named) = match names_it {
            true => (OPTIONAL_PRIORITY, paragraph.len().saturating_sub(1)),
            false => (0, paragraph.len().saturating_sub(2)),
        };
        // The place grows to its name before the filter's names do; its
        // section and its count in the section only after them.
        let core = paragraph.len().saturating_sub(2);
        let mut parts = [
            title,
            Part::new(place, paragraph)
                .floored(named)
                .grown_first_to(core),
            // In its shortest form before a notice: a filter on is never
            // left unsaid.
            Part::new(3, self.filter_forms(names_cap(width))).placed_early(NOTICE_PRIORITY),
            self.search_part(),
        ];
        let (right, right_priority, right_style) = match (&notice, &warning) {
            (Some(n), _) => (self.notice_forms(n), NOTICE_PRIORITY, styles.warning()),
            // A warning keeps its room as a notice does: what went wrong
            // is not crowded out by the title or the filter.
            (None, Some(w)) => (self.warning_forms(w), NOTICE_PRIORITY, styles.warning()),
            // While the terminal has the mouse, the hints say so first,
            // and that stays before the title does.
            (None, None) if !app.mouse_reported() => {
                (self.hint_forms(), MOUSE_HINT_PRIORITY, styles.status())
            }
            (None, None) => (self.hint_forms(), HINTS_PRIORITY, styles.status()),
        };
        let mut right = Part::new(right_priority, right);
        fit(&mut parts, &mut right, width);
        // Room left over once everything is placed lets the filter's
        // names grow past their cut ([`names_cap`]), then the title past
        // its (`预防暴力极端主义法（示…` whole).
        grow_into_room_left(&mut parts, 2, &right, width, |_, room| {
            self.filter_forms(names_cap(width) + room)
                .into_iter()
                .next()
        });
        grow_into_room_left(&mut parts, 0, &right, width, |now, room| {
            self.title_forms_within(now + room).into_iter().next()
        });
        let left: Vec<&str> = parts.iter().filter_map(Part::text).collect();
        let left = format!(" {} ", left.join(" │ "));
        put(buf, area.x, area.y, &left, width, styles.status());
        if let Some(r) = right.text() {
            let rw = str_width(r);
            let x = area.x + width.saturating_sub(rw + 1) as u16;
            put(buf, x, area.y, r, rw, right_style);
        }
    }

    /// A notice and its shorter forms. On moving to a text (`text 6 of 11:
    /// …`), its title is cut as the texts list cuts it, keeping what tells
    /// it apart from a title sharing its start (`…（草案）`), and never
    /// inside a number.
    fn notice_forms(&self, notice: &str) -> Vec<String> {
        let app = self.app;
        // A note not on disk: where its copy is outlasts which paragraph.
        if let Some(copy) = app.notice().and_then(|n| n.kept_copy_only(app.lang())) {
            let mut forms = vec![notice.to_string(), short_paths(notice)];
            forms.extend(shortened(&short_paths(&copy)));
            return forms;
        }
        // Where it has forms in fewer words, those before cutting the
        // last of them (so that the forms only get shorter).
        let terse = app.notice_terse();
        if let Some(tersest) = terse.last() {
            let mut forms = vec![notice.to_string()];
            forms.extend(terse.iter().cloned());
            forms.extend(shortened(tersest).into_iter().skip(1));
            return forms;
        }
        let Some(Notice::Library(LibraryNotice::Opened(label, n, of))) = app.notice() else {
            return shortened(notice);
        };
        let (i, whole) = (n.saturating_sub(1), str_width(label));
        let mut forms: Vec<String> = Vec::new();
        for room in (12..=whole.max(12)).rev().step_by(2) {
            let cut = app.library().label_within(i, room);
            let form = LibraryNotice::Opened(cut, *n, *of).text(app.lang());
            if forms.last() != Some(&form) {
                forms.push(form);
            }
        }
        // Short of room for any of its title, which text it is (`text 2 of
        // 4`, `第 2/4 篇`): the key that moved there is answered.
        let bare = LibraryNotice::Opened(String::new(), *n, *of).text(app.lang());
        forms.push(bare.trim_end_matches([':', ' ', '：']).to_string());
        forms
    }

    /// Whether `notice` names the paragraph being read, by any of the
    /// names it goes by here (its id, its citation, its breadcrumb).
    fn names_current(&self, notice: &str) -> bool {
        let Some(p) = self.view.current else {
            return false;
        };
        // A place to try is not where reading is: a message that no place
        // was found names the current one only among suggestions.
        if matches!(
            self.app.notice(),
            Some(
                Notice::NoSuchParagraph(..)
                    | Notice::NoSuchHeading(_)
                    | Notice::NoMatchingParagraph(_)
            )
        ) {
            return false;
        }
        let (app, index) = (self.app, self.app.index());
        let names = [
            self.breadcrumb(p).1,
            app.doc().paragraphs[p].id.to_string(),
            crate::export::cite::place(index, p),
            crate::export::cite::paragraph_name(index, p, app.lang()),
        ];
        names
            .iter()
            .any(|n| !n.is_empty() && notice.contains(n.as_str()))
    }

    /// The document's name, full or shorter.
    fn title_forms(&self) -> Vec<String> {
        self.title_forms_within(TITLE_WIDTH)
    }

    /// The title's forms with its name cut to `room` columns at most.
    fn title_forms_within(&self, room: usize) -> Vec<String> {
        let library = self.app.library();
        if self.view.panes.narrow && library.is_library() {
            return vec![format!("{}/{}", library.current() + 1, library.len())];
        }
        // Nothing shown: the message comes first, but which text it is
        // about is said when there is room.
        if self.view.panes.narrow {
            return Vec::new();
        }
        let name = doc_name(self.app);
        let library = self.app.library();
        if library.is_library() {
            let n = format!("{}/{}", library.current() + 1, library.len());
            return vec![
                format!("{n} {}", library.label_within(library.current(), room)),
                format!("{n} {}", library.label_within(library.current(), 12)),
                n,
            ];
        }
        vec![
            cut_outside_numbers(&name, room),
            cut_outside_numbers(&name, 12),
        ]
    }

    /// `op-7 · 7/16 │ 45%`; on narrow screens the breadcrumb
    /// `Operative › 7. · 7/16 │ 45%`; shorter forms drop words, not numbers.
    fn paragraph_forms(&self) -> Vec<String> {
        let app = self.app;
        let Some(p) = self.view.current else {
            return Vec::new();
        };
        let (k, n) = app.index().ordinal(p);
        // Of a text's start only, there is no telling how many or how far.
        let (n, percent) = match app.is_partial() {
            true => (format!("{n}+"), "…".to_string()),
            false => (n.to_string(), format!("{}%", self.view.percent)),
        };
        let (section, name) = self.breadcrumb(p);
        let mut forms = Vec::new();
        if let Some(section) = &section {
            forms.push(format!("{section} › {name} · {k}/{n} │ {percent}"));
            let short = truncate_to_width(section, 12);
            forms.push(format!("{short} › {name} · {k}/{n} │ {percent}"));
        }
        forms.push(format!("{name} · {k}/{n} │ {percent}"));
        forms.push(format!("{name} │ {percent}"));
        forms.push(percent);
        forms
    }

    /// Where paragraph `p` is: its section (a heading, or on narrow screens
    /// in English the kind of its run) and its name — the id in English
    /// (`op-2-b`), the breadcrumb of markers on narrow screens in English
    /// (`2. › (b)`), in Chinese at any width the name it is cited by, which
    /// says the part too (`执行部分第2段第(b)项`).
    fn breadcrumb(&self, p: usize) -> (Option<String>, String) {
        let app = self.app;
        let (lang, index) = (app.lang(), app.index());
        let doc = app.doc();
        let para = &doc.paragraphs[p];
        let s = index.section_of(p);
        let narrow = self.view.panes.narrow && lang == Lang::En;
        let section = index.heading_label(s).or_else(|| {
            let kind = index.section_kind(p);
            narrow.then(|| lang.section_short(kind, index.has_preamble()).to_string())
        });
        let name = match lang {
            // Narrow, in English: the markers from the top
            // (`3. › (b) › (ii)`), the id where there is no number.
            Lang::En if narrow => {
                let mut chain: Vec<String> =
                    std::iter::successors(Some(p), |&q| doc.paragraphs[q].parent())
                        .map(|q| {
                            let para = &doc.paragraphs[q];
                            match &para.number {
                                // A law's 款 after its article's items.
                                Some(k) if para.kind == Kind::Clause => {
                                    format!("¶{}", numerals::id_form(k))
                                }
                                Some(_) => para.marker(),
                                None => para.short_name(),
                            }
                        })
                        .collect();
                chain.reverse();
                chain.join(" › ")
            }
            Lang::En => para.id.to_string(),
            Lang::Zh => chinese_name(index, p),
        };
        (section, name)
    }

    /// `financing ∨ youth · 5 of 29 · dimmed`, `2 themes ∨ · 5 of 29`, `5/29`.
    fn filter_forms(&self, names_cap: usize) -> Vec<String> {
        let app = self.app;
        let filter = app.filter();
        if !app.filtering() {
            return Vec::new();
        }
        let lang = app.lang();
        let across = app
            .library_filter_total()
            .map_or(String::new(), |(n, texts)| {
                format!(" · {}", lang.paragraphs_across_texts(n, texts))
            });
        if self.view.current.is_none() {
            // Matching nothing here, the filter may match in other texts.
            let mut forms = vec![format!("{}{across}", super::no_match(app))];
            if !across.is_empty() {
                forms.push(format!("{}{across}", filter_count(app)));
            }
            forms.extend([super::no_match(app), filter_count(app)]);
            return forms;
        }
        let dim = if app.hides() {
            ""
        } else {
            lang.word(Word::Dimmed)
        };
        // `4 of 9`; in Chinese `4/9` at every width, as the shorter forms
        // write it (not `4 / 9` at one width and `4/9` at the next).
        let of = match lang {
            Lang::En => format!(" {} ", lang.word(Word::Of)),
            Lang::Zh => lang.word(Word::Of).to_string(),
        };
        let more = app.is_partial();
        let (m, total) = (
            Count::of(app.match_count(), more),
            Count::of(app.doc().paragraphs.len(), more),
        );
        let themes = match filter.themes().count() {
            0 => String::new(),
            n => lang.themes_count(n, filter.mode.symbol()),
        };
        let reference = app
            .reference_filter()
            .map(|_| lang.ref_filter_short().to_string());
        let themes = super::join_filters(themes, reference);
        // Names past `names_cap` (a user's theme called `prevention-of-
        // violent-extremism-conducive-to-…`) are cut, so that they do not
        // take the title's room too.
        let whole = super::filter_names(app);
        let mut names = truncate_to_width(&whole, names_cap);
        // Cut, several themes' names would name only the first: counted.
        if names != whole && filter.themes().count() > 1 {
            names = themes.clone();
        }
        // The filter named where that is no wider than counted (`youth ·
        // 4/12`, not `1 theme · 4/12`).
        let named = |form: &dyn Fn(&str) -> String| {
            let (by_name, counted) = (form(&names), form(&themes));
            match str_width(&by_name) <= str_width(&counted) {
                true => by_name,
                false => counted,
            }
        };
        let mut forms = vec![
            format!("{names} · {m}{of}{total}{dim}{across}"),
            named(&|t| format!("{t} · {m}{of}{total}{dim}{across}")),
        ];
        if !across.is_empty() {
            forms.push(named(&|t| format!("{t} · {m}/{total}{across}")));
        }
        forms.push(named(&|t| format!("{t} · {m}/{total}")));
        // In a library never a bare `4/9`, which reads as the text's
        // number beside it (`5/11`): the themes counted with their symbol
        // (`3∨ 4/9`), or the one theme's name cut (`youth 4/9`).
        let tag = match (filter.themes().count(), app.reference_filter()) {
            _ if !app.library().is_library() => String::new(),
            (0, _) => format!("{} ", lang.ref_filter_short()),
            (1, None) => format!("{} ", truncate_to_width(&whole, 7)),
            (n, _) => format!("{n}{} ", filter.mode.symbol()),
        };
        forms.push(format!("{tag}{}", filter_count(app)));
        forms.dedup();
        forms
    }

    /// The search's part: its forms, grown first only as far as its query
    /// and count (`“重申” 3/7`), so that the filter's names come before
    /// its hits in notes and in other texts.
    fn search_part(&self) -> Part {
        let (forms, core) = self.search_forms();
        Part::new(1, forms).grown_first_to(core)
    }

    /// `“重申” hit 3/7`, `“重…” 3/7`, `3/7`; and which of them is the
    /// query and count alone (where the text has no hits, with those in
    /// notes, as `no hits` alone would say the search found nothing).
    fn search_forms(&self) -> (Vec<String>, usize) {
        let app = self.app;
        let Some(search) = app.search().filter(|s| s.answered) else {
            return (Vec::new(), 0);
        };
        // Of a text's start, there may be more.
        let n = Count::of(search.visible.len(), app.is_partial());
        // The hit last jumped to counts while reading is still at it.
        let at = |i: &usize| {
            let hit = search.visible.get(*i).map(|&(h, _)| search.hits[h].0);
            hit.is_some() && hit == self.view.current
        };
        let current = search.current.filter(at);
        let count = match current {
            Some(i) => format!("{}/{n}", i + 1),
            None => app.lang().hit_count(n),
        };
        let notes = app.lang().in_notes(search.note_hits.len());
        let across = app.library_hit_total().map_or(String::new(), |(n, texts)| {
            format!(" · {}", app.lang().across_texts(n, texts))
        });
        let short = truncate_to_width(&search.query, 6);
        let mut forms = vec![format!(
            "{}{notes}{across}",
            app.lang().search_state(&search.query, current, n)
        )];
        if !notes.is_empty() {
            forms.push(format!("“{short}” {count}{notes}{across}"));
        }
        // Where the text has no hits, those in notes are kept longest:
        // `no hits` alone would say the search found nothing.
        let mut core = None;
        if n.n == 0 && !notes.is_empty() {
            core = Some(forms.len());
            forms.push(format!("“{short}” {count}{notes}"));
            forms.push(format!("/ {count}{notes}"));
        }
        // So are those in other texts, which `n` goes on to.
        let elsewhere = app.library_hit_total().is_some_and(|(hits, _)| hits > 0);
        if n.n == 0 && elsewhere {
            let core = core.unwrap_or(forms.len());
            forms.push(format!("“{short}” {count}{across}"));
            forms.push(format!("/ {count}{across}"));
            // Only where nothing else leaves a question room to be asked.
            forms.push(format!("/ {count}"));
            return (forms, core);
        }
        forms.push(format!("“{short}” {count}{across}"));
        if !across.is_empty() {
            forms.push(app.lang().search_state(&search.query, current, n));
        }
        let core = core.unwrap_or(forms.len());
        forms.push(format!("“{short}” {count}"));
        forms.push(format!("/ {count}"));
        (forms, core)
    }

    /// Key hints for the current mode, from the key tables, most important
    /// first: `? help  : go to  q quit`, then fewer of them.
    fn hint_forms(&self) -> Vec<String> {
        let app = self.app;
        // The note editor, where keys are text, says its own keys in its
        // title: the reading keys' hints would be wrong under it (`?`
        // types a question mark). A list or panel hints at its own keys.
        let mode = match app.mode() {
            Mode::Editor => return Vec::new(),
            Mode::Prompt => Mode::Normal,
            mode => mode,
        };
        let mut hints: Vec<String> = tables::hints(mode, self.view.panes.narrow)
            .iter()
            // `Tab` in the theme map switches to every text: with one
            // text, there is nothing to switch to.
            .filter(|&&action| {
                !(mode == Mode::ThemeMap && action == Action::ToggleFocus)
                    || app.library().is_library()
            })
            // With no marks yet, the list has none to open or delete: its
            // box asks for a letter to set one.
            .filter(|&&action| {
                !(mode == Mode::Marks
                    && app.marks().is_empty()
                    && matches!(action, Action::Open | Action::DeleteMark))
            })
            .filter_map(|&action| {
                let key = hint_key(app, mode, action)?;
                Some(format!("{key} {}", hint(action, mode, app.lang())))
            })
            .collect();
        // While the terminal has the mouse, that comes first and goes last.
        if !app.mouse_reported() {
            hints.insert(0, app.lang().word(Word::MouseWithTerminal).to_string());
        }
        (1..=hints.len())
            .rev()
            .map(|n| hints[..n].join("  "))
            .collect()
    }
}

/// The key a hint names for `action` in `mode`: its first, but `Esc`
/// for closing where `Esc` closes too (`Esc close`, not `s close`).
fn hint_key(app: &App, mode: Mode, action: Action) -> Option<String> {
    let keys = app.keymap().keys_for(mode, action);
    let esc = matches!(action, Action::Back | Action::OpenHitList)
        .then(|| keys.iter().find(|k| k.label() == "Esc"))
        .flatten();
    esc.or(keys.first()).map(|k| k.label())
}

/// `5/29`: how many paragraphs the filter lets through.
fn filter_count(app: &App) -> String {
    let more = app.is_partial();
    let (k, n) = (app.match_count(), app.doc().paragraphs.len());
    format!("{}/{}", Count::of(k, more), Count::of(n, more))
}

/// The most the filter's names take at first, in columns, where half the
/// status line is less.
const FILTER_NAMES_WIDTH: usize = 36;

/// Where the filter's names are cut before room left over lets them grow:
/// at half the status line, or [`FILTER_NAMES_WIDTH`].
fn names_cap(width: usize) -> usize {
    FILTER_NAMES_WIDTH.max(width / 2)
}

/// The title's usual cut, in columns.
const TITLE_WIDTH: usize = 24;
