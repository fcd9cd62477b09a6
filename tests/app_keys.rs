//! `App::update` driven by key sequences through the real keymap.

mod common;
use common::*;

use dushanbe_reader::action::{Action, Effect, Mode};
use dushanbe_reader::app::{App, Focus};
use dushanbe_reader::document::{Source, parse};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::themes::Themes;

#[test]
fn starts_at_the_top_with_the_outline_focused() {
    let mut a = app(120, 40);
    assert_eq!(a.effective_focus(), Focus::Outline);
    assert_eq!(current_id(&mut a), "intro-1");
    assert_eq!(a.top_row().row, 0);
}

#[test]
fn moving_in_the_outline_moves_the_reader() {
    let mut a = app(120, 40);
    assert_eq!(selected_id(&a), "intro-1");
    keys(&mut a, "j");
    assert_eq!(selected_id(&a), "intro-2");
    assert_eq!(current_id(&mut a), "intro-2");
    keys(&mut a, "k");
    assert_eq!(current_id(&mut a), "intro-1");
    // Past the Preamble header, onto its first clause.
    keys(&mut a, "jjjj");
    assert_eq!(selected_id(&a), "pre-1");
    assert_eq!(current_id(&mut a), "pre-1");
}

#[test]
fn enter_opens_the_selected_paragraph_in_the_reader() {
    let mut a = app(120, 40);
    keys(&mut a, "jjjjj<Enter>");
    assert_eq!(a.effective_focus(), Focus::Reader);
    assert_eq!(current_id(&mut a), "pre-2");
    // Now j scrolls the reader one row at a time.
    let before = a.top_row();
    keys(&mut a, "j");
    assert_eq!(a.top_row().row, before.row + 1);
}

#[test]
fn scrolling_the_reader_moves_the_outline_selection() {
    let mut a = app(120, 40);
    keys(&mut a, "<Tab>");
    assert_eq!(a.effective_focus(), Focus::Reader);
    for _ in 0..40 {
        keys(&mut a, "j");
    }
    let cur = current_id(&mut a);
    assert_ne!(cur, "intro-1");
    assert_eq!(selected_id(&a), cur);
}

#[test]
fn paging_and_ends() {
    let mut a = app(120, 40);
    keys(&mut a, "<Tab> ");
    let after_one_page = a.top_row();
    assert!(after_one_page != Default::default());
    keys(&mut a, "b");
    assert_eq!((a.top_row().para, a.top_row().row), (0, 0));
    keys(&mut a, "G");
    assert_eq!(current_id(&mut a), "op-16");
    keys(&mut a, "g");
    assert_eq!(current_id(&mut a), "intro-1");
    keys(&mut a, "<End>");
    assert_eq!(current_id(&mut a), "op-16");
    keys(&mut a, "<Home><PgDn>");
    assert_eq!(a.top_row(), after_one_page);
}

/// `G` shows the last screenful even when the last paragraph is taller
/// than the pane: its end, not only its start; `g` goes back to the top.
#[test]
fn g_shows_the_end_of_a_last_paragraph_taller_than_the_pane() {
    use dushanbe_reader::document::Source;
    let long: String = (1..=400).map(|n| format!("第{n}句。")).collect();
    let text = format!("1. 第一段。\n\n2. {long}\n");
    let doc = dushanbe_reader::load::load_bytes(text.as_bytes(), Source::Stdin).document;
    for (w, h) in [(80, 24), (60, 20), (120, 40)] {
        let mut a = App::new(doc.clone(), Themes::builtin(), Lang::En, false, (w, h));
        keys(&mut a, "G");
        let s = screen(&mut a);
        assert!(
            s.contains("第400句。"),
            "{w}x{h}: the text's end is shown\n{s}"
        );
        // The paragraph's start (beyond what the outline's entry shows) is
        // above the pane.
        assert!(!s.contains("第10句。"), "{w}x{h}\n{s}");
        assert!(status_line(&mut a).contains("100%"), "{w}x{h}");
        keys(&mut a, "g");
        assert!(screen(&mut a).contains("第10句。"), "{w}x{h}");
        // Back again with Ctrl-O: where G left reading.
        keys(&mut a, "<C-o>");
        assert!(screen(&mut a).contains("第400句。"), "{w}x{h}");
    }
}

#[test]
fn paragraph_and_section_steps() {
    let mut a = app(120, 40);
    keys(&mut a, "]]]");
    assert_eq!(current_id(&mut a), "pre-1");
    keys(&mut a, "[");
    assert_eq!(current_id(&mut a), "intro-3");
    keys(&mut a, "}");
    assert_eq!(current_id(&mut a), "pre-1");
    keys(&mut a, "}");
    assert_eq!(current_id(&mut a), "op-1");
    keys(&mut a, "}");
    assert_eq!(current_id(&mut a), "op-1", "no section after the last");
    assert_eq!(a.notice_text().as_deref(), Some("this is the last section"));
    keys(&mut a, "]]{");
    assert_eq!(
        current_id(&mut a),
        "op-1",
        "{{ goes to the start of this section first"
    );
    keys(&mut a, "{");
    assert_eq!(current_id(&mut a), "pre-1");
    keys(&mut a, "g{");
    assert_eq!(current_id(&mut a), "intro-1");
    assert_eq!(
        a.notice_text().as_deref(),
        Some("this is the first section")
    );
}

#[test]
fn go_to_by_number_and_by_id() {
    let mut a = app(120, 40);
    keys(&mut a, ":12<Enter>");
    assert_eq!(current_id(&mut a), "op-12");
    assert_eq!(selected_id(&a), "op-12");
    keys(&mut a, ":pre-3<Enter>");
    assert_eq!(current_id(&mut a), "pre-3");
    keys(&mut a, ":intro-2<Enter>");
    assert_eq!(current_id(&mut a), "intro-2");
    keys(&mut a, ":op-7<Enter>");
    assert_eq!(current_id(&mut a), "op-7");
    // Digits alone open the go-to line too.
    keys(&mut a, "15<Enter>");
    assert_eq!(current_id(&mut a), "op-15");
    // Full-width digits, as a Chinese input method types them.
    keys(&mut a, ":１６<Enter>");
    assert_eq!(current_id(&mut a), "op-16");
}

#[test]
fn an_unknown_target_says_so_and_stays() {
    let mut a = app(120, 40);
    keys(&mut a, ":99<Enter>");
    assert_eq!(current_id(&mut a), "intro-1");
    let msg = a.notice_text().unwrap();
    assert!(msg.contains("no paragraph “99”"), "{msg}");
    assert!(screen(&mut a).contains("no paragraph “99”"));
    // The next key clears the message.
    keys(&mut a, "j");
    assert!(a.notice_text().is_none());
    // A heading the text does not have is said to be one.
    let before = current_id(&mut a);
    keys(&mut a, ":Part II<Enter>");
    assert_eq!(current_id(&mut a), before);
    let msg = a.notice_text().unwrap();
    assert!(msg.contains("this text has no heading “Part II”"), "{msg}");
    // So is one a citation names before its paragraph.
    keys(&mut a, "j:Part II, para. 1<Enter>");
    let msg = a.notice_text().unwrap();
    assert!(msg.contains("this text has no heading “Part II”"), "{msg}");
    // A number past the last suggests the last (the declaration has 16).
    keys(&mut a, "j:99<Enter>");
    let msg = a.notice_text().unwrap();
    assert!(msg.ends_with("(try 16)"), "{msg}");
}

