//! Input readers: NDJSON, a JSON object or array, and CSV with a header row. Each record is
//! handed to a callback as it is read, so memory stays flat whatever the input size; a bad
//! record becomes a rejection and reading goes on (except after a JSON syntax error inside an
//! array, where the rest cannot be found again).

use std::io::{BufRead, Read};
use std::path::Path;

use serde::de::{Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::FieldError;
use super::record::{Field, InputRecord, JsonRecord, field_for};
use crate::error::{Error, Result};

/// Input formats `ingest` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// One JSON object per line
    Ndjson,
    /// One JSON object, or an array of objects
    Json,
    /// CSV with a header row
    Csv,
}

/// The original text of a record, for `--rejects`.
#[derive(Debug, Clone)]
pub enum Raw {
    /// A JSON record (the line, or the element re-serialised).
    Json(String),
    /// A CSV row, with the input's header.
    Csv(std::sync::Arc<csv::StringRecord>, csv::StringRecord),
    /// Built from flags.
    None,
}

/// One record as read.
#[derive(Debug)]
pub struct RawItem {
    /// 1-based record number.
    pub record: u64,
    /// 1-based line in the input, where known.
    pub line: Option<u64>,
    /// The record, or why it could not be read.
    pub parsed: std::result::Result<InputRecord, Vec<FieldError>>,
}

/// Receives each record with a function that produces its original text on demand (called only
/// for records that end up rejected, so good records never pay for a copy); returns false to
/// stop reading.
pub type Emit<'a> = dyn FnMut(RawItem, &dyn Fn() -> Raw) -> bool + 'a;

/// Picks the format from the file extension, else from the content: `[` is JSON, `{` is NDJSON
/// when the first non-blank line is a whole JSON value by itself (else one JSON document), and
/// anything else is CSV. The lines read to decide are put back in front of the input.
pub fn detect(
    path: Option<&Path>,
    mut input: Box<dyn BufRead + Send>,
) -> Result<(InputFormat, Box<dyn BufRead + Send>)> {
    if let Some(ext) = path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        let by_ext = match ext.to_ascii_lowercase().as_str() {
            "ndjson" | "jsonl" => Some(InputFormat::Ndjson),
            "json" => Some(InputFormat::Json),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        };
        if let Some(f) = by_ext {
            return Ok((f, input));
        }
    }
    // Read whole lines (stdin may deliver a line in pieces) until one is not blank, up to 1 MiB.
    let mut head = Vec::new();
    let first_line = loop {
        let start = head.len();
        let n = (&mut input).take(1 << 20).read_until(b'\n', &mut head)?;
        let line = &head[start..];
        let line =
            if start == 0 { line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line) } else { line };
        if n == 0 || !line.iter().all(u8::is_ascii_whitespace) || head.len() >= 1 << 20 {
            break line.to_vec();
        }
    };
    let first = first_line.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let format = match first {
        Some(b'[') => InputFormat::Json,
        Some(b'{') if serde_json::from_slice::<serde::de::IgnoredAny>(&first_line).is_ok() => {
            InputFormat::Ndjson
        }
        Some(b'{') => InputFormat::Json,
        None => InputFormat::Ndjson,
        Some(_) => InputFormat::Csv,
    };
    let rest: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(head).chain(input));
    Ok((format, rest))
}

/// Reads every record of `input`, calling `emit` for each; `emit` returns false to stop.
pub fn read_records(
    input: Box<dyn BufRead + Send>,
    format: InputFormat,
    raw_cells: bool,
    emit: &mut Emit<'_>,
) -> Result<()> {
    match format {
        InputFormat::Ndjson => read_ndjson(input, emit),
        InputFormat::Json => read_json(input, emit),
        InputFormat::Csv => read_csv(input, raw_cells, emit),
    }
}

