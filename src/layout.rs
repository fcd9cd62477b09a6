//! Screen geometry: where each pane and overlay goes for a given area.
//!
//! Pure arithmetic on rectangles, shared by the state (page sizes, mouse
//! hit-testing) and by drawing, so both agree; it imports neither.

use ratatui::layout::{Position, Rect};

/// Below this the reader shows a "terminal too small" message.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// From this width on, outline and reader sit side by side; narrower, the
/// outline is an overlay.
pub const WIDE: u16 = 80;
/// The most columns and rows a frame has, whatever size the terminal says
/// it is (a 65535×65535 terminal would need hundreds of gigabytes of
/// cells): a larger terminal is drawn in its top-left 1000×1000 corner.
pub const MAX_SIDE: u16 = 1000;

/// `n` as a count of cells, at most `u16::MAX` (never wrapped around: 65,536
/// hits would otherwise make a list of no rows).
fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The size a frame is drawn at for a terminal of `width`×`height`.
pub fn drawn_size(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_SIDE), height.min(MAX_SIDE))
}

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The outline's box (border included), when it is shown.
    pub outline: Option<Rect>,
    /// The reader's box (border included).
    pub reader: Rect,
    pub status: Rect,
    /// The theme panel (border included), when it is open.
    pub themes: Option<Rect>,
    /// The outline is an overlay on top of the reader.
    pub narrow: bool,
    pub too_small: bool,
    /// The widest the reader's text area may be (markers included); the
    /// column is centred in the pane. `None`: the whole pane.
    pub text_cap: Option<u16>,
}

/// Sizes the user chose: the outline's width and the widest the column of
/// text may be. The defaults leave both to the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sizing {
    /// Columns of the outline (border included); `None`: 30% of the screen,
    /// 28 to 48 columns (52 at most as an overlay).
    pub outline_width: Option<u16>,
    /// Columns of the reader's text area (markers included); `None`: all.
    pub text_cap: Option<u16>,
}

/// The reader keeps at least this many columns beside the outline.
pub const MIN_READER: u16 = 30;

impl Panes {
    /// Computes the panes for a terminal `area`. `outline_wide` is whether
    /// the side outline is on at wide sizes; `outline_overlay` whether the
    /// overlay is open at narrow sizes; `theme_rows` the number of themes
    /// when the theme panel is open.
    pub fn compute(
        area: Rect,
        outline_wide: bool,
        outline_overlay: bool,
        theme_rows: Option<usize>,
    ) -> Panes {
        Panes::compute_with(
            area,
            outline_wide,
            outline_overlay,
            theme_rows,
            Sizing::default(),
        )
    }

    /// [`Panes::compute`] with the user's sizes.
    pub fn compute_with(
        area: Rect,
        outline_wide: bool,
        outline_overlay: bool,
        theme_rows: Option<usize>,
        sizing: Sizing,
    ) -> Panes {
        let mut panes =
            Panes::compute_main(area, outline_wide, outline_overlay, sizing.outline_width);
        panes.text_cap = sizing.text_cap;
        let Some(rows) = theme_rows else {
            return panes;
        };
        if panes.too_small {
            return panes;
        }
        let main_h = area.height - 1;
        // Rows: the themes, a footer line, the border.
        let want = clamp16(rows).saturating_add(3);
        match panes.outline {
            Some(o) if !panes.narrow && main_h >= 10 => {
                // Docked under the outline, which keeps at least half.
                let h = want.min(main_h / 2);
                panes.outline = Some(Rect::new(o.x, o.y, o.width, o.height - h));
                panes.themes = Some(Rect::new(o.x, o.bottom() - h, o.width, h));
            }
            _ => {
                // An overlay in the middle of the screen, inside the
                // panes' borders (rows: the themes and a footer line).
                panes.themes = Some(list_overlay(area, rows.saturating_add(1), 64));
            }
        }
        panes
    }