/// A place not found is answered with places to try; where the status line
/// is short of room, the input it echoes is cut before they are.
#[test]
fn a_long_place_not_found_keeps_what_to_try_on_a_narrow_status_line() {
    let mut a = app(60, 20);
    keys(&mut a, ":op-12-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz<Enter>");
    let line = status_line(&mut a);
    assert!(line.trim_end().ends_with("(try op-12)"), "{line}");
    assert!(line.contains("“op-12") && line.contains("…”"), "{line}");
}

#[test]
fn prompt_editing_and_cancel() {
    let mut a = app(120, 40);
    keys(&mut a, ":1x<BS>3");
    assert_eq!(a.goto_line().map(|g| g.line.value()), Some("13"));
    assert!(screen(&mut a).contains("go to: 13"));
    keys(&mut a, "<Esc>");
    assert!(a.goto_line().is_none());
    assert_eq!(current_id(&mut a), "intro-1");
    // q inside the prompt is text, not quit.
    assert_eq!(keys(&mut a, ":q"), Effect::None);
    keys(&mut a, "<BS><BS>");
    assert!(
        a.goto_line().is_none(),
        "erasing past the start closes the prompt"
    );
}

#[test]
fn outline_hides_and_shows() {
    let mut a = app(120, 40);
    keys(&mut a, "o");
    assert!(!a.outline_shown());
    assert_eq!(a.effective_focus(), Focus::Reader);
    assert!(!screen(&mut a).contains("Outline"));
    keys(&mut a, "o");
    assert!(a.outline_shown());
    assert!(screen(&mut a).contains("Outline"));
}

#[test]
fn sections_fold_and_unfold() {
    let mut a = app(120, 40);
    keys(&mut a, "jjj"); // the Preamble header
    assert_eq!(selected_id(&a), "section-1");
    keys(&mut a, "<Enter>");
    assert!(a.is_folded(1));
    assert!(screen(&mut a).contains("▸ Preamble (10)"));
    keys(&mut a, "j");
    assert_eq!(selected_id(&a), "section-2", "folded clauses are skipped");
    // Reading inside a folded section selects its header.
    keys(&mut a, ":pre-4<Enter>");
    assert_eq!(selected_id(&a), "section-1");
    keys(&mut a, "<Tab><Tab>");
    keys(&mut a, "<Enter>");
    assert!(!a.is_folded(1));
}

#[test]
fn quitting() {
    for k in ["q", "<C-c>"] {
        let mut a = app(120, 40);
        assert_eq!(keys(&mut a, k), Effect::Quit, "{k}");
    }
    // Esc never quits: with nothing to close it says how to.
    let mut a = app(120, 40);
    assert_eq!(keys(&mut a, "<Esc>"), Effect::None);
    assert!(status_line(&mut a).contains("q quits"));
    let mut a = app(120, 40);
    assert_eq!(keys(&mut a, "<C-z>"), Effect::Suspend);
    // Everywhere: in the note editor, the search and go-to lines and the
    // marks box too, leaving what was typed as it was.
    for (typed, mode) in [
        ("a笔记", Mode::Editor),
        ("/恐怖", Mode::Prompt),
        (":op-", Mode::Prompt),
        ("m", Mode::Marks),
    ] {
        let mut a = app(120, 40);
        keys(&mut a, typed);
        let before = screen(&mut a);
        assert_eq!(keys(&mut a, "<C-z>"), Effect::Suspend, "{typed}");
        assert_eq!(a.mode(), mode, "{typed}");
        assert_eq!(screen(&mut a), before, "{typed}");
    }
}

#[test]
fn help_opens_closes_and_lists_the_keymap() {
    let mut a = app(120, 40);
    keys(&mut a, "?");
    assert!(screen(&mut a).contains("Keys — Esc closes"));
    // Every page of help, one after the other.
    let mut s = String::new();
    for _ in 0..12 {
        s.push_str(&screen(&mut a));
        keys(&mut a, "<PgDn>");
    }
    use dushanbe_reader::action::Mode;
    use dushanbe_reader::i18n::{Lang, describe};
    for mode in Mode::ALL {
        for (keys, action) in a.keymap().help_rows(mode) {
            if matches!(
                action,
                Action::PromptChar(_) | Action::Quit | Action::Suspend
            ) && mode != Mode::Normal
            {
                continue;
            }
            let text = describe(mode, action, Lang::En);
            let row = s.lines().find(|l| l.contains(text) && l.contains(&keys));
            assert!(row.is_some(), "help lacks {mode:?}: {keys} {text}");
        }
    }
    // Esc closes help rather than quitting; q too.
    assert_eq!(keys(&mut a, "<Esc>"), Effect::None);
    assert!(a.help_scroll().is_none());
    keys(&mut a, "?q");
    assert!(a.help_scroll().is_none());
}

#[test]
fn narrow_screens_use_an_outline_overlay() {
    let mut a = app(60, 20);
    assert!(!a.outline_shown());
    assert_eq!(a.effective_focus(), Focus::Reader);
    keys(&mut a, "o");
    assert!(a.outline_shown());
    assert_eq!(a.effective_focus(), Focus::Outline);
    keys(&mut a, "j<Enter>");
    assert!(!a.outline_shown(), "opening a paragraph closes the overlay");
    assert_eq!(current_id(&mut a), "intro-2");
    // Esc closes the overlay, and quits nothing.
    keys(&mut a, "o");
    assert_eq!(keys(&mut a, "<Esc>"), Effect::None);
    assert!(!a.outline_shown());
    assert_eq!(keys(&mut a, "<Esc>"), Effect::None);
}

#[test]
fn the_reading_position_survives_resizes() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-5<Enter><Tab>jj");
    let p = a.top_row().para;
    let offset_text = screen(&mut a);
    assert!(offset_text.contains("op-5"));
    for (w, h) in [(60, 20), (200, 50), (81, 10), (1, 1), (0, 0), (120, 40)] {
        a.update(Action::Resize(w, h));
        screen(&mut a);
        assert_eq!(a.top_row().para, p, "at {w}x{h}");
    }
    assert_eq!(current_id(&mut a), "op-5");
}

#[test]
fn mouse_wheel_and_click() {
    let mut a = app(120, 20);
    // Wheel over the reader scrolls it.
    a.update(Action::ScrollAt {
        col: 80,
        row: 10,
        down: true,
    });
    assert_eq!(a.top_row().row, 3);
    // Wheel over the outline scrolls the list, not the reader.
    let top = a.top_row();
    a.update(Action::ScrollAt {
        col: 5,
        row: 10,
        down: true,
    });
    assert_eq!(a.top_row(), top);
    assert_eq!(a.outline_offset(), 3);
    a.update(Action::ScrollAt {
        col: 5,
        row: 10,
        down: false,
    });
    assert_eq!(a.outline_offset(), 0);
    // A click on the 9th list row (below the border) selects pre-4.
    a.update(Action::ClickAt { col: 10, row: 9 });
    assert_eq!(selected_id(&a), "pre-4");
    assert_eq!(current_id(&mut a), "pre-4");
    // A click in the reader focuses it.
    a.update(Action::ClickAt { col: 80, row: 10 });
    assert_eq!(a.effective_focus(), Focus::Reader);
}

