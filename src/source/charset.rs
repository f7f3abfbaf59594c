//! The character set a web page declares: what a browser finds when it opens a saved page
//! from disk, where no HTTP header names one.

/// The encoding a page declares in its `<head>`: `<meta charset="...">`, or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`. Comments, scripts and
/// styles are passed over, and the search ends at `</head>` or `<body>` (or after
/// [`PRESCAN_BYTES`]). A label that names UTF-16 means UTF-8, as in browsers: the page's bytes
/// were already read as ASCII to find it.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let bytes = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        at += offset;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            at = skip_past(bytes, at + 4, b"-->");
        } else if let Some(name) = tag_name(rest) {
            let end = tag_end(bytes, at);
            match name.as_slice() {
                b"meta" => {
                    if let Some(encoding) = meta_charset(&bytes[at + 5..end]) {
                        return Some(encoding);
                    }
                }
                b"script" | b"style" | b"noscript" | b"template" | b"title" | b"textarea" => {
                    let mut close = b"</".to_vec();
                    close.extend_from_slice(&name);
                    at = skip_past_ignoring_case(bytes, end, &close);
                    continue;
                }
                b"body" | b"/head" => return None,
                _ => {}
            }
            at = end;
        } else {
            at += 1;
        }
    }
    None
}

/// How far into a page its declaration is looked for. The HTML standard's prescan reads 1,024
/// bytes; saved pages often carry longer heads (inline styles, scripts, social tags) before
/// their `<meta>`, which the tree builder would still honour, so the search goes further, up to
/// the end of the head.
pub const PRESCAN_BYTES: usize = 64 * 1024;

/// The lowercase name of the tag that opens `text` (`meta`, `/head`), if it opens one.
fn tag_name(text: &[u8]) -> Option<Vec<u8>> {
    let text = text.strip_prefix(b"<")?;
    let (closing, text) = match text.strip_prefix(b"/") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if !text.first()?.is_ascii_alphabetic() {
        return None;
    }
    let mut name: Vec<u8> = Vec::new();
    if closing {
        name.push(b'/');
    }
    name.extend(
        text.iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .map(u8::to_ascii_lowercase),
    );
    Some(name)
}

/// The offset just past the `>` that ends the tag opening at `start`, quotes respected.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (offset, &byte) in bytes[start..].iter().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(q), _) if q == byte => quote = None,
            (None, b'>') => return start + offset + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn skip_past(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    bytes[from.min(bytes.len())..]
        .windows(needle.len())
        .position(|window| window == needle)
        .map_or(bytes.len(), |offset| from + offset + needle.len())
}

fn skip_past_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    bytes[from.min(bytes.len())..]
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
        .map_or(bytes.len(), |offset| from + offset + needle.len())
}

/// The encoding a `<meta>` tag's attributes (the bytes after `<meta`) declare.
fn meta_charset(attributes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let attributes = parse_attributes(attributes);
    let value = |name: &[u8]| {
        attributes
            .iter()
            .find(|(key, _)| key.as_slice() == name)
            .map(|(_, value)| value.as_slice())
    };
    let label = match value(b"charset") {
        Some(charset) => charset.to_vec(),
        None => {
            let http_equiv = value(b"http-equiv")?;
            if !http_equiv
                .trim_ascii()
                .eq_ignore_ascii_case(b"content-type")
            {
                return None;
            }
            charset_in_content(value(b"content")?)?
        }
    };
    let encoding = encoding_rs::Encoding::for_label(label.trim_ascii())?;
    Some(
        if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
            encoding_rs::UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            encoding
        },
    )
}

/// `text/html; charset=iso-8859-1` → `iso-8859-1`.
fn charset_in_content(content: &[u8]) -> Option<Vec<u8>> {
    let lower = content.to_ascii_lowercase();
    let start = lower.windows(7).position(|w| w == b"charset")? + 7;
    let rest = content[start..].trim_ascii_start().strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    let value: Vec<u8> = match rest.first() {
        Some(&quote @ (b'"' | b'\'')) => rest[1..]
            .iter()
            .take_while(|&&b| b != quote)
            .copied()
            .collect(),
        _ => rest
            .iter()
            .take_while(|b| !b.is_ascii_whitespace() && **b != b';')
            .copied()
            .collect(),
    };
    (!value.is_empty()).then_some(value)
}

