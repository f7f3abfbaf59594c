//! Reading articles: text and Markdown with optional front matter, JSON and JSON Lines (as
//! news-please writes them), web pages, folders, and standard input.
//!
//! Architecture invariant: an [`Article`]'s `body` is exactly what the database stores, and every
//! character offset anywhere in dipkb counts characters of that string. Readers remove a leading
//! byte-order mark and turn CRLF and CR line ends into LF before anything else looks at the text,
//! so offsets do not depend on how the file was saved.

mod charset;
mod decode;
mod html;
mod json;
mod lines;
mod plain;
mod sidecar;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub use decode::normalize_line_ends;

/// One article as read from its source, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: String,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The text that facts are extracted from and that evidence spans index into.
    pub body: String,
    /// Where the article came from: a path, `path:line` for JSON Lines, `-` for stdin.
    pub origin: String,
    /// What the reader noticed but could work around.
    pub warnings: Vec<Warning>,
}

impl Article {
    /// What extraction reads of this article.
    pub fn extract_input(&self) -> crate::extract::Input<'_> {
        crate::extract::Input {
            title: &self.title,
            body: &self.body,
            published: self.published,
        }
    }

    /// Hex SHA-256 of the body: two inputs with the same body are the same article, whatever
    /// format or title they came with.
    pub fn content_hash(&self) -> String {
        content_hash(&self.body)
    }
}

pub fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Something a reader worked around; stored with the article as a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable identifier, e.g. `invalid-utf8`.
    pub code: &'static str,
    pub message: String,
}

/// An input that could not be turned into an article. Its `Display` names the input first.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {problem}")]
pub struct SourceError {
    pub origin: String,
    pub problem: Problem,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("cannot read: {0}")]
    Read(std::io::Error),
    #[error("not a text file: it contains NUL bytes")]
    Binary,
    /// A NUL written as an escape (`\u0000` in JSON): SQLite would cut the text at it.
    #[error("not text: the article's {0} contains a NUL character (\\u0000)")]
    NulCharacter(&'static str),
    #[error("empty article: there is no text")]
    Empty,
    #[error(
        "too large: the article has {size} of text, more than the {} an article may have",
        human_size(MAX_ARTICLE_BYTES)
    )]
    TooLarge { size: String },
    #[error(
        "too large: the line is longer than {limit}, more than an article of {} can take",
        human_size(MAX_ARTICLE_BYTES)
    )]
    LineTooLong { limit: String },
    /// A file or standard input larger than its format may be, found before it is read whole:
    /// `size` when the file's length is known, else what was read before stopping.
    #[error(
        "too large: {}more than the {} {}",
        size.as_ref().map(|size| format!("{size}, ")).unwrap_or_default(),
        human_size(*limit),
        format.may_have()
    )]
    FileTooLarge {
        size: Option<String>,
        limit: usize,
        format: Format,
    },
    /// A named pipe or socket: opening one waits until something writes to it, perhaps for
    /// ever.
    #[error(
        "not a file: it is {0}, which dipkb would wait on until something writes to it; \
         send what it carries to standard input instead (`dipkb ingest - < PIPE`)"
    )]
    NotAFile(&'static str),
    #[error("unknown file type: expected .txt, .md, .json, .jsonl or .html")]
    UnknownType,
    /// A web page in which the extraction finds no article: an index, a 404, a page that
    /// needs scripts to show anything.
    #[error("no article text found")]
    NoArticleText,
    #[error("front matter: {0}")]
    FrontMatter(String),
    #[error("invalid publication date {value:?}: expected YYYY-MM-DD")]
    BadDate { value: String },
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    JsonShape(String),
}

/// The most text one article may have. The longest real articles and transcripts are a few
/// hundred kilobytes; a file far beyond that is a dump, a log or an error of a scraper, and its
/// extraction would take time out of proportion to what it could yield.
pub const MAX_ARTICLE_BYTES: usize = 4 * 1024 * 1024;