#[test]
fn an_empty_text_is_still_usable() {
    let doc = parse("", Source::Embedded);
    let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (80, 24));
    keys(&mut a, "jjkG g[]{}<Enter><Tab>:3<Enter>o?<Esc>");
    let s = screen(&mut a);
    assert!(s.contains("This text has no paragraphs."), "{s}");
    // The outline says so too, rather than standing blank beside it.
    let mut a = App::new(
        parse("", Source::Embedded),
        Themes::builtin(),
        Lang::En,
        false,
        (80, 24),
    );
    let s = screen(&mut a);
    let first = s.lines().nth(1).unwrap();
    assert!(first.starts_with("│(no paragraphs)"), "{s}");
}

#[test]
fn chinese_labels() {
    let mut a = App::new(
        dushanbe_reader::load::load_embedded().document,
        Themes::builtin(),
        Lang::Zh,
        false,
        (120, 40),
    );
    let s = screen(&mut a);
    assert!(s.contains("大纲"));
    assert!(s.contains("序言 (10)"));
    assert!(s.contains("? 帮助"));
}

#[test]
fn no_panic_at_any_size_or_after_quick_resizes() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-9<Enter>");
    for w in (0..130).step_by(7) {
        for h in (0..45).step_by(4) {
            a.update(Action::Resize(w, h));
            let _ = screen(&mut a);
            keys(&mut a, "jo?<Esc>o ");
        }
    }
    a.update(Action::Resize(1, 1));
    assert!(screen(&mut a).len() <= 4);
}

/// The text of the reader's first text row on screen, without its gutter.
fn first_text_row(a: &mut App) -> String {
    let s = screen(a);
    s.lines()
        .skip(1)
        .find(|l| l.contains("op-") || l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .unwrap_or("")
        .to_string()
}

#[test]
fn ctrl_o_returns_to_the_same_text_after_a_resize() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-5<Enter><Tab>jjj");
    let before = a.position();
    assert!(before.offset > 0, "reading inside op-5's text");
    keys(&mut a, ":op-12<Enter>");
    assert_eq!(current_id(&mut a), "op-12");
    a.update(Action::Resize(60, 20));
    screen(&mut a);
    keys(&mut a, "<C-o>");
    assert_eq!(a.position(), before, "same paragraph and character");
    // At the new width, the top row is the line holding that character.
    let text: String = a.doc().paragraphs[before.paragraph]
        .text
        .chars()
        .skip(before.offset)
        .take(3)
        .collect();
    assert!(first_text_row(&mut a).contains(&text), "{text}");
    // And forward again after another resize.
    a.update(Action::Resize(200, 50));
    keys(&mut a, "<C-n>");
    assert_eq!(current_id(&mut a), "op-12");
}

#[test]
fn esc_from_a_search_returns_to_the_same_text_after_a_resize() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-4<Enter><Tab>jj");
    let before = a.position();
    assert!(before.offset > 0, "reading inside op-4's text");
    keys(&mut a, "/互联网");
    assert_eq!(
        current_id(&mut a),
        "op-13",
        "the search shows its first hit"
    );
    a.update(Action::Resize(70, 22));
    screen(&mut a);
    keys(&mut a, "<Esc>");
    assert_eq!(a.position(), before);
    assert_eq!(current_id(&mut a), "op-4");
}

/// The reading pane's rows on screen (inside its border).
/// At the end of a paragraph taller than the pane, `k` in the reader
/// moves up a line, not to the paragraph's start (when it is the only
/// one, or the last).
#[test]
fn k_at_the_end_of_a_tall_paragraph_moves_up_one_line() {
    use dushanbe_reader::document::Source;
    let long: String = (1..=400).map(|n| format!("第{n}句。")).collect();
    for text in [long.clone(), format!("1. 第一段。\n\n2. {long}\n")] {
        let doc = dushanbe_reader::load::load_bytes(text.as_bytes(), Source::Stdin).document;
        for (w, h) in [(80, 24), (120, 40), (60, 20)] {
            let mut a = App::new(doc.clone(), Themes::builtin(), Lang::En, false, (w, h));
            // Wide screens open in the outline, where `k` is the entry above.
            keys(&mut a, if w >= 80 { "<Tab>G" } else { "G" });
            // The last sentence the pane shows.
            let last_shown = |a: &mut App| -> usize {
                let s = screen(a);
                (1..=400)
                    .rev()
                    .find(|n| s.contains(&format!("第{n}句")))
                    .unwrap()
            };
            let end = last_shown(&mut a);
            assert_eq!(end, 400, "{w}x{h}");
            for key in ["k", "<Up>"] {
                keys(&mut a, key);
                let up = last_shown(&mut a);
                // A line holds a few sentences: one line less is shown.
                assert!((end - 8..end).contains(&up), "{w}x{h} {key}: {up}");
                assert!(!status_line(&mut a).contains(" 0%"), "{w}x{h} {key}");
                keys(&mut a, "G");
            }
        }
    }
}

fn reader_rows(a: &mut App) -> Vec<String> {
    let (w, h) = a.size();
    let s = screen(a);
    let x = if w >= 80 && a.outline_shown() {
        a.panes().reader.x
    } else {
        0
    } as usize;
    s.lines()
        .take(h as usize - 1)
        .skip(1)
        .map(|l| l.chars().skip(x).collect::<String>())
        .take(h as usize - 3)
        .collect()
}

#[test]
fn at_the_end_j_and_k_step_through_the_paragraphs_on_the_pane() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app(w, h);
        keys(&mut a, "<Tab>:13<Enter>");
        assert_eq!(current_id(&mut a), "op-13");
        assert!(status_line(&mut a).contains("100%"), "{w}x{h}");
        // The bar marks the paragraph being read; the text stays put.
        let text = |a: &mut App| reader_rows(a).join("\n").replace('▎', " ");
        let before = text(&mut a);
        keys(&mut a, "k");
        assert_eq!(
            current_id(&mut a),
            "op-12",
            "one up, not a screen up ({w}x{h})"
        );
        keys(&mut a, "jjjj");
        assert_eq!(current_id(&mut a), "op-16", "j reaches the last ({w}x{h})");
        keys(&mut a, "j");
        assert_eq!(current_id(&mut a), "op-16");
        if h == 40 {
            // op-12 starts on the pane there, so nothing had to scroll.
            assert_eq!(text(&mut a), before, "the pane stayed");
            assert!(
                reader_rows(&mut a).join("\n").contains("▎16."),
                "the bar is on op-16"
            );
        }
    }
}

