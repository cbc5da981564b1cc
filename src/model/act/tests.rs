//! The link window, opening, viewing and piping, as the model sees them.

use std::sync::Arc;

use crate::action::Action;
use crate::corpus::Article;
use crate::model::{Effect, Model, Overlay, Viewer};

fn article(title: &str, links: &[&str], url: Option<&str>) -> Arc<Article> {
    Arc::new(Article {
        title: title.into(),
        paragraphs: vec![format!("{title} text[1].")],
        links: links.iter().map(|l| (*l).to_owned()).collect(),
        url: url.map(str::to_owned),
        hash: title.len() as u64,
        ..Article::default()
    })
}

fn model() -> Model {
    let mut m = Model::new(
        vec![
            article(
                "one",
                &["https://a.org/1", "https://a.org/2", "https://a.org/3"],
                Some("https://one.org"),
            ),
            article("second", &[], None),
        ],
        Vec::new(),
    );
    m.update(Action::Resize(100, 30));
    m
}

#[test]
fn the_link_window_chooses_and_opens_a_link() {
    let mut m = model();
    m.update(Action::Links);
    assert_eq!(m.overlay(), Some((Overlay::Links, 0)));
    m.update(Action::Down);
    m.update(Action::Down);
    m.update(Action::Down);
    assert_eq!(
        m.overlay(),
        Some((Overlay::Links, 2)),
        "stops at the last link"
    );
    m.update(Action::Up);
    assert_eq!(
        m.update(Action::Pick),
        [Effect::OpenUrl("https://a.org/2".into())]
    );
    assert_eq!(m.overlay(), None);
    m.update(Action::Links);
    m.update(Action::Links);
    assert_eq!(m.overlay(), None, "L closes it again");
}

#[test]
fn no_links_and_no_address_are_said() {
    let mut m = model();
    assert_eq!(
        m.update(Action::OpenAddress),
        [Effect::OpenUrl("https://one.org".into())]
    );
    m.update(Action::Down);
    assert!(m.update(Action::OpenAddress).is_empty());
    assert_eq!(m.status(), Some("this article has no address of its own"));
    m.update(Action::Links);
    assert_eq!(m.overlay(), None);
    assert_eq!(m.status(), Some("no links in this article"));
}

