//! Every reader, fed arbitrary bytes (and bytes that start like its format), never panics.

use folio::corpus::{Candidate, Kind, read_candidate};
use proptest::prelude::*;

const KINDS: [Kind; 7] = [
    Kind::Text,
    Kind::JsonLines,
    Kind::Json,
    Kind::Csv,
    Kind::Html,
    Kind::Mbox,
    Kind::Mail,
];

/// Beginnings that send detection and the readers down each path.
const STARTS: [&[u8]; 9] = [
    b"",
    b"{\"title\":",
    b"[{\"text\":\"",
    b"title,text\n\"",
    b"<!DOCTYPE html><html><body><p>",
    b"From a@b Mon Jan 1 00:00:00 2001\nSubject: ",
    b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\n",
    b"\x1f\x8b\x08\x00",
    b"\x28\xb5\x2f\xfd",
];

fn read_all(bytes: &[u8]) {
    for kind in KINDS {
        let format = kind.format();
        for record in format.records(bytes).into_iter().flatten() {
            let _ = format.parse(&record.bytes);
        }
    }
    let leaked: &'static [u8] = Box::leak(bytes.to_vec().into_boxed_slice());
    let _ = read_candidate(&Candidate::bundled("any", leaked));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(start in 0..STARTS.len(), rest in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut bytes = STARTS[start].to_vec();
        bytes.extend(rest);
        read_all(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(start in 0..STARTS.len(), rest in "[ -~\n\t<>{}\\[\\]\",;:=?]{0,300}") {
        let mut bytes = STARTS[start].to_vec();
        bytes.extend(rest.as_bytes());
        read_all(&bytes);
    }
}
