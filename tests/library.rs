//! Several texts at once, through the real keymap: the texts list, moving
//! between texts with each keeping its own place, the filter and search
//! going along and counted across the library (or not, after `L`), `n`
//! crossing into the next text, the hit list's groups, and texts that are
//! still loading or could not be opened.

mod common;

use common::{current_id, keys, screen, status_line};
use dushanbe_reader::app::{App, Overlay};
use dushanbe_reader::i18n::{Lang, Warning};
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load::{load_bytes, load_embedded};
use dushanbe_reader::store::{DocKey, DocState};
use dushanbe_reader::themes::Themes;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn loaded(name: &str) -> Result<(DocIndex, DocKey, DocState), String> {
    let text = fixture(name);
    let l = load_bytes(
        text.as_bytes(),
        dushanbe_reader::document::Source::File(name.into()),
    );
    Ok((
        DocIndex::new(l.document, &Themes::builtin()),
        l.key,
        DocState::default(),
    ))
}

/// The declaration, then the English GA resolution, the joint statement
/// and the Chinese law, all loaded, at `w`×`h`.
fn library(w: u16, h: u16, lang: Lang) -> App {
    let mut app = App::new(
        load_embedded().document,
        Themes::builtin(),
        lang,
        false,
        (w, h),
    );
    let names = [
        "dushanbe-declaration.zh.txt",
        "ga-resolution.en.txt",
        "joint-statement.en.txt",
        "law.zh.txt",
    ];
    app.start_library(names.iter().map(|s| s.to_string()).collect(), 0);
    for (i, name) in names.iter().enumerate().skip(1) {
        app.add_document(i, loaded(name));
    }
    app
}

#[test]
fn the_texts_list_shows_each_text_and_enter_opens_one() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, "D");
    let s = screen(&mut app);
    assert!(s.contains("Texts (4)"), "{s}");
    assert!(s.contains("▸ 1 杜尚别宣言 · 杜尚别，2018年5月3-4日"), "{s}");
    assert!(
        s.contains("Tashkent Joint Statement on Youth and Prevention"),
        "{s}"
    );
    assert!(s.contains("29 ¶"), "{s}");
    keys(&mut app, "jj<Enter>");
    assert_eq!(app.library().current(), 2);
    assert!(app.doc().title.as_deref().unwrap().starts_with("Tashkent"));
    assert!(
        status_line(&mut app).starts_with(" 3/4 Tashkent"),
        "{}",
        status_line(&mut app)
    );
}

#[test]
fn each_text_keeps_its_own_place() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, ":op-7<Enter>");
    assert_eq!(current_id(&mut app), "op-7");
    keys(&mut app, ">");
    assert_eq!(app.library().current(), 1);
    keys(&mut app, ":op-3-b<Enter>");
    assert_eq!(current_id(&mut app), "op-3-b");
    keys(&mut app, "<");
    assert_eq!(current_id(&mut app), "op-7");
    keys(&mut app, ">");
    assert_eq!(current_id(&mut app), "op-3-b");
    // `<` from the first text goes round to the last.
    keys(&mut app, "<<");
    assert_eq!(app.library().current(), 3);
}

#[test]
fn the_filter_goes_along_and_is_counted_across_the_library() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, "ty<Esc>");
    let total = app.library_filter_total().unwrap();
    assert!(total.0 > 4 && total.1 >= 2, "{total:?}");
    let line = status_line(&mut app);
    assert!(
        line.contains(&format!("{} in {} texts", total.0, total.1)),
        "{line}"
    );
    keys(&mut app, ">");
    assert!(app.filter().is_active(), "the filter came along");
    // `L`: each text its own — the next text is read unfiltered.
    keys(&mut app, "L>");
    assert!(!app.filter().is_active());
    assert!(app.library_filter_total().is_none());
    assert!(!status_line(&mut app).contains(" texts"));
}

#[test]
fn search_spans_the_library_and_n_crosses_into_the_next_text() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, "/young<Enter>");
    let (hits, texts) = app.library_hit_total().unwrap();
    assert!(hits >= 3 && texts >= 2, "{hits} hits in {texts} texts");
    assert_eq!(
        app.search().unwrap().visible.len(),
        0,
        "none in the declaration"
    );
    keys(&mut app, "n");
    assert_ne!(app.library().current(), 0, "n went to a text with hits");
    let here = app.library().current();
    let n_here = app.search().unwrap().visible.len();
    assert_eq!(app.search().unwrap().current, Some(0));
    for _ in 0..n_here {
        keys(&mut app, "n");
    }
    assert_ne!(
        app.library().current(),
        here,
        "past the last hit: the next text"
    );
    keys(&mut app, "N");
    assert_eq!(
        app.library().current(),
        here,
        "N goes back to the last hit there"
    );
    assert_eq!(app.search().unwrap().current, Some(n_here - 1));
    // Past the library's last hit, round to its first, and said so (as in
    // one text), not as the next text down.
    let (total, _) = app.library_hit_total().unwrap();
    let mut wrapped = false;
    for _ in 0..total {
        let before = app.library().current();
        keys(&mut app, "n");
        let status = status_line(&mut app);
        let said = status.contains("past the last hit: back at the first");
        assert_eq!(said, app.library().current() < before, "{status}");
        if said {
            wrapped = true;
            break;
        }
    }
    assert!(wrapped, "n came round to the first text's hits");
    // And back from there.
    keys(&mut app, "N");
    let status = status_line(&mut app);
    assert!(
        status.contains("before the first hit: on at the last"),
        "{status}"
    );
}

