//! MinHash signatures of word shingles, by one-permutation hashing with densification: each
//! shingle (three words in a row) is hashed once, its top bits choose one of [`BINS`] bins and
//! the bin keeps the smallest of the rest; empty bins borrow from the next full bin to the
//! right, shifted by the distance, so that two signatures agree in a bin with probability close
//! to the Jaccard similarity of the two shingle sets. Bands of [`ROWS`] bins are hashed into
//! buckets (locality-sensitive hashing), so only articles sharing a band are ever compared.

use super::text::mix;

/// Bins in a signature.
pub(crate) const BINS: usize = 128;
/// Bins in one band: two signatures of similarity `s` share a band with probability
/// `1 - (1 - s^4)^32`: 0.87 at 0.5, 0.9997 at 0.8.
pub(crate) const ROWS: usize = 4;
/// Bands in a signature.
pub(crate) const BANDS: usize = BINS / ROWS;

/// Words in a shingle.
const SHINGLE: usize = 3;

/// A signature: one value per bin.
pub(crate) type Signature = Box<[u32; BINS]>;

/// The hashes of the shingles of `words` (one shingle of all the words when there are fewer
/// than three).
pub(crate) fn shingles(words: &[u64]) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE {
        return vec![words.iter().fold(0, |h, &w| mix(h ^ w))];
    }
    words
        .windows(SHINGLE)
        .map(|w| mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42)))
        .collect()
}

/// The signature of a set of shingle hashes; `None` for an empty set.
pub(crate) fn signature(shingles: &[u64]) -> Option<Signature> {
    if shingles.is_empty() {
        return None;
    }
    let mut bins = Box::new([u32::MAX; BINS]);
    let mut full = [false; BINS];
    for &h in shingles {
        // 7 bits choose the bin; the low 32 are the value.
        let bin = (h >> 57) as usize;
        let value = h as u32;
        if value <= bins[bin] {
            bins[bin] = value;
            full[bin] = true;
        }
    }
    // Densify: an empty bin takes the value of the next full bin to its right (circularly),
    // mixed with the distance, so empty bins of two similar sets agree when their neighbours do.
    let filled = *bins;
    for bin in 0..BINS {
        if full[bin] {
            continue;
        }
        let mut distance = 1;
        while !full[(bin + distance) % BINS] {
            distance += 1;
        }
        let from = filled[(bin + distance) % BINS];
        bins[bin] = mix(u64::from(from) ^ (distance as u64).wrapping_mul(0x9E37_79B9)) as u32;
    }
    Some(bins)
}

/// The fraction of bins in which two signatures agree: an estimate of their Jaccard similarity.
#[cfg(test)]
pub(crate) fn similarity(a: &[u32; BINS], b: &[u32; BINS]) -> f64 {
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
    same as f64 / BINS as f64
}

/// The low byte of each bin: an eighth of the memory, for estimates that are rarely off by
/// more than chance agreement (one bin in 256).
pub(crate) fn sketch(signature: &[u32; BINS]) -> Box<[u8; BINS]> {
    let mut bytes = Box::new([0u8; BINS]);
    for (b, &v) in bytes.iter_mut().zip(signature.iter()) {
        *b = v as u8;
    }
    bytes
}

/// The estimated Jaccard similarity of two sketches, corrected for chance agreement.
pub(crate) fn estimate(a: &[u8; BINS], b: &[u8; BINS]) -> f64 {
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count() as f64 / BINS as f64;
    let chance = 1.0 / 256.0;
    ((same - chance) / (1.0 - chance)).max(0.0)
}

/// The bucket keys of a signature's bands (the band's number is part of the key).
pub(crate) fn bands(signature: &[u32; BINS]) -> [u64; BANDS] {
    let mut keys = [0u64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let rows = &signature[band * ROWS..(band + 1) * ROWS];
        *key = rows
            .iter()
            .fold(mix(band as u64 + 1), |h, &r| mix(h ^ u64::from(r)));
    }
    keys
}

/// The exact Jaccard similarity of two shingle sets, and how much of the smaller one lies in
/// the larger (its containment).
pub(crate) fn overlap(a: &[u64], b: &[u64]) -> (f64, f64) {
    let set = |s: &[u64]| {
        let mut v = s.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (a, b) = (set(a), set(b));
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    let smaller = a.len().min(b.len());
    if union == 0 || smaller == 0 {
        return (0.0, 0.0);
    }
    (common as f64 / union as f64, common as f64 / smaller as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: u64, offset: u64) -> Vec<u64> {
        (offset..offset + n).map(mix).collect()
    }

    #[test]
    fn equal_sets_have_equal_signatures() {
        let a = shingles(&words(50, 0));
        let (sa, sb) = (signature(&a), signature(&a));
        assert!(sa.is_some());
        assert_eq!(sa, sb);
        assert_eq!(signature(&[]), None);
    }

    #[test]
    fn the_estimate_is_near_the_jaccard_similarity() {
        // 600 shared words in a row, 200 different at the end of each: Jaccard about 0.6.
        let mut a = words(600, 0);
        let mut b = a.clone();
        a.extend(words(200, 10_000));
        b.extend(words(200, 20_000));
        let (sa, sb) = (shingles(&a), shingles(&b));
        let (jaccard, _) = overlap(&sa, &sb);
        assert!((jaccard - 0.6).abs() < 0.02, "{jaccard}");
        let estimated = estimate_of(&sa, &sb);
        assert!(
            (estimated - jaccard).abs() < 0.15,
            "{estimated} vs {jaccard}"
        );
        let other = shingles(&words(800, 50_000));
        let far = estimate_of(&sa, &other);
        assert!(far < 0.1, "{far}");
        let sketched = estimate(
            &sketch(&signature(&sa).expect("words")),
            &sketch(&signature(&sb).expect("words")),
        );
        assert!((sketched - estimated).abs() < 0.05, "{sketched}");
    }

    fn estimate_of(a: &[u64], b: &[u64]) -> f64 {
        similarity(&signature(a).expect("words"), &signature(b).expect("words"))
    }

    #[test]
    fn short_texts_have_signatures_that_tell_them_apart() {
        let (a, b) = (shingles(&words(12, 0)), shingles(&words(12, 100)));
        let (sa, sb) = (signature(&a).expect("words"), signature(&b).expect("words"));
        assert!(similarity(&sa, &sb) < 0.2);
        assert_eq!(similarity(&sa, &sa), 1.0);
    }

    #[test]
    fn containment_of_a_shortened_copy() {
        let long = shingles(&words(300, 0));
        let short = shingles(&words(150, 0));
        let (jaccard, containment) = overlap(&long, &short);
        assert!((jaccard - 0.5).abs() < 0.02);
        assert_eq!(containment, 1.0);
    }
}
