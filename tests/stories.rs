//! Related reports in the interface: the grouping arriving as an action, `+N` in list rows,
//! the related window (`r`, Enter, `p`), repeats hidden with a count in the header (`R`), and
//! the screens they draw.

mod common;

use std::sync::Arc;

use common::Harness;
use folio::action::Action;
use folio::corpus::Article;
use folio::stories::Stories;

/// The harness with the grouping of its articles delivered, as the stories worker would.
fn grouped(mut h: Harness) -> Harness {
    let mut stories = Stories::new();
    stories.add(&h.articles);
    h.act(Action::Grouped(Arc::new(stories.grouping())));
    h
}

fn titles(h: &Harness) -> Vec<String> {
    h.model
        .shown()
        .iter()
        .map(|r| h.articles[r.id as usize].title.clone())
        .collect()
}

/// Three reports of one event (the third a verbatim copy of the first), and two others.
fn with_a_repeat() -> Vec<Article> {
    let event: Vec<String> = (0..30)
        .map(|i| format!("Flood{i} river{i} bridge{i} rescue{i} town{i}."))
        .collect();
    let mut other_report = event[..20].to_vec();
    other_report.extend((0..10).map(|i| format!("Mayor{i} shelter{i} rain{i}.")));
    let article = |title: &str, source: &str, paragraphs: Vec<String>| Article {
        title: title.into(),
        date: Some("2024-05-02".into()),
        source: Some(source.into()),
        paragraphs,
        path: format!("{title}.txt"),
        ..Article::default()
    };
    let unrelated = |n: usize| -> Vec<String> {
        (0..30)
            .map(|i| format!("Topic{n}x{i} matter{n}x{i} thing{n}x{i}."))
            .collect()
    };
    vec![
        article("Flood reaches town", "Wire", event.clone()),
        article("Town flooded overnight", "Paper", other_report),
        article("Flood reaches town (copy)", "Reprint", event),
        article("Budget passes", "Paper", unrelated(1)),
        article("Match report", "Sports", unrelated(2)),
    ]
}

#[test]
fn r_on_the_trt_world_article_shows_the_france_24_one_and_nothing_else() {
    let mut h = grouped(Harness::bundled(100, 30));
    assert_eq!(h.model.selected_id(), Some(0));
    h.act(Action::Related);
    let window = h.model.stories().window().cloned();
    assert_eq!(window.map(|w| w.others), Some(vec![1]));
    let screen = h.screen();
    assert!(screen.contains("1 other report of this story"), "{screen}");
    assert!(screen.contains("FRANCE 24"), "{screen}");
}

#[test]
fn enter_opens_the_report_and_p_comes_back() {
    let mut h = grouped(Harness::bundled(100, 30));
    h.act(Action::Related);
    h.act(Action::Open);
    assert!(h.model.stories().window().is_none());
    assert_eq!(h.model.reader().id(), Some(1));
    assert_eq!(h.model.selected_id(), Some(1));
    h.act(Action::RelatedBack);
    assert_eq!(h.model.reader().id(), Some(0));
    assert_eq!(h.model.selected_id(), Some(0));
}

#[test]
fn any_other_key_closes_the_window_and_a_lone_story_says_so() {
    let mut h = grouped(Harness::bundled(100, 30));
    h.act(Action::Related);
    h.act(Action::Help);
    assert!(h.model.stories().window().is_none());
    assert!(
        h.model.overlay().is_none(),
        "the key only closed the window"
    );
    h.act(Action::Bottom);
    assert_eq!(h.model.selected_id(), Some(4));
    h.act(Action::Related);
    assert!(h.model.stories().window().is_none());
    assert_eq!(h.model.status(), Some("no other reports of this story"));
}

#[test]
fn before_the_grouping_comes_r_says_it_is_on_its_way() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Related);
    assert!(h.model.stories().window().is_none());
    assert_eq!(h.model.status(), Some("stories are still being grouped"));
}

#[test]
fn rows_show_how_many_other_reports_their_story_has() {
    let h = grouped(Harness::bundled(100, 30));
    let screen = h.screen();
    let rows: Vec<&str> = screen.lines().skip(1).take(5).collect();
    assert!(rows[0].contains(" +1│"), "{screen}");
    assert!(rows[1].contains(" +1│"), "{screen}");
    for row in &rows[2..] {
        assert!(!row.contains(" +"), "{screen}");
    }
}

#[test]
fn repeats_are_hidden_with_a_count_until_r_shows_them() {
    let mut h = grouped(Harness::new(with_a_repeat(), 100, 30));
    assert_eq!(
        titles(&h),
        [
            "Flood reaches town",
            "Town flooded overnight",
            "Budget passes",
            "Match report"
        ]
    );
    assert!(h.screen().contains("1 repeat hidden"), "{}", h.screen());
    h.act(Action::ToggleRepeats);
    assert_eq!(titles(&h).len(), 5);
    assert!(!h.screen().contains("repeat hidden"));
    // The window marks the copy as a repeat of article 1.
    h.act(Action::Top);
    h.act(Action::Related);
    let screen = h.screen();
    assert!(screen.contains("2 other reports of this story"), "{screen}");
    assert!(screen.contains("repeats 1"), "{screen}");
    h.act(Action::Back);
    h.act(Action::ToggleRepeats);
    assert_eq!(titles(&h).len(), 4);
}

