//! Two texts side by side: each side's paragraphs wrapped in their own
//! pane and language, paired rows aligned, a gap where one side has no
//! counterpart, changed wording marked in paired paragraphs, and a status
//! line of its own (where the view is, what differs, the keys).

use crate::action::{Action, Mode};
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{
    App, CompareView, block_lines, compare_gutter, heading_rows, headings_above, pair_rows,
};
use crate::compare::changes;
use crate::export::cite::paragraph_name;
use crate::i18n::{Count, Lang};
use crate::index::DocIndex;
use crate::layout::{compare_panes, compare_text};
use crate::text::{
    char_width, cut_outside_numbers, cut_telling_apart, shared_start, str_width, truncate_to_width,
};

/// The comparison, over the whole screen.
pub struct CompareBox<'a> {
    pub app: &'a App,
    pub view: &'a CompareView,
    /// The paragraph being read on side A (the reader's, beneath).
    pub reading: Option<usize>,
    pub styles: Styles<'a>,
}

/// One side of a row being drawn.
struct Side<'a> {
    index: &'a DocIndex,
    para: Option<usize>,
    /// Changed character ranges of the paragraph's text.
    changed: Vec<Range<usize>>,
    /// Search hits (character ranges) in the paragraph.
    hits: Vec<Range<usize>>,
}

/// What each pane is headed with: the text's title (else its file name);
/// two editions with one title lead with their file names, which tell
/// them apart where the pane cuts the title.
fn side_names(app: &App, other: usize) -> (String, String) {
    let library = app.library();
    let entries = library.entries();
    let (a, b) = (&entries[library.current()], &entries[other]);
    if a.label() == b.label() && a.name != b.name {
        let with = |e: &crate::app::DocEntry| format!("{} · {}", e.name, e.label());
        return (with(a), with(b));
    }
    (a.label().to_string(), b.label().to_string())
}

impl Widget for CompareBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, view, styles) = (self.app, self.view, self.styles);
        let Some(b) = app.compare_other(view) else {
            return;
        };
        super::clear_for_overlay(
            Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1)),
            buf,
        );
        let (left, right) = compare_panes(area);
        let (name_a, name_b) = side_names(app, view.other);
        for (pane, name, other, focused, tag) in [
            (left, &name_a, &name_b, !view.focus_b, "A"),
            (right, &name_b, &name_a, view.focus_b, "B"),
        ] {
            let mut title = format!(" {tag} · {name} ");
            // Within the corners, with a rule before the right one.
            let room =
                (pane.width as usize).saturating_sub(str_width(&title) - str_width(name) + 3);
            if str_width(name) > room {
                // Told apart from the other side's title where they start
                // alike, and never cut inside a number (`（2026—…`).
                let told = cut_telling_apart(name, shared_start(name, other), room);
                title = format!(" {tag} · {} ", cut_outside_numbers(&told, room));
            }
            Block::bordered()
                .border_style(styles.border(focused))
                .title(super::border_title(&title, pane.width))
                .render(pane, buf);
        }
        let (ta, tb) = (compare_text(left), compare_text(right));
        let mut y = ta.y;
        let mut skip = view.top_row;
        // Whether the last pair is drawn to its end: the view is at the end.
        let mut end_shown = view.pairs.is_empty();
        let target = view.target();
        // The bar stands in the focused pane's margin, beside the pair that
        // `y` and `c` copy.
        let bar_x = match view.focus_b {
            true => tb.x.checked_sub(1),
            false => ta.x.checked_sub(1),
        };
        for i in view.top..view.pairs.len() {
            if y >= ta.bottom() {
                break;
            }
            let pair = view.pairs[i];
            let (sa, sb) = self.sides(b, pair.a, pair.b);
            let la = sa.para.map(|p| block_lines(sa.index, p, ta.width as usize));
            let lb = sb.para.map(|p| block_lines(sb.index, p, tb.width as usize));
            // A section's heading above its first paragraph, on both
            // sides' row, so that the paragraphs still start side by side.
            let head = heading_rows((sa.index, sa.para), (Some(sb.index), sb.para));
            let lines = |l: &Option<Vec<Range<usize>>>| l.as_ref().map_or(1, Vec::len);
            let height = pair_rows(head, lines(&la), lines(&lb));
            let mut whole = true;
            for row in skip..height {
                if y >= ta.bottom() {
                    // Only the blank row after it cut: still whole.
                    whole = row + 1 >= height;
                    break;
                }
                if row < head {
                    // The last of the rows, under the headings, is blank.
                    self.heading_row(buf, ta, y, &sa, head - 1 - row);
                    self.heading_row(buf, tb, y, &sb, head - 1 - row);
                } else {
                    self.side_row(buf, ta, y, &sa, la.as_deref(), row - head);
                    self.side_row(buf, tb, y, &sb, lb.as_deref(), row - head);
                    // On the pair's rows, not the blank row after them.
                    if let Some(x) = bar_x.filter(|_| i == target && row + 1 < height) {
                        put(buf, x, y, "▎", 1, self.styles.current_bar());
                    }
                }
                y += 1;
            }
            if i + 1 == view.pairs.len() {
                end_shown = whole;
            }
            skip = 0;
        }
        self.status(buf, area, b, end_shown);
    }
}

