//! Head office's roll-up: reads many branches' monthly workbooks (their hidden data sheets),
//! refuses any that is not one, is of another month or repeats a branch, and writes the group
//! workbook.

pub mod group;
pub mod sheet;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};
use serde::Serialize;

use super::data::{self, BranchData, DATA_SHEET, ReadError};
use super::destination::Destination;
use crate::error::{Error, Refusal, Result};
use crate::settings::Language;
use crate::stats::glossary::glossary;
use crate::stats::report::Month;
pub use sheet::GroupInput;

/// A branch included in a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RollupBranch {
    /// Branch code.
    pub code: String,
    /// Branch name.
    pub name: String,
    /// The workbook it came from (file name only).
    pub file: String,
}

/// What the UI shows after a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RollupSummary {
    /// The month rolled up.
    pub month: Month,
    /// The branches, ranked best first.
    pub branches: Vec<RollupBranch>,
    /// Where the group workbook was written.
    pub out: PathBuf,
}

/// The file's name for messages: never its folder.
fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn refuse(path: &Path, reason: Refusal) -> Error {
    Error::Workbook {
        file: display_name(path),
        reason,
    }
}

/// Reads one branch workbook's data sheet, or says why the file is not one.
pub fn read_branch_workbook(path: &Path) -> Result<BranchData> {
    let bytes = std::fs::read(path).map_err(|_| refuse(path, Refusal::Unreadable))?;
    let mut workbook =
        Xlsx::new(Cursor::new(bytes)).map_err(|_| refuse(path, Refusal::NotBranchDesk))?;
    let range = workbook
        .worksheet_range(DATA_SHEET)
        .map_err(|_| refuse(path, Refusal::NotBranchDesk))?;
    data::read(&range).map_err(|e| match e {
        ReadError::Invalid => refuse(path, Refusal::NotBranchDesk),
        ReadError::Newer => refuse(path, Refusal::NewerVersion),
    })
}

/// Reads every workbook, in the order given. All must be of one month (`month` when given,
/// else the first file's) and of different branches; the first file that breaks a rule is
/// named in the error.
pub fn read_all(paths: &[PathBuf], month: Option<Month>) -> Result<Vec<(BranchData, String)>> {
    let mut read: Vec<(BranchData, String)> = Vec::with_capacity(paths.len());
    let mut expected = month;
    for path in paths {
        let branch = read_branch_workbook(path)?;
        if *expected.get_or_insert(branch.month) != branch.month {
            return Err(refuse(path, Refusal::OtherMonth));
        }
        if read.iter().any(|(b, _)| b.code == branch.code) {
            return Err(refuse(path, Refusal::DuplicateBranch));
        }
        read.push((branch, display_name(path)));
    }
    Ok(read)
}

/// Rolls up the branch workbooks at `paths` into a group workbook at the checked `out`
/// (written all or nothing) in `lang`. With `month`, every workbook must be of that month; without, of the
/// first one's. Refusals name the file (see [`read_all`]).
pub fn rollup(
    paths: &[PathBuf],
    out: &Destination,
    month: Option<Month>,
    lang: Language,
) -> Result<RollupSummary> {
    if paths.is_empty() {
        return Err(Error::invalid("files", crate::error::Invalid::Required));
    }
    let read = read_all(paths, month)?;
    let month = read
        .first()
        .map(|(b, _)| b.month)
        .or(month)
        .ok_or(Error::NotFound)?;
    let files: Vec<(String, String)> = read
        .iter()
        .map(|(b, f)| (b.code.clone(), f.clone()))
        .collect();
    let branches = rollup_branches(read.into_iter().map(|(b, _)| b).collect(), month, lang, out)?;
    Ok(RollupSummary {
        month,
        branches: branches
            .iter()
            .map(|b| RollupBranch {
                code: b.code.clone(),
                name: b.name.clone(),
                file: files
                    .iter()
                    .find(|(code, _)| *code == b.code)
                    .map(|(_, f)| f.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        out: out.chosen().to_path_buf(),
    })
}

/// Ranks `branches` (their months' figures, however they were read) and writes the group
/// workbook of `month` to `out`; returns them ranked, best first. The roll-up of files and
/// group mode's report from the server both end here, so the workbook is the same.
pub fn rollup_branches(
    mut branches: Vec<BranchData>,
    month: Month,
    lang: Language,
    out: &Destination,
) -> Result<Vec<BranchData>> {
    group::rank(&mut branches);
    let input = GroupInput {
        branches: &branches,
        month,
        glossary: &glossary(lang),
        lang,
        made_at: chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(),
    };
    out.write(&sheet::build(&input)?)?;
    Ok(branches)
}
