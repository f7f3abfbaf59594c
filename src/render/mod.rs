//! Printing rows as an aligned table, JSON or CSV. Every read command renders through here, from
//! the same [`Rows`], so the formats never disagree.

pub mod extraction;

use std::io::{self, Write};

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading; long cells are cut with "…". A record of several parts (a
    /// meeting, an actor) is a table per part under its title.
    Table,
    /// An array of objects, one per row, keys in column order. A record of several parts is
    /// one object with a key per part.
    Json,
    /// RFC 4180 CSV with a header row. A record of several parts is one CSV table per part,
    /// each after a `# part` line and separated by a blank line: split it at those lines to
    /// read it as CSV.
    Csv,
}

/// One cell. Mirrors SQLite's storage classes so that `dipkb sql` shows values as stored.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

impl Value {
    pub fn plain_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(n) => n.to_string(),
            Value::Real(x) => x.to_string(),
            Value::Text(text) => text.clone(),
        }
    }

    fn is_number(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Real(_))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_none(),
            Value::Int(n) => serializer.serialize_i64(*n),
            Value::Real(x) => serializer.serialize_f64(*x),
            Value::Text(text) => serializer.serialize_str(text),
        }
    }
}

/// A result: named columns and rows of cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Rows {
    pub fn new(columns: &[&str]) -> Rows {
        Rows {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Several named parts shown together: an actor's profile, a meeting's record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub sections: Vec<(String, Section)>,
}

/// A part of a document: one record (fields in order), or a table of rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Section {
    Record(Vec<(String, Value)>),
    Table(Rows),
}

impl Document {
    pub fn push(&mut self, title: &str, rows: Rows) {
        self.sections
            .push((title.to_string(), Section::Table(rows)));
    }

    pub fn push_record(&mut self, title: &str, fields: Vec<(String, Value)>) {
        self.sections
            .push((title.to_string(), Section::Record(fields)));
    }
}

impl Section {
    /// A record as `field | value` rows, for tables and CSV.
    fn rows(&self) -> std::borrow::Cow<'_, Rows> {
        match self {
            Section::Table(rows) => std::borrow::Cow::Borrowed(rows),
            Section::Record(fields) => {
                let mut rows = Rows::new(&["field", "value"]);
                for (name, value) in fields {
                    rows.push(vec![Value::from(name.as_str()), value.clone()]);
                }
                std::borrow::Cow::Owned(rows)
            }
        }
    }
}

struct JsonDocument<'a>(&'a Document);

impl Serialize for JsonDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.sections.len()))?;
        for (title, section) in &self.0.sections {
            match section {
                Section::Table(rows) => map.serialize_entry(title, &JsonRows(rows))?,
                Section::Record(fields) => {
                    let names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
                    let values: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
                    map.serialize_entry(title, &JsonRow(&names, &values))?
                }
            }
        }
        map.end()
    }
}

/// Writes a document: tables under their titles; one JSON object whose keys are the titles (a
/// record is an object, a table an array of objects); or CSV blocks, each after a `# title`
/// line and separated by a blank line. Empty sections are shown as empty, so that the shape
/// does not depend on the data.
pub fn write_document(doc: &Document, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &JsonDocument(doc))?;
            writeln!(out)
        }
        Format::Table | Format::Csv => {
            for (i, (title, section)) in doc.sections.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let rows = section.rows();
                if format == Format::Table {
                    writeln!(out, "{title}")?;
                    if rows.is_empty() {
                        writeln!(out, "  (none)")?;
                    } else {
                        write_table(&rows, out)?;
                    }
                } else {
                    writeln!(out, "# {title}")?;
                    write_csv(&rows, out)?;
                }
            }
            Ok(())
        }
    }
}

/// Writes one row as a line of JSON Lines: an object, keys in column order.
pub fn write_json_row(columns: &[String], row: &[Value], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &JsonRow(columns, row))?;
    writeln!(out)
}

/// Widest a table cell gets before it is cut; JSON and CSV are never cut.
const MAX_CELL_WIDTH: usize = 72;

pub fn write(rows: &Rows, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => write_table(rows, out),
        Format::Json => write_json(rows, out),
        Format::Csv => write_csv(rows, out),
    }
}

/// Rows written as they come, for results that may be too large to hold: CSV and JSON go out
/// a row at a time (the same bytes [`write`] gives); a table, which needs every width before
/// its first line, is kept and written by [`RowStream::finish`].
pub struct RowStream<'a> {
    sink: StreamSink<'a>,
    columns: Vec<String>,
    rows: u64,
}

