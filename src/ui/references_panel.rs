//! The references panel: for one paragraph (`r`), a card per reference —
//! its name in the interface's language and the other, kind, date, symbol,
//! how much the text cites it, and its description; for the whole text
//! (`R`), a row per reference with its count and citing paragraphs, and
//! the selected one's card below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{App, RefPanel};
use crate::export::cite::paragraph_name;
use crate::i18n::Lang;
use crate::layout::{inner, list_overlay, list_overlay_low};
use crate::refs::Cited;
use crate::text::{str_width, truncate_to_width, wrap};

/// Widest the panel gets.
const PANEL_WIDTH: u16 = 100;
/// Most description lines the whole-text list shows under its rows.
const CARD_DESCRIPTION_LINES: usize = 4;

/// The references panel, of a paragraph or of the whole text.
pub struct ReferencesPanel<'a> {
    pub app: &'a App,
    pub panel: &'a RefPanel,
    pub styles: Styles<'a>,
    /// The screen rows where the paragraph the panel is about starts and
    /// ends, if it shows: the panel keeps clear of them where it can.
    pub about_rows: Option<(u16, u16)>,
}

/// What a line of a card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Name,
    Meta,
    Text,
    Blank,
}

/// One line of the panel: its text, its role and the entry it belongs to.
struct CardLine {
    text: String,
    role: Role,
    entry: usize,
}

impl Widget for ReferencesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, panel) = (self.app, self.panel);
        let probe = list_overlay(area, 0, PANEL_WIDTH);
        // Inside the border, a column of padding on each side.
        let text_w = probe.width.saturating_sub(4) as usize;
        let place = panel
            .paragraph
            .map(|p| paragraph_name(app.index(), p, app.lang()));
        let title = app.lang().refs_title(place.as_deref(), panel.ids.len());
        match panel.paragraph {
            Some(_) => {
                let lines = self.cards(text_w);
                let r = list_overlay_low(area, lines.len(), PANEL_WIDTH, self.about_rows);
                self.frame(buf, r, &title, &lines);
            }
            None => self.whole_text(buf, area, &title, text_w),
        }
    }
}

