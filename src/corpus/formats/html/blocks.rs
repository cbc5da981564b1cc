//! An HTML element's text as paragraphs: headings, paragraphs, list items, block quotes,
//! preformatted lines and table rows each become their own, inline markup is joined into them.
//!
//! The walk is iterative, so markup nested 200,000 deep is read without a stack overflow.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;

use crate::corpus::links::placeholder;

/// Elements whose content is never text to read.
pub const NEVER: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "textarea", "button", "input", "head", "title",
];

/// Elements that start and end a block of their own.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "address",
    "hr",
    "form",
    "fieldset",
    "details",
    "summary",
    "center",
    "body",
    "html",
];

/// The paragraphs under `root`, skipping every node for which `skip` is true (and what it
/// holds).
pub fn blocks(root: NodeRef<'_, Node>, skip: &dyn Fn(NodeRef<'_, Node>) -> bool) -> Vec<String> {
    let mut out = Blocks::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => out.text(&text.text),
                    Node::Element(el) => {
                        let name = el.name();
                        if NEVER.contains(&name) || skip(node) {
                            skipping = Some(node.id());
                            continue;
                        }
                        match name {
                            "br" => out.line_break(),
                            "pre" => {
                                out.end();
                                out.pre += 1;
                            }
                            "li" => {
                                out.end();
                                out.current.push_str("• ");
                            }
                            "td" | "th" if !out.current.trim().is_empty() => {
                                out.current.push_str(" | ");
                            }
                            "img" => {}
                            "a" => {
                                if let Some(mark) = el.attr("href").and_then(placeholder) {
                                    out.anchors.push((node.id(), mark, out.current.len()));
                                }
                            }
                            _ if BLOCK.contains(&name) => out.end(),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if name == "a" && out.anchors.last().is_some_and(|(id, ..)| *id == node.id()) {
                        // A link with no text of its own (an image) gets no marker.
                        if let Some((_, mark, start)) = out.anchors.pop() {
                            let text = out.current.get(start..).unwrap_or(&out.current);
                            if !text.trim().is_empty() {
                                out.current.push_str(&mark);
                            }
                        }
                    } else if name == "pre" {
                        out.end();
                        out.pre = out.pre.saturating_sub(1);
                    } else if BLOCK.contains(&name) {
                        out.end();
                    }
                }
            }
        }
    }
    out.end();
    out.done
}

#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
    /// Inside how many `<pre>` elements: there every line is its own paragraph.
    pre: usize,
    /// The links being read (innermost last): each leaves its placeholder after its text.
    anchors: Vec<(ego_tree::NodeId, String, usize)>,
}

impl Blocks {
    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.current.push_str(first);
            }
            for line in lines {
                self.line_break();
                self.current.push_str(line);
            }
        } else {
            self.current.push_str(text);
        }
    }

    fn line_break(&mut self) {
        self.end();
    }

    fn end(&mut self) {
        let text = std::mem::take(&mut self.current);
        let text = if self.pre > 0 {
            text.trim_end().to_owned()
        } else {
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let text = text.trim_start_matches("| ").to_owned();
        if !text.trim().is_empty() && text.trim() != "•" {
            self.done.push(text);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn of(html: &str) -> Vec<String> {
        let doc = scraper::Html::parse_fragment(html);
        blocks(doc.tree.root(), &|_| false)
    }

    #[test]
    fn blocks_keep_their_shape() {
        let got = of(
            "<h2>Head</h2><p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul>\
             <blockquote>Quoted</blockquote><pre>x = 1\n  y = 2</pre>\
             <table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>\
             <script>alert(1)</script>Tail<br>line",
        );
        assert_eq!(
            got,
            [
                "Head",
                "One bold word.",
                "• a",
                "• b",
                "Quoted",
                "x = 1",
                "  y = 2",
                "k | v",
                "1 | 2",
                "Tail",
                "line"
            ]
        );
    }

    #[test]
    fn links_leave_a_placeholder_after_their_text() {
        let got = of(
            r#"<p>Read <a href=" https://a.org/x ">the <b>report</b></a>.<a href="/i"><img></a></p>"#,
        );
        let mark = placeholder("https://a.org/x").unwrap();
        assert_eq!(got, [format!("Read the report{mark}.")]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(1_500), "</div>".repeat(10));
        assert_eq!(of(&html), ["deep"]);
    }
}
