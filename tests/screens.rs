//! Whole screens through ratatui's TestBackend, pinned with insta snapshots.

mod common;

use common::Harness;
use folio::action::Action;
use folio::keymap::Mode;
use folio::model::Overlay;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

#[test]
fn first_screen_100x30() {
    let h = Harness::bundled(100, 30);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn first_screen_80x24() {
    let h = Harness::bundled(80, 24);
    insta::assert_snapshot!(h.screen());
}

/// Wide enough for the list's date and source columns.
#[test]
fn first_screen_200x50() {
    let h = Harness::bundled(200, 50);
    insta::assert_snapshot!(h.screen());
}

/// Scrolled past the title, the border says what is being read.
#[test]
fn reader_scrolled_past_the_title_80x24() {
    let mut h = Harness::bundled(80, 24);
    h.act(Action::SwitchPane);
    for _ in 0..6 {
        h.act(Action::Down);
    }
    insta::assert_snapshot!(h.screen());
}

/// `>` twice: the list wider, the reader narrower.
#[test]
fn a_wider_list_at_200x50() {
    let mut h = Harness::bundled(200, 50);
    h.act(Action::ListWidth { wider: true });
    h.act(Action::ListWidth { wider: true });
    h.act(Action::Down);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn first_screen_40x12() {
    let h = Harness::bundled(40, 12);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn reader_at_40x12() {
    let mut h = Harness::bundled(40, 12);
    h.act(Action::Open);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn list_after_filtering_oslo() {
    let mut h = Harness::bundled(100, 30);
    h.filter("oslo");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn help_overlay() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Help);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn reading_mode_is_full_width() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Open);
    h.act(Action::Open);
    assert!(h.model.reading_mode());
    insta::assert_snapshot!(h.screen());
}

#[test]
fn selected_row_is_reverse_video_without_colour() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Down);
    let term = h.render();
    let buf = term.backend().buffer();
    // Row 2 (inside the border) is the second article, the selected one.
    for x in 1..32 {
        assert!(buf[(x, 2)].modifier.contains(Modifier::REVERSED), "x={x}");
        assert!(!buf[(x, 1)].modifier.contains(Modifier::REVERSED), "x={x}");
    }
    assert_eq!(buf[(1, 2)].fg, ratatui::style::Color::Reset);
}

#[test]
fn matched_title_characters_are_highlighted() {
    let mut h = Harness::bundled(100, 30);
    h.filter("taliban");
    let term = h.render();
    let buf = term.backend().buffer();
    let row: String = (1..32).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    let byte = row.find("Taliban").expect("a title with Taliban first");
    // Cells are columns: count the characters before it (all single-width here).
    let at = row[..byte].chars().count() as u16 + 1;
    for x in at..at + 7 {
        assert!(
            buf[(x, 1)].modifier.contains(Modifier::UNDERLINED),
            "{row} x={x}"
        );
    }
    assert!(
        !buf[(at - 2, 1)].modifier.contains(Modifier::UNDERLINED),
        "only the match is highlighted: {row}"
    );
}

#[test]
fn no_panic_at_any_small_size() {
    let mut h = Harness::bundled(1, 1);
    for w in 0..30 {
        for ht in 0..8 {
            h.resize(w, ht);
            let _ = h.render();
            h.act(Action::Help);
            let _ = h.render();
            h.act(Action::Help);
            h.act(Action::SwitchPane);
            h.act(Action::PageDown);
            let _ = h.render();
        }
    }
}

#[test]
fn status_line_says_what_a_key_did() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::CycleSort);
    let screen = h.screen();
    let last = screen.lines().last().unwrap_or_default().to_string();
    assert!(last.contains("sorted by date"), "{last}");
}

