//! The Chinese interface names a paragraph the same way wherever it shows
//! one: the status line, the hit list, the go-to line's candidates, marks,
//! notes and their notices all say `执行部分第2段第(b)项`, not `op-2-b`.

mod common;
use common::*;

use dushanbe_reader::app::App;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::text::str_width;
use dushanbe_reader::themes::Themes;
use ratatui::buffer::Buffer;

fn fixture_zh(name: &str, w: u16, h: u16) -> App {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc = dushanbe_reader::load::load_file(std::path::Path::new(&path))
        .unwrap()
        .document;
    App::new(doc, Themes::builtin(), Lang::Zh, false, (w, h))
}

/// The rows of the box whose top border starts with `title`, as shown.
fn box_rows(buf: &Buffer, title: &str) -> Vec<String> {
    let (x, y) = find_on_screen(buf, &format!("┌ {title}"))
        .unwrap_or_else(|| panic!("no box titled {title}:\n{}", buffer_text(buf)));
    let mut rows = Vec::new();
    for y in y + 1..buf.area.height {
        if buf[(x, y)].symbol() != "│" {
            break;
        }
        let mut row = String::new();
        let mut cx = x + 1;
        while cx < buf.area.width && buf[(cx, y)].symbol() != "│" {
            let symbol = buf[(cx, y)].symbol();
            row.push_str(symbol);
            // A wide character's second column holds nothing of its own.
            cx += str_width(symbol).max(1) as u16;
        }
        rows.push(row);
    }
    rows
}

/// A row's label: what it shows before the first space.
fn label(row: &str) -> String {
    row.split_whitespace().next().unwrap_or("").to_string()
}

/// `label` names the paragraph the status line names `name`: the same,
/// or cut short with `…` in a narrow list.
fn names(label: &str, name: &str) -> bool {
    match label.strip_suffix('…') {
        Some(head) => name.starts_with(head),
        None => label == name,
    }
}

const TEXTS: [&str; 3] = ["sc-resolution.zh.txt", "action-plan.zh.txt", "law.zh.txt"];

/// A word in several paragraphs of each of [`TEXTS`].
const WORDS: [&str; 3] = ["恐怖", "加强", "预防"];

#[test]
fn each_hit_is_named_as_the_status_line_names_its_paragraph() {
    let texts = TEXTS.iter().zip(WORDS);
    for ((text, word), (w, h)) in texts.flat_map(|t| [(t, (120, 40)), (t, (60, 20))]) {
        let open = || {
            let mut a = fixture_zh(text, w, h);
            keys(&mut a, &format!("/{word}<Enter>s"));
            a
        };
        let mut a = open();
        let rows = box_rows(&render_buffer(&mut a), &format!("“{word}”"));
        assert!(rows.len() >= 3, "{text}: {rows:?}");
        for (k, row) in rows.iter().enumerate() {
            let shown = label(row);
            assert!(!shown.contains('-'), "{text} at {w}: an id in {row}");
            let mut b = open();
            keys(&mut b, &format!("{}<Enter>", "j".repeat(k)));
            let name = status_name(&mut b);
            assert!(
                names(&shown, &name),
                "{text} at {w}: row {k} says {shown}, the status line {name}"
            );
        }
    }
}

#[test]
fn each_go_to_candidate_is_named_as_the_status_line_names_it() {
    for (text, word) in TEXTS.iter().zip(WORDS) {
        let open = || {
            let mut a = fixture_zh(text, 100, 30);
            keys(&mut a, &format!(":{word}"));
            a
        };
        let mut a = open();
        let rows = box_rows(&render_buffer(&mut a), "↑↓");
        assert!(rows.len() >= 2, "{text}: {rows:?}");
        for (k, row) in rows.iter().enumerate() {
            let mut b = open();
            keys(&mut b, &format!("{}<Enter>", "<Tab>".repeat(k)));
            let name = status_name(&mut b);
            assert!(
                names(&label(row), &name),
                "{text}: candidate {k} is {row}, the status line says {name}"
            );
        }
    }
}

#[test]
fn marks_and_notes_name_their_paragraphs_in_chinese() {
    for text in TEXTS {
        let mut a = fixture_zh(text, 100, 30);
        keys(&mut a, "GkK");
        let name = status_name(&mut a);
        keys(&mut a, "mq");
        assert_eq!(a.notice_text(), Some(format!("已设置标记 q：{name}")));
        keys(&mut a, "gg'");
        let rows = box_rows(&render_buffer(&mut a), "跳到标记");
        assert!(
            rows.iter().any(|r| r.starts_with(&format!("q  {name} "))),
            "{text}: {rows:?}"
        );
        keys(&mut a, "q");
        assert_eq!(status_name(&mut a), name);

        keys(&mut a, "a");
        assert!(
            screen(&mut a).contains(&format!("┌ {name}的笔记 —")),
            "{text}"
        );
        keys(&mut a, "要点<C-s>");
        assert_eq!(a.notice_text(), Some(format!("已保存笔记：{name}")));
        keys(&mut a, "gg\"");
        let rows = box_rows(&render_buffer(&mut a), "共 1 条笔记");
        assert!(names(&label(&rows[0]), &name), "{text}: {rows:?}");
        assert!(rows[0].contains("✎ 要点"), "{text}: {rows:?}");
    }
}

