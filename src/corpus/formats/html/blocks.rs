//! An HTML element's text as paragraphs: headings, paragraphs, list items and table rows
//! each become their own, inline markup is joined into them; a `<pre>` and a data table
//! become one preformatted paragraph each (the table's columns aligned), a block quote a
//! quoted paragraph.
//!
//! The walk is iterative, so markup nested 200,000 deep is read without a stack overflow.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use unicode_width::UnicodeWidthStr;

use crate::corpus::Block;
use crate::corpus::links::placeholder;
use crate::corpus::paragraphs::Paragraph;

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

/// Elements inside a table cell that make the table one of layout, not of data.
const LAYOUT: &[&str] = &[
    "table",
    "p",
    "div",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
];

/// The widest a data table may be drawn, in columns; a wider one is read row by row.
const MAX_TABLE_WIDTH: usize = 120;

/// The paragraphs under `root`, skipping every node for which `skip` is true (and what it
/// holds).
pub fn blocks(root: NodeRef<'_, Node>, skip: &dyn Fn(NodeRef<'_, Node>) -> bool) -> Vec<Paragraph> {
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
                        out.open(node, name, el.attr("href"));
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
                    out.close(node, el.name());
                }
            }
        }
    }
    out.end();
    out.done
}

/// Paragraphs as plain strings: a preformatted one gives each of its lines, the others their
/// text (a quote without its `>` prefix). For text that keeps no kinds: a dataset's field.
pub fn texts(paragraphs: Vec<Paragraph>) -> Vec<String> {
    let mut out = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        match p.kind {
            Block::Preformatted | Block::Signature => {
                out.extend(p.text.lines().map(str::to_owned));
            }
            Block::Quote { .. } => {
                out.push(crate::corpus::quote_split(&p.text).1.to_owned());
            }
            Block::Text => out.push(p.text),
        }
    }
    out
}

/// Whether a table holds data (rows of short cells) rather than laying out a page: no
/// blocks in its cells, not marked as presentation, at least two rows and two columns.
fn is_data_table(table: NodeRef<'_, Node>) -> bool {
    let Some(el) = table.value().as_element() else {
        return false;
    };
    if matches!(el.attr("role"), Some("presentation" | "none")) {
        return false;
    }
    let mut rows = 0usize;
    let mut widest = 0usize;
    for node in table.descendants().skip(1) {
        let Some(e) = node.value().as_element() else {
            continue;
        };
        if LAYOUT.contains(&e.name()) {
            return false;
        }
        if e.name() == "tr" {
            rows += 1;
            let cells = node
                .children()
                .filter(|c| {
                    c.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "td" | "th"))
                })
                .count();
            widest = widest.max(cells);
        }
    }
    rows >= 2 && widest >= 2
}

/// `text` with its runs of whitespace made one space, and none at either end; ASCII text
/// (the most of it) byte by byte.
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    // ASCII whitespace leaves out the vertical tab, which Unicode counts.
    if text.is_ascii() && !text.contains('\x0b') {
        text.split_ascii_whitespace().for_each(&mut push);
    } else {
        text.split_whitespace().for_each(&mut push);
    }
    out
}

/// A data table being read: its rows of cells.
#[derive(Default)]
struct Table {
    id: Option<ego_tree::NodeId>,
    rows: Vec<Vec<String>>,
    /// Whether a cell is open (its text is gathering in `Blocks::current`).
    in_cell: bool,
}

#[derive(Default)]
struct Blocks {
    done: Vec<Paragraph>,
    current: String,
    /// Inside how many `<pre>` elements: there lines are kept as they are.
    pre: usize,
    /// Inside how many `<blockquote>` elements.
    quote: usize,
    /// The data table being read, if any.
    table: Option<Table>,
    /// The links being read (innermost last): each leaves its placeholder after its text.
    anchors: Vec<(ego_tree::NodeId, String, usize)>,
}

