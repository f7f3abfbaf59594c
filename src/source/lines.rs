//! JSON Lines files read a line at a time: a corpus of any size is read in the memory of its
//! longest line.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::{Article, MAX_ARTICLE_BYTES, Problem, ReadOptions, SourceError, decode, finish, json};

/// A line longer than this cannot hold an article dipkb accepts (JSON escapes at most
/// double a body, plus its other fields), so it is skipped unread.
const MAX_LINE_BYTES: usize = 2 * MAX_ARTICLE_BYTES + 1024 * 1024;

/// Bytes looked at to tell a text file from a binary or UTF-16 one.
const SNIFF_BYTES: usize = 8192;

/// Reads the JSON Lines file at `path`, handing each article to `each` until it returns
/// false, with the bytes of the file read through its line. Returns false, having read nothing,
/// when the file is UTF-16 or binary, so that the whole-file reader (which decodes UTF-16 and
/// refuses binary files as one) takes it.
pub(super) fn read(
    path: &Path,
    origin: &str,
    options: &ReadOptions,
    each: &mut dyn FnMut(Result<Article, SourceError>, u64) -> bool,
) -> bool {
    let file = match super::open_file(path) {
        Ok(file) => file,
        Err(_) => return false, // the whole-file reader says why
    };
    let mut reader = BufReader::with_capacity(1 << 20, file);
    match reader.fill_buf() {
        Ok(head) => {
            let head = &head[..head.len().min(SNIFF_BYTES)];
            if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") || head.contains(&0) {
                return false;
            }
        }
        Err(_) => return false,
    }
    let mut line = Vec::new();
    let mut consumed = 0u64;
    for index in 0.. {
        line.clear();
        let read = (&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line);
        let line_origin = || format!("{origin}:{}", index + 1);
        match read {
            Ok(0) => break,
            Ok(read) => consumed += read as u64,
            Err(err) => {
                each(
                    Err(SourceError::new(line_origin(), Problem::Read(err))),
                    consumed,
                );
                break;
            }
        }
        let article = if line.len() > MAX_LINE_BYTES {
            match skip_line(&mut reader) {
                Ok(skipped) => consumed += skipped,
                Err(err) => {
                    each(
                        Err(SourceError::new(line_origin(), Problem::Read(err))),
                        consumed,
                    );
                    break;
                }
            }
            Some(Err(SourceError::new(
                line_origin(),
                Problem::LineTooLong {
                    limit: super::human_size(MAX_LINE_BYTES),
                },
            )))
        } else {
            let bytes = line.strip_suffix(b"\n").unwrap_or(&line);
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            let bytes = if index == 0 {
                bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
            } else {
                bytes
            };
            match decode::decode(bytes) {
                Ok(decoded) => json::parse_line(&decoded.text, index, origin)
                    .map(|article| finish(article, &decoded.warnings, None, options)),
                Err(problem) => Some(Err(SourceError::new(line_origin(), problem))),
            }
        };
        if let Some(article) = article
            && !each(article, consumed)
        {
            break;
        }
    }
    true
}