/// "4 MiB", "48.3 MiB", "2 GiB".
pub fn human_size(bytes: usize) -> String {
    let mib = bytes as f64 / (1024.0 * 1024.0);
    if mib >= 1024.0 {
        let text = format!("{:.1}", mib / 1024.0);
        format!("{} GiB", text.trim_end_matches(".0"))
    } else if mib >= 1.0 {
        let text = format!("{mib:.1}");
        format!("{} MiB", text.trim_end_matches(".0"))
    } else {
        format!("{:.0} KiB", bytes as f64 / 1024.0)
    }
}

impl SourceError {
    fn new(origin: impl fmt::Display, problem: Problem) -> SourceError {
        SourceError {
            origin: origin.to_string(),
            problem,
        }
    }
}

/// How to fill in what an input leaves out.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Publication date for articles that do not give one.
    pub published: Option<NaiveDate>,
}

/// The formats dipkb reads, told apart by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: text with optional front matter.
    Text,
    /// `.json`: one article object, or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
    /// `.html`, `.htm`: a web page, of which the article is read.
    Html,
}

impl Format {
    /// The most bytes an input of this format may have, checked before it is read whole (and
    /// while it is read, for standard input and devices that have no length): a 1 GB file is
    /// refused at once instead of filling memory. A text file is an article and its front
    /// matter, in UTF-16 at most twice the article's size; a JSON file may hold many articles
    /// but is parsed whole (JSON Lines are read a line at a time and have no limit).
    pub fn max_file_bytes(self) -> usize {
        match self {
            Format::Text => 2 * MAX_ARTICLE_BYTES + 1024 * 1024,
            Format::Json | Format::JsonLines => 32 * MAX_ARTICLE_BYTES,
            // Markup, styles and inline scripts around the text.
            Format::Html => 8 * MAX_ARTICLE_BYTES,
        }
    }

    /// The end of a [`Problem::FileTooLarge`] message.
    fn may_have(self) -> &'static str {
        match self {
            Format::Text => "a text file may have",
            Format::Html => "a web page may have",
            Format::Json | Format::JsonLines => {
                "a JSON file may have (JSON Lines, one article a line, are read a line at a \
                 time and have no limit)"
            }
        }
    }

    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// One thing to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::File(path) => f.write_str(&escaped_path(path)),
            Input::Stdin => f.write_str("-"),
        }
    }
}

/// A path as dipkb prints and stores it: as it is, except that control characters are written
/// as escapes (`\n`, `\u{1b}`) and bytes that are not UTF-8 as `\xE9`. A file name may hold
/// anything but `/` and NUL, and printed raw a line break in one would forge a line of output.
pub fn escaped_path(path: &Path) -> String {
    let mut text = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                text.extend(c.escape_default());
            } else {
                text.push(c);
            }
        }
        for byte in chunk.invalid() {
            text.push_str(&format!("\\x{byte:02X}"));
        }
    }
    text
}

/// Expands the paths given on the command line into inputs, in a stable order.
///
/// A file named explicitly is always an input (an unknown type fails when read, so the user
/// hears about it). Inside folders, only files of a known type are taken, and gold annotations
/// (`*.gold.json`), hidden files and README, LICENSE or CHANGELOG files are passed over.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Result<Input, SourceError>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Ok(Input::Stdin));
        } else if path.is_dir() {
            walk_folder(path, &mut inputs);
        } else {
            inputs.push(Ok(Input::File(path.clone())));
        }
    }
    inputs
}

