//! Web pages as input (issue #13): `.html` and `.htm` files named or in folders, a page saved as
//! `.txt`, a page on stdin, and HTML in a JSON field are read for their article, with the page's
//! title, date, outlet and canonical address. The fixtures in `fixtures/html/` are pages written
//! for these tests: a news page with navigation, advertisements, a footer and JSON-LD, a
//! government readout, and a "page not found".

use std::path::Path;

use crate::util::{Kb, stderr_of, stdout_of};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/fixtures/html")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// title, published, source, url and body of the article that came from `origin`.
fn stored(kb: &Kb, origin: &str) -> [String; 5] {
    kb.conn()
        .query_row(
            "SELECT title, coalesce(published, ''), coalesce(source, ''), coalesce(url, ''), body \
             FROM articles WHERE origin = ?1",
            [origin],
            |row| {
                Ok([
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ])
            },
        )
        .unwrap_or_else(|err| panic!("{origin} not stored: {err}"))
}

fn assert_no_markup_or_boilerplate(body: &str) {
    for unwanted in [
        "<",
        "Advertisement",
        "Subscribe",
        "cookies",
        "All rights reserved",
    ] {
        assert!(!body.contains(unwanted), "{unwanted:?} in:\n{body}");
    }
}

#[test]
fn a_web_page_named_on_the_command_line_gives_its_article_and_metadata() {
    let kb = Kb::new();
    kb.write("news.html", fixture("news.html"));
    let output = kb.dipkb().args(["ingest", "news.html"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).contains("articles: 1 new, 0 already stored, 0 failed"),
        "{}",
        stdout_of(&output)
    );
    let [title, published, source, url, body] = stored(&kb, "news.html");
    assert_eq!(
        title,
        "Foreign ministers agree to resume grain talks in Geneva"
    );
    assert_eq!(published, "2023-03-14");
    assert_eq!(source, "The Daily Courier");
    assert_eq!(
        url,
        "https://courier.example.com/world/2023/03/14/grain-talks-geneva"
    );
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{body}");
    assert!(paragraphs[0].starts_with("GENEVA — The foreign ministers"));
    assert!(paragraphs[3].starts_with("The United Nations Secretary-General"));
    assert_no_markup_or_boilerplate(&body);
    // The page was dated: no warning about a missing date.
    assert!(!stderr_of(&output).contains("no publication date"));
}