#[test]
fn the_end_of_the_text_stops_at_the_bottom_of_the_pane() {
    for (w, h) in [(80, 24), (120, 40), (60, 20), (200, 12)] {
        let mut a = app(w, h);
        // Narrow screens start in the reader; wide ones in the outline.
        keys(&mut a, if w >= 80 { "<Tab>G" } else { "G" });
        assert_eq!(
            current_id(&mut a),
            "op-16",
            "G goes to the last paragraph ({w}x{h})"
        );
        for _ in 0..5 {
            keys(&mut a, "j");
            let rows = reader_rows(&mut a);
            let last = rows.last().unwrap();
            assert!(
                last.contains("会员国。"),
                "{w}x{h}: the last line is at the bottom:\n{}",
                rows.join("\n")
            );
            assert!(status_line(&mut a).contains("100%"), "{w}x{h}");
        }
        // Paging past the end changes nothing either.
        let before = screen(&mut a);
        keys(&mut a, "<PgDn><Space>");
        assert_eq!(screen(&mut a), before);
        // And back at the top, the status line says 0%.
        keys(&mut a, "g");
        assert!(
            status_line(&mut a).contains(" 0%"),
            "{}",
            status_line(&mut a)
        );
    }
}

/// The percentage is how far the pane has scrolled: it climbs a row at a
/// time from 0% and comes to 100% at the last screenful, never jumping
/// there from far below.
#[test]
fn the_percentage_climbs_steadily_to_the_last_screenful() {
    for (w, h) in [(60, 40), (60, 20)] {
        let mut a = app(w, h);
        keys(&mut a, "g");
        let percent = |a: &mut App| -> u32 {
            let line = status_line(a);
            let at = line.find('%').expect("a percentage");
            let digits = line[..at].rsplit(' ').next().unwrap_or_default();
            digits.parse().unwrap_or_else(|_| panic!("{line}"))
        };
        let mut seen = vec![percent(&mut a)];
        while *seen.last().unwrap() < 100 && seen.len() < 2000 {
            keys(&mut a, "j");
            seen.push(percent(&mut a));
        }
        assert_eq!(seen[0], 0, "{w}x{h}");
        assert!(seen.windows(2).all(|s| s[0] <= s[1]), "{w}x{h}: {seen:?}");
        assert!(seen[seen.len() - 2] >= 97, "{w}x{h}: {seen:?}");
        // 100% is the last screenful: the text's last line is at the bottom.
        let rows = reader_rows(&mut a);
        assert!(
            rows.last().unwrap().contains("会员国。"),
            "{}",
            rows.join("\n")
        );
    }
}

#[test]
fn help_fits_inside_the_frame_wraps_and_scrolls_to_its_end() {
    for (w, h) in [(120, 40), (80, 24), (60, 20), (40, 12)] {
        let mut a = app(w, h);
        keys(&mut a, "?");
        let s = screen(&mut a);
        let rows: Vec<&str> = s.lines().collect();
        // The panes' bottom border is intact under the overlay.
        let bottom = rows[h as usize - 2];
        assert!(
            !bottom.contains("└└") && !bottom.contains("┘┘"),
            "{w}x{h}: {bottom}"
        );
        assert!(
            !s.contains("…│") && !s.contains("… │"),
            "{w}x{h}: help rows are not cut:\n{s}"
        );
        // It says there is more, and G goes to the end of it.
        assert!(s.contains("↓ ┘"), "{w}x{h}:\n{s}");
        keys(&mut a, "G");
        let s = screen(&mut a);
        assert!(
            s.contains("un-framework)") || s.contains("(un-"),
            "{w}x{h}: the last row shows:\n{s}"
        );
        assert!(s.contains("↑ ┘"), "{w}x{h}:\n{s}");
        keys(&mut a, "k");
        assert!(
            screen(&mut a).contains("↑↓ ┘"),
            "{w}x{h}: one up from the end"
        );
        keys(&mut a, "g");
        assert!(screen(&mut a).contains(" 1–"), "{w}x{h}");
    }
}

#[test]
fn the_outline_overlay_opens_with_its_first_rows_in_view() {
    for (w, h) in [(60, 20), (40, 12), (79, 24)] {
        let mut a = app(w, h);
        keys(&mut a, "o");
        let s = screen(&mut a);
        assert!(
            s.lines().nth(1).unwrap().contains("▾ Introduction (3)"),
            "{w}x{h}:\n{s}"
        );
    }
}

#[test]
fn outline_excerpts_keep_their_punctuation_and_leads_come_from_the_vocabulary() {
    let doc = parse(
        "Geneva, 12 March 2021, at the Palais des Nations, in session.\n\n- Recalling its resolutions,\n\n1. Calls upon all States to act;\n",
        Source::Embedded,
    );
    let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (120, 30));
    let buf = render_buffer(&mut a);
    let s = buffer_text(&buf);
    // In the outline (left) as in the reader, the comma stays.
    let outline_row = s.lines().find(|l| l.contains("· Geneva")).unwrap();
    assert!(outline_row.contains("Geneva, 12 March"), "{outline_row}");
    // "Calls upon" is emphasised (bold without colour); "Geneva" is not.
    let bold = |needle: &str| {
        let (x, y) = find_on_screen(&buf, needle).unwrap();
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    };
    assert!(bold("Calls upon"));
    assert!(bold("Recalling"));
    assert!(!bold("Geneva"));
}

#[test]
fn marks_are_set_with_m_and_a_letter_and_visited_with_quote() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-7<Enter>ma");
    assert!(status_line(&mut a).contains("mark a set at op-7"));
    keys(&mut a, ":pre-3<Enter>mb:op-12<Enter>");
    // The list shows both marks; a letter goes there.
    keys(&mut a, "'");
    let s = screen(&mut a);
    assert!(s.contains("a  op-7") && s.contains("b  pre-3"), "{s}");
    keys(&mut a, "a");
    assert_eq!(current_id(&mut a), "op-7");
    // '' goes back to where that jump started, and again returns.
    keys(&mut a, "''");
    assert_eq!(current_id(&mut a), "op-12");
    keys(&mut a, "''");
    assert_eq!(current_id(&mut a), "op-7");
    // A mark is a jump: Ctrl-O comes back.
    keys(&mut a, "'b<C-o>");
    assert_eq!(current_id(&mut a), "op-7");
    // An unknown mark says so; Enter in the list goes to the selected one;
    // Delete removes it.
    keys(&mut a, "'z");
    assert!(status_line(&mut a).contains("no mark z"));
    keys(&mut a, "'<Down><Enter>");
    assert_eq!(current_id(&mut a), "pre-3");
    keys(&mut a, "'<Del><Esc>");
    assert_eq!(a.marks().keys().collect::<String>(), "b");
    // Setting a letter again moves the mark.
    keys(&mut a, ":op-1<Enter>mb'b");
    assert_eq!(current_id(&mut a), "op-1");
}

