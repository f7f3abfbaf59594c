//! Bytes to text: encodings, byte-order marks and line ends.

use std::borrow::Cow;

use super::{Problem, Warning, charset};

pub struct Decoded {
    pub text: String,
    pub warnings: Vec<Warning>,
}

/// Decodes an input file. UTF-8 is expected; UTF-16 with a byte-order mark is decoded too.
/// Bytes that are not valid UTF-8 become U+FFFD with a warning, so one stray byte from a
/// scraper does not cost the whole article; a file with NUL bytes (or NUL code units, in
/// UTF-16) is refused as binary.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    let mut warnings = Vec::new();
    let text = if let Some(utf16) = decode_utf16_with_bom(bytes) {
        if utf16.contains('\0') {
            return Err(Problem::Binary);
        }
        utf16
    } else {
        if bytes.contains(&0) {
            return Err(Problem::Binary);
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match String::from_utf8_lossy(bytes) {
            Cow::Borrowed(text) => text.to_string(),
            Cow::Owned(text) => {
                let first_bad = std::str::from_utf8(bytes)
                    .err()
                    .map_or(0, |err| err.valid_up_to());
                warnings.push(Warning {
                    code: "invalid-utf8",
                    message: format!(
                        "not valid UTF-8 (first bad byte at offset {first_bad}): \
                         undecodable bytes were replaced with U+FFFD"
                    ),
                });
                text
            }
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(Decoded {
        text: normalize_line_ends(text).into_owned(),
        warnings,
    })
}

/// Decodes a web page as a browser decodes a page opened from disk, where no HTTP header
/// names the encoding: a byte-order mark first, else the charset the page declares in its head
/// (`<meta charset>`, `<meta http-equiv="Content-Type">`), else UTF-8. A page that declares
/// nothing and is not UTF-8 (no sequence of it decodes as UTF-8 beyond ASCII) is read as
/// windows-1252, the default browsers fall back to for such pages, with a warning. What the
/// declared encoding cannot decode becomes U+FFFD, with a warning; NUL bytes mean binary.
pub fn decode_page(bytes: &[u8]) -> Result<Decoded, Problem> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if has_bom {
        return decode(bytes);
    }
    let (encoding, undeclared) = match charset::declared_encoding(bytes) {
        Some(encoding) => (encoding, false),
        None if std::str::from_utf8(bytes).is_ok() || !looks_like_legacy(bytes) => {
            return decode(bytes);
        }
        None => (encoding_rs::WINDOWS_1252, true),
    };
    if encoding == encoding_rs::UTF_8 {
        return decode(bytes);
    }
    if bytes.contains(&0) {
        return Err(Problem::Binary);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if undeclared {
        warnings.push(Warning {
            code: "undeclared-charset",
            message: "the page declares no character set and is not UTF-8: read as \
                      windows-1252, as browsers do"
                .into(),
        });
    }
    if had_errors {
        warnings.push(Warning {
            code: "invalid-charset",
            message: format!(
                "not valid {}: undecodable bytes were replaced with U+FFFD",
                encoding.name()
            ),
        });
    }
    Ok(Decoded {
        text: normalize_line_ends(&text).into_owned(),
        warnings,
    })
}

/// Whether bytes that are not UTF-8 hold no UTF-8 beyond ASCII at all: every byte above 0x7F
/// is outside a valid UTF-8 sequence. A UTF-8 page with one stray byte has valid sequences
/// around it and stays UTF-8 (its stray byte replaced); a page saved in a legacy encoding has
/// none, since its accented letters are single bytes.
fn looks_like_legacy(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .chars()
        .all(|c| c.is_ascii() || c == char::REPLACEMENT_CHARACTER)
}

fn decode_utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (rest, little_endian) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (rest, false)
    } else {
        return None;
    };
    let units = rest.chunks(2).map(|pair| {
        let pair = [pair[0], *pair.get(1).unwrap_or(&0)];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Turns CRLF and lone CR line ends into LF.
pub fn normalize_line_ends(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_removed() {
        let decoded = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n").unwrap();
        assert_eq!(decoded.text, "one\ntwo\nthree\n");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let decoded = decode(b"caf\xE9 talks").unwrap();
        assert_eq!(decoded.text, "caf\u{fffd} talks");
        assert_eq!(decoded.warnings.len(), 1);
        assert_eq!(decoded.warnings[0].code, "invalid-utf8");
        assert!(decoded.warnings[0].message.contains("offset 3"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(Problem::Binary)
        ));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Kyiv\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Kyiv\n");
    }

    /// An English article in windows-1252: "Piñera", curly quotes and a dash are one byte each.
    const PINERA_1252: &[u8] = b"<p>\x93We agreed,\x94 Sebasti\xE1n Pi\xF1era said \x97 twice.</p>";

    fn page(declaration: &str, bom: &[u8], body: &[u8]) -> Vec<u8> {
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice(format!("<html><head>{declaration}</head><body>").as_bytes());
        bytes.extend_from_slice(body);
        bytes
    }

    #[test]
    fn a_page_is_read_in_the_encoding_it_declares() {
        for declaration in [
            "<meta charset=\"windows-1252\">",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
        ] {
            let decoded = decode_page(&page(declaration, b"", PINERA_1252)).unwrap();
            assert!(
                decoded
                    .text
                    .ends_with("<p>\u{201c}We agreed,\u{201d} Sebasti\u{e1}n Pi\u{f1}era said \u{2014} twice.</p>"),
                "{declaration}: {}",
                decoded.text
            );
            assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
        }
        let cyrillic = decode_page(&page(
            "<meta charset=\"windows-1251\">",
            b"",
            b"\xCB\xE0\xE2\xF0\xEE\xE2\r\n",
        ))
        .unwrap();
        assert!(
            cyrillic
                .text
                .ends_with("\u{41b}\u{430}\u{432}\u{440}\u{43e}\u{432}\n")
        );
    }

    #[test]
    fn a_byte_order_mark_wins_over_the_declaration() {
        let utf8 = "<p>Sebasti\u{e1}n Pi\u{f1}era</p>".as_bytes();
        let decoded = decode_page(&page(
            "<meta charset=\"windows-1252\">",
            b"\xEF\xBB\xBF",
            utf8,
        ))
        .unwrap();
        assert!(decoded.text.starts_with("<html>"), "the mark is removed");
        assert!(
            decoded.text.ends_with("<p>Sebasti\u{e1}n Pi\u{f1}era</p>"),
            "{}",
            decoded.text
        );
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn an_undeclared_page_is_utf8_unless_it_has_no_utf8_at_all() {
        let legacy = decode_page(&page("", b"", PINERA_1252)).unwrap();
        assert!(
            legacy.text.contains("Sebasti\u{e1}n Pi\u{f1}era"),
            "{}",
            legacy.text
        );
        assert_eq!(legacy.warnings.len(), 1);
        assert_eq!(legacy.warnings[0].code, "undeclared-charset");
        // UTF-8 with one stray byte stays UTF-8.
        let stray = decode_page(
            &page("", b"", "Piñera \u{2014} ".as_bytes())
                .into_iter()
                .chain(*b"\xE9")
                .collect::<Vec<u8>>(),
        )
        .unwrap();
        assert!(
            stray.text.contains("Piñera \u{2014} \u{fffd}"),
            "{}",
            stray.text
        );
        assert_eq!(stray.warnings[0].code, "invalid-utf8");
        // A page declared UTF-8 stays UTF-8 whatever its bytes.
        let declared = decode_page(&page("<meta charset=utf-8>", b"", PINERA_1252)).unwrap();
        assert!(declared.text.contains('\u{fffd}'));
        assert_eq!(declared.warnings[0].code, "invalid-utf8");
    }

    #[test]
    fn nul_bytes_in_a_legacy_page_mean_binary() {
        let bytes = page("<meta charset=\"windows-1252\">", b"", b"a\x00b");
        assert!(matches!(decode_page(&bytes), Err(Problem::Binary)));
    }

    #[test]
    fn nul_in_utf16_means_binary() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in "Kyiv\0talks".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert!(matches!(decode(&bytes), Err(Problem::Binary)));
    }
}
