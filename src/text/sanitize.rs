//! Making untrusted text safe to draw: escape sequences, control and bidi characters removed.
//!
//! Text from files reaches the terminal only through these functions. Terminal escape sequences
//! (CSI, OSC, DCS, APC, PM, SOS, charset designations, in their 7-bit `ESC` and 8-bit C1 forms)
//! are removed whole, backspace overstrikes are resolved the way a printer would, tabs become
//! spaces, and characters that can reorder or hide text (bidi overrides and isolates, zero-width
//! spaces, tag characters) are dropped. What is left holds no character below U+0020, no U+007F
//! and no C1 control.

use unicode_width::UnicodeWidthChar;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
const BS: char = '\u{08}';
const TAB_STOP: usize = 8;

/// Makes `s` safe to draw on one line, showing stray controls as visible symbols.
///
/// Escape sequences and hidden format characters are removed; a lone control character becomes
/// its Unicode control picture (`\n` shows as `␊`, BEL as `␇`, DEL as `␡`), and a stray C1
/// control becomes `�`, so that a file name like `a\nb.txt` stays recognisable on screen.
pub fn sanitize(s: &str) -> String {
    clean(s, Stray::Show)
}

/// Makes one line of article text safe to draw, dropping stray controls silently.
///
/// Like [`sanitize`], but a stray control character (BEL, NUL, SO, a C1 control) is noise in
/// running text and is removed, and a line break that reaches here becomes a space.
pub fn sanitize_text(s: &str) -> String {
    clean(s, Stray::Drop)
}

/// Whether `c` is a format character that draws nothing but can reorder or hide text.
///
/// Covers the bidi embeddings, overrides, isolates and marks, zero-width space and word joiner,
/// invisible operators, the soft hyphen, byte order marks, interlinear annotation marks and tag
/// characters.
///
/// Also the characters that only glue others into one wider or narrower glyph — zero-width
/// joiner and non-joiner, variation selectors, emoji skin-tone modifiers — because terminals
/// disagree on how many columns the glued result takes (tmux draws a family emoji as four
/// emoji, others as one): without them every character has one width everywhere, so no row
/// of the screen can spill into the next pane.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
        | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0001}' | '\u{e0020}'..='\u{e007f}'
        | '\u{e0100}'..='\u{e01ef}')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stray {
    Show,
    Drop,
}

fn clean(s: &str, stray: Stray) -> String {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.to_owned(); // printable ASCII: nothing to do
    }
    // Columns only matter for tab stops; measuring every character is skipped without tabs.
    let measure = s.contains('\t');
    let width = |c: char| if measure { c.width().unwrap_or(0) } else { 0 };
    let mut out = String::with_capacity(s.len());
    let mut col = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => {
                let next = (col / TAB_STOP + 1) * TAB_STOP;
                out.extend(std::iter::repeat_n(' ', next - col));
                col = next;
            }
            ESC => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            BS => {
                // Overstrike: the next character is printed over the previous one.
                if let Some(prev) = out.pop() {
                    col = col.saturating_sub(width(prev));
                }
            }
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                let shown = match (stray, c) {
                    (Stray::Drop, _) => ' ',
                    (Stray::Show, '\n') => '\u{240a}',
                    (Stray::Show, '\r') => '\u{240d}',
                    (Stray::Show, _) => '\u{2424}',
                };
                out.push(shown);
                col += 1;
            }
            '\0'..='\u{1f}' | '\u{7f}' => {
                if stray == Stray::Show {
                    let code = if c == '\u{7f}' { 0x21 } else { u32::from(c) };
                    out.push(char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'));
                    col += 1;
                }
            }
            '\u{80}'..='\u{9f}' => {
                if stray == Stray::Show {
                    out.push('\u{fffd}');
                    col += 1;
                }
            }
            c if is_invisible(c) => {}
            c => {
                out.push(c);
                col += width(c);
            }
        }
    }
    compose(out)
}

