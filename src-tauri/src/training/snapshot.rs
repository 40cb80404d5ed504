//! The training state of the branch at one instant, as plain data: which modules (in the
//! version then in force), who worked there, what was assigned, and each person's latest
//! sign-off per item. The matrix, a person's page, the module completion and the monthly
//! figure are all read from it, so they can never disagree.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::model::{Cell, cell, signoff_valid};

/// A module in the version in force.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleAt {
    /// Module id.
    pub id: i64,
    /// Refresher interval in months.
    pub refresher_months: Option<u32>,
    /// The items: (item id, lineage id), in order.
    pub items: Vec<(i64, i64)>,
}

/// A person as the matrix sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonAt {
    /// Staff id.
    pub id: i64,
    /// Position (job title); empty when none.
    pub position: String,
}

/// Everything the matrix needs at one instant.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The local day of the instant.
    pub today: NaiveDate,
    /// Modules not retired, in curriculum order.
    pub modules: Vec<ModuleAt>,
    /// (module, staff) assigned to one person.
    pub to_people: HashSet<(i64, i64)>,
    /// (module, position) assigned to a position.
    pub to_positions: HashSet<(i64, String)>,
    /// Latest sign-off day per (staff, lineage), on or before `today`.
    pub latest: HashMap<(i64, i64), NaiveDate>,
}

impl Snapshot {
    /// Whether `module` is assigned to `person`, directly or through their position.
    pub fn assigned(&self, module: &ModuleAt, person: &PersonAt) -> bool {
        self.to_people.contains(&(module.id, person.id))
            || (!person.position.is_empty()
                && self
                    .to_positions
                    .contains(&(module.id, person.position.clone())))
    }

    /// The person's latest sign-off per item of the module.
    pub fn latest_signoffs(&self, module: &ModuleAt, person: &PersonAt) -> Vec<Option<NaiveDate>> {
        module
            .items
            .iter()
            .map(|(_, lineage)| self.latest.get(&(person.id, *lineage)).copied())
            .collect()
    }

    /// The matrix cell of `person` on `module`.
    pub fn cell(&self, module: &ModuleAt, person: &PersonAt) -> Cell {
        cell(
            self.assigned(module, person),
            &self.latest_signoffs(module, person),
            module.refresher_months,
            self.today,
        )
    }

    /// Items signed off and still valid, and items assigned, over every assigned cell of
    /// `people` (the monthly report's training completion).
    pub fn item_completion(&self, people: &[PersonAt]) -> (i64, i64) {
        let (mut done, mut due) = (0, 0);
        for person in people {
            for module in self.modules.iter().filter(|m| self.assigned(m, person)) {
                due += module.items.len() as i64;
                done += self
                    .latest_signoffs(module, person)
                    .into_iter()
                    .flatten()
                    .filter(|&day| signoff_valid(day, module.refresher_months, self.today))
                    .count() as i64;
            }
        }
        (done, due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::model::CellStatus;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn assignment_by_position_covers_everyone_in_it_and_cells_follow_sign_offs() {
        let module = ModuleAt {
            id: 1,
            refresher_months: Some(12),
            items: vec![(10, 10), (11, 11)],
        };
        let clerk = PersonAt {
            id: 5,
            position: "前台".into(),
        };
        let newcomer = PersonAt {
            id: 6,
            position: "前台".into(),
        };
        let guard = PersonAt {
            id: 7,
            position: String::new(),
        };
        let mut snap = Snapshot {
            today: day(2025, 6, 30),
            modules: vec![module.clone()],
            ..Default::default()
        };
        snap.to_positions.insert((1, "前台".into()));
        snap.to_positions.insert((1, String::new()));
        snap.latest.insert((5, 10), day(2024, 6, 1));
        snap.latest.insert((5, 11), day(2025, 6, 1));
        assert_eq!(snap.cell(&module, &clerk).status, CellStatus::Overdue);
        assert_eq!(snap.cell(&module, &newcomer).status, CellStatus::Assigned);
        assert_eq!(
            snap.cell(&module, &guard).status,
            CellStatus::NotAssigned,
            "a blank position is not a position"
        );
        // One of the clerk's two items has lapsed; the newcomer has none.
        assert_eq!(snap.item_completion(&[clerk, newcomer, guard]), (1, 4));
    }
}