/// Where the text being read has no hits and others have, the status line
/// says so at any width: `no hits` alone would say the search found
/// nothing, though `n` goes on to them. Beside a filter of three themes.
#[test]
fn no_hits_here_keeps_the_hits_in_other_texts() {
    for (w, lang, said) in [
        (120, Lang::En, "in 2 texts"),
        (80, Lang::En, "in 2 texts"),
        (60, Lang::En, "in 2 texts"),
        (80, Lang::Zh, "2 篇中共"),
        (60, Lang::Zh, "2 篇中共"),
    ] {
        let mut app = library(w, 24, lang);
        keys(&mut app, "t124t/young<Enter>");
        assert_eq!(app.search().unwrap().visible.len(), 0);
        let status = status_line(&mut app);
        assert!(status.contains(said), "{w}: {status}");
    }
}

/// In a library the filter's shortest form is never a bare count, which
/// would read as the text's number beside it (`2/4 │ … │ 5/11`): its
/// themes are counted with their symbol, or its one theme named.
#[test]
fn a_librarys_filter_is_never_a_bare_count() {
    let bare = |status: &str| {
        status
            .split('│')
            .skip(1)
            .any(|part| part.trim().split('/').all(|n| n.parse::<u32>().is_ok()))
    };
    for w in [60, 70, 80, 100, 120] {
        for (themes, named) in [("124", "∨"), ("2", "youth")] {
            let mut app = library(w, 24, Lang::En);
            keys(&mut app, &format!("t{themes}t/young<Enter>>"));
            let status = status_line(&mut app);
            assert!(!bare(&status), "{w}: {status}");
            assert!(status.contains(named), "{w}: {status}");
            // Round past the last hit, the text's number stays beside the
            // notice that says so.
            for _ in 0..20 {
                keys(&mut app, "n");
                let status = status_line(&mut app);
                if status.contains("past the last hit") {
                    let number = format!(" {}/4 ", app.library().current() + 1);
                    assert!(status.starts_with(&number), "{w}: {status}");
                    break;
                }
            }
        }
    }
}

/// The texts list says what the filter and the search each find in each
/// text, both where both are on.
#[test]
fn the_texts_list_counts_both_the_filter_and_the_search() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, "t2tD");
    let s = screen(&mut app);
    assert!(s.contains(" matching · ") && !s.contains(" hits · "), "{s}");
    keys(&mut app, "<Esc>/young<Enter>D");
    let s = screen(&mut app);
    let row = s.lines().find(|l| l.contains("Tashkent")).unwrap_or("");
    let (hits, matching) = (row.find(" hits · "), row.find(" matching · "));
    assert!(
        hits.is_some() && matching.is_some() && hits < matching,
        "{row}"
    );
    keys(&mut app, "<Esc>0D");
    let s = screen(&mut app);
    assert!(!s.contains(" matching · ") && s.contains(" hits · "), "{s}");
    // Narrow, without the paragraph counts, so that titles keep room.
    let mut app = library(60, 20, Lang::En);
    keys(&mut app, "t2t/young<Enter>D");
    let s = screen(&mut app);
    let row = s.lines().find(|l| l.contains("4 预防")).unwrap_or("");
    assert!(row.contains("matching") && !row.contains('¶'), "{s}");
    assert!(row.contains("预防暴力极端主义法（示例）"), "{s}");
}

#[test]
fn the_hits_of_the_text_left_behind_still_count() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, "/极端<Enter>");
    let (hits, texts) = app.library_hit_total().unwrap();
    let here = app.search().unwrap().visible.len();
    assert!(here > 0 && texts >= 2, "{hits} hits in {texts} texts");
    keys(&mut app, ">");
    assert_eq!(app.library_hit_total(), Some((hits, texts)), "after >");
    keys(&mut app, ">>");
    assert_eq!(app.library_hit_total(), Some((hits, texts)), "after >>");
    // n comes round to the first text again.
    for _ in 0..hits + 1 {
        keys(&mut app, "n");
    }
    assert_eq!(app.library_hit_total(), Some((hits, texts)));
    let mut seen = std::collections::HashSet::new();
    for _ in 0..hits {
        keys(&mut app, "n");
        seen.insert(app.library().current());
    }
    assert_eq!(seen.len(), texts, "n visits every text with hits");
}

#[test]
fn the_hit_list_groups_other_texts_and_enter_opens_their_hits() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, "/young<Enter>s");
    let s = screen(&mut app);
    // The title says what is here apart from what is in the others: the
    // declaration has no "young", and `0 hits` alone reads as a failure.
    let (hits, texts) = app.library_hit_total().unwrap();
    let title = format!("“young”: 0 hits here · {hits} in {texts} texts — Enter goes there");
    assert!(s.contains(&title), "{s}");
    assert!(s.contains("── 2 90/123."), "{s}");
    assert!(s.contains("── 3 Tashkent Joint Statement"), "{s}");
    assert!(s.contains("2:op-"), "{s}");
    // The first row is the heading of text 2; the second its first hit.
    keys(&mut app, "j<Enter>");
    assert_eq!(app.library().current(), 1);
    let (p, _) = app.current_hit().unwrap();
    assert!(
        app.doc().paragraphs[p]
            .text
            .to_lowercase()
            .contains("young")
            || app.doc().paragraphs[p]
                .text
                .to_lowercase()
                .contains("youth")
    );
}

/// At 60 columns a text's heading in the hit list cuts its title, not its
/// count of hits.
#[test]
fn a_narrow_hit_list_keeps_each_texts_count_of_hits() {
    let mut app = library(60, 20, Lang::En);
    keys(&mut app, "/young<Enter>s");
    let s = screen(&mut app);
    let heading = s
        .lines()
        .find(|l| l.contains("── 2 "))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(
        heading.contains('…') && heading.contains(" · "),
        "{heading}"
    );
    assert!(heading.contains("hit"), "{heading}");
}