/// Reads past the rest of an overlong line; returns the bytes skipped.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<u64> {
    let mut skipped = 0;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(skipped);
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(skipped + end as u64 + 1);
            }
            None => {
                let all = buffer.len();
                reader.consume(all);
                skipped += all as u64;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Input, each_article, read_input};
    use super::*;

    fn streamed(path: &Path) -> Vec<Result<Article, String>> {
        streamed_with_positions(path)
            .into_iter()
            .map(|(article, _)| article)
            .collect()
    }

    fn streamed_with_positions(path: &Path) -> Vec<(Result<Article, String>, u64)> {
        let mut out = Vec::new();
        each_article(
            &Input::File(path.to_path_buf()),
            &ReadOptions::default(),
            &mut |article, read| {
                out.push((article.map_err(|err| err.to_string()), read));
                true
            },
        );
        out
    }

    #[test]
    fn each_article_says_how_far_into_its_file_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let lines = dir.path().join("a.jsonl");
        let first = "{\"text\": \"NATO allies met.\"}\n";
        let text = format!("{first}\n{{\"text\": \"Russia left.\"}}\n");
        std::fs::write(&lines, &text).unwrap();
        let positions: Vec<u64> = streamed_with_positions(&lines)
            .into_iter()
            .map(|(_, read)| read)
            .collect();
        assert_eq!(positions, [first.len() as u64, text.len() as u64]);
        // Read whole: the file's length shared out among its articles.
        let array = dir.path().join("b.json");
        let text = r#"[{"text": "one"}, {"text": "two"}, {"text": "three"}, {"text": "four"}]"#;
        std::fs::write(&array, text).unwrap();
        let positions: Vec<u64> = streamed_with_positions(&array)
            .into_iter()
            .map(|(_, read)| read)
            .collect();
        let len = text.len() as u64;
        assert_eq!(positions, [len / 4, len / 2, len * 3 / 4, len]);
    }

    #[test]
    fn lines_read_one_at_a_time_give_what_the_whole_file_gives() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(
            &path,
            "\u{feff}{\"title\": \"One\", \"text\": \"NATO allies met.\", \"date_publish\": \"2022-01-12\"}\r\n\
             \n\
             {\"title\": \"Two\", \"text\": \n\
             [1, 2]\n\
             {\"title\": \"Three\", \"maintext\": \"Russia and Ukraine met.\"}",
        )
        .unwrap();
        let whole: Vec<_> = read_input(&Input::File(path.clone()), &ReadOptions::default())
            .into_iter()
            .map(|article| article.map_err(|err| err.to_string()))
            .collect();
        let lines = streamed(&path);
        assert_eq!(lines, whole);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].as_ref().unwrap().title, "One");
        assert!(
            lines[1]
                .as_ref()
                .unwrap_err()
                .contains("a.jsonl:3: invalid JSON at line 3")
        );
        assert!(lines[2].as_ref().unwrap_err().contains("a.jsonl:4"));
        assert_eq!(lines[3].as_ref().unwrap().title, "Three");
    }

    #[test]
    fn an_overlong_line_fails_alone_and_a_bad_byte_warns_its_line_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.jsonl");
        let mut bytes = b"{\"title\": \"Caf\xe9\", \"text\": \"Talks in Geneva.\"}\n".to_vec();
        bytes.extend_from_slice(b"{\"text\": \"");
        bytes.extend(std::iter::repeat_n(b'x', MAX_LINE_BYTES + 10));
        bytes.extend_from_slice(b"\"}\n{\"title\": \"After\", \"text\": \"Talks in Vienna.\"}\n");
        std::fs::write(&path, bytes).unwrap();
        let lines = streamed(&path);
        assert_eq!(lines.len(), 3);
        let first = lines[0].as_ref().unwrap();
        assert!(first.warnings.iter().any(|w| w.code == "invalid-utf8"));
        let error = lines[1].as_ref().unwrap_err();
        assert!(
            error.contains("b.jsonl:2: too large: the line is longer than"),
            "{error}"
        );
        let after = lines[2].as_ref().unwrap();
        assert_eq!(after.title, "After");
        assert!(!after.warnings.iter().any(|w| w.code == "invalid-utf8"));
    }

    #[test]
    fn utf16_and_binary_files_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "{\"title\": \"Wide\", \"text\": \"Talks in Geneva.\"}\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        std::fs::write(&path, bytes).unwrap();
        let lines = streamed(&path);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].as_ref().unwrap().title, "Wide");
        let binary = dir.path().join("d.jsonl");
        std::fs::write(&binary, b"PK\x03\x04\x00\x00\x01\n{}\n").unwrap();
        let lines = streamed(&binary);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].as_ref().unwrap_err().contains("NUL bytes"));
    }
}
