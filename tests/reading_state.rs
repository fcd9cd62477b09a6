//! The reading state in the reader: what is kept, how it comes back, and
//! how notes survive a changed text.

mod common;
use common::*;

use dushanbe_reader::app::App;
use dushanbe_reader::document::{Position, Source, parse};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::themes::Themes;

#[test]
fn position_filter_search_marks_notes_and_histories_come_back() {
    let mut a = app(120, 40);
    keys(
        &mut a,
        ":op-7<Enter>mz:op-2<Enter>a笔记一<C-s>/重申<Enter>t1t:op-7<Enter><Tab>jj",
    );
    let before = a.position();
    let state = a.state_to_save().expect("something changed");
    assert!(a.state_to_save().is_none(), "nothing more to save");

    let mut b = app(120, 40);
    b.absorb_state(state.clone(), true);
    assert_eq!(b.position(), before);
    let id = b.doc().paragraphs[before.paragraph].id.to_string();
    assert!(
        status_line(&mut b).contains(&format!("resumed at {id}")),
        "{}",
        status_line(&mut b)
    );
    assert!(b.filter().is_active());
    b.run_requests();
    assert_eq!(b.search().unwrap().query, "重申");
    assert_eq!(
        b.search().unwrap().visible.len(),
        a.search().unwrap().visible.len()
    );
    assert_eq!(b.marks().keys().collect::<String>(), "z");
    assert_eq!(b.notes().next().unwrap().text, "笔记一");
    // The go-to history came back too: ↑ in the go-to line shows op-7.
    keys(&mut b, ":<Up>");
    assert_eq!(b.goto_line().unwrap().line.value(), "op-7");

    // --fresh: the top, no filter, no search; marks and notes all the same.
    let mut c = app(120, 40);
    c.absorb_state(state, false);
    assert_eq!(current_id(&mut c), "intro-1");
    assert!(!c.filter().is_active() && c.search().is_none());
    assert_eq!(c.notes().count(), 1);
}

/// A saved filter comes back over the place reading was left at, and
/// clearing it stays there; with a filter that shows nothing, clearing it
/// goes back to that paragraph, not to the text's start (which was then
/// saved as where reading was).
#[test]
fn a_saved_filter_hiding_the_place_leaves_it_to_come_back_to() {
    let letters: Vec<char> = {
        let a = app(100, 30);
        (0..a.themes().themes.len())
            .filter_map(|t| a.keymap().theme_key(t))
            .collect()
    };
    assert!(letters.len() >= 10, "{letters:?}");
    for letter in letters {
        let mut a = app(100, 30);
        keys(&mut a, &format!(":op-7<Enter>t{letter}t"));
        let left = current_id(&mut a);
        let state = a.state_to_save().expect("a filter to keep");
        let mut b = app(100, 30);
        b.absorb_state(state, true);
        assert!(b.filter().is_active(), "{letter}");
        assert_eq!(current_id(&mut b), left, "{letter}");
        keys(&mut b, "0");
        assert_eq!(current_id(&mut b), left, "{letter}");
    }
    let text =
        "会议声明\n\n1. 各方同意举行会议。\n\n2. 各方同意加强合作。\n\n3. 各方同意定期交流。\n";
    let open = || {
        let doc = parse(text, Source::Embedded);
        App::new(doc, Themes::builtin(), Lang::En, false, (100, 30))
    };
    let mut a = open();
    keys(&mut a, ":2<Enter>tit");
    assert!(status_line(&mut a).contains("no paragraph matches"));
    let state = a.state_to_save().expect("a filter to keep");
    let mut b = open();
    b.absorb_state(state, true);
    assert!(status_line(&mut b).contains("no paragraph matches"));
    keys(&mut b, "0");
    assert_eq!(current_id(&mut b), "op-2");
}

#[test]
fn the_resumed_notice_names_the_paragraph_the_status_line_reads() {
    for lines in 1..60 {
        let mut a = app(80, 24);
        keys(&mut a, &format!("<Tab>{}", "j".repeat(lines)));
        let Some(state) = a.state_to_save() else {
            continue;
        };
        let mut b = app(80, 24);
        b.absorb_state(state, true);
        let id = current_id(&mut b);
        let status = status_line(&mut b);
        // At the text's very start there is nothing to resume.
        let start = b.position() == Position::start_of(0);
        assert_eq!(
            status.contains(&format!("resumed at {id}")),
            !start,
            "{lines} lines: {status}"
        );
    }
}

