//! Saved web pages: the article, not the page. The title, date and source come from the
//! page's metadata (OpenGraph, JSON-LD, `<time>`, `<meta>`), the text from the block
//! [`extract`] finds; the charset from the byte order mark or the page's `<meta charset>`.

mod blocks;
mod extract;
mod lead;
mod meta;
#[cfg(test)]
mod shape_tests;
mod words;

use std::borrow::Cow;

use encoding_rs::Encoding;
use scraper::Html;

use meta::{Meta, same, strip_host, strip_site};

use crate::corpus::Block;
use crate::corpus::entities::decode_entities;
use crate::corpus::paragraphs::{Paragraph, collapse_spaces, split_all};
use crate::corpus::record::{BadRecord, Format, Record};
use crate::corpus::{Parsed, SkipReason, decode};
use crate::text::sanitize_text;

/// A saved web page: one article.
#[derive(Debug, Clone, Copy, Default)]
pub struct Page;

impl Format for Page {
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        vec![Ok(Record {
            key: String::new(),
            bytes: Cow::Borrowed(bytes),
        })]
    }

    fn parse(&self, bytes: &[u8]) -> Result<Parsed, SkipReason> {
        let text = page_text(bytes)?;
        if too_deep(&text) {
            return Err(SkipReason::Invalid(
                "HTML",
                format!("elements nested more than {MAX_DEPTH} deep"),
            ));
        }
        let doc = Html::parse_document(&text);
        let meta = Meta::of(&doc);
        let mut paragraphs = extract::article(&doc, meta.title.as_deref())
            .unwrap_or_else(|| blocks::blocks(doc.tree.root(), &|_| false));
        if let Some(body) = &meta.body {
            let words = |ps: &[Paragraph]| {
                ps.iter()
                    .map(|p| p.text.split_whitespace().count())
                    .sum::<usize>()
            };
            let given: Vec<Paragraph> = super::fields::paragraphs(body)
                .into_iter()
                .map(|text| Paragraph {
                    text,
                    kind: Block::Text,
                })
                .collect();
            // A page that draws its article with scripts has it only in its metadata.
            if words(&given) * 2 > words(&paragraphs) * 3 {
                paragraphs = given;
            }
        }
        let mut paragraphs: Vec<Paragraph> = paragraphs
            .into_iter()
            .filter_map(tidy)
            .filter(|p| !is_template(&p.text) && !is_credit(&p.text))
            .collect();
        let host = meta.url.as_deref().and_then(super::fields::host);
        let title = meta
            .title
            .map(|t| match (&meta.site, &host) {
                (Some(site), _) => strip_site(&t, Some(site)),
                (None, Some(host)) => strip_host(&t, host),
                (None, None) => t,
            })
            .or_else(|| paragraphs.first().map(|p| p.text.clone()))
            .unwrap_or_default();
        if let Some(at) = paragraphs
            .iter()
            .take(3)
            .position(|p| same(&p.text, &title))
        {
            paragraphs.remove(at);
        }
        if title.is_empty() && paragraphs.is_empty() {
            return Err(SkipReason::NoText);
        }
        let paragraphs = split_all(paragraphs);
        let kinds = if paragraphs.iter().all(|p| p.kind == Block::Text) {
            Vec::new()
        } else {
            paragraphs.iter().map(|p| p.kind).collect()
        };
        Ok(Parsed {
            title,
            date: meta.date,
            // A page that names no site is known by its address's host.
            source: meta.site.or(host),
            paragraphs: paragraphs.into_iter().map(|p| p.text).collect(),
            kinds,
            url: meta.url,
            links: Vec::new(),
        })
    }
}

/// A paragraph cleaned of controls: running text on one line with single spaces, a
/// preformatted one line by line; `None` when nothing is left.
fn tidy(p: Paragraph) -> Option<Paragraph> {
    let text = match p.kind {
        Block::Preformatted | Block::Signature => {
            let lines: Vec<String> = p
                .text
                .split('\n')
                .map(|l| sanitize_text(l).trim_end().to_owned())
                .collect();
            lines.join("\n")
        }
        Block::Text | Block::Quote { .. } => collapse_spaces(sanitize_text(&p.text)),
    };
    (!text.trim().is_empty()).then_some(Paragraph { text, ..p })
}

/// The deepest nesting of elements read; the HTML parser's work grows with the square of it.
pub const MAX_DEPTH: usize = 2_000;

/// Whether a page nests elements deeper than [`MAX_DEPTH`], as its tags say (void elements,
/// elements closed by the next of their kind, and the contents of scripts and styles aside).
fn too_deep(text: &str) -> bool {
    const UNCOUNTED: &[&str] = &[
        "br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col",
        "embed", "param", "track", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!--",
        "!doctype",
    ];
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(off) = bytes
        .get(at..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        at += off + 1;
        let rest = bytes.get(at..).unwrap_or_default();
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = rest
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'!' || *c == b'-'))
            .unwrap_or(rest.len());
        let name = rest.get(..name_len).unwrap_or_default();
        if name.is_empty() || !rest[0].is_ascii_alphabetic() && name[0] != b'!' {
            continue;
        }
        if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
            at += closing(rest, name).unwrap_or(rest.len());
            continue;
        }
        let end = rest.iter().position(|&c| c == b'>').unwrap_or(rest.len());
        let self_closing = end > 0 && rest.get(end - 1) == Some(&b'/');
        let uncounted = UNCOUNTED
            .iter()
            .any(|u| u.as_bytes().eq_ignore_ascii_case(name));
        if !self_closing && !uncounted {
            depth += 1;
            if depth > MAX_DEPTH {
                return true;
            }
        }
    }
    false
}

