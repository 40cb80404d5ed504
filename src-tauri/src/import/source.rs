//! Opening a spreadsheet as a header row and a stream of rows: CSV (any of the encodings in
//! [`decode`](super::decode)) through the `csv` crate, workbooks (XLSX, XLS, ODS) through
//! calamine. Title rows above the header are skipped; blank rows are dropped.

use std::collections::VecDeque;
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsx};
use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use super::ImportProblem;
use super::dates::{LocalStamp, from_serial};
use super::decode::{decode, sniff_delimiter};
use crate::error::{Error, Result};

/// The largest file read, in bytes: far above any real complaint log, and a guard against
/// choosing a disk image by mistake.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How many rows from the top may be a title above the header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// How many data rows a preview shows.
pub const PREVIEW_ROWS: usize = 20;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (every CSV cell is text).
    Text(String),
    /// A number in a workbook (a date column may hold Excel serials as plain numbers).
    Number(f64),
    /// A workbook cell formatted as a date.
    Date(LocalStamp),
}

impl Cell {
    /// The cell as text: whole numbers without a decimal point (a phone number typed into
    /// Excel is a number), dates as `YYYY-MM-DD HH:MM`. `None` when blank.
    pub fn text(&self) -> Option<String> {
        let text = match self {
            Cell::Empty => return None,
            Cell::Text(text) => text.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(stamp) if stamp.has_time => stamp.at.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Date(stamp) => stamp.at.format("%Y-%m-%d").to_string(),
        };
        (!text.trim().is_empty()).then_some(text)
    }
}

/// One data row: its number as the spreadsheet shows it (the header row counts) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based row number in the file.
    pub number: u32,
    /// The cells, by column.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in `column`, or empty past the row's end.
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text().is_none())
    }
}

type RowStream = Box<dyn Iterator<Item = Result<Row>> + Send>;

/// An open spreadsheet: its header row and the rows below it, read as they are consumed.
pub struct Table {
    /// Column names from the header row; a blank one is named by its column letter.
    pub headers: Vec<String>,
    /// The workbook's sheets (empty for CSV).
    pub sheets: Vec<String>,
    /// The sheet read (workbooks only).
    pub sheet: Option<String>,
    /// The text encoding (CSV only).
    pub encoding: Option<&'static str>,
    rows: RowStream,
}

/// What the first step of the wizard shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// The file's name, without its folder.
    pub file_name: String,
    /// Column names.
    pub headers: Vec<String>,
    /// The first rows as text: row number and one string per column.
    pub rows: Vec<PreviewRow>,
    /// Data rows in the file (blank rows not counted).
    pub row_count: usize,
    /// The workbook's sheets (empty for CSV).
    pub sheets: Vec<String>,
    /// The sheet shown.
    pub sheet: Option<String>,
    /// The CSV text encoding.
    pub encoding: Option<&'static str>,
}

/// One row of a preview.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// Row number in the file.
    pub number: u32,
    /// Cell texts, one per header.
    pub cells: Vec<String>,
}

fn problem(problem: ImportProblem) -> Error {
    Error::Import(problem)
}

/// The column letters Excel shows: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