/// Composes decomposed letters (`e` + combining acute -> `é`), so fewer characters lean on a
/// terminal's handling of combining marks. Quick to skip when there is nothing to compose.
fn compose(s: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s;
    }
    s.nfc().collect()
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an `ESC`: the rest of a CSI, OSC, DCS-like string or short sequence.
fn skip_escape(chars: &mut Chars) {
    let Some(&next) = chars.peek() else { return };
    match next {
        '[' => {
            chars.next();
            skip_csi(chars);
        }
        ']' | 'P' | 'X' | '^' | '_' => {
            chars.next();
            skip_string(chars);
        }
        ' '..='/' => {
            // Intermediate bytes (charset designations such as `ESC ( B`), then one final byte.
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        '0'..='~' => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters, intermediates and the final byte; stops early at anything else.
fn skip_csi(chars: &mut Chars) {
    while chars
        .next_if(|c| matches!(c, '0'..='?' | ' '..='/'))
        .is_some()
    {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips an OSC/DCS/APC/PM/SOS payload up to its terminator (BEL, `ESC \` or U+009C).
///
/// An unterminated payload ends at the line break, which is kept, or at the end of the text.
fn skip_string(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        match c {
            BEL | '\u{9c}' => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_control(c: char) -> bool {
        (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32))
    }

    #[test]
    fn plain_text_is_unchanged() {
        let s = "Plain “quoted” text, 日本語, é, 👨 and ab";
        assert_eq!(sanitize(s), s);
        assert_eq!(sanitize_text(s), s);
    }

    #[test]
    fn glue_between_characters_goes_so_every_width_is_unambiguous() {
        let s = "e\u{301}, 👨\u{200d}👩\u{200d}👧, 👍\u{1f3fd}, ❤\u{fe0f} and ZWNJ a\u{200c}b";
        assert_eq!(sanitize(s), "é, 👨👩👧, 👍, ❤ and ZWNJ ab");
        let out = sanitize_text(s);
        let by_chars: usize = out.chars().map(|c| c.width().unwrap_or(0)).sum();
        assert_eq!(crate::text::width(&out), by_chars, "{out}");
    }

    #[test]
    fn csi_sequences_are_removed() {
        assert_eq!(sanitize("\x1b[31;1mred\x1b[0m \x1b[2J\x1b[Hx"), "red x");
        assert_eq!(sanitize("a\x1b[?1049hb\x1b[38;2;255;0;0mc\x1b[m"), "abc");
        assert_eq!(sanitize("8-bit \u{9b}31mcsi"), "8-bit csi");
    }

    #[test]
    fn unterminated_csi_keeps_following_text() {
        assert_eq!(sanitize_text("x\x1b["), "x");
        assert_eq!(sanitize_text("x\x1b[12é"), "xé");
    }

    #[test]
    fn osc_with_bel_or_st_is_removed() {
        assert_eq!(sanitize("a\x1b]0;pwned\x07b"), "ab");
        assert_eq!(sanitize("a\x1b]2;title\x1b\\b"), "ab");
        assert_eq!(sanitize("\x1b]52;c;SGVsbG8=\x07clip"), "clip");
        assert_eq!(
            sanitize("\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"),
            "link"
        );
        assert_eq!(sanitize("a\u{9d}0;t\u{9c}b"), "ab");
    }

    #[test]
    fn unterminated_osc_ends_at_the_line_break() {
        assert_eq!(sanitize_text("a\x1b]0;never ends"), "a");
        assert_eq!(sanitize("a\x1b]0;never\nb"), "a\u{240a}b");
    }

    #[test]
    fn dcs_apc_pm_and_short_sequences_are_removed() {
        assert_eq!(sanitize("a\x1bPq#0;2~-\x1b\\b"), "ab");
        assert_eq!(sanitize("a\x1b_payload\x1b\\b\x1b^pm\x1b\\c"), "abc");
        assert_eq!(sanitize("\x1b(0lqqk\x1b(B \x1b7\x1b8\x1bc!"), "lqqk !");
        assert_eq!(sanitize("x\x1b$By\x1b(Jz"), "xyz");
    }

    #[test]
    fn backspace_overstrike_keeps_the_last_character() {
        assert_eq!(sanitize("b\x08bo\x08ol\x08ld\x08d"), "bold");
        assert_eq!(sanitize("_\x08u_\x08n"), "un");
        assert_eq!(sanitize("\x08start"), "start");
    }

    #[test]
    fn stray_controls_show_as_pictures_or_vanish() {
        assert_eq!(sanitize("a\x07b\x7fc\0d"), "a␇b␡c␀d");
        assert_eq!(sanitize("new\nline\r"), "new␊line␍");
        assert_eq!(sanitize("c1\u{85}\u{91}x"), "c1\u{2424}\u{fffd}x");
        assert_eq!(sanitize_text("a\x07b\x7fc\0d\u{91}e"), "abcde");
        assert_eq!(sanitize_text("new\nline"), "new line");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(sanitize("\tx"), "        x");
        assert_eq!(sanitize("ab\tc"), "ab      c");
        assert_eq!(sanitize("漢字\tx"), "漢字    x");
        assert_eq!(sanitize("12345678\tx"), "12345678        x");
    }

    #[test]
    fn bidi_and_hidden_format_characters_are_removed() {
        assert_eq!(sanitize("\u{202e}abc\u{202c}"), "abc");
        assert_eq!(sanitize("\u{2066}x\u{2069}\u{2067}y\u{2068}"), "xy");
        assert_eq!(
            sanitize("a\u{200b}b\u{200e}\u{200f}\u{61c}c\u{feff}"),
            "abc"
        );
        assert_eq!(sanitize("hy\u{ad}phen \u{e0041}\u{e0042}tag"), "hyphen tag");
    }

    #[test]
    fn every_control_kind_is_gone() {
        let hostile = "\x1b[2J\x1b]0;t\x07\u{9b}1m\u{90}x\u{9c}\x01\x1f\x7f\u{80}\u{9f}\r\n\t";
        for out in [sanitize(hostile), sanitize_text(hostile)] {
            assert!(!out.chars().any(is_control), "{out:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn output_never_holds_controls(s in "\\PC*|[\\x00-\\x20\\x7f-\\x9f\\u{202a}-\\u{202e}a\\[\\]]*") {
            for out in [sanitize(&s), sanitize_text(&s)] {
                proptest::prop_assert!(!out.chars().any(|c| is_control(c) || is_invisible(c)));
            }
        }

        #[test]
        fn arbitrary_strings_never_leak_controls(s in proptest::collection::vec(proptest::char::any(), 0..64)) {
            let s: String = s.into_iter().collect();
            for out in [sanitize(&s), sanitize_text(&s)] {
                proptest::prop_assert!(!out.chars().any(|c| is_control(c) || is_invisible(c)));
            }
        }
    }
}
