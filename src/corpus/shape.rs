//! The shape of lines, for telling prose from what must not be reflowed: quote prefixes,
//! signature separators, and preformatted text (tables, aligned columns, ASCII art, code),
//! recognised by how the lines look, never by where they come from.

use unicode_width::UnicodeWidthChar;

/// Splits off a mail quote prefix (`>`, `> >`, `>>`, `|>`, `: `): returns the depth and the
/// rest, trimmed.
pub fn quote_level(line: &str) -> (usize, &str) {
    let (depth, rest) = quote_split(line);
    (depth, rest.trim())
}

/// Splits off a mail quote prefix as [`quote_level`] does, but keeps the spacing of what
/// follows it (less the one space after the prefix), for quoted tables.
pub fn quote_split(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line.trim_start();
    let mut body = rest;
    loop {
        let inner = if let Some(inner) = rest.strip_prefix('>').or_else(|| rest.strip_prefix("|>"))
        {
            inner
        } else if let Some(inner) = rest.strip_prefix(':').filter(|r| {
            r.is_empty() || r.starts_with([' ', '>']) && !r.trim_start().starts_with([')', '('])
        }) {
            inner
        } else {
            return (depth, if depth == 0 { line } else { body });
        };
        depth += 1;
        body = inner.strip_prefix(' ').unwrap_or(inner);
        rest = inner.trim_start_matches(' ');
    }
}

/// Whether a line opens a signature: `-- ` (its trailing space already trimmed).
pub fn is_signature_separator(line: &str) -> bool {
    line == "--"
}

/// How strongly a line looks preformatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    /// Running text.
    Prose,
    /// Inner runs of spaces: columns, if its neighbours line up with it.
    Spaced,
    /// Box drawing, ASCII art, code, or a row of figures in columns.
    Fixed,
}

/// The shape of one line (with its indentation).
pub fn shape(line: &str) -> Shape {
    let text = line.trim();
    if text.is_empty() {
        return Shape::Prose;
    }
    // One pass: box drawing, the share of drawing symbols, and the gaps between fields. ASCII
    // lines (most) are read byte by byte, without decoding; the same steps either way.
    let scanned = if text.is_ascii() {
        scan(text.bytes().map(char::from))
    } else {
        scan(text.chars())
    };
    let Some(Scan {
        symbols,
        visible,
        gaps,
        wide,
    }) = scanned
    else {
        return Shape::Fixed;
    };
    // ASCII art and rules: mostly symbols (`/\_/\`, `=====`, `+---+---+`).
    if (visible >= 4 && symbols * 10 >= visible * 6) || is_code(text) {
        return Shape::Fixed;
    }
    if gaps == 0 {
        return Shape::Prose;
    }
    // A row of figures (`Wheat   2.55   2.40   --`) is a table row on its own; words with
    // wide gaps (justified text, scraped spacing) are only columns when their neighbours
    // line up with them.
    let (mut fields, mut figures) = (0, 0);
    for field in text.split("  ").map(str::trim).filter(|f| !f.is_empty()) {
        fields += 1;
        let letters = field.chars().filter(|c| c.is_alphabetic()).count();
        let digits = field.chars().filter(char::is_ascii_digit).count();
        figures +=
            usize::from((digits > 0 && digits >= letters) || field.trim_matches('-').is_empty());
    }
    match gaps {
        1 if wide && figures * 2 >= fields => Shape::Fixed,
        1 => Shape::Spaced,
        _ if figures * 3 >= fields => Shape::Fixed,
        _ => Shape::Spaced,
    }
}

/// What one pass over a line's characters counts.
struct Scan {
    /// Characters ASCII art is drawn with, and visible characters in all.
    symbols: usize,
    visible: usize,
    /// Runs of spaces that separate fields, and whether one is three spaces or more.
    gaps: usize,
    wide: bool,
}

/// Counts a line's characters; `None` at the first box-drawing character.
#[inline]
fn scan(chars: impl Iterator<Item = char>) -> Option<Scan> {
    let (mut symbols, mut visible, mut gaps, mut wide) = (0usize, 0usize, 0usize, false);
    let mut run = 0;
    let mut prev = ' ';
    for c in chars {
        if c == ' ' {
            run += 1;
            continue;
        }
        if is_box_drawing(c) {
            return None;
        }
        visible += 1;
        symbols += usize::from(is_drawing_symbol(c));
        wide |= run >= 3;
        if run >= 3 || (run == 2 && !matches!(prev, '.' | '!' | '?' | ':' | ';' | ',')) {
            gaps += 1;
        }
        run = 0;
        prev = c;
    }
    Some(Scan {
        symbols,
        visible,
        gaps,
        wide,
    })
}

