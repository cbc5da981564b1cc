//! A short run of every fuzz target (`benches/fuzz.rs` runs a million inputs of each): no
//! panic, and no character that drives the terminal in anything folio would show.

#[path = "fuzz/targets.rs"]
mod targets;

fn check(name: &str, inputs: u64) {
    let (_, target) = targets::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no target {name}"));
    let report = targets::run(*target, inputs, 0x5eed_f011_0000_0001);
    assert!(
        report.failures.is_empty(),
        "{name}: {:?} (replay with targets::run(target, 1, seed))",
        report.failures
    );
    assert_eq!(report.inputs, inputs);
}

#[test]
fn decode_and_clean() {
    check("decode + clean", 400);
}

#[test]
fn formats() {
    check("formats", 300);
}

#[test]
fn sanitise() {
    check("sanitise", 2_000);
}

#[test]
fn wrap() {
    check("wrap", 2_000);
}

#[test]
fn query_and_search() {
    check("query + search", 300);
}

#[test]
fn config() {
    check("config", 2_000);
}

#[test]
fn state_file() {
    check("state file", 2_000);
}

#[test]
fn cache_file() {
    check("cache file", 2_000);
}

#[test]
fn every_target_is_run_here() {
    let names: Vec<&str> = targets::TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "decode + clean",
            "formats",
            "sanitise",
            "wrap",
            "query + search",
            "config",
            "state file",
            "cache file"
        ]
    );
}

#[test]
fn a_failure_is_caught_and_reported_with_its_seed() {
    fn broken(g: &mut targets::Gen) -> (usize, Result<(), String>) {
        if g.below(3) == 0 {
            panic!("boom");
        }
        (1, Ok(()))
    }
    let report = targets::run(broken, 100, 7);
    assert!(!report.failures.is_empty());
    let (seed, why) = &report.failures[0];
    assert!(why.contains("boom"), "{why}");
    let again = targets::run(broken, 1, 0);
    let _ = again;
    let mut g = targets::Gen::new(*seed);
    assert_eq!(g.below(3), 0, "the seed replays the failing input");
}

/// Inputs the million-input run found: cache files with every checksum right whose postings
/// named articles the file does not hold (searching them indexed past the end of an array).
#[test]
fn cache_files_found_by_the_fuzzer() {
    let (_, target) = targets::TARGETS
        .iter()
        .find(|(n, _)| *n == "cache file")
        .expect("the cache target");
    for seed in [
        0xed4f_0398_fc88_4c18_u64,
        0xed7e_41ca_7132_bfa7,
        0x4d1d_4672_de59_6843,
        0x5b75_ab53_762f_4689,
        0x6a47_662d_4532_9eb2,
    ] {
        let (_, result) = target(&mut targets::Gen::new(seed));
        assert_eq!(result, Ok(()), "seed {seed:#x}");
    }
}
