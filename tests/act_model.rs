//! Tags, saved searches and the selection across filter and sort changes, on the model with a
//! search answered at once.

mod common;

use common::Harness;
use folio::action::Action;
use folio::corpus::Article;
use folio::model::{Effect, Overlay};

fn article(title: &str, text: &str, date: &str) -> Article {
    Article {
        title: title.into(),
        paragraphs: vec![text.into()],
        date: Some(date.into()),
        path: format!("{title}.txt"),
        hash: title.len() as u64 * 7919 + text.len() as u64,
        ..Article::default()
    }
}

fn harness() -> Harness {
    Harness::new(
        vec![
            article("Oil prices climb", "oil and gas in iran", "2020-01-03"),
            article("Talks in Doha", "peace talks and oil", "2020-01-01"),
            article("Storm season", "weather", "2020-01-02"),
        ],
        100,
        30,
    )
}

/// Answers a prompt: types `text`, then Enter.
fn answer(h: &mut Harness, text: &str) {
    for c in text.chars() {
        h.act(Action::FilterChar(c));
    }
    h.act(Action::FilterAccept);
}

fn titles(h: &Harness) -> Vec<String> {
    h.shown_titles()
}

#[test]
fn the_selection_stays_on_its_article_across_filter_and_sort_changes() {
    let mut h = harness();
    h.act(Action::Down);
    assert_eq!(h.model.selected_id(), Some(1), "Talks in Doha");
    h.filter("oil");
    assert_eq!(titles(&h).len(), 2);
    assert_eq!(
        h.model.selected_id(),
        Some(1),
        "still in the list: still selected"
    );
    h.act(Action::FilterAccept);
    h.act(Action::CycleSort);
    h.act(Action::CycleSort);
    assert_eq!(
        h.model.selected_id(),
        Some(1),
        "after sorting by date, then by title"
    );
    assert_eq!(h.model.reader().id(), Some(1));
    h.act(Action::Filter);
    h.act(Action::FilterBackspace);
    h.act(Action::FilterBackspace);
    h.act(Action::FilterBackspace);
    assert_eq!(titles(&h).len(), 3);
    assert_eq!(h.model.selected_id(), Some(1), "the filter emptied");
    h.act(Action::FilterChar('w'));
    assert_eq!(titles(&h), ["Storm season"]);
    assert_eq!(
        h.model.selected_id(),
        Some(2),
        "gone from the list: its best match"
    );
}

#[test]
fn tags_are_added_removed_and_found_with_tag_terms() {
    let mut h = harness();
    h.act(Action::Tag);
    answer(&mut h, "Iran");
    assert_eq!(h.model.status(), Some("tagged the article iran"));
    assert_eq!(h.model.state(0).tags, ["iran"]);
    // Two marked articles are tagged together.
    h.act(Action::Down);
    h.act(Action::ToggleMark);
    h.act(Action::Down);
    h.act(Action::ToggleMark);
    h.act(Action::Tag);
    answer(&mut h, "gulf");
    assert_eq!(h.model.status(), Some("tagged 2 articles gulf"));
    h.filter("tag:gulf");
    assert_eq!(titles(&h), ["Talks in Doha", "Storm season"]);
    h.act(Action::FilterChar(' '));
    for c in "oil".chars() {
        h.act(Action::FilterChar(c));
    }
    assert_eq!(titles(&h), ["Talks in Doha"], "tag and words together");
    h.act(Action::FilterClear);
    h.filter("!tag:gulf");
    assert_eq!(titles(&h), ["Oil prices climb"]);
    h.act(Action::FilterClear);
    // Again on the same articles: the tag comes off.
    h.act(Action::Tag);
    answer(&mut h, "gulf");
    assert_eq!(h.model.status(), Some("took the tag gulf off 2 articles"));
    h.filter("tag:gulf");
    assert!(titles(&h).is_empty());
}

#[test]
fn a_saved_search_is_named_listed_with_its_unread_count_and_opened() {
    let mut h = harness();
    h.act(Action::SaveSearch);
    assert_eq!(h.model.status(), Some("no filter to save: type one with /"));
    h.filter("oil");
    h.act(Action::FilterAccept);
    h.act(Action::SaveSearch);
    answer(&mut h, "energy");
    assert_eq!(h.model.status(), Some("saved the search \"energy\": oil"));
    h.model
        .set_global_searches(vec![("calm".into(), "weather".into())]);
    h.act(Action::FilterClear);
    h.act(Action::Back);
    assert_eq!(titles(&h).len(), 3);
    let effects = h.model.update(Action::SavedSearches);
    assert_eq!(h.model.overlay(), Some((Overlay::Searches, 0)));
    let [Effect::Count(queries, articles)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!((queries.len(), articles.len()), (2, 3));
    h.model.update(Action::Counted(vec![vec![0, 1], vec![2]]));
    h.model.update(Action::Down);
    h.model.update(Action::Up);
    let counts: Vec<(String, Option<usize>)> = h
        .model
        .saved_counts()
        .into_iter()
        .map(|(s, n)| (s.name, n))
        .collect();
    assert_eq!(
        counts,
        [("energy".into(), Some(2)), ("calm".into(), Some(1))]
    );
    h.act(Action::Pick);
    assert_eq!(h.model.overlay(), None);
    assert_eq!(h.model.filter().as_str(), "oil");
    assert_eq!(titles(&h).len(), 2);
    assert_eq!(
        h.model.session().searches,
        [("energy".to_string(), "oil".to_string())]
    );
}