#[test]
fn texts_still_loading_or_broken_say_so() {
    let mut app = App::new(
        load_embedded().document,
        Themes::builtin(),
        Lang::En,
        false,
        (120, 40),
    );
    app.start_library(vec!["a.txt".into(), "b.txt".into(), "c.txt".into()], 0);
    app.add_document(2, Err("c.txt: no such file".into()));
    keys(&mut app, ">");
    assert_eq!(app.library().current(), 0);
    assert!(app.notice_text().unwrap().contains("still loading"));
    keys(&mut app, "D");
    let s = screen(&mut app);
    assert!(s.contains("loading…"), "{s}");
    assert!(s.contains("c.txt · c.txt: no such file"), "{s}");
    assert!(s.contains("cannot open"), "{s}");
    keys(&mut app, "G<Enter>");
    assert!(app.notice_text().unwrap().starts_with("cannot open c.txt"));
    // Said once, without the file's name twice, while the first text is
    // read; the texts list keeps saying it, not every other text.
    let said: Vec<String> = app.warnings().map(|w| w.text(Lang::En)).collect();
    assert_eq!(said, ["c.txt: no such file"]);
    app.add_document(1, loaded("law.zh.txt"));
    keys(&mut app, ">");
    assert_eq!(app.library().current(), 1);
    assert_eq!(app.warnings().count(), 0);
}

#[test]
fn one_text_alone_has_no_library_keys_to_speak_of() {
    let mut app = common::app(120, 40);
    keys(&mut app, ">");
    assert!(app.notice_text().unwrap().contains("only one text"));
    assert!(!status_line(&mut app).contains("1/1"));
}

#[test]
fn the_texts_list_in_chinese_at_80_columns() {
    let mut app = library(80, 24, Lang::Zh);
    keys(&mut app, "D");
    let s = screen(&mut app);
    assert!(s.contains("文本（4）"), "{s}");
    assert!(s.contains("29 段"), "{s}");
    insta::assert_snapshot!("library_texts_list_zh_80x24", s);
}

#[test]
fn the_texts_list_at_120x40() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, "ty<Esc>D");
    insta::assert_snapshot!("library_texts_list_filtered_120x40", screen(&mut app));
}

/// The declaration and a Security Council resolution that cites some of
/// what it does, at 120×40.
fn declaration_and_resolution() -> App {
    let mut app = App::new(
        load_embedded().document,
        Themes::builtin(),
        Lang::En,
        false,
        (120, 40),
    );
    app.start_library(vec!["declaration".into(), "sc-resolution.zh.txt".into()], 0);
    app.add_document(1, loaded("sc-resolution.zh.txt"));
    app
}

#[test]
fn the_citing_list_spans_the_library_and_enter_opens_the_other_text() {
    let mut app = declaration_and_resolution();
    keys(&mut app, ":pre-4<Enter>r<Enter>");
    let s = screen(&mut app);
    assert!(s.contains("2:"), "rows of the other text: {s}");
    assert!(s.contains(" in 2 texts cite "), "{s}");
    // The last row is in the other text.
    keys(&mut app, "G<Enter>");
    assert_eq!(app.library().current(), 1);
    let p = app.current().unwrap();
    assert!(
        app.index().refs().mentions(p).len() > 0,
        "{}",
        current_id(&mut app)
    );
}

#[test]
fn a_narrow_status_line_still_says_which_text_of_how_many() {
    let mut app = library(60, 20, Lang::En);
    keys(&mut app, ">");
    assert!(
        status_line(&mut app).starts_with(" 2/4 │"),
        "{}",
        status_line(&mut app)
    );
}

/// A text opened for the first time this run keeps its saved filter,
/// search and place when the text left behind has neither, and saves
/// them back unchanged.
#[test]
fn a_text_s_saved_filter_search_and_place_survive_opening_it_in_a_library() {
    use dushanbe_reader::store::{SavedFilter, SavedPosition};
    let mut app = common::app(120, 40);
    app.start_library(
        vec![
            "dushanbe-declaration.zh.txt".into(),
            "ga-resolution.en.txt".into(),
        ],
        0,
    );
    let (index, key, _) = loaded("ga-resolution.en.txt").unwrap();
    let saved = DocState {
        position: Some(SavedPosition {
            paragraph: "op-2".into(),
            offset: 0,
        }),
        filter: SavedFilter {
            themes: vec!["gender".into()],
            ..SavedFilter::default()
        },
        search: Some("Member".into()),
        ..DocState::default()
    };
    app.add_document(1, Ok((index, key, saved)));
    keys(&mut app, ">");
    assert_eq!(current_id(&mut app), "op-2");
    let gender = app.themes().position("gender").unwrap();
    assert_eq!(app.filter().themes().collect::<Vec<_>>(), [gender]);
    assert_eq!(app.search().map(|s| s.query.as_str()), Some("Member"));
    // Nothing moved: nothing to save over what is saved.
    assert!(!app.has_unsaved_position());
    assert!(app.state_to_save().is_none());
    // Back on the first text and on again: the library's filter and
    // search go along, as before.
    keys(&mut app, "<");
    assert_eq!(app.filter().themes().collect::<Vec<_>>(), [gender]);
}

