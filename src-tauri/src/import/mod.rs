//! Importing an existing complaint log from a spreadsheet (CSV in UTF-8, GBK/GB18030 or
//! UTF-16; XLSX, XLS or ODS): a preview, a mapping from columns to case fields (suggested from
//! the headers, remembered per set of headers), a dry run that checks every row with the
//! intake rules, and an all-or-nothing import through the normal case numbering.

pub mod categories;
pub mod convert;
pub mod dates;
pub mod decode;
pub mod fields;
pub mod run;
pub mod source;
pub mod words;

pub use convert::{ImportOptions, RowProblem};
pub use fields::{Mapping, TargetField};
pub use run::{ImportReport, Imported, Opened, TimeRead, dry_run, import_file, open};
pub use source::{Preview, Table};

/// Why a file cannot be imported at all (as opposed to a row that cannot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportProblem {
    /// Not a kind of file we read (by its extension).
    Unsupported,
    /// The file is damaged or not what its extension says.
    Unreadable,
    /// No header row: the file or sheet is empty.
    Empty,
    /// The workbook has no sheet of that name.
    NoSheet,
    /// The file is larger than any complaint log.
    TooLarge,
    /// Not a regular file: a folder, a device or a pipe (refused before reading).
    NotAFile,
    /// A mapping file that is not a JSON object of field codes to column names.
    BadMapping,
    /// Some rows break the rules, so nothing was imported.
    BadRows,
}

impl ImportProblem {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            ImportProblem::Unsupported => "import.unsupported",
            ImportProblem::Unreadable => "import.unreadable",
            ImportProblem::Empty => "import.empty",
            ImportProblem::NoSheet => "import.no_sheet",
            ImportProblem::TooLarge => "import.too_large",
            ImportProblem::NotAFile => "import.not_a_file",
            ImportProblem::BadMapping => "import.bad_mapping",
            ImportProblem::BadRows => "import.bad_rows",
        }
    }
}