/// A plan's item's own items go by the item's place and their number
/// (`二（四）2`, `（四）第2项`), as they are spoken of.
#[test]
fn an_items_own_item_is_gone_to_by_its_number_after_the_item() {
    for typed in ["二（四）2", "二（四）第2项", "（四）2", "二(四)(2)"] {
        let mut a = fixture_zh("action-plan.zh.txt", 100, 30);
        keys(&mut a, &format!(":{typed}<Enter>"));
        let name = status_name(&mut a);
        assert!(name.contains("第（四）段第2项"), "{typed}: {name}");
        assert!(current_id(&mut a).ends_with("-2"), "{typed}");
    }
}

/// A place the text lacks suggests others by the names the Chinese
/// interface cites them by, each of which `:` goes to; an article's 款 it
/// lacks suggests that article and its items.
#[test]
fn what_to_try_instead_is_named_in_chinese_and_goes_there() {
    let mut a = fixture_zh("law.zh.txt", 120, 30);
    for (typed, first) in [
        ("第二条第（五）项", "第二条"),
        ("第二条第二款", "第二条"),
        ("第七条", "第六条"),
    ] {
        keys(&mut a, &format!(":{typed}<Enter>"));
        let said = a.notice_text().unwrap_or_default();
        let tried = said
            .split_once("（可输入 ")
            .and_then(|(_, t)| t.strip_suffix('）'))
            .unwrap_or_else(|| panic!("{typed}: {said}"));
        assert!(!tried.contains("art-") && !tried.contains("op-"), "{said}");
        let names: Vec<&str> = tried.split(" / ").collect();
        assert_eq!(names[0], first, "{said}");
        for name in names {
            keys(&mut a, &format!(":{name}<Enter>"));
            assert!(a.notice_text().is_none(), "{name}: {:?}", a.notice_text());
            let status = status_line(&mut a);
            assert!(status.contains(name), "{name}: {status}");
        }
    }
}

/// A number past the last is answered with the last paragraph's number
/// as typed, short enough for a narrow status line; `5段` is `第5段`.
#[test]
fn a_number_to_try_is_said_as_typed_and_di_may_be_left_out() {
    for w in [60, 80] {
        let mut a = app_in(Lang::Zh, w, 20);
        keys(&mut a, ":第17段<Enter>");
        let status = status_line(&mut a);
        assert!(status.contains("没有段落“第17段”（可输入 16）"), "{status}");
        keys(&mut a, ":5段<Enter>");
        assert_eq!(current_id(&mut a), "op-5");
    }
}

/// On a narrow status line the places to try are fewer, each whole, and
/// what was typed stays whole while there is room: a place cut short
/// (`第二条第（一…`) could name another.
#[test]
fn a_narrow_status_line_gives_fewer_places_to_try_each_whole() {
    for (w, said) in [
        (60, "没有段落“第二条第二款”（可输入 第二条）"),
        (
            80,
            "没有段落“第二条第二款”（可输入 第二条 / 第二条第（一）项）",
        ),
    ] {
        let mut a = fixture_zh("law.zh.txt", w, 24);
        keys(&mut a, ":第二条第二款<Enter>");
        let status = status_line(&mut a);
        assert!(status.contains(said), "{w}: {status}");
    }
}

/// A place to try that happens to be where reading is does not take the
/// paragraph's name from the status line: it is a suggestion, not the
/// paragraph the notice is about.
#[test]
fn a_suggestion_naming_the_current_paragraph_leaves_its_name() {
    let mut a = fixture_zh("sc-resolution.zh.txt", 80, 24);
    keys(&mut a, "/合作<Enter>:1(a)<Enter>:1(z)<Enter>");
    let status = status_line(&mut a);
    assert!(status.contains(" 执行部分第1段第(a)项 · "), "{status}");
    assert!(status.contains("没有段落“1(z)”"), "{status}");
    // With no room for one place to try whole, none rather than a cut one.
    let mut a = fixture_zh("sc-resolution.zh.txt", 60, 20);
    keys(&mut a, "/合作<Enter>:1(a)<Enter>:1(z)<Enter>");
    let status = status_line(&mut a);
    assert!(status.trim_end().ends_with("没有段落“1(z)”"), "{status}");
    assert!(status.contains("第1段第(a)项"), "{status}");
}

/// A notice naming the paragraph being read (a note saved on it) is not
/// said beside the same name: the title keeps its room before the place
/// does, at 80 columns as at 120.
#[test]
fn a_notice_naming_the_paragraph_is_not_said_beside_its_name() {
    let name = "执行部分第3段第(b)项第(ii)目";
    for w in [80, 120] {
        let mut a = fixture_zh("ga-resolution.en.txt", w, 24);
        keys(&mut a, ":3bii<Enter>a要点<C-s>");
        let status = status_line(&mut a);
        assert!(
            status.contains(&format!("已保存笔记：{name}")),
            "{w}: {status}"
        );
        assert!(status.contains("90/123. Prevention"), "{w}: {status}");
        if w == 80 {
            assert_eq!(status.matches(name).count(), 1, "{w}: {status}");
        }
    }
}

/// Short of room for the paragraph's name, a notice that names it says
/// what was done without it, rather than cut it inside a label
/// (`已设置标记 b：执行部分第3段第(b)项第(ii…`).
#[test]
fn a_notice_short_of_room_for_the_name_is_not_cut_inside_it() {
    for (keys_, said) in [("mb", "已设置标记 b"), ("y", "已复制")] {
        for w in 40..=60 {
            let mut a = fixture_zh("sc-resolution.zh.txt", w, 20);
            keys(&mut a, &format!(":op-3-b-ii<Enter>{keys_}"));
            let status = status_line(&mut a);
            assert!(status.contains(said), "{w}: {status}");
            assert!(!status.trim_end().ends_with('…'), "{w}: {status}");
        }
    }
}