/// A library reopened on its second text, whose state had a search: the
/// search asked on resuming, before the library was laid out, is answered
/// as that text's, and shows (it was taken for the first text's, and the
/// status line said nothing of it, though `n` went to its hits).
#[test]
fn a_search_resumed_on_a_later_text_shows() {
    let (index, key, _) = loaded("ga-resolution.en.txt").unwrap();
    let mut app = App::new(
        index.doc().clone(),
        Themes::builtin(),
        Lang::En,
        false,
        (120, 40),
    );
    app.set_doc_key(key);
    app.absorb_state(
        DocState {
            search: Some("Member".into()),
            ..DocState::default()
        },
        true,
    );
    let names = vec![
        "dushanbe-declaration.zh.txt".into(),
        "ga-resolution.en.txt".into(),
    ];
    app.start_library(names, 1);
    app.add_document(0, loaded("law.zh.txt"));
    app.run_requests();
    let search = app.search().expect("the search");
    assert!(search.answered && !search.visible.is_empty(), "{search:?}");
    let status = status_line(&mut app);
    assert!(status.contains("“Member”"), "{status}");
}

/// A filter or search cleared on the text being read stays cleared on the
/// next text, whatever that text last saved.
#[test]
fn a_cleared_filter_or_search_is_carried_cleared() {
    use dushanbe_reader::store::SavedFilter;
    let saved = |search: &str| DocState {
        filter: SavedFilter {
            themes: vec!["gender".into()],
            ..SavedFilter::default()
        },
        search: Some(search.into()),
        ..DocState::default()
    };
    for cleared in ["<Esc>", "0", "<Esc>0"] {
        let mut app = common::app(120, 40);
        app.absorb_state(saved("合作"), true);
        app.start_library(
            vec![
                "dushanbe-declaration.zh.txt".into(),
                "ga-resolution.en.txt".into(),
            ],
            0,
        );
        let (index, key, _) = loaded("ga-resolution.en.txt").unwrap();
        app.add_document(1, Ok((index, key, saved("Member"))));
        keys(&mut app, cleared);
        let (search, filter) = (app.search().is_some(), app.filter().is_active());
        keys(&mut app, ">");
        assert_eq!(app.library().current(), 1);
        assert_eq!(app.search().is_some(), search, "{cleared}: the search");
        assert_eq!(app.filter().is_active(), filter, "{cleared}: the filter");
    }
}

#[test]
fn a_filter_matching_nothing_here_says_which_text_and_what_the_others_have() {
    for (w, want) in [
        (120, "no paragraph matches youth · 8 in 3 texts"),
        (60, "no paragraph matches youth · 8 in 3 texts"),
    ] {
        let mut app = library(w, 20, Lang::En);
        keys(&mut app, ">>>t2t");
        let last = status_line(&mut app);
        assert!(last.starts_with(" 4/4 "), "{w}: {last}");
        assert!(last.contains(want), "{w}: {last}");
    }
    // In Chinese, how many paragraphs (段, where hits are 处) in how
    // many texts.
    let mut app = library(120, 20, Lang::Zh);
    keys(&mut app, ">>>t2t");
    let last = status_line(&mut app);
    assert!(last.contains("没有段落符合 青年 · 3 篇中共 8 段"), "{last}");
    // Matching nothing anywhere: said so, not `0 in 0 texts`.
    let mut app = library(120, 20, Lang::En);
    keys(&mut app, "t134mt");
    let last = status_line(&mut app);
    assert!(
        last.contains("│ no paragraph matches financing ∧ gender ∧ internet · none in any text"),
        "{last}"
    );
}

/// A notice that names the paragraph being read (a citation copied, a
/// mark set) takes the room of the paragraph's own name on a narrow line:
/// the citation reads whole, and which text of how many stays.
#[test]
fn a_notice_naming_the_paragraph_reads_whole_beside_the_text_number() {
    let mut app = library(60, 20, Lang::Zh);
    keys(&mut app, ">>>:第二条第（二）项<Enter>c");
    let line = status_line(&mut app);
    assert!(line.contains("已复制出处：第二条第（二）项"), "{line}");
    assert!(line.contains("4/4"), "{line}");
    keys(&mut app, "ma");
    let line = status_line(&mut app);
    assert!(
        line.contains("已设置标记 a：第二条第（二）项") && line.contains("4/4"),
        "{line}"
    );
}

#[test]
fn a_long_notice_leaves_the_paragraph_named_on_a_narrow_status_line() {
    // As a narrow line names it: the marker in English (`2.`), else the
    // id; in Chinese the name it is cited by.
    let named = |app: &mut App| {
        let p = app.current().unwrap();
        let para = &app.doc().paragraphs[p];
        match (app.lang(), para.number.is_some()) {
            (Lang::En, true) => para.marker(),
            (Lang::En, false) => para.id.to_string(),
            (Lang::Zh, _) => app.place_name(p),
        }
    };
    for lang in [Lang::En, Lang::Zh] {
        let mut app = library(60, 20, lang);
        // A long notice: the next text's name, then a reference filter.
        keys(&mut app, "/Member<Enter>><");
        let (last, name) = (status_line(&mut app), named(&mut app));
        assert!(last.contains(&name), "{lang:?}: {name} in {last}");
        keys(&mut app, ":ref 1373<Enter>");
        let (last, name) = (status_line(&mut app), named(&mut app));
        assert!(last.contains(&name), "{lang:?}: {name} in {last}");
    }
}