#[test]
fn y_copies_the_paragraph_with_its_citation_and_c_the_citation() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-7<Enter>y");
    let copied = a.take_clipboard().unwrap();
    assert!(
        copied.starts_with("重申，我们致力于执行金融行动任务组"),
        "{copied}"
    );
    assert!(
        copied.contains("（《杜尚别宣言》（杜尚别，2018年5月3-4日），第7段）"),
        "{copied}"
    );
    assert!(status_line(&mut a).contains("copied op-7 with citation"));
    keys(&mut a, ":pre-3<Enter>c");
    assert_eq!(a.take_clipboard().unwrap(), "《杜尚别宣言》序言部分第3段");
    // Y copies what the filter shows: financing's four paragraphs.
    keys(&mut a, "t1tY");
    let all = a.take_clipboard().unwrap();
    assert_eq!(all.matches("段：").count(), 4, "{all}");
    assert!(all.contains("\n序言部分第10段：鼓励加强集体努力"), "{all}");
    assert!(a.take_clipboard().is_none(), "taken once");
    // With nothing shown, nothing is copied, and it says so.
    keys(&mut a, "t1tt34mt");
    for key in ["Y", "y", "c"] {
        keys(&mut a, key);
        assert!(a.take_clipboard().is_none(), "{key}");
        let said = status_line(&mut a);
        assert!(
            said.contains("nothing to copy: no paragraph is shown"),
            "{key}: {said}"
        );
    }
    // Nor is a note or a mark begun: each says why.
    for (key, said) in [
        ("a", "no paragraph to note: none is shown"),
        ("A", "no paragraph to note: none is shown"),
        ("mb", "no paragraph to mark: none is shown"),
    ] {
        keys(&mut a, key);
        assert!(a.overlays().is_empty(), "{key}: {:?}", a.overlays());
        assert!(a.take_external_edit().is_none(), "{key}");
        let status = status_line(&mut a);
        assert!(status.contains(said), "{key}: {status}");
    }
}

#[test]
fn the_hit_number_goes_when_reading_leaves_the_hit() {
    let mut a = app(120, 40);
    keys(&mut a, "<Tab>/恐怖主义<Enter>n");
    let status = status_line(&mut a);
    assert!(status.contains("hit 2/"), "{status}");
    keys(&mut a, "g");
    let status = status_line(&mut a);
    assert!(!status.contains("hit 2/"), "{status}");
    assert!(status.contains("hits"), "{status}");
}

#[test]
fn on_a_large_text_s_start_the_status_line_does_not_claim_counts_or_percentages() {
    let mut a = app(120, 40);
    a.set_warnings(vec![dushanbe_reader::i18n::Warning::Partial]);
    keys(&mut a, "<Tab>G");
    let status = status_line(&mut a);
    assert!(status.contains("op-16 · 16/16+ │ …"), "{status}");
    assert!(!status.contains('%'), "{status}");
    a.set_warnings(Vec::new());
    assert!(status_line(&mut a).contains("op-16 · 16/16 │ 100%"));
}

/// Of a large text's start, a paragraph not in it is not said to be
/// missing: the whole text goes there once it is in.
#[test]
fn on_a_large_text_s_start_a_paragraph_past_it_is_not_called_missing() {
    let mut a = app(60, 20);
    a.set_warnings(vec![dushanbe_reader::i18n::Warning::Partial]);
    keys(&mut a, ":40000<Enter>");
    let notice = a.notice_text().unwrap();
    assert!(notice.contains("“40000” is past the start"), "{notice}");
    assert!(!notice.contains("no paragraph"), "{notice}");
    a.set_warnings(Vec::new());
    keys(&mut a, ":40000<Enter>");
    assert!(a.notice_text().unwrap().contains("no paragraph “40000”"));
}

/// Of a large text's start, hit and filter counts say there may be more:
/// `7+ hits`, `hit 1/7+`, `5+/29+`, in the search line, the status line
/// and the hit list, in both languages; once the whole is in, they do not.
#[test]
fn on_a_large_text_s_start_hit_and_filter_counts_say_there_may_be_more() {
    use dushanbe_reader::i18n::Warning;
    for lang in [Lang::En, Lang::Zh] {
        let mut a = App::new(
            dushanbe_reader::load::load_embedded().document,
            Themes::builtin(),
            lang,
            false,
            (120, 40),
        );
        a.set_warnings(vec![Warning::Partial]);
        let (hits, list) = match lang {
            Lang::En => ("7+ hits", "7+ hits for “重申”"),
            Lang::Zh => ("7+ 个结果", "共 7+ 个结果"),
        };
        keys(&mut a, "/重申");
        a.run_requests();
        assert!(
            status_line(&mut a).contains(hits),
            "{}",
            status_line(&mut a)
        );
        keys(&mut a, "<Enter>");
        assert!(
            status_line(&mut a).contains("1/7+"),
            "{}",
            status_line(&mut a)
        );
        keys(&mut a, "s");
        assert!(screen(&mut a).contains(list), "{}", screen(&mut a));
        keys(&mut a, "<Esc><Esc>tf");
        let s = status_line(&mut a);
        let filtered = match lang {
            Lang::En => "4+ of 29+",
            Lang::Zh => "4+/29+",
        };
        assert!(s.contains(filtered), "{s}");
        a.set_warnings(Vec::new());
        assert!(
            !status_line(&mut a).contains('+'),
            "{}",
            status_line(&mut a)
        );
    }
}

#[test]
fn v_asks_for_the_mouse_to_be_turned_over_and_says_which_way_it_went() {
    let mut a = app(120, 40);
    assert!(!a.take_mouse_toggle());
    keys(&mut a, "v");
    assert!(a.take_mouse_toggle());
    assert!(!a.take_mouse_toggle(), "taken once");
    a.mouse_turned(false);
    assert!(status_line(&mut a).contains("mouse off (v: on)"));
    // Once the notice is gone, the status line still says where the mouse is.
    keys(&mut a, "j");
    assert!(
        status_line(&mut a).contains("mouse: terminal (v)"),
        "{}",
        status_line(&mut a)
    );
    a.mouse_turned(true);
    keys(&mut a, "j");
    assert!(!status_line(&mut a).contains("mouse: terminal"));
    // A long title is shortened before that is left out.
    let ga = fixture_text("ga-resolution.en.txt");
    for (w, h) in [(80, 24), (60, 20)] {
        let doc = parse(&ga, Source::Embedded);
        let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (w, h));
        a.mouse_turned(false);
        keys(&mut a, "G");
        let line = status_line(&mut a);
        assert!(line.contains("mouse: terminal (v)"), "{w}: {line}");
        let name = if w >= 80 { "op-5" } else { "5. ·" };
        assert!(line.contains(name), "{w}: {line}");
    }
    // Only in reading: in the go-to line, v is a letter.
    keys(&mut a, ":v");
    assert!(!a.take_mouse_toggle());
}