fn walk_folder(root: &Path, inputs: &mut Vec<Result<Input, SourceError>>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_article_file(entry.path()) => {
                inputs.push(Ok(Input::File(entry.into_path())));
            }
            Ok(_) => {}
            Err(err) => {
                let origin = escaped_path(err.path().unwrap_or(root));
                let io = err
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                inputs.push(Err(SourceError::new(origin, Problem::Read(io))));
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Whether a file in a folder is an article, by its name. A name that is not UTF-8 is judged
/// by its UTF-8 parts (its extension is ASCII if it is one of ours), not passed over.
fn is_article_file(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let lower = name.to_string_lossy().to_ascii_lowercase();
    let stem = lower.split('.').next().unwrap_or_default();
    Format::from_path(path).is_some()
        && !lower.ends_with(".gold.json")
        && !matches!(stem, "readme" | "license" | "licence" | "changelog")
}

/// Reads one input into articles: a text file or a JSON object gives one, a JSON array or a
/// JSON Lines file gives one per element. Each failure names the input (and the line).
pub fn read_input(input: &Input, options: &ReadOptions) -> Vec<Result<Article, SourceError>> {
    let origin = input.to_string();
    let mut sidecar = None;
    let (bytes, format) = match input {
        Input::File(path) => {
            let Some(format) = Format::from_path(path) else {
                return vec![Err(SourceError::new(origin, Problem::UnknownType))];
            };
            if matches!(format, Format::Text | Format::Html) {
                sidecar = sidecar::find(path);
            }
            match read_file(path, format) {
                Ok(bytes) => (bytes, format),
                Err(problem) => return vec![Err(SourceError::new(origin, problem))],
            }
        }
        Input::Stdin => match read_stdin() {
            Ok(read) => read,
            Err(problem) => return vec![Err(SourceError::new(origin, problem))],
        },
    };
    read_bytes_with(&bytes, format, &origin, options, sidecar)
}

/// Reads a file whole, refusing it by its length before reading when it is larger than its
/// format allows, and stopping at the limit when it has no length (a device such as
/// `/dev/zero`, a FIFO) or grows while it is read.
fn read_file(path: &Path, format: Format) -> Result<Vec<u8>, Problem> {
    let limit = format.max_file_bytes();
    let file = open_file(path)?;
    let metadata = file.metadata().map_err(Problem::Read)?;
    if metadata.is_file() && metadata.len() > limit as u64 {
        return Err(Problem::FileTooLarge {
            size: Some(human_size(
                usize::try_from(metadata.len()).unwrap_or(usize::MAX),
            )),
            limit,
            format,
        });
    }
    let mut bytes = Vec::new();
    read_at_most(file, limit, &mut bytes, format)?;
    Ok(bytes)
}

/// Opens a file to read, refusing named pipes and sockets first: opening a FIFO blocks until
/// a writer comes, which may be never. Devices are read (with a limit, by the caller).
pub(crate) fn open_file(path: &Path) -> Result<std::fs::File, Problem> {
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::metadata(path).map_err(Problem::Read)?.file_type();
    if kind.is_fifo() {
        return Err(Problem::NotAFile("a named pipe (FIFO)"));
    }
    if kind.is_socket() {
        return Err(Problem::NotAFile("a socket"));
    }
    std::fs::File::open(path).map_err(Problem::Read)
}

/// Reads `reader` to its end into `bytes`, failing as soon as `bytes` would hold more than
/// `limit`: at most `limit + 1` bytes are ever read.
fn read_at_most(
    reader: impl Read,
    limit: usize,
    bytes: &mut Vec<u8>,
    format: Format,
) -> Result<(), Problem> {
    let room = (limit + 1).saturating_sub(bytes.len()) as u64;
    reader
        .take(room)
        .read_to_end(bytes)
        .map_err(Problem::Read)?;
    if bytes.len() > limit {
        return Err(Problem::FileTooLarge {
            size: None,
            limit,
            format,
        });
    }
    Ok(())
}

/// Standard input, bounded like a file: its first bytes say its format, and the rest is read
/// up to that format's limit.
fn read_stdin() -> Result<(Vec<u8>, Format), Problem> {
    const SNIFF_BYTES: u64 = 8192;
    let mut stdin = std::io::stdin().lock();
    let mut bytes = Vec::new();
    (&mut stdin)
        .take(SNIFF_BYTES)
        .read_to_end(&mut bytes)
        .map_err(Problem::Read)?;
    let format = sniff_format(&bytes);
    read_at_most(stdin, format.max_file_bytes(), &mut bytes, format)?;
    Ok((bytes, format))
}

/// Standard input has no extension: JSON starts with `{` or `[`, a web page with
/// `<!doctype html` or `<html`, anything else is text.
fn sniff_format(bytes: &[u8]) -> Format {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().find(|b| !b.is_ascii_whitespace());
    match start {
        Some(b'{') | Some(b'[') => Format::Json,
        _ if html::is_page(&String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])) => {
            Format::Html
        }
        _ => Format::Text,
    }
}

