//! Verification's verdict on a valid complaint: whether it is justified, its cause, and where
//! the fault lies. Recorded when the case leaves verification (investigating → resolving) and
//! editable later only with a reason.

use serde::{Deserialize, Serialize};

use super::status::Status;
use super::text::required_reason;
use super::vocab::vocabulary;
use crate::error::{Error, Invalid, Result};

vocabulary! {
    /// Why a justified complaint arose.
    pub enum JustifiedCause {
        /// The branch was slow (a late delivery, a repair left waiting).
        ServiceDelay => "service_delay",
        /// Something of the customer's was damaged or lost.
        Damage => "damage",
        /// The customer was charged wrongly.
        BillingError => "billing_error",
        /// Staff behaved badly.
        StaffConduct => "staff_conduct",
        /// Anything else that was the customer's due.
        Other => "other",
    }
}

vocabulary! {
    /// Why a valid but unjustified complaint arose.
    pub enum UnjustifiedCause {
        /// The customer misunderstood a rule, a price or what happened.
        Misunderstanding => "misunderstanding",
        /// The customer asked for more than the service promises.
        UnreasonableExpectation => "unreasonable_expectation",
        /// The customer vented a bad mood.
        Mood => "mood",
        /// Anything else.
        Other => "other",
    }
}

vocabulary! {
    /// Where the fault lies.
    pub enum Fault {
        /// The branch itself.
        Branch => "branch",
        /// Another department of the company.
        OtherDepartment => "other_department",
        /// A third party (a contractor, a carrier, a utility).
        ThirdParty => "third_party",
        /// The customer.
        Customer => "customer",
    }
}

/// The verdict as the form sends it: `justified` yes/no, a cause code from the matching list,
/// and a fault code.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JudgementInput {
    /// Whether the complaint is justified; `None` when not chosen.
    pub justified: Option<bool>,
    /// A [`JustifiedCause`] or [`UnjustifiedCause`] code, matching `justified`.
    pub cause: String,
    /// A [`Fault`] code.
    pub fault: String,
}

/// A checked verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Judgement {
    /// Whether the complaint is justified.
    pub justified: bool,
    /// The cause code (from the list `justified` picks).
    pub cause: &'static str,
    /// Where the fault lies.
    pub fault: Fault,
}

impl JudgementInput {
    /// Checks the verdict: each part is required (fields `justified`, `judgementCause`,
    /// `fault`) and the cause must belong to the list for `justified`.
    pub fn parse(&self) -> Result<Judgement> {
        let justified = self
            .justified
            .ok_or_else(|| Error::invalid("justified", Invalid::Required))?;
        if self.cause.trim().is_empty() {
            return Err(Error::invalid("judgementCause", Invalid::Required));
        }
        let cause = if justified {
            JustifiedCause::parse("judgementCause", &self.cause)?.as_str()
        } else {
            UnjustifiedCause::parse("judgementCause", &self.cause)?.as_str()
        };
        if self.fault.trim().is_empty() {
            return Err(Error::invalid("fault", Invalid::Required));
        }
        let fault = Fault::parse("fault", &self.fault)?;
        Ok(Judgement {
            justified,
            cause,
            fault,
        })
    }
}

impl Judgement {
    /// Reads a stored verdict back; `None` when any part is missing or unknown.
    pub fn from_stored(
        justified: Option<bool>,
        cause: Option<&str>,
        fault: Option<&str>,
    ) -> Option<Judgement> {
        let input = JudgementInput {
            justified,
            cause: cause?.to_owned(),
            fault: fault?.to_owned(),
        };
        input.parse().ok()
    }

    /// A short stored form for the timeline: `justified/cause/fault`.
    pub fn summary(&self) -> String {
        let verdict = if self.justified {
            "justified"
        } else {
            "unjustified"
        };
        format!("{verdict}/{}/{}", self.cause, self.fault.as_str())
    }
}

/// Whether a move is the one that finds a case valid and so closes verification.
pub fn leaves_verification(from: Status, to: Status) -> bool {
    from == Status::Investigating && to == Status::Resolving
}

/// What a move needs of the verdict: leaving verification needs one, given with the move or
/// already stored. Returns the verdict to store with the move (`None` when nothing changes).
pub fn check_verification(
    from: Status,
    to: Status,
    stored: Option<Judgement>,
    given: Option<&JudgementInput>,
) -> Result<Option<Judgement>> {
    if !leaves_verification(from, to) {
        return Ok(None);
    }
    match (given, stored) {
        (Some(input), _) => input.parse().map(Some),
        (None, Some(_)) => Ok(None),
        (None, None) => Err(Error::invalid("justified", Invalid::Required)),
    }
}

/// Checks a later edit of the verdict: the case must not be voided, and changing a verdict
/// already recorded needs a reason (field `judgementReason`). Returns the verdict and the
/// cleaned reason (empty for a first verdict given without one).
pub fn check_judgement_edit(
    status: Status,
    stored: Option<Judgement>,
    input: &JudgementInput,
    reason: Option<&str>,
) -> Result<(Judgement, String)> {
    if status == Status::Invalid {
        return Err(Error::invalid("justified", Invalid::Choice));
    }
    let judgement = input.parse()?;
    let reason = match stored {
        Some(_) => required_reason("judgementReason", reason)?,
        None => reason.map(str::trim).unwrap_or_default().to_owned(),
    };
    Ok((judgement, reason))
}

#[cfg(test)]
mod tests;