fn read_ndjson(mut input: Box<dyn BufRead + Send>, emit: &mut Emit<'_>) -> Result<()> {
    let mut buf = Vec::with_capacity(1024);
    let (mut line_no, mut record) = (0u64, 0u64);
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        line_no += 1;
        let bytes =
            if line_no == 1 { buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf) } else { &buf };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        record += 1;
        let raw = || Raw::Json(String::from_utf8_lossy(bytes).trim_end().to_string());
        let item = match std::str::from_utf8(bytes) {
            Err(_) => reject(record, Some(line_no), "record", "not valid UTF-8"),
            Ok(s) => match serde_json::from_str::<JsonRecord>(s) {
                Ok(JsonRecord(parsed)) => RawItem { record, line: Some(line_no), parsed },
                Err(e) => reject(
                    record,
                    Some(line_no),
                    "record",
                    &format!("invalid JSON: {}", json_reason(&e)),
                ),
            },
        };
        if !emit(item, &raw) {
            return Ok(());
        }
    }
}

fn reject(record: u64, line: Option<u64>, field: &str, reason: &str) -> RawItem {
    RawItem { record, line, parsed: Err(vec![FieldError::new(field, reason)]) }
}

fn json_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Streams a JSON document: an array is read element by element, an object is one record.
fn read_json(input: Box<dyn BufRead + Send>, emit: &mut Emit<'_>) -> Result<()> {
    struct Stream<'a, 'b> {
        emit: &'a mut Emit<'b>,
        record: u64,
    }
    impl<'de> Visitor<'de> for &mut Stream<'_, '_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object or an array of objects")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
            while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
                self.record += 1;
                let parsed = match serde_json::from_str::<JsonRecord>(raw.get()) {
                    Ok(JsonRecord(parsed)) => parsed,
                    Err(e) => Err(vec![FieldError::new("record", json_reason(&e))]),
                };
                let text = || Raw::Json(raw.get().to_string());
                if !(self.emit)(RawItem { record: self.record, line: None, parsed }, &text) {
                    break;
                }
            }
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<(), A::Error> {
            let v: Value =
                serde::Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
            self.record += 1;
            let text = || Raw::Json(v.to_string());
            let item =
                RawItem { record: self.record, line: None, parsed: InputRecord::from_json(&v) };
            (self.emit)(item, &text);
            Ok(())
        }
    }
    let mut stream = Stream { emit, record: 0 };
    let mut de = serde_json::Deserializer::from_reader(SkipBom::new(input));
    let result = (&mut de).deserialize_any(&mut stream).and_then(|()| de.end());
    if let Err(e) = result {
        if e.is_io() {
            return Err(Error::failure(format!("cannot read input: {e}")));
        }
        let record = stream.record + 1;
        let reason = format!(
            "invalid JSON at line {}, column {}: {}",
            e.line(),
            e.column(),
            json_reason(&e)
        );
        (stream.emit)(reject(record, Some(e.line() as u64), "record", &reason), &|| Raw::None);
    }
    Ok(())
}

fn read_csv(input: Box<dyn BufRead + Send>, raw_cells: bool, emit: &mut Emit<'_>) -> Result<()> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(SkipBom::new(input));
    let headers = rdr
        .headers()
        .map_err(|e| Error::rejected(format!("cannot read the CSV header: {e}")))?
        .clone();
    let shared = std::sync::Arc::new(headers.clone());
    let fields: Vec<Option<Field>> = headers.iter().map(field_for).collect();
    let unknown: Vec<&str> = headers
        .iter()
        .zip(&fields)
        .filter(|(h, f)| f.is_none() && !h.starts_with('_') && !h.trim().is_empty())
        .map(|(h, _)| h)
        .collect();
    if !unknown.is_empty() {
        tracing::warn!("ignoring unknown CSV columns: {}", unknown.join(", "));
    }
    if !fields.iter().any(|f| matches!(f, Some(Field::Email | Field::Phone))) {
        return Err(Error::rejected("the CSV header has neither an email nor a phone column")
            .with_hint(
                "the first row must name the columns, e.g. email,phone,first_name,last_name",
            ));
    }
    let mut record = 0u64;
    let mut row = csv::StringRecord::new();
    loop {
        let line = rdr.position().line();
        match rdr.read_record(&mut row) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                record += 1;
                let line = row.position().map_or(line, |p| p.line());
                let item = if row.len() != headers.len() {
                    reject(
                        record,
                        Some(line),
                        "record",
                        &format!("has {} fields, the header has {}", row.len(), headers.len()),
                    )
                } else {
                    let mut rec = InputRecord::default();
                    for (value, field) in row.iter().zip(&fields) {
                        if let Some(f) = field {
                            rec.set(
                                *f,
                                if raw_cells { value } else { crate::cells::unneutralize(value) },
                            );
                        }
                    }
                    RawItem { record, line: Some(line), parsed: Ok(rec) }
                };
                if !emit(item, &|| Raw::Csv(shared.clone(), row.clone())) {
                    return Ok(());
                }
            }
            Err(e) => {
                record += 1;
                if let csv::ErrorKind::Io(io) = e.kind() {
                    return Err(Error::failure(format!("cannot read input: {io}")));
                }
                let reason = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
                    _ => format!("invalid CSV: {e}"),
                };
                let line = e.position().map_or(line + 1, |p| p.line());
                let raw = || Raw::Csv(shared.clone(), csv::StringRecord::new());
                if !emit(reject(record, Some(line), "record", &reason), &raw) {
                    return Ok(());
                }
            }
        }
    }
}