/// Where `</name` (any case) first stands in `text`, read once from the start.
fn closing(text: &[u8], name: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(off) = text.get(at..)?.iter().position(|&c| c == b'<') {
        at += off;
        let tag = text.get(at + 1..at + 2 + name.len())?;
        if tag[0] == b'/' && tag[1..].eq_ignore_ascii_case(name) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The page's bytes as text: by the byte order mark, else the charset the page declares in
/// its first 4 KiB, else as any text file is decoded.
fn page_text(bytes: &[u8]) -> Result<String, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    if Encoding::for_bom(bytes).is_none()
        && let Some(encoding) = declared_charset(bytes)
        && encoding != encoding_rs::UTF_8
    {
        return Ok(encoding.decode_without_bom_handling(bytes).0.into_owned());
    }
    decode(bytes)
}

/// `<meta charset="…">` or `content="text/html; charset=…"` near the top of a page.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head.get(at..)?.trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// A picture's credit line, as pages set them under images: `Photograph by …`, `(Credit: …)`,
/// `Foto: …`, `Beitragsbild: …`.
fn is_credit(p: &str) -> bool {
    const WORDS: [&str; 14] = [
        "photo",
        "photos",
        "photograph",
        "image",
        "picture",
        "credit",
        "credits",
        "foto",
        "fotos",
        "bild",
        "beitragsbild",
        "titelbild",
        "crédit",
        "crédits",
    ];
    if p.chars().count() > 160 {
        return false;
    }
    let p = p.trim_start_matches(['(', '[']).to_lowercase();
    let word: String = p.chars().take_while(|c| c.is_alphabetic()).collect();
    let rest = p.get(word.len()..).unwrap_or_default().trim_start();
    WORDS.contains(&word.as_str()) && (rest.starts_with(':') || rest.starts_with("by "))
}

/// Text still holding template syntax (`{{headline}}`): never filled in, not text.
fn is_template(p: &str) -> bool {
    p.contains("{{") && p.contains("}}")
}

/// Whether text holds HTML blocks (a paragraph, a line break, a list, a heading).
pub fn looks_like_html(text: &str) -> bool {
    let lower = text
        .get(..text.len().min(65_536))
        .map_or_else(|| text.to_lowercase(), str::to_lowercase);
    [
        "<p>",
        "<p ",
        "</p>",
        "<br",
        "<div",
        "<li>",
        "<h2",
        "<h3",
        "<blockquote",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// A line with its inline tags removed and its entities decoded.
pub fn inline_text(text: &str) -> Cow<'_, str> {
    if !text.contains('<') && !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Each `>` is looked for once: when none is left, no later `<` starts a tag either, so the
    // text is read in one pass however many stray `<` it holds.
    let mut closes = true;
    while let Some(at) = rest.find('<') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at..).unwrap_or_default();
        let is_tag = after
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let end = if is_tag && closes {
            after.find('>')
        } else {
            None
        };
        closes &= !is_tag || end.is_some();
        match end {
            Some(end) => rest = after.get(end + 1..).unwrap_or_default(),
            None => {
                out.push('<');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(decode_entities(&out).into_owned())
}

/// HTML nested too deep to parse, as its text in one paragraph (none when it has none).
fn flat(html: &str) -> Vec<String> {
    let text = inline_text(html).trim().to_owned();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

/// An HTML fragment (a dataset's text field, a mail's HTML part) as paragraphs.
pub fn fragment_blocks(html: &str) -> Vec<String> {
    if too_deep(html) {
        return flat(html);
    }
    let doc = Html::parse_fragment(html);
    blocks::texts(blocks::blocks(doc.tree.root(), &|_| false))
}

/// Used by the mail format for a message with only an HTML part: paragraphs, a preformatted
/// one with its lines.
pub fn page_paragraphs(html: &str) -> Vec<String> {
    if too_deep(html) {
        return flat(html);
    }
    let doc = Html::parse_document(html);
    extract::article(&doc, None)
        .unwrap_or_else(|| blocks::blocks(doc.tree.root(), &|_| false))
        .into_iter()
        .map(|p| p.text)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Goats climb dams | Wild News</title>
<meta property="og:site_name" content="Wild News">
<meta property="article:published_time" content="2019-03-04T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Goats climb dams"}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="share-buttons"><a href="#">Share on Facebook</a></div>
<main><article><h1>Goats climb dams</h1>
<p>Alpine ibex scale near-vertical dam walls in Italy, licking the stones for salt, which they need.</p>
<p>The goats, which weigh up to 100 kg, balance on ledges only a few centimetres wide, biologists say.</p>
<ul class="related"><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
<p>They come back every spring, when the snow melts and the salt lies exposed on the walls.</p>
</article></main>
<aside>Most read: Cats on roofs</aside>
<div id="comments"><p>Great article, thanks, really, I loved it, truly.</p></div>
<footer>Copyright Wild News. Terms of use.</footer>
</body></html>"##;

    #[test]
    fn a_page_gives_its_article_without_the_furniture() {
        let p = Page.parse(PAGE.as_bytes()).unwrap();
        assert_eq!(p.title, "Goats climb dams");
        assert_eq!(p.date.as_deref(), Some("2019-03-04"));
        assert_eq!(p.source.as_deref(), Some("Wild News"));
        assert_eq!(p.paragraphs.len(), 3, "{:?}", p.paragraphs);
        assert!(p.paragraphs[2].starts_with("They come back"));
        let all = p.paragraphs.join("\n");
        for furniture in [
            "Home",
            "Share",
            "Other story",
            "Most read",
            "Great article",
            "Copyright",
        ] {
            assert!(!all.contains(furniture), "{furniture} in {all}");
        }
    }

    #[test]
    fn site_suffixes_are_removed_only_when_they_name_the_site() {
        assert_eq!(
            strip_site("Rates rise | BBC News", Some("BBC News")),
            "Rates rise"
        );
        assert_eq!(
            strip_site("Rates rise - Reuters", Some("Reuters")),
            "Rates rise"
        );
        assert_eq!(
            strip_site("War - and peace", Some("Reuters")),
            "War - and peace"
        );
        assert_eq!(strip_site("A | B", None), "A | B");
        assert_eq!(
            strip_host("Freenet wins › Meedia", "meedia.de"),
            "Freenet wins"
        );
        assert_eq!(strip_host("Trapped - AP", "ap.org"), "Trapped");
        assert_eq!(strip_host("Rap - Trapped", "ap.org"), "Rap - Trapped");
    }

    #[test]
    fn the_declared_charset_decodes_the_page() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>".to_vec();
        page.extend(
            b"Caf\xe9 cr\xe8me, a paragraph long enough to count as one.</p></body></html>",
        );
        let p = Page.parse(&page).unwrap();
        assert!(
            p.title.starts_with("Café crème")
                || p.paragraphs.iter().any(|x| x.contains("Café crème")),
            "{p:?}"
        );
    }

    #[test]
    fn credit_lines_are_told_from_text() {
        for credit in [
            "Photograph by Ed Marshall",
            "(Credit: A / B)",
            "Foto: dpa",
            "Beitragsbild: X",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
        for text in [
            "Photography by night is hard.",
            "Credits are due: many.",
            "Bildung: ja",
        ] {
            assert!(!is_credit(text), "{text}");
        }
    }

    #[test]
    fn inline_tags_go_and_entities_are_decoded() {
        assert_eq!(inline_text("a <b>b</b> &amp; 1 < 2"), "a b & 1 < 2");
        assert_eq!(inline_text("<a<b<c"), "<a<b<c");
        assert_eq!(inline_text("x <a <b>y"), "x y");
        assert_eq!(inline_text("< 1 < 2 <i>3</i>"), "< 1 < 2 3");
        assert!(looks_like_html("<p>x</p>"));
        assert!(!looks_like_html("1 < 2 and 3 > 2"));
    }

    #[test]
    fn tags_inside_scripts_and_styles_are_not_counted() {
        let hidden = "<div>".repeat(MAX_DEPTH + 10);
        for (open, close) in [("<script>", "</script>"), ("<STYLE>", "</Style >")] {
            let page = format!("<html><body>{open}{hidden}{close}<p>text</p></body></html>");
            assert!(!too_deep(&page), "{open}");
        }
        // Unclosed, a script hides the rest of the page; closed, what follows counts again.
        assert!(!too_deep(&format!("<script>{hidden}")));
        assert!(too_deep(&format!("<script></script>{hidden}")));
        assert_eq!(closing(b"x</scripT>", b"script"), Some(1));
        assert_eq!(closing(b"</scrip", b"script"), None);
        assert_eq!(closing(b"<", b"style"), None);
    }

    #[test]
    fn deep_nesting_is_read_up_to_a_limit_and_skipped_past_it() {
        let page = |n| {
            format!(
                "<html><body>{}<p>deep text here</p></body></html>",
                "<div>".repeat(n)
            )
        };
        assert!(Page.parse(page(MAX_DEPTH - 10).as_bytes()).is_ok());
        let e = Page.parse(page(200_000).as_bytes()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid HTML (elements nested more than 2000 deep)"
        );
        assert_eq!(
            fragment_blocks(&"<div>".repeat(200_000)),
            Vec::<String>::new()
        );
        let flat = "<p>para</p>".repeat(50_000);
        assert!(!too_deep(&flat) && !too_deep(&"<div>x</div>".repeat(50_000)));
    }
}