#[test]
fn web_pages_in_a_folder_are_read_and_one_without_text_fails_by_name() {
    let kb = Kb::new();
    kb.write("in/a_news.html", fixture("news.html"));
    kb.write("in/b_readout.htm", fixture("readout.htm"));
    kb.write("in/c_missing.html", fixture("empty.html"));
    let output = kb.dipkb().args(["ingest", "in"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("error: in/c_missing.html: no article text found"),
        "{stderr}"
    );
    assert!(
        stdout_of(&output).contains("articles: 2 new, 0 already stored, 1 failed"),
        "{}",
        stdout_of(&output)
    );
    let [title, published, _, url, body] = stored(&kb, "in/b_readout.htm");
    assert_eq!(
        title,
        "Readout of the Secretary’s Meeting with Indian External Affairs Minister Jaishankar"
    );
    assert_eq!(published, "2023-03-02", "from <time datetime>");
    assert_eq!(
        url,
        "https://mfa.example.org/readouts/secretary-jaishankar-meeting"
    );
    assert!(
        body.contains("Secretary Antony J. Blinken met with"),
        "{body}"
    );
    assert!(!body.contains("Skip to main content"), "{body}");
}

#[test]
fn a_web_page_saved_as_text_or_given_on_stdin_is_read_as_html() {
    let kb = Kb::new();
    kb.write("saved.txt", fixture("news.html"));
    let output = kb.dipkb().args(["ingest", "saved.txt"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("warning: saved.txt: the file is a web page"),
        "{}",
        stderr_of(&output)
    );
    let [title, published, ..] = stored(&kb, "saved.txt");
    assert_eq!(
        title,
        "Foreign ministers agree to resume grain talks in Geneva"
    );
    assert_eq!(published, "2023-03-14");
    assert_no_markup_or_boilerplate(&stored(&kb, "saved.txt")[4]);

    let other = Kb::new();
    other
        .dipkb()
        .args(["ingest", "-"])
        .write_stdin(fixture("readout.htm"))
        .assert()
        .success();
    let [title, _, _, _, body] = stored(&other, "-");
    assert!(title.starts_with("Readout of the Secretary"), "{title}");
    assert!(!body.contains('<'), "{body}");
}

#[test]
fn html_in_a_json_field_is_read_as_html() {
    let kb = Kb::new();
    let lines = [
        serde_json::json!({
            "title": "Talks in Brussels",
            "date_publish": "2022-01-12",
            "maintext": "<p>NATO allies met Russian diplomats in <b>Brussels</b>.</p>\n<p>The talks lasted four hours.</p>",
        }),
        serde_json::json!({"maintext": fixture("news.html"), "url": "https://example.org/copy"}),
        serde_json::json!({"maintext": fixture("empty.html")}),
    ];
    let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
    kb.write("feed.jsonl", text);
    let output = kb.dipkb().args(["ingest", "feed.jsonl"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("error: feed.jsonl:3: no article text found"),
        "{}",
        stderr_of(&output)
    );
    let [_, _, _, _, body] = stored(&kb, "feed.jsonl:1");
    assert_eq!(
        body,
        "NATO allies met Russian diplomats in Brussels.\n\nThe talks lasted four hours."
    );
    let [title, published, _, url, body] = stored(&kb, "feed.jsonl:2");
    assert_eq!(
        title,
        "Foreign ministers agree to resume grain talks in Geneva"
    );
    assert_eq!(published, "2023-03-14");
    assert_eq!(
        url, "https://example.org/copy",
        "the object's own fields win"
    );
    assert_no_markup_or_boilerplate(&body);
}

/// A page about a meeting in Santiago, encoded as `encode` says, with `declaration` in its
/// head: the names, the curly quotes and the dash are one byte each in windows-1252.
fn santiago_page(declaration: &str, encode: fn(&str) -> Vec<u8>) -> Vec<u8> {
    encode(&format!(
        "<!DOCTYPE html>\n<html><head>\n{declaration}\n\
         <title>Pi\u{f1}era and Fern\u{e1}ndez meet in Santiago</title>\n\
         <meta property=\"article:published_time\" content=\"2021-06-08T10:00:00Z\">\n\
         </head><body><article>\n<h1>Pi\u{f1}era and Fern\u{e1}ndez meet in Santiago</h1>\n\
         <p>Chilean President Sebasti\u{e1}n Pi\u{f1}era met Argentine President Alberto \
         Fern\u{e1}ndez in Santiago on Tuesday \u{2014} their first meeting since the election.</p>\n\
         <p>\u{201c}We agreed to work together on trade and energy,\u{201d} Pi\u{f1}era told \
         reporters after the talks.</p>\n\
         <p>Fern\u{e1}ndez said the two countries would meet again in Buenos Aires.</p>\n\
         </article></body></html>\n"
    ))
}

/// Windows-1252, written by hand for the few characters the page has beyond ASCII.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{e1}' => 0xE1,
            '\u{f1}' => 0xF1,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2014}' => 0x97,
            c if c.is_ascii() => c as u8,
            c => panic!("{c:?} is not in this table"),
        })
        .collect()
}

