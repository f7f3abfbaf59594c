//! Bytes to text: encodings, byte-order marks and line ends.

use std::borrow::Cow;

use super::{Problem, Warning};

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

    #[test]
    fn nul_in_utf16_means_binary() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in "Kyiv\0talks".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert!(matches!(decode(&bytes), Err(Problem::Binary)));
    }
}