/// Drops a UTF-8 byte-order mark at the start (spreadsheets write one).
struct SkipBom<R> {
    inner: R,
    checked: bool,
}

impl<R: BufRead> SkipBom<R> {
    fn new(inner: R) -> Self {
        SkipBom { inner, checked: false }
    }
}

impl<R: BufRead> Read for SkipBom<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if !self.checked {
            self.checked = true;
            let buf = self.inner.fill_buf()?;
            if buf.starts_with(b"\xEF\xBB\xBF") {
                self.inner.consume(3);
            }
        }
        self.inner.read(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn collect(text: &str, format: InputFormat) -> Vec<RawItem> {
        let mut items = Vec::new();
        read_records(
            Box::new(Cursor::new(text.as_bytes().to_vec())),
            format,
            false,
            &mut |i, _| {
                items.push(i);
                true
            },
        )
        .unwrap();
        items
    }

    #[test]
    fn detects_formats_from_content() {
        let d = |s: &str| detect(None, Box::new(Cursor::new(s.as_bytes().to_vec()))).unwrap().0;
        assert_eq!(d("{\"a\":1}\n{\"a\":2}\n"), InputFormat::Ndjson);
        assert_eq!(d("{\n \"a\": 1\n}\n"), InputFormat::Json);
        assert_eq!(d("  [{\"a\":1}]"), InputFormat::Json);
        assert_eq!(d("\u{feff}email,phone\n"), InputFormat::Csv);
        assert_eq!(d("\n\n{\"a\":1}\n"), InputFormat::Ndjson);
        // What was read to decide is given back.
        let (_, mut rest) = detect(None, Box::new(Cursor::new(b"{\"a\":1}\nX".to_vec()))).unwrap();
        let mut all = String::new();
        rest.read_to_string(&mut all).unwrap();
        assert_eq!(all, "{\"a\":1}\nX");
    }

    #[test]
    fn ndjson_bad_lines_are_rejected_and_reading_goes_on() {
        let items = collect(
            "{\"email\":\"a@x.io\"}\n\nnot json\n{\"email\":\"b@x.io\"}\n",
            InputFormat::Ndjson,
        );
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].line, Some(3));
        assert!(items[1].parsed.is_err());
        assert_eq!(items[2].record, 3);
        assert!(items[2].parsed.is_ok());
    }

    #[test]
    fn json_arrays_stream_and_syntax_errors_are_reported() {
        let items = collect("[{\"email\":\"a@x.io\"}, {\"email\":\"b@x.io\"}]", InputFormat::Json);
        assert_eq!(items.len(), 2);
        let items = collect("[{\"email\":\"a@x.io\"}, {\"email\": ]", InputFormat::Json);
        assert_eq!(items.len(), 2);
        assert!(items[1].parsed.is_err());
    }

    #[test]
    fn csv_rows_map_by_header_and_short_rows_are_rejected() {
        let items =
            collect("Email,First Name,tags\na@x.io,Ann,\"vip;b\"\nb@x.io\n", InputFormat::Csv);
        assert_eq!(items.len(), 2);
        let rec = items[0].parsed.as_ref().unwrap();
        assert_eq!(rec.first_name.as_deref(), Some("Ann"));
        assert_eq!(rec.tags, vec!["vip", "b"]);
        assert_eq!(items[1].line, Some(3));
        assert!(items[1].parsed.is_err());
    }
}
