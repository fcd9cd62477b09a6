//! Search, the hit list, fuzzy go-to and the jump history, through
//! `App::update` key sequences (searches answered at once).

mod common;
use common::*;

use dushanbe_reader::action::{Action, Effect};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::search::HitKind;

fn hit_ids(a: &dushanbe_reader::app::App) -> Vec<String> {
    let s = a.search().unwrap();
    (0..s.visible.len())
        .map(|i| a.doc().paragraphs[s.hit(i).0].id.to_string())
        .collect()
}

#[test]
fn typing_searches_incrementally_and_lands_on_the_first_hit() {
    let mut a = app(120, 40);
    keys(&mut a, "/重");
    assert!(a.search_line_open());
    let n_short = a.search().unwrap().visible.len();
    keys(&mut a, "申");
    let s = a.search().unwrap();
    assert!(s.answered);
    assert!(s.visible.len() < n_short, "a longer query has fewer hits");
    assert_eq!(
        hit_ids(&a),
        ["pre-4", "pre-5", "op-4", "op-4", "op-5", "op-7", "op-14"]
    );
    // While typing, the reader already shows the first hit.
    assert_eq!(current_id(&mut a), "pre-4");
    assert!(screen(&mut a).contains("search: 重申▏"));
    assert!(screen(&mut a).contains("7 hits"));
    keys(&mut a, "<Enter>");
    assert!(!a.search_line_open());
    assert!(screen(&mut a).contains("“重申” hit 1/7"));
}

#[test]
fn esc_cancels_and_returns_to_where_reading_was() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-2<Enter>");
    let before = a.top_row();
    keys(&mut a, "/互联网");
    assert_eq!(current_id(&mut a), "op-13");
    keys(&mut a, "<Esc>");
    assert!(a.search().is_none());
    assert_eq!(a.top_row(), before);
    // Erasing the whole query also goes back.
    keys(&mut a, "/互<BS><BS>");
    assert!(a.search().is_none());
    assert_eq!(a.top_row(), before);
}

/// `/` then `Esc` brings the kept search back as it was, on its hit.
#[test]
fn esc_brings_the_kept_search_back_on_its_hit() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>nn");
    assert!(status_line(&mut a).contains("“重申” hit 3/7"));
    let top = a.top_row();
    keys(&mut a, "/<Esc>");
    assert_eq!(a.search().unwrap().current, Some(2));
    assert!(
        status_line(&mut a).contains("“重申” hit 3/7"),
        "{}",
        status_line(&mut a)
    );
    assert_eq!(a.top_row(), top);
    keys(&mut a, "n");
    assert!(status_line(&mut a).contains("“重申” hit 4/7"));
}

/// `n` and `N` on a search's only hit say so, rather than seem dead;
/// moved away from it, they go back to it as well.
#[test]
fn n_on_the_only_hit_says_it_is_the_only_one() {
    for (lang, said) in [(Lang::En, "this is the only hit"), (Lang::Zh, "只有这一处")] {
        let mut a = app_in(lang, 60, 20);
        keys(&mut a, "/青年<Enter>");
        assert_eq!(a.search().unwrap().visible.len(), 1);
        let hit = current_id(&mut a);
        for key in ["n", "N"] {
            keys(&mut a, key);
            assert_eq!(a.notice_text().as_deref(), Some(said), "{key}");
            assert!(status_line(&mut a).contains(said), "{key}");
            assert_eq!(current_id(&mut a), hit);
        }
        keys(&mut a, "gg");
        keys(&mut a, "n");
        assert_eq!(current_id(&mut a), hit);
    }
}

#[test]
fn n_and_capital_n_step_through_hits_with_wrap_around() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>");
    assert_eq!(a.search().unwrap().current, Some(0));
    keys(&mut a, "n");
    assert_eq!(a.search().unwrap().current, Some(1));
    assert_eq!(current_id(&mut a), "pre-5");
    keys(&mut a, "nnnnn");
    assert_eq!(a.search().unwrap().current, Some(6));
    assert_eq!(current_id(&mut a), "op-14");
    assert_eq!(a.notice_text(), None);
    keys(&mut a, "n");
    assert_eq!(a.search().unwrap().current, Some(0), "wraps to the first");
    // Said, as it is not the next hit down.
    assert_eq!(
        a.notice_text().as_deref(),
        Some("past the last hit: back at the first")
    );
    keys(&mut a, "N");
    assert_eq!(a.search().unwrap().current, Some(6), "and back to the last");
    assert!(screen(&mut a).contains("hit 7/7"));
    assert_eq!(
        a.notice_text().as_deref(),
        Some("before the first hit: on at the last")
    );
    keys(&mut a, "N");
    assert_eq!(a.notice_text(), None);
}