#[test]
fn notes_are_written_shown_listed_and_deleted_when_emptied() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-7<Enter>a");
    assert!(screen(&mut a).contains("Note on op-7"));
    keys(&mut a, "金融行动任务组的建议<Enter>second line");
    // The paragraph's opening is quoted and ruled off above what is typed.
    let rows: Vec<String> = screen(&mut a).lines().map(String::from).collect();
    let quoted = rows
        .iter()
        .position(|r| r.contains("» 重申，我们致力于"))
        .unwrap();
    assert!(
        rows[quoted + 1].contains("──────────"),
        "{}",
        rows[quoted + 1]
    );
    assert!(rows[quoted + 2].contains("金融行动任务组的建议"));
    assert!(rows[quoted + 3].contains("second line"));
    keys(&mut a, "<C-s>");
    let notes: Vec<_> = a.notes().cloned().collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "金融行动任务组的建议\nsecond line");
    assert!(status_line(&mut a).contains("note on op-7 saved"));
    // Shown under its paragraph, and marked in the outline.
    let s = screen(&mut a);
    assert!(s.contains("✎ 金融行动任务组的建议"), "{s}");
    let outline_row = s
        .lines()
        .filter_map(|l| l.split_once("││").map(|(o, _)| o))
        .find(|o| o.contains(" 7. "))
        .unwrap();
    assert!(outline_row.contains('✎'), "{outline_row}");
    // i hides notes under paragraphs; the outline keeps its mark.
    // The editor's keys are text: no reading hints under it.
    keys(&mut a, "a");
    assert!(
        !status_line(&mut a).contains("? help"),
        "{}",
        status_line(&mut a)
    );
    keys(&mut a, "<Esc>");
    keys(&mut a, "i");
    assert!(!screen(&mut a).contains("✎ 金融"));
    assert_eq!(
        a.notice_text().as_deref(),
        Some("notes hidden; ✎ marks their paragraphs")
    );
    keys(&mut a, "i");
    assert_eq!(
        a.notice_text().as_deref(),
        Some("notes shown under their paragraphs")
    );
    // The list shows it; Enter goes to its paragraph.
    keys(&mut a, "g\"");
    assert!(screen(&mut a).contains("op-7     ✎ 金融行动任务组的建议"));
    keys(&mut a, "<Enter>");
    assert_eq!(current_id(&mut a), "op-7");
    // Editing again starts from the note; emptying it deletes it.
    keys(&mut a, "a");
    for _ in 0..30 {
        keys(&mut a, "<BS>");
    }
    keys(&mut a, "<Esc>");
    assert_eq!(a.notes().count(), 0);
    assert!(status_line(&mut a).contains("deleted"));
}

/// What is typed is kept as the note while the editor stays open (the
/// event loop asks every couple of seconds): one note, brought up to date
/// as typing goes on, said saved when the editor closes, and deleted if
/// emptied after all.
#[test]
fn a_note_being_typed_is_kept_as_it_is_typed() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-4<Enter>a");
    assert!(!a.draft_to_keep(), "nothing typed yet");
    keys(&mut a, "first words");
    assert!(a.draft_to_keep());
    a.keep_draft();
    assert!(!a.draft_to_keep(), "kept as typed");
    assert!(
        screen(&mut a).contains("Note on op-4"),
        "the editor stays open"
    );
    let notes: Vec<_> = a.notes().map(|n| n.text.clone()).collect();
    assert_eq!(notes, ["first words"]);
    keys(&mut a, " and more");
    a.keep_draft();
    let notes: Vec<_> = a.notes().map(|n| n.text.clone()).collect();
    assert_eq!(
        notes,
        ["first words and more"],
        "the same note, brought up to date"
    );
    assert!(a.state_to_save().is_some() && !a.has_unsaved_work());
    keys(&mut a, "<Esc>");
    assert!(status_line(&mut a).contains("note on op-4 saved"));
    assert!(a.has_unsaved_work(), "saved again as it closes");
    // Emptied while typing: kept until the editor closes, then deleted.
    keys(&mut a, "a");
    for _ in 0..25 {
        keys(&mut a, "<BS>");
    }
    assert!(!a.draft_to_keep());
    a.keep_draft();
    assert_eq!(a.notes().count(), 1);
    keys(&mut a, "<Esc>");
    assert_eq!(a.notes().count(), 0);
}

/// With a filter on, `a` in the notes list edits the note chosen, not the
/// one of the paragraph being read; going to a note or a mark the filter
/// hides says so, as `:` does.
#[test]
fn the_notes_list_edits_the_note_chosen_and_hidden_places_say_so() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-2<Enter>atwo<Esc>mb:op-7<Enter>aseven<Esc>");
    // Financing: op-7, not op-2.
    keys(&mut a, "t1t");
    assert_eq!(current_id(&mut a), "op-7");
    keys(&mut a, "\"a");
    let s = screen(&mut a);
    assert!(s.contains("Note on op-2"), "{s}");
    keys(&mut a, " more<Esc>");
    let texts: Vec<String> = a.notes().map(|n| n.text.clone()).collect();
    assert_eq!(texts, ["two more", "seven"]);
    keys(&mut a, "\"<Enter>");
    assert_eq!(current_id(&mut a), "op-7");
    assert!(
        status_line(&mut a).contains("op-2 does not match the filter"),
        "{}",
        status_line(&mut a)
    );
    keys(&mut a, "'b");
    assert!(
        status_line(&mut a).contains("op-2 does not match the filter"),
        "{}",
        status_line(&mut a)
    );
}

#[test]
fn quitting_from_the_editor_keeps_the_note_and_a_paste_keeps_its_lines() {
    let mut a = app(100, 30);
    keys(&mut a, ":op-3<Enter>a");
    a.paste("第一行\n第二行");
    assert_eq!(keys(&mut a, "<C-c>"), Effect::Quit);
    assert_eq!(a.notes().next().unwrap().text, "第一行\n第二行");
    // The notes list shows its first line, and that it has another.
    let mut a = app(100, 30);
    keys(&mut a, ":op-3<Enter>a");
    a.paste("第一行\n第二行\n第三行");
    keys(&mut a, "<Esc>\"");
    let s = screen(&mut a);
    let row = (s.lines())
        .find(|l| l.contains("op-3") && l.contains("第一行"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(row.contains("第一行 (+2 lines)"), "{row}");
}

#[test]
fn the_readme_lists_every_key_of_reading() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## Keys")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let a = app(120, 40);
    for (keys, action) in a.keymap().help_rows(dushanbe_reader::action::Mode::Normal) {
        for key in keys.split(' ') {
            let written = match key {
                "1-9" => "`1`–`9`".to_string(),
                k => format!("`{k}`"),
            };
            assert!(
                section.contains(&written),
                "README's keys lack {written} ({action:?})"
            );
        }
    }
}

#[test]
fn space_reads_on_in_the_text_even_with_the_outline_focused() {
    let mut a = app(80, 24);
    assert_eq!(a.effective_focus(), dushanbe_reader::app::Focus::Outline);
    let mut seen = vec![current_id(&mut a)];
    for _ in 0..4 {
        keys(&mut a, " ");
        seen.push(current_id(&mut a));
    }
    // Page by page through the preamble, exactly as with the reader
    // focused: no paragraph is skipped unread.
    assert!(seen.iter().any(|id| id.starts_with("pre-")), "{seen:?}");
    let mut b = app(80, 24);
    keys(&mut b, "<Tab>");
    let mut paged = vec![current_id(&mut b)];
    for _ in 0..4 {
        keys(&mut b, " ");
        paged.push(current_id(&mut b));
    }
    assert_eq!(seen, paged);
}

#[test]
fn a_section_count_is_never_cut_in_a_narrow_outline() {
    let mut a = app(80, 24);
    keys(&mut a, "G");
    let s = screen(&mut a);
    assert!(s.contains("(16)"), "{s}");
}

#[test]
fn m_with_no_marks_yet_asks_for_a_letter() {
    let mut a = app(120, 40);
    keys(&mut a, "m");
    let s = screen(&mut a);
    assert!(s.contains("Set a mark"), "{s}");
    // The status line hints at no keys for marks there are not.
    let status = status_line(&mut a);
    assert!(status.contains("Esc close"), "{status}");
    assert!(
        !status.contains("Enter") && !status.contains("delete"),
        "{status}"
    );
    keys(&mut a, "a'");
    let status = status_line(&mut a);
    assert!(
        status.contains("Enter open") && status.contains("delete"),
        "{status}"
    );
    keys(&mut a, "<Del>");
    assert!(a.marks().is_empty());
    let status = status_line(&mut a);
    assert!(!status.contains("Enter"), "{status}");
    keys(&mut a, "<Esc>m");
    // A key that cannot name a mark closes the prompt and says so; the
    // next key is a key again, not a mark's name.
    keys(&mut a, "A");
    assert!(!screen(&mut a).contains("Set a mark"));
    assert_eq!(
        a.notice_text().as_deref(),
        Some("A cannot name a mark: marks are the letters a to z")
    );
    keys(&mut a, "'1");
    assert!(a.marks().is_empty());
    assert!(
        status_line(&mut a).contains("1 cannot name a mark"),
        "{}",
        status_line(&mut a)
    );
}

/// `c` says which citation it copied, as the text cites the paragraph,
/// short enough for a narrow status line.
#[test]
fn c_names_the_citation_it_copied() {
    let mut a = app(60, 20);
    keys(&mut a, ":7<Enter>c");
    assert!(a.take_clipboard().unwrap().contains("第7段"));
    let notice = a.notice_text().unwrap();
    assert_eq!(notice, "copied: 第7段");
    assert!(status_line(&mut a).contains("copied: 第7段"));
}

/// At 60 columns the notice of a sub-paragraph's citation is shown whole.
#[test]
fn c_on_a_sub_paragraph_fits_a_narrow_status_line() {
    let text = "1. Decides:\n(a) to act;\n(b) to report:\n(i) yearly;\n(ii) in full.\n";
    let doc = dushanbe_reader::load::load_bytes(text.as_bytes(), Source::Stdin).document;
    let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (60, 20));
    keys(&mut a, ":1bii<Enter>c");
    let status = status_line(&mut a);
    assert!(status.contains("copied: para. 1 (b) (ii)"), "{status}");
}

