//! Generators of hostile input for the fuzz targets: a small seeded xorshift generator, and
//! bytes, text, queries and settings shaped like what scraping, mail, terminals and datasets
//! leave in files.

/// xorshift64*: fast, and the same sequence from the same seed everywhere.
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A size that is usually small and now and then huge.
    fn size(&mut self) -> usize {
        match self.below(100) {
            0 => 20_000 + self.below(200_000),
            1..=5 => 500 + self.below(5_000),
            _ => self.below(120),
        }
    }
}

/// Pieces of real hostile text: what scraping, mail and terminals leave in files.
const PIECES: &[&[u8]] = &[
    b"\x1b[31m",
    b"\x1b[2J",
    b"\x1b]0;title\x07",
    b"\x1b]52;c;aGk=\x07",
    b"\x1bP",
    b"\x9b31m",
    b"\xc2\x9b",
    b"\xc2\x85",
    b"\x07",
    b"\x08",
    b"\x0c",
    b"\r\n",
    b"\r",
    b"\t",
    b"\x00",
    b"\x7f",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe2\x80\xae",
    b"\xe2\x80\x8b",
    b"\xcc\x81",
    b"\xf0\x9f\x91\x8d",
    "日本語の記事".as_bytes(),
    "ภาษาไทย".as_bytes(),
    b"\xc3",
    b"\xe6\x97",
    b"\xf0\x9f",
    b"\xed\xa0\x80",
    b"&amp;",
    b"& # 39;",
    b",quot;",
    b"&#x1b;",
    b"&#155;",
    b"&nbsp;",
    b"&",
    b"%MINIFYHTML0123%",
    b"<html><body><p>",
    b"</p>",
    b"<script>alert(1)</script>",
    b"<!DOCTYPE html>",
    b"<table><tr><th>k</th><td>\x1b[31m",
    b"</td></tr><caption>c",
    b"</table>",
    b"<pre>\t  x\n\x1b]0;t\x07",
    b"</pre>",
    b"<blockquote><blockquote>",
    b"</blockquote>",
    b"<h2><a href=\"/x\">teaser</a></h2>",
    b"<p>Sign up for <a href=\"/n\">news</a></p>",
    b"From: a@b.c\n",
    b"Subject: Re: peace talks\n",
    b"Path: cs.utexas.edu!geraldo\n",
    b"Message-ID: <1r1ko8$6b1@horus>\n",
    b"From nobody Mon Jan  1 00:00:00 2024\n",
    b"Date: Sun, 1 Sep 2019 10:00:00 +0000\n",
    b"HONG KONG EXCHS 1400 - APR 7\n",
    b"> quoted\n",
    b"|> deeper\n",
    b"-- \n",
    b"Wheat   2.55   2.40       IV     4.65     --\n",
    b"{\"title\": \"x\", \"text\": \"y\"}\n",
    b"[[[[[[[[",
    b"]]]]",
    b"\"",
    b"'",
    b"\\",
    b"Title: Pride and Prejudice\n",
    b"*** START OF THE PROJECT GUTENBERG EBOOK ***\n",
    b"\n\n",
    b"\n",
    b" ",
    b"    ",
    b"Kabul",
    b"Taliban",
    b"Khalilzad",
    b"2019-09-01",
    b"1900",
];

/// Bytes shaped like a scraped or mailed article with hostile parts mixed in.
pub fn article_bytes(g: &mut Gen) -> Vec<u8> {
    let mut out = Vec::new();
    let target = g.size();
    while out.len() < target {
        match g.below(10) {
            0..=4 => out.extend_from_slice(g.pick(PIECES)),
            5 => {
                // A giant token, or a giant line.
                let most = if g.below(50) == 0 { 100_000 } else { 300 };
                let n = 1 + g.below(most);
                let b = g.pick(b"a -=.\n");
                out.extend(std::iter::repeat_n(b, n));
            }
            6 => {
                // Deep nesting.
                let depth = g.below(2_000);
                let (open, close): (&[u8], &[u8]) = g.pick(&[
                    (&b"<div>"[..], &b"</div>"[..]),
                    (b"[", b"]"),
                    (b"{\"a\":", b"}"),
                    (b"> ", b"\n"),
                ]);
                for _ in 0..depth {
                    out.extend_from_slice(open);
                }
                for _ in 0..depth {
                    out.extend_from_slice(close);
                }
            }
            7 => out.push(g.next() as u8),
            _ => {
                let words = [
                    "the", "envoy", "said", "talks", "in", "Doha", "on", "Sunday.",
                ];
                out.extend_from_slice(g.pick(&words).as_bytes());
                out.push(b' ');
            }
        }
    }
    out
}

