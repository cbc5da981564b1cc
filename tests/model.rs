//! The model without a terminal: selection, scrolling and filtering on the bundled articles
//! and on small corpora written here.

mod common;

use common::Harness;
use folio::action::Action;
use folio::corpus::Article;
use folio::model::Focus;

fn article(title: &str, paragraphs: &[&str]) -> Article {
    Article {
        title: title.to_string(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        path: format!("{title}.txt"),
        ..Article::default()
    }
}

fn corpus(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| article(&format!("article {i}"), &[&format!("word{i} common text")]))
        .collect()
}

#[test]
fn oslo_leaves_only_the_oslo_article() {
    let mut h = Harness::bundled(100, 30);
    h.filter("oslo");
    assert_eq!(h.model.shown().len(), 1, "{:?}", h.shown_titles());
    let id = h.model.shown()[0].id as usize;
    assert!(h.articles[id].paragraphs.iter().any(|p| p.contains("Oslo")));
}

#[test]
fn a_typo_still_finds_the_four_khalilzad_articles() {
    let mut h = Harness::bundled(100, 30);
    h.filter("khalilzd");
    let mut paths = h.shown_paths();
    paths.sort();
    let expected: Vec<String> = h
        .articles
        .iter()
        .filter(|a| a.paragraphs.iter().any(|p| p.contains("Khalilzad")))
        .map(|a| a.path.clone())
        .collect();
    assert_eq!(expected.len(), 4);
    assert_eq!(paths, expected);
}

#[test]
fn scattered_letters_match_nothing() {
    let mut h = Harness::bundled(100, 30);
    h.filter("xq");
    assert!(h.model.shown().is_empty());
    assert_eq!(h.model.selected_id(), None);
    assert!(h.model.reader().article().is_none());
}

#[test]
fn selection_stays_valid_when_the_filter_shrinks_empties_and_clears() {
    let mut h = Harness::new(corpus(10), 100, 30);
    h.act(Action::Bottom);
    assert_eq!(h.model.selected(), 9);
    h.filter("word3");
    assert_eq!(h.model.shown().len(), 1);
    assert_eq!(h.model.selected(), 0);
    assert_eq!(h.model.selected_id(), Some(3));
    h.act(Action::FilterChar('z'));
    h.act(Action::FilterChar('q'));
    assert!(h.model.shown().is_empty());
    assert_eq!(h.model.selected_id(), None);
    h.act(Action::Down);
    h.act(Action::FilterClear);
    assert_eq!(h.model.shown().len(), 10);
    assert!(h.model.selected() < 10);
    assert!(h.model.selected_id().is_some());
}

#[test]
fn clearing_the_filter_keeps_the_article_that_was_selected() {
    let mut h = Harness::new(corpus(10), 100, 30);
    h.filter("word7");
    h.act(Action::FilterClear);
    assert_eq!(h.model.selected_id(), Some(7));
    assert_eq!(h.model.focus(), Focus::List);
}

#[test]
fn list_moves_clamp_at_both_ends() {
    let mut h = Harness::new(corpus(3), 100, 30);
    h.act(Action::Up);
    assert_eq!(h.model.selected(), 0);
    for _ in 0..5 {
        h.act(Action::Down);
    }
    assert_eq!(h.model.selected(), 2);
    h.act(Action::PageDown);
    assert_eq!(h.model.selected(), 2);
    h.act(Action::Top);
    assert_eq!(h.model.selected(), 0);
}

#[test]
fn reader_scroll_clamps_at_both_ends() {
    let long: Vec<String> = (0..60).map(|i| format!("Paragraph number {i}.")).collect();
    let refs: Vec<&str> = long.iter().map(String::as_str).collect();
    let mut h = Harness::new(vec![article("long", &refs)], 100, 30);
    h.act(Action::SwitchPane);
    assert_eq!(h.model.focus(), Focus::Reader);
    h.act(Action::Up);
    assert_eq!(h.model.reader().top().block, 0);
    assert_eq!(h.model.reader().top().line, 0);
    for _ in 0..500 {
        h.act(Action::Down);
    }
    assert!(h.model.reader().at_end());
    let bottom = h.model.reader().top();
    h.act(Action::PageDown);
    h.act(Action::Down);
    assert_eq!(h.model.reader().top(), bottom, "scrolled past the end");
    let lines = h.model.reader().screen_lines();
    assert_eq!(lines.last().map(|l| l.text), Some("Paragraph number 59."));
    assert_eq!(
        lines.len(),
        h.model.reader().height(),
        "the last page is full"
    );
    assert_eq!(h.model.reader().percent(), 100);
    h.act(Action::Top);
    assert_eq!(h.model.reader().top().block, 0);
    assert!(h.model.reader().percent() < 100);
}