#[test]
fn the_editor_and_the_pager_get_the_clean_text() {
    let mut m = model();
    let effects = m.update(Action::PageArticle);
    let [Effect::View(Viewer::Pager, text)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(
        text.starts_with("one\nhttps://one.org\n\none text[1].\n"),
        "{text}"
    );
    assert!(
        text.ends_with("Links:\n[1] https://a.org/1\n[2] https://a.org/2\n[3] https://a.org/3\n")
    );
    assert!(matches!(
        m.update(Action::EditArticle).as_slice(),
        [Effect::View(Viewer::Editor, _)]
    ));
}

#[test]
fn a_pipe_asks_for_its_command_and_takes_the_marked_articles() {
    let mut m = model();
    m.update(Action::PipeArticle);
    assert!(m.typing(), "the prompt takes the keys");
    for c in "wc -w".chars() {
        assert!(m.update(Action::FilterChar(c)).is_empty());
    }
    assert_eq!(m.prompt().map(|p| p.text.as_str()), Some("wc -w"));
    assert_eq!(m.filter().as_str(), "", "the filter is left alone");
    let effects = m.update(Action::FilterAccept);
    let [Effect::Pipe { command, text }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(command, "wc -w");
    assert!(text.starts_with("one\n"));
    assert!(m.prompt().is_none());

    m.update(Action::ToggleMark);
    m.update(Action::Down);
    m.update(Action::ToggleMark);
    m.update(Action::PipeArticle);
    m.update(Action::FilterChar('x'));
    let effects = m.update(Action::FilterAccept);
    let [Effect::Pipe { text, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        text.matches('\u{c}').count(),
        1,
        "two articles, one separator"
    );
    assert!(text.contains("second"));

    m.update(Action::PipeArticle);
    m.update(Action::FilterChar('x'));
    assert!(
        m.update(Action::FilterClear).is_empty(),
        "esc asks for nothing"
    );
    assert!(m.prompt().is_none());
}

#[test]
fn reports_go_to_the_status_line() {
    let mut m = model();
    m.update(Action::Report("`wc -w`: 3".into()));
    assert_eq!(m.status(), Some("`wc -w`: 3"));
}

#[test]
fn bulk_actions_take_the_marked_articles_or_else_the_list() {
    let mut m = model();
    m.update(Action::MarkAllRead(true));
    assert_eq!(m.status(), Some("marked the 2 articles listed read"));
    assert!(m.state(0).read && m.state(1).read);
    m.update(Action::ToggleMark);
    m.update(Action::MarkAllRead(false));
    assert_eq!(m.status(), Some("marked the 1 marked article unread"));
    assert!(!m.state(0).read && m.state(1).read);
    m.update(Action::MarkedOnly);
    m.update(Action::UnmarkAll);
    assert_eq!(m.status(), Some("unmarked 1 article"));
    assert!(!m.state(0).marked);
    assert_eq!(
        m.shown().len(),
        2,
        "the marked-only view ends with the marks"
    );
    m.update(Action::UnmarkAll);
    assert_eq!(m.status(), Some("no marked articles"));
}

#[test]
fn an_export_asks_for_a_file_and_takes_the_marked_or_the_listed() {
    let mut m = model();
    m.set_roots(vec!["corpus".into()]);
    m.update(Action::ExportArticles);
    assert_eq!(m.status(), Some("exporting the 2 articles listed"));
    assert_eq!(
        m.prompt().map(|p| p.text.as_str()),
        Some("folio-export.jsonl")
    );
    let effects = m.update(Action::FilterAccept);
    let [
        Effect::Export {
            path,
            roots,
            articles,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(path, "folio-export.jsonl");
    assert_eq!(roots, &[std::path::PathBuf::from("corpus")]);
    assert_eq!(articles.len(), 2);
    m.update(Action::Down);
    m.update(Action::ToggleMark);
    m.update(Action::ExportArticles);
    let effects = m.update(Action::FilterAccept);
    let [Effect::Export { articles, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["second"]);
}

fn long_article() -> Arc<Article> {
    let mut paragraphs = Vec::new();
    for section in 1..=3 {
        paragraphs.push(format!("{section}. Section {section}"));
        for i in 0..10 {
            paragraphs.push(format!(
                "Paragraph {i} of section {section}, long enough to be running text and not a heading."
            ));
        }
    }
    Arc::new(Article {
        title: "Report".into(),
        paragraphs,
        ..Article::default()
    })
}

#[test]
fn the_outline_jumps_to_a_heading_and_percent_goes_that_far() {
    let mut m = Model::new(
        vec![long_article(), article("second", &[], None)],
        Vec::new(),
    );
    m.update(Action::Resize(40, 12));
    m.update(Action::Outline);
    assert_eq!(m.overlay(), Some((Overlay::Outline, 0)));
    m.update(Action::Down);
    m.update(Action::Pick);
    assert_eq!(m.overlay(), None);
    assert_eq!(m.reader().top().block, 2 + 11, "the second heading on top");
    assert_eq!(
        m.focus(),
        crate::model::Focus::Reader,
        "shown, on a narrow screen too"
    );
    m.update(Action::GoToPercent);
    for c in "0".chars() {
        m.update(Action::FilterChar(c));
    }
    m.update(Action::FilterAccept);
    assert_eq!(m.reader().top().block, 0);
    m.update(Action::GoToPercent);
    for c in "250".chars() {
        m.update(Action::FilterChar(c));
    }
    m.update(Action::FilterAccept);
    assert_eq!(
        m.status(),
        Some("a percentage is a whole number from 0 to 100")
    );
    m.update(Action::NextArticle);
    m.update(Action::Outline);
    assert_eq!(m.overlay(), None);
    assert_eq!(m.status(), Some("no headings in this article"));
}

#[test]
fn a_user_action_pipes_the_article_to_its_command() {
    let mut m = model();
    m.set_user_actions(vec![("count".into(), "wc -w".into())]);
    let effects = m.update(Action::RunUserAction(0));
    let [Effect::Pipe { command, text }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(command, "wc -w");
    assert!(text.starts_with("one\n"));
    assert!(
        m.update(Action::RunUserAction(7)).is_empty(),
        "no such action"
    );
}
