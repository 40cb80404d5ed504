//! Complainants' names and phones hidden from roles that may not see them, on what the
//! commands return (lists, case pages), so the webview never receives them in full.

use crate::cases::repo::detail::CaseDetail;
use crate::cases::repo::list::{CasePage, CaseRow};
use crate::export::mask;

/// Audit and timeline fields that hold a complainant's name or phone.
const PERSONAL_FIELDS: &[&str] = &["complainant_name", "complainantName", "phone"];

fn mask_row(row: &mut CaseRow) {
    row.complainant_name = mask::name(&row.complainant_name);
}

/// Masks every row of a list page.
pub fn case_page(page: &mut CasePage) {
    page.rows.iter_mut().for_each(mask_row);
}

fn mask_value(field: &str, value: &mut Option<String>) {
    if let Some(text) = value.as_mut() {
        *text = if field == "phone" {
            mask::phone(text)
        } else {
            mask::name(text)
        };
    }
}

/// Masks a case page: the name and phone, the description and request (free text customers
/// write their numbers into), the customer's other cases and audit lines of those fields.
pub fn case_detail(detail: &mut CaseDetail) {
    use serde_json::Value;
    let name = detail
        .fields
        .get("complainantName")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if let Some(Value::String(phone)) = detail.fields.get_mut("phone") {
        *phone = mask::phone(phone);
    }
    if let Some(Value::String(full)) = detail.fields.get_mut("complainantName") {
        *full = mask::name(full);
    }
    for key in ["description", "customerRequest", "followUpComment"] {
        if let Some(Value::String(text)) = detail.fields.get_mut(key) {
            *text = mask::description(text, &name);
        }
    }
    for entry in &mut detail.timeline {
        entry.body = mask::description(&entry.body, &name);
    }
    for entry in &mut detail.audit {
        if PERSONAL_FIELDS.contains(&entry.field.as_str()) {
            mask_value(&entry.field, &mut entry.old_value);
            mask_value(&entry.field, &mut entry.new_value);
        } else {
            for value in [&mut entry.old_value, &mut entry.new_value] {
                if let Some(text) = value.as_mut() {
                    *text = mask::description(text, &name);
                }
            }
        }
    }
    detail.history.cases.iter_mut().for_each(mask_row);
}