#[test]
fn a_note_shrunk_then_grown_shows_from_its_start() {
    use dushanbe_reader::action::Action;
    let mut a = app(80, 24);
    keys(&mut a, ":op-7<Enter>a");
    for line in ["第一行：开头", "第二行", "第三行", "第四行", "第五行：末尾"]
    {
        keys(&mut a, line);
        keys(&mut a, "<Enter>");
    }
    for (w, h) in [(24, 6), (30, 8), (80, 24)] {
        a.update(Action::Resize(w, h));
        screen(&mut a);
    }
    let s = screen(&mut a);
    assert!(
        s.contains("第一行：开头") && s.contains("第五行：末尾"),
        "{s}"
    );
    // The cursor stayed where typing left it.
    keys(&mut a, "尾声");
    keys(&mut a, "<C-s>");
    assert!(
        a.notes()
            .next()
            .unwrap()
            .text
            .ends_with("第五行：末尾\n尾声")
    );
}

/// Text read from standard input is named so in the pane's title and the
/// status line, in either language, not `-`.
#[test]
fn standard_input_is_named_so() {
    let text = "Plain words.\n\nMore words.\n";
    for (lang, name) in [(Lang::En, "standard input"), (Lang::Zh, "标准输入")] {
        let doc = dushanbe_reader::load::load_bytes(text.as_bytes(), Source::Stdin).document;
        let mut a = App::new(doc, Themes::builtin(), lang, false, (100, 24));
        let s = screen(&mut a);
        assert!(
            s.lines().next().unwrap().contains(&format!("┌ {name} ")),
            "{s}"
        );
        assert!(
            status_line(&mut a).starts_with(&format!(" {name} │")),
            "{}",
            status_line(&mut a)
        );
        assert!(!s.contains("┌ - "), "{s}");
    }
}

/// A notice cut short takes the room there is: no wide gap before it.
#[test]
fn a_notice_cut_short_takes_the_room_there_is() {
    let mut a = app(60, 20);
    keys(&mut a, "mA");
    let status = status_line(&mut a);
    let notice = status
        .find("A cannot name")
        .unwrap_or_else(|| panic!("{status}"));
    let gap = status[..notice].len() - status[..notice].trim_end().len();
    assert!(gap <= 4, "a gap of {gap} before the notice: {status}");
}

/// The note editor at the smallest size shows what is being typed in its
/// one row; below it, where only "Terminal too small" shows, keys are ignored
/// rather than type unseen, and quitting still works.
#[test]
fn the_note_editor_at_the_smallest_size_and_below() {
    use dushanbe_reader::action::{Action, Effect};
    let mut a = app(24, 6);
    keys(&mut a, ":op-7<Enter>atyped small");
    let s = screen(&mut a);
    assert!(s.contains("typed small"), "{s}");
    a.update(Action::Resize(20, 4));
    assert!(screen(&mut a).contains("Terminal"), "{}", screen(&mut a));
    keys(&mut a, "X<BS><BS><C-s>");
    a.update(Action::Resize(120, 40));
    let s = screen(&mut a);
    assert!(s.contains("typed small"), "{s}");
    assert!(
        !s.contains("typed smallX") && !s.contains("typed smal\n"),
        "{s}"
    );
    assert!(a.notes().next().is_none(), "nothing saved unseen");
    keys(&mut a, "<C-s>");
    assert_eq!(a.notes().next().unwrap().text, "typed small");
    a.update(Action::Resize(20, 4));
    assert_eq!(a.update(Action::Quit), Effect::Quit);
    // In the editor too, `q` quits there (a letter only where it shows),
    // keeping what was typed.
    let mut a = app(120, 40);
    keys(&mut a, ":op-7<Enter>akept as it quits");
    a.update(Action::Resize(20, 4));
    assert_eq!(keys(&mut a, "q"), Effect::Quit);
    a.keep_typed_note();
    assert_eq!(a.notes().next().unwrap().text, "kept as it quits");
}

/// The notes list of a text with no paragraphs does not offer `a`, which
/// has nothing to write a note on there.
#[test]
fn the_notes_list_of_an_empty_text_says_why_it_is_empty() {
    let mut a = App::new(
        dushanbe_reader::document::parse("", dushanbe_reader::document::Source::Embedded),
        dushanbe_reader::themes::Themes::builtin(),
        Lang::En,
        false,
        (80, 24),
    );
    keys(&mut a, "\"");
    let s = screen(&mut a);
    assert!(
        s.contains("no notes: the text has no paragraph to write one on"),
        "{s}"
    );
    assert!(!s.contains("a writes one"), "{s}");
}

/// Below the smallest size the reader asks for room in words that fit,
/// shorter ones where the usual do not.
#[test]
fn too_small_says_so_in_words_that_fit() {
    for (lang, w, h, said) in [
        (Lang::En, 20, 4, ["Terminal too small", "need 24×6"]),
        (Lang::En, 10, 3, ["Too small", "≥ 24×6"]),
        (Lang::Zh, 14, 4, ["终端窗口太小", "至少需要 24×6"]),
        (Lang::Zh, 10, 3, ["太小", "≥ 24×6"]),
    ] {
        let mut a = app_in(lang, w, h);
        let s = screen(&mut a);
        for words in said {
            assert!(s.contains(words), "{w}×{h}: {words}\n{s}");
        }
    }
}

