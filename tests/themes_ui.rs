//! Theme filters in the reader: `App::update` sequences and what is drawn.

mod common;
use common::*;

use dushanbe_reader::action::Action;
use dushanbe_reader::app::{Entry, Focus};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::themes::MatchMode;
use ratatui::style::Modifier;

/// Ids of the paragraphs listed in the outline.
fn outline_ids(a: &dushanbe_reader::app::App) -> Vec<String> {
    a.outline_entries()
        .iter()
        .filter_map(|e| match e {
            Entry::Para(p) => Some(a.doc().paragraphs[p].id.to_string()),
            Entry::Section(_) | Entry::Heading(..) | Entry::After(_) => None,
        })
        .collect()
}

#[test]
fn the_panel_lists_every_theme_with_both_labels_and_counts() {
    let mut a = app(120, 40);
    keys(&mut a, "t");
    let s = screen(&mut a);
    for (i, t) in a.themes().themes.iter().enumerate() {
        let line = s
            .lines()
            .find(|l| {
                l.contains(&format!(
                    " {} {}",
                    a.keymap().theme_key(i).unwrap(),
                    t.label_en.chars().take(8).collect::<String>()
                ))
            })
            .unwrap_or_else(|| panic!("no line for {}:\n{s}", t.id));
        assert!(
            line.contains(&format!("{}│", a.index().tags().counts[i])),
            "{line}"
        );
    }
    assert!(s.contains("Youth · 青年"));
}

#[test]
fn number_keys_and_space_toggle_themes() {
    let mut a = app(120, 40);
    keys(&mut a, "t4");
    assert_eq!(outline_ids(&a), ["op-13"]);
    assert_eq!(current_id(&mut a), "op-13");
    assert!(status_line(&mut a).contains("│ internet · 1 of 29 "));
    // Down three rows from internet to education, and Space turns it on.
    keys(&mut a, "jjj ");
    assert_eq!(a.theme_panel(), Some(6));
    assert_eq!(outline_ids(&a), ["op-10", "op-13"]);
    keys(&mut a, "47");
    assert!(!a.filter().is_active());
    assert_eq!(outline_ids(&a).len(), 29);
}

#[test]
fn any_and_all() {
    let mut a = app(120, 40);
    keys(&mut a, "t12");
    assert_eq!(
        outline_ids(&a),
        ["pre-10", "op-6", "op-7", "op-8", "op-9", "op-10"]
    );
    assert!(screen(&mut a).contains("financing ∨ youth · 6 of 29"));
    keys(&mut a, "m");
    assert_eq!(a.filter().mode, MatchMode::All);
    assert!(outline_ids(&a).is_empty());
    let s = screen(&mut a);
    assert!(s.contains("no paragraph matches financing ∧ youth"), "{s}");
    // Which text it is stays said beside it.
    let last = status_line(&mut a);
    assert!(
        last.starts_with(" 杜尚别宣言 │ no paragraph matches"),
        "{last}"
    );
    // Outside the panel, m sets a mark: any/all lives in the panel.
    keys(&mut a, "t<Esc>m");
    assert_eq!(a.filter().mode, MatchMode::All);
    keys(&mut a, "<Esc>tm");
    assert_eq!(a.filter().mode, MatchMode::Any);
    assert_eq!(outline_ids(&a).len(), 6);
}

#[test]
fn hide_and_dim() {
    let mut a = app(120, 40);
    keys(&mut a, "t3t");
    assert_eq!(outline_ids(&a), ["op-11"]);
    keys(&mut a, "h");
    assert!(!a.hides());
    assert_eq!(outline_ids(&a).len(), 29, "dimming lists everything");
    assert!(screen(&mut a).contains("gender · 1 of 29 · dimmed"));
    let buf = render_buffer(&mut a);
    // A paragraph that does not match is drawn dim; op-11 is not.
    let (x, y) = find_on_screen(&buf, "呼吁各类媒体").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
    keys(&mut a, "h");
    assert!(a.hides());
}