/// Reopened at the very start, where the text opens anyway, nothing is
/// said of resuming; a line into the first paragraph is somewhere.
#[test]
fn reopened_at_the_start_says_nothing_of_resuming() {
    let mut a = app(80, 24);
    keys(&mut a, "<Tab>jk");
    let state = a.state_to_save().expect("moved, so saved");
    let mut b = app(80, 24);
    b.absorb_state(state, true);
    assert_eq!(current_id(&mut b), "intro-1");
    assert_eq!(b.notice_text(), None);
    assert!(!status_line(&mut b).contains("resumed"));
}

/// Reopened on a paragraph with a hit of the kept search, the status line
/// counts from that hit (`hit 2/7`, not `7 hits`) and `n` goes past it.
#[test]
fn a_kept_search_counts_from_the_hit_reading_resumed_at() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>n");
    let at = status_line(&mut a);
    let hit = at
        .split("hit ")
        .nth(1)
        .and_then(|h| h.split('/').next())
        .unwrap();
    let state = a.state_to_save().unwrap();
    let mut b = app(120, 40);
    b.absorb_state(state, true);
    b.run_requests();
    let status = status_line(&mut b);
    assert!(
        status.contains(&format!("hit {hit}/")),
        "{at} then {status}"
    );
    keys(&mut b, "n");
    let next: usize = hit.parse::<usize>().unwrap() + 1;
    assert!(status_line(&mut b).contains(&format!("hit {next}/")));
}

/// A warning (a broken theme file) shows as soon as the reader opens
/// where it was left: the place is named beside it anyway, and the
/// warning would else wait for a key.
#[test]
fn a_warning_is_not_hidden_behind_the_resumed_notice() {
    use dushanbe_reader::i18n::Warning;
    let mut a = app(120, 40);
    keys(&mut a, ":op-7<Enter>");
    let state = a.state_to_save().unwrap();
    let mut b = app(120, 40);
    b.add_warning(Warning::ThemeFile(
        "/c/dushanbe-reader/themes.toml:7:1: unknown field `keyword_en`".into(),
    ));
    b.absorb_state(state.clone(), true);
    let status = status_line(&mut b);
    assert!(status.contains("op-7"), "{status}");
    assert!(
        status.contains("`keyword_en`") && !status.contains("resumed"),
        "{status}"
    );
    // Without a warning, the notice says where reading resumed.
    let mut c = app(120, 40);
    c.absorb_state(state, true);
    assert!(status_line(&mut c).contains("resumed at op-7"));
}

/// The reader on `new`, with the state left by typing `typed` on `old`
/// (a file whose text changed between two readings).
fn reopened(old: &str, typed: &str, new: &str) -> App {
    let open = |text: &str| {
        App::new(
            parse(text, Source::Embedded),
            Themes::builtin(),
            Lang::En,
            false,
            (100, 30),
        )
    };
    let mut a = open(old);
    keys(&mut a, typed);
    let state = a.state_to_save().unwrap();
    let mut b = open(new);
    b.absorb_state(state, true);
    b
}

/// A new edition that moved some notes' paragraphs and cut another's says
/// both, the note left without its paragraph first.
#[test]
fn notes_moved_and_a_note_left_without_its_paragraph_are_both_said() {
    let old = "1. 甲：\n(a) 子；\n(b) 丑。\n\n2. 乙。\n\n3. 丙。\n";
    let new = "1. 新插入的一段。\n\n2. 甲：\n(a) 子。\n\n3. 乙。\n\n4. 丙。\n";
    let typed = ":1 (b)<Enter>a关于丑<C-s>:2<Enter>a关于乙<C-s>:3<Enter>a关于丙<C-s>";
    let b = reopened(old, typed, new);
    assert_eq!(
        b.notice_text().as_deref(),
        Some(
            "1 note is on a paragraph no longer in the text (\" lists it); \
             2 moved with their paragraphs to new numbers"
        )
    );
}

