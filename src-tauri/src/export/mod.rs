//! Excel workbooks for head office: a branch's month (summary, breakdowns, cases, glossary and
//! a hidden machine-readable data sheet) and the group roll-up that reads many of them back.

pub mod breakdowns;
pub mod cases;
pub mod categories;
pub mod data;
pub mod labels;
pub mod mask;
pub mod rollup;
pub mod style;
pub mod summary;
pub mod texts;
pub mod workbook;

use std::io::Write;
use std::path::Path;

use crate::error::Result;
use crate::stats::report::Month;

pub use data::{BranchData, DATA_SHEET};
pub use workbook::{GlossaryEntry, WorkbookInput};

/// The file name head office expects: `<BRANCHCODE>_<YYYY-MM>_complaints.xlsx`.
pub fn file_name(branch_code: &str, month: Month) -> String {
    format!(
        "{}_{}_complaints.xlsx",
        branch_code.to_ascii_uppercase(),
        data::month_text(month)
    )
}

/// Writes `bytes` to `path` all or nothing: into a temporary file in the same folder, flushed
/// to disk, then renamed over `path`. A failed or interrupted export never leaves half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".branchdesk-")
        .suffix(".xlsx.part")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_code_and_month() {
        let month = Month {
            year: 2026,
            month: 3,
        };
        assert_eq!(file_name("sh01", month), "SH01_2026-03_complaints.xlsx");
    }

    #[test]
    fn atomic_writes_replace_the_whole_file_and_leave_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.xlsx");
        std::fs::write(&path, b"old contents that are longer").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
        let missing = dir.path().join("no-such-folder").join("x.xlsx");
        assert!(write_atomically(&missing, b"x").is_err());
        assert!(!missing.exists());
    }
}