impl Blocks {
    fn open(&mut self, node: NodeRef<'_, Node>, name: &str, href: Option<&str>) {
        if self.table.is_some() {
            match name {
                "tr" => {
                    self.end_cell();
                    if let Some(t) = &mut self.table {
                        t.rows.push(Vec::new());
                    }
                }
                "td" | "th" => {
                    self.end_cell();
                    if let Some(t) = &mut self.table {
                        if t.rows.is_empty() {
                            t.rows.push(Vec::new());
                        }
                        t.in_cell = true;
                    }
                }
                "br" => self.current.push(' '),
                // No link markers in a table: they would push its columns out of line.
                _ => {}
            }
            return;
        }
        match name {
            "br" if self.pre > 0 => self.current.push('\n'),
            "br" => self.end(),
            "pre" => {
                self.end();
                self.pre += 1;
            }
            "blockquote" => {
                self.end();
                self.quote += 1;
            }
            "table" if self.pre == 0 && is_data_table(node) => {
                self.end();
                self.table = Some(Table {
                    id: Some(node.id()),
                    ..Table::default()
                });
            }
            "li" => {
                self.end();
                self.current.push_str("• ");
            }
            "td" | "th" if !self.current.trim().is_empty() => {
                self.current.push_str(" | ");
            }
            "a" => self.anchor(node, href),
            _ if self.pre == 0 && BLOCK.contains(&name) => self.end(),
            _ => {}
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>, name: &str) {
        if name == "a" && self.anchors.last().is_some_and(|(id, ..)| *id == node.id()) {
            // A link with no text of its own (an image) gets no marker.
            if let Some((_, mark, start)) = self.anchors.pop() {
                let text = self.current.get(start..).unwrap_or(&self.current);
                if !text.trim().is_empty() {
                    self.current.push_str(&mark);
                }
            }
            return;
        }
        if let Some(table) = &self.table {
            if table.id == Some(node.id()) {
                self.end_cell();
                if let Some(table) = self.table.take() {
                    self.end_table(table.rows);
                }
            } else if matches!(name, "td" | "th" | "tr") {
                self.end_cell();
            } else if name == "caption" {
                let caption = std::mem::take(&mut self.current);
                let caption = squeeze(&caption);
                self.push(caption, Block::Text);
            }
            return;
        }
        match name {
            "pre" => {
                self.end();
                self.pre = self.pre.saturating_sub(1);
            }
            "blockquote" => {
                self.end();
                self.quote = self.quote.saturating_sub(1);
            }
            _ if self.pre == 0 && BLOCK.contains(&name) => self.end(),
            _ => {}
        }
    }

    fn anchor(&mut self, node: NodeRef<'_, Node>, href: Option<&str>) {
        if let Some(mark) = href.and_then(placeholder) {
            self.anchors.push((node.id(), mark, self.current.len()));
        }
    }

    fn text(&mut self, text: &str) {
        self.current.push_str(text);
    }

    /// The cell being read, closed: its text, on one line, goes to the last row.
    fn end_cell(&mut self) {
        let text = std::mem::take(&mut self.current);
        let Some(table) = &mut self.table else {
            return;
        };
        if !table.in_cell {
            return;
        }
        table.in_cell = false;
        let text = squeeze(&text);
        if let Some(row) = table.rows.last_mut() {
            row.push(text);
        }
    }

    /// A data table as one preformatted paragraph with its columns aligned; one too wide for
    /// that as a paragraph a row.
    fn end_table(&mut self, rows: Vec<Vec<String>>) {
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0usize; columns];
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let total = widths.iter().sum::<usize>() + 3 * columns.saturating_sub(1);
        if total > MAX_TABLE_WIDTH {
            for row in rows {
                self.push(row.join(" | "), Block::Text);
            }
            return;
        }
        let lines: Vec<String> = rows
            .iter()
            .map(|row| {
                let mut line = String::new();
                for (i, w) in widths.iter().enumerate() {
                    let cell = row.get(i).map_or("", String::as_str);
                    if i > 0 {
                        line.push_str(" | ");
                    }
                    line.push_str(cell);
                    line.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.width())));
                }
                line.trim_end().to_owned()
            })
            .collect();
        self.push(lines.join("\n"), Block::Preformatted);
    }

    /// The paragraph being read, ended.
    fn end(&mut self) {
        let text = std::mem::take(&mut self.current);
        if self.pre > 0 {
            let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
            let first = lines.iter().position(|l| !l.is_empty());
            let last = lines.iter().rposition(|l| !l.is_empty());
            if let (Some(first), Some(last)) = (first, last) {
                let kept = lines.get(first..=last).unwrap_or_default().join("\n");
                self.push(kept, Block::Preformatted);
            }
            return;
        }
        let text = squeeze(&text);
        let text = text.trim_start_matches("| ").to_owned();
        if text.trim().is_empty() || text.trim() == "•" {
            return;
        }
        if self.quote > 0 {
            let depth = u8::try_from(self.quote.min(8)).unwrap_or(8);
            let prefix = ">".repeat(usize::from(depth));
            self.push(format!("{prefix} {text}"), Block::Quote { depth });
        } else {
            self.push(text, Block::Text);
        }
    }

    fn push(&mut self, text: String, kind: Block) {
        if !text.trim().is_empty() {
            self.done.push(Paragraph { text, kind });
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn of(html: &str) -> Vec<Paragraph> {
        let doc = scraper::Html::parse_fragment(html);
        blocks(doc.tree.root(), &|_| false)
    }

    fn text(p: &[Paragraph]) -> Vec<&str> {
        p.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn blocks_keep_their_shape() {
        let got = of(
            "<h2>Head</h2><p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul>\
             <blockquote>Quoted <i>words</i></blockquote><pre>x = 1\n  y = 2<br>z</pre>\
             <table><tr><th>key</th><th>v</th></tr><tr><td>1</td><td>2.55</td></tr></table>\
             <script>alert(1)</script>Tail<br>line",
        );
        assert_eq!(
            text(&got),
            [
                "Head",
                "One bold word.",
                "• a",
                "• b",
                "> Quoted words",
                "x = 1\n  y = 2\nz",
                "key | v\n1   | 2.55",
                "Tail",
                "line"
            ]
        );
        let kinds: Vec<Block> = got.iter().map(|p| p.kind).collect();
        assert_eq!(kinds[4], Block::Quote { depth: 1 });
        assert_eq!(kinds[5], Block::Preformatted);
        assert_eq!(kinds[6], Block::Preformatted);
        assert!(
            kinds[..4]
                .iter()
                .chain(&kinds[7..])
                .all(|k| *k == Block::Text)
        );
    }

    #[test]
    fn a_table_that_lays_out_a_page_is_read_as_text() {
        let got = of(
            "<table><tr><td><p>A long paragraph laid out in a cell.</p></td>\
             <td><div>Another</div></td></tr><tr><td>x</td></tr></table>",
        );
        assert!(got.iter().all(|p| p.kind == Block::Text), "{got:?}");
        assert_eq!(
            text(&got),
            ["A long paragraph laid out in a cell.", "Another", "x"]
        );
        let one_row = of("<table><tr><td>only</td><td>row</td></tr></table>");
        assert_eq!(one_row[0].kind, Block::Text);
        let wide = format!(
            "<table><tr><td>{}</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
            "word ".repeat(40)
        );
        let got = of(&wide);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|p| p.kind == Block::Text), "{got:?}");
    }

    #[test]
    fn nested_quotes_keep_their_depth_and_texts_drop_the_prefix() {
        let got = of("<blockquote><p>outer</p><blockquote>inner</blockquote></blockquote>");
        assert_eq!(text(&got), ["> outer", ">> inner"]);
        assert_eq!(got[1].kind, Block::Quote { depth: 2 });
        let pre = of("<pre>a\nb</pre><blockquote>q</blockquote><p>t</p>");
        assert_eq!(texts(pre), ["a", "b", "q", "t"]);
    }

    #[test]
    fn links_leave_a_placeholder_after_their_text_but_not_in_tables() {
        let got = of(
            r#"<p>Read <a href=" https://a.org/x ">the <b>report</b></a>.<a href="/i"><img></a></p>"#,
        );
        let mark = placeholder("https://a.org/x").unwrap();
        assert_eq!(text(&got), [format!("Read the report{mark}.")]);
        let cell = of(
            r#"<table><caption>Prices</caption><tr><td><a href="https://a.org/x">x</a></td><td>y</td></tr>
             <tr><td>1</td><td>2</td></tr></table>"#,
        );
        assert_eq!(text(&cell), ["Prices", "x | y\n1 | 2"]);
    }

    proptest::proptest! {
        #[test]
        fn squeeze_is_split_whitespace_joined(text in "[a-z \t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{3000}é]{0,40}") {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squeeze(&text), want);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(1_500), "</div>".repeat(10));
        assert_eq!(text(&of(&html)), ["deep"]);
    }
}