#[test]
fn a_short_article_does_not_scroll() {
    let mut h = Harness::new(vec![article("short", &["one", "two"])], 100, 30);
    h.act(Action::SwitchPane);
    h.act(Action::PageDown);
    assert_eq!(h.model.reader().top().block, 0);
    assert_eq!(h.model.reader().top().line, 0);
    assert!(h.model.reader().at_end());
}

#[test]
fn moving_the_selection_opens_that_article_in_the_reader() {
    let mut h = Harness::new(corpus(3), 100, 30);
    assert_eq!(h.model.reader().id(), Some(0));
    h.act(Action::Down);
    assert_eq!(h.model.reader().id(), Some(1));
    h.act(Action::Open);
    assert_eq!(h.model.focus(), Focus::Reader);
}

#[test]
fn n_walks_hits_then_moves_to_the_next_article() {
    let arts = vec![
        article("first", &["alpha beta alpha", "gamma alpha"]),
        article("second", &["no match here"]),
        article("third", &["alpha once"]),
    ];
    let mut h = Harness::new(arts, 100, 30);
    h.filter("'alpha");
    h.act(Action::FilterAccept);
    assert_eq!(h.model.shown().len(), 2);
    let first = h.model.selected_id();
    assert_eq!(h.model.reader().hit_status(), (Some(3), Some(1)));
    h.act(Action::NextHit);
    assert_eq!(h.model.reader().hit_status(), (Some(3), Some(2)));
    h.act(Action::NextHit);
    assert_eq!(h.model.reader().hit_status(), (Some(3), Some(3)));
    h.act(Action::NextHit);
    assert_ne!(h.model.selected_id(), first);
    assert_eq!(h.model.reader().hit_status(), (Some(1), Some(1)));
    h.act(Action::PrevHit);
    assert_eq!(h.model.selected_id(), first);
    assert_eq!(h.model.reader().hit_status(), (Some(3), Some(3)));
}

#[test]
fn narrow_screen_shows_one_pane_and_tab_toggles() {
    let mut h = Harness::new(corpus(3), 40, 12);
    assert!(h.model.layout().list.area() > 0);
    assert_eq!(h.model.layout().reader.area(), 0);
    h.act(Action::SwitchPane);
    assert_eq!(h.model.layout().list.area(), 0);
    assert!(h.model.layout().reader.area() > 0);
}

#[test]
fn m_marks_read_and_s_sorts() {
    let mut h = Harness::new(corpus(3), 100, 30);
    let key = |c| {
        ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )
    };
    let a = h.keymap.action(key('m'), folio::keymap::Mode::Normal);
    assert_eq!(a, Some(Action::ToggleRead));
    h.act(Action::ToggleRead);
    assert!(h.model.state(0).read);
    assert_eq!(h.model.status(), Some("marked read"));
}

#[test]
fn a_new_query_selects_its_best_match() {
    let arts = vec![
        article("one mention", &["alpha"]),
        article("many", &["alpha alpha alpha"]),
        article("none", &["beta"]),
    ];
    let mut h = Harness::new(arts, 100, 30);
    h.act(Action::Down);
    h.act(Action::Down);
    assert_eq!(h.model.selected_id(), Some(2));
    h.filter("'alpha");
    assert_eq!(h.model.selected(), 0);
    assert_eq!(h.model.selected_id(), Some(h.model.shown()[0].id));
    assert_eq!(h.model.reader().id(), h.model.selected_id());
}