impl<'a> CompareBox<'a> {
    /// Both sides of a pair, with what changed between them.
    fn sides(&self, b: &'a DocIndex, pa: Option<usize>, pb: Option<usize>) -> (Side<'a>, Side<'a>) {
        let a = self.app.index();
        let (mut ca, mut cb) = (Vec::new(), Vec::new());
        if let (Some(x), Some(y)) = (pa, pb) {
            let (ta, tb) = (&a.doc().paragraphs[x].text, &b.doc().paragraphs[y].text);
            if ta != tb
                && self.view.same_language
                && let Some((x, y)) = changes(ta, tb)
            {
                (ca, cb) = (x, y);
            }
        }
        let hits = |p: Option<usize>| -> Vec<Range<usize>> {
            p.map_or_else(Vec::new, |p| {
                self.app.hits_in(p).iter().map(|h| h.start..h.end).collect()
            })
        };
        (
            Side {
                index: a,
                para: pa,
                changed: ca,
                hits: hits(pa),
            },
            Side {
                index: b,
                para: pb,
                changed: cb,
                hits: Vec::new(),
            },
        )
    }

    /// The heading `up` rows above the blank row over one side's
    /// paragraph, if it has one there (`up` 0 is that blank row): the
    /// innermost sits right above it, so that the two sides' sections line
    /// up and a side with fewer headings leaves its top rows blank.
    fn heading_row(&self, buf: &mut Buffer, area: Rect, y: u16, side: &Side, up: usize) {
        let labels = side
            .para
            .map_or_else(Vec::new, |p| headings_above(side.index, p));
        let Some(label) = labels.len().checked_sub(up).and_then(|i| labels.get(i)) else {
            return;
        };
        let label = truncate_to_width(label, area.width as usize);
        put(
            buf,
            area.x,
            y,
            &label,
            area.width as usize,
            self.styles.heading(),
        );
    }

