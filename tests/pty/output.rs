//! What folio writes: colours for each palette, nothing hostile from article text, whole rows
//! for wide text, mouse capture only when asked, and every frame inside a synchronized update.

use std::time::Duration;

use crate::harness::{EVENTUALLY, Pty, Spawn, folder};
use crate::sequences::{Token, colour_codes, private_modes, tokens};

/// Shows every role on screen (hits, current hit, help, reading mode), then quits.
fn exercise(mut pty: Pty) -> Vec<u8> {
    assert!(
        pty.wait_for("5/5", EVENTUALLY),
        "no list:\n{}",
        pty.screen_text()
    );
    pty.send("/t");
    assert!(
        pty.wait_for("hit", EVENTUALLY),
        "no hits:\n{}",
        pty.screen_text()
    );
    pty.send("\r\tn?");
    assert!(
        pty.wait_for("first article / top of text", EVENTUALLY),
        "{}",
        pty.screen_text()
    );
    pty.send("?z");
    assert!(pty.settle(Duration::from_millis(200)));
    pty.send("q");
    let status = pty.wait_exit(EVENTUALLY).expect("folio did not quit");
    assert!(status.success(), "{status:?}");
    pty.drain();
    pty.all_bytes()
}

#[test]
fn no_color_writes_no_colour() {
    let bytes = exercise(Spawn::folio(100, 30).env("NO_COLOR", "1").start());
    assert_eq!(colour_codes(&bytes), Vec::<String>::new());
}

#[test]
fn plain_xterm_gets_sixteen_colours_only() {
    let bytes = exercise(
        Spawn::folio(100, 30)
            .env("TERM", "xterm")
            .env_remove("COLORTERM")
            .start(),
    );
    let codes = colour_codes(&bytes);
    assert!(!codes.is_empty(), "no colour at all on xterm");
    let wide: Vec<_> = codes
        .iter()
        .filter(|c| c.starts_with("38") || c.starts_with("48"))
        .collect();
    assert!(
        wide.is_empty(),
        "256-colour or truecolor on plain xterm: {wide:?}"
    );
}

#[test]
fn xterm_256color_gets_no_truecolor() {
    let bytes = exercise(Spawn::folio(100, 30).env_remove("COLORTERM").start());
    let codes = colour_codes(&bytes);
    assert!(
        codes.iter().any(|c| c.starts_with("38;5;")),
        "the 256-colour palette is not used: {codes:?}"
    );
    let rgb: Vec<_> = codes.iter().filter(|c| c.contains(";2;")).collect();
    assert!(rgb.is_empty(), "truecolor on xterm-256color: {rgb:?}");
}

/// Article text that tries to take over the terminal, one attack per paragraph, padded with
/// `filler` (two articles with different fillers are not repeats of each other, which the list
/// would hide).
fn hostile_article(filler: &[u8]) -> Vec<u8> {
    let attacks: [&[u8]; 16] = [
        b"OSC 0 title \x1b]0;owned title\x07 and OSC 2 \x1b]2;owned too\x1b\\ end.",
        b"OSC 8 link \x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\ end.",
        b"OSC 52 clipboard \x1b]52;c;cm0gLXJmIH4K\x07 end.",
        b"DCS \x1bP1$r0m\x1b\\ and sixel \x1bPq#0;2;0;0;0#0~~@@vv@@~~\x1b\\ end.",
        b"Leave the alternate screen \x1b[?1049l and hide the cursor \x1b[?25l end.",
        b"Mouse \x1b[?1000h\x1b[?1006h insert mode \x1b[4h clear \x1b[2J\x1b[H end.",
        b"Full reset \x1bc and keypad \x1b= and charset \x1b(0lqk\x1b(B end.",
        "C1 CSI as a character \u{9b}31m red \u{9b}?1049l and OSC \u{9d}0;t\u{9c} end.".as_bytes(),
        b"Raw C1 bytes \x9b?1049l and \x9d0;title\x9c and \x90q\x9c end.",
        "Bidi \u{202e}desrever\u{202c} and \u{2066}isolate\u{2069} \u{202b}embed\u{202c} end."
            .as_bytes(),
        b"Backspaces abc\x08\x08\x08XYZ, bell \x07, form feed \x0c, delete \x7f end.",
        b"APC \x1b_payload\x1b\\ PM \x1b^payload\x1b\\ SOS \x1bXpayload\x1b\\ end.",
        b"Device attributes \x1b[c and status \x1b[6n and \x1b[21t end.",
        b"Scroll region \x1b[1;3r and cursor save \x1b7 restore \x1b8 end.",
        b"Title stack \x1b[22;0t and window ops \x1b[8;1;1t end.",
        b"Unterminated OSC at the end \x1b]0;never ends",
    ];
    let mut text = b"Hostile \x1b]0;headline\x07title \x1b[31mred\x1b[0m\n\n".to_vec();
    for (i, attack) in attacks.iter().enumerate() {
        text.extend_from_slice(attack);
        text.extend_from_slice(format!(" Paragraph {i} of the hostile article.\n\n").as_bytes());
        for _ in 0..3 {
            text.extend_from_slice(filler);
        }
        text.extend_from_slice(b"\n\n");
    }
    text
}