/// `Y` under a filter that hides the rest copies a matching sub-paragraph
/// with the paragraph it is under, and says which are which, so that its
/// count is not taken for the filter's.
#[test]
fn y_says_how_many_of_what_it_copied_match_the_filter() {
    let doc = parse(
        "1. Decides that all States shall:\n(a) Prevent terrorist financing;\n(b) Share information;\n\n2. Decides to remain seized of the matter.\n",
        Source::Embedded,
    );
    let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (120, 40));
    keys(&mut a, "t1t");
    assert_eq!(a.match_count(), 1);
    keys(&mut a, "Y");
    let copied = a.take_clipboard().unwrap();
    assert!(copied.contains("Decides that all States shall"), "{copied}");
    assert!(copied.contains("Prevent terrorist financing"), "{copied}");
    assert!(!copied.contains("remain seized"), "{copied}");
    assert_eq!(
        a.notice_text().as_deref(),
        Some("copied 2 paragraphs with citations: 1 matching, with those they are under")
    );
}

/// A filter that hides the paragraph being read moves reading to the next
/// paragraph that matches, not to one shown only as the paragraph a match
/// is under.
#[test]
fn a_filter_moves_reading_to_a_match_not_to_its_chapeau() {
    let doc = parse(
        "The Security Council,\n\n1. Decides to act.\n\n2. Decides that all States shall:\n(a) Share information;\n(b) Prevent terrorist financing;\n",
        Source::Embedded,
    );
    let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (120, 40));
    assert_eq!(current_id(&mut a), "intro-1");
    keys(&mut a, "t1t");
    assert_eq!(a.match_count(), 1);
    assert_eq!(current_id(&mut a), "op-2-b");
}

/// A key that does nothing in reading says so, and where the keys are
/// listed, rather than nothing at all; in a list it stays quiet.
#[test]
fn a_key_that_does_nothing_says_so() {
    let mut a = app(120, 40);
    keys(&mut a, "x");
    assert_eq!(
        a.notice_text().as_deref(),
        Some("x does nothing here (? lists the keys)")
    );
    assert_eq!(current_id(&mut a), "intro-1");
    let mut a = app_in(Lang::Zh, 120, 40);
    keys(&mut a, "Q");
    assert_eq!(
        a.notice_text().as_deref(),
        Some("Q 在此无作用（? 列出按键）")
    );
    // In the theme panel too: a letter no theme has.
    let mut a = app(120, 40);
    keys(&mut a, "tz");
    assert_eq!(
        a.notice_text().as_deref(),
        Some("z does nothing here (? lists the keys)")
    );
}

/// The outline's folding key, pressed while reading, says where it works
/// rather than doing nothing without a word.
#[test]
fn the_outlines_fold_key_in_the_reader_says_it_works_in_the_outline() {
    for (lang, said) in [
        (Lang::En, "← folds in the outline (Tab goes there)"),
        (Lang::Zh, "← 用于大纲（Tab 前往）"),
    ] {
        let mut a = app_in(lang, 60, 20);
        assert_eq!(a.effective_focus(), Focus::Reader);
        keys(&mut a, "<Left>");
        assert_eq!(a.notice_text().as_deref(), Some(said));
        assert!(status_line(&mut a).contains(said));
        // Whole beside a long place and a search, at 60 columns.
        keys(&mut a, ":9<Enter>/青年<Enter><Left>");
        assert!(
            status_line(&mut a).contains(said),
            "{}",
            status_line(&mut a)
        );
        // In the outline it folds, as before.
        keys(&mut a, "<Tab><Left>");
        assert_eq!(a.notice_text(), None);
    }
}

/// On a narrow screen, `Tab` opens the outline over the text at the
/// paragraph being read, as `o` does, so that `←` folds what is in view.
#[test]
fn tab_on_a_narrow_screen_opens_the_outline_at_the_selection() {
    for key in ["<Tab>", "o"] {
        let mut a = app(60, 20);
        keys(&mut a, ":14<Enter>");
        keys(&mut a, key);
        assert_eq!(a.effective_focus(), Focus::Outline, "{key}");
        let s = screen(&mut a);
        let row = s.lines().find(|l| l.contains("14. ")).unwrap_or_default();
        assert!(!row.is_empty(), "{key}: op-14 in view:\n{s}");
        assert_eq!(selected_id(&a), "op-14", "{key}");
    }
}

/// In a help box too narrow for the keys' column and a few words beside
/// it, each row's keys stand on a line above its words: the words are
/// shown, not wrapped a letter a line into thousands of lines.
#[test]
fn help_in_a_narrow_box_puts_the_words_under_their_keys() {
    let total = |s: &str| -> usize {
        let tail = s
            .split('/')
            .filter_map(|p| p.split(' ').next()?.parse().ok())
            .next_back();
        tail.unwrap_or(0)
    };
    let mut wide = app(80, 24);
    keys(&mut wide, "?");
    let lines_at_80 = total(&screen(&mut wide));
    for (w, h) in [(30, 12), (24, 6)] {
        let mut a = app(w, h);
        keys(&mut a, "?");
        let s = screen(&mut a);
        let n = total(&s);
        assert!(
            n > 0 && n < 3 * lines_at_80,
            "{w}×{h}: {n} lines, {lines_at_80} at 80:\n{s}"
        );
        if h > 6 {
            assert!(s.contains("j ↓") && s.contains("move down"), "{s}");
        }
    }
}

/// Resized, help stays where it was: on the row at its top, or at its
/// end, though its lines wrap anew.
#[test]
fn help_keeps_its_place_when_the_window_is_resized() {
    use ratatui::layout::Rect;
    let top_row = |a: &mut App| -> String {
        let s = screen(a);
        let line = s.lines().nth(2).unwrap_or_default().to_string();
        line.trim_matches(|c: char| c == '│' || c.is_whitespace())
            .to_string()
    };
    let mut a = app_in(Lang::Zh, 40, 12);
    keys(&mut a, "?G");
    a.frame(Rect::new(0, 0, 30, 12));
    let s = screen(&mut a);
    assert!(
        s.contains('↑') && !s.contains('↓'),
        "still at the end:\n{s}"
    );
    let mut a = app(80, 24);
    keys(&mut a, "?");
    keys(&mut a, &"j".repeat(40));
    let before = top_row(&mut a);
    let keys_before = before.split("  ").next().unwrap_or_default().to_string();
    assert!(!keys_before.is_empty());
    for (w, h) in [(60, 20), (120, 40), (44, 14)] {
        a.frame(Rect::new(0, 0, w, h));
        let after = top_row(&mut a);
        assert!(
            after.starts_with(&keys_before),
            "{w}×{h}: {before:?} then {after:?}"
        );
    }
}

/// Without colour, help's theme rows give a theme's letter once, in the
/// keys' column, not again as its mark.
#[test]
fn help_without_colour_names_a_themes_letter_once() {
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app_in(lang, 120, 40);
        keys(&mut a, "?G");
        let s = screen(&mut a);
        let row = s
            .lines()
            .find(|l| l.contains("(financing)"))
            .unwrap_or_default();
        let (_, words) = row.split_once(" f ").unwrap_or_else(|| panic!("{s}"));
        assert!(!words.trim_start().starts_with("f "), "{row}");
    }
}