enum StreamSink<'a> {
    Table(&'a mut dyn Write, Rows),
    Json(&'a mut dyn Write),
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
}

impl<'a> RowStream<'a> {
    pub fn new(format: Format, columns: Vec<String>, out: &'a mut dyn Write) -> io::Result<Self> {
        let sink = match format {
            Format::Table => StreamSink::Table(
                out,
                Rows {
                    columns: columns.clone(),
                    rows: Vec::new(),
                },
            ),
            Format::Json => StreamSink::Json(out),
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(out);
                writer.write_record(&columns)?;
                StreamSink::Csv(Box::new(writer))
            }
        };
        Ok(RowStream {
            sink,
            columns,
            rows: 0,
        })
    }

    pub fn push(&mut self, row: Vec<Value>) -> io::Result<()> {
        match &mut self.sink {
            StreamSink::Table(_, rows) => rows.push(row),
            StreamSink::Json(out) => {
                // An element of a pretty-printed array: its lines indented by two spaces (JSON
                // strings hold no raw line breaks, so every line break is the printer's).
                let mut element = Vec::new();
                serde_json::to_writer_pretty(&mut element, &JsonRow(&self.columns, &row))?;
                out.write_all(if self.rows == 0 { b"[\n" } else { b",\n" })?;
                for (i, line) in element.split(|&b| b == b'\n').enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(b"  ")?;
                    out.write_all(line)?;
                }
            }
            StreamSink::Csv(writer) => writer.write_record(row.iter().map(Value::plain_text))?,
        }
        self.rows += 1;
        Ok(())
    }

    /// Ends the output: the table, the end of the JSON array, the last CSV lines.
    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            StreamSink::Table(out, rows) => write_table(&rows, out),
            StreamSink::Json(out) => {
                if self.rows == 0 {
                    writeln!(out, "[]")
                } else {
                    writeln!(out, "\n]")
                }
            }
            StreamSink::Csv(mut writer) => writer.flush(),
        }
    }
}

fn write_table(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|value| table_cell(&value.plain_text()))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = rows.columns.iter().map(|c| c.width()).collect();
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let header: Vec<String> = rows.columns.clone();
    write_table_line(out, &header, &widths, &vec![false; widths.len()])?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    write_table_line(out, &rule, &widths, &vec![false; widths.len()])?;
    for (row, values) in cells.iter().zip(&rows.rows) {
        let numeric: Vec<bool> = values.iter().map(Value::is_number).collect();
        write_table_line(out, row, &widths, &numeric)?;
    }
    Ok(())
}

fn write_table_line(
    out: &mut dyn Write,
    cells: &[String],
    widths: &[usize],
    right_align: &[bool],
) -> io::Result<()> {
    let mut line = String::new();
    for (index, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let pad = " ".repeat(width.saturating_sub(cell.width()));
        let last = index + 1 == cells.len();
        if right_align[index] {
            line.push_str(&pad);
            line.push_str(cell);
        } else {
            line.push_str(cell);
            if !last {
                line.push_str(&pad);
            }
        }
        if !last {
            line.push_str("  ");
        }
    }
    writeln!(out, "{}", line.trim_end())
}

/// One line per cell: line breaks become spaces, and long text is cut with an ellipsis.
fn table_cell(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.width() <= MAX_CELL_WIDTH {
        return flat;
    }
    let mut cut = String::new();
    let mut width = 0;
    for c in flat.chars() {
        let w = c.width().unwrap_or(0);
        if width + w > MAX_CELL_WIDTH - 1 {
            break;
        }
        width += w;
        cut.push(c);
    }
    cut.push('…');
    cut
}

struct JsonRows<'a>(&'a Rows);
struct JsonRow<'a>(&'a [String], &'a [Value]);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            seq.serialize_element(&JsonRow(&self.0.columns, row))?;
        }
        seq.end()
    }
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (column, value) in self.0.iter().zip(self.1) {
            map.serialize_entry(column, value)?;
        }
        map.end()
    }
}

fn write_json(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &JsonRows(rows))?;
    writeln!(out)
}

fn write_csv(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&rows.columns)?;
    for row in &rows.rows {
        writer.write_record(row.iter().map(Value::plain_text))?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Rows {
        let mut rows = Rows::new(&["name", "count", "note"]);
        rows.push(vec!["Russia".into(), Value::Int(12), Value::Null]);
        rows.push(vec![
            "Côte d’Ivoire".into(),
            Value::Int(3),
            "a, \"b\"\nc".into(),
        ]);
        rows
    }

    fn render(rows: &Rows, format: Format) -> String {
        let mut out = Vec::new();
        write(rows, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tables_align_and_flatten() {
        assert_eq!(
            render(&sample(), Format::Table),
            "name           count  note\n\
             -------------  -----  --------\n\
             Russia            12\n\
             Côte d’Ivoire      3  a, \"b\" c\n"
        );
    }

    #[test]
    fn long_cells_are_cut_in_tables_only() {
        let mut rows = Rows::new(&["text"]);
        rows.push(vec!["x".repeat(200).into()]);
        let table = render(&rows, Format::Table);
        assert!(table.lines().nth(2).unwrap().ends_with('…'));
        assert_eq!(
            table.lines().nth(2).unwrap().chars().count(),
            MAX_CELL_WIDTH
        );
        assert!(render(&rows, Format::Csv).contains(&"x".repeat(200)));
    }

    #[test]
    fn json_keeps_column_order_and_types() {
        let json = render(&sample(), Format::Json);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed[0]["count"], 12);
        assert!(parsed[0]["note"].is_null());
        assert!(json.find("\"name\"").unwrap() < json.find("\"count\"").unwrap());
    }

    #[test]
    fn streamed_rows_are_the_same_bytes() {
        let empty = Rows::new(&["name", "count", "note"]);
        for rows in [sample(), empty] {
            for format in [Format::Table, Format::Json, Format::Csv] {
                let mut out = Vec::new();
                let mut stream = RowStream::new(format, rows.columns.clone(), &mut out).unwrap();
                for row in &rows.rows {
                    stream.push(row.clone()).unwrap();
                }
                stream.finish().unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), render(&rows, format));
            }
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(
            render(&sample(), Format::Csv),
            "name,count,note\nRussia,12,\nCôte d’Ivoire,3,\"a, \"\"b\"\"\nc\"\n"
        );
    }
}