#[test]
fn folding_full_width_and_case() {
    let mut a = app(120, 40);
    keys(&mut a, "/1373(2001)<Enter>");
    assert_eq!(hit_ids(&a), ["op-5"]);
    keys(&mut a, "<Esc>/osce<Enter>");
    assert_eq!(hit_ids(&a), ["intro-1"]);
}

#[test]
fn pinyin_whole_syllables_and_initials() {
    for q in ["hulianwang", "hu lian wang", "hlw"] {
        let mut a = app(120, 40);
        keys(&mut a, &format!("/{q}<Enter>"));
        assert_eq!(hit_ids(&a), ["op-13"], "{q}");
        let (_, hit) = a.current_hit().unwrap();
        assert_eq!(hit.kind, HitKind::Pinyin);
        assert_eq!(current_id(&mut a), "op-13");
    }
    let mut a = app(120, 40);
    keys(&mut a, "/chongshen<Enter>");
    assert_eq!(hit_ids(&a).len(), 7);
}

#[test]
fn no_hits_is_said() {
    let mut a = app(120, 40);
    keys(&mut a, "/量子计算");
    assert!(screen(&mut a).contains("no hits"));
    keys(&mut a, "<Enter>n");
    assert_eq!(a.notice_text().as_deref(), Some("no hits for “量子计算”"));
    let mut b = app(120, 40);
    keys(&mut b, "n");
    assert_eq!(
        b.notice_text().as_deref(),
        Some("no search (press / to search)")
    );
}

#[test]
fn the_outline_counts_hits_and_f_narrows_it() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>");
    let s = screen(&mut a);
    let op4 = s.lines().find(|l| l.contains(" 4. 重申")).unwrap();
    assert!(op4.contains("×2"), "{op4}");
    keys(&mut a, "f");
    let listed: Vec<String> = a
        .outline_entries()
        .iter()
        .filter_map(|e| match e {
            dushanbe_reader::app::Entry::Para(p) => Some(a.doc().paragraphs[p].id.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(listed, ["pre-4", "pre-5", "op-4", "op-5", "op-7", "op-14"]);
    keys(&mut a, "f");
    assert!(a.outline_entries().len() > 29);
}

#[test]
fn the_hit_list_shows_context_and_enter_jumps() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>s");
    assert_eq!(a.hit_list(), Some(0));
    let s = screen(&mut a);
    assert!(s.contains("7 hits for “重申”"), "{s}");
    let row = s.lines().find(|l| l.contains("op-14")).unwrap();
    assert!(row.contains("我们重申，我们愿意"), "{row}");
    keys(&mut a, "jjj<Enter>");
    assert!(a.hit_list().is_none());
    assert_eq!(a.search().unwrap().current, Some(3));
    assert_eq!(current_id(&mut a), "op-4");
    // Ctrl-F opens it too; Esc closes it without moving.
    let top = a.top_row();
    keys(&mut a, "<C-f><Esc>");
    assert!(a.hit_list().is_none());
    assert_eq!(a.top_row(), top);
}

#[test]
fn the_hit_list_marks_pinyin_hits() {
    let mut a = app(120, 40);
    keys(&mut a, "/hlw<Enter>s");
    let s = screen(&mut a);
    let row = s.lines().find(|l| l.contains("op-13")).unwrap();
    assert!(row.contains("互联网") && row.contains("pinyin"), "{row}");
}

#[test]
fn esc_clears_a_kept_search_and_never_quits() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>");
    assert_eq!(keys(&mut a, "<Esc>"), Effect::None);
    assert!(a.search().is_none());
    assert_eq!(keys(&mut a, "<Esc>"), Effect::None);
}