/// A folder of hostile articles, with hostile file names too.
fn hostile_folder() -> tempfile::TempDir {
    let article = hostile_article(b"Filler so there are pages to turn. ");
    let other = hostile_article(b"More padding makes several screens of it. ");
    folder(&[
        (b"a-hostile.txt", &article),
        (
            b"b-\x1b]0;name\x07.txt",
            b"Named\n\nA file whose name sets the title.",
        ),
        (
            b"c-\x9b?1049l.txt",
            b"Raw byte name\n\nA file whose name holds 0x9b.",
        ),
        (b"d-hostile.txt", &other),
    ])
}

/// Opens `dir`, pages through every article in both views, and returns every byte written.
fn page_through(dir: &std::path::Path, articles: usize, cols: u16, rows: u16) -> Vec<u8> {
    let mut pty = Spawn::folio(cols, rows).arg(dir).start();
    let total = format!("{articles}/{articles}");
    assert!(
        pty.wait_for(&total, EVENTUALLY),
        "not all loaded:\n{}",
        pty.screen_text()
    );
    for i in 0..articles {
        if i > 0 {
            pty.send("j");
        }
        pty.send("\t");
        for _ in 0..6 {
            pty.send(" ");
        }
        pty.send("gz");
        for _ in 0..6 {
            pty.send(" ");
        }
        pty.send("z\t");
        assert!(pty.settle(Duration::from_millis(100)));
    }
    pty.send("q");
    let status = pty.wait_exit(EVENTUALLY).expect("folio did not quit");
    assert!(status.success(), "{status:?}");
    pty.drain();
    pty.all_bytes()
}

/// Private modes folio itself sets: alternate screen, cursor, synchronized output, bracketed
/// paste.
const OWN_MODES: [u32; 4] = [1049, 25, 2026, 2004];

#[test]
fn hostile_text_cannot_reach_the_terminal() {
    let dir = hostile_folder();
    let bytes = page_through(dir.path(), 4, 100, 30);
    assert!(
        std::str::from_utf8(&bytes).is_ok(),
        "output is not valid UTF-8"
    );
    let mut bad = Vec::new();
    for (at, token) in tokens(&bytes) {
        let wrong = match &token {
            Token::Str(..) => true,
            Token::Esc(_) => true,
            Token::Text(c) => ('\u{80}'..='\u{9f}').contains(c),
            Token::Control(c) => !matches!(c, b'\r' | b'\n'),
            Token::Csi {
                private: Some(b'?'),
                params,
                final_byte: b'h' | b'l',
            } => params
                .split(';')
                .any(|p| !OWN_MODES.iter().any(|m| m.to_string() == p)),
            Token::Csi {
                private,
                final_byte,
                ..
            // folio's own: SGR, cursor moves, erase (J, K, X), scroll region (r, S, T).
            } => private.is_some() || !b"mHJKABCDGXrST".contains(final_byte),
        };
        if wrong {
            bad.push((at, token));
        }
    }
    assert!(bad.is_empty(), "hostile output: {bad:?}");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("clipboard"),
        "the article was never shown: {text}"
    );
}

