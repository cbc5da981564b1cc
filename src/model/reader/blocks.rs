//! The blocks a document is made of in the reader: the title, the metadata line, then the
//! paragraphs; and the metadata line itself, with its length and reading time.

use std::ops::Range;

use crate::corpus::{Article, Block};
use crate::text::wrap_ranges;

/// What a block of the document is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Meta,
    Body,
    /// Quoted text, drawn under its `>` prefix.
    Quote,
    /// Lines drawn as they are, clipped and scrolled sideways.
    Preformatted,
    /// A signature: preformatted, and dimmed.
    Signature,
}

impl BlockKind {
    /// The kind of a paragraph.
    pub fn of(block: Block) -> Self {
        match block {
            Block::Text => Self::Body,
            Block::Quote { .. } => Self::Quote,
            Block::Preformatted => Self::Preformatted,
            Block::Signature => Self::Signature,
        }
    }

    /// Whether its lines are drawn unwrapped, clipped to the pane.
    pub fn is_unwrapped(self) -> bool {
        matches!(self, Self::Preformatted | Self::Signature)
    }
}

/// The prefix a quoted paragraph starts with, as the mail wrote it (`> `, `>> `, `|> `, `: `),
/// drawn before each of its lines;
/// empty for other kinds.
pub fn quote_prefix(text: &str, kind: BlockKind) -> &str {
    if kind != BlockKind::Quote {
        return "";
    }
    let end = text.len() - crate::corpus::quote_split(text).1.len();
    text.get(..end).unwrap_or_default()
}

/// The lines of a block laid out `width` columns wide, as byte ranges into `text`: running
/// text wrapped; a quote's text after its prefix wrapped to the width left beside it, line
/// for line; preformatted lines and signatures line for line, unwrapped.
pub fn block_lines(text: &str, kind: BlockKind, width: usize) -> Vec<Range<usize>> {
    let prefix = quote_prefix(text, kind).len();
    let width = width.saturating_sub(prefix).max(2);
    let mut out = Vec::new();
    let mut start = prefix;
    for line in text.get(prefix..).unwrap_or_default().split('\n') {
        if kind.is_unwrapped() {
            out.push(start..start + line.len());
        } else {
            out.extend(
                wrap_ranges(line, width)
                    .into_iter()
                    .map(|r| r.start + start..r.end + start),
            );
        }
        start += line.len() + 1;
    }
    out
}

/// Words read a minute in scripts written with spaces.
const WORDS_A_MINUTE: usize = 230;
/// Characters read a minute in scripts written without spaces (Japanese, Chinese, Thai).
const CHARACTERS_A_MINUTE: usize = 500;

/// The text of block `block`: the title, the metadata line, then the paragraphs.
pub(super) fn block_text<'a>(article: Option<&'a Article>, meta: &'a str, block: usize) -> &'a str {
    match (article, block) {
        (None, _) => "",
        (Some(a), 0) => &a.title,
        (Some(_), 1) => meta,
        (Some(a), b) => a.paragraphs.get(b - 2).map_or("", String::as_str),
    }
}

/// `date · source · N words · M min read`, leaving out what is unknown. Text mostly in a
/// script written without spaces is counted in characters (`N characters`); an empty body
/// shows no count and no reading time.
pub fn meta_line(article: &Article) -> String {
    let length = Length::of(&article.paragraphs);
    let mut parts: Vec<String> = Vec::new();
    parts.extend(article.date.clone());
    parts.extend(article.source.clone());
    if let Some(count) = length.count() {
        parts.push(count);
        parts.push(format!("{} min read", length.minutes()));
    }
    parts.join(" · ")
}

/// How long a text is: its words in scripts written with spaces, and its characters in
/// scripts written without them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Length {
    /// Whitespace-separated words with at least one character of a spaced script.
    words: usize,
    /// Characters of scripts written without spaces.
    unspaced: usize,
    /// Every character that is not whitespace.
    visible: usize,
}

