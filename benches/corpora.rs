//! The real corpora in `../shared/corpora`, when they are there: how often the 20news title is
//! the post's Subject, how many table rows are kept line for line, and what a Project Gutenberg
//! book and livedoor articles look like. A measurement, not a test (the project's tests never
//! read `../shared`): `cargo bench --bench corpora` prints the figures and fails when a rule
//! does not hold; each check says so and passes when its corpus is absent.

use std::path::{Path, PathBuf};

use folio::corpus::{Article, Block, decode, discover, load_all};
use folio::model::meta_line;
use folio::text::sanitize_text;

fn corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

fn load(path: PathBuf) -> Vec<Article> {
    let (cands, _) = discover(&[path]).unwrap_or_default();
    load_all(&cands).0
}

/// The post's Subject as a reader would read it: the first `Subject:` of the header block with
/// its folded lines, leaving out folded lines of bare message ids, cleaned and with runs of
/// spaces collapsed.
fn subject(raw: &str) -> Option<String> {
    let mut lines = raw.lines();
    let mut found: Option<String> = None;
    for line in lines.by_ref() {
        if line.trim().is_empty() {
            break;
        }
        if let Some(s) = &mut found {
            let bare_ids = line
                .split_whitespace()
                .all(|w| w.starts_with('<') && w.ends_with('>'));
            if !line.starts_with([' ', '\t']) {
                break;
            }
            if !bare_ids {
                s.push(' ');
                s.push_str(line.trim());
            }
        } else if line.len() > 8 && line[..8].eq_ignore_ascii_case("subject:") {
            found = Some(line[8..].to_owned());
        }
    }
    let cleaned = sanitize_text(&found?);
    Some(cleaned.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn twenty_news_titles_are_the_subject() {
    let Some(root) = corpus("20news") else {
        return;
    };
    let articles = load(root);
    let mut posts = 0usize;
    let mut agree = 0usize;
    let mut differ = Vec::new();
    for a in &articles {
        let Ok(bytes) = std::fs::read(&a.path) else {
            continue;
        };
        let Ok(text) = decode(&bytes) else { continue };
        let Some(subject) = subject(&text) else {
            continue;
        };
        posts += 1;
        let title = a.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if subject == title {
            agree += 1;
        } else {
            differ.push(format!("{}: {subject:?} vs {:?}", a.path, a.title));
        }
    }
    let share = agree as f64 * 100.0 / posts.max(1) as f64;
    println!("20news: the Subject is the title for {agree} of {posts} posts ({share:.2}%)");
    for d in differ.iter().take(20) {
        println!("  {d}");
    }
    assert!(posts > 18_000, "{posts} posts");
    assert!(share >= 99.9, "{share:.2}%");
}

/// Whether a body line looks like a row of a table: unquoted, with figures, and two runs of
/// three spaces or more between its fields.
fn table_row(line: &str) -> bool {
    let text = line.trim();
    let wide_gaps = text.matches("   ").count() >= 2
        && text.split("   ").filter(|f| !f.trim().is_empty()).count() >= 3;
    !text.starts_with(['>', '|', ':']) && wide_gaps && text.chars().any(|c| c.is_ascii_digit())
}

fn twenty_news_tables_are_kept_line_for_line() {
    let Some(root) = corpus("20news") else {
        return;
    };
    let articles = load(root);
    let (mut rows, mut kept) = (0usize, 0usize);
    let mut lost = Vec::new();
    for a in &articles {
        let Ok(bytes) = std::fs::read(&a.path) else {
            continue;
        };
        let Ok(text) = decode(&bytes) else { continue };
        let body = text
            .replace("\r\n", "\n")
            .split_once("\n\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        let fixed: Vec<&str> = (0..a.paragraphs.len())
            .filter(|&i| matches!(a.kind(i), Block::Preformatted | Block::Signature))
            .flat_map(|i| a.paragraphs[i].lines())
            .map(str::trim)
            .collect();
        for line in body.lines().map(sanitize_text) {
            if !table_row(&line) {
                continue;
            }
            rows += 1;
            if fixed.contains(&line.trim()) {
                kept += 1;
            } else if lost.len() < 10 {
                lost.push(format!("{}: {line:?}", a.path));
            }
        }
    }
    let share = kept as f64 * 100.0 / rows.max(1) as f64;
    println!("20news: {kept} of {rows} table rows kept line for line ({share:.1}%)");
    for l in &lost {
        println!("  {l}");
    }
    assert!(share >= 90.0, "{share:.1}%");
}

fn both_gutenberg_copies_give_the_book() {
    let Some(root) = corpus("gutenberg") else {
        return;
    };
    let books = load(root);
    assert_eq!(books.len(), 2);
    for book in &books {
        assert_eq!(book.title, "Pride and Prejudice", "{}", book.path);
        assert!(
            book.paragraphs
                .iter()
                .all(|p| !p.contains("Project Gutenberg")),
            "{}: licence text left in",
            book.path
        );
        assert_eq!(book.date, None);
    }
    assert_eq!(books[0].paragraphs, books[1].paragraphs);
    assert_eq!(books[0].source, books[1].source);
    println!("gutenberg: {:?}, {}", books[0].title, meta_line(&books[0]));
}

fn livedoor_counts_characters() {
    let Some(root) = corpus("livedoor/it-life-hack") else {
        return;
    };
    let articles = load(root);
    assert!(!articles.is_empty());
    for a in &articles {
        let meta = meta_line(a);
        assert!(
            meta.contains(" characters") && !meta.contains(" words"),
            "{}: {meta}",
            a.path
        );
    }
}

fn main() {
    twenty_news_titles_are_the_subject();
    twenty_news_tables_are_kept_line_for_line();
    both_gutenberg_copies_give_the_book();
    livedoor_counts_characters();
}