#[test]
fn ctrl_o_comes_back_from_a_jump_into_another_text_and_ctrl_n_goes_again() {
    // From the citing list, and from the hit list.
    for (there, go) in [
        (":pre-4<Enter>r<Enter>", "G<Enter>"),
        ("/合作<Enter>", "sG<Enter>"),
    ] {
        let mut app = declaration_and_resolution();
        keys(&mut app, there);
        let from = current_id(&mut app);
        keys(&mut app, go);
        assert_eq!(app.library().current(), 1, "{go}");
        let arrived = current_id(&mut app);
        keys(&mut app, "<C-o>");
        assert_eq!(app.library().current(), 0, "{go}: back in the first text");
        assert_eq!(current_id(&mut app), from, "{go}");
        keys(&mut app, "<C-n>");
        assert_eq!(app.library().current(), 1, "{go}: on again");
        assert_eq!(current_id(&mut app), arrived, "{go}");
        // A jump made there since is undone first.
        keys(&mut app, ":1<Enter><C-o>");
        assert_eq!(
            (app.library().current(), current_id(&mut app)),
            (1, arrived.clone())
        );
        keys(&mut app, "<C-o>");
        assert_eq!((app.library().current(), current_id(&mut app)), (0, from));
    }
}

/// `:` with a citation copied from another text of the library goes to
/// that text and the place in it (`Ctrl-O` comes back); one naming a text
/// that is not open says so and stays, rather than go to a place of that
/// number in the text being read.
#[test]
fn a_citation_of_another_text_goes_to_that_text_or_says_it_is_not_open() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, ":7<Enter>");
    let from = current_id(&mut app);
    keys(&mut app, ":《预防暴力极端主义法（示例）》第三条<Enter>");
    assert_eq!(app.library().current(), 3);
    assert_eq!(current_id(&mut app), "art-3");
    keys(&mut app, "<C-o>");
    assert_eq!((app.library().current(), current_id(&mut app)), (0, from));
    keys(
        &mut app,
        ":General Assembly resolution 90/123, para. 2<Enter>",
    );
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (1, "op-2".into())
    );
    keys(&mut app, ":《区域反恐合作宣言》第3段<Enter>");
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (1, "op-2".into())
    );
    let said = status_line(&mut app);
    assert!(said.contains("cites a text that is not open"), "{said}");
    // By its symbol, or shortened, as a resolution is cited too.
    keys(&mut app, ":1<Enter>");
    keys(&mut app, ":A/RES/90/123, para. 3<Enter>");
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (1, "op-3".into())
    );
    for other in [
        "S/RES/1234 (2019), para. 2",
        "GA res. 90/124, para. 2",
        // A text named by words no open text has, after a quote too.
        "Foo, para. 2",
        "x (Foo Bar, para. 2)",
    ] {
        keys(&mut app, &format!(":{other}<Enter>"));
        assert_eq!(
            (app.library().current(), current_id(&mut app)),
            (1, "op-3".into()),
            "{other}"
        );
        let said = status_line(&mut app);
        assert!(
            said.contains("cites a text that is not open"),
            "{other}: {said}"
        );
    }
    // A place the other text does not have: reading stays, and what to
    // try is cited whole, so that `:` takes it there.
    keys(&mut app, ":《预防暴力极端主义法（示例）》第九十条<Enter>");
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (1, "op-3".into())
    );
    let said = status_line(&mut app);
    let to_try = "《预防暴力极端主义法（示例）》第六条";
    assert!(
        said.contains(&format!(
            "no paragraph “《预防暴力极端主义法（示例）》第九十条” (try {to_try})"
        )),
        "{said}"
    );
    keys(&mut app, &format!(":{to_try}<Enter>"));
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (3, "art-6".into())
    );
    // An English citation to try keeps its place after its comma, on the
    // status line too.
    keys(
        &mut app,
        ":General Assembly resolution 90/123, para. 9<Enter>",
    );
    assert_eq!(app.library().current(), 3);
    let said = status_line(&mut app);
    assert!(
        said.contains("(try General Assembly resolution 90/123, para. 5)"),
        "{said}"
    );
}

/// Of two editions of one law open at once, a citation goes to the one
/// whose adoption line gives the date it cites; one without a date stays
/// in the edition being read.
#[test]
fn a_citation_goes_to_the_edition_of_the_date_it_gives() {
    let edition = |name: &str, line: &str, article: &str| {
        let text = format!("《示范法》\n\n（{line}）\n\n第一条　总则。\n\n第二条　{article}\n");
        load_bytes(
            text.as_bytes(),
            dushanbe_reader::document::Source::File(name.into()),
        )
    };
    let first = "2015年12月27日第十二届全国人民代表大会常务委员会第十八次会议通过";
    let amended =
        format!("{first}　根据2018年4月27日第十三届全国人民代表大会常务委员会第二次会议修正");
    let doc = edition("first.txt", first, "初版。").document;
    let mut app = App::new(doc, Themes::builtin(), Lang::Zh, false, (120, 40));
    let names = ["first.txt", "amended.txt"].map(String::from);
    app.start_library(names.to_vec(), 0);
    let l = edition("amended.txt", &amended, "修正版。");
    let index = DocIndex::new(l.document, &Themes::builtin());
    app.add_document(1, Ok((index, l.key, DocState::default())));
    keys(&mut app, ">");
    assert_eq!(app.library().current(), 1);
    // Its file name tells it from the other, in the pane and status line.
    let s = common::screen(&mut app);
    assert!(s.contains("┌ amended.txt · 示范法 ─"), "{s}");
    assert!(status_line(&mut app).starts_with(" 2/2 amended.txt · 示范法 │"));
    // The first edition's citation, from the amended one.
    keys(&mut app, &format!(":《示范法》（{first}）第二条<Enter>"));
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (0, "art-2".into())
    );
    // Back in the amended edition, its own date and no date stay there.
    keys(&mut app, "<C-o>");
    keys(&mut app, ":《示范法》（2018年4月27日）第二条<Enter>");
    assert_eq!(app.library().current(), 1);
    keys(&mut app, ":《示范法》第一条<Enter>");
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (1, "art-1".into())
    );
    // A date neither edition gives: it says so and stays.
    keys(&mut app, ":《示范法》（2020年1月1日）第二条<Enter>");
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (1, "art-1".into())
    );
    let said = status_line(&mut app);
    assert!(said.contains("引的是另一日期的版本"), "{said}");
    // `c` copies a citation with its date here, which `:` reads back to
    // this edition from the other.
    keys(&mut app, ":第二条<Enter>c");
    let copied = app.take_clipboard().unwrap();
    assert_eq!(copied, format!("《示范法》（{amended}）第二条"));
    keys(&mut app, "<");
    assert_eq!(app.library().current(), 0);
    keys(&mut app, &format!(":{copied}<Enter>"));
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (1, "art-2".into())
    );
}

