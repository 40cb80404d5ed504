//! The demo cases themselves, one after the other in order of receipt: who, how, what, which
//! grade and how far along. Pure: the same seed, time and branch give the same cases.

use chrono::{DateTime, Datelike, Months, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};

use super::lifecycle::{Facts, Lifecycle, lifecycle};
use super::phrases::{self, GRADE_LOWERED, half, say};
use super::rng::Rng;
use super::text::{self, Customer};
use crate::cases::intake::ValidIntake;
use crate::cases::repo::BranchContext;
use crate::cases::{Channel, CustomerType, Grade, GradingFacts, Status, suggest_grade};
use crate::error::Result;
use crate::settings::Industry;

/// The branch's vocabulary the demo draws from.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The branch's industry: it picks the phrases and references.
    pub industry: Industry,
    /// Visible categories: id and seed key (`None` for ones the user added).
    pub categories: Vec<(i64, Option<String>)>,
    /// Active staff ids, for who took and who handles each case.
    pub staff: Vec<i64>,
}

/// One demo case, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCase {
    /// The intake fields.
    pub intake: ValidIntake,
    /// The grade the rules give from the case's flags.
    pub suggested_grade: u8,
    /// The grade chosen.
    pub grade: u8,
    /// When it was typed in, a few minutes after receipt.
    pub recorded_at: DateTime<Utc>,
    /// Where it stands now.
    pub life: Lifecycle,
}

/// Relative busyness of each local hour: office hours, a lunch dip, quiet nights.
const HOUR_WEIGHTS: [u32; 24] = [
    1, 1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 13, 10, 11, 13, 13, 12, 10, 8, 6, 5, 4, 2, 1,
];

const CHANNEL_WEIGHTS: [(Channel, u32); 10] = [
    (Channel::Phone, 340),
    (Channel::Letter, 30),
    (Channel::WalkIn, 240),
    (Channel::EmailOnline, 100),
    (Channel::OwnApp, 140),
    (Channel::HeadOffice, 60),
    (Channel::Association, 20),
    (Channel::ConsumerAssociation, 30),
    (Channel::Lawyer, 10),
    (Channel::Media, 10),
];

const CUSTOMER_WEIGHTS: [(CustomerType, u32); 5] = [
    (CustomerType::Passive, 20),
    (CustomerType::Talker, 18),
    (CustomerType::Angry, 24),
    (CustomerType::Activist, 5),
    (CustomerType::Unknown, 33),
];

/// Hands out demo cases in order of receipt.
pub struct Planner {
    rng: Rng,
    times: std::vec::IntoIter<DateTime<Utc>>,
    now: DateTime<Utc>,
    ctx: BranchContext,
    catalog: Catalog,
    category_weights: Vec<u32>,
    /// Recent customers, some of whom complain again.
    regulars: Vec<Customer>,
}

impl Planner {
    /// Plans `count` cases received over the `months` months up to `now`.
    pub fn new(
        seed: u64,
        count: usize,
        months: u32,
        now: DateTime<Utc>,
        ctx: BranchContext,
        catalog: Catalog,
    ) -> Self {
        let mut rng = Rng::new(seed);
        let mut times = received_times(&mut rng, count, months, now, ctx.tz);
        times.sort_unstable();
        let category_weights = catalog
            .categories
            .iter()
            .map(|(_, key)| phrases::topic(catalog.industry, key.as_deref()).weight)
            .collect();
        Planner {
            rng,
            times: times.into_iter(),
            now,
            ctx,
            catalog,
            category_weights,
            regulars: Vec::new(),
        }
    }

    fn customer(&mut self, channel: Channel) -> Customer {
        if !self.regulars.is_empty() && self.rng.chance(0.06) {
            return self.rng.pick(&self.regulars).clone();
        }
        let english = self.rng.chance(0.22);
        let kind = phrases::reference_kind(self.catalog.industry);
        let customer = text::customer(&mut self.rng, kind, channel, english);
        if self.regulars.len() < 300 {
            self.regulars.push(customer.clone());
        } else {
            let slot = self.rng.below(300) as usize;
            self.regulars[slot] = customer.clone();
        }
        customer
    }

    fn staff(&mut self) -> Option<i64> {
        (!self.catalog.staff.is_empty()).then(|| *self.rng.pick(&self.catalog.staff))
    }