#[test]
fn a_hidden_repeat_opens_from_the_window_by_itself() {
    let mut h = grouped(Harness::new(with_a_repeat(), 100, 30));
    h.act(Action::Related);
    h.act(Action::Down);
    h.act(Action::Open);
    assert_eq!(h.model.reader().id(), Some(2), "the copy is read");
    assert_eq!(
        h.model.selected_id(),
        Some(0),
        "the list keeps its selection"
    );
    h.act(Action::RelatedBack);
    assert_eq!(h.model.reader().id(), Some(0));
}

#[test]
fn related_window_100x30() {
    let mut h = grouped(Harness::bundled(100, 30));
    h.act(Action::Related);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn related_window_40x12() {
    let mut h = grouped(Harness::bundled(40, 12));
    h.act(Action::Related);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn list_with_a_repeat_hidden_100x30() {
    let h = grouped(Harness::new(with_a_repeat(), 100, 30));
    insta::assert_snapshot!(h.screen());
}

#[test]
fn t_shows_the_months_and_enter_narrows_the_filter_to_one() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Timeline);
    let t = h.model.timeline().cloned().expect("a timeline");
    assert_eq!(
        t.bars,
        [("2019-09".to_string(), 1), ("2020-02".to_string(), 1)]
    );
    assert_eq!(t.undated, 3);
    assert_eq!(t.chosen(), Some("2020-02"), "the newest is chosen first");
    h.act(Action::ScrollLeft);
    h.act(Action::Open);
    assert!(h.model.timeline().is_none());
    assert_eq!(h.model.filter().as_str(), "date:2019-09");
    assert_eq!(
        titles(&h),
        [
            "The Taliban attacked a second Afghan city this weekend and killed members of security forces…"
        ]
    );
    // Within one month the bars are days; a day replaces the month rather than adding to it.
    h.act(Action::Timeline);
    h.act(Action::Open);
    assert_eq!(h.model.filter().as_str(), "date:2019-09-01");
}

#[test]
fn any_other_key_closes_the_timeline() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Timeline);
    h.act(Action::Help);
    assert!(h.model.timeline().is_none());
    assert!(h.model.overlay().is_none());
    assert_eq!(h.model.filter().as_str(), "");
}

#[test]
fn timeline_100x30() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Timeline);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn timeline_40x12() {
    let mut h = Harness::bundled(40, 12);
    h.act(Action::Timeline);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn f_lists_the_names_in_the_list_and_enter_filters_by_one() {
    let mut h = Harness::bundled(100, 30);
    h.act(Action::Facets);
    assert!(h.model.facets().is_none());
    assert_eq!(h.model.status(), Some("names are still being found"));
    let mut h = grouped(h);
    h.act(Action::Facets);
    let facets = h.model.facets().cloned().expect("names");
    let row = facets
        .rows
        .iter()
        .position(|(n, _)| n == "Zalmay Khalilzad")
        .expect("Khalilzad is named");
    assert!(facets.rows[row].1 >= 2, "{facets:?}");
    assert!(facets.rows.iter().all(|(n, _)| n != "The" && n != "Monday"));
    assert!(
        facets.rows.windows(2).all(|w| w[0].1 >= w[1].1),
        "most first: {facets:?}"
    );
    for _ in 0..row {
        h.act(Action::Down);
    }
    h.act(Action::Open);
    assert!(h.model.facets().is_none());
    assert_eq!(h.model.filter().as_str(), "entity:\"Zalmay Khalilzad\"");
    let shown: Vec<u32> = h.model.shown().iter().map(|r| r.id).collect();
    assert!((2..5).contains(&shown.len()), "{shown:?} name him");
    // The list holds exactly the articles the grouping says name him.
    let g = h.model.stories().grouping().cloned().expect("grouped");
    let him = g
        .names()
        .names
        .iter()
        .position(|n| &**n == "Zalmay Khalilzad")
        .map(|n| n as u32);
    let naming: Vec<u32> = (0..5u32)
        .filter(|&id| him.is_some_and(|n| g.entities(id).contains(&n)))
        .collect();
    assert_eq!(shown, naming);
    // With a word searched too, both apply.
    h.act(Action::Filter);
    for c in " kunduz".chars() {
        h.act(Action::FilterChar(c));
    }
    let both: Vec<u32> = h.model.shown().iter().map(|r| r.id).collect();
    assert!(both.iter().all(|id| naming.contains(id)), "{both:?}");
    assert!(
        !both.is_empty() && both.len() < naming.len(),
        "{both:?} of {naming:?}"
    );
    // Dropping the name lists every article again.
    h.act(Action::FilterClear);
    assert_eq!(h.model.shown().len(), 5);
}

#[test]
fn facets_40x12() {
    let mut h = grouped(Harness::bundled(40, 12));
    h.act(Action::Facets);
    insta::assert_snapshot!(h.screen());
}
