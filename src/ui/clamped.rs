//! A backend that never reports more than [`MAX_SIDE`] columns or rows, so
//! that no frame's buffers are ever allocated for a size the terminal
//! cannot mean (65535×65535 would be hundreds of gigabytes of cells, and an
//! allocation failure aborts without giving the terminal back). A larger
//! terminal is drawn in its top-left corner; the state says so in the
//! status line (see `App`'s handling of `Action::Resize`).

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use crate::layout::{MAX_SIDE, drawn_size};

/// `B`, with its size clamped to [`MAX_SIDE`] each way.
#[derive(Debug)]
pub struct Clamped<B>(pub B);

impl<B: Backend> Backend for Clamped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0
            .draw(content.filter(|&(x, y, _)| x < MAX_SIDE && y < MAX_SIDE))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let s = self.0.size()?;
        let (width, height) = drawn_size(s.width, s.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut w = self.0.window_size()?;
        let (width, height) = drawn_size(w.columns_rows.width, w.columns_rows.height);
        w.columns_rows = Size { width, height };
        Ok(w)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// A terminal that says it is 65535×65535 but keeps only 1000×1000.
    struct Huge(TestBackend);

    impl Backend for Huge {
        type Error = <TestBackend as Backend>::Error;
        fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            self.0.draw(content)
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            self.0.hide_cursor()
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            self.0.show_cursor()
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            self.0.get_cursor_position()
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
            self.0.set_cursor_position(p)
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.0.clear()
        }
        fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
            self.0.clear_region(t)
        }
        fn size(&self) -> Result<Size, Self::Error> {
            Ok(Size::new(65535, 65535))
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            Ok(WindowSize {
                columns_rows: Size::new(65535, 65535),
                pixels: Size::new(0, 0),
            })
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            self.0.flush()
        }
    }

    #[test]
    fn a_65535_square_terminal_is_drawn_at_1000_square() {
        let huge = Huge(TestBackend::new(MAX_SIDE, MAX_SIDE));
        let mut term = Terminal::new(Clamped(huge)).unwrap();
        assert_eq!(term.size().unwrap(), Size::new(MAX_SIDE, MAX_SIDE));
        let doc = crate::document::parse(
            crate::document::EMBEDDED_DECLARATION,
            crate::document::Source::Embedded,
        );
        let themes = crate::themes::Themes::builtin();
        let lang = crate::i18n::Lang::En;
        let mut app = crate::app::App::new(doc, themes, lang, true, (65535, 65535));
        term.draw(|f| crate::ui::render(&mut app, f)).unwrap();
        assert_eq!(app.size(), (MAX_SIDE, MAX_SIDE));
        let buf = term.backend().0.0.buffer();
        let status: String = (0..MAX_SIDE)
            .map(|x| buf[(x, MAX_SIDE - 1)].symbol())
            .collect();
        assert!(
            status.contains("terminal 65535×65535 is too large; drawn at 1000×1000"),
            "{}",
            status.trim()
        );
        // Back to a sane size: the warning goes.
        app.update(crate::action::Action::Resize(120, 40));
        assert!(app.warnings().next().is_none());
    }
}