/// In a library, a warning about one text's characters shows while that
/// text is read, not while another is; the first text's own warnings
/// become its own once the others join.
#[test]
fn a_texts_own_warning_shows_while_that_text_is_read() {
    let load = |name: &str, text: &str| {
        load_bytes(
            text.as_bytes(),
            dushanbe_reader::document::Source::File(name.into()),
        )
    };
    let hostile = load(
        "hostile.txt",
        "1. Decides\u{1b}[31m to act.\n\n2. Requests more.\n",
    );
    let plain = load("plain.txt", "1. Decides to act.\n\n2. Requests more.\n");
    let placeholders = hostile.warnings();
    assert!(matches!(placeholders[..], [Warning::Placeholders(1)]));
    let doc = hostile.document;
    let mut app = App::new(doc, Themes::builtin(), Lang::En, false, (100, 20));
    app.set_warnings(placeholders);
    app.start_library(["hostile.txt", "plain.txt"].map(String::from).to_vec(), 0);
    let index = DocIndex::new(plain.document, &Themes::builtin());
    app.add_document(1, Ok((index, plain.key, DocState::default())));
    let said = "1 control or invisible character shown as placeholders";
    assert!(status_line(&mut app).contains(said));
    // Arriving at it from another text, its warning shows at once (the
    // pane's title says which text it is).
    keys(&mut app, "><");
    assert!(
        status_line(&mut app).contains(said),
        "{}",
        status_line(&mut app)
    );
    keys(&mut app, ">");
    assert_eq!(app.library().current(), 1);
    assert!(
        !status_line(&mut app).contains(said),
        "{}",
        status_line(&mut app)
    );
    // A text joining later with its own warning: shown once it is read.
    app.add_text_warning(1, Warning::Encoding("GB18030"));
    keys(&mut app, "j");
    assert!(
        status_line(&mut app).contains("read as GB18030"),
        "{}",
        status_line(&mut app)
    );
    keys(&mut app, "<j");
    assert!(status_line(&mut app).contains(said));
    assert!(!status_line(&mut app).contains("GB18030"));
}

/// `?` opens help from the texts list, the notes list and the theme map,
/// and closes back to where it was opened.
#[test]
fn help_opens_from_the_lists_and_closes_back_to_them() {
    use dushanbe_reader::action::Mode;
    let mut app = library(120, 40, Lang::En);
    for (open, mode, heading) in [
        ("D", Mode::Documents, "Texts list"),
        ("\"", Mode::Notes, "Notes list"),
        ("M", Mode::ThemeMap, "Theme map"),
        ("R", Mode::References, "References"),
    ] {
        keys(&mut app, open);
        assert_eq!(app.mode(), mode, "{open}");
        keys(&mut app, "?");
        assert_eq!(app.mode(), Mode::Help, "{open}");
        // Open on the list's own keys, its heading in view.
        let s = screen(&mut app);
        assert!(s.contains(heading), "{open}: {s}");
        assert!(
            !s.contains("move down (outline entry or reader line)"),
            "{open}: {s}"
        );
        keys(&mut app, "?");
        assert_eq!(app.mode(), mode, "{open}");
        keys(&mut app, "<Esc>");
    }
}

/// A notice shortens the paragraph's place down to its name before it is
/// cut itself: what `L` says is read whole at 80 columns.
#[test]
fn a_notice_shortens_the_place_before_it_is_cut() {
    let mut app = library(80, 24, Lang::En);
    keys(&mut app, ">:5<Enter>L");
    let line = status_line(&mut app);
    assert!(
        line.contains("each text keeps its own filter and search"),
        "{line}"
    );
    assert!(line.contains("op-5"), "{line}");
}

/// The declaration first, then the other texts' names, still loading.
fn library_loading(first: &str, names: &[&str]) -> App {
    let document = match first {
        "" => load_embedded().document,
        name => {
            load_bytes(
                fixture(name).as_bytes(),
                dushanbe_reader::document::Source::File(name.into()),
            )
            .document
        }
    };
    let mut app = App::new(document, Themes::builtin(), Lang::En, false, (120, 40));
    app.start_library(names.iter().map(|s| s.to_string()).collect(), 0);
    app
}

const OTHERS: [&str; 4] = [
    "dushanbe-declaration.zh.txt",
    "ga-resolution.en.txt",
    "joint-statement.en.txt",
    "law.zh.txt",
];

