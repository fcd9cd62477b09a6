//! References in the reader: underlines, the panel (`r`, `R`), the list of
//! citing paragraphs and its jumps, the reference filter (`:ref`, `f`), and
//! snapshots of the panel at a wide and a narrow size in both languages.

mod common;
use common::*;

use dushanbe_reader::app::{App, Entry};
use dushanbe_reader::i18n::Lang;
use ratatui::style::Modifier;

/// Ids of the paragraphs listed in the outline.
fn outline_ids(a: &App) -> Vec<String> {
    a.outline_entries()
        .iter()
        .filter_map(|e| match e {
            Entry::Para(p) => Some(a.doc().paragraphs[p].id.to_string()),
            Entry::Section(_) | Entry::Heading(..) | Entry::After(_) => None,
        })
        .collect()
}

/// The paragraph ids of the open citing list's rows.
fn citing_ids(a: &App) -> Vec<String> {
    let list = a.citing_list().expect("the citing list is open");
    list.rows
        .iter()
        .map(|r| a.doc().paragraphs[r.paragraph].id.to_string())
        .collect()
}

#[test]
fn r_enter_enter_jumps_to_another_citing_paragraph_and_ctrl_o_comes_back() {
    let mut a = app(120, 40);
    keys(&mut a, ":pre-3<Enter>r");
    let panel = a.ref_panel().expect("r opens the panel");
    assert_eq!(panel.ids, ["gcts", "pve-plan-of-action"]);
    assert_eq!(panel.paragraph, a.doc().find_id("pre-3"));
    assert_eq!(a.mode(), dushanbe_reader::action::Mode::References);
    let s = screen(&mut a);
    assert!(s.contains("References in pre-3"), "{s}");
    assert!(s.contains("United Nations Global Counter-Terrorism Strategy · 联合国全球反恐战略"));
    assert!(s.contains("General Assembly resolution · 2006-09-08 · A/RES/60/288"));
    assert!(s.contains("cited in 2 paragraphs"));
    assert!(s.contains("Its four"), "the description: {s}");

    keys(&mut a, "<Enter>");
    assert_eq!(citing_ids(&a), ["pre-3", "op-4"]);
    // The paragraph being read is marked; Enter would go to the other one.
    assert_eq!(a.citing_list().unwrap().selected, 1);
    let s = screen(&mut a);
    assert!(
        s.contains("2 paragraphs cite Global Counter-Terrorism Strategy"),
        "{s}"
    );
    assert!(s.contains("• pre-3"), "{s}");

    keys(&mut a, "<Enter>");
    assert!(a.overlays().is_empty(), "both overlays close");
    assert_eq!(current_id(&mut a), "op-4");
    keys(&mut a, "<C-o>");
    assert_eq!(current_id(&mut a), "pre-3");
    keys(&mut a, "<C-n>");
    assert_eq!(current_id(&mut a), "op-4");
}

#[test]
fn esc_steps_back_from_the_list_to_the_panel_then_closes_it() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-7<Enter>rj");
    assert_eq!(a.ref_panel().unwrap().ids, ["fatf", "fatf-recommendations"]);
    assert_eq!(a.ref_panel().unwrap().selected, 1);
    keys(&mut a, "<Enter>");
    assert_eq!(citing_ids(&a), ["op-7"]);
    // The list takes the panel's place rather than standing on it.
    let s = screen(&mut a);
    assert!(!s.contains("Esc close"), "{s}");
    assert_eq!(
        s.matches('┌').count(),
        3,
        "the panes' corners and the list's:\n{s}"
    );
    keys(&mut a, "<Esc>");
    assert!(a.citing_list().is_none());
    assert!(screen(&mut a).contains("Esc close"));
    assert_eq!(a.ref_panel().unwrap().selected, 1, "the panel as it was");
    keys(&mut a, "<Esc>");
    assert!(a.overlays().is_empty());
    // r closes the panel too, and a paragraph that cites nothing says so.
    keys(&mut a, "rr:op-1<Enter>r");
    assert!(a.overlays().is_empty());
    assert!(status_line(&mut a).contains("op-1 cites no reference (R lists the text's)"));
}

