//! The case history report: the record the print sheet is drawn from, masked unless the
//! user asked for personal data and their role may see it. The webview never unmasks by itself:
//! what it prints is what this returns.

use chrono::Utc;
use serde::Serialize;
use tauri::State;

use super::AppState;
use crate::access::Permission;
use crate::cases::repo::detail::{CaseDetail, get_case as load_case};
use crate::error::Result;

/// A case as printed, and whether its personal data were masked (the sheet says which).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CasePrintRecord {
    /// The case page's record.
    #[serde(flatten)]
    pub detail: CaseDetail,
    /// Whether names, phones and numbers in free text were masked.
    pub personal_data_masked: bool,
}

/// Case `id` for printing: names, phones and the numbers written into its free text are
/// masked (the workbook's rules, `export::mask`) unless `include_personal` is ticked AND the
/// signed-in role may see personal data.
#[tauri::command]
pub async fn case_print_record(
    state: State<'_, AppState>,
    id: i64,
    include_personal: bool,
) -> Result<CasePrintRecord> {
    let actor = state.authorize(Permission::ReadCases)?;
    let mut detail = load_case(&state.pool()?, id, Utc::now()).await?;
    let masked = !shows_personal_data(
        include_personal,
        actor.role.allows(Permission::SeePersonalData),
    );
    if masked {
        crate::access::mask::case_detail(&mut detail);
    }
    Ok(CasePrintRecord {
        detail,
        personal_data_masked: masked,
    })
}

/// Whether a printed record shows personal data: only when asked for and allowed.
fn shows_personal_data(asked: bool, allowed: bool) -> bool {
    asked && allowed
}

#[cfg(test)]
mod tests {
    use super::shows_personal_data;

    #[test]
    fn personal_data_prints_only_when_asked_for_and_allowed() {
        assert!(shows_personal_data(true, true));
        assert!(!shows_personal_data(false, true));
        assert!(!shows_personal_data(true, false));
        assert!(!shows_personal_data(false, false));
    }
}