    /// Row `row` of one side's block: the marker and first line, a wrapped
    /// line, the gap, or the blank row between blocks.
    fn side_row(
        &self,
        buf: &mut Buffer,
        area: Rect,
        y: u16,
        side: &Side,
        lines: Option<&[Range<usize>]>,
        row: usize,
    ) {
        let styles = self.styles;
        let (Some(p), Some(lines)) = (side.para, lines) else {
            if row == 0 {
                let gap = self
                    .app
                    .lang()
                    .pick("— not in this text —", "——此文本无此段——");
                put(buf, area.x, y, gap, area.width as usize, styles.faint());
            }
            return;
        };
        let Some(range) = lines.get(row) else {
            return;
        };
        let para = &side.index.doc().paragraphs[p];
        let gutter = compare_gutter(side.index, p);
        if row == 0 {
            let depth = para.level as usize * 2;
            put(
                buf,
                area.x + depth as u16,
                y,
                &para.outline_marker(),
                gutter,
                styles.marker(),
            );
        }
        let chars: Vec<char> = para
            .text
            .chars()
            .skip(range.start)
            .take(range.len())
            .collect();
        let mut x = area.x + gutter as u16;
        // The spaces a row was wrapped at are not marked: a change or hit
        // that goes on to the next row would show as a stray block.
        let row_end = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
        for (k, c) in chars.iter().enumerate() {
            let at = range.start + k;
            if *c == '\n' {
                continue;
            }
            let w = char_width(*c) as u16;
            if x + w > area.right() {
                break;
            }
            let mut style = Style::new();
            let marked = k < row_end;
            if marked && side.changed.iter().any(|r| r.contains(&at)) {
                style = styles.changed();
            }
            if marked && side.hits.iter().any(|r| r.contains(&at)) {
                style = style.patch(styles.hit());
            }
            buf.set_stringn(x, y, c.to_string(), w as usize, style);
            x += w;
        }
    }

    /// What the status line says at the right, its style, and whether it
    /// is a notice: a notice (no more differences, a copy, …), else the
    /// search on side A (`search`'s fullest form), else the keys.
    fn right_side(&self, search: &[String]) -> (String, Style, bool) {
        let (app, styles) = (self.app, self.styles);
        if let Some(notice) = app.notice_text() {
            return (notice, styles.warning(), true);
        }
        if let Some(full) = search.first() {
            return (full.clone(), styles.status(), false);
        }
        (self.key_hints(usize::MAX), styles.status(), false)
    }

    /// The keys of the comparison, as many as fit in `room`: short of it,
    /// the one that changes side goes first, then `]`; the key that ends
    /// the comparison stays (said even where it does not fit: the caller
    /// leaves out what does not).
    fn key_hints(&self, room: usize) -> String {
        let app = self.app;
        let (a, b, r) = self.view.summary;
        let lang = app.lang();
        let key = |action: Action| app.keymap().first_label(Mode::Compare, action);
        // `]` is offered only where there is a difference to go to; a key
        // the configuration took away is not offered.
        let offered = [
            (
                Action::NextParagraph,
                ("next difference", "下一处差异"),
                a + b + r > 0,
            ),
            (Action::ToggleFocus, ("side", "换侧"), true),
            (Action::Back, ("close", "关闭"), true),
        ];
        let keys: Vec<(Action, String)> = offered
            .into_iter()
            .filter(|(_, _, shown)| *shown)
            .filter_map(|(action, (en, zh), _)| {
                Some((action, format!("{} {}", key(action)?, lang.pick(en, zh))))
            })
            .collect();
        let mut hints = String::new();
        let mut left_out = Vec::new();
        for gone in [None, Some(Action::ToggleFocus), Some(Action::NextParagraph)] {
            left_out.extend(gone);
            let kept = keys.iter().filter(|(a, _)| !left_out.contains(a));
            hints = kept.map(|(_, k)| k.as_str()).collect::<Vec<_>>().join("  ");
            if str_width(&hints) <= room {
                break;
            }
        }
        hints
    }

    /// The search on side A, fullest first: `“terrorist” hit 2/7`, then
    /// `/ 2/7` (`/ 7`, `/ no hits`) where room is short.
    fn search_forms(&self) -> Vec<String> {
        let app = self.app;
        let search = app
            .search()
            .filter(|s| s.answered && !s.query.trim().is_empty());
        let Some(s) = search else {
            return Vec::new();
        };
        let n = Count::of(s.visible.len(), app.is_partial());
        let query = truncate_to_width(&s.query, 16);
        // The hit last gone to counts while reading is still at it.
        let at = |&i: &usize| s.visible.get(i).map(|&(h, _)| s.hits[h].0) == self.reading;
        let current = s.current.filter(at);
        let short = match current {
            Some(i) => format!("/ {}/{n}", i + 1),
            None => format!("/ {}", app.lang().hit_count(n)),
        };
        vec![app.lang().search_state(&query, current, n), short]
    }