#[test]
fn notes_follow_their_paragraphs_into_a_new_edition() {
    let old = "1. 甲。\n\n2. 乙。\n\n3. 丙。\n";
    let new = "1. 甲。\n\n2. 新插入的一段。\n\n3. 乙。\n\n4. 丙。\n";
    let typed = ":2<Enter>a关于乙<C-s>:3<Enter>a关于丙<C-s>mc:2<Enter>mb";
    let mut b = reopened(old, typed, new);
    let on = |b: &App, text: &str| {
        let n = b.notes().find(|n| n.text == text).unwrap().clone();
        (n.paragraph_id, n.text_changed)
    };
    assert_eq!(on(&b, "关于乙"), ("op-3".to_string(), false));
    assert_eq!(on(&b, "关于丙"), ("op-4".to_string(), false));
    assert_eq!(
        b.notice_text().as_deref(),
        Some(
            "the text has changed: 2 notes and 2 marks moved with their paragraphs to new numbers"
        )
    );
    // Marks follow their paragraphs too.
    keys(&mut b, "'b");
    assert_eq!(current_id(&mut b), "op-3");
    keys(&mut b, "'c");
    assert_eq!(current_id(&mut b), "op-4");
    // Kept where they now are.
    let saved = b.state_to_save().expect("the move is saved");
    assert!(
        saved
            .notes
            .values()
            .any(|n| n.paragraph == "op-4" && n.text == "关于丙")
    );
    keys(&mut b, ":4<Enter>");
    assert!(screen(&mut b).contains("关于丙"));
}

#[test]
fn notes_survive_a_changed_text_and_say_so() {
    let old = "1. 第一段。\n\n2. 第二段。\n\n3. 第三段。\n";
    let new = "1. 第一段。\n\n2. 第二段已经修改。\n";
    let typed = ":2<Enter>a关于第二段<C-s>:3<Enter>a关于第三段<C-s>";
    let mut b = reopened(old, typed, new);
    let notes: Vec<_> = b.notes().cloned().collect();
    assert_eq!(notes.len(), 2, "no note is dropped");
    let on2 = notes.iter().find(|n| n.paragraph_id == "op-2").unwrap();
    assert!(on2.text_changed && on2.paragraph.is_some());
    let on3 = notes.iter().find(|n| n.paragraph_id == "op-3").unwrap();
    assert_eq!(on3.paragraph, None, "its paragraph is gone, the note stays");
    // Under its paragraph, the note says it was written on other words.
    keys(&mut b, ":2<Enter>");
    let s = screen(&mut b);
    let flag = s
        .lines()
        .position(|l| l.contains("✎ (text changed since the note)"));
    let note = s.lines().position(|l| l.contains("关于第二段"));
    assert!(flag.is_some() && flag.map(|f| f + 1) == note, "{s}");
    keys(&mut b, "\"");
    let s = screen(&mut b);
    assert!(s.contains("text changed since the note"), "{s}");
    assert!(s.contains("op-3") && s.contains("关于第三段"), "{s}");
}

/// Two readers rewrite one note at once: when this reader's save meets
/// the other's version, both are kept, shown, and the status line says so.
#[test]
fn a_note_changed_in_two_readers_at_once_keeps_both_and_says_so() {
    let mut a = app(120, 40);
    keys(&mut a, ":op-4<Enter>aAAA<Esc>");
    let start = a.state_to_save().expect("a note");
    let mut b = app(120, 40);
    b.absorb_state(start.clone(), true);
    keys(&mut b, ":op-4<Enter>a BBB<Esc>");
    let theirs = b.state_to_save().expect("b's edit");
    keys(&mut a, ":op-4<Enter>a A2<Esc>");
    let mine = a.state_to_save().expect("a's edit");
    a.saved(dushanbe_reader::store::merge(theirs, &mine));
    let mut texts: Vec<String> = a.notes().map(|n| n.text.clone()).collect();
    texts.sort();
    assert_eq!(texts, ["AAA A2", "AAA BBB"]);
    let status = status_line(&mut a);
    assert!(
        status.contains("note on op-4 was changed in another reader too: both versions kept"),
        "{status}"
    );
    // In the notes list, the version kept beside the other says so.
    keys(&mut a, "\"");
    let s = screen(&mut a);
    let flagged: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("other version, kept"))
        .collect();
    assert_eq!(flagged.len(), 1, "{s}");
}