#[test]
fn sort_marks_unread_and_copy() {
    let mut arts = corpus(4);
    arts[0].date = Some("2019-01-01".into());
    arts[2].date = Some("2021-06-01".into());
    arts[3].title = "a first by title".into();
    let mut h = Harness::new(arts, 100, 30);
    h.act(Action::CycleSort);
    assert_eq!(h.model.sort(), folio::state::Sort::Date);
    let ids: Vec<u32> = h.model.shown().iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![2, 0, 1, 3], "newest first, undated after");
    h.act(Action::CycleSort);
    assert_eq!(h.model.shown()[0].id, 3, "by title");
    h.act(Action::CycleSort);
    assert_eq!(h.model.sort(), folio::state::Sort::Path);

    h.act(Action::Top);
    h.act(Action::ToggleMark);
    h.act(Action::Down);
    h.act(Action::Down);
    h.act(Action::ToggleMark);
    h.act(Action::MarkedOnly);
    let ids: Vec<u32> = h.model.shown().iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![0, 2]);
    h.act(Action::MarkedOnly);
    assert_eq!(h.model.shown().len(), 4);

    h.act(Action::Top);
    h.act(Action::ToggleRead);
    assert!(h.model.state(0).read);
    h.act(Action::NextUnread);
    assert_eq!(h.model.selected_id(), Some(1));
    assert_eq!(h.model.library().unread(), 3);

    let effect = h.model.update(Action::Copy);
    assert_eq!(
        effect,
        vec![folio::model::Effect::Copy(
            "article 1\narticle 1.txt".into()
        )]
    );
}

#[test]
fn reading_to_the_end_marks_read_but_a_preview_does_not() {
    let long: Vec<String> = (0..60).map(|i| format!("Paragraph {i}.")).collect();
    let refs: Vec<&str> = long.iter().map(String::as_str).collect();
    let mut h = Harness::new(
        vec![article("long", &refs), article("short", &["x"])],
        100,
        30,
    );
    h.act(Action::Down);
    assert!(
        !h.model.state(1).read,
        "previewing a short article is not reading it"
    );
    h.act(Action::Up);
    h.act(Action::SwitchPane);
    assert!(!h.model.state(0).read);
    h.act(Action::Bottom);
    assert!(h.model.state(0).read);
}

#[test]
fn the_wheel_and_clicks_act_on_the_pane_under_the_pointer() {
    let mut h = Harness::new(corpus(10), 100, 30);
    h.act(Action::Click { x: 5, y: 4 });
    assert_eq!(
        h.model.selected(),
        3,
        "row 4 of the screen is the fourth article"
    );
    h.act(Action::Wheel {
        x: 5,
        y: 4,
        down: true,
    });
    assert_eq!(h.model.selected(), 6);
    h.act(Action::Click { x: 60, y: 10 });
    assert_eq!(h.model.focus(), Focus::Reader);
}

#[test]
fn hits_are_numbered_in_order_across_paragraphs_both_ways() {
    let paras: Vec<String> = (0..40)
        .map(|i| {
            if i % 7 == 3 {
                format!("paragraph {i} has the word needle and needle again")
            } else {
                format!("paragraph {i} has nothing")
            }
        })
        .collect();
    let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
    let mut h = Harness::new(vec![article("haystack", &refs)], 100, 12);
    h.filter("'needle");
    h.act(Action::FilterAccept);
    let total = h.model.shown()[0].hits as usize;
    assert_eq!(total, 12, "six paragraphs, two each");
    assert_eq!(h.model.reader().hit_status(), (Some(total), Some(1)));
    for k in 2..=total {
        h.act(Action::NextHit);
        assert_eq!(h.model.reader().hit_status(), (Some(total), Some(k)));
        let lines = h.model.reader().screen_lines();
        assert!(
            lines
                .iter()
                .any(|l| l.hits.iter().any(|(_, current)| *current)),
            "hit {k} is on screen and marked current"
        );
    }
    for k in (1..total).rev() {
        h.act(Action::PrevHit);
        assert_eq!(h.model.reader().hit_status(), (Some(total), Some(k)));
    }
}