#[test]
fn hostile_text_cannot_reorder_the_screen() {
    let dir = hostile_folder();
    let bytes = page_through(dir.path(), 4, 100, 30);
    let text = String::from_utf8_lossy(&bytes);
    let bidi: Vec<char> = text
        .chars()
        .filter(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    assert!(bidi.is_empty(), "bidi controls written: {bidi:?}");
}

/// Text whose width is easy to get wrong.
fn wide_article() -> Vec<u8> {
    let paragraphs = [
        "宽字符的标题：新闻阅读器测试",
        "中文新闻：阿富汗塔利班武装袭击昆都士市，政府军正在反击。这一段很长，需要换行多次才能显示完整，\
         每个汉字占两列，换行不能把一个字劈成两半。",
        "日本語のニュース：東京で記者会見が行われました。ｆｕｌｌｗｉｄｔｈ　ＡＢＣ　１２３。",
        "한국어 뉴스: 서울에서 기자회견이 열렸습니다. 자모 ᄀᄀᄀ 결합.",
        "Emoji: family 👨‍👩‍👧‍👦 flags 🇳🇴🇯🇵🇦🇫 skin tone 👍🏽 keycap 1️⃣ heart ❤️ and ❤ \
         rainbow 🏳️‍🌈 and 🧑🏿‍🚀 end.",
        "Combining: Ame\u{301}lie, n\u{303}, Z\u{361}\u{36b}a\u{33e}l\u{350}g\u{34f}o\u{489}, \
         a\u{300}\u{301}\u{302}\u{303}\u{304} end.",
        "Tabs:\tone\ttwo\t\tthree\tend. Soft\u{ad}hyphen, zero\u{200b}width, joiner\u{200d}here.",
        "Devanagari: क्षत्रिय and हिन्दी end. Arabic: مرحبا بالعالم end.",
        "Mixed: English 中文 mixed 日本 text with 👨‍👩‍👧 and é\u{301} in one long line that wraps \
         more than once across the reading column, to see each break land on a whole cell.",
    ];
    let mut text = String::new();
    for _ in 0..3 {
        for p in paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    text.into_bytes()
}

/// Checks the emulated screen: no row spilled into the next, and the pane borders stand in
/// their columns on every row between the top and bottom borders.
fn assert_whole_rows(pty: &Pty, border_cols: &[u16], what: &str) {
    pty.with_screen(|s| {
        let (rows, _) = s.size();
        let rows = rows.get();
        for row in 0..rows {
            assert!(
                !s.row_wrapped(row),
                "{what}: row {row} wrapped:\n{}",
                s.contents()
            );
        }
        for row in 1..rows.saturating_sub(2) {
            for &col in border_cols {
                let cell = s.cell(row, col).map(|c| c.contents().to_string());
                assert_eq!(
                    cell.as_deref(),
                    Some("│"),
                    "{what}: no border at row {row}, column {col}:\n{}",
                    s.contents()
                );
            }
        }
    });
}

#[test]
fn wide_and_combining_text_keeps_every_row_whole() {
    let wide = wide_article();
    let dir = folder(&[(b"wide.txt", &wide), (b"wide2.txt", &wide)]);
    let (cols, rows) = (100, 30);
    let mut pty = Spawn::folio(cols, rows).arg(dir.path()).start();
    // Both loaded ("1/2" once the second, a repeat of the first, is hidden).
    assert!(pty.wait_for("/2", EVENTUALLY), "{}", pty.screen_text());
    // The list's border, then the reader's, which closes the last column.
    let list = cols * folio::layout::LIST_SHARE / 100;
    let borders = [list - 1, list, cols - 1];
    pty.send("\t");
    for page in 0..8 {
        assert!(pty.settle(Duration::from_millis(150)));
        assert_whole_rows(&pty, &borders, &format!("three panes, page {page}"));
        pty.send(" ");
    }
    pty.send("gz");
    for page in 0..8 {
        assert!(pty.settle(Duration::from_millis(150)));
        assert_whole_rows(&pty, &[], &format!("reading mode, page {page}"));
        pty.send("j");
    }
    pty.send("z\tj");
    assert!(pty.settle(Duration::from_millis(150)));
    assert_whole_rows(&pty, &borders, "second article");
    pty.send("q");
    assert!(pty.wait_exit(EVENTUALLY).is_some_and(|s| s.success()));
}

#[test]
fn thai_text_draws_only_the_text() {
    let thai = "หัวข้อข่าว\n\nภาษาไทยที่มีสระบนและล่าง น้ำ ที่นี่ ข่าวจากกรุงเทพมหานคร\n";
    let dir = folder(&[(b"thai.txt", thai.as_bytes())]);
    let mut pty = Spawn::folio(100, 30).arg(dir.path()).start();
    assert!(pty.wait_for("1/1", EVENTUALLY), "{}", pty.screen_text());
    assert!(pty.settle(Duration::from_millis(300)));
    let screen = pty.screen_text();
    assert!(
        !screen.contains("ICU4X"),
        "log text on the screen:\n{screen}"
    );
    let list = 100 * folio::layout::LIST_SHARE / 100;
    assert_whole_rows(&pty, &[list - 1, list, 99], "thai");
    pty.send("q");
    assert!(pty.wait_exit(EVENTUALLY).is_some_and(|s| s.success()));
}

const MOUSE_MODES: [u32; 5] = [1000, 1002, 1003, 1006, 1015];

fn mouse_modes(bytes: &[u8]) -> Vec<(u32, u8)> {
    private_modes(bytes)
        .into_iter()
        .filter(|(m, _)| MOUSE_MODES.contains(m))
        .collect()
}

#[test]
fn the_mouse_is_left_alone_by_default() {
    let bytes = exercise(Spawn::folio(100, 30).start());
    assert_eq!(mouse_modes(&bytes), Vec::new());
}

#[test]
fn mouse_capture_with_the_flag_is_released_on_exit() {
    let bytes = exercise(Spawn::folio(100, 30).arg("--mouse").start());
    let modes = mouse_modes(&bytes);
    for mode in [1000, 1006] {
        let set = modes.iter().position(|&m| m == (mode, b'h'));
        let reset = modes.iter().rposition(|&m| m == (mode, b'l'));
        assert!(set.is_some(), "mode {mode} never set: {modes:?}");
        assert!(
            reset > set,
            "mode {mode} not reset after being set: {modes:?}"
        );
    }
}

/// Whether a token changes what the screen shows.
fn draws(token: &Token) -> bool {
    match token {
        Token::Text(_) => true,
        Token::Control(c) => *c == b'\n',
        Token::Csi {
            private: None,
            final_byte,
            ..
        } => b"JKLMSTX@Pb".contains(final_byte),
        _ => false,
    }
}

#[test]
fn every_frame_is_a_synchronized_update() {
    let mut pty = Spawn::folio(100, 30).start();
    assert!(pty.wait_for("5/5", EVENTUALLY), "{}", pty.screen_text());
    pty.send("jj\t  kk/tal");
    assert!(pty.settle(Duration::from_millis(200)));
    pty.resize(80, 24);
    assert!(pty.settle(Duration::from_millis(200)));
    pty.send("\r?");
    assert!(pty.settle(Duration::from_millis(200)));
    pty.resize(120, 40);
    pty.send("?z  z");
    assert!(pty.settle(Duration::from_millis(200)));
    pty.send("q");
    let st = pty.wait_exit(EVENTUALLY);
    assert!(
        st.as_ref().is_some_and(|s| s.success()),
        "{st:?}\n{}",
        pty.screen_text()
    );
    pty.drain();
    let bytes = pty.all_bytes();
    let toks = tokens(&bytes);
    let sync = |t: &Token, f: u8| {
        matches!(t, Token::Csi { private: Some(b'?'), params, final_byte }
            if params == "2026" && *final_byte == f)
    };
    let first = toks
        .iter()
        .position(|(_, t)| sync(t, b'h'))
        .expect("no synchronized update at all");
    let leave = toks
        .iter()
        .rposition(|(_, t)| {
            matches!(t, Token::Csi { private: Some(b'?'), params, final_byte: b'l' }
                if params == "1049")
        })
        .expect("never left the alternate screen");
    let (mut inside, mut frames, mut outside) = (false, 0, Vec::new());
    for (at, token) in &toks[first..leave] {
        if sync(token, b'h') {
            assert!(!inside, "nested synchronized update at byte {at}");
            inside = true;
            frames += 1;
        } else if sync(token, b'l') {
            assert!(inside, "end without begin at byte {at}");
            inside = false;
        } else if !inside && draws(token) {
            outside.push((*at, token.clone()));
        }
    }
    assert!(!inside, "the last synchronized update never ended");
    assert!(frames >= 5, "only {frames} frames");
    assert!(outside.is_empty(), "drawn outside a frame: {outside:?}");
}