/// Parses the bytes of one input of a known format.
pub fn read_bytes(
    bytes: &[u8],
    format: Format,
    origin: &str,
    options: &ReadOptions,
) -> Vec<Result<Article, SourceError>> {
    read_bytes_with(bytes, format, origin, options, None)
}

fn read_bytes_with(
    bytes: &[u8],
    format: Format,
    origin: &str,
    options: &ReadOptions,
    sidecar: Option<Result<sidecar::Sidecar, Warning>>,
) -> Vec<Result<Article, SourceError>> {
    // A web page says which encoding it is in; other inputs are UTF-8 (or UTF-16 with a BOM).
    let decoded = match format {
        Format::Html => decode::decode_page(bytes),
        _ => decode::decode(bytes),
    };
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(problem) => return vec![Err(SourceError::new(origin, problem))],
    };
    let mut warnings = decoded.warnings;
    let articles = match format {
        // A saved page renamed, or a scraper's output saved as text: its markup is no text, and
        // its bytes are in the encoding it declares.
        Format::Text if html::is_page(&decoded.text) => match decode::decode_page(bytes) {
            Ok(page) => {
                warnings = page.warnings;
                warnings.push(html::page_in_text_file());
                vec![html::parse(&page.text, origin)]
            }
            Err(problem) => vec![Err(SourceError::new(origin, problem))],
        },
        Format::Text => vec![plain::parse(&decoded.text, origin)],
        Format::Html => vec![html::parse(&decoded.text, origin)],
        Format::Json => json::parse_document(&decoded.text, origin),
        Format::JsonLines => json::parse_lines(&decoded.text, origin),
    };
    articles
        .into_iter()
        .map(|article| finish(article, &warnings, sidecar.as_ref(), options))
        .collect()
}

/// What every article read goes through: the size limit, the warnings of its input, what a
/// sidecar file says of it, the publication date given on the command line, and the refusal of
/// NUL characters that escapes let through.
fn finish(
    article: Result<Article, SourceError>,
    warnings: &[Warning],
    sidecar: Option<&Result<sidecar::Sidecar, Warning>>,
    options: &ReadOptions,
) -> Result<Article, SourceError> {
    let mut article = article?;
    if article.body.len() > MAX_ARTICLE_BYTES {
        return Err(SourceError::new(
            article.origin.clone(),
            Problem::TooLarge {
                size: human_size(article.body.len()),
            },
        ));
    }
    article.warnings.extend(warnings.iter().cloned());
    match sidecar {
        Some(Ok(sidecar)) => sidecar.fill(&mut article),
        Some(Err(warning)) => article.warnings.push(warning.clone()),
        None => {}
    }
    if article.published.is_none() {
        match options.published {
            Some(date) => article.published = Some(date),
            None => article.warnings.push(Warning {
                code: "no-publication-date",
                message: "no publication date: relative dates stay unresolved \
                          (give one in front matter or with --published)"
                    .into(),
            }),
        }
    }
    // Raw NUL bytes are refused as binary when decoded; this catches the escaped ones, which
    // SQLite would cut the text at (evidence would come back empty, offsets would break).
    for (field, text) in [
        ("text", Some(&article.body)),
        ("title", Some(&article.title)),
        ("source", article.source.as_ref()),
        ("url", article.url.as_ref()),
    ] {
        if text.is_some_and(|text| text.contains('\0')) {
            return Err(SourceError::new(
                article.origin.clone(),
                Problem::NulCharacter(field),
            ));
        }
    }
    Ok(article)
}

/// Reads one input and hands each article to `each` as soon as it is read, until `each`
/// returns false, with how far into the input it is: the bytes read through the article, for a
/// progress bar. JSON Lines files are read a line at a time, so memory does not grow with
/// the file; other inputs are read whole, as [`read_input`] does, and their length is shared
/// out evenly among their articles.
pub fn each_article(
    input: &Input,
    options: &ReadOptions,
    each: &mut dyn FnMut(Result<Article, SourceError>, u64) -> bool,
) {
    if let Input::File(path) = input
        && Format::from_path(path) == Some(Format::JsonLines)
        && lines::read(path, &input.to_string(), options, each)
    {
        return;
    }
    let articles = read_input(input, options);
    let size = input_size(input);
    let count = articles.len() as u64;
    for (index, article) in (1..).zip(articles) {
        if !each(article, size * index / count) {
            return;
        }
    }
}