impl ReferencesPanel<'_> {
    /// The cited references listed, in order.
    fn cited(&self) -> impl Iterator<Item = &Cited> {
        let refs = self.app.index().refs();
        self.panel.ids.iter().filter_map(|id| refs.get(id))
    }

    /// The cards of every listed reference, blank lines between.
    fn cards(&self, width: usize) -> Vec<CardLine> {
        let mut lines = Vec::new();
        for (i, c) in self.cited().enumerate() {
            if i > 0 {
                lines.push(CardLine {
                    text: String::new(),
                    role: Role::Blank,
                    entry: i,
                });
            }
            lines.extend(self.card(c, i, width, usize::MAX));
        }
        lines
    }

    /// One reference's card: name, facts, then at most `max_text` lines of
    /// description, wrapped to `width`.
    fn card(&self, c: &Cited, entry: usize, width: usize, max_text: usize) -> Vec<CardLine> {
        let app = self.app;
        let lang = app.lang();
        let (name, other) = match lang {
            Lang::En => (&c.name_en, &c.name_zh),
            Lang::Zh => (&c.name_zh, &c.name_en),
        };
        // The other language's name is a gloss, whole or not at all; a
        // name wider than the card is cut between its words.
        let both = format!("{name} · {other}");
        let name = match name == other || str_width(&both) > width {
            true => super::excerpt::after_context(name, width),
            false => both,
        };
        let entry_ref = app.reference_entry(c);
        let symbol = entry_ref
            .and_then(|e| e.symbol.clone())
            .or_else(|| c.symbol.map(|s| s.to_string()));
        let date = entry_ref.and_then(|e| e.date.clone());
        let here = app.library().is_library();
        let cited_in = lang.cited_in(c.paragraphs.len(), c.mentions(), here);
        // "Security Council resolution 1373 (2001)" says its kind already.
        let label = c.kind.label_en().to_lowercase();
        let said = c.name_en.to_lowercase().starts_with(&label);
        let kind = (!said).then(|| lang.ref_kind(c.kind).to_string());
        // Short of room, the kind gives way, then the date, before the
        // line is cut: a symbol cut short (`A/RES/60/2…`) names another.
        let mut meta: Vec<String> = [kind, date, symbol]
            .into_iter()
            .flatten()
            .chain([cited_in])
            .collect();
        while meta.len() > 2 && str_width(&meta.join(" · ")) > width {
            meta.remove(0);
        }
        let description = match (entry_ref, lang) {
            (Some(e), Lang::En) if !e.description_en.is_empty() => e.description_en.as_str(),
            (Some(e), Lang::Zh) if !e.description_zh.is_empty() => e.description_zh.as_str(),
            (Some(e), _) if !e.description_en.is_empty() => e.description_en.as_str(),
            _ => lang.no_description(),
        };
        let line = |text: String, role| CardLine { text, role, entry };
        let mut out = vec![
            line(name, Role::Name),
            line(truncate_to_width(&meta.join(" · "), width), Role::Meta),
        ];
        let inset = width.saturating_sub(2);
        let chars: Vec<char> = description.chars().collect();
        for range in wrap(description, inset).into_iter().take(max_text) {
            let text: String = chars[range].iter().collect();
            let text = text.trim_end().replace('\n', " ");
            out.push(line(format!("  {text}"), Role::Text));
        }
        out
    }

    /// The box with its title, and the lines that fit, scrolled to keep
    /// the selected entry in view; where it is, in the bottom border.
    fn frame(&self, buf: &mut Buffer, r: Rect, title: &str, lines: &[CardLine]) {
        let styles = self.styles;
        super::clear_for_overlay(r, buf);
        let rows = inner(r).height as usize;
        let selected = self.panel.selected;
        let start = lines
            .iter()
            .position(|l| l.entry == selected && l.role != Role::Blank);
        let end = lines
            .iter()
            .rposition(|l| l.entry == selected)
            .map(|e| e + 1);
        let (start, end) = (start.unwrap_or(0), end.unwrap_or(0));
        let first = end.saturating_sub(rows).min(start);
        let mut block = Block::bordered()
            .border_style(styles.border(true))
            .title(super::border_title(title, r.width));
        if let Some(place) = super::list_frame::scroll_place(first, rows, lines.len()) {
            block = block.title_bottom(place);
        }
        block.render(r, buf);
        let list = inner(r);
        let (x, width) = (list.x + 1, list.width.saturating_sub(2) as usize);
        for (row, line) in lines.iter().skip(first).take(rows).enumerate() {
            let y = list.y + row as u16;
            let chosen = line.entry == selected;
            let style = match line.role {
                Role::Name if chosen => styles.selection(true),
                Role::Name => styles.title(),
                Role::Meta => styles.faint(),
                Role::Text | Role::Blank => Style::new(),
            };
            if line.role == Role::Name && chosen {
                buf.set_style(Rect::new(list.x, y, list.width, 1), style);
            }
            put(buf, x, y, &line.text, width, style);
        }
    }

    /// `R`: a row per reference (name, kind, count, citing paragraphs),
    /// and under them the selected one's card.
    fn whole_text(&self, buf: &mut Buffer, area: Rect, title: &str, text_w: usize) {
        let app = self.app;
        let cited: Vec<&Cited> = self.cited().collect();
        // The card's height is the tallest card's, so the box keeps still.
        let card_h = cited
            .iter()
            .map(|c| self.card(c, 0, text_w, CARD_DESCRIPTION_LINES).len())
            .max()
            .unwrap_or(0);
        let r = list_overlay(area, cited.len() + 1 + card_h, PANEL_WIDTH);
        let rows = (inner(r).height as usize).saturating_sub(card_h + 1).max(1);
        let list = inner(r);
        let selected = self.panel.selected;
        let first = (selected + 1).saturating_sub(rows);
        super::clear_for_overlay(r, buf);
        let mut block = Block::bordered()
            .border_style(self.styles.border(true))
            .title(super::border_title(title, r.width));
        if let Some(place) = super::list_frame::scroll_place(first, rows, cited.len()) {
            block = block.title_bottom(place);
        }
        block.render(r, buf);
        let columns = Columns::of(app, &cited, text_w);
        for (row, (i, c)) in cited.iter().enumerate().skip(first).take(rows).enumerate() {
            let y = list.y + row as u16;
            self.row(
                buf,
                Rect::new(list.x, y, list.width, 1),
                c,
                &columns,
                i == selected,
            );
        }
        let rule_y = list.y + rows as u16;
        if rule_y >= list.bottom() {
            return;
        }
        let rule = "─".repeat(list.width as usize);
        put(
            buf,
            list.x,
            rule_y,
            &rule,
            list.width as usize,
            self.styles.faint(),
        );
        let Some(c) = cited.get(selected) else {
            return;
        };
        let card = self.card(c, selected, text_w, CARD_DESCRIPTION_LINES);
        for (k, line) in card.iter().enumerate() {
            let y = rule_y + 1 + k as u16;
            if y >= list.bottom() {
                break;
            }
            let style = match line.role {
                Role::Name => self.styles.title(),
                Role::Meta => self.styles.faint(),
                _ => Style::new(),
            };
            put(buf, list.x + 1, y, &line.text, text_w, style);
        }
    }

    /// `OSCE   organisation   5×  intro-1, pre-7`
    fn row(&self, buf: &mut Buffer, at: Rect, c: &Cited, cols: &Columns, selected: bool) {
        let (app, styles) = (self.app, self.styles);
        let lang = app.lang();
        let style = if selected {
            styles.selection(true)
        } else {
            Style::new()
        };
        buf.set_style(at, style);
        let name = match lang {
            Lang::En => &c.short_en,
            Lang::Zh => &c.short_zh,
        };
        let mut x = at.x + 1;
        let name = truncate_to_width(name, cols.name);
        put(buf, x, at.y, &name, cols.name, styles.title().patch(style));
        x += (cols.name + 2) as u16;
        if cols.kind > 0 {
            let kind = lang.ref_kind(c.kind);
            put(buf, x, at.y, kind, cols.kind, styles.faint().patch(style));
            x += (cols.kind + 2) as u16;
        }
        let count = format!("{:>w$}×", c.mentions(), w = cols.count);
        x = put(
            buf,
            x,
            at.y,
            &count,
            cols.count + 1,
            styles.marker().patch(style),
        );
        let room = (at.right().saturating_sub(x + 3)) as usize;
        // Named until the row is full, not for every paragraph of the text.
        let mut ids = String::new();
        for p in &c.paragraphs {
            if str_width(&ids) > room {
                break;
            }
            if !ids.is_empty() {
                ids.push_str(match app.lang() {
                    Lang::En => ", ",
                    Lang::Zh => "、",
                });
            }
            ids.push_str(&paragraph_name(app.index(), p.paragraph, app.lang()));
        }
        let ids = truncate_to_width(&ids, room);
        put(buf, x + 2, at.y, &ids, room, style);
    }
}

