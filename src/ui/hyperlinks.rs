//! Where the reader shows a link, for OSC 8 hyperlinks (`hyperlinks = true`): each `[n]`
//! marker of the open article, and each bare address, with the address it stands for. The
//! terminal writes those cells again inside an OSC 8 pair after the frame.
//!
//! Only addresses [`safe_url`] lets out are ever given: `http`, `https` or `mailto`, all
//! printable ASCII, so an address cannot end the sequence early or carry one of its own.

use crate::corpus::links::{bare_links, safe_url};
use crate::model::{BlockKind, Model};
use crate::text::width;

/// One stretch of a screen row that links somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperlink {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

/// The links on screen, left to right, top to bottom.
pub fn hyperlinks(model: &Model) -> Vec<Hyperlink> {
    let reader = model.reader();
    // A window drawn over the reader covers its links.
    let Some(article) = reader.article().filter(|_| model.overlay().is_none()) else {
        return Vec::new();
    };
    let text = model.layout().text;
    if text.area() == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (dy, line) in reader.screen_lines().iter().enumerate() {
        let Ok(dy) = u16::try_from(dy) else { break };
        if dy >= text.height || line.kind == BlockKind::Meta {
            continue;
        }
        let start = width(line.prefix) + usize::from(line.cut_left);
        let mut found: Vec<(usize, usize, &str)> = markers(line.text)
            .into_iter()
            .filter_map(|(at, len, n)| {
                let url = article.links.get(n.checked_sub(1)?)?;
                Some((at, len, url.as_str()))
            })
            .collect();
        for bare in bare_links(line.text) {
            // A wrapped address shows its start on this line: it links to the whole.
            let Some(url) = article.links.iter().find(|l| l.starts_with(bare)) else {
                continue;
            };
            let at = bare.as_ptr() as usize - line.text.as_ptr() as usize;
            found.push((at, bare.len(), url.as_str()));
        }
        found.sort_by_key(|f| f.0);
        for (at, len, url) in found {
            let Some(url) = safe_url(url) else { continue };
            let (Some(before), Some(shown)) = (line.text.get(..at), line.text.get(at..at + len))
            else {
                continue;
            };
            let x = start + width(before);
            let w = width(shown);
            let right = usize::from(text.width);
            if x >= right {
                continue;
            }
            let w = w.min(right - x);
            out.push(Hyperlink {
                x: text.x + u16::try_from(x).unwrap_or(0),
                y: text.y + dy,
                width: u16::try_from(w).unwrap_or(0),
                url: url.to_owned(),
            });
        }
    }
    out
}

/// The `[n]` markers in `text`: byte offset, byte length, number.
fn markers(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits > 0 && digits < 6 && bytes.get(i + 1 + digits) == Some(&b']') {
                let n = text[i + 1..i + 1 + digits].parse().unwrap_or(0);
                out.push((i, digits + 2, n));
                i += digits + 2;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::action::Action;
    use crate::corpus::Article;

    #[test]
    fn markers_and_bare_addresses_link_to_their_address() {
        let article = Article {
            title: "T".into(),
            paragraphs: vec![
                "日本 said[1] and [9] and x[2].".into(),
                "See https://b.org/p now.".into(),
            ],
            links: vec![
                "https://a.org/1".into(),
                "mailto:x@y.org".into(),
                "https://b.org/p".into(),
            ],
            ..Article::default()
        };
        let mut model = Model::new(vec![Arc::new(article)], Vec::new());
        model.update(Action::Resize(100, 30));
        let links = hyperlinks(&model);
        let text = model.layout().text;
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://a.org/1", "mailto:x@y.org", "https://b.org/p"]
        );
        // `日本 said` is 9 columns wide: the marker starts at the tenth.
        assert_eq!((links[0].x - text.x, links[0].width), (9, 3));
        assert_eq!(links[2].width, 15);
        assert_eq!(links[1].y, links[0].y);
        assert!(links[2].y > links[0].y);
        model.update(Action::Help);
        assert!(hyperlinks(&model).is_empty(), "none under a window");
    }

    #[test]
    fn markers_are_found_by_their_digits() {
        assert_eq!(markers("a[1] [x] [] [12]"), [(1, 3, 1), (12, 4, 12)]);
        assert_eq!(markers("[1234567]"), []);
    }
}
