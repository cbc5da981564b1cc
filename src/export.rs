//! Articles written out for other programs: the clean text of one (for the editor, the pager
//! and pipes), and whole sets as JSON Lines, CSV or Markdown (`--export`, and the interface's
//! export key).

use crate::corpus::Article;

/// An article as plain text: the title, a line of date and source, its own address, the
/// paragraphs (a blank line between them), and its numbered links at the end.
pub fn article_text(article: &Article) -> String {
    let mut out = String::new();
    out.push_str(&article.title);
    out.push('\n');
    let meta: Vec<&str> = [article.date.as_deref(), article.source.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !meta.is_empty() {
        out.push_str(&meta.join(" · "));
        out.push('\n');
    }
    if let Some(url) = &article.url {
        out.push_str(url);
        out.push('\n');
    }
    for p in &article.paragraphs {
        out.push('\n');
        out.push_str(p);
        out.push('\n');
    }
    if !article.links.is_empty() {
        out.push_str("\nLinks:\n");
        for (i, link) in article.links.iter().enumerate() {
            out.push_str(&format!("[{}] {link}\n", i + 1));
        }
    }
    out
}