#[test]
fn capital_r_lists_every_reference_with_counts_and_enter_goes_on_from_there() {
    let mut a = app(120, 40);
    keys(&mut a, "R");
    let panel = a.ref_panel().unwrap();
    assert_eq!(panel.paragraph, None);
    assert_eq!(panel.ids.len(), 21);
    assert_eq!(panel.ids[0], "osce");
    let s = screen(&mut a);
    assert!(s.contains("21 references in this text"), "{s}");
    let osce = s.lines().find(|l| l.contains(" OSCE ")).unwrap();
    assert!(
        osce.contains("organisation") && osce.contains("5×  intro-1, pre-7"),
        "{osce}"
    );
    let op5 = s.lines().filter(|l| l.contains("  op-5")).count();
    assert_eq!(op5, 8, "seven resolutions and the CTC: {s}");
    // The last one, INTERPOL, is cited in op-8 only.
    keys(&mut a, "G<Enter>");
    assert_eq!(citing_ids(&a), ["op-8"]);
    assert_eq!(a.citing_list().unwrap().selected, 0);
    keys(&mut a, "<Enter>");
    assert_eq!(current_id(&mut a), "op-8");
    keys(&mut a, "<C-o>");
    assert_eq!(current_id(&mut a), "intro-1");
}

/// With a theme filter on, `:ref` says how many paragraphs both let
/// through, not how many cite the reference.
#[test]
fn ref_with_a_theme_filter_counts_what_is_shown() {
    let mut a = app(120, 40);
    keys(&mut a, "tft:ref 1373<Enter>");
    assert_eq!(a.match_count(), 0, "op-5 is not about financing");
    let notice = a.notice_text().unwrap();
    assert!(notice.contains("0 citing paragraphs shown"), "{notice}");
}

#[test]
fn ref_in_the_go_to_line_shows_only_the_citing_paragraphs() {
    let mut a = app(120, 40);
    keys(&mut a, ":ref 1373<Enter>");
    assert_eq!(outline_ids(&a), ["op-5"]);
    assert_eq!(current_id(&mut a), "op-5");
    assert_eq!(a.match_count(), 1);
    let status = status_line(&mut a);
    assert!(
        status.contains("ref: Resolution 1373 (2001) · 1 of 29"),
        "{status}"
    );
    assert!(
        status.contains("1 citing paragraph shown (0 clears)"),
        "{status}"
    );
    // The go-to line lists no fuzzy candidates for `ref …`.
    keys(&mut a, ":ref osce");
    assert!(a.goto_line().unwrap().candidates.is_empty());
    keys(&mut a, "<Enter>");
    assert_eq!(outline_ids(&a), ["intro-1", "pre-7"]);
    // `0` clears it, as it clears themes; so does `:ref` alone.
    keys(&mut a, "0");
    assert!(!a.filtering());
    assert_eq!(outline_ids(&a).len(), 29);
    keys(&mut a, ":ref 欧安组织<Enter>:ref<Enter>");
    assert!(!a.filtering());
    assert!(status_line(&mut a).contains("reference filter off"));
    // Unknown, and known but not cited: said, and nothing filtered.
    keys(&mut a, ":ref xyz<Enter>");
    assert!(status_line(&mut a).contains("no reference “xyz”"));
    keys(&mut a, ":ref 2395<Enter>");
    assert!(!a.filtering());
    assert!(status_line(&mut a).contains("no paragraph cites Resolution 2395 (2017)"));
    // With another reference's filter on: said so too, that filter kept.
    keys(&mut a, ":ref osce<Enter>");
    let osce = outline_ids(&a);
    keys(&mut a, ":ref 2395<Enter>");
    let said = status_line(&mut a);
    assert!(
        said.contains("no paragraph cites Resolution 2395 (2017)"),
        "{said}"
    );
    assert!(!said.contains("shown"), "{said}");
    assert_eq!(outline_ids(&a), osce);
    keys(&mut a, "0");
    // A resolution the table does not know, by its number, in either
    // language: not by an internal id.
    keys(&mut a, ":ref 9999<Enter>");
    assert!(
        status_line(&mut a).contains("no paragraph cites resolution 9999"),
        "{}",
        status_line(&mut a)
    );
    let mut zh = app_in(dushanbe_reader::i18n::Lang::Zh, 120, 40);
    keys(&mut zh, ":ref 9999<Enter>");
    assert!(
        status_line(&mut zh).contains("没有段落引用第9999号决议"),
        "{}",
        status_line(&mut zh)
    );
}

