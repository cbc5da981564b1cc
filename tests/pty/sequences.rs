//! Splits terminal output into text, control bytes and escape sequences, for byte-level checks.

/// One piece of terminal output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A printable character (or a byte that is not valid UTF-8, as U+FFFD).
    Text(char),
    /// A C0 control byte or DEL.
    Control(u8),
    /// `ESC [ params intermediates final`; `private` is a leading `?`, `<`, `=` or `>`.
    Csi {
        private: Option<u8>,
        params: String,
        final_byte: u8,
    },
    /// A string sequence: OSC (`]`), DCS (`P`), APC (`_`), PM (`^`) or SOS (`X`), by its
    /// introducer, with its body.
    Str(u8, Vec<u8>),
    /// Any other `ESC x`.
    Esc(u8),
}

/// Tokenizes `bytes`, with each token's starting offset.
pub fn tokens(bytes: &[u8]) -> Vec<(usize, Token)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        if b == 0x1b && i + 1 < bytes.len() {
            let kind = bytes[i + 1];
            i += 2;
            match kind {
                b'[' => {
                    let private = bytes
                        .get(i)
                        .copied()
                        .filter(|c| matches!(c, b'?' | b'<' | b'=' | b'>'));
                    if private.is_some() {
                        i += 1;
                    }
                    let p0 = i;
                    while i < bytes.len() && (0x20..=0x3f).contains(&bytes[i]) {
                        i += 1;
                    }
                    let params = String::from_utf8_lossy(&bytes[p0..i]).into_owned();
                    let final_byte = bytes.get(i).copied().unwrap_or(0);
                    i += 1;
                    out.push((
                        start,
                        Token::Csi {
                            private,
                            params,
                            final_byte,
                        },
                    ));
                }
                b']' | b'P' | b'_' | b'^' | b'X' => {
                    let b0 = i;
                    while i < bytes.len()
                        && bytes[i] != 0x07
                        && !(bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'\\'))
                    {
                        i += 1;
                    }
                    out.push((start, Token::Str(kind, bytes[b0..i].to_vec())));
                    i += if bytes.get(i) == Some(&0x07) { 1 } else { 2 };
                }
                other => out.push((start, Token::Esc(other))),
            }
        } else if b < 0x20 || b == 0x7f {
            out.push((start, Token::Control(b)));
            i += 1;
        } else {
            let len = utf8_len(b);
            let c = bytes
                .get(i..i + len)
                .and_then(|s| std::str::from_utf8(s).ok())
                .and_then(|s| s.chars().next());
            match c {
                Some(c) => {
                    out.push((start, Token::Text(c)));
                    i += len;
                }
                None => {
                    out.push((start, Token::Text(char::REPLACEMENT_CHARACTER)));
                    i += 1;
                }
            }
        }
    }
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

/// The SGR (`ESC [ ... m`) parameter lists in `bytes`, each split on `;` and `:`.
pub fn sgr_params(bytes: &[u8]) -> Vec<Vec<String>> {
    tokens(bytes)
        .into_iter()
        .filter_map(|(_, t)| match t {
            Token::Csi {
                private: None,
                params,
                final_byte: b'm',
            } => Some(
                params
                    .split([';', ':'])
                    .map(str::to_string)
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .collect()
}

/// SGR codes that set a colour: 30–37, 38 (extended), 40–47, 48 (extended), 90–97, 100–107,
/// each with the extended-colour arguments that follow it. Default resets (39, 49) are not
/// colours.
pub fn colour_codes(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for params in sgr_params(bytes) {
        let mut i = 0;
        while i < params.len() {
            let n: u32 = params[i].parse().unwrap_or(0);
            match n {
                38 | 48 | 58 => {
                    let take = match params.get(i + 1).map(String::as_str) {
                        Some("5") => 3,
                        Some("2") => 5,
                        _ => 1,
                    };
                    let end = (i + take).min(params.len());
                    found.push(params[i..end].join(";"));
                    i = end;
                    continue;
                }
                30..=37 | 40..=47 | 90..=97 | 100..=107 => found.push(n.to_string()),
                _ => {}
            }
            i += 1;
        }
    }
    found
}

/// Every private-mode number set or reset (`ESC [ ? n h` / `l`), with `h` or `l`.
pub fn private_modes(bytes: &[u8]) -> Vec<(u32, u8)> {
    let mut out = Vec::new();
    for (_, t) in tokens(bytes) {
        if let Token::Csi {
            private: Some(b'?'),
            params,
            final_byte: f @ (b'h' | b'l'),
        } = t
        {
            for p in params.split(';') {
                out.push((p.parse().unwrap_or(u32::MAX), f));
            }
        }
    }
    out
}

#[test]
fn tokenizer_reads_what_folio_writes() {
    let bytes = b"\x1b[?2026h\x1b[1;38;5;214mA\x1b[39m\xe2\x94\x82\x1b]0;t\x07\x1bc\r";
    let t: Vec<Token> = tokens(bytes).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        t,
        vec![
            Token::Csi {
                private: Some(b'?'),
                params: "2026".into(),
                final_byte: b'h'
            },
            Token::Csi {
                private: None,
                params: "1;38;5;214".into(),
                final_byte: b'm'
            },
            Token::Text('A'),
            Token::Csi {
                private: None,
                params: "39".into(),
                final_byte: b'm'
            },
            Token::Text('│'),
            Token::Str(b']', b"0;t".to_vec()),
            Token::Esc(b'c'),
            Token::Control(b'\r'),
        ]
    );
    assert_eq!(colour_codes(bytes), vec!["38;5;214"]);
    assert_eq!(colour_codes(b"\x1b[39;49;1m\x1b[0m"), Vec::<String>::new());
    assert_eq!(
        colour_codes(b"\x1b[48;2;1;2;3;36m"),
        vec!["48;2;1;2;3", "36"]
    );
    assert_eq!(private_modes(bytes), vec![(2026, b'h')]);
}
