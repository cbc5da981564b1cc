//! Site furniture in scraped pages: navigation lines, image labels, captions, doubled
//! paragraphs and the standing blurbs publishers append to every article.
//!
//! Each rule matches whole paragraphs only, so a sentence that merely mentions "breaking news"
//! is never touched.

use super::paragraphs::Para;

/// Navigation and page chrome that scrapes keep as lines of their own (compared lowercase).
const NAVIGATION: &[&str] = &[
    "accessibility links",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip navigation",
    "jump to content",
    "breaking news",
    "main menu",
    "toggle navigation",
    "menu",
    "search",
    "sign in",
    "log in",
    "subscribe",
    "advertisement",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "print",
    "comments",
    "related",
    "related articles",
    "related stories",
    "read more",
    "more stories",
    "most read",
    "trending",
    "back to top",
    "cookie settings",
    "loading...",
    "loading…",
];

/// Phrases that only occur in a publisher's standing blurb or legal footer.
const BLURB_MARKERS: &[&str] = &[
    "journalists report the news in",
    "where a free press is banned",
    "all rights reserved",
    "may not be published, broadcast, rewritten",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "click here to subscribe",
    "follow us on twitter",
    "follow us on facebook",
    "download our app",
];

/// Bullets and separators that decorate furniture lines.
const DECORATION: &[char] = &['•', '·', '|', '-', '–', '—', '*', '>', '»'];

/// Whether a whole paragraph is navigation, a reading-time note or an image label.
pub fn is_furniture(p: &str) -> bool {
    if p.len() > 80 {
        return false;
    }
    let bare = p.trim_matches(|c: char| c.is_whitespace() || DECORATION.contains(&c));
    if bare.len() > 40 {
        return false;
    }
    if NAVIGATION.iter().any(|n| n.eq_ignore_ascii_case(bare)) {
        return true;
    }
    let lower = bare.to_ascii_lowercase();
    (lower.ends_with("read") && is_reading_time(&lower))
        || (lower.ends_with("image") && is_image_label(&lower))
}

/// `3 min read`, `5 mins read`, `1 minute read`.
fn is_reading_time(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let number = words
        .next()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let unit = words
        .next()
        .is_some_and(|w| matches!(w, "min" | "mins" | "minute" | "minutes"));
    number && unit && words.next() == Some("read") && words.next().is_none()
}

/// `16x9 Image`, `4:3 image`: an aspect-ratio label left by an image slot.
fn is_image_label(lower: &str) -> bool {
    let Some(ratio) = lower.strip_suffix(" image") else {
        return false;
    };
    let mut sides = ratio.split(['x', ':', '×']);
    let number =
        |s: Option<&str>| s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    number(sides.next()) && number(sides.next()) && sides.next().is_none()
}

/// Whether a paragraph is a publisher's standing blurb or legal footer.
pub fn is_blurb(p: &str) -> bool {
    let lower = p.to_lowercase();
    BLURB_MARKERS.iter().any(|m| lower.contains(m))
}

/// Whether a paragraph is a photo caption with its credit: `Name Surname, AFP | caption`,
/// `Photo: …`, `Image: …`. Captions stay in the body but are never taken as the headline.
pub fn is_caption(p: &str) -> bool {
    let lower_start: String = p.chars().take(12).collect::<String>().to_lowercase();
    if [
        "photo:",
        "image:",
        "photograph:",
        "picture:",
        "caption:",
        "file photo",
    ]
    .iter()
    .any(|prefix| lower_start.starts_with(prefix))
    {
        return true;
    }
    let Some((credit, caption)) = p.split_once(" | ") else {
        return false;
    };
    is_credit(credit) && !caption.trim().is_empty()
}

/// A short run of capitalised names with an organisation after a comma or slash:
/// `Bashir Khan Safi, AFP`, `John Smith/Reuters`.
fn is_credit(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    s.chars().count() <= 60
        && (2..=8).contains(&words.len())
        && s.contains([',', '/'])
        && words.iter().all(|w| {
            let w = w.trim_start_matches(['/', '(']);
            w.is_empty()
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "via" | "for" | "de" | "van" | "von" | "al" | "/")
        })
}

/// Whether `later` repeats `earlier`: the same text, or the same text with only a short
/// credit added or dropped at the end (`… 2019.` and `… 2019. (Reuters)`).
pub fn repeats(earlier: &str, later: &str) -> bool {
    if earlier == later {
        return true;
    }
    let (short, long) = if earlier.len() < later.len() {
        (earlier, later)
    } else {
        (later, earlier)
    };
    let Some(extra) = long.strip_prefix(short) else {
        return false;
    };
    let extra = extra.trim();
    let bracketed = (extra.starts_with('(') && extra.ends_with(')'))
        || (extra.starts_with('[') && extra.ends_with(']'));
    !short.is_empty() && bracketed && extra.chars().count() <= 40
}

/// Removes navigation and image labels, doubled paragraphs, and trailing blurbs; quoted and
/// preformatted paragraphs and signatures are never furniture.
pub fn remove<P: Para>(paragraphs: Vec<P>) -> Vec<P> {
    let mut out: Vec<P> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let doubled = out
            .last()
            .is_some_and(|last| last.is_text() && repeats(last.text(), p.text()));
        if p.is_text() && (is_furniture(p.text()) || doubled) {
            continue;
        }
        out.push(p);
    }
    while out
        .last()
        .is_some_and(|p| p.is_text() && is_blurb(p.text()))
    {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn navigation_lines_go() {
        for p in [
            "Accessibility links",
            "Breaking News",
            "Skip to content",
            "2 min read",
            "• 16x9 Image",
            "SHARE",
        ] {
            assert!(is_furniture(p), "{p}");
        }
        for p in [
            "US troops",
            "Breaking news from Kabul as talks resume",
            "16x9 Images of war",
            "Share prices fell",
        ] {
            assert!(!is_furniture(p), "{p}");
        }
    }

    #[test]
    fn captions_with_credits_are_recognised() {
        assert!(is_caption(
            "Bashir Khan Safi, AFP | Afghan soldiers gather at a street."
        ));
        assert!(is_caption("John Smith/Reuters | A man walks."));
        assert!(is_caption("Photo: the minister at the event"));
        assert!(!is_caption(
            "Taliban in ceasefire talks with Afghan government: US official"
        ));
        assert!(!is_caption("Prices rose, analysts said | and fell"));
        assert!(!is_caption("Smith, AFP |"));
    }

    #[test]
    fn doubled_paragraphs_and_credited_copies_go() {
        let p = strings(&[
            "Forces patrol the city, August 31, 2019.",
            "Forces patrol the city, August 31, 2019. (Reuters)",
            "Forces patrol the city, August 31, 2019.",
            "Body.",
            "Body. And more text that is not a credit at all, being rather long indeed.",
        ]);
        assert_eq!(
            remove(p),
            strings(&[
                "Forces patrol the city, August 31, 2019.",
                "Body.",
                "Body. And more text that is not a credit at all, being rather long indeed.",
            ])
        );
    }

    #[test]
    fn trailing_blurbs_go_but_not_mid_text() {
        let blurb = "RFE/RL journalists report the news in 27 languages in 23 countries where a free press is banned.";
        let p = strings(&["Body.", blurb, "More body.", "16x9 Image", blurb]);
        assert_eq!(remove(p), strings(&["Body.", blurb, "More body."]));
    }

    #[test]
    fn subheadings_stay() {
        let p = strings(&["Agreement at 'threshold'", "Text.", "US troops", "Text."]);
        assert_eq!(remove(p.clone()), p);
    }
}