impl Table {
    /// Opens `path` by its extension: `.csv`, `.tsv`, `.txt` as delimited text; `.xlsx`,
    /// `.xlsm`, `.xls`, `.ods` as a workbook, reading `sheet` or else the first sheet.
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<Table> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !matches!(
            extension.as_str(),
            "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods"
        ) {
            return Err(problem(ImportProblem::Unsupported));
        }
        let bytes = read_regular_file(path)?;
        match extension.as_str() {
            "csv" | "tsv" | "txt" => Self::open_csv(bytes),
            _ => Self::open_workbook(&bytes, &extension, sheet),
        }
    }

    fn open_csv(bytes: Vec<u8>) -> Result<Table> {
        let decoded = decode(bytes)?;
        let delimiter = sniff_delimiter(&decoded.text);
        let records = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(std::io::Cursor::new(decoded.text.into_bytes()))
            .into_records();
        // A record is one spreadsheet row even when a quoted cell spans several lines.
        let rows = records.zip(1u32..).map(|(record, number)| {
            let record = record.map_err(|_| problem(ImportProblem::Unreadable))?;
            Ok(Row {
                number,
                cells: record
                    .iter()
                    .map(|field| match field {
                        "" => Cell::Empty,
                        text => Cell::Text(text.to_owned()),
                    })
                    .collect(),
            })
        });
        Self::from_rows(Box::new(rows), Vec::new(), None, Some(decoded.encoding))
    }

    fn open_workbook(bytes: &[u8], extension: &str, sheet: Option<&str>) -> Result<Table> {
        let cursor = Cursor::new(bytes);
        let opened = match extension {
            "xls" => Xls::new(cursor).map(Sheets::Xls).ok(),
            "ods" => Ods::new(cursor).map(Sheets::Ods).ok(),
            _ => Xlsx::new(cursor).map(Sheets::Xlsx).ok(),
        };
        let mut workbook = opened.ok_or_else(|| problem(ImportProblem::Unreadable))?;
        let sheets = workbook.sheet_names();
        let name = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
            Some(wanted) => sheets
                .iter()
                .find(|s| s.as_str() == wanted)
                .cloned()
                .ok_or_else(|| problem(ImportProblem::NoSheet))?,
            None => sheets
                .first()
                .cloned()
                .ok_or_else(|| problem(ImportProblem::Empty))?,
        };
        let range = workbook
            .worksheet_range(&name)
            .map_err(|_| problem(ImportProblem::Unreadable))?;
        let first_row = range.start().map_or(0, |(row, _)| row);
        let width = range.width();
        let cells: Vec<Cell> = range.cells().map(|(_, _, data)| cell_of(data)).collect();
        drop(range);
        // Owned rows, so the stream does not borrow the workbook.
        let mut cells = cells.into_iter();
        let rows = (first_row + 1..).map_while(move |number| {
            let row: Vec<Cell> = cells.by_ref().take(width).collect();
            (!row.is_empty()).then_some(Ok(Row { number, cells: row }))
        });
        Self::from_rows(Box::new(rows), sheets, Some(name), None)
    }

    /// Finds the header row among the first rows (the first with at least half as many filled
    /// cells as the widest, and at least two), then streams the rest without blank rows.
    fn from_rows(
        mut rows: RowStream,
        sheets: Vec<String>,
        sheet: Option<String>,
        encoding: Option<&'static str>,
    ) -> Result<Table> {
        let mut top: VecDeque<Row> = VecDeque::new();
        for row in rows.by_ref() {
            let row = row?;
            if !row.is_blank() {
                top.push_back(row);
            }
            if top.len() == HEADER_SEARCH_ROWS {
                break;
            }
        }
        let filled = |row: &Row| row.cells.iter().filter(|c| c.text().is_some()).count();
        let widest = top.iter().map(filled).max().unwrap_or(0);
        let header_at = top
            .iter()
            .position(|row| filled(row) >= 2.max(widest.div_ceil(2)))
            .ok_or_else(|| problem(ImportProblem::Empty))?;
        let header = top
            .drain(..=header_at)
            .next_back()
            .ok_or_else(|| problem(ImportProblem::Empty))?;
        let mut headers: Vec<String> = header
            .cells
            .iter()
            .enumerate()
            .map(|(index, cell)| {
                cell.text()
                    .map_or_else(|| column_letter(index), |t| t.trim().to_owned())
            })
            .collect();
        while headers.len() > 1
            && header
                .cells
                .get(headers.len() - 1)
                .is_none_or(|c| c.text().is_none())
        {
            headers.pop();
        }
        let rest = top.into_iter().map(Ok).chain(rows).filter(|row| match row {
            Ok(row) => !row.is_blank(),
            Err(_) => true,
        });
        Ok(Table {
            headers,
            sheets,
            sheet,
            encoding,
            rows: Box::new(rest),
        })
    }

    /// The data rows, read as they are consumed.
    pub fn rows(self) -> RowStream {
        self.rows
    }

    /// The headers, the first [`PREVIEW_ROWS`] rows as text and the number of data rows.
    pub fn preview(self, file_name: String) -> Result<Preview> {
        let width = self.headers.len();
        let mut preview = Preview {
            file_name,
            headers: self.headers,
            rows: Vec::new(),
            row_count: 0,
            sheets: self.sheets,
            sheet: self.sheet,
            encoding: self.encoding,
        };
        for row in self.rows {
            let row = row?;
            preview.row_count += 1;
            if preview.rows.len() < PREVIEW_ROWS {
                preview.rows.push(PreviewRow {
                    number: row.number,
                    cells: (0..width)
                        .map(|c| row.cell(c).text().unwrap_or_default())
                        .collect(),
                });
            }
        }
        Ok(preview)
    }
}

/// The whole file at `path`, if it is a regular file (not a folder, device or pipe, which are
/// refused before anything is read) of at most [`MAX_FILE_BYTES`]. The limit is checked before
/// reading and again while reading, so a file that grows meanwhile is still refused.
fn read_regular_file(path: &Path) -> Result<Vec<u8>> {
    // `metadata` follows links: a link to a regular file is read like the file.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(problem(ImportProblem::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(problem(ImportProblem::TooLarge));
    }
    let file = std::fs::File::open(path)?;
    // The file opened may not be the one looked at (it was replaced in between).
    if !file.metadata()?.is_file() {
        return Err(problem(ImportProblem::NotAFile));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(problem(ImportProblem::TooLarge));
    }
    Ok(bytes)
}

/// A workbook cell as a [`Cell`].
fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            Cell::Text(text.clone())
        }
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::Error(error) => Cell::Text(error.to_string()),
        Data::DateTime(date) if date.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
            let at = NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
                .zip(NaiveTime::from_hms_opt(
                    hour.into(),
                    minute.into(),
                    second.into(),
                ))
                .map(|(d, t)| d.and_time(t));
            match at {
                Some(at) => Cell::Date(LocalStamp {
                    at,
                    has_time: (hour, minute, second) != (0, 0, 0),
                }),
                None => Cell::Number(date.as_f64()),
            }
        }
        Data::DateTime(duration) => {
            from_serial(duration.as_f64()).map_or(Cell::Number(duration.as_f64()), Cell::Date)
        }
    }
}

#[cfg(test)]
mod tests;
