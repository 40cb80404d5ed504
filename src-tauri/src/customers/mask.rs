//! Customers' names, phones and references hidden from roles that may not see personal data,
//! on what the commands return, as case pages are (see `access::mask`).

use super::model::{CustomerDetail, CustomerMatch, CustomerPage, CustomerSummary};
use crate::export::mask;

/// Audit fields whose values are personal data.
const PERSONAL_FIELDS: &[&str] = &["created", "name", "phone", "reference"];

/// Masks one summary.
pub fn summary(customer: &mut CustomerSummary) {
    customer.name = mask::name(&customer.name);
    customer.phones.iter_mut().for_each(|p| *p = mask::phone(p));
    customer
        .references
        .iter_mut()
        .for_each(|r| *r = mask::name(r));
}

/// Masks every row of a list page.
pub fn page(page: &mut CustomerPage) {
    page.rows.iter_mut().for_each(summary);
}

/// Masks the records offered at intake.
pub fn matches(found: &mut CustomerMatch) {
    found
        .candidates
        .iter_mut()
        .for_each(|c| summary(&mut c.customer));
}

/// Masks a customer page: the record, its notes, its cases' names and personal audit values.
pub fn detail(detail: &mut CustomerDetail) {
    let full_name = detail.customer.name.clone();
    summary(&mut detail.customer);
    detail.notes = mask::description(&detail.notes, &full_name);
    for row in &mut detail.cases {
        row.complainant_name = mask::name(&row.complainant_name);
    }
    for line in &mut detail.audit {
        if PERSONAL_FIELDS.contains(&line.field.as_str()) {
            for value in [&mut line.old_value, &mut line.new_value] {
                if let Some(text) = value.as_mut() {
                    *text = if line.field == "phone" {
                        mask::phone(text)
                    } else {
                        mask::name(text)
                    };
                }
            }
        }
    }
}