#[test]
fn search_works_within_a_theme_filter() {
    let mut a = app(120, 40);
    keys(&mut a, "t1t/重申<Enter>");
    // Of the seven hits only op-7's is in a financing paragraph.
    assert_eq!(hit_ids(&a), ["op-7"]);
    keys(&mut a, "0");
    assert_eq!(hit_ids(&a).len(), 7, "clearing the filter brings them back");
}

#[test]
fn go_to_by_words_and_pinyin() {
    let mut a = app(120, 40);
    keys(&mut a, ":互联网");
    assert_eq!(
        a.doc().paragraphs[a.goto_line().unwrap().candidates[0].paragraph].id,
        "op-13"
    );
    assert!(screen(&mut a).contains("Enter goes there"));
    keys(&mut a, "<Enter>");
    assert_eq!(current_id(&mut a), "op-13");
    keys(&mut a, ":hulianwang<Enter>");
    assert_eq!(current_id(&mut a), "op-13");
    keys(&mut a, ":性别敏感<Enter>");
    assert_eq!(current_id(&mut a), "op-11");
    // An id that does not exist is still an error, not a fuzzy match.
    keys(&mut a, ":op-99<Enter>");
    assert!(
        a.notice_text()
            .as_deref()
            .unwrap()
            .contains("no paragraph “op-99”")
    );
}

#[test]
fn the_jump_history_goes_back_and_forward() {
    let mut a = app(120, 40);
    let start = a.top_row();
    keys(&mut a, ":5<Enter>");
    let at5 = a.top_row();
    keys(&mut a, "/互联网<Enter>");
    assert_eq!(current_id(&mut a), "op-13");
    keys(&mut a, "G");
    assert_eq!(current_id(&mut a), "op-16");
    keys(&mut a, "<C-o>");
    assert_eq!(current_id(&mut a), "op-13");
    keys(&mut a, "<C-o>");
    assert_eq!(a.top_row(), at5);
    keys(&mut a, "<C-o>");
    assert_eq!(a.top_row(), start);
    keys(&mut a, "<C-o>");
    assert_eq!(a.notice_text().as_deref(), Some("no earlier position"));
    keys(&mut a, "<C-n><C-n>");
    assert_eq!(current_id(&mut a), "op-13");
    keys(&mut a, "<C-n>");
    assert_eq!(current_id(&mut a), "op-16");
    // Moving through the outline and opening a paragraph is one jump,
    // from where reading was before the outline moved it.
    keys(&mut a, "<Tab>");
    assert_eq!(a.effective_focus(), dushanbe_reader::app::Focus::Outline);
    let before = a.top_row();
    keys(&mut a, "kk<Enter>");
    assert_eq!(current_id(&mut a), "op-14");
    keys(&mut a, "<C-o>");
    assert_eq!(a.top_row(), before);
}