/// With a hiding filter, how far through the text the status line says
/// is how far through what is shown: 0% at its first paragraph, 100% once
/// its last shows.
#[test]
fn the_percentage_counts_what_a_hiding_filter_shows() {
    let mut a = app(120, 12);
    keys(&mut a, "t1t");
    let first = outline_ids(&a)[0].clone();
    keys(&mut a, &format!(":{first}<Enter>"));
    let last = status_line(&mut a);
    assert!(last.contains("│ 0% │"), "{last}");
    keys(&mut a, "G");
    assert!(status_line(&mut a).contains("│ 100% │"));
    // Dimmed, the whole text shows, and its first paragraph is 0%.
    keys(&mut a, "hgg");
    assert!(status_line(&mut a).contains("│ 0% │"));
}

#[test]
fn a_shorter_outline_scrolls_back_to_show_its_headers() {
    let mut a = app(120, 20);
    keys(&mut a, "G");
    assert!(a.outline_offset() > 0);
    keys(&mut a, "t4t");
    assert_eq!(a.outline_offset(), 0);
    let s = screen(&mut a);
    assert!(s.contains("▾ Operative paragraphs (1/16)"), "{s}");
}

#[test]
fn zero_clears_every_filter() {
    let mut a = app(120, 40);
    keys(&mut a, "t123t0");
    assert!(!a.filter().is_active());
    assert_eq!(outline_ids(&a).len(), 29);
    assert!(!status_line(&mut a).contains(" of 29"));
}

#[test]
fn the_reading_position_survives_toggling() {
    // Short enough that op-9 is not on the last screenful, so j scrolls
    // a row into it.
    let mut a = app(120, 20);
    keys(&mut a, ":op-9<Enter><Tab>j");
    let top = a.top_row();
    assert_eq!(current_id(&mut a), "op-9");
    // youth keeps op-9; financing ∨ youth keeps it; clearing keeps it.
    keys(&mut a, "t2");
    assert_eq!(current_id(&mut a), "op-9");
    keys(&mut a, "1");
    assert_eq!(current_id(&mut a), "op-9");
    keys(&mut a, "0t");
    assert_eq!(current_id(&mut a), "op-9");
    assert_eq!(a.top_row(), top, "same row of the same paragraph");
    // A filter that hides op-9 moves on to the next match, not to the top.
    keys(&mut a, "t4t");
    assert_eq!(current_id(&mut a), "op-13");
}