/// A tag's attributes as (lowercase name, value) pairs.
fn parse_attributes(mut text: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut attributes = Vec::new();
    loop {
        text = text.trim_ascii_start();
        text = text.strip_prefix(b"/").unwrap_or(text);
        let name_len = text
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/'))
            .unwrap_or(text.len());
        if name_len == 0 {
            return attributes;
        }
        let name = text[..name_len].to_ascii_lowercase();
        text = text[name_len..].trim_ascii_start();
        let mut value = Vec::new();
        if let Some(rest) = text.strip_prefix(b"=") {
            let rest = rest.trim_ascii_start();
            match rest.first() {
                Some(&quote @ (b'"' | b'\'')) => {
                    let len = rest[1..]
                        .iter()
                        .position(|&b| b == quote)
                        .unwrap_or(rest.len() - 1);
                    value = rest[1..1 + len].to_vec();
                    text = rest.get(len + 2..).unwrap_or_default();
                }
                _ => {
                    let len = rest
                        .iter()
                        .position(|b| b.is_ascii_whitespace() || *b == b'>')
                        .unwrap_or(rest.len());
                    value = rest[..len].to_vec();
                    text = &rest[len..];
                }
            }
        }
        attributes.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(html: &str) -> Option<&'static str> {
        declared_encoding(html.as_bytes()).map(|encoding| encoding.name())
    }

    #[test]
    fn both_forms_of_declaration_are_found_with_any_quoting_and_case() {
        assert_eq!(
            name("<meta charset=\"windows-1252\">"),
            Some("windows-1252")
        );
        assert_eq!(name("<META CHARSET=Windows-1251>"), Some("windows-1251"));
        assert_eq!(
            name("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"),
            Some("windows-1252"),
            "ISO-8859-1 is read as windows-1252, as the Encoding Standard says"
        );
        assert_eq!(
            name("<meta content='text/html;charset=\"koi8-r\"' http-equiv='content-type'/>"),
            Some("KOI8-R")
        );
        assert_eq!(name("<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(name("<meta charset=\"shift_jis\">"), Some("Shift_JIS"));
    }

    #[test]
    fn what_is_not_a_declaration_is_passed_over() {
        assert_eq!(
            name("<meta name=\"charset\" content=\"windows-1252\">"),
            None
        );
        assert_eq!(
            name("<meta http-equiv=\"refresh\" content=\"charset=koi8-r\">"),
            None
        );
        assert_eq!(name("<meta charset=\"no-such-encoding\">"), None);
        assert_eq!(name("<!-- <meta charset=\"koi8-r\"> --><p>x</p>"), None);
        assert_eq!(
            name("<script>document.write('<meta charset=\"koi8-r\">')</script>"),
            None
        );
        assert_eq!(name("<head></head><body><meta charset=\"koi8-r\">"), None);
        assert_eq!(name("<metadata charset=\"koi8-r\">"), None);
        // The first declaration counts.
        assert_eq!(
            name("<meta charset=\"windows-1251\"><meta charset=\"koi8-r\">"),
            Some("windows-1251")
        );
    }

    #[test]
    fn truncated_and_odd_markup_never_panics() {
        for html in [
            "<",
            "<meta",
            "<meta charset",
            "<meta charset=",
            "<meta charset='",
            "<!--",
            "<script",
            "<meta http-equiv=content-type content=\"charset",
            "</",
            "<a b='>",
        ] {
            let _ = name(html);
        }
    }

    proptest::proptest! {
        /// Any bytes, and markup made of the pieces a declaration has, in any order and cut
        /// anywhere: the search ends without a panic, and a page decodes (or is binary).
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = declared_encoding(&bytes);
            let _ = super::super::decode::decode_page(&bytes);
        }

        #[test]
        fn pieces_of_markup_never_panic(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "<", ">", "<meta", " charset", "=", "\"", "'", "koi8-r", "windows-1252", ";",
                " http-equiv=content-type", " content=", "text/html", "<!--", "-->", "<script",
                "</script>", "</head>", "<body", "/", " ", "\u{e9}",
            ]),
            0..40,
        )) {
            let html = pieces.concat();
            let _ = declared_encoding(html.as_bytes());
        }
    }
}