#[test]
fn highlights_land_on_the_right_columns() {
    let mut a = app(120, 40);
    keys(&mut a, "/1373(2001)<Enter>");
    let buf = render_buffer(&mut a);
    let (x, y) = find_on_screen(&buf, "1373（2001）").unwrap();
    use ratatui::style::Modifier;
    // No colour in tests: the current hit is reversed, every character of
    // it (a wide character's style is on its first cell).
    let mut dx = 0;
    for c in "1373（2001）".chars() {
        assert!(
            buf[(x + dx, y)].modifier.contains(Modifier::REVERSED),
            "{c}"
        );
        dx += unicode_width::UnicodeWidthChar::width(c).unwrap() as u16;
    }
    assert_eq!(dx, 12);
    assert!(!buf[(x + dx, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn answers_for_an_old_query_are_ignored() {
    let mut a = app(120, 40);
    a.update(Action::StartSearch);
    a.update(Action::PromptChar('重'));
    let stale = a.take_requests();
    a.update(Action::PromptChar('申'));
    a.run_requests();
    let now = a.search().unwrap().visible.len();
    // The answer to “重” arrives late and must not replace “重申”'s.
    for job in stale {
        a.receive(job.answer());
    }
    assert_eq!(a.search().unwrap().visible.len(), now);
    assert_eq!(a.search().unwrap().query, "重申");
}

#[test]
fn erasing_a_search_puts_outline_and_reader_back_together() {
    let mut a = app(120, 40);
    keys(&mut a, "/互联网<Enter>f/zzz<BS><BS><BS><BS>");
    assert!(a.search().is_none());
    assert!(
        a.outline_entries().len() > 29,
        "the outline lists everything again"
    );
    assert_eq!(selected_id(&a), current_id(&mut a));
}

#[test]
fn a_filter_change_forgets_the_current_hit_index() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>nnn");
    keys(&mut a, "t1t");
    assert_eq!(a.search().unwrap().current, None);
    keys(&mut a, "n");
    assert_eq!(current_id(&mut a), "op-7");
}

#[test]
fn outline_g_and_capital_g_are_jumps_too() {
    let mut a = app(120, 40);
    keys(&mut a, "G");
    assert_eq!(current_id(&mut a), "op-16");
    keys(&mut a, "<C-o>");
    assert_eq!(current_id(&mut a), "intro-1");
}

#[test]
fn a_paste_goes_whole_into_the_open_line() {
    let mut a = app(100, 30);
    keys(&mut a, "/");
    // Copied across a line break of a page: joined as wrapped lines are.
    a.paste("恐怖\n主义");
    a.run_requests();
    assert!(a.search_line_open(), "the newline did not submit");
    assert_eq!(a.search().unwrap().query, "恐怖主义");
    assert!(!screen(&mut a).contains("no hits"));
    keys(&mut a, "<Esc>:");
    a.paste("line1\nline2\u{1b}]0;x\u{7}");
    let typed = a.goto_line().unwrap().line.value().to_string();
    assert_eq!(
        typed, "line1 line2␛]0;x␇",
        "words on two lines with a space between, controls placeholders"
    );
}

#[test]
fn a_paste_with_no_line_open_searches_for_it() {
    let mut a = app(100, 30);
    a.paste("互联网");
    a.run_requests();
    assert!(a.search_line_open());
    assert_eq!(current_id(&mut a), "op-13");
    keys(&mut a, "<Enter>");
    assert_eq!(a.search().unwrap().query, "互联网");
}

#[test]
fn section_counts_follow_the_hits_only_outline() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>f");
    let s = screen(&mut a);
    // 重申 is in pre-4 and pre-5 of the preamble's ten clauses.
    assert!(s.contains("▾ Preamble (2/10)"), "{s}");
    keys(&mut a, "f");
    assert!(screen(&mut a).contains("▾ Preamble (10)"));
}

#[test]
fn notes_are_searched_too_and_listed_apart() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-2<Enter>a见安理会第1373号决议<C-s>g");
    keys(&mut a, "/1373<Enter>s");
    let s = screen(&mut a);
    assert!(s.contains("1 hit and 1 in notes for “1373”"), "{s}");
    assert!(s.contains("✎ op-2"), "{s}");
    // The note's hit comes after the text's; Enter goes to its paragraph.
    keys(&mut a, "j<Enter>");
    assert_eq!(current_id(&mut a), "op-2");
}

#[test]
fn go_to_candidates_are_chosen_with_the_arrows_and_nonsense_finds_nothing() {
    let mut a = app(120, 40);
    keys(&mut a, ":恐怖主义");
    let cands: Vec<usize> = a
        .goto_line()
        .unwrap()
        .candidates
        .iter()
        .map(|m| m.paragraph)
        .collect();
    assert!(cands.len() >= 3);
    keys(&mut a, "<Down><Down><Up><Tab>");
    assert_eq!(a.goto_line().unwrap().chosen, 2);
    keys(&mut a, "<Enter>");
    assert_eq!(a.current().unwrap(), cands[2]);
    // Each candidate shows where it matched, not just its opening.
    keys(&mut a, ":互联网");
    let s = screen(&mut a);
    let row = s.lines().find(|l| l.contains("op-13")).unwrap();
    assert!(row.contains("将互联网用于"), "{row}");
    keys(&mut a, "<Esc>:abc<Enter>");
    assert_eq!(current_id(&mut a), a.doc().paragraphs[cands[2]].id);
    assert!(status_line(&mut a).contains("no paragraph matches “abc”"));
}

#[test]
fn a_candidate_deep_in_a_long_paragraph_shows_its_match_in_context() {
    let text = format!(
        "1. {}中亚反恐合作{}\n\n2. 其他。\n",
        "甲乙丙丁".repeat(5_000),
        "戊己".repeat(5_000)
    );
    let doc = dushanbe_reader::document::parse(&text, dushanbe_reader::document::Source::Embedded);
    let mut a = dushanbe_reader::app::App::new(
        doc,
        dushanbe_reader::themes::Themes::builtin(),
        dushanbe_reader::i18n::Lang::En,
        false,
        (80, 24),
    );
    keys(&mut a, ":中亚反恐");
    let s = screen(&mut a);
    let row = s
        .lines()
        .find(|l| l.contains("op-1 "))
        .unwrap_or_else(|| panic!("{s}"));
    // A little before it, cut with `…`, the match, and what follows.
    let (before, after) = row.split_once("中亚反恐").unwrap();
    assert!(
        before.ends_with("甲乙丙丁") && before.contains('…'),
        "{row}"
    );
    assert!(after.starts_with("合作戊己戊己"), "{row}");
}

#[test]
fn a_long_paste_is_cut_for_a_line_and_whole_for_a_note() {
    let mut a = app(100, 30);
    let long = "恐怖".repeat(30_000);
    keys(&mut a, "/");
    a.paste(&long);
    assert_eq!(
        a.search_line().unwrap().line.value().chars().count(),
        dushanbe_reader::app::PROMPT_PASTE_LIMIT
    );
    keys(&mut a, "<Esc>a");
    a.paste(&long);
    keys(&mut a, "<C-s>");
    assert_eq!(a.notes().next().unwrap().text.chars().count(), 60_000);
}

#[test]
fn a_search_found_only_in_notes_says_so() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-7<Enter>aqzxwv<C-s>");
    assert_eq!(a.notes().count(), 1);
    keys(&mut a, "/qzxwv");
    let line = status_line(&mut a);
    assert!(line.contains("no hits · 1 in notes"), "{line}");
    keys(&mut a, "<Enter>n");
    assert_eq!(
        a.notice_text().unwrap(),
        "“qzxwv” is only in notes (1): s lists them"
    );
    keys(&mut a, "s");
    assert!(a.hit_list().is_some());
}