    fn compute_main(
        area: Rect,
        outline_wide: bool,
        outline_overlay: bool,
        outline_width: Option<u16>,
    ) -> Panes {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Panes {
                too_small: true,
                ..Panes::default()
            };
        }
        let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        let main = Rect::new(area.x, area.y, area.width, area.height - 1);
        if area.width >= WIDE {
            if !outline_wide {
                return Panes {
                    reader: main,
                    status,
                    ..Panes::default()
                };
            }
            let w = match outline_width {
                Some(w) => w.clamp(MIN_OUTLINE, main.width - MIN_READER),
                None => (main.width * 3 / 10).clamp(28, 48),
            };
            Panes {
                outline: Some(Rect::new(main.x, main.y, w, main.height)),
                reader: Rect::new(main.x + w, main.y, main.width - w, main.height),
                status,
                ..Panes::default()
            }
        } else {
            let w = main.width.min(outline_width.unwrap_or(52).max(MIN_OUTLINE));
            // Beside it, less reader than there is room to read in is only
            // a stub of its border: the outline then takes the width.
            let w = match main.width - w < MIN_READER {
                true => main.width,
                false => w,
            };
            Panes {
                outline: outline_overlay.then_some(Rect::new(main.x, main.y, w, main.height)),
                reader: main,
                status,
                narrow: true,
                ..Panes::default()
            }
        }
    }

    /// The outline's list rows (inside its border).
    pub fn outline_list(&self) -> Option<Rect> {
        self.outline.map(inner)
    }

    /// Where the reader's text goes: inside the border, one column of
    /// padding on the left, and no wider than the text cap (then centred).
    pub fn reader_text(&self) -> Rect {
        let full = self.reader_text_full();
        match self.text_cap {
            Some(cap) if cap < full.width => {
                Rect::new(full.x + (full.width - cap) / 2, full.y, cap, full.height)
            }
            _ => full,
        }
    }

    /// The whole of the reader's text area, whatever the text cap.
    pub fn reader_text_full(&self) -> Rect {
        let r = inner(self.reader);
        Rect::new(
            r.x + 1.min(r.width),
            r.y,
            r.width.saturating_sub(1),
            r.height,
        )
    }

    /// Is this screen position over the outline?
    pub fn in_outline(&self, col: u16, row: u16) -> bool {
        self.outline
            .is_some_and(|r| r.contains(Position::new(col, row)))
    }

    /// Is this screen position over the theme panel?
    pub fn in_themes(&self, col: u16, row: u16) -> bool {
        self.themes
            .is_some_and(|r| r.contains(Position::new(col, row)))
    }

    /// Is this screen position over the reader (and not under an overlay)?
    pub fn in_reader(&self, col: u16, row: u16) -> bool {
        !self.in_outline(col, row)
            && !self.in_themes(col, row)
            && self.reader.contains(Position::new(col, row))
    }
}

/// The narrowest outline a user can ask for.
pub const MIN_OUTLINE: u16 = 12;

/// The inside of a bordered box.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The rows of the theme panel's list: the first theme shown and how many
/// rows of themes there are. The footer takes the last row and the list
/// scrolls to keep the selection in view.
pub fn theme_list_window(panel: Rect, selected: usize) -> (usize, usize) {
    let rows = inner(panel).height as usize;
    // The last row is the footer's, where there are two or more; a single
    // row is the selected theme's.
    let list_rows = if rows >= 2 { rows - 1 } else { rows };
    ((selected + 1).saturating_sub(list_rows.max(1)), list_rows)
}

/// The theme on screen row `row` of the theme panel at `panel`, if any.
pub fn theme_row_at(panel: Rect, selected: usize, themes: usize, row: u16) -> Option<usize> {
    let (first, list_rows) = theme_list_window(panel, selected);
    let k = row.checked_sub(inner(panel).y)? as usize;
    let i = first + k;
    (k < list_rows && i < themes).then_some(i)
}

/// Where overlays may go on a screen of `screen`: inside the panes'
/// borders and above the status line, so an overlay never draws over a
/// frame's edge.
pub fn overlay_area(screen: Rect) -> Rect {
    Rect::new(
        screen.x.saturating_add(1),
        screen.y.saturating_add(1),
        screen.width.saturating_sub(2),
        screen.height.saturating_sub(3),
    )
}