/// Bytes shaped like one of the dataset, page, mail or compressed formats, with hostile parts
/// inside: what standard input or a file of any name may hold.
pub fn format_bytes(g: &mut Gen) -> Vec<u8> {
    let body = article_bytes(g);
    let quoted: Vec<u8> = body.iter().copied().filter(|&b| b != b'"').collect();
    let mut out = Vec::new();
    match g.below(8) {
        0 => {
            for _ in 0..1 + g.below(20) {
                out.extend_from_slice(br#"{"title": ""#);
                out.extend_from_slice(&quoted[..quoted.len().min(60)]);
                out.extend_from_slice(
                    br#"", "source": {"name": "W"}, "date": 1567296000, "text": ""#,
                );
                out.extend_from_slice(&quoted);
                if g.below(10) > 0 {
                    out.extend_from_slice(b"\"}");
                }
                out.push(b'\n');
            }
        }
        1 => {
            out.extend_from_slice(b"[{\"headline\": \"");
            out.extend_from_slice(&quoted);
            out.extend_from_slice(b"\", \"body\": \"<p>");
            out.extend_from_slice(&quoted);
            out.extend_from_slice(b"</p>\"}]");
        }
        2 => {
            out.extend_from_slice(g.pick(&[
                &b"title,text,date\n"[..],
                b"\xef\xbb\xbftitle;body\n",
                b"title\ttext\n",
            ]));
            for _ in 0..1 + g.below(10) {
                out.extend_from_slice(b"\"");
                out.extend_from_slice(&quoted[..quoted.len().min(40)]);
                out.extend_from_slice(b"\",\"");
                out.extend_from_slice(&quoted);
                out.extend_from_slice(b"\",2019-09-01\n");
            }
        }
        3 => {
            out.extend_from_slice(b"<!DOCTYPE html><html><head><title>");
            out.extend_from_slice(&body[..body.len().min(80)]);
            out.extend_from_slice(b"</title><meta property=\"og:site_name\" content=\"Site\"></head><body><nav>menu</nav><article><h1>");
            out.extend_from_slice(&body[..body.len().min(40)]);
            out.extend_from_slice(b"</h1><p>");
            out.extend_from_slice(&body);
            out.extend_from_slice(b"</p></article><footer>(c)</footer>");
        }
        4 => {
            for i in 0..1 + g.below(5) {
                out.extend_from_slice(b"From someone@example.org Mon Jan  1 00:00:00 2024\n");
                out.extend_from_slice(
                    b"From: =?utf-8?b?w4lsw6hu?= <e@x.org>\nSubject: =?iso-8859-1?q?caf=E9?= ",
                );
                out.extend_from_slice(i.to_string().as_bytes());
                out.extend_from_slice(b"\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n");
                out.extend_from_slice(&body);
                out.extend_from_slice(b"\n>From the archive\n--b--\n");
            }
        }
        5 => {
            out.extend_from_slice(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03");
            out.extend(body.iter().take(200));
        }
        6 => {
            let magic: &[u8] = g.pick(&[&b"\x28\xb5\x2f\xfd"[..], b"BZh9", b"\xfd7zXZ\x00"]);
            out.extend_from_slice(magic);
            out.extend(body.iter().take(200));
        }
        _ => out = body,
    }
    out
}

/// Text (valid UTF-8) with hostile characters: for the sanitiser and the wrapper.
pub fn text(g: &mut Gen) -> String {
    String::from_utf8_lossy(&article_bytes(g)).into_owned()
}

/// A query: terms and operators, now and then thousands of them or a wall of quotes.
pub fn query(g: &mut Gen) -> String {
    match g.below(200) {
        0 => "\"".repeat(30_000),
        1 => (0..2_000).map(|i| format!("w{i} ")).collect(),
        2 => "'".repeat(g.below(5_000)),
        _ => {
            let parts = [
                "oslo",
                "khalilzd",
                "'exact",
                "^pre",
                "suf$",
                "!not",
                "a|b",
                "\"two words\"",
                "\"",
                "title:",
                "source:afp",
                "date:2019-09",
                "date:",
                "|",
                "!",
                "^",
                "$",
                "'",
                " ",
                "  ",
                "東京",
                "Ｋａｂｕｌ",
                "naïve",
                "\x1b[31m",
                "\u{202e}",
                "e\u{301}",
            ];
            let n = g.below(12);
            let mut q = String::new();
            for _ in 0..n {
                q.push_str(g.pick(&parts));
                if g.below(3) > 0 {
                    q.push(' ');
                }
            }
            q
        }
    }
}

/// TOML-ish text for the config parser.
pub fn config(g: &mut Gen) -> String {
    let lines = [
        "reading_width = 80",
        "reading_width = -1",
        "reading_width = 99999999999999999999",
        "[keys]",
        "quit = [\"q\", \"ctrl-c\"]",
        "down = \"j\"",
        "up = [1, 2]",
        "nope = \"x\"",
        "[theme]",
        "match = \"yellow\"",
        "selection = { fg = \"#ff00ff\", modifiers = [\"bold\"] }",
        "muted = 300",
        "border = \"#zzzzzz\"",
        "[[keys]]",
        "= =",
        "\"\"\"",
        "[",
        "a.b.c = 1",
        "title = { fg = { bg = 1 } }",
        "\u{0}",
        "keys = 3",
    ];
    let mut out = String::new();
    for _ in 0..g.below(20) {
        if g.below(8) == 0 {
            out.push_str(&text(g).chars().take(40).collect::<String>());
        } else {
            out.push_str(g.pick(&lines));
        }
        out.push('\n');
    }
    out
}

/// A character that could make a terminal do something: C0 controls but the line break,
/// DEL, C1 controls.
pub fn drives_the_terminal(c: char) -> bool {
    (c < ' ' && c != '\n') || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c)
}
