//! HTML entities and template leftovers that scraping leaves in article text.
//!
//! Decodes named and numeric character references (`&quot;`, `&#39;`, `&#x201C;`), the mangled
//! forms some pipelines produce (`,quot;` where the ampersand became a comma, `& # 39;` with
//! spaces inside), and removes template placeholders such as `%MINIFYHTML4f2a9c0e%`.

use std::borrow::Cow;

/// Named references worth knowing in news text; unknown names are left as they are.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("shy", '\u{ad}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("auml", 'ä'),
    ("szlig", 'ß'),
];

/// Names that also appear with a comma in place of the ampersand (`,quot;`).
const COMMA_MANGLED: &[&str] = &["quot", "amp", "apos", "nbsp", "lt", "gt"];

/// Decodes character references and mangled references in `s`.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    let is_sigil = |b: &u8| *b == b'&' || *b == b',';
    if !s.as_bytes().iter().any(is_sigil) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.as_bytes().iter().position(is_sigil) {
        let (before, tail) = rest.split_at(at);
        out.push_str(before);
        match reference(tail) {
            Some(found) => {
                if found.spaced && is_quote(found.ch) && out.ends_with(' ') {
                    out.pop();
                }
                out.push(found.ch);
                rest = tail.get(found.len..).unwrap_or_default();
                if found.spaced && is_quote(found.ch) {
                    rest = rest.strip_prefix(' ').unwrap_or(rest);
                }
            }
            None => {
                let sigil_len = 1; // '&' and ',' are one byte each
                out.push_str(tail.get(..sigil_len).unwrap_or_default());
                rest = tail.get(sigil_len..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A reference found at the start of a string: the character, its length in bytes, and whether
/// it was the spaced, mangled form (`& # 39;`).
struct Found {
    ch: char,
    len: usize,
    spaced: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”')
}

/// Reads a reference at the start of `s`, which starts with `&` or `,`.
fn reference(s: &str) -> Option<Found> {
    let comma = s.starts_with(',');
    let body = s.get(1..)?;
    let trimmed = body.trim_start_matches(' ');
    let mut spaced = trimmed.len() != body.len();
    let (ch, used) = if let Some(num) = trimmed.strip_prefix('#') {
        let digits = num.trim_start_matches(' ');
        spaced |= digits.len() != num.len();
        let (value, n) = number(digits)?;
        let after = digits.get(n..)?;
        let semi = after.trim_start_matches(' ');
        spaced |= semi.len() != after.len();
        semi.strip_prefix(';')?;
        (numeric_char(value)?, s.len() - semi.len() + 1)
    } else {
        let name_len = trimmed
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let name = trimmed.get(..name_len)?;
        trimmed.get(name_len..)?.strip_prefix(';')?;
        if spaced || (comma && !COMMA_MANGLED.contains(&name)) {
            return None;
        }
        let &(_, ch) = NAMED.iter().find(|(n, _)| *n == name)?;
        (ch, 1 + name_len + 1)
    };
    if comma && !is_quote(ch) && ch != '&' {
        return None;
    }
    Some(Found {
        ch,
        len: used,
        spaced,
    })
}

/// Parses decimal digits or `x` + hex digits; returns the value and the bytes used.
fn number(s: &str) -> Option<(u32, usize)> {
    let (radix, digits, skip) = match s.strip_prefix(['x', 'X']) {
        Some(hex) => (16, hex, 1),
        None => (10, s, 0),
    };
    let n = digits.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
    let n = if radix == 10 {
        digits.bytes().take_while(u8::is_ascii_digit).count()
    } else {
        n
    };
    if n == 0 || n > 8 {
        return None;
    }
    let value = u32::from_str_radix(digits.get(..n)?, radix).ok()?;
    Some((value, skip + n))
}

/// The character for a numeric reference; 128–159 mean Windows-1252, as browsers read them.
fn numeric_char(value: u32) -> Option<char> {
    if (0x80..=0x9f).contains(&value) {
        let byte = [u8::try_from(value).ok()?];
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return text.chars().next();
    }
    match char::from_u32(value) {
        Some('\0') | None => Some('\u{fffd}'),
        Some(c) => Some(c),
    }
}

/// Removes template placeholders: `%`, three or more capitals, six or more hex digits, `%`.
pub fn drop_placeholders(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('%') {
        let (before, tail) = rest.split_at(at);
        out.push_str(before);
        match placeholder_len(tail) {
            Some(len) => rest = tail.get(len..).unwrap_or_default(),
            None => {
                out.push('%');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn placeholder_len(s: &str) -> Option<usize> {
    let inner = s.get(1..)?;
    let caps = inner.bytes().take_while(u8::is_ascii_uppercase).count();
    let hex = inner
        .get(caps..)?
        .bytes()
        .take_while(u8::is_ascii_hexdigit)
        .count();
    let end = caps + hex;
    (caps >= 3 && hex >= 6 && inner.get(end..)?.starts_with('%')).then_some(end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references_decode() {
        let s = "A &amp; B &lt;x&gt; &quot;q&quot; it&#39;s &#8217; &#x201C;up&#X201D; &nbsp;";
        assert_eq!(decode_entities(s), "A & B <x> \"q\" it's ’ “up” \u{a0}");
        assert_eq!(
            decode_entities("&#150; &#0; &#xD800;"),
            "– \u{fffd} \u{fffd}"
        );
    }

    #[test]
    fn unknown_or_unterminated_references_stay() {
        let s = "AT&T, R&D; &bogus; &amp &#; &#12a; 5,000; a,b";
        assert_eq!(decode_entities(s), s);
    }

    #[test]
    fn comma_for_ampersand_is_repaired() {
        assert_eq!(
            decode_entities("the \"reduction of violence,quot; in"),
            "the \"reduction of violence\" in"
        );
        assert_eq!(decode_entities("Q,amp;A x,#39;s"), "Q&A x's");
        assert_eq!(decode_entities("a,b,nbsp;c,eacute;"), "a,b,nbsp;c,eacute;");
    }

    #[test]
    fn spaced_references_close_up_around_quotes() {
        assert_eq!(
            decode_entities("& # 39; Cautiously optimistic & # 39;"),
            "'Cautiously optimistic'"
        );
        assert_eq!(decode_entities("Robert O & # 39; Brien"), "Robert O'Brien");
        assert_eq!(decode_entities("Tom & # 38; Jerry"), "Tom & Jerry");
    }

    #[test]
    fn non_ascii_text_around_references_is_safe() {
        assert_eq!(decode_entities("日本&amp;語,quot;é&"), "日本&語\"é&");
    }

    #[test]
    fn placeholders_are_dropped() {
        assert_eq!(
            drop_placeholders("%MINIFYHTML721c8ffcaa4820f04d5125416fd5336711% x"),
            " x"
        );
        assert_eq!(drop_placeholders("a%MINIFYHTML4f2a9c0e11b3d5aa%b"), "ab");
        let keep = "50% of %PATH% and %ABC12% 100%";
        assert_eq!(drop_placeholders(keep), keep);
    }
}
