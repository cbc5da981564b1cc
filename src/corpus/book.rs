//! Books: the Project Gutenberg frame (a licence header with `Title:` and `Author:` fields
//! above a `*** START OF …` line, a licence footer from the `*** END OF …` line on), and the
//! title page of a book without it (centred lines above a centred `by` and the author).

/// What a book's frame or title page says about it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Book {
    pub title: Option<String>,
    pub author: Option<String>,
}

/// How far into the text a title page is looked for, in lines.
const FRONT_MATTER: usize = 200;
/// Lines of a title page are centred: indented at least this much.
const CENTRED: usize = 8;

/// Removes a Project Gutenberg licence header and footer from `lines` and returns what the
/// header said; without the frame, reads the title page, leaving the lines as they are.
pub fn take_frame(lines: &mut Vec<String>) -> Book {
    let end = lines.iter().position(|l| is_marker(l, "END OF"));
    if let Some(end) = end {
        lines.truncate(end);
    }
    let start = lines.iter().position(|l| is_marker(l, "START OF"));
    let Some(start) = start else {
        return title_page(lines);
    };
    let header: Vec<String> = lines.drain(..=start).collect();
    let book = Book {
        title: field(&header, "title"),
        author: field(&header, "author"),
    };
    if book.title.is_some() {
        book
    } else {
        title_page(lines)
    }
}

/// `*** START OF THE PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***` and its variants.
fn is_marker(line: &str, what: &str) -> bool {
    let line = line.trim();
    if !line.starts_with('*') || line.len() > 200 {
        return false;
    }
    let upper = line.to_ascii_uppercase();
    upper.contains(what) && upper.contains("PROJECT GUTENBERG")
}

/// A `Name: value` field of the licence header, with its indented continuation lines.
fn field(header: &[String], name: &str) -> Option<String> {
    let at = header.iter().position(|l| {
        l.split_once(':')
            .is_some_and(|(n, _)| n.trim().eq_ignore_ascii_case(name))
    })?;
    let (_, first) = header.get(at)?.split_once(':')?;
    let mut value = first.trim().to_owned();
    for more in header.iter().skip(at + 1) {
        if !more.starts_with(' ') || more.trim().is_empty() {
            break;
        }
        value.push(' ');
        value.push_str(more.trim());
    }
    (!value.is_empty()).then_some(value)
}

/// The title page near the top: a centred `by` line (or `by Name`), the centred lines just
/// above it as the title, and the name after it as the author.
fn title_page(lines: &[String]) -> Book {
    let front = lines.get(..lines.len().min(FRONT_MATTER)).unwrap_or(lines);
    let Some(by) = front.iter().position(|l| is_by_line(l)) else {
        return Book::default();
    };
    // The title: the centred block that ends above the by line (a blank line between them
    // or none).
    let mut end = by;
    while end > 0 && front.get(end - 1).is_some_and(|l| l.trim().is_empty()) {
        end -= 1;
    }
    let mut begin = end;
    while begin > 0 && front.get(begin - 1).is_some_and(|l| is_centred(l)) {
        begin -= 1;
    }
    let words: Vec<&str> = front
        .get(begin..end)
        .unwrap_or_default()
        .iter()
        .map(|l| l.trim().trim_end_matches(['.', ',', ';', ':']))
        .collect();
    if words.is_empty() || words.iter().any(|w| w.starts_with('[')) {
        return Book::default();
    }
    let title = tidy_case(&words.join(" "));
    let by_line = front.get(by).map_or("", |l| l.trim());
    let named = by_line.get(2..).unwrap_or_default().trim();
    let author = if named.is_empty() {
        front
            .iter()
            .skip(by + 1)
            .find(|l| !l.trim().is_empty())
            .map(|l| l.trim().trim_end_matches([',', '.', ';']).to_owned())
    } else {
        Some(named.trim_end_matches([',', '.', ';']).to_owned())
    };
    Book {
        title: (title.chars().count() <= 150).then_some(title),
        author: author.filter(|a| a.split_whitespace().count() <= 6),
    }
}

/// Whether a line is indented like a title page's: centred, short, not blank.
fn is_centred(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let text = line.trim();
    indent >= CENTRED && !text.is_empty() && text.chars().count() <= 60
}

/// A centred `by` or `BY`, alone or before a name.
fn is_by_line(line: &str) -> bool {
    let text = line.trim();
    let by = text.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("by"));
    let alone_or_name = text.len() == 2 || text.get(2..3) == Some(" ");
    is_centred(line) && by && alone_or_name && text.split_whitespace().count() <= 5
}

/// A title in capitals made readable: `PRIDE and PREJUDICE` → `Pride and Prejudice`. Words
/// already in mixed case stay as they are.
fn tidy_case(title: &str) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
    ];
    let mut out = Vec::new();
    for (i, word) in title.split_whitespace().enumerate() {
        let shouting =
            word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase);
        let lower = word.to_lowercase();
        let small = SMALL.contains(&lower.as_str());
        if i > 0 && small && (shouting || word == lower) {
            out.push(lower);
        } else if shouting {
            let mut chars = lower.chars();
            let first: String = chars
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            out.push(first + chars.as_str());
        } else {
            out.push(word.to_owned());
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    const HEADER: &str = "\
The Project Gutenberg eBook of Emma, by Jane Austen

This eBook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever.

Title: Emma

Author: Jane Austen

Release Date: August, 1994 [eBook #158]

Language: English

*** START OF THE PROJECT GUTENBERG EBOOK EMMA ***




Produced by An Anonymous Volunteer

EMMA

By Jane Austen

VOLUME I

CHAPTER I

Emma Woodhouse, handsome, clever, and rich.

*** END OF THE PROJECT GUTENBERG EBOOK EMMA ***

Updated editions will replace the previous one--the old editions will
be renamed.";

    #[test]
    fn the_licence_header_gives_the_title_and_goes_with_the_footer() {
        let mut l = lines(HEADER);
        let book = take_frame(&mut l);
        assert_eq!(book.title.as_deref(), Some("Emma"));
        assert_eq!(book.author.as_deref(), Some("Jane Austen"));
        let text = l.join("\n");
        assert!(
            !text.contains("Gutenberg") && !text.contains("editions"),
            "{text}"
        );
        assert!(text.contains("Emma Woodhouse, handsome"));
    }

    #[test]
    fn a_title_page_names_the_book_not_its_publisher() {
        let text = "
                            [Illustration:

                             GEORGE ALLEN
                               PUBLISHER

                        156 CHARING CROSS ROAD
                                LONDON
                                   ]



                                PRIDE.
                                  and
                               PREJUDICE

                                  by
                             Jane Austen,

                           with a Preface by
                           George Saintsbury

It is a truth universally acknowledged, that a single man in possession
of a good fortune, must be in want of a wife.";
        let mut l = lines(text);
        let book = take_frame(&mut l);
        assert_eq!(book.title.as_deref(), Some("Pride and Prejudice"));
        assert_eq!(book.author.as_deref(), Some("Jane Austen"));
        assert_eq!(l, lines(text));
    }

    #[test]
    fn a_news_byline_is_not_a_title_page() {
        let mut l = lines("Storm hits coast\n\nBy Jane Doe\n\nThe storm came ashore.");
        assert_eq!(take_frame(&mut l), Book::default());
    }

    #[test]
    fn capitals_are_tidied() {
        assert_eq!(tidy_case("THE TIME MACHINE"), "The Time Machine");
        assert_eq!(tidy_case("A TALE OF TWO CITIES"), "A Tale of Two Cities");
        assert_eq!(tidy_case("The War of the Worlds"), "The War of the Worlds");
    }
}