impl Length {
    fn of(paragraphs: &[String]) -> Self {
        let mut length = Self::default();
        for word in paragraphs.iter().flat_map(|p| p.split_whitespace()) {
            let mut spaced = false;
            for c in word.chars() {
                length.visible += 1;
                if is_unspaced(c) {
                    length.unspaced += 1;
                } else if c.is_alphanumeric() {
                    spaced = true;
                }
            }
            length.words += usize::from(spaced);
        }
        length
    }

    /// Whether the text is mostly in scripts without spaces, and so is counted in characters.
    fn in_characters(self) -> bool {
        self.unspaced > self.words
    }

    /// `N words`, `1 word`, `N characters`, or nothing for an empty text.
    fn count(self) -> Option<String> {
        let (n, one, many) = if self.in_characters() {
            (self.visible, "character", "characters")
        } else {
            (self.words, "word", "words")
        };
        match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        }
    }

    /// Reading time, at least a minute: words at the spaced rate, unspaced characters at theirs.
    fn minutes(self) -> usize {
        let seconds = self.words * 60 / WORDS_A_MINUTE + self.unspaced * 60 / CHARACTERS_A_MINUTE;
        seconds.div_ceil(60).max(1)
    }
}

/// Characters of scripts written without spaces between words: Han, kana, Thai, Lao, Khmer,
/// Myanmar, and the punctuation that goes with them.
fn is_unspaced(c: char) -> bool {
    matches!(
        c,
        '\u{0e00}'..='\u{0eff}' // Thai, Lao
            | '\u{1000}'..='\u{109f}' // Myanmar
            | '\u{1780}'..='\u{17ff}' // Khmer
            | '\u{3000}'..='\u{30ff}' // CJK punctuation, hiragana, katakana
            | '\u{31f0}'..='\u{31ff}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{ff01}'..='\u{ff9f}' // full-width forms, half-width katakana
            | '\u{20000}'..='\u{2fa1f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        Article {
            title: "T".into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn quotes_wrap_beside_their_prefix_line_for_line() {
        let text = ">> one two three four five six\nseven";
        let lines: Vec<&str> = block_lines(text, BlockKind::Quote, 13)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(quote_prefix(text, BlockKind::Quote), ">> ");
        assert_eq!(lines, ["one two", "three four", "five six", "seven"]);
    }

    #[test]
    fn preformatted_lines_are_not_wrapped() {
        let text = "Wheat   2.55   2.40       IV     4.65     --\nMaize   1.85";
        let lines: Vec<&str> = block_lines(text, BlockKind::Preformatted, 10)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            lines,
            [
                "Wheat   2.55   2.40       IV     4.65     --",
                "Maize   1.85"
            ]
        );
        assert_eq!(quote_prefix(text, BlockKind::Preformatted), "");
    }

    #[test]
    fn one_word_is_singular_and_an_empty_body_shows_no_count() {
        assert_eq!(meta_line(&article(&["Hello."])), "1 word · 1 min read");
        assert_eq!(meta_line(&article(&["Two words"])), "2 words · 1 min read");
        assert_eq!(meta_line(&article(&[])), "");
        let dated = Article {
            date: Some("1993-04-06".into()),
            ..article(&[])
        };
        assert_eq!(meta_line(&dated), "1993-04-06");
    }

    #[test]
    fn japanese_is_counted_in_characters() {
        // Shaped like a livedoor article: long runs of kana and kanji with a few Latin words.
        let para = "６月１５日、ソフトバンクモバイルは新しいスマートフォン「GALAXY S III」を発表した。\
                    発売は夏を予定している。";
        let body: Vec<&str> = std::iter::repeat_n(para, 60).collect();
        let meta = meta_line(&article(&body));
        let chars = para.chars().filter(|c| !c.is_whitespace()).count() * 60;
        assert_eq!(meta, format!("{chars} characters · 7 min read"), "{meta}");
    }

    #[test]
    fn thai_and_chinese_too() {
        assert!(meta_line(&article(&["ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ"])).contains("characters"));
        assert!(meta_line(&article(&["中文没有空格。"])).starts_with("7 characters"));
    }

    #[test]
    fn english_with_a_little_japanese_is_counted_in_words() {
        let meta = meta_line(&article(&[
            "The word 東京 means eastern capital in Japanese.",
        ]));
        assert!(meta.starts_with("7 words"), "{meta}");
    }
}