#[test]
fn f_in_the_panel_or_the_list_filters_by_the_selected_reference() {
    let mut a = app(120, 40);
    keys(&mut a, ":pre-3<Enter>rf");
    assert!(a.overlays().is_empty());
    assert_eq!(outline_ids(&a), ["pre-3", "op-4"]);
    assert_eq!(
        current_id(&mut a),
        "pre-3",
        "reading stays on a citing paragraph"
    );
    keys(&mut a, "0:op-7<Enter>rj<Enter>f");
    assert!(a.overlays().is_empty());
    assert_eq!(outline_ids(&a), ["op-7"]);
    assert!(status_line(&mut a).contains("ref: FATF Recommendations"));
}

#[test]
fn a_reference_filter_combines_with_themes_and_dims_with_h() {
    let mut a = app(120, 40);
    keys(&mut a, ":ref gcts<Enter>");
    // un-framework (w) covers both; financing (f) neither.
    keys(&mut a, "tw");
    assert_eq!(outline_ids(&a), ["pre-3", "op-4"]);
    let status = status_line(&mut a);
    assert!(
        status.contains("un-framework + ref: Global Counter-Terrorism Strategy"),
        "{status}"
    );
    keys(&mut a, "wf");
    assert!(outline_ids(&a).is_empty());
    keys(&mut a, "t");
    let s = screen(&mut a);
    assert!(
        s.contains("no paragraph matches financing + ref: Global Counter-Terrorism Strategy"),
        "{s}"
    );
    // Dimming shows every paragraph, the others dimmed.
    keys(&mut a, "tft");
    keys(&mut a, "h");
    assert!(!a.hides());
    assert!(a.matches(a.doc().find_id("op-4").unwrap()));
    assert!(!a.matches(a.doc().find_id("op-5").unwrap()));
    assert!(status_line(&mut a).contains("· dimmed"));
}