/// A kept search found only in notes says so on a narrow status line
/// too, not `no hits` alone, in either language.
#[test]
fn a_kept_search_found_only_in_notes_says_so_when_narrow() {
    use dushanbe_reader::i18n::Lang;
    for (lang, said) in [(Lang::En, "1 in notes"), (Lang::Zh, "笔记中 1 个")] {
        for w in [60, 80] {
            let mut a = app_in(lang, w, 24);
            keys(
                &mut a,
                ":op-7<Enter>aqzxwvbnmlkjhgfdsa<C-s>/qzxwvbnmlkjhgfdsa<Enter>",
            );
            let line = status_line(&mut a);
            assert!(line.contains(said), "{lang:?} {w}: {line}");
        }
    }
}

/// `n`, `s` and `f` pressed before a search has its answer (the first
/// search of a large text builds its index first) say it is still
/// searching, not that there is no search; once answered, `n` goes on.
#[test]
fn stepping_before_the_answer_says_the_search_is_still_going() {
    let mut a = app(80, 24);
    let mut typed = vec![Action::StartSearch];
    typed.extend("重申".chars().map(Action::PromptChar));
    typed.push(Action::PromptSubmit);
    press(&mut a, &typed);
    assert!(!a.search().unwrap().answered, "nothing answered yet");
    for action in [Action::NextHit, Action::OpenHitList] {
        press(&mut a, &[action]);
        let notice = a.notice_text().unwrap();
        assert!(notice.contains("still searching for “重申”"), "{notice}");
    }
    a.run_requests();
    press(&mut a, &[Action::NextHit]);
    assert!(a.search().unwrap().current.is_some());
}

