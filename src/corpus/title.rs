//! Choosing an article's title: the headline when there is one, else its first sentence.
//!
//! A headline is a short first paragraph that does not read like a sentence of running text,
//! followed by more text. Captions (`Name, AFP | …`) and bracketed annotations (`[Illustration]`)
//! are passed over. A headline repeated on the next line counts once and never stays in the body;
//! a first sentence taken as the title is not shown again at the start of the body.

use super::furniture::is_caption;
use super::paragraphs::Para;

/// Longest headline, in characters.
const HEADLINE_MAX: usize = 150;
/// A title made from a first sentence is cut at a word boundary near this many characters.
const SENTENCE_TITLE_MAX: usize = 100;

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gen", "gov", "lt", "col", "sgt", "capt", "prof",
    "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "vol",
];

/// Returns the title and removes it from `paragraphs` where it would repeat there.
///
/// `given` is a title from a header block; otherwise the headline or first sentence is used.
pub fn take_title<P: Para>(paragraphs: &mut Vec<P>, given: Option<String>) -> String {
    if let Some(title) = given {
        drop_repeats(paragraphs, 0, &title);
        return title;
    }
    let Some(index) = paragraphs
        .iter()
        .position(|p| p.is_text() && !is_caption(p.text()) && !is_annotation(p.text()))
    else {
        return paragraphs
            .iter()
            .find(|p| p.is_text())
            .map(|p| first_sentence(p.text()))
            .unwrap_or_default();
    };
    let candidate = paragraphs
        .get(index)
        .map(|p| p.text().to_owned())
        .unwrap_or_default();
    if is_headline(&candidate) && paragraphs.len() > index + 1 {
        paragraphs.remove(index);
        drop_repeats(paragraphs, index, &candidate);
        return candidate;
    }
    let title = first_sentence(&candidate);
    if title == candidate {
        paragraphs.remove(index);
    } else if let Some(rest) = candidate.strip_prefix(title.as_str()) {
        // The whole first sentence is the title: the paragraph goes on from the next one.
        if let Some(p) = paragraphs.get_mut(index) {
            p.set_text(rest.trim_start().to_owned());
        }
    } else if let Some(rest) = title
        .strip_suffix('…')
        .and_then(|stem| candidate.strip_prefix(stem))
    {
        // A sentence too long for a title was cut: the text goes on where the title stopped,
        // so nothing is read twice.
        if let Some(p) = paragraphs.get_mut(index) {
            p.set_text(format!("…{}", rest.trim_start()));
        }
    }
    title
}

/// Removes copies of `title` found at `index` and right after it.
fn drop_repeats<P: Para>(paragraphs: &mut Vec<P>, index: usize, title: &str) {
    while paragraphs
        .get(index)
        .is_some_and(|p| p.is_text() && p.text().trim() == title.trim())
    {
        paragraphs.remove(index);
    }
}

/// `[Illustration: …]` and other bracketed notes, closed or not.
fn is_annotation(p: &str) -> bool {
    p.starts_with('[') && (p.ends_with(']') || !p.contains(']'))
}

/// Whether a paragraph reads as a headline rather than running text.
pub fn is_headline(p: &str) -> bool {
    let count = p.chars().count();
    (2..=HEADLINE_MAX).contains(&count)
        && p.chars().any(char::is_alphanumeric)
        && !p.starts_with(char::is_lowercase)
        && !p.ends_with(['.', ',', ';', ':', '。', '、'])
}

/// The first sentence of `p`, cut at a word boundary with `…` when it is long.
pub fn first_sentence(p: &str) -> String {
    let sentence = p.get(..sentence_end(p)).unwrap_or(p).trim();
    if sentence.chars().count() <= SENTENCE_TITLE_MAX {
        return sentence.to_owned();
    }
    let limit = sentence
        .char_indices()
        .nth(SENTENCE_TITLE_MAX)
        .map_or(sentence.len(), |(at, _)| at);
    let head = sentence.get(..limit).unwrap_or(sentence);
    let cut = match head.rfind(' ') {
        Some(at) if at >= limit / 2 => head.get(..at).unwrap_or(head),
        _ => head,
    };
    format!(
        "{}…",
        cut.trim_end_matches([',', ';', ':', ' ', '-', '–', '—'])
    )
}

