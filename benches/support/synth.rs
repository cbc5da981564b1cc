//! A seeded, deterministic generator of synthetic news corpora for the search benchmarks:
//! articles of about 600 words drawn from a Zipf-like vocabulary of made-up words (plus the
//! commonest English words at the top), with sentences, paragraphs, titles, dates and sources.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use folio::corpus::Article;

/// The commonest English words, at the top of the vocabulary in this order.
const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "he",
    "for",
    "it",
    "with",
    "as",
    "his",
    "on",
    "be",
    "at",
    "by",
    "said",
    "had",
    "not",
    "are",
    "but",
    "from",
    "or",
    "have",
    "an",
    "they",
    "which",
    "one",
    "you",
    "were",
    "her",
    "all",
    "she",
    "there",
    "would",
    "their",
    "we",
    "him",
    "been",
    "has",
    "when",
    "who",
    "will",
    "more",
    "no",
    "if",
    "out",
    "government",
    "officials",
    "talks",
    "peace",
    "security",
    "president",
    "minister",
    "country",
    "city",
];

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
    "ch", "dr", "gr", "kh", "pr", "sh", "st", "th", "tr", "",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "ia", "y"];
const CODAS: &[&str] = &["", "", "n", "r", "s", "l", "m", "t", "nd", "st", "rk", "z"];

const SOURCES: &[&str] = &[
    "AFP",
    "Reuters",
    "AP",
    "Al Jazeera",
    "TRT World",
    "France 24",
    "RFE/RL",
    "BBC",
    "DW",
    "Dawn",
    "Tolo News",
    "Xinhua",
    "Kyodo",
    "EFE",
    "ANSA",
    "dpa",
    "PTI",
    "Yonhap",
    "NHK",
    "CNA",
];

/// Distinct words in the vocabulary; the synthetic 100k corpus uses about 420,000 of them,
/// close to what the search prototype counted on its corpus.
pub const VOCABULARY: u64 = 600_000;

/// A small, fast, seeded generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The word at a rank (0 is the commonest); the same for every run.
pub fn word(rank: u64) -> String {
    if let Some(w) = COMMON.get(rank as usize) {
        return (*w).to_string();
    }
    let mut r = Rng::new(rank.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
    // Rarer words are longer, as in real text.
    let syllables = 1 + (rank as f64).log10() as u64 / 2 + r.below(2);
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(ONSETS[r.below(ONSETS.len() as u64) as usize]);
        w.push_str(VOWELS[r.below(VOWELS.len() as u64) as usize]);
    }
    w.push_str(CODAS[r.below(CODAS.len() as u64) as usize]);
    // Keep ranks distinct even when syllables collide.
    if r.below(3) == 0 || rank > 50_000 {
        w.push_str(&base26(rank % 677));
    }
    w
}

fn base26(mut n: u64) -> String {
    let mut s = String::new();
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

/// Whether the word at this rank is a name, always written with a capital.
fn is_name(rank: u64) -> bool {
    rank > 2_000 && rank.is_multiple_of(9)
}

/// A Zipf(1)-like rank: the inverse of the continuous CDF, log-uniform over the vocabulary.
fn zipf(rng: &mut Rng) -> u64 {
    let r = ((VOCABULARY + 1) as f64).powf(rng.unit()) as u64;
    r.saturating_sub(1).min(VOCABULARY - 1)
}

fn sentence(rng: &mut Rng, words: usize, out: &mut String, vocab: &[String]) {
    for i in 0..words {
        let rank = zipf(rng);
        let w = &vocab[rank as usize];
        if i > 0 {
            out.push(' ');
        }
        if i == 0 || is_name(rank) {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(w);
        }
        if i + 1 < words && rng.below(12) == 0 {
            out.push(',');
        }
    }
    out.push('.');
}

/// Article `i` of the corpus seeded with `seed`.
fn article(seed: u64, i: u64, vocab: &[String]) -> Article {
    let mut rng = Rng::new(seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut title = String::new();
    let title_words = 5 + rng.below(8) as usize;
    sentence(&mut rng, title_words, &mut title, vocab);
    title.pop();
    let target = 450 + rng.below(300) as usize;
    let mut paragraphs = Vec::new();
    let mut written = 0;
    while written < target {
        let mut p = String::new();
        for s in 0..2 + rng.below(4) {
            if s > 0 {
                p.push(' ');
            }
            let n = 8 + rng.below(22) as usize;
            sentence(&mut rng, n, &mut p, vocab);
            written += n;
        }
        paragraphs.push(p);
    }
    let date = format!(
        "{}-{:02}-{:02}",
        2015 + rng.below(10),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    let source =
        (rng.below(5) > 0).then(|| SOURCES[rng.below(SOURCES.len() as u64) as usize].to_string());
    Article {
        title,
        date: Some(date),
        source,
        paragraphs,
        path: format!("synth/{i:06}.txt"),
        record: String::new(),
        hash: rng.next_u64(),
        ..Article::default()
    }
}

/// The corpus sizes to measure: `FOLIO_BENCH_SIZES=1000,10000`, else `default`.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    std::env::var("FOLIO_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

/// `n` articles, the same for the same seed; generated on all cores.
pub fn corpus(n: usize, seed: u64) -> Vec<Arc<Article>> {
    use rayon::prelude::*;
    let vocab: Vec<String> = (0..VOCABULARY).into_par_iter().map(word).collect();
    (0..n as u64)
        .into_par_iter()
        .map(|i| Arc::new(article(seed, i, &vocab)))
        .collect()
}

/// Writes each article as a text file (title, blank line, paragraphs separated by blank lines)
/// under `dir`, plus `titles.txt` with one title a line.
pub fn write(articles: &[Arc<Article>], dir: &Path) -> io::Result<u64> {
    fs::create_dir_all(dir)?;
    let mut bytes = 0u64;
    let mut titles = io::BufWriter::new(fs::File::create(dir.join("titles.txt"))?);
    for (i, a) in articles.iter().enumerate() {
        let mut text = a.title.clone();
        for p in &a.paragraphs {
            text.push_str("\n\n");
            text.push_str(p);
        }
        text.push('\n');
        bytes += text.len() as u64;
        fs::write(dir.join(format!("{i:06}.txt")), text)?;
        writeln!(titles, "{}", a.title)?;
    }
    titles.flush()?;
    Ok(bytes)
}