/// The go-to line says it is searching while words typed in it wait for
/// their candidates, and stops saying so when they come.
#[test]
fn the_go_to_line_says_searching_until_the_candidates_come() {
    let mut a = app(80, 24);
    let mut typed = vec![Action::StartGoto];
    typed.extend("互联网".chars().map(Action::PromptChar));
    press(&mut a, &typed);
    assert!(
        status_line(&mut a).contains("searching…"),
        "{}",
        status_line(&mut a)
    );
    a.run_requests();
    let s = status_line(&mut a);
    assert!(
        !s.contains("searching…") && s.contains("go to: 互联网"),
        "{s}"
    );
    // An id is not searched for.
    press(&mut a, &[Action::PromptDeleteToStart]);
    press(
        &mut a,
        &"13".chars().map(Action::PromptChar).collect::<Vec<_>>(),
    );
    assert!(!status_line(&mut a).contains("searching…"));
}

/// A hit list longer than its box says where the view is in its bottom
/// border, and that there is more below, then above.
#[test]
fn a_long_hit_list_says_where_it_is() {
    let mut a = app(80, 24);
    keys(&mut a, "/的<Enter>s");
    let n = a.search().unwrap().visible.len();
    assert!(n > 30, "{n} hits");
    let s = screen(&mut a);
    assert!(s.contains(&format!("/{n} ↓ ")), "{s}");
    assert!(s.contains(" 1–"), "{s}");
    keys(&mut a, "G");
    let s = screen(&mut a);
    assert!(s.contains(&format!("–{n}/{n} ↑ ")), "{s}");
}

/// Without colour, the selected row of the hit list is reversed, and its
/// match is cut out of it, underlined, rather than reversed as the row is
/// and so lost in it.
#[test]
fn the_selected_rows_match_shows_without_colour() {
    use ratatui::style::Modifier;
    let mut a = app(100, 30);
    keys(&mut a, "/重申<Enter>s");
    let buf = render_buffer(&mut a);
    let row = (0..buf.area.height)
        .find(|&y| {
            let reversed = (0..buf.area.width)
                .filter(|&x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
                .count();
            reversed > 40 && y + 1 < buf.area.height
        })
        .expect("a selected row");
    let cut_out: String = (0..buf.area.width)
        .filter(|&x| {
            let m = buf[(x, row)].modifier;
            m.contains(Modifier::UNDERLINED) && !m.contains(Modifier::REVERSED)
        })
        .map(|x| buf[(x, row)].symbol().to_string())
        .collect();
    assert_eq!(cut_out, "重申", "{}", buffer_text(&buf));
}

/// `/` then Enter on the search kept from before goes to its first hit
/// from where reading is, as typing it anew would, so that what `y`
/// copies is the hit's paragraph the status line counts.
#[test]
fn the_kept_search_submitted_again_goes_to_its_first_hit_from_here() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>:op-5<Enter>");
    assert_eq!(current_id(&mut a), "op-5");
    keys(&mut a, ":op-6<Enter>/<Enter>");
    assert_eq!(current_id(&mut a), "op-7");
    assert!(
        status_line(&mut a).contains("“重申” hit 6/7"),
        "{}",
        status_line(&mut a)
    );
    // And the place it left is one Ctrl-O back.
    keys(&mut a, "<C-o>");
    assert_eq!(current_id(&mut a), "op-6");
    // Past the last hit, it wraps to the first.
    keys(&mut a, ":op-15<Enter>/<Enter>");
    assert_eq!(current_id(&mut a), "pre-4");
}

/// Typed and submitted faster than the worker answers: the answer, when
/// it comes, shows the first hit from where reading was, one `Ctrl-O`
/// from there.
#[test]
fn a_search_answered_after_enter_still_goes_to_its_first_hit() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-3<Enter>");
    let typed = [
        Action::StartSearch,
        Action::PromptChar('重'),
        Action::PromptChar('申'),
        Action::PromptSubmit,
    ];
    press(&mut a, &typed);
    assert_eq!(current_id(&mut a), "op-3");
    a.run_requests();
    assert_eq!(current_id(&mut a), "op-4");
    assert!(
        status_line(&mut a).contains("hit 3/7"),
        "{}",
        status_line(&mut a)
    );
    keys(&mut a, "<C-o>");
    assert_eq!(current_id(&mut a), "op-3");
}