/// A save that reaches the disk again ends the warnings of the saves that
/// did not; a file set aside stays said.
#[test]
fn a_save_that_reaches_the_disk_ends_the_write_warnings() {
    use dushanbe_reader::i18n::Warning;
    use dushanbe_reader::store::{StoreWarning, WarningKind};
    let warning = |kind| {
        Warning::State(StoreWarning {
            kind,
            path: Some("/state/docs".into()),
            detail: None,
        })
    };
    let full = warning(WarningKind::DiskFull);
    let corrupt = warning(WarningKind::Corrupt {
        moved_to: "/state/docs/x.json.corrupt-1".into(),
    });
    let mut a = app(120, 40);
    a.add_warning(full.clone());
    a.add_warning(corrupt.clone());
    assert!(
        status_line(&mut a).contains("disk full"),
        "{}",
        status_line(&mut a)
    );
    a.state_written();
    assert_eq!(a.warnings().collect::<Vec<_>>(), [&corrupt]);
    assert!(
        !status_line(&mut a).contains("disk full"),
        "{}",
        status_line(&mut a)
    );
}

/// A file whose saves keep failing is said once, with the latest reason:
/// a state grown larger again does not add a second warning beside the
/// first.
#[test]
fn a_save_failing_again_replaces_its_warning() {
    use dushanbe_reader::i18n::Warning;
    use dushanbe_reader::store::{StoreWarning, WarningKind};
    let too_large = |path: &str, mib: u32| {
        Warning::State(StoreWarning {
            kind: WarningKind::WriteFailed,
            path: Some(path.into()),
            detail: Some(format!("the state would be {mib} MiB; the limit is 16 MiB")),
        })
    };
    let mut a = app(120, 40);
    a.add_warning(too_large("/state/docs/a.json", 17));
    a.add_warning(too_large("/state/docs/a.json", 18));
    assert_eq!(
        a.warnings().collect::<Vec<_>>(),
        [&too_large("/state/docs/a.json", 18)]
    );
    // Another file's is another warning.
    a.add_warning(too_large("/state/docs/b.json", 17));
    assert_eq!(a.warnings().count(), 2);
}

/// A note the state could not keep names where its copy is; on a narrow
/// status line the copy's file outlasts the paragraph's name.
#[test]
fn a_note_not_kept_names_its_copy_at_any_width() {
    let copy = std::path::Path::new("/tmp/somewhere/dushanbe-unsaved-Ab12Cd.md");
    for (lang, w, shown) in [
        (
            Lang::En,
            120,
            "note on op-7 NOT on disk: a copy is in /tmp/somewhere/dushanbe-unsaved-Ab12Cd.md",
        ),
        (
            Lang::En,
            60,
            "NOT on disk, copy in …/dushanbe-unsaved-Ab12Cd.md",
        ),
        (
            Lang::Zh,
            60,
            "未写入磁盘，副本在 …/dushanbe-unsaved-Ab12Cd.md",
        ),
    ] {
        let mut a = app_in(lang, w, 24);
        keys(&mut a, ":op-7<Enter>aa thought<Esc>");
        a.note_not_kept(Some(copy));
        let status = status_line(&mut a);
        assert!(status.contains(shown), "{w}: {status}");
    }
}

