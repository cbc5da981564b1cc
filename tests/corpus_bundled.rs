//! The five bundled articles, loaded as the program loads them: titles, dates, sources, and
//! none of the scraping debris they arrive with.

use folio::corpus::{Article, bundled, load_all};
use folio::hash::fnv1a;

fn articles() -> Vec<Article> {
    let (articles, skipped) = load_all(&bundled());
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(articles.len(), 5);
    articles
}

fn article(prefix: &str) -> Article {
    let found = articles().into_iter().find(|a| a.path.starts_with(prefix));
    found.unwrap_or_else(|| panic!("no bundled article {prefix}"))
}

#[test]
fn titles_dates_and_sources() {
    let expected: [(&str, &str, Option<&str>, Option<&str>); 5] = [
        (
            "000",
            "The spokesman for the Baghlan province police chief Jawed Basharat says gun battles continue on the…",
            None,
            Some("TRT World"),
        ),
        (
            "001",
            "The Taliban attacked a second Afghan city this weekend and killed members of security forces…",
            Some("2019-09-01"),
            Some("FRANCE 24"),
        ),
        (
            "002",
            "Taliban in ceasefire talks with Afghan government: US official",
            None,
            None,
        ),
        (
            "003",
            "U.S. Envoy In Pakistan As Afghan-Taliban Talks Begin With Calls For Truce",
            None,
            None,
        ),
        (
            "004",
            "An agreement between the United States and the Taliban on the \"reduction of violence\" in…",
            Some("2020-02-12"),
            None,
        ),
    ];
    let articles = articles();
    for ((prefix, title, date, source), a) in expected.into_iter().zip(&articles) {
        assert!(a.path.starts_with(prefix), "order: {}", a.path);
        assert_eq!(a.title, title, "{prefix} title");
        assert_eq!(a.date.as_deref(), date, "{prefix} date");
        assert_eq!(a.source.as_deref(), source, "{prefix} source");
    }
}

#[test]
fn no_scraping_debris_survives() {
    let debris = [
        ",quot;",
        "& # 39;",
        "&#39;",
        "&quot;",
        "%MINIFYHTML",
        "Accessibility links",
        "16x9 Image",
        "Breaking News",
        "journalists report the news",
        "Source: TRTWorld",
        "(FRANCE 24 with AP, AFP)",
        "\u{a0}",
        "  ",
    ];
    for a in articles() {
        for text in std::iter::once(&a.title).chain(&a.paragraphs) {
            for d in debris {
                assert!(!text.contains(d), "{}: {d:?} in {text:?}", a.path);
            }
            assert!(
                !text.is_empty() && text.trim() == text,
                "{}: {text:?}",
                a.path
            );
            assert!(!text.chars().any(char::is_control), "{}: {text:?}", a.path);
        }
    }
}

#[test]
fn doubled_paragraphs_and_repeated_headlines_are_gone() {
    for a in articles() {
        for pair in a.paragraphs.windows(2) {
            let (first, second) = (&pair[0], &pair[1]);
            assert!(
                !second.starts_with(first.as_str()),
                "{}: doubled {first:?}",
                a.path
            );
        }
        assert_ne!(a.paragraphs.first(), Some(&a.title), "{}", a.path);
    }
    let caption = "Afghan security forces patrol an area during a Taliban attack";
    let count = article("000")
        .paragraphs
        .iter()
        .filter(|p| p.contains(caption))
        .count();
    assert_eq!(count, 1);
    let visit = "U.S. special envoy for Afghanistan Zalmay Khalilzad is visiting Pakistan.";
    let count = article("003")
        .paragraphs
        .iter()
        .filter(|p| *p == visit)
        .count();
    assert_eq!(count, 1);
}

#[test]
fn bodies_keep_their_text_quotes_and_subheadings() {
    let a = article("001");
    assert_eq!(
        a.paragraphs.first().map(String::as_str),
        Some(
            "Bashir Khan Safi, AFP | Afghan soldiers gather at a street in Kunduz on August 31, 2019. \
             Afghan security forces \"repelled\" a coordinated Taliban assault on the northern city of \
             Kunduz on August 31, 2019."
        ),
        "the caption stays in the body, only not as the title"
    );
    assert!(
        a.paragraphs
            .contains(&"“The situation is back to normal in the city.”".to_string())
    );
    assert!(
        a.paragraphs
            .contains(&"Attacks strengthen Taliban position?".to_string())
    );
    // The title is the first sentence cut short; the text goes on where it stopped.
    assert!(
        a.title
            .starts_with("The Taliban attacked a second Afghan city")
    );
    assert!(
        a.title.ends_with("killed members of security forces…"),
        "{}",
        a.title
    );
    assert!(
        a.paragraphs[1].starts_with("…, officials said, even as Washington"),
        "{}",
        a.paragraphs[1]
    );

    let a = article("004");
    assert!(
        a.paragraphs
            .contains(&"'Cautiously optimistic'".to_string())
    );
    assert!(a.paragraphs.iter().any(|p| p.contains("Robert O'Brien")));

    let a = article("003");
    assert_eq!(
        a.paragraphs.last().map(String::as_str),
        Some("With reporting by AFP, AP, and Reuters")
    );
    assert_eq!(a.paragraphs.len(), 19);
    assert_eq!(article("000").paragraphs.len(), 22);
    assert_eq!(article("002").paragraphs.len(), 17);
}

#[test]
fn identity_is_the_hash_of_the_raw_bytes() {
    let bytes: [&[u8]; 5] = [
        include_bytes!("../assets/articles/000_fa3a172fdca67ea3.txt"),
        include_bytes!("../assets/articles/001_009fba84ec7cbc00.txt"),
        include_bytes!("../assets/articles/002_c6dc9904ae642ca3.txt"),
        include_bytes!("../assets/articles/003_52d8e2bfa1f724e8.txt"),
        include_bytes!("../assets/articles/004_8da5c2bbc2bd8093.txt"),
    ];
    let articles = articles();
    for (a, raw) in articles.iter().zip(bytes) {
        assert_eq!(a.hash, fnv1a(raw), "{}", a.path);
    }
    let names: Vec<&str> = articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(names[0], "000_fa3a172fdca67ea3.txt");
}