#[test]
fn an_overlay_border_is_whole_over_wide_characters() {
    let titles: Vec<folio::corpus::Article> = (0..8)
        .map(|i| folio::corpus::Article {
            title: format!("{i:02}このディレクトリにあるすべての記事ファイル"),
            paragraphs: vec!["本文".into()],
            path: format!("{i}.txt"),
            ..Default::default()
        })
        .collect();
    let mut h = Harness::new(titles, 100, 30);
    h.act(Action::Help);
    let term = h.render();
    let buf = term.backend().buffer();
    let left = (0..100)
        .find(|&x| buf[(x, 3)].symbol() == "┌")
        .expect("overlay corner");
    for y in 3..10 {
        let before = buf[(left - 1, y)].symbol();
        assert_eq!(
            folio::text::width(before),
            1,
            "row {y}: {before:?} covers the border"
        );
    }
}

#[test]
fn help_overlay_at_40x12() {
    let mut h = Harness::bundled(40, 12);
    h.act(Action::Help);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn help_overlay_scrolled_to_the_filter_bar() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Help);
    // Page down until the filter bar's keys come into view (how far depends on how many keys
    // the other sections list).
    for _ in 0..20 {
        if h.screen().contains("In the filter bar") {
            break;
        }
        h.act(Action::PageDown);
    }
    assert!(h.screen().contains("In the filter bar"));
    insta::assert_snapshot!(h.screen());
}

/// Presses a key as the interface does, in the mode the model is in, and gives the action it
/// asked for.
fn press(h: &mut Harness, code: KeyCode) -> Option<Action> {
    let mode = if h.model.overlay().is_some() {
        Mode::Overlay
    } else if h.model.typing() {
        Mode::Typing
    } else {
        Mode::Normal
    };
    let action = h
        .keymap
        .action(KeyEvent::new(code, KeyModifiers::NONE), mode)?;
    h.act(action.clone());
    Some(action)
}

#[test]
fn in_an_overlay_any_key_closes_and_the_scrolling_keys_scroll() {
    let mut h = Harness::bundled(100, 30);
    press(&mut h, KeyCode::Char('?'));
    assert!(h.screen().contains(" any key closes · j/k scroll "));
    press(&mut h, KeyCode::Char('j'));
    press(&mut h, KeyCode::Char('j'));
    press(&mut h, KeyCode::Char('k'));
    assert_eq!(h.model.overlay(), Some((Overlay::Help, 1)));
    press(&mut h, KeyCode::Char('S'));
    assert_eq!(h.model.overlay(), Some((Overlay::Skipped, 0)));
    assert!(h.screen().contains(" any key closes · j/k scroll "));
    for key in ['x', 'G', '/', 'n', 'y'] {
        press(&mut h, KeyCode::Char('?'));
        assert!(h.model.overlay().is_some());
        press(&mut h, KeyCode::Char(key));
        assert_eq!(h.model.overlay(), None, "{key} closes the help");
        assert!(!h.model.typing(), "{key} only closes");
    }
    press(&mut h, KeyCode::Char('?'));
    press(&mut h, KeyCode::Esc);
    assert_eq!(h.model.overlay(), None);
    // q closes the window, as in less; only then does it quit.
    press(&mut h, KeyCode::Char('?'));
    assert_eq!(press(&mut h, KeyCode::Char('q')), Some(Action::Back));
    assert_eq!(h.model.overlay(), None);
    assert_eq!(press(&mut h, KeyCode::Char('q')), Some(Action::Quit));
}

#[test]
fn the_overlay_footer_follows_the_keys_in_force() {
    let mut h = Harness::bundled(100, 30);
    let e = folio::keymap::parse_key("e").expect("e");
    h.keymap.bind("down", vec![e]);
    press(&mut h, KeyCode::Char('?'));
    assert!(h.screen().contains(" any key closes · e/k scroll "));
    press(&mut h, KeyCode::Char('e'));
    assert_eq!(h.model.overlay(), Some((Overlay::Help, 1)));
    press(&mut h, KeyCode::Char('j'));
    assert_eq!(h.model.overlay(), None, "j is no longer a scrolling key");
}