    /// The comparison's own status line: the pair at the top, the counts
    /// of differences and how far through; at the right a notice, the
    /// search, or the keys.
    fn status(&self, buf: &mut Buffer, area: Rect, b: &DocIndex, end_shown: bool) {
        let (app, view, styles) = (self.app, self.view, self.styles);
        let y = area.bottom().saturating_sub(1);
        let width = area.width as usize;
        buf.set_stringn(area.x, y, " ".repeat(width), width, styles.status());
        let a = app.index();
        // The pair the bar is on: the one `y` copies.
        let pair = view.pairs.get(view.target()).copied();
        let id = |ix: &DocIndex, p: Option<usize>| {
            p.map_or("—".to_string(), |p| paragraph_name(ix, p, app.lang()))
        };
        let (name_a, name_b) =
            pair.map_or((String::new(), String::new()), |p| (id(a, p.a), id(b, p.b)));
        // How far the top pair is through the pairs (0% at the first);
        // all of it once the last pair is on screen whole.
        let percent = match end_shown {
            true => 100,
            false => view.top * 100 / view.pairs.len().max(1),
        };
        let lang = app.lang();
        // A notice may push the counts out; the search gives way to them.
        let search = self.search_forms();
        let (keys, right_style, notice) = self.right_side(&search);
        let saying = notice || !search.is_empty();
        // The counts keep one form from pair to pair: the fullest that fits
        // beside the widest place of any pair; the place gives way to them
        // (one name for a pair named alike, then cut), not the other way;
        // and beside the widest percentage, which changes as they scroll.
        let around = |counts: &str| str_width(counts) + str_width("  │  │ 100%");
        let widest = view
            .widest_place
            .max(str_width(&name_a) + str_width(&name_b) + 3);
        let forms = counts_forms(lang, view.summary, view.same_language);
        // Room kept for the search's short form too, when one is on and
        // no notice is said in its place.
        let short_search = match notice {
            true => 0,
            false => search.get(1).map_or(0, |s| str_width(s) + 2),
        };
        let chosen = (0..forms.len())
            .find(|&c| widest + around(&forms[c]) + short_search <= width)
            .unwrap_or(forms.len() - 1);
        let room = width.saturating_sub(around(&forms[chosen]) + short_search);
        let place = fitted_place(&name_a, &name_b, room, lang);
        let fits = |left: &str, right: usize| str_width(left) + right <= width;
        // A pair named alike is named once (`op-2 ↔ =`) before the counts
        // give way to a notice.
        let once = named_once(&name_a, &name_b, lang).filter(|once| *once != place);
        // A notice takes the counts' shorter forms, then is said over them.
        let left = (forms[chosen..].iter())
            .map(|c| format!(" {place} │ {c} │ {percent}%"))
            .chain(once.iter().flat_map(|once| {
                (forms[chosen..].iter()).map(move |c| format!(" {once} │ {c} │ {percent}%"))
            }))
            .find(|left| !notice || fits(left, str_width(&keys) + 2))
            .unwrap_or_else(|| {
                // Over the counts, the place has their room, named once
                // where alike so that the notice has more.
                let room = width
                    .saturating_sub(str_width(&keys) + str_width(&format!("  │ {percent}%")) + 3);
                let place = match &once {
                    Some(once) => truncate_to_width(once, room.max(1)),
                    None => fitted_place(&name_a, &name_b, room, lang),
                };
                format!(" {place} │ {percent}%")
            });
        // The search that does not fit beside the counts takes its short
        // form, else is said over them as a notice is.
        let room = width.saturating_sub(str_width(&left) + 2);
        let (keys, left) = match search.get(1) {
            Some(short) if !notice && str_width(&keys) > room && str_width(short) <= room => {
                (short.clone(), left)
            }
            Some(_) if !notice && str_width(&keys) > room => {
                (keys, format!(" {place} │ {percent}%"))
            }
            _ => (keys, left),
        };
        // A notice or the search that does not fit beside the place is
        // cut, not dropped: a copy is always said.
        let room = width.saturating_sub(str_width(&left) + 2);
        let keys = match saying && str_width(&keys) > room && room >= 8 {
            true => truncate_to_width(&keys, room),
            false => keys,
        };
        // Short of room, the keys are fewer.
        let keys = match saying || fits(&left, str_width(&keys) + 2) {
            true => keys,
            false => self.key_hints(width.saturating_sub(str_width(&left) + 2)),
        };
        let right = fits(&left, str_width(&keys) + 2).then_some(keys);
        put_status_line(buf, (area.x, y, width), &left, right, right_style, styles);
    }
}

