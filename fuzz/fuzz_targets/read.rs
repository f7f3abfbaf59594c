//! The readers on arbitrary bytes, in every format: they must not panic; what they accept
//! must be an article within the size limit.
#![no_main]

use dipkb::source::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Json, Format::JsonLines] {
        for article in read_bytes(data, format, "fuzz", &ReadOptions::default()).into_iter().flatten() {
            assert!(!article.body.trim().is_empty());
            assert!(article.body.len() <= dipkb::source::MAX_ARTICLE_BYTES);
        }
    }
});
