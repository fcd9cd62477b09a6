//! The frame the list overlays share (marks, notes, the texts list, the
//! citing list): cleared over what lies beneath, bordered, titled with the
//! title cut to fit, the window of items that keeps the selected one in
//! view, and where that window is when the items do not all fit (which
//! the help, hit list and references panel show too).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::layout::inner;

/// Where a list overlay's items go, and the first item shown.
pub struct ListFrame {
    /// The rows inside the border.
    pub rows: Rect,
    /// The first item shown: the selected one is on the last row at most.
    pub first: usize,
}

/// The width of a list's column of paragraph names (`op-13`, the longer
/// `第二部分第1段第（三）项`) and the space after them: as wide as the
/// longest of `names` shown, within half of a `row` of that width, and at
/// least `least`.
pub fn name_column<S: AsRef<str>>(names: &[S], row: usize, least: usize) -> usize {
    let widest = names
        .iter()
        .map(|n| crate::text::str_width(n.as_ref()) + 1)
        .max();
    widest.unwrap_or(0).min(row / 2).max(least)
}

/// A paragraph's name cut to `max` columns where a part of it ends
/// (`执行部分第3段第(b)项…`, `op-3-b…`), never inside one, where a cut
/// label would name another place (`第(i…` of item (ii)); whole where it
/// fits, and cut plainly where no part ends early enough.
pub fn cut_name(name: &str, max: usize) -> String {
    use crate::text::{str_width, truncate_to_width};
    if str_width(name) <= max {
        return name.to_string();
    }
    let ends = ['-', ' ', '›', ','];
    let units = ['段', '条', '款', '项', '目', '分', '章', '节'];
    // A bracket ends `(b)`, but not `第(b)`, whose unit follows it.
    let ended =
        |p: char, c: char| units.contains(&p) || ([')', '）'].contains(&p) && !units.contains(&c));
    let cut = (name.char_indices())
        .filter(|&(i, c)| {
            ends.contains(&c) || name[..i].chars().next_back().is_some_and(|p| ended(p, c))
        })
        .map(|(i, _)| name[..i].trim_end().trim_end_matches([',', '，']))
        .rfind(|part| !part.is_empty() && str_width(part) < max);
    match cut {
        Some(part) => format!("{part}…"),
        None => truncate_to_width(name, max),
    }
}

/// Where a scrolled view of `total` rows is, for its bottom border, when
/// they do not all fit in `visible`: ` 1–20/84 ↓ `, with the arrows saying
/// which way there is more.
pub fn scroll_place(first: usize, visible: usize, total: usize) -> Option<Line<'static>> {
    if total <= visible {
        return None;
    }
    let last = (first + visible).min(total);
    let more = match (first > 0, last < total) {
        (true, true) => "↑↓",
        (false, true) => "↓",
        _ => "↑",
    };
    let place = format!(" {}–{last}/{total} {more} ", first + 1);
    Some(Line::from(place).right_aligned())
}

impl ListFrame {
    /// Draws the frame of a list of `total` items in `r` titled `title`,
    /// with item `selected` to keep in view, and where the view is in its
    /// bottom border when the items do not all fit.
    pub fn draw(
        r: Rect,
        buf: &mut Buffer,
        styles: Styles,
        title: &str,
        (selected, total): (usize, usize),
    ) -> Self {
        super::clear_for_overlay(r, buf);
        let rows = inner(r);
        let first = (selected + 1).saturating_sub(rows.height as usize);
        let mut block = Block::bordered()
            .border_style(styles.border(true))
            .title(super::border_title(title, r.width));
        if let Some(place) = scroll_place(first, rows.height as usize, total) {
            block = block.title_bottom(place);
        }
        block.render(r, buf);
        ListFrame { rows, first }
    }

    /// Says, faint on the first row, that the list is empty.
    pub fn say_empty(&self, buf: &mut Buffer, styles: Styles, message: &str) {
        let r = self.rows;
        put(buf, r.x, r.y, message, r.width as usize, styles.faint());
    }
}

#[cfg(test)]
mod tests {
    use super::cut_name;

    /// A name cut short ends where one of its parts does, so that it does
    /// not name another place.
    #[test]
    fn a_name_is_cut_where_a_part_ends() {
        assert_eq!(
            cut_name("执行部分第3段第(b)项第(ii)目", 24),
            "执行部分第3段第(b)项…"
        );
        // Never after `第(b)`, short of its `项`.
        assert_eq!(
            cut_name("执行部分第3段第(b)项第(ii)目", 25),
            "执行部分第3段第(b)项…"
        );
        assert_eq!(cut_name("第二条第（一）项第1目", 19), "第二条第（一）项…");
        assert_eq!(cut_name("op-3-b-ii", 8), "op-3-b…");
        assert_eq!(cut_name("op-3", 8), "op-3");
        assert_eq!(cut_name("Part II, para. 12", 12), "Part II…");
        // No part ends early enough: cut plainly.
        assert_eq!(cut_name("unnumbered", 5), "unnu…");
    }
}