fn utf8_with_bom(text: &str) -> Vec<u8> {
    [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()
}

/// Issue #13: a saved page in the encoding it declares (`<meta charset>`, or the
/// `http-equiv="Content-Type"` form with ISO-8859-1, which browsers read as windows-1252) is
/// decoded in it; a byte-order mark wins over a declaration; a page that declares nothing and
/// has no UTF-8 in it is read as windows-1252, with a warning. Before, every byte beyond ASCII
/// became U+FFFD: "Pi�era", and no quotation, since its curly quotes were lost.
#[test]
fn pages_in_legacy_encodings_are_decoded_as_they_declare() {
    let pages = [
        (
            "declared.html",
            santiago_page("<meta charset=\"windows-1252\">", windows_1252),
            None,
        ),
        (
            "http-equiv.txt",
            santiago_page(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
                windows_1252,
            ),
            Some("the file is a web page"),
        ),
        (
            "bom.htm",
            santiago_page("<meta charset=\"windows-1252\">", utf8_with_bom),
            None,
        ),
        (
            "undeclared.html",
            santiago_page("", windows_1252),
            Some("the page declares no character set and is not UTF-8: read as windows-1252"),
        ),
    ];
    for (name, bytes, warning) in pages {
        let kb = Kb::new();
        kb.write(name, bytes);
        let output = kb.dipkb().args(["ingest", name]).output().unwrap();
        let stderr = stderr_of(&output);
        assert!(output.status.success(), "{name}: {stderr}");
        assert!(
            !stderr.contains("UTF-8 (first bad byte"),
            "{name}: {stderr}"
        );
        match warning {
            Some(warning) => assert!(stderr.contains(warning), "{name}: {stderr}"),
            None => assert!(!stderr.contains("warning"), "{name}: {stderr}"),
        }
        let [title, published, _, _, body] = stored(&kb, name);
        assert_eq!(
            title, "Pi\u{f1}era and Fern\u{e1}ndez meet in Santiago",
            "{name}"
        );
        assert_eq!(published, "2021-06-08");
        assert!(!body.contains('\u{fffd}'), "{name}: {body}");
        assert!(
            body.contains("Sebasti\u{e1}n Pi\u{f1}era met Argentine President Alberto Fern\u{e1}ndez in Santiago on Tuesday \u{2014} their"),
            "{name}: {body}"
        );
        // The quotation is found, with its speaker's whole name.
        let said = kb.stdout(&[
            "sql",
            "--format",
            "csv",
            "SELECT speaker, kind, text FROM statement_list ORDER BY id",
        ]);
        assert!(
            said.contains(
                "Sebasti\u{e1}n Pi\u{f1}era,direct,We agreed to work together on trade and energy"
            ),
            "{name}: {said}"
        );
    }
}

/// Issue #13: a page on standard input declares its encoding as a file does (windows-1251
/// here, for the Cyrillic of a Russian outlet's name and headline).
#[test]
fn a_page_on_stdin_is_read_in_its_declared_encoding() {
    let cyrillic: Vec<u8> = [
        &b"<html><head><meta http-equiv=Content-Type content=\"text/html;charset=windows-1251\">\
           <meta property=\"og:site_name\" content=\""[..],
        b"\xCA\xEE\xEC\xEC\xE5\xF0\xF1\xE0\xED\xF2\xFA",
        b"\"><title>",
        b"\xCB\xE0\xE2\xF0\xEE\xE2",
        b"</title></head><body><article><p>Russian Foreign Minister Sergei Lavrov met Ukrainian \
          Foreign Minister Dmytro Kuleba in Antalya on Thursday, the ministry said.</p>\
          </article></body></html>",
    ]
    .concat();
    let kb = Kb::new();
    kb.dipkb()
        .args(["ingest", "-", "--published", "2022-03-10"])
        .write_stdin(cyrillic)
        .assert()
        .success();
    let [title, _, source, _, _] = stored(&kb, "-");
    assert_eq!(title, "\u{41b}\u{430}\u{432}\u{440}\u{43e}\u{432}");
    assert_eq!(
        source,
        "\u{41a}\u{43e}\u{43c}\u{43c}\u{435}\u{440}\u{441}\u{430}\u{43d}\u{442}\u{44a}"
    );
}