/// Byte offset just past the first sentence's closing punctuation, or the end of `p`.
fn sentence_end(p: &str) -> usize {
    let mut chars = p.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？') {
            return at + c.len_utf8();
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, q)) = chars.peek() {
            if !matches!(q, '"' | '\'' | '”' | '’' | ')' | ']') {
                break;
            }
            end = i + q.len_utf8();
            chars.next();
        }
        let after = p.get(end..).unwrap_or_default();
        let next_word = after.trim_start();
        let at_space = after.starts_with(char::is_whitespace) || after.is_empty();
        let starts_low = next_word.starts_with(char::is_lowercase);
        if at_space
            && !starts_low
            && (c != '.' || !is_abbreviation(p.get(..at).unwrap_or_default()))
        {
            return end;
        }
    }
    p.len()
}

/// Whether the word ending `before` (just before a full stop) is an abbreviation or initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let word = word.trim_start_matches(['(', '"', '\'', '“', '‘']);
    word.contains('.')
        || word.chars().count() == 1
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_headline_is_taken_once() {
        let mut p = strings(&[
            "Talks begin: US official",
            "Talks begin: US official",
            "Body text.",
        ]);
        assert_eq!(take_title(&mut p, None), "Talks begin: US official");
        assert_eq!(p, strings(&["Body text."]));
    }

    #[test]
    fn a_header_title_is_not_repeated_in_the_body() {
        let mut p = strings(&["The title", "Body."]);
        assert_eq!(take_title(&mut p, Some("The title".into())), "The title");
        assert_eq!(p, strings(&["Body."]));
    }

    #[test]
    fn a_caption_is_not_a_headline() {
        let mut p = strings(&[
            "Bashir Khan Safi, AFP | Afghan soldiers gather in Kunduz",
            "The Taliban attacked a second city. More text.",
        ]);
        assert_eq!(
            take_title(&mut p, None),
            "The Taliban attacked a second city."
        );
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn running_text_gives_its_first_sentence_cut_near_100() {
        let long = "The spokesman for the Baghlan province police chief Jawed Basharat says gun battles \
                    continue on the outskirts of its capital Puli Khumri, a day after the attack.";
        let mut p = strings(&[long, "Second."]);
        let title = take_title(&mut p, None);
        assert_eq!(
            title,
            "The spokesman for the Baghlan province police chief Jawed Basharat says gun battles continue on the…"
        );
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn sentence_ends_skip_abbreviations_and_initials() {
        assert_eq!(
            first_sentence("U.S. Special Envoy Z. Khalilzad met Gen. Miller. Then left."),
            "U.S. Special Envoy Z. Khalilzad met Gen. Miller."
        );
        assert_eq!(
            first_sentence("He said “stop.” She went."),
            "He said “stop.”"
        );
        assert_eq!(
            first_sentence("Version 2.5 is out! Get it."),
            "Version 2.5 is out!"
        );
        assert_eq!(
            first_sentence("東京都は発表した。新たな対策"),
            "東京都は発表した。"
        );
    }

    #[test]
    fn long_unspaced_text_is_cut_by_characters() {
        let t = first_sentence(&"長".repeat(300));
        assert_eq!(t.chars().count(), 101);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn a_first_sentence_title_is_not_repeated_in_the_body() {
        let mut p = strings(&[
            "Officials met on Monday. They agreed on a timetable for the talks.",
            "Second.",
        ]);
        assert_eq!(take_title(&mut p, None), "Officials met on Monday.");
        assert_eq!(
            p,
            strings(&["They agreed on a timetable for the talks.", "Second."])
        );
    }

    #[test]
    fn a_cut_title_is_not_repeated_either_the_text_goes_on_where_it_stopped() {
        let long = "The spokesman for the Baghlan province police chief Jawed Basharat says gun \
                    battles continue on the outskirts of its capital Puli Khumri, a day after \
                    insurgent forces stormed the strategic northern city of Kunduz.";
        let mut p = strings(&[long, "Second."]);
        let title = take_title(&mut p, None);
        assert!(title.ends_with("continue on the…"), "{title}");
        assert_eq!(
            p[0],
            "…outskirts of its capital Puli Khumri, a day after insurgent forces stormed the \
             strategic northern city of Kunduz."
        );
        assert_eq!(p[1], "Second.");
    }

    #[test]
    fn a_lone_paragraph_becomes_the_title() {
        let mut p = strings(&["x"]);
        assert_eq!(take_title(&mut p, None), "x");
        assert!(p.is_empty());
    }

    #[test]
    fn headline_shape() {
        assert!(is_headline(
            "U.S. Envoy In Pakistan As Afghan-Taliban Talks Begin With Calls For Truce"
        ));
        assert!(is_headline("Attacks strengthen Taliban position?"));
        assert!(!is_headline("A sentence of running text."));
        assert!(!is_headline("lowercase start"));
        assert!(!is_headline(&"Long ".repeat(40)));
    }
}