#[test]
fn references_are_underlined_without_colour_too() {
    let mut a = app(120, 40);
    let buf = render_buffer(&mut a);
    // intro-1: 欧洲安全与合作组织（OSCE）, in the reading pane.
    let (x, y) = find_on_screen(&buf, "欧洲安全与合作组织").unwrap();
    assert!(x > 36, "in the reading pane");
    for dx in (0..18).step_by(2) {
        assert!(
            buf[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
            "{dx}"
        );
    }
    // OSCE in the brackets after it is a mention too; the bracket is not.
    let (ox, oy) = find_on_screen(&buf, "OSCE").unwrap();
    assert!(buf[(ox, oy)].modifier.contains(Modifier::UNDERLINED));
    assert!(
        !buf[(ox - 2, oy)].modifier.contains(Modifier::UNDERLINED),
        "（ is not"
    );
    // Not a reference: 卡塔尔国 (a state), 塔吉克斯坦.
    let (qx, qy) = find_on_screen(&buf, "卡塔尔国").unwrap();
    assert!(!buf[(qx, qy)].modifier.contains(Modifier::UNDERLINED));
    // Each number of op-5's list, and not the 、 between them.
    keys(&mut a, ":5<Enter>");
    let buf = render_buffer(&mut a);
    let (x, y) = find_on_screen(&buf, "1373（2001）").unwrap();
    assert!(x > 36);
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(
        !buf[(x - 2, y)].modifier.contains(Modifier::UNDERLINED),
        "、"
    );
}

#[test]
fn r_and_capital_r_were_free_in_reading() {
    use dushanbe_reader::action::{Action, Mode};
    let keymap = dushanbe_reader::keymap::Keymap::default();
    let bound: Vec<Action> = keymap
        .bindings(Mode::Normal)
        .iter()
        .filter(|(k, _)| matches!(k.label().as_str(), "r" | "R"))
        .map(|(_, a)| *a)
        .collect();
    assert_eq!(bound, [Action::OpenReferences, Action::OpenAllReferences]);
}

#[test]
fn the_panel_speaks_chinese_with_the_english_name_beside() {
    let mut a = app_in(Lang::Zh, 120, 40);
    keys(&mut a, ":op-4<Enter>r");
    let s = screen(&mut a);
    assert!(s.contains("执行部分第4段的引用"), "{s}");
    assert!(s.contains("联合国全球反恐战略 · United Nations Global Counter-Terrorism Strategy"));
    assert!(
        s.contains("大会决议 · 2006-09-08 · A/RES/60/288 · 被 2 段引用"),
        "{s}"
    );
    assert!(s.contains("四大支柱"), "{s}");
    keys(&mut a, "<Enter>");
    assert!(screen(&mut a).contains("2 段引用全球反恐战略"));
}

// ----- snapshots ---------------------------------------------------------

#[test]
fn wide_references_panel_on_op_5() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-5<Enter>r");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_references_panel_on_pre_3_in_chinese() {
    let mut a = app_in(Lang::Zh, 120, 40);
    keys(&mut a, ":pre-3<Enter>r");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_references_panel_on_pre_3() {
    let mut a = app(60, 20);
    keys(&mut a, ":pre-3<Enter>r");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_references_panel_on_op_7_in_chinese() {
    let mut a = app_in(Lang::Zh, 60, 20);
    keys(&mut a, ":op-7<Enter>r");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_all_references_in_chinese() {
    let mut a = app_in(Lang::Zh, 120, 40);
    keys(&mut a, "Rjj");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_all_references() {
    let mut a = app(60, 20);
    keys(&mut a, "R");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_citing_list_of_the_osce() {
    let mut a = app(60, 20);
    keys(&mut a, "r<Enter>");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_filtered_by_a_reference() {
    let mut a = app(120, 40);
    keys(&mut a, ":ref osce<Enter>");
    insta::assert_snapshot!(screen(&mut a));
}

/// `R`'s list, longer than its box at 60×20, says where the view is.
#[test]
fn the_references_list_says_where_it_is_when_it_does_not_fit() {
    let mut a = app_in(Lang::Zh, 60, 20);
    keys(&mut a, "R");
    let s = screen(&mut a);
    assert!(s.contains(" 1–") && s.contains(" ↓ "), "{s}");
}

/// The panel sits low, under the paragraph it is about; where that would
/// cover the paragraph's first line (low on the screen at the end of a
/// text, where the pane cannot scroll it up), it sits at the top instead.
#[test]
fn the_panel_keeps_clear_of_the_paragraph_it_is_about() {
    use dushanbe_reader::document::{Source, parse};
    let text = "Resolution 2396 (2017)\n\nThe Security Council,\n\n\
                Reaffirming its resolutions 1373 (2001), 1624 (2005) and 2178 (2014),\n\n\
                Recalling the United Nations Global Counter-Terrorism Strategy,\n\n\
                1. Calls upon Member States to implement fully resolution 1373 (2001);\n\n\
                2. Requests the Counter-Terrorism Committee to report;\n\n\
                3. Decides to remain seized of the matter.\n";
    // In Chinese the panel is taller: the paragraph's last line, with the
    // citation, stays in view too.
    for (w, h, target, line, lang) in [
        (80, 24, "op-1", "1. Calls upon", Lang::En),
        (60, 20, "op-1", "1. Calls upon", Lang::En),
        (80, 24, "pre-1", "— Reaffirming", Lang::En),
        (80, 24, "op-1", "resolution 1373 (2001);", Lang::Zh),
        // Three references, taller than the room on either side: the
        // panel shrinks into the larger room, and scrolls.
        (60, 20, "pre-1", "— Reaffirming", Lang::Zh),
        (60, 20, "pre-1", "2178 (2014),", Lang::Zh),
        (80, 24, "pre-1", "2178 (2014),", Lang::Zh),
    ] {
        let doc = parse(text, Source::Embedded);
        let mut a = App::new(doc, Default::default(), lang, false, (w, h));
        goto(&mut a, target);
        keys(&mut a, "r");
        let buf = render_buffer(&mut a);
        let (_, row) = find_on_screen(&buf, line).unwrap_or_else(|| {
            panic!(
                "{w}x{h} {target}: {line:?} not shown\n{}",
                buffer_text(&buf)
            )
        });
        let title = if lang == Lang::Zh {
            "的引用"
        } else {
            "References in"
        };
        let (_, top) = find_on_screen(&buf, title).expect("the panel");
        let bottom = (top..buf.area.height)
            .find(|&y| buf[(buf.area.width / 2, y)].symbol() == "─" && y > top)
            .expect("the panel's bottom border");
        assert!(
            row < top || row > bottom,
            "{w}x{h} {target}: row {row} under the panel {top}..={bottom}\n{}",
            buffer_text(&buf)
        );
    }
}

/// From every reference's list (`R`), `Enter` marks the paragraph being
/// read and selects another, as from its own panel (`r`).
#[test]
fn the_citing_list_from_r_marks_the_paragraph_being_read() {
    let mut a = app(120, 40);
    keys(&mut a, ":pre-3<Enter>R");
    let i = a
        .ref_panel()
        .unwrap()
        .ids
        .iter()
        .position(|id| id == "gcts");
    let down = "j".repeat(i.expect("the strategy is cited"));
    keys(&mut a, &format!("{down}<Enter>"));
    assert_eq!(citing_ids(&a), ["pre-3", "op-4"]);
    assert_eq!(a.citing_list().unwrap().selected, 1);
    let s = screen(&mut a);
    assert!(s.contains("• pre-3"), "{s}");
}

/// A reference's name in the other language is a gloss, shown whole or
/// not at all; its own name, if wider than the card, is cut between words.
#[test]
fn the_panel_shows_the_other_languages_name_whole_or_not_at_all() {
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(60, 20), (80, 24), (120, 40)] {
            let mut a = app_in(lang, w, h);
            keys(&mut a, ":pre-3<Enter>r");
            let s = screen(&mut a);
            assert!(s.contains("References in") || s.contains("的引用"), "{s}");
            for row in s.lines() {
                let glossed = ["Strategy · ", "战略 · "]
                    .iter()
                    .find_map(|n| row.split_once(n));
                if let Some((_, gloss)) = glossed {
                    assert!(!gloss.contains('…'), "{lang:?} {w}×{h}: {row}");
                }
            }
        }
    }
}

#[test]
fn r_on_a_paragraph_lists_what_its_sub_paragraphs_cite() {
    use dushanbe_reader::document::{Source, parse};
    let text = "Resolution 2500 (2019)\n\nThe Security Council,\n\n\
        1. Decides that all States shall:\n\n\
        (a) Implement resolution 1373 (2001) in full;\n\n\
        (b) Report to the Committee;\n\n\
        2. Recalls resolution 2178 (2014).\n";
    let doc = parse(text, Source::Embedded);
    let mut a = App::new(doc, Default::default(), Lang::En, false, (100, 30));
    goto(&mut a, "op-1");
    keys(&mut a, "r");
    let panel = a.ref_panel().expect("1. cites what its (a) cites");
    assert_eq!(panel.ids, ["unsc-1373-2001"]);
    // Its list marks the item as where reading is, and goes on from it.
    keys(&mut a, "<Enter>");
    let list = a.citing_list().unwrap();
    assert!(list.is_here(&list.rows[0]), "{:?}", list.rows);
    let s = screen(&mut a);
    assert!(s.lines().any(|l| l.contains("• ")), "{s}");
    keys(&mut a, "<Esc><Esc>");
    // An item alone cites only its own.
    goto(&mut a, "op-1-b");
    keys(&mut a, "r");
    assert!(a.overlays().is_empty());
    assert!(status_line(&mut a).contains("op-1-b cites no reference"));
}

/// Short of room, a card's line of facts leaves out the kind, then the
/// date, rather than cut its symbol short (`A/RES/60/2…`).
#[test]
fn a_cards_symbol_is_never_cut_short() {
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut a = app(w, h);
        keys(&mut a, ":pre-3<Enter>r");
        let s = screen(&mut a);
        assert!(s.contains("A/RES/60/288 ·"), "{w}×{h}:\n{s}");
    }
}
