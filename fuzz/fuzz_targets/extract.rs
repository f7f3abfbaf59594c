//! Extraction on arbitrary text: it must not panic, and every span it reports must lie inside
//! the body on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let published = chrono::NaiveDate::from_ymd_opt(2022, 1, 12);
    let extraction = dipkb::extract::extract(&dipkb::extract::Input {
        title: "fuzz",
        body: &body,
        published,
    });
    let chars = body.chars().count();
    let spans = extraction
        .meetings
        .iter()
        .flat_map(|m| &m.evidence)
        .chain(extraction.statements.iter().flat_map(|s| &s.evidence))
        .chain(extraction.demands.iter().flat_map(|d| &d.evidence))
        .map(|e| e.span)
        .chain(
            extraction
                .actors
                .iter()
                .flat_map(|a| a.roles.iter().map(|r| r.span)),
        );
    for span in spans {
        assert!(
            span.start <= span.end && span.end <= chars,
            "{span:?} outside {chars}"
        );
    }
});