/// An editor's failure keeps what matters in view on a narrow status
/// line, in the interface's language: where what it wrote is kept first
/// (a path cut to its file's name), else what failed and how come.
#[test]
fn an_editors_failure_keeps_why_in_a_narrow_status_line() {
    use dushanbe_reader::i18n::{EditorFailure, EditorWhy, Lang, Warning};
    let editor = "/home/someone/bin/failing-editor".to_string();
    let kept = EditorFailure {
        why: EditorWhy::Exited(editor.clone(), 3),
        kept: Some("/tmp/dushanbe-note-Ab12Cd.txt".into()),
    };
    for (w, lang, shown) in [
        (60, Lang::En, "…/dushanbe-note-Ab12Cd.txt"),
        (80, Lang::En, "wrote is in …/dushanbe-note-Ab12Cd.txt"),
        (70, Lang::En, "⚠ what it wrote: …/dushanbe-note-Ab12Cd.txt"),
        (
            100,
            Lang::En,
            "⚠ what …/failing-editor wrote is in …/dushanbe-note-Ab12Cd.txt",
        ),
        (
            140,
            Lang::En,
            "…/dushanbe-note-Ab12Cd.txt; it exited with status 3",
        ),
        (60, Lang::Zh, "…/dushanbe-note-Ab12Cd.txt"),
        (
            120,
            Lang::Zh,
            "failing-editor 所写内容在 /tmp/dushanbe-note-Ab12Cd.txt；它以状态 3 退出",
        ),
        (
            108,
            Lang::Zh,
            "⚠ …/failing-editor 所写内容在 …/dushanbe-note-Ab12Cd.txt；它以状态 3 退出",
        ),
    ] {
        let mut a = app_in(lang, w, 24);
        a.add_warning(Warning::Editor(kept.clone()));
        let status = status_line(&mut a);
        assert!(status.contains(shown), "{w}: {status}");
    }
    let signalled = EditorFailure {
        why: EditorWhy::Signalled(editor, 9),
        kept: None,
    };
    let mut a = app(60, 24);
    a.add_warning(Warning::Editor(signalled));
    let status = status_line(&mut a);
    assert!(
        status.contains("⚠ …/failing-editor was ended by signal 9"),
        "{status}"
    );
}

