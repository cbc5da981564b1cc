//! The model replayed from lists of actions, keys and arrivals alike, with no terminal and no
//! worker: what the loader and the search worker would send is written into the list.

use std::sync::Arc;

use super::*;
use crate::action::Batch;
use crate::search::{Index, SearchOutcome};

fn article(title: &str, body: &str, hash: u64) -> Arc<Article> {
    Arc::new(Article {
        title: title.into(),
        paragraphs: vec![body.into()],
        path: format!("{title}.txt"),
        hash,
        ..Article::default()
    })
}

fn batch(articles: &[Arc<Article>]) -> Action {
    Action::Loaded(Batch {
        articles: articles.to_vec(),
        ..Batch::default()
    })
}

/// Replays `actions`; each search asked for is answered at once from an index of `corpus`,
/// as the worker would answer it.
fn replay(corpus: &[Arc<Article>], actions: Vec<Action>) -> (Model, Vec<Effect>) {
    let mut index = Index::new();
    index.add(corpus);
    let mut model = Model::default();
    let mut seen = Vec::new();
    let mut queue: std::collections::VecDeque<Action> = actions.into();
    while let Some(action) = queue.pop_front() {
        for effect in model.update(action) {
            if let Effect::Search(generation, query) = &effect {
                let ranked = index.search(&corpus[..model.articles().len()], query);
                queue.push_front(Action::Searched(SearchOutcome {
                    generation: *generation,
                    ranked,
                    indexed: model.articles().len(),
                }));
            }
            seen.push(effect);
        }
    }
    (model, seen)
}

#[test]
fn a_batch_is_indexed_listed_and_opened() {
    let corpus = [article("Oslo", "talks", 1), article("Kabul", "city", 2)];
    let (model, effects) = replay(&corpus, vec![Action::Resize(100, 30), batch(&corpus)]);
    assert_eq!(effects, vec![Effect::Index(corpus.to_vec())]);
    assert_eq!(model.shown().len(), 2);
    assert_eq!(model.reader().id(), Some(0));
}

#[test]
fn articles_arriving_under_a_query_are_searched_again() {
    let corpus = [
        article("Oslo", "talks", 1),
        article("Kabul", "city", 2),
        article("Oslo again", "more talks", 3),
    ];
    let mut actions = vec![Action::Resize(100, 30), batch(&corpus[..2]), Action::Filter];
    actions.extend("oslo".chars().map(Action::FilterChar));
    actions.push(batch(&corpus[2..]));
    let (model, effects) = replay(&corpus, actions);
    let searches = effects
        .iter()
        .filter(|e| matches!(e, Effect::Search(..)))
        .count();
    assert_eq!(searches, 5, "four letters, then the new batch");
    let ids: Vec<u32> = model.shown().iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&2), "the late article is found: {ids:?}");
    assert!(!model.search().searching());
}

#[test]
fn a_stale_result_changes_nothing() {
    let corpus = [article("Oslo", "talks", 1), article("Kabul", "city", 2)];
    let (mut model, _) = replay(&corpus, vec![Action::Resize(100, 30), batch(&corpus)]);
    model.update(Action::Filter);
    model.update(Action::FilterChar('k'));
    let stale = SearchOutcome {
        generation: 0,
        ranked: Vec::new(),
        indexed: 2,
    };
    assert!(model.update(Action::Searched(stale)).is_empty());
    assert!(
        model.shown().is_empty(),
        "no answer to `k` yet: no list, and never the unfiltered one"
    );
    assert!(model.search().searching());
}

#[test]
fn while_loading_the_list_is_always_a_fresh_search_over_what_has_arrived() {
    // A loader that delivers batches faster than the worker answers: each answer comes one
    // batch late. After every answer, the list is exactly what a search over the articles it
    // covered finds, never the unfiltered list.
    let corpus: Vec<Arc<Article>> = (0..40)
        .map(|i| {
            let word = if i % 7 == 3 { "kunduz" } else { "other" };
            article(&format!("a{i}"), &format!("{word} text {i}"), i)
        })
        .collect();
    let mut index = Index::new();
    let mut model = Model::default();
    model.update(Action::Resize(100, 30));
    model.update(Action::Filter);
    let mut asked = Vec::new();
    for c in "kunduz".chars() {
        asked.extend(model.update(Action::FilterChar(c)));
    }
    for chunk in corpus.chunks(8) {
        // The answers to what was asked before this batch come after it.
        let mut answers = Vec::new();
        for effect in asked.drain(..) {
            match effect {
                Effect::Index(batch) => index.add(&batch),
                Effect::Search(generation, query) => {
                    let covered = index.len();
                    let ranked = index.search(&corpus[..covered], &query);
                    answers.push(Action::Searched(SearchOutcome {
                        generation,
                        ranked,
                        indexed: covered,
                    }));
                }
                _ => {}
            }
        }
        asked.extend(model.update(batch(chunk)));
        for answer in answers {
            model.update(answer);
            let covered = model.search().indexed();
            let fresh: Vec<u32> = index
                .search(&corpus[..covered], &Query::parse("kunduz"))
                .iter()
                .map(|r| r.id)
                .collect();
            let shown: Vec<u32> = model.shown().iter().map(|r| r.id).collect();
            assert_eq!(shown, fresh, "over {covered} articles");
            assert!(shown.iter().all(|&id| id % 7 == 3), "{shown:?}");
        }
    }
}