/// The length of an input when it has one: a regular file's, else 0 (stdin, devices).
pub fn input_size(input: &Input) -> u64 {
    match input {
        Input::File(path) => std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map_or(0, |metadata| metadata.len()),
        Input::Stdin => 0,
    }
}

/// Parses a publication date as sources write it: `2022-01-12`, or a timestamp that starts
/// with one (`2022-01-12T10:32:00Z`, `2022-01-12 10:32:00`). An empty value means "not given".
fn parse_published(value: &str) -> Result<Option<NaiveDate>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let date_part = match value.char_indices().nth(10) {
        Some((index, 'T' | 't' | ' ')) => &value[..index],
        _ => value,
    };
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .ok()
        .filter(|_| date_part.len() == 10)
        .map(Some)
        .ok_or_else(|| Problem::BadDate {
            value: value.to_string(),
        })
}

/// Trims the white space around a body; evidence offsets count from the trimmed start.
fn trim_body(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .to_string()
}

/// The first non-blank line, trimmed: the title of an input that does not name one.
fn first_line(text: &str) -> Option<&str> {
    text.lines().map(str::trim).find(|line| !line.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates_accept_timestamps_and_refuse_impossible_days() {
        let day = NaiveDate::from_ymd_opt(2022, 1, 12);
        assert_eq!(parse_published("2022-01-12").unwrap(), day);
        assert_eq!(parse_published("2022-01-12T10:32:00Z").unwrap(), day);
        assert_eq!(parse_published("2022-01-12 10:32:00").unwrap(), day);
        assert_eq!(parse_published("  ").unwrap(), None);
        for bad in [
            "2022-02-30",
            "12/01/2022",
            "2022-1-12",
            "2022-01-12x",
            "soon",
        ] {
            assert!(parse_published(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn folders_skip_gold_files_and_readmes() {
        for (name, taken) in [
            ("a.txt", true),
            ("b.md", true),
            ("c.json", true),
            ("d.jsonl", true),
            ("e.html", true),
            ("f.HTM", true),
            ("a.gold.json", false),
            ("README.md", false),
            ("notes.pdf", false),
        ] {
            assert_eq!(is_article_file(Path::new(name)), taken, "{name}");
        }
    }

    #[test]
    fn paths_print_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"in/caf\xe9\nerror: x.txt"));
        assert_eq!(escaped_path(path), "in/caf\\xE9\\nerror: x.txt");
        assert_eq!(
            escaped_path(Path::new("in/Kyiv talks.txt")),
            "in/Kyiv talks.txt"
        );
        assert!(is_article_file(path));
    }

    #[test]
    fn stdin_is_sniffed() {
        assert_eq!(sniff_format(b"  {\"text\": \"x\"}"), Format::Json);
        assert_eq!(sniff_format(b"\xEF\xBB\xBF[{}]"), Format::Json);
        assert_eq!(sniff_format(b"---\ntitle: x\n---\nbody"), Format::Text);
        assert_eq!(sniff_format(b"\n<!DOCTYPE html>\n<html>"), Format::Html);
    }

    #[test]
    fn files_larger_than_their_format_allows_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        // Sparse: a gigabyte on paper, nothing on disk; reading it would take seconds.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(1 << 30).unwrap();
        let err = read_file(&path, Format::Text).unwrap_err().to_string();
        assert_eq!(
            err,
            "too large: 1 GiB, more than the 9 MiB a text file may have"
        );
        let mut bytes = Vec::new();
        let err = read_at_most(std::io::repeat(b'x'), 10, &mut bytes, Format::Text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("too large: more than the "), "{err}");
        assert_eq!(bytes.len(), 11, "read one byte past the limit, no more");
        assert_eq!(human_size(3 << 29), "1.5 GiB");
    }

    #[test]
    fn content_hash_is_sha256_of_the_body() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