/// The help box on a screen of `screen`, for help `want_width` columns
/// wide (its text; borders and padding added here) and `lines` long.
pub fn help_box(screen: Rect, want_width: usize, lines: usize) -> Rect {
    let area = overlay_area(screen);
    let w = clamp16(want_width).saturating_add(4).min(area.width);
    let h = clamp16(lines).saturating_add(2).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Columns of help text inside a help box (borders and a column of padding
/// on each side taken off).
pub fn help_text_width(help_box: Rect) -> usize {
    help_box.width.saturating_sub(4) as usize
}

/// A centred box for an overlay list of `rows` entries, at most
/// `max_width` wide, inside the overlay area of a screen of `screen`; on
/// narrow screens it takes the whole width there.
pub fn list_overlay(screen: Rect, rows: usize, max_width: u16) -> Rect {
    let area = overlay_area(screen);
    let w = area.width.min(max_width);
    let h = clamp16(rows).saturating_add(2).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Fewest rows a panel kept beside a paragraph is shrunk to: its borders
/// and three lines (a reference's name, its date and a line of its
/// description).
const LEAST_BESIDE: u16 = 5;

/// As [`list_overlay`], but at the bottom of the overlay area: a panel about
/// the paragraph being read, usually at the top, leaves it in view. Where
/// that would cover the paragraph's rows `about` (first and last; a
/// paragraph low on the screen, at the end of the text), at the top
/// instead; where both would, shorter, in the larger room beside it (the
/// panel scrolls), else where it covers fewer of them.
pub fn list_overlay_low(
    screen: Rect,
    rows: usize,
    max_width: u16,
    about: Option<(u16, u16)>,
) -> Rect {
    let area = overlay_area(screen);
    let r = list_overlay(screen, rows, max_width);
    let low = Rect {
        y: area.bottom() - r.height,
        ..r
    };
    let high = Rect { y: area.y, ..r };
    let covered = |r: Rect, (first, last): (u16, u16)| {
        last.min(r.bottom().saturating_sub(1))
            .saturating_add(1)
            .saturating_sub(first.max(r.y))
    };
    let Some(rows) = about else {
        return low;
    };
    let (first, last) = rows;
    let below = area.bottom().saturating_sub(last.saturating_add(1));
    let above = first.saturating_sub(area.y);
    match () {
        _ if covered(low, rows) == 0 => low,
        _ if covered(high, rows) == 0 => high,
        _ if below >= above.max(LEAST_BESIDE) => Rect {
            y: area.bottom() - below,
            height: below,
            ..r
        },
        _ if above >= LEAST_BESIDE => Rect {
            height: above,
            ..high
        },
        _ if covered(high, rows) < covered(low, rows) => high,
        _ => low,
    }
}

/// The go-to line's candidate list: at the bottom of the overlay area,
/// just above the status line, at most 72 columns wide.
pub fn candidates_box(screen: Rect, rows: usize) -> Rect {
    let area = overlay_area(screen);
    let w = area.width.min(72);
    let h = clamp16(rows).saturating_add(2).min(area.height);
    Rect::new(area.x, area.bottom() - h, w, h)
}

/// The two panes of a comparison on a screen of `screen`: side by side
/// above the status line, the left one taking the odd column.
pub fn compare_panes(screen: Rect) -> (Rect, Rect) {
    let h = screen.height.saturating_sub(1);
    let left_w = screen.width.div_ceil(2);
    (
        Rect::new(screen.x, screen.y, left_w, h),
        Rect::new(screen.x + left_w, screen.y, screen.width - left_w, h),
    )
}

/// Where a comparison pane's text goes: inside its border, with a column
/// of room on either side.
pub fn compare_text(pane: Rect) -> Rect {
    let r = inner(pane);
    Rect::new(r.x + 1, r.y, r.width.saturating_sub(2), r.height)
}

/// Widest the hit list gets.
pub const HIT_LIST_WIDTH: u16 = 110;

/// Rows of hits the hit list shows at once, for paging.
pub fn hit_list_page(area: Rect, hits: usize) -> usize {
    (inner(list_overlay(area, hits, HIT_LIST_WIDTH)).height as usize).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_layout_puts_outline_beside_reader() {
        let p = Panes::compute(Rect::new(0, 0, 120, 40), true, false, None);
        let o = p.outline.unwrap();
        assert_eq!(o.width, 36);
        assert_eq!(p.reader.x, 36);
        assert_eq!(p.reader.width, 84);
        assert_eq!(p.status, Rect::new(0, 39, 120, 1));
        assert!(!p.narrow);
    }

    #[test]
    fn narrow_layout_makes_the_outline_an_overlay() {
        let closed = Panes::compute(Rect::new(0, 0, 60, 20), true, false, None);
        assert!(closed.narrow && closed.outline.is_none());
        assert_eq!(closed.reader.width, 60);
        // Beside 52 columns of outline, 8 of reader would be a stub: the
        // outline takes the width.
        let open = Panes::compute(Rect::new(0, 0, 60, 20), true, true, None);
        assert_eq!(open.outline.unwrap().width, 60);
        assert!(open.in_outline(55, 5) && !open.in_reader(55, 5));
        // A narrower outline leaves the reader beside it.
        let sizing = Sizing {
            outline_width: Some(30),
            text_cap: None,
        };
        let open = Panes::compute_with(Rect::new(0, 0, 70, 20), true, true, None, sizing);
        assert_eq!(open.outline.unwrap().width, 30);
        assert!(open.in_outline(10, 5) && !open.in_reader(10, 5));
        assert!(open.in_reader(55, 5));
    }

    #[test]
    fn the_theme_panel_docks_under_the_outline_or_floats() {
        let wide = Panes::compute(Rect::new(0, 0, 120, 40), true, false, Some(12));
        let (o, t) = (wide.outline.unwrap(), wide.themes.unwrap());
        assert_eq!((t.x, t.width, t.height), (0, o.width, 15));
        assert_eq!(o.bottom(), t.y);
        assert_eq!(wide.reader.width, 84, "the reader keeps its width");
        let narrow = Panes::compute(Rect::new(0, 0, 60, 20), true, false, Some(12));
        let t = narrow.themes.unwrap();
        assert_eq!((t.width, t.height), (58, 15));
        assert!(narrow.in_themes(30, 10) && !narrow.in_reader(30, 10));
        // More themes than rows: the overlay stays inside the panes'
        // borders rather than drawing its own beside theirs.
        let full = Panes::compute(Rect::new(0, 0, 60, 20), true, false, Some(16));
        assert_eq!(full.themes.unwrap(), Rect::new(1, 1, 58, 17));
    }

    #[test]
    fn the_users_sizes_set_the_outline_and_centre_a_capped_column() {
        let sizing = Sizing {
            outline_width: Some(60),
            text_cap: Some(84),
        };
        let p = Panes::compute_with(Rect::new(0, 0, 200, 50), true, false, None, sizing);
        assert_eq!(p.outline.unwrap().width, 60);
        assert_eq!(p.reader_text_full(), Rect::new(62, 1, 137, 47));
        assert_eq!(p.reader_text(), Rect::new(62 + 26, 1, 84, 47));
        // The reader keeps its minimum; an overlay takes the width asked for.
        let tight = Panes::compute_with(Rect::new(0, 0, 80, 24), true, false, None, sizing);
        assert_eq!(tight.outline.unwrap().width, 80 - MIN_READER);
        assert_eq!(tight.reader_text().width, 27, "narrower than the cap");
        let narrow = Panes::compute_with(Rect::new(0, 0, 70, 24), true, true, None, sizing);
        assert_eq!(
            narrow.outline.unwrap().width,
            70,
            "not 60 beside a 10-column stub"
        );
    }

    #[test]
    fn tiny_sizes_are_too_small() {
        for (w, h) in [(0, 0), (1, 1), (23, 40), (120, 5)] {
            assert!(Panes::compute(Rect::new(0, 0, w, h), true, true, Some(12)).too_small);
        }
    }
}