/// Opened with a search that finds nothing in the first text, a library
/// opens on the first text in its order that has a hit — once every text
/// before it is in and searched, whatever order they arrive in.
#[test]
fn a_library_opened_on_a_search_opens_on_the_first_text_with_a_hit() {
    let mut app = library_loading("", &OTHERS);
    keys(&mut app, "/young<Enter>");
    assert_eq!(app.search().unwrap().visible.len(), 0, "none in the first");
    app.open_on_first_match();
    for i in [3, 2] {
        app.add_document(i, loaded(OTHERS[i]));
        app.run_requests();
        assert_eq!(app.library().current(), 0, "text 2 is not in yet");
    }
    app.add_document(1, loaded(OTHERS[1]));
    assert_eq!(app.library().current(), 0, "text 2 is not searched yet");
    app.run_requests();
    assert_eq!(app.library().current(), 1, "the first text with a hit");
    assert_eq!(app.search().unwrap().current, Some(0), "at its first hit");
    let last = status_line(&mut app);
    assert!(last.starts_with(" 2/4 "), "{last}");
    // Ctrl-O goes back to where the library would have opened.
    keys(&mut app, "<C-o>");
    assert_eq!(app.library().current(), 0);
}

/// A key pressed before the other texts are in settles where reading is;
/// a first text with a match, or no text with one, stays as it opened.
#[test]
fn a_library_stays_on_its_first_text_when_read_there_or_nothing_matches() {
    let load_all = |app: &mut App| {
        for (i, name) in OTHERS.iter().enumerate().skip(1) {
            app.add_document(i, loaded(name));
            app.run_requests();
        }
    };
    let mut app = library_loading("", &OTHERS);
    keys(&mut app, "/young<Enter>");
    app.open_on_first_match();
    keys(&mut app, "j");
    load_all(&mut app);
    assert_eq!(app.library().current(), 0, "a key was pressed first");

    for query in ["恐怖主义", "no such words anywhere"] {
        let mut app = library_loading("", &OTHERS);
        keys(&mut app, &format!("/{query}<Enter>"));
        app.open_on_first_match();
        load_all(&mut app);
        assert_eq!(app.library().current(), 0, "{query}");
    }
}

/// With a theme filter and no search: the first text with a paragraph
/// about the theme.
#[test]
fn a_library_opened_on_a_theme_opens_on_the_first_text_about_it() {
    let names = [OTHERS[3], OTHERS[0], OTHERS[1], OTHERS[2]];
    let mut app = library_loading(OTHERS[3], &names);
    keys(&mut app, "t2t");
    assert!(app.filter().is_active());
    app.open_on_first_match();
    app.add_document(2, loaded(names[2]));
    assert_eq!(app.library().current(), 0, "text 2 is not in yet");
    let declaration = load_embedded();
    app.add_document(
        1,
        Ok((
            DocIndex::new(declaration.document, &Themes::builtin()),
            declaration.key,
            DocState::default(),
        )),
    );
    assert_eq!(app.library().current(), 1, "the declaration has youth");
    let last = status_line(&mut app);
    assert!(last.starts_with(" 2/4 "), "{last}");
}

/// The notice on moving to a text names it whole where there is room, and
/// cut to keep what tells it from a title sharing its start where not
/// (`…（草案）`), never inside a number.
#[test]
fn the_notice_on_moving_to_a_text_cuts_its_title_only_for_room() {
    let names = [
        "law.zh.txt",
        "compare/edition-2.zh.txt",
        "compare/edition-1.zh.txt",
        "sc-resolution.zh.txt",
    ];
    let open = |w: u16, lang: Lang| {
        let first = load_bytes(
            fixture(names[0]).as_bytes(),
            dushanbe_reader::document::Source::File(names[0].into()),
        );
        let mut app = App::new(first.document, Themes::builtin(), lang, false, (w, 20));
        app.start_library(names.iter().map(|s| s.to_string()).collect(), 0);
        for (i, name) in names.iter().enumerate().skip(1) {
            app.add_document(i, loaded(name));
        }
        app
    };
    let mut app = open(120, Lang::En);
    keys(&mut app, ">>");
    let last = status_line(&mut app);
    assert!(
        last.contains("text 3 of 4: 区域反恐合作宣言（草案）"),
        "{last}"
    );
    let mut app = open(60, Lang::Zh);
    keys(&mut app, ">>");
    let last = status_line(&mut app);
    assert!(
        last.contains("第 3/4 篇：") && last.trim_end().ends_with("（草案）"),
        "{last}"
    );
    // The resolution's title, cut on the left for room, is not cut inside
    // its number, nor right after a bracket it leaves open.
    let mut app = open(80, Lang::En);
    keys(&mut app, ">>>");
    for room in 7..=12 {
        assert_eq!(app.library().label_within(3, room), "第9999…", "{room}");
    }
    // At 80 columns, beside the notice that names it whole, the title
    // grows last, and is cut outside its number.
    let last = status_line(&mut app);
    assert!(
        last.starts_with(" 4/4 第9999… │ intro-1")
            && last.contains("text 4 of 4: 第9999（2030）号决议"),
        "{last}"
    );
}

/// A text's `《》` title alone opens that text where its reading was left,
/// as one jump; the text being read goes to its start; a title no open
/// text has is said.
#[test]
fn a_title_alone_opens_its_text() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, ":7<Enter>");
    keys(&mut app, ":《预防暴力极端主义法（示例）》<Enter>");
    assert_eq!(app.library().current(), 3, "{}", status_line(&mut app));
    keys(&mut app, "<C-o>");
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (0, "op-7".into())
    );
    keys(&mut app, ":《杜尚别宣言》<Enter>");
    assert_eq!(
        (app.library().current(), current_id(&mut app)),
        (0, "intro-1".into())
    );
    keys(&mut app, ":《区域反恐合作宣言》<Enter>");
    assert_eq!(app.library().current(), 0);
    let said = status_line(&mut app);
    assert!(
        said.contains("“《区域反恐合作宣言》” cites a text that is not open"),
        "{said}"
    );
}