/// A note whose paragraph is no longer in the text is said on opening and
/// flagged in the notes list, not shown like a live note.
#[test]
fn a_note_on_a_paragraph_gone_is_said_on_opening_and_flagged_in_the_list() {
    let mut state = dushanbe_reader::store::DocState::default();
    state.add_note("op-99", "a note on a paragraph since cut", "old words");
    let mut a = app(120, 40);
    a.absorb_state(state, true);
    assert!(
        status_line(&mut a)
            .contains("1 note is on a paragraph no longer in the text (\" lists it)"),
        "{}",
        status_line(&mut a)
    );
    keys(&mut a, "\"");
    let s = screen(&mut a);
    let row = s
        .lines()
        .find(|l| l.contains("op-99"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(row.contains("paragraph no longer in the text"), "{row}");
}

/// Two notes on one paragraph (one from another reader) each have their
/// own mark, so they do not read as one note of two lines.
#[test]
fn two_notes_on_one_paragraph_each_have_their_mark() {
    let mut state = dushanbe_reader::store::DocState::default();
    let mut a = app(120, 40);
    let p = a.doc().find_id("op-7").unwrap();
    let text = a.doc().paragraphs[p].text.clone();
    state.add_note("op-7", "from A", &text);
    state.add_note("op-7", "from B\nsecond line", &text);
    a.absorb_state(state, false);
    keys(&mut a, ":op-7<Enter>");
    let s = screen(&mut a);
    for words in ["✎ from A", "✎ from B"] {
        assert!(s.contains(words), "{words}:\n{s}");
    }
    assert!(!s.contains("✎ second line"), "{s}");
}

/// The question before a note is deleted shows however long the name of
/// the paragraph being read: at 60 columns in Chinese, beside
/// `执行部分第3段第(b)项第(ii)目`, the place gives way to it.
#[test]
fn the_delete_question_shows_beside_a_long_place() {
    let ga = fixture_text("ga-resolution.en.txt");
    let mut a = App::new(
        parse(&ga, Source::Embedded),
        Themes::builtin(),
        Lang::Zh,
        false,
        (60, 20),
    );
    let mut state = dushanbe_reader::store::DocState::default();
    for id in ["op-3-b-ii", "op-5"] {
        let p = a.doc().find_id(id).unwrap();
        let text = a.doc().paragraphs[p].text.clone();
        state.add_note(id, "一条笔记", &text);
    }
    a.absorb_state(state, false);
    keys(&mut a, ":op-3-b-ii<Enter>\"jd");
    let asked = status_line(&mut a);
    assert!(asked.contains("删除 执行部分第5段 的笔记？"), "{asked}");
    // Whole, with what a second press does: the place being read (not the
    // note's) gives up its name for it.
    assert!(
        asked.contains("的笔记？再按一次即删除，按其他键保留"),
        "{asked}"
    );
    assert!(!asked.contains("第3段"), "{asked}");
}

/// A mark on a paragraph a new edition no longer has (`op-3-b-ii`, where
/// op-3 lost its items; `op-99` of sixteen) is on the nearest paragraph
/// above it that is still there, in the reader and in `--print json`
/// alike; one with nothing above it at the text's start, never lost.
#[test]
fn a_mark_on_a_paragraph_gone_from_the_text_is_on_the_one_above_it() {
    let mut state = dushanbe_reader::store::DocState::default();
    let saved = |id: &str| dushanbe_reader::store::SavedPosition {
        paragraph: id.into(),
        offset: 5,
    };
    state.set_mark('a', saved("op-3-b-ii"));
    state.set_mark('b', saved("op-7"));
    state.set_mark('c', saved("sec-9"));
    state.set_mark('d', saved("op-99"));
    let mut a = app(120, 40);
    a.absorb_state(state, false);
    let op3 = a.doc().find_id("op-3").unwrap();
    assert_eq!(
        a.marks().get(&'a').map(|p| (p.paragraph, p.offset)),
        Some((op3, 0))
    );
    let op7 = a.doc().find_id("op-7").unwrap();
    assert_eq!(
        a.marks().get(&'b').map(|p| (p.paragraph, p.offset)),
        Some((op7, 5))
    );
    assert_eq!(
        a.marks().get(&'c').map(|p| (p.paragraph, p.offset)),
        Some((0, 0))
    );
    let op16 = a.doc().find_id("op-16").unwrap();
    assert_eq!(
        a.marks().get(&'d').map(|p| (p.paragraph, p.offset)),
        Some((op16, 0))
    );
    keys(&mut a, "'a");
    assert_eq!(current_id(&mut a), "op-3");
    keys(&mut a, "'d");
    assert_eq!(current_id(&mut a), "op-16");
}

/// In the notes list the delete key asks first, and deletes only when
/// pressed again on the same note: a key between keeps the note.
#[test]
fn the_notes_list_deletes_a_note_only_on_a_second_press() {
    let mut state = dushanbe_reader::store::DocState::default();
    let mut a = app(120, 40);
    for id in ["op-3", "op-7"] {
        let p = a.doc().find_id(id).unwrap();
        let text = a.doc().paragraphs[p].text.clone();
        state.add_note(id, &format!("a note on {id}"), &text);
    }
    a.absorb_state(state, false);
    let noted = |a: &App| -> Vec<String> { a.notes().map(|n| n.paragraph_id.clone()).collect() };
    // Asked about op-7's note, then the selection moves: nothing deleted.
    keys(&mut a, "\"jd");
    let asked = status_line(&mut a);
    assert!(asked.contains("delete the note on op-7?"), "{asked}");
    keys(&mut a, "kd");
    assert_eq!(noted(&a), ["op-3", "op-7"]);
    // A key bound to nothing keeps the note too: the next d asks again.
    keys(&mut a, "zd");
    assert_eq!(noted(&a), ["op-3", "op-7"]);
    assert!(status_line(&mut a).contains("delete the note on op-3?"));
    // The same key again deletes op-3's note, and the list stays open on
    // the note after it.
    keys(&mut a, "d");
    assert_eq!(noted(&a), ["op-7"]);
    let said = status_line(&mut a);
    assert!(said.contains("note on op-3 deleted"), "{said}");
    assert!(screen(&mut a).contains("a note on op-7"));
    // Del does the same; the list is then empty.
    keys(&mut a, "<Del><Del>");
    assert_eq!(noted(&a), Vec::<String>::new());
    assert!(
        screen(&mut a).contains("no notes yet"),
        "{}",
        screen(&mut a)
    );
}

/// The note editor's title keeps the keys that save at 60 columns,
/// however long the place's name: the name is cut where a part ends.
#[test]
fn the_note_editor_keeps_its_save_keys_beside_a_long_place() {
    let ga = fixture_text("ga-resolution.en.txt");
    for (lang, save) in [
        (Lang::Zh, "Ctrl-S 或 Esc 保存"),
        (Lang::En, "Ctrl-S or Esc saves"),
    ] {
        let mut a = App::new(
            parse(&ga, Source::Embedded),
            Themes::builtin(),
            lang,
            false,
            (60, 20),
        );
        keys(&mut a, ":op-3-b-ii<Enter>a");
        let s = screen(&mut a);
        let title = s.lines().nth(1).unwrap();
        assert!(title.contains(save), "{lang:?}: {title}");
    }
}

/// A title cut short for a long notice grows into the columns the notice
/// leaves over, rather than leaving them blank.
#[test]
fn a_title_cut_for_a_notice_takes_the_room_left() {
    let ga = fixture_text("ga-resolution.en.txt");
    let mut a = App::new(
        parse(&ga, Source::Embedded),
        Themes::builtin(),
        Lang::En,
        false,
        (120, 40),
    );
    let mut state = dushanbe_reader::store::DocState::default();
    state.add_note("op-99", "on a paragraph since deleted", "gone");
    state.set_position(Some(dushanbe_reader::store::SavedPosition {
        paragraph: "op-4".into(),
        offset: 0,
    }));
    a.absorb_state(state, true);
    let status = status_line(&mut a);
    assert!(status.contains("no longer in the text"), "{status}");
    assert!(status.contains("90/123. Prevention"), "{status}");
    assert!(!status.contains("      "), "columns left blank: {status}");
}

/// A note whose paragraph is gone can still be rewritten from the notes
/// list: the editor says the text no longer has it, and the note keeps
/// the id it recorded and the paragraph's words it was written on.
#[test]
fn a_note_on_a_paragraph_gone_can_be_edited_from_the_list() {
    for (lang, gone) in [
        (Lang::En, "paragraph no longer in the text"),
        (Lang::Zh, "原文已无此段"),
    ] {
        let mut state = dushanbe_reader::store::DocState::default();
        state.add_note("op-99", "first words", "old words");
        let mut a = app_in(lang, 80, 24);
        a.absorb_state(state, true);
        keys(&mut a, "\"a");
        let s = screen(&mut a);
        assert!(
            s.contains("op-99") && s.contains(&format!("⚠ {gone}")),
            "{s}"
        );
        // Set apart from the Chinese after it, as a Latin word is.
        if lang == Lang::Zh {
            assert!(s.contains(" op-99 的笔记 — "), "{s}");
        }
        keys(&mut a, " and more<Esc>");
        let notes: Vec<_> = a.notes().collect();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "first words and more");
        assert_eq!(
            (notes[0].paragraph, notes[0].paragraph_id.as_str()),
            (None, "op-99")
        );
        assert!(
            status_line(&mut a).contains("op-99"),
            "{}",
            status_line(&mut a)
        );
        let saved = a.state_to_save().expect("the note changed");
        let kept = &saved.notes.values().next().unwrap().paragraph_hash;
        assert_eq!(*kept, dushanbe_reader::store::text_hash("old words"));
    }
}

/// The notes list's title keeps as many of its keys as fit, each whole,
/// rather than cut one inside (`Esc c…`).
#[test]
fn the_notes_list_title_keeps_its_keys_whole() {
    for (lang, w, h, kept, left_out) in [
        (Lang::En, 120, 40, "Esc closes", ""),
        (Lang::En, 60, 20, "d deletes", "Esc"),
        (Lang::Zh, 120, 40, "Esc 关闭", ""),
        (Lang::Zh, 50, 20, "a 编辑", "Esc"),
    ] {
        let mut a = app_in(lang, w, h);
        keys(&mut a, "aone<Esc>:2<Enter>atwo<Esc>\"");
        let s = screen(&mut a);
        let title = s
            .lines()
            .find(|l| l.contains("2 notes —") || l.contains("共 2 条笔记 —"))
            .unwrap_or_else(|| panic!("{s}"));
        assert!(title.contains(kept) && !title.contains('…'), "{w}: {title}");
        assert!(
            left_out.is_empty() || !title.contains(left_out),
            "{w}: {title}"
        );
    }
}
