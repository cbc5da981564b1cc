//! The blocks a document is made of in the reader: the title, the metadata line, then the
//! paragraphs.

use crate::corpus::Article;

/// What a block of the document is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Meta,
    Body,
}

/// The text of block `block`: the title, the metadata line, then the paragraphs.
pub(super) fn block_text<'a>(article: Option<&'a Article>, meta: &'a str, block: usize) -> &'a str {
    match (article, block) {
        (None, _) => "",
        (Some(a), 0) => &a.title,
        (Some(_), 1) => meta,
        (Some(a), b) => a.paragraphs.get(b - 2).map_or("", String::as_str),
    }
}

/// `date · source · N words · M min read`, leaving out what is unknown.
pub fn meta_line(article: &Article) -> String {
    let words = article.word_count();
    let minutes = words.div_ceil(230).max(1);
    let mut parts: Vec<String> = Vec::new();
    parts.extend(article.date.clone());
    parts.extend(article.source.clone());
    parts.push(format!("{words} words"));
    parts.push(format!("{minutes} min read"));
    parts.join(" · ")
}
