//! Finding a branch category from the name a log gives it, in Chinese or English: exact, then
//! ignoring case and spacing, then by containment. Seeded categories go by their names in both
//! languages, as the UI's dictionaries give them (`export::labels`).

use std::collections::HashMap;

use crate::export::labels::seeded_category;
use crate::settings::{Category, Language};

/// How a category cell was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryMatch {
    /// One category: its id.
    Found(i64),
    /// No category has that name.
    Unknown,
    /// The name is part of several categories' names (or contains several).
    Ambiguous,
}

/// The branch's visible categories with every name each is known by, and a memo of cells
/// already matched (a log repeats a handful of category names thousands of times).
pub struct CategoryMatcher {
    names: Vec<(i64, Vec<String>)>,
    other: Option<i64>,
    memo: HashMap<String, CategoryMatch>,
}

/// Folds a name for the second pass: no spacing or punctuation, lower-case.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl CategoryMatcher {
    /// Builds the matcher over `categories`; hidden ones are left out, as on the intake form.
    pub fn new(categories: &[Category]) -> Self {
        let names: Vec<(i64, Vec<String>)> = categories
            .iter()
            .filter(|c| !c.hidden)
            .map(|c| {
                let mut names: Vec<String> = c.name.iter().cloned().collect();
                if let Some(key) = c.seed_key.as_deref() {
                    names.extend([
                        seeded_category(key, Language::En),
                        seeded_category(key, Language::ZhCn),
                    ]);
                }
                (c.id, names)
            })
            .collect();
        let other = categories
            .iter()
            .find(|c| !c.hidden && c.seed_key.as_deref() == Some("other") && c.name.is_none())
            .map(|c| c.id)
            .or_else(|| {
                names
                    .iter()
                    .find(|(_, n)| n.iter().any(|n| n == "其他" || fold(n) == "other"))
                    .map(|(id, _)| *id)
            });
        CategoryMatcher {
            names,
            other,
            memo: HashMap::new(),
        }
    }

    /// The category "other", where unknown names go when the user chose that.
    pub fn other(&self) -> Option<i64> {
        self.other
    }

    /// Matches a cell's text.
    pub fn find(&mut self, text: &str) -> CategoryMatch {
        let text = text.trim();
        if let Some(found) = self.memo.get(text) {
            return *found;
        }
        let found = self.search(text);
        self.memo.insert(text.to_owned(), found);
        found
    }

    fn search(&self, text: &str) -> CategoryMatch {
        let folded = fold(text);
        if folded.is_empty() {
            return CategoryMatch::Unknown;
        }
        let passes: [&dyn Fn(&str) -> bool; 3] = [
            &|name| name.trim() == text,
            &|name| fold(name) == folded,
            &|name| {
                let name = fold(name);
                !name.is_empty() && (name.contains(&folded) || folded.contains(&name))
            },
        ];
        for matches in passes {
            let mut ids: Vec<i64> = self
                .names
                .iter()
                .filter(|(_, names)| names.iter().any(|n| matches(n)))
                .map(|(id, _)| *id)
                .collect();
            ids.dedup();
            match ids.as_slice() {
                [] => continue,
                [id] => return CategoryMatch::Found(*id),
                _ => return CategoryMatch::Ambiguous,
            }
        }
        CategoryMatch::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: i64, seed: Option<&str>, name: Option<&str>, hidden: bool) -> Category {
        Category {
            id,
            seed_key: seed.map(str::to_owned),
            name: name.map(str::to_owned),
            position: id,
            hidden,
        }
    }

    fn matcher() -> CategoryMatcher {
        CategoryMatcher::new(&[
            category(1, Some("property_fees"), None, false),
            category(2, Some("repairs"), None, false),
            category(3, Some("shared_facilities"), None, false),
            category(4, Some("parking"), Some("车位与停车"), false),
            category(5, None, Some("Lift breakdown"), false),
            category(6, Some("noise"), None, true),
            category(7, Some("facilities"), None, false),
            category(8, Some("other"), None, false),
        ])
    }

    #[test]
    fn names_match_exactly_in_either_language_then_ignoring_case() {
        let mut m = matcher();
        assert_eq!(m.find("物业费"), CategoryMatch::Found(1));
        assert_eq!(m.find("Property fees"), CategoryMatch::Found(1));
        assert_eq!(m.find(" property FEES "), CategoryMatch::Found(1));
        assert_eq!(m.find("lift-breakdown"), CategoryMatch::Found(5));
        assert_eq!(m.find("车位与停车"), CategoryMatch::Found(4));
        // A renamed seeded category still answers to its dictionary names.
        assert_eq!(m.find("停车"), CategoryMatch::Found(4));
        assert_eq!(m.find("Other"), CategoryMatch::Found(8));
    }

    #[test]
    fn then_by_containment_and_only_when_it_is_unique() {
        let mut m = matcher();
        assert_eq!(m.find("物业费催缴"), CategoryMatch::Found(1));
        assert_eq!(m.find("维修"), CategoryMatch::Found(2));
        // "设施" is part of both "公共设施" and "设施设备".
        assert_eq!(m.find("设施"), CategoryMatch::Ambiguous);
        assert_eq!(m.find("绿化"), CategoryMatch::Unknown);
        assert_eq!(m.find("  "), CategoryMatch::Unknown);
    }

    #[test]
    fn hidden_categories_are_not_offered() {
        let mut m = matcher();
        assert_eq!(m.find("噪音"), CategoryMatch::Unknown);
        assert_eq!(m.other(), Some(8));
        let without_other = CategoryMatcher::new(&[category(1, Some("other"), None, true)]);
        assert_eq!(without_other.other(), None);
    }
}
