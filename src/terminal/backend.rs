//! The crossterm backend as the reader writes frames to the terminal:
//! through one buffer, so a frame leaves in one write rather than a write
//! per kilobyte, and without a cursor move after every Chinese character.
//!
//! The crossterm backend moves the cursor before any cell that does not
//! follow the previous one by one column; after a character two columns
//! wide the next cell is two columns on, so a line of Chinese costs a
//! cursor move (about 8 bytes) per character, more than the character. Here
//! the cells after such a character are numbered as if they followed it by
//! one column, so no move is written, but only after characters of the CJK
//! blocks, which every terminal draws two columns wide; after an emoji or a
//! character of ambiguous width, whose width terminals disagree on, the
//! cursor is still moved to where the next cell belongs.

use std::io::{self, BufWriter, Stdout, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

/// Room for a whole frame of a large terminal in one write.
const BUFFER: usize = 64 * 1024;

/// The reader's backend on standard output.
pub struct TermBackend<W: Write = BufWriter<Stdout>>(CrosstermBackend<W>);

impl TermBackend {
    pub fn stdout() -> TermBackend {
        TermBackend(CrosstermBackend::new(BufWriter::with_capacity(
            BUFFER,
            io::stdout(),
        )))
    }
}

impl<W: Write> TermBackend<W> {
    #[cfg(test)]
    fn new(writer: W) -> TermBackend<W> {
        TermBackend(CrosstermBackend::new(writer))
    }

    /// Where the frame's bytes go; a frame is flushed when drawn.
    pub fn writer_mut(&mut self) -> &mut impl Write {
        &mut self.0
    }
}

/// Whether every terminal draws `symbol` two columns wide and leaves the
/// cursor after them: one character of the CJK ideograph, kana, hangul or
/// full-width blocks (the text's characters and its punctuation).
fn surely_wide(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(c,
        '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
        && symbol.width() == 2
}

/// `cells` (in the order a frame's changes come: by row, then column) with
/// the columns of cells that follow a surely wide character directly
/// numbered as if they followed it by one: the backend then writes them
/// without moving the cursor, which the character has already moved there.
/// Every other cell keeps its column, and is never taken for a follower
/// (numbered columns only ever fall behind the real ones).
fn joined<'a>(
    cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> impl Iterator<Item = (u16, u16, &'a Cell)> {
    // The previous cell: its row, the column it was given, and the column
    // where the cursor is after it, when that is sure.
    let mut last: Option<(u16, u16, Option<u16>)> = None;
    cells.map(move |(x, y, cell)| {
        let given = match last {
            Some((row, given, Some(after))) if row == y && after == x => given.saturating_add(1),
            _ => x,
        };
        let symbol = cell.symbol();
        let width = if surely_wide(symbol) {
            Some(2)
        } else {
            (symbol.width() == 1).then_some(1)
        };
        last = Some((y, given, width.and_then(|w| x.checked_add(w))));
        (given, y, cell)
    })
}

impl<W: Write> Backend for TermBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(joined(content))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.0.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    /// The bytes the backend writes to paint `lines` (each a row, styled
    /// `style` from `styled` on) over a blank screen.
    fn painted(lines: &[&str], styled: usize, style: Style) -> (Buffer, Vec<u8>) {
        let area = Rect::new(0, 0, 24, lines.len() as u16);
        let mut buf = Buffer::empty(area);
        for (y, line) in lines.iter().enumerate() {
            buf.set_string(0, y as u16, line, Style::default());
            let cells = (styled as u16..area.width).map(|x| Position::new(x, y as u16));
            for p in cells {
                buf[p].set_style(style);
            }
        }
        let mut bytes = Vec::new();
        let mut backend = TermBackend::new(&mut bytes);
        backend
            .draw(Buffer::empty(area).diff(&buf).into_iter())
            .unwrap();
        Backend::flush(&mut backend).unwrap();
        (buf, bytes)
    }

    /// A vt100 terminal of `rows` rows and 24 columns, after `bytes`.
    fn terminal(bytes: &[u8], rows: u16) -> vt100::Parser {
        let side = |n: u16| std::num::NonZero::new(n).unwrap();
        let mut parser = vt100::Parser::new(side(rows), side(24), 0);
        parser.process(bytes);
        parser
    }

    /// What a terminal shows after `bytes`, row by row.
    fn shown(bytes: &[u8], rows: u16) -> Vec<String> {
        let screen = terminal(bytes, rows);
        let rows = screen.screen().rows(0, 24);
        rows.map(|r| r.trim_end().to_string()).collect()
    }

    fn moves(bytes: &[u8]) -> usize {
        String::from_utf8_lossy(bytes).matches('H').count()
    }

    #[test]
    fn a_line_of_chinese_is_written_with_one_cursor_move() {
        let lines = [
            "反恐怖主义，《宣言》。",
            "第2条 ab 。c",
            "ＡＢ１２かなカナ한글",
        ];
        // Coloured, so that every cell differs from a blank one and is
        // written.
        let (_, bytes) = painted(&lines, 0, Style::default().fg(Color::Red));
        assert_eq!(shown(&bytes, 3), lines.map(|l| l.to_string()));
        assert_eq!(moves(&bytes), 3, "{}", String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn colours_and_gaps_keep_every_cell_in_its_place() {
        let lines = ["中文 text 混排 x 标点，", "  缩进  的  文字"];
        let style = Style::default().fg(Color::Red).bg(Color::Blue);
        let (buf, bytes) = painted(&lines, 5, style);
        let parser = terminal(&bytes, 2);
        assert_eq!(shown(&bytes, 2), lines.map(|l| l.to_string()));
        for y in 0..2u16 {
            for x in 0..24u16 {
                let cell = parser.screen().cell(y, x).unwrap();
                let want = &buf[(x, y)];
                if cell.is_wide_continuation() {
                    continue;
                }
                assert_eq!(cell.contents().trim(), want.symbol().trim(), "({x}, {y})");
                let red = cell.fgcolor() == vt100::Color::Idx(1);
                assert_eq!(red, want.fg == Color::Red, "({x}, {y})");
            }
        }
    }

    #[test]
    fn after_an_emoji_the_cursor_is_moved_to_the_next_cell() {
        // Terminals disagree on emoji widths: the cell after one is always
        // reached by a move, as after any character not surely wide.
        let (_, bytes) = painted(&["😀a中b"], 0, Style::default());
        assert_eq!(moves(&bytes), 2, "{}", String::from_utf8_lossy(&bytes));
    }
}