#[test]
fn a_saved_session_reopens_its_article_when_it_arrives() {
    let corpus = [
        article("a", "one", 10),
        article("b", "two", 20),
        article("c", "three", 30),
    ];
    let session = Session {
        query: String::new(),
        selected: Some(30),
        sort: Some(Sort::Title),
        ..Session::default()
    };
    let (model, _) = replay(
        &corpus,
        vec![
            Action::Resize(100, 30),
            Action::Restore(session.clone()),
            batch(&corpus[..1]),
            batch(&corpus[1..]),
        ],
    );
    assert_eq!(model.selected_id(), Some(2));
    assert_eq!(model.session(), session);
}

#[test]
fn states_arrive_with_their_articles_and_changes_are_taken_once() {
    let corpus = [article("a", "one", 10), article("b", "two", 20)];
    let read = ArticleState {
        read: true,
        ..ArticleState::default()
    };
    let mut model = Model::default();
    model.update(Action::Resize(100, 30));
    model.update(Action::Loaded(Batch {
        articles: corpus.to_vec(),
        states: vec![read, ArticleState::default()],
        ..Batch::default()
    }));
    assert_eq!(model.library().unread(), 1);
    model.update(Action::Down);
    model.update(Action::ToggleMark);
    let changes = model.take_changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].0.hash, 20);
    assert!(changes[0].1.marked);
    assert!(model.take_changes().is_empty());
}

#[test]
fn loading_progress_and_done() {
    let mut model = Model::default();
    model.update(Action::Loaded(Batch {
        progress: Some(Progress { done: 5, total: 10 }),
        ..Batch::default()
    }));
    assert_eq!(model.progress().map(Progress::percent), Some(50));
    model.update(Action::LoadDone);
    assert_eq!(model.progress(), None);
}

#[test]
fn arrivals_keep_the_status_line_and_keys_clear_it() {
    let corpus = [article("a", "one", 10), article("b", "two", 20)];
    let mut model = Model::default();
    model.set_status("config.toml line 3: unknown key".into());
    model.update(batch(&corpus));
    model.update(Action::LoadDone);
    assert!(model.status().is_some());
    model.update(Action::Down);
    assert_eq!(model.status(), None);
}

#[test]
fn suspend_and_quit_are_effects_even_over_an_overlay() {
    let mut model = Model::default();
    model.update(Action::Help);
    assert_eq!(model.update(Action::Suspend), vec![Effect::Suspend]);
    assert_eq!(model.update(Action::Quit), vec![Effect::Quit]);
    assert!(model.overlay().is_some());
}

/// A model at 100x30 over one article of these paragraphs.
fn one_long_article(paragraphs: Vec<String>) -> Model {
    let long = Arc::new(Article {
        title: "long".into(),
        paragraphs,
        ..Article::default()
    });
    let one = std::slice::from_ref(&long);
    replay(one, vec![Action::Resize(100, 30), batch(one)]).0
}

#[test]
fn the_reader_measures_a_scroll_without_wrapping_anything() {
    let body: Vec<String> = (0..500).map(|i| format!("Paragraph {i}.")).collect();
    let mut model = one_long_article(body);
    model.update(Action::ReadingMode);
    let before = model.reader().top();
    for _ in 0..3 {
        model.update(Action::Down);
    }
    let after = model.reader().top();
    assert_eq!(model.reader().distance(before, after, 28), Some(3));
    assert_eq!(model.reader().distance(after, before, 28), Some(-3));
    assert_eq!(
        model.reader().distance(before, after, 2),
        None,
        "beyond the limit"
    );
    model.update(Action::Bottom);
    let end = model.reader().top();
    assert_eq!(
        model.reader().distance(before, end, 10_000),
        None,
        "the paragraphs between were never wrapped"
    );
}

#[test]
fn a_narrow_screen_that_hides_the_reader_keeps_its_place() {
    let body: Vec<String> = (0..50)
        .map(|i| {
            format!(
                "Paragraph {i} {}",
                "with quite a few words in it ".repeat(20)
            )
        })
        .collect();
    let mut model = one_long_article(body);
    model.update(Action::SwitchPane);
    // Down to an odd line of a paragraph (so that halving the width and doubling it again
    // would not come back to the same line).
    while model.reader().top().block < 2 || model.reader().top().line.is_multiple_of(2) {
        model.update(Action::Down);
    }
    model.update(Action::SwitchPane);
    let top = model.reader().top();
    model.update(Action::Resize(40, 12));
    model.update(Action::Resize(100, 30));
    assert_eq!(model.reader().top(), top);
}

#[test]
fn a_saved_line_comes_back_when_the_articles_arrive_before_the_first_layout() {
    // The bundled articles are handed over before the event loop learns the screen's size.
    let body: Vec<String> = (0..40).map(|i| format!("Paragraph {i}.")).collect();
    let long = Arc::new(Article {
        title: "long".into(),
        paragraphs: body,
        hash: 7,
        ..Article::default()
    });
    let at_8 = ArticleState {
        line: 8,
        ..ArticleState::default()
    };
    let mut model = Model::default();
    model.update(Action::Restore(Session {
        selected: Some(7),
        ..Session::default()
    }));
    model.update(Action::Loaded(Batch {
        articles: vec![long],
        states: vec![at_8],
        ..Batch::default()
    }));
    assert!(model.take_changes().is_empty(), "the line is not lost");
    model.update(Action::Resize(100, 30));
    assert_eq!(model.reader().top(), Pos { block: 4, line: 0 });
    assert!(
        model.take_changes().is_empty(),
        "unchanged, so nothing to save"
    );
    model.update(Action::Open);
    model.update(Action::Down);
    let changes = model.take_changes();
    assert_eq!(changes[0].1.line, 9);
}