    fn case(&mut self, received_at: DateTime<Utc>) -> Result<PlannedCase> {
        let rng = &mut self.rng;
        let channel = rng.weighted_pick(&CHANNEL_WEIGHTS);
        let customer_type = if channel.is_escalated() && rng.chance(0.35) {
            CustomerType::Activist
        } else {
            rng.weighted_pick(&CUSTOMER_WEIGHTS)
        };
        let (category_id, key) = &self.catalog.categories[rng.weighted(&self.category_weights)];
        let category_id = *category_id;
        let topic = phrases::topic(self.catalog.industry, key.as_deref());
        let activist = customer_type == CustomerType::Activist;
        let media = rng.chance(match channel {
            Channel::Media => 0.6,
            _ if activist => 0.06,
            _ => 0.003,
        });
        let lawsuit = rng.chance(match channel {
            Channel::Lawyer => 0.8,
            Channel::ConsumerAssociation => 0.1,
            _ if activist => 0.05,
            _ => 0.005,
        });
        let group = if self.catalog.industry == Industry::Property {
            1.0
        } else {
            0.3
        };
        let households = match rng.unit() {
            x if x < 0.004 * group => rng.range(10, 60),
            x if x < 0.034 * group => rng.range(3, 9),
            _ => 1,
        } as u32;
        let needs_other_departments = rng.chance(0.09);
        let suggested = suggest_grade(&GradingFacts {
            media_exposure_risk: media,
            lawsuit_risk: lawsuit,
            households,
            has_supporting_departments: needs_other_departments,
            channel: Some(channel),
            ..GradingFacts::default()
        })
        .grade
        .get();
        // Mostly the suggestion; sometimes raised; rarely lowered, which needs a reason.
        let (grade, lowered) = match rng.below(100) {
            0..=4 if suggested > 1 => (suggested - 1, false),
            5..=7 if suggested < 4 => (suggested + 1, true),
            _ => (suggested, false),
        };
        let customer = self.customer(channel);
        let english = customer.english;
        let rng = &mut self.rng;
        let grade_reason = lowered.then(|| say(rng, GRADE_LOWERED, english).to_owned());
        let description = text::description(rng, topic, channel, customer_type, english);
        let customer_request = text::request(rng, topic, english);
        let limit = self.ctx.limit(grade)?;
        let life = lifecycle(
            rng,
            &Facts {
                received_at,
                now: self.now,
                tz: self.ctx.tz,
                limit: &limit,
                grade,
                cause: topic.cause,
                english,
            },
        );
        let recorded_at = (received_at + TimeDelta::seconds(rng.range(20, 240))).min(self.now);
        let taken_by_id = self.staff();
        // A new case may still wait for someone to take it on.
        let assignee_id = if life.status == Status::New && self.rng.chance(0.4) {
            None
        } else {
            self.staff()
        };
        Ok(PlannedCase {
            intake: ValidIntake {
                received_at,
                channel,
                complainant_name: customer.name,
                phone: customer.phone,
                reference: customer.reference,
                customer_type,
                category_id,
                description,
                customer_request,
                taken_by_id,
                assignee_id,
                department: half(topic.department, english).to_owned(),
                media_exposure_risk: media,
                lawsuit_risk: lawsuit,
                households,
                needs_other_departments,
                grade: Grade::from_number("grade", i64::from(grade)).ok(),
                grade_reason,
            },
            suggested_grade: suggested,
            grade,
            recorded_at,
            life,
        })
    }
}

impl Iterator for Planner {
    type Item = Result<PlannedCase>;

    fn next(&mut self) -> Option<Self::Item> {
        let received_at = self.times.next()?;
        Some(self.case(received_at))
    }
}

/// `count` receipt times between `now` minus `months` and `now`, busier on weekdays and in
/// office hours of the branch's zone.
fn received_times(
    rng: &mut Rng,
    count: usize,
    months: u32,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Vec<DateTime<Utc>> {
    let local_now = now.with_timezone(&tz);
    let start = local_now
        .checked_sub_months(Months::new(months.max(1)))
        .map_or(now - TimeDelta::days(30 * i64::from(months)), |t| {
            t.with_timezone(&Utc)
        });
    let first_day = start.with_timezone(&tz).date_naive();
    let days = (local_now.date_naive() - first_day).num_days().max(0) as u64 + 1;
    let mut times = Vec::with_capacity(count);
    while times.len() < count {
        let day = first_day + TimeDelta::days(rng.below(days) as i64);
        let busy = match day.weekday() {
            Weekday::Sat => 6,
            Weekday::Sun => 5,
            _ => 10,
        };
        if rng.below(10) >= busy {
            continue;
        }
        let hour = rng.weighted(&HOUR_WEIGHTS) as u32;
        let second = rng.below(3600) as u32;
        let time = NaiveTime::from_hms_opt(hour, second / 60, second % 60).unwrap_or_default();
        let Some(local) = tz.from_local_datetime(&day.and_time(time)).earliest() else {
            continue; // a time skipped by a daylight-saving jump
        };
        let instant = local.with_timezone(&Utc);
        if instant >= start && instant <= now {
            times.push(instant);
        }
    }
    times
}

#[cfg(test)]
mod tests;
