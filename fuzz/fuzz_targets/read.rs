//! The readers on arbitrary bytes, in every format dipkb reads (text with front matter, JSON,
//! JSON Lines, web pages): they must not panic; what they accept must be an article with text,
//! within the size limit, and without a NUL character, which SQLite would cut the text at.
#![no_main]

use dipkb::source::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Json, Format::JsonLines, Format::Html] {
        for article in read_bytes(data, format, "fuzz", &ReadOptions::default())
            .into_iter()
            .flatten()
        {
            assert!(!article.body.trim().is_empty(), "{format:?}: empty body");
            assert!(article.body.len() <= dipkb::source::MAX_ARTICLE_BYTES);
            for text in [Some(&article.body), Some(&article.title)]
                .into_iter()
                .chain([article.source.as_ref(), article.url.as_ref()])
                .flatten()
            {
                assert!(!text.contains('\0'), "{format:?}: NUL in {text:?}");
            }
            // Offsets count characters of the body after line ends are normalised.
            assert!(
                !article.body.contains('\r'),
                "{format:?}: CR left in the body"
            );
        }
    }
});