/// An English citation of a title no open text has is said, not gone to
/// in the text being read; words of the title being read, and a heading
/// before the place, still go there.
#[test]
fn an_english_citation_of_no_open_text_is_said() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, ">>:2<Enter>");
    assert_eq!(app.library().current(), 2);
    let here = current_id(&mut app);
    keys(&mut app, ":Foo Bar Declaration, para. 3<Enter>");
    assert_eq!(current_id(&mut app), here);
    let said = status_line(&mut app);
    assert!(
        said.contains("“Foo Bar Declaration, para. 3” cites a text that is not open"),
        "{said}"
    );
    keys(&mut app, ":Tashkent Statement, para. 3<Enter>");
    assert_eq!(app.library().current(), 2);
    assert!(
        current_id(&mut app).ends_with("op-3"),
        "{}",
        status_line(&mut app)
    );
    // A heading of the text being read by its number alone (`II`) is a
    // place too, as `--cite` reads it.
    keys(
        &mut app,
        ":General Assembly resolution 90/123, para. 1<Enter>",
    );
    assert_eq!(app.library().current(), 1);
    for (typed, id) in [("II, para. 4", "op-4"), ("I, para. 3 (b)", "op-3-b")] {
        keys(&mut app, &format!(":{typed}<Enter>"));
        assert_eq!(
            current_id(&mut app),
            id,
            "{typed}: {}",
            status_line(&mut app)
        );
    }
}

/// The texts list cuts a text's title and date line where there is no
/// room, never inside a number (`Tashkent, 12 March 2…`).
#[test]
fn the_texts_list_never_cuts_inside_a_number() {
    for w in [60, 80, 100, 120] {
        let mut app = library(w, 24, Lang::En);
        keys(&mut app, "D");
        let s = screen(&mut app);
        let row = s
            .lines()
            .find(|l| l.contains("Tashkent"))
            .unwrap_or_default();
        let cut_number = row
            .split('…')
            .next()
            .filter(|_| row.contains('…'))
            .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_digit()));
        assert!(!cut_number, "{w}: {row}");
    }
}

/// A question before a note is deleted is read whole: the search beside
/// it takes its short form rather than cut it.
#[test]
fn a_question_is_read_whole_beside_a_library_search() {
    let mut app = library(100, 24, Lang::En);
    keys(&mut app, "/融资<Enter>:7<Enter>ax<C-s>\"d");
    let last = status_line(&mut app);
    assert!(
        last.trim_end().ends_with("any other key keeps it"),
        "{last}"
    );
    assert!(last.contains("delete the note on op-7?"), "{last}");
    // Narrow, beside a filter too, and a search with hits only in other
    // texts: in fewer words, never cut, never left out.
    for (lang, query) in [(Lang::En, "融资"), (Lang::Zh, "融资"), (Lang::En, "young")] {
        let mut app = library(60, 20, lang);
        keys(
            &mut app,
            &format!("t124t/{query}<Enter>:7<Enter>ax<C-s>\"d"),
        );
        let last = status_line(&mut app);
        let answer = match lang {
            Lang::En => "? again: yes",
            Lang::Zh => "？再按：删除",
        };
        assert!(last.trim_end().ends_with(answer), "{last}");
    }
}

/// `:ref` for a reference this text does not cite, but another open text
/// does, lists that text's citing paragraphs rather than only saying none
/// cites it here; `Enter` goes there.
#[test]
fn ref_cited_only_in_another_text_lists_its_citing_paragraphs() {
    let mut app = library(120, 40, Lang::En);
    keys(&mut app, ">");
    assert_eq!(app.library().current(), 1);
    keys(&mut app, ":ref osce<Enter>");
    assert!(
        matches!(app.overlays().last(), Some(Overlay::Citing(_))),
        "{:?}",
        app.overlays()
    );
    assert_eq!(
        app.notice_text().as_deref(),
        Some("no paragraph here cites OSCE: the other texts' are listed")
    );
    let s = screen(&mut app);
    assert!(s.contains("1:intro-1"), "{s}");
    // Its title names it, not by its id.
    assert!(s.contains(" 2 paragraphs cite OSCE — "), "{s}");
    keys(&mut app, "<Enter>");
    assert_eq!(app.library().current(), 0);
    assert_eq!(current_id(&mut app), "intro-1");
    // A reference no open text cites is said as before.
    keys(&mut app, ">:ref 9999<Enter>");
    assert!(!matches!(app.overlays().last(), Some(Overlay::Citing(_))));
    assert_eq!(
        app.notice_text().as_deref(),
        Some("no paragraph cites resolution 9999")
    );
}

/// `Y` under a filter says what it copied in a form that fits whole,
/// beside the filter and the text's number, rather than cut (`4 matchi…`).
#[test]
fn copying_what_the_filter_shows_is_said_whole_in_a_narrow_library() {
    for lang in [Lang::En, Lang::Zh] {
        for w in [60, 70, 80, 100, 120] {
            let mut app = library(w, 24, lang);
            keys(&mut app, "t2t>>Y");
            let status = status_line(&mut app);
            let copied = match lang {
                Lang::En => "copied 5 paragraphs",
                Lang::Zh => "已复制 5 段",
            };
            assert!(status.contains(copied), "{w}: {status}");
            assert!(!status.trim_end().ends_with('…'), "{w}: {status}");
            assert!(status.starts_with(" 3/4 "), "{w}: {status}");
        }
    }
    // One paragraph, as whole (beside the filter and the place: from 56
    // columns).
    for w in 56..=80 {
        let mut app = library(w, 24, Lang::En);
        keys(&mut app, "t5t>>>Y");
        let status = status_line(&mut app);
        assert!(status.contains("copied 1 paragraph"), "{w}: {status}");
        assert!(!status.trim_end().ends_with('…'), "{w}: {status}");
    }
}
