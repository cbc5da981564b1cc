//! Turning a file's bytes into text, or saying why the file is not text.
//!
//! UTF-8 is tried first; a byte order mark selects UTF-8 or UTF-16; 7-bit ISO-2022-JP mail is
//! recognised by its escape sequences; text that is not valid UTF-8 is read as Windows-1252
//! (a superset of Latin-1) unless it is UTF-8 with a few damaged bytes. Images, archives,
//! executables and other binary files are refused with a reason.

use encoding_rs::{Encoding, ISO_2022_JP, WINDOWS_1252};

use super::SkipReason;
use crate::text::is_invisible;

/// Decodes a file's bytes to text.
///
/// The text is returned as decoded: line ends, escape sequences and controls are left for
/// [`parse`](super::parse) to clean.
pub fn decode(bytes: &[u8]) -> Result<String, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return judge(text.into_owned());
    }
    if let Some(kind) = signature(bytes) {
        return Err(SkipReason::Binary(kind));
    }
    if bytes.contains(&0) {
        return Err(SkipReason::Binary("contains NUL bytes"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) if is_iso_2022_jp(bytes) => {
            let (decoded, had_errors) = ISO_2022_JP.decode_without_bom_handling(bytes);
            if had_errors {
                text.to_owned()
            } else {
                decoded.into_owned()
            }
        }
        Ok(text) => text.to_owned(),
        Err(_) if is_mostly_utf8(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    judge(text)
}

/// Refuses decoded text that is blank or mostly control characters.
fn judge(text: String) -> Result<String, SkipReason> {
    // Counted on the bytes of the first 65,536 characters: a character starts at every byte that
    // is not a UTF-8 continuation byte; a C1 control is `C2 80`..`C2 9F`; U+FFFD is `EF BF BD`.
    let bytes = text.as_bytes();
    let (mut total, mut controls) = (0usize, 0usize);
    let mut i = 0;
    // Printable ASCII and line breaks only (most text): nothing to count.
    let plain = |b: &u8| matches!(b, 0x20..=0x7e | b'\n' | b'\r' | b'\t');
    if bytes.iter().take(65_536).all(plain) {
        i = bytes.len();
    }
    while i < bytes.len() && total < 65_536 {
        let b = bytes[i];
        if b & 0xc0 != 0x80 {
            total += 1;
        }
        let control = match b {
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x08 | 0x1b => false,
            0x00..=0x1f | 0x7f => true,
            0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
            0xef => bytes.get(i + 1..i + 3) == Some(&[0xbf, 0xbd][..]),
            _ => false,
        };
        controls += usize::from(control);
        i += 1;
    }
    if controls >= 4 && controls * 10 > total {
        return Err(SkipReason::Binary("mostly control characters"));
    }
    if text
        .chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return Err(SkipReason::Blank);
    }
    Ok(text)
}

/// Magic numbers of common binary formats, checked at the start of the file.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class file"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"RIFF", "RIFF media"),
];

/// Names the binary format `bytes` starts with, if it is a known one.
fn signature(bytes: &[u8]) -> Option<&'static str> {
    let found = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind);
    match found {
        // "BZh" alone could start a line of text; bzip2 follows it with a digit and a fixed block magic.
        Some("bzip2 archive") if bytes.get(4..10) != Some(b"\x31\x41\x59\x26\x53\x59") => None,
        Some(kind) => Some(kind),
        None if bytes.get(257..262) == Some(b"ustar") => Some("tar archive"),
        None => None,
    }
}

/// Whether 7-bit text uses ISO-2022-JP shifts, and no escape sequences other than those.
fn is_iso_2022_jp(bytes: &[u8]) -> bool {
    const SHIFTS: &[&[u8]] = &[b"$B", b"$@", b"(B", b"(J", b"(I"];
    let mut escapes = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == 0x1b)
        .map(|(i, _)| bytes.get(i + 1..i + 3).unwrap_or_default())
        .peekable();
    escapes.peek().is_some()
        && bytes.is_ascii()
        && escapes.all(|shift| SHIFTS.contains(&shift))
        && (bytes.windows(3).any(|w| w == b"\x1b$B" || w == b"\x1b$@"))
}

/// Whether invalid UTF-8 is still mostly UTF-8: more well-formed multi-byte characters than
/// damaged spots. Latin-1 text has no well-formed multi-byte characters to speak of.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(
            decode("Café “x” 日本".as_bytes()),
            Ok("Café “x” 日本".into())
        );
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(decode(b""), Err(SkipReason::Empty));
        assert_eq!(decode(b"  \t\n\r\n \x0c"), Err(SkipReason::Blank));
        let unicode_blank = "\u{a0}\u{2003}\u{3000}\u{200b}\u{feff}\n";
        assert_eq!(decode(unicode_blank.as_bytes()), Err(SkipReason::Blank));
        assert_eq!(SkipReason::Blank.to_string(), "only whitespace");
    }

    #[test]
    fn byte_order_marks_pick_the_encoding_and_are_dropped() {
        assert_eq!(decode(b"\xef\xbb\xbfHead"), Ok("Head".into()));
        let le: Vec<u8> = "\u{feff}Hé\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&le), Ok("Hé\r\n".into()));
        let be: Vec<u8> = "\u{feff}Hé"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be), Ok("Hé".into()));
    }

    #[test]
    fn latin1_and_windows_1252_are_decoded() {
        assert_eq!(decode(b"Caf\xe9 \xa35"), Ok("Café £5".into()));
        assert_eq!(decode(b"\x93smart\x94 \x80"), Ok("“smart” €".into()));
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let text = decode(b"caf\xc3\xa9 \xe2\x82\xac na\xc3\xafve \x80 end");
        assert_eq!(text, Ok("café € naïve \u{fffd} end".into()));
    }

    #[test]
    fn binary_signatures_are_refused() {
        let cases: [(&[u8], &str); 5] = [
            (b"\x89PNG\r\n\x1a\nrest", "PNG image"),
            (b"PK\x03\x04rest", "ZIP archive"),
            (b"\x7fELF\x02\x01", "ELF executable"),
            (b"%PDF-1.7\n", "PDF document"),
            (b"\x1f\x8b\x08", "gzip archive"),
        ];
        for (bytes, kind) in cases {
            assert_eq!(decode(bytes), Err(SkipReason::Binary(kind)));
        }
        assert_eq!(
            SkipReason::Binary("PNG image").to_string(),
            "binary file (PNG image)"
        );
        assert_eq!(
            decode(b"BZh is how this line starts"),
            Ok("BZh is how this line starts".into())
        );
    }

    #[test]
    fn nul_bytes_and_control_soup_are_binary() {
        assert_eq!(
            decode(b"text\x00more"),
            Err(SkipReason::Binary("contains NUL bytes"))
        );
        let soup: Vec<u8> = (1u8..=200).map(|i| i.wrapping_mul(37) % 32 + 1).collect();
        assert_eq!(
            decode(&soup),
            Err(SkipReason::Binary("mostly control characters"))
        );
        let bell = "one bell \x07 in a long enough line of text";
        assert_eq!(decode(bell.as_bytes()), Ok(bell.into()));
    }

    #[test]
    fn iso_2022_jp_is_decoded() {
        let bytes = b"Subject: \x1b$B$3$s$K$A$O\x1b(B!";
        assert_eq!(decode(bytes), Ok("Subject: こんにちは!".into()));
        let mixed = b"\x1b[31mred\x1b[0m \x1b$B$3\x1b(B";
        assert_eq!(decode(mixed), Ok(String::from_utf8_lossy(mixed).into()));
    }
}