/// Columns a row keeps for the paragraphs citing a reference, however
/// long the names.
const IDS_AT_LEAST: usize = 16;

/// Column widths of the whole-text list.
struct Columns {
    name: usize,
    /// 0 when there is no room for kinds.
    kind: usize,
    count: usize,
}

impl Columns {
    fn of(app: &App, cited: &[&Cited], width: usize) -> Columns {
        let lang = app.lang();
        let name_w = |c: &&Cited| match lang {
            Lang::En => str_width(&c.short_en),
            Lang::Zh => str_width(&c.short_zh),
        };
        let kind = cited
            .iter()
            .map(|c| str_width(lang.ref_kind(c.kind)))
            .max()
            .unwrap_or(0);
        let kind = if width >= 90 { kind } else { 0 };
        let count = cited
            .iter()
            .map(|c| c.mentions().to_string().len())
            .max()
            .unwrap_or(1);
        // Names whole where the row has room for them beside the kind,
        // the count and a paragraph or two (`intro-1, pre-7`).
        let others = 1 + if kind > 0 { kind + 2 } else { 0 } + count + 1 + 2 + IDS_AT_LEAST;
        let name = cited.iter().map(name_w).max().unwrap_or(0);
        let name = name.min(width.saturating_sub(others)).max(6);
        Columns { name, kind, count }
    }
}