/// The columns (0-based, counting the indentation) where a field starts after a run of two
/// spaces or more.
pub fn column_starts(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut col = 0;
    let mut run = 0;
    let mut seen_text = false;
    for c in line.chars() {
        if c == ' ' {
            run += 1;
        } else {
            if run >= 2 && seen_text {
                out.push(col);
            }
            run = 0;
            seen_text = true;
        }
        col += c.width().unwrap_or(0);
    }
    out
}

/// Box-drawing and block characters, and the corners of ASCII boxes.
fn is_box_drawing(c: char) -> bool {
    matches!(c, '\u{2500}'..='\u{259f}')
}

/// Characters ASCII art and rules are drawn with.
fn is_drawing_symbol(c: char) -> bool {
    matches!(
        c,
        '/' | '\\'
            | '|'
            | '_'
            | '-'
            | '='
            | '+'
            | '*'
            | '#'
            | '~'
            | '^'
            | '<'
            | '>'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '.'
            | '`'
            | '\''
            | ','
    )
}

/// A line of code: a statement or brace ending the line, or a preprocessor line.
fn is_code(text: &str) -> bool {
    let directive = ["#include", "#define", "#if", "#endif"]
        .iter()
        .any(|d| text.starts_with(d));
    let braces = matches!(text, "{" | "}" | "};" | "} else {")
        || (text.ends_with(" {") || text.ends_with("){"))
            && text.contains('(')
            && !text.contains(". ");
    let statement = text.ends_with(");") && text.contains('(') && !text.contains(' ');
    directive || braces || statement
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_prefixes_and_depths() {
        assert_eq!(quote_level("> text"), (1, "text"));
        assert_eq!(quote_level(">> text"), (2, "text"));
        assert_eq!(quote_level("> > text"), (2, "text"));
        assert_eq!(quote_level("|> text"), (1, "text"));
        assert_eq!(quote_level("|> |> text"), (2, "text"));
        assert_eq!(quote_level(": > text"), (2, "text"));
        assert_eq!(quote_level(":"), (1, ""));
        assert_eq!(quote_level(":-) he said"), (0, ":-) he said"));
        assert_eq!(quote_level("plain | text"), (0, "plain | text"));
        assert_eq!(quote_split(">   Wheat   2.55"), (1, "  Wheat   2.55"));
        assert_eq!(quote_split("|> |>  a  b"), (2, " a  b"));
    }

    #[test]
    fn wire_tables_and_art_are_fixed() {
        assert_eq!(
            shape("  Wheat   2.55   2.40       IV     4.65     --"),
            Shape::Fixed
        );
        assert_eq!(shape("┌────┬────┐"), Shape::Fixed);
        assert_eq!(shape("+------+------+"), Shape::Fixed);
        assert_eq!(shape("   /\\_/\\  "), Shape::Fixed);
        assert_eq!(shape("#include <stdio.h>"), Shape::Fixed);
        assert_eq!(
            shape("\t\t\t3400\t\t\t3500".replace('\t', "    ").as_str()),
            Shape::Fixed
        );
        assert_eq!(shape("int main(void) {"), Shape::Fixed);
        assert_eq!(shape("IMAGE IN COLOR (2 )     800 /   100"), Shape::Fixed);
    }

    #[test]
    fn prose_is_prose_even_with_two_spaces_after_a_stop() {
        assert_eq!(
            shape("in the following cars: 75 Rabbit.  I've never had a problem."),
            Shape::Prose
        );
        assert_eq!(
            shape("A sentence (with brackets) - and a dash."),
            Shape::Prose
        );
        assert_eq!(
            shape("    Indented first line of a paragraph."),
            Shape::Prose
        );
        assert_eq!(shape("Name  Age  City"), Shape::Spaced);
        // Scraped text often has runs of spaces between words, justified text too.
        assert_eq!(shape("no break   and   narrow thin  spaces"), Shape::Spaced);
        assert_eq!(
            shape("JOH 20:1  The first day of the week cometh Mary Magdalene  early, when  it"),
            Shape::Spaced
        );
    }

    #[test]
    fn column_starts_count_display_columns() {
        assert_eq!(column_starts("ab  cd   ef"), [4, 9]);
        assert_eq!(column_starts("  ab  cd"), [6]);
        assert_eq!(column_starts("東京  大阪"), [6]);
    }
}