/// The status line's `left` part, and its `right` one (`None` where it
/// does not fit) at the right end, on row `y` from `x`, `width` wide.
fn put_status_line(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, usize),
    left: &str,
    right: Option<String>,
    right_style: Style,
    styles: Styles,
) {
    if let Some(right) = right {
        let right_w = str_width(&right);
        put(
            buf,
            x + (width - right_w - 1) as u16,
            y,
            &right,
            right_w,
            right_style,
        );
    }
    put(
        buf,
        x,
        y,
        &truncate_to_width(left, width),
        width,
        styles.status(),
    );
}

/// The counts of differences, fullest first: `only in A 1 · only in B 1 ·
/// reworded 2`, `A only 1 · B only 1 · reworded 2`, `A 1 · B 1 · ~2`. Of
/// a text and its translation, whose wording is not compared, it says so
/// in place of the reworded: `translation · only in A 1 · only in B 0`.
fn counts_forms(
    lang: Lang,
    (only_a, only_b, reworded): (usize, usize, usize),
    same_language: bool,
) -> [String; 3] {
    match (lang, same_language) {
        (Lang::En, false) => [
            format!("translation · only in A {only_a} · only in B {only_b}"),
            format!("translation · A only {only_a} · B only {only_b}"),
            format!("transl. · A {only_a} · B {only_b}"),
        ],
        (Lang::Zh, false) => [
            format!("译本 · 仅 A 有 {only_a} · 仅 B 有 {only_b}"),
            format!("译本 · 仅A {only_a} · 仅B {only_b}"),
            format!("译本 · A {only_a} · B {only_b}"),
        ],
        (Lang::En, true) => [
            format!("only in A {only_a} · only in B {only_b} · reworded {reworded}"),
            format!("A only {only_a} · B only {only_b} · reworded {reworded}"),
            format!("A {only_a} · B {only_b} · ~{reworded}"),
        ],
        (Lang::Zh, true) => [
            format!("仅 A 有 {only_a} · 仅 B 有 {only_b} · 措辞不同 {reworded}"),
            format!("仅A {only_a} · 仅B {only_b} · 改动 {reworded}"),
            format!("A {only_a} · B {only_b} · 改 {reworded}"),
        ],
    }
}

/// The pair's place in `room` columns: `op-2 ↔ op-3`; a pair named alike
/// once, `op-2 ↔ =` (`op-2 ↔ 同`), where both do not fit; then cut.
fn fitted_place(a: &str, b: &str, room: usize, lang: Lang) -> String {
    let both = format!("{a} ↔ {b}");
    if str_width(&both) <= room {
        return both;
    }
    truncate_to_width(&named_once(a, b, lang).unwrap_or(both), room.max(1))
}

/// A pair named alike on both sides, named once: `op-2 ↔ =`, `op-2 ↔ 同`.
fn named_once(a: &str, b: &str, lang: Lang) -> Option<String> {
    (a == b).then(|| format!("{a} ↔ {}", lang.pick("=", "同")))
}