#[test]
fn evidence_is_highlighted_only_for_active_themes() {
    let mut a = app(120, 40);
    keys(&mut a, ":13<Enter>");
    let buf = render_buffer(&mut a);
    let (x, y) = find_on_screen(&buf, "互联网").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    keys(&mut a, "t4t");
    let buf = render_buffer(&mut a);
    let (x, y) = find_on_screen(&buf, "互联网").unwrap();
    assert!(x > 36, "in the reading pane");
    for dx in [0, 2, 4] {
        assert!(buf[(x + dx, y)].modifier.contains(Modifier::UNDERLINED));
    }
    // The character after the term is not highlighted.
    assert!(!buf[(x + 6, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn badges_show_each_paragraphs_themes() {
    let mut a = app(120, 40);
    let s = screen(&mut a);
    // pre-10 is financing (f) and radicalization (a), by their letters
    // where there is no colour.
    let line = s
        .lines()
        .find(|l| l.contains("— 鼓励加强集体努力"))
        .unwrap();
    assert!(line.contains("fa│"), "{line}");
}

#[test]
fn going_to_a_hidden_paragraph_says_why() {
    let mut a = app(120, 40);
    keys(&mut a, "t4t:3<Enter>");
    assert_eq!(current_id(&mut a), "op-13");
    assert!(
        a.notice_text()
            .as_deref()
            .unwrap()
            .starts_with("op-3 does not match the filter")
    );
    // Words only hidden paragraphs hold: the same, not "nothing matches".
    keys(&mut a, ":根深蒂固的不满<Enter>");
    assert_eq!(current_id(&mut a), "op-13");
    let notice = a.notice_text().unwrap();
    assert!(
        notice.starts_with("op-3 does not match the filter"),
        "{notice}"
    );
}

#[test]
fn paragraph_steps_skip_hidden_paragraphs() {
    let mut a = app(120, 40);
    keys(&mut a, "t1t");
    assert_eq!(current_id(&mut a), "pre-10");
    keys(&mut a, "]");
    assert_eq!(current_id(&mut a), "op-6");
    keys(&mut a, "]]]");
    assert_eq!(current_id(&mut a), "op-8");
    keys(&mut a, "{");
    assert_eq!(current_id(&mut a), "op-6");
    keys(&mut a, "{");
    assert_eq!(current_id(&mut a), "pre-10");
    keys(&mut a, "G");
    assert_eq!(current_id(&mut a), "op-8");
    keys(&mut a, "g");
    assert_eq!(current_id(&mut a), "pre-10");
    keys(&mut a, "<Tab>");
    for _ in 0..50 {
        keys(&mut a, "j");
    }
    // The four paragraphs fit on the screen: nothing scrolls, and j steps
    // the paragraph being read through them to the last.
    assert_eq!(current_id(&mut a), "op-8");
    keys(&mut a, "]]]]");
    assert_eq!(current_id(&mut a), "op-8");
}

#[test]
fn the_panel_closes_with_esc_and_a_click_toggles() {
    let mut a = app(120, 40);
    keys(&mut a, "t");
    let panel = a.panes().themes.unwrap();
    // Click the second theme row (youth).
    a.update(Action::ClickAt {
        col: panel.x + 5,
        row: panel.y + 2,
    });
    assert!(status_line(&mut a).contains("│ youth · 2 of 29 "));
    keys(&mut a, "<Esc>");
    assert!(a.theme_panel().is_none());
    assert_eq!(a.effective_focus(), Focus::Outline);
    // Esc with the panel closed closes nothing more (q quits).
    assert_eq!(keys(&mut a, "<Esc>"), dushanbe_reader::action::Effect::None);
}

#[test]
fn works_narrow_and_without_colour() {
    let mut a = app(60, 20);
    keys(&mut a, "t4");
    let s = screen(&mut a);
    assert!(s.contains("[x] i Internet · 互联网"));
    keys(&mut a, "t");
    let s = screen(&mut a);
    assert!(s.contains("13."), "{s}");
    assert!(s.contains("internet · 1 of 29"));
}

#[test]
fn clicks_in_a_scrolled_panel_toggle_the_theme_under_the_pointer() {
    let mut a = app(120, 20);
    keys(&mut a, "tjjjjjjjjjj");
    let panel = a.panes().themes.unwrap();
    let s = screen(&mut a);
    let first_row = s.lines().nth(panel.y as usize + 1).unwrap().to_string();
    a.update(Action::ClickAt {
        col: panel.x + 5,
        row: panel.y + 1,
    });
    let on: Vec<usize> = a.filter().themes().collect();
    assert_eq!(on.len(), 1);
    let label = &a.themes().themes[on[0]].label_en;
    assert!(first_row.contains(&label[..4]), "{first_row} vs {label}");
    // The footer and the border toggle nothing.
    a.update(Action::ClickAt {
        col: panel.x + 5,
        row: panel.bottom() - 2,
    });
    a.update(Action::ClickAt {
        col: panel.x + 5,
        row: panel.bottom() - 1,
    });
    assert_eq!(a.filter().themes().count(), 1);
}

#[test]
fn narrow_clicks_reach_the_panel_over_the_outline() {
    let mut a = app(60, 20);
    keys(&mut a, "ot");
    let panel = a.panes().themes.unwrap();
    a.update(Action::ClickAt {
        col: panel.x + 5,
        row: panel.y + 1,
    });
    assert_eq!(a.filter().themes().collect::<Vec<_>>(), [0]);
}

/// `Ctrl-O` back to a place the filter hides names it and says the filter
/// hides it, keeping the place: once the filter dims instead, `Ctrl-O`
/// goes there.
#[test]
fn ctrl_o_to_a_place_the_filter_hides_says_so_and_keeps_it() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-2<Enter>t3");
    assert_eq!(current_id(&mut a), "op-11");
    keys(&mut a, "t<C-o>");
    assert_eq!(current_id(&mut a), "op-11");
    let said = status_line(&mut a);
    assert!(said.contains("does not match the filter"), "{said}");
    keys(&mut a, "h<C-o>");
    assert_eq!(current_id(&mut a), "op-2");
}

#[test]
fn a_filter_that_moves_reading_is_a_jump_and_turning_it_off_comes_back() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-2<Enter>t3");
    assert_eq!(current_id(&mut a), "op-11", "gender moves reading to op-11");
    keys(&mut a, "3");
    assert_eq!(current_id(&mut a), "op-2", "turning it off comes back");
    // Ctrl-O undoes the move the filter made (in dim mode op-2 is shown).
    keys(&mut a, "3th<C-o>");
    assert_eq!(current_id(&mut a), "op-2");
    keys(&mut a, "h0");
    // Once reading has moved on, turning the filter off stays put.
    keys(&mut a, ":op-4<Enter>t2");
    assert_eq!(current_id(&mut a), "op-9");
    keys(&mut a, "t]t2");
    let after = current_id(&mut a);
    assert_ne!(after, "op-4");
    assert!(
        after.starts_with("op-9") || after.starts_with("op-10"),
        "{after}"
    );
}

#[test]
fn the_status_line_keeps_what_matters_when_it_is_full() {
    for w in [120, 80, 60] {
        let mut a = app(w, 40);
        keys(&mut a, "t123458ht/重申<Enter>");
        let status = status_line(&mut a);
        let search = a.search().unwrap();
        let (i, n) = (search.current.unwrap() + 1, search.visible.len());
        // The search's position is never cut, whatever else has to go.
        assert!(status.contains(&format!("{i}/{n}")), "{w}: {status}");
        // The filter is there, at least as a count of paragraphs.
        let m = a.match_count();
        assert!(
            status.contains(&format!("{m} of 29")) || status.contains(&format!("{m}/29")),
            "{w}: {status}"
        );
        if w >= 80 {
            assert!(status.contains("dimmed"), "{w}: {status}");
        }
        // Nothing is cut mid-word at the end of the line.
        assert!(!status.trim_end().ends_with('…'), "{w}: {status}");
    }
}

#[test]
fn the_status_line_speaks_chinese() {
    let mut a = dushanbe_reader::app::App::new(
        dushanbe_reader::load::load_embedded().document,
        dushanbe_reader::themes::Themes::builtin(),
        dushanbe_reader::i18n::Lang::Zh,
        false,
        (120, 40),
    );
    keys(&mut a, "t1t");
    let status = status_line(&mut a);
    assert!(status.contains("恐怖主义融资 · 4/29"), "{status}");
    assert!(status.contains("序言第10段"), "{status}");
    assert!(
        !status.contains("financing") && !status.contains("pre-10"),
        "{status}"
    );
}

#[test]
fn m_and_h_say_what_they_did_even_with_no_theme_on() {
    let mut a = app(120, 40);
    keys(&mut a, "tm");
    assert!(
        status_line(&mut a).contains("must match every theme"),
        "{}",
        status_line(&mut a)
    );
    keys(&mut a, "m");
    assert!(status_line(&mut a).contains("may match any theme that is on"));
    keys(&mut a, "t");
    keys(&mut a, "h");
    assert!(status_line(&mut a).contains("dimmed: paragraphs outside"));
    // At 60 columns what was done comes first, so that it is not cut.
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app_in(lang, 60, 20);
        keys(&mut a, "tmth");
        let status = status_line(&mut a);
        assert!(
            status.contains("dimmed:") || status.contains("淡化："),
            "{status}"
        );
        keys(&mut a, "tm");
        let status = status_line(&mut a);
        assert!(
            status.contains("match any (∨)") || status.contains("符合任一（∨）"),
            "{status}"
        );
    }
}

/// At 60 columns the notice that reading went to a paragraph the filter
/// hides keeps the keys that undo it, in fewer words.
#[test]
fn a_filtered_out_paragraph_keeps_its_keys_at_60_columns() {
    let mut a = app(60, 20);
    keys(&mut a, "t1t0:intro-1<Enter>t1t");
    keys(&mut a, ":intro-1<Enter>");
    let status = status_line(&mut a);
    assert!(
        status.contains("intro-1 filtered out (h dim, 0 clear)"),
        "{status}"
    );
}

#[test]
fn every_letter_the_panel_shows_toggles_its_theme() {
    let mut a = app(120, 40);
    keys(&mut a, "t");
    let n = a.themes().themes.len();
    for i in 0..n {
        let letter = a
            .keymap()
            .theme_key(i)
            .expect("every built-in theme has a letter");
        assert!(screen(&mut a).contains(&format!("] {letter} ")), "{letter}");
        keys(&mut a, &letter.to_string());
        assert!(a.filter().has(i), "{letter} turns on theme {i}");
        keys(&mut a, &letter.to_string());
        assert!(!a.filter().is_active());
    }
    // Digits still work for the first nine.
    keys(&mut a, "4");
    assert!(a.filter().has(3));
}

#[test]
fn outline_marks_are_letters_without_colour_and_never_digits() {
    let mut a = app(120, 40);
    let s = screen(&mut a);
    // Outline rows end with their theme marks: letters, no digit.
    for line in s.lines().skip(1).take(30) {
        let Some((outline, _)) = line.split_once("││") else {
            continue;
        };
        let tail: String = outline.chars().rev().take(3).collect();
        assert!(!tail.chars().any(|c| c.is_ascii_digit()), "{outline}");
    }
    // And the legend in help says what each letter is.
    keys(&mut a, "?G");
    let s = screen(&mut a);
    assert!(
        s.contains("Terrorist financing · 恐怖主义融资 (financing)"),
        "{s}"
    );
}

#[test]
fn a_theme_panel_too_short_for_every_theme_says_how_many_are_out_of_view() {
    let mut a = app(80, 24);
    keys(&mut a, "t");
    let s = screen(&mut a);
    let shown = s.lines().filter(|l| l.contains("[ ]")).count();
    let hidden = a.themes().themes.len() - shown;
    assert!(hidden > 0, "{s}");
    assert!(s.contains(&format!("↓{hidden}")), "{s}");
    assert!(!s.contains("0: c…"), "the footer is never cut: {s}");
    let down = "j".repeat(a.themes().themes.len());
    keys(&mut a, &down);
    let s = screen(&mut a);
    assert!(s.contains(&format!("↑{hidden}")), "{s}");
}

#[test]
fn at_the_end_with_a_filter_k_reads_the_paragraph_above_from_its_start() {
    for theme in ["r", "u"] {
        let mut a = app(60, 20);
        keys(&mut a, &format!("t{theme}tG"));
        let shown = outline_ids(&a);
        let mut expected = shown.len() - 1;
        // Three steps: the last of them reaches a paragraph whose start is
        // above the last screen, which scrolls back to show it.
        for _ in 0..3 {
            keys(&mut a, "k");
            expected -= 1;
            assert_eq!(current_id(&mut a), shown[expected], "{theme}");
            // Its first line is on the pane, at the top or below it.
            let id = current_id(&mut a);
            let p = a.doc().paragraphs.iter().position(|p| p.id == id).unwrap();
            let head: String = a.doc().paragraphs[p].text.chars().take(6).collect();
            let rows = screen(&mut a);
            assert!(rows.contains(&head), "{theme} {id}: {head} in\n{rows}");
        }
    }
}

#[test]
fn copying_what_a_filter_shows_counts_it_in_words() {
    let mut a = app(120, 40);
    keys(&mut a, "t3tY");
    let copied = a.take_clipboard().expect("copied");
    assert!(copied.contains("第11段："), "{copied}");
    assert!(
        status_line(&mut a).contains("copied 1 paragraph with its citation"),
        "{}",
        status_line(&mut a)
    );
}

/// On a narrow status line, a filter of one theme keeps its name rather
/// than a count of themes no narrower (`youth · 2/29`, not `1 theme ·
/// 2/29`), and before the place keeps its count in its section.
#[test]
fn a_narrow_filter_of_one_theme_keeps_its_name() {
    let mut short = false;
    for w in 24..=80 {
        let mut a = app(w, 20);
        keys(&mut a, "t2t");
        let line = status_line(&mut a);
        assert!(!line.contains("1 theme"), "{w}: {line}");
        assert!(line.contains("│ youth · 2"), "{w}: {line}");
        short |= line.contains("youth · 2/29");
    }
    assert!(short, "the short form by name is used at some width");
}

/// The filter's names keep their room before the place's section and
/// count in it, and before the search's hits in notes, which the status
/// line says give way first: in Chinese at 80 columns, a sub-paragraph's
/// long name beside a search with a note's hit.
#[test]
fn a_filters_names_come_before_the_places_count_and_the_notes_hits() {
    let mut a = app_in(Lang::Zh, 80, 24);
    keys(&mut a, ":op-13<Enter>a互联网笔记<C-s>t24t/互联网<Enter>");
    for _ in 0..4 {
        let line = status_line(&mut a);
        assert!(line.contains("青年 ∨ 互联网 · "), "{line}");
        assert!(line.contains("执行部分第"), "{line}");
        keys(&mut a, "n");
    }
    // With room, every part whole.
    let mut wide = app_in(Lang::Zh, 160, 24);
    keys(&mut wide, ":op-13<Enter>a互联网笔记<C-s>t24t/互联网<Enter>");
    let line = status_line(&mut wide);
    assert!(
        line.contains(" · 13/16 │") && line.contains("笔记中 1 个"),
        "{line}"
    );
}

/// A theme whose name is very long does not take the whole status line
/// from the title and the hints at 120 columns: it is cut.
#[test]
fn a_very_long_theme_name_is_cut_in_the_status_line() {
    use dushanbe_reader::{app::App, i18n::Lang, load::load_embedded, themes::Themes};
    let mut themes = Themes::builtin();
    themes.themes[0].id =
        "prevention-of-violent-extremism-conducive-to-terrorism-through-community-engagement"
            .into();
    let mut a = App::new(load_embedded().document, themes, Lang::En, false, (120, 40));
    keys(&mut a, "t1t");
    let line = status_line(&mut a);
    assert!(line.contains("杜尚别宣言"), "the title stays: {line}");
    assert!(line.contains("prevention-of-violent-extremism"), "{line}");
    assert!(!line.contains("community-engagement"), "{line}");
    // With a second theme on, a cut would name only the first: counted.
    keys(&mut a, "t2t");
    let line = status_line(&mut a);
    assert!(line.contains("2 themes ∨"), "{line}");
}

/// A long list of themes is paged through in the panel: `PgDn`/`PgUp` by
/// the rows shown, `Home`/`End` to either end (letters stay the themes').
#[test]
fn the_theme_panel_pages_and_goes_to_either_end() {
    use dushanbe_reader::{app::App, app::Overlay, i18n::Lang, load::load_embedded};
    let themes = many_themes(30);
    let selected = |a: &App| match a.overlays().last() {
        Some(Overlay::ThemePanel { selected }) => *selected,
        other => panic!("no panel: {other:?}"),
    };
    let mut a = App::new(load_embedded().document, themes, Lang::En, false, (80, 24));
    keys(&mut a, "t<End>");
    assert_eq!(selected(&a), 41);
    assert!(screen(&mut a).contains("Extra 29"));
    keys(&mut a, "<Home>");
    assert_eq!(selected(&a), 0);
    keys(&mut a, "<PageDown>");
    let page = selected(&a);
    assert!(page > 3, "a page is the rows shown: {page}");
    keys(&mut a, "<PageDown><PageUp>");
    assert_eq!(selected(&a), page);
}

#[test]
fn the_theme_panel_shows_the_other_languages_name_whole_or_not_at_all() {
    for (lang, w, h) in [
        (Lang::Zh, 80, 24),
        (Lang::Zh, 60, 20),
        (Lang::En, 80, 24),
        (Lang::Zh, 120, 40),
    ] {
        let mut a = app_in(lang, w, h);
        keys(&mut a, "t");
        let s = screen(&mut a);
        let rows: Vec<&str> = s.lines().filter(|l| l.contains("] ")).collect();
        assert!(!rows.is_empty(), "{s}");
        for row in &rows {
            let (_, label) = row.split_once("] ").unwrap();
            let label = label.split('│').next().unwrap();
            // A name wider than the panel is cut between its words, and
            // never the gloss.
            if let Some((_, gloss)) = label.split_once(" · ") {
                assert!(!gloss.contains('…'), "{lang:?} {w}×{h}: {row}");
            }
            if let Some((kept, _)) = label.split_once('…') {
                let kept = kept.trim().split_once(' ').map_or("", |(_key, name)| name);
                let whole = a.themes().themes.iter().any(|t| {
                    let name = format!("{} ", t.label_en);
                    name.starts_with(&format!("{kept} "))
                });
                assert!(whole || lang == Lang::Zh, "{lang:?} {w}×{h}: {row}");
            }
        }
        // Where there is room, as in the panel over the text at 60×20,
        // both names.
        if h == 20 {
            assert!(rows.iter().all(|r| r.contains(" · ")), "{s}");
        }
    }
}

/// The outline's theme letters stand in one column whatever is beside
/// them: a ✎ on one row, a hit count on another, nothing on a third.
#[test]
fn the_outlines_theme_marks_stand_in_one_column_beside_notes_and_hits() {
    for (lang, w, h) in [(Lang::Zh, 80, 24), (Lang::En, 120, 40), (Lang::Zh, 100, 30)] {
        let mut a = app_in(lang, w, h);
        keys(
            &mut a,
            ":9<Enter>a支持全社会方针<C-s>/恐怖主义<Enter>:8<Enter>",
        );
        let s = screen(&mut a);
        let mut suffixes = std::collections::BTreeSet::new();
        let mut rows = 0;
        for line in s.lines() {
            let Some((outline, _)) = line.split_once("││") else {
                continue;
            };
            let body = outline.trim_start_matches('│');
            let kept = body.trim_end_matches([
                ' ', '✎', '×', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
            ]);
            if !kept.ends_with(|c: char| c.is_ascii_lowercase()) || !kept.contains(". ") {
                continue;
            }
            rows += 1;
            suffixes.insert(body.chars().count() - kept.chars().count());
        }
        assert!(rows > 5, "{lang:?} {w}×{h}:\n{s}");
        assert_eq!(suffixes.len(), 1, "{lang:?} {w}×{h}: {suffixes:?}\n{s}");
        assert!(s.contains('✎') && s.contains('×'), "{s}");
    }
}

/// A theme panel with room for one row shows the selected theme there,
/// not the footer over part of it; the border counts the rest.
#[test]
fn a_theme_panel_of_one_row_shows_the_selected_theme() {
    let mut a = app(24, 6);
    keys(&mut a, "tj");
    let s = screen(&mut a);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("[ ]")).collect();
    assert_eq!(rows.len(), 1, "{s}");
    assert!(rows[0].contains(" y "), "the selected theme, youth:\n{s}");
    assert!(!s.contains("hide"), "no footer in the theme's row:\n{s}");
    let n = a.themes().themes.len();
    assert!(s.contains(&format!("↑1 ↓{}", n - 2)), "{s}");
}
