//! Category names for a workbook. Ids differ from branch to branch, so what leaves the branch is
//! a key: the seed key of a category still called by its default name (translated on the
//! group's side), or the user's own name for it.

use std::collections::HashMap;

use sqlx::SqlitePool;

use super::labels;
use crate::error::Result;
use crate::settings::{Category, Language, repo::list_categories};

const SEED: &str = "seed:";
const NAME: &str = "name:";

/// The branch's categories by id.
#[derive(Debug, Clone, Default)]
pub struct CategoryNames(HashMap<i64, Category>);

impl CategoryNames {
    /// From a list of categories.
    pub fn new(categories: Vec<Category>) -> Self {
        CategoryNames(categories.into_iter().map(|c| (c.id, c)).collect())
    }

    /// The branch's categories, hidden ones included (old cases may use them).
    pub async fn load(pool: &SqlitePool) -> Result<Self> {
        Ok(Self::new(list_categories(pool).await?))
    }

    /// The category's key as the data sheet stores it: `seed:<key>` or `name:<name>`.
    pub fn key(&self, id: i64) -> String {
        match self.0.get(&id) {
            Some(Category {
                name: Some(name), ..
            }) => format!("{NAME}{name}"),
            Some(Category {
                seed_key: Some(seed),
                ..
            }) => format!("{SEED}{seed}"),
            _ => format!("{NAME}#{id}"),
        }
    }

    /// The category's name as the branch sees it, in `lang`.
    pub fn label(&self, id: i64, lang: Language) -> String {
        label_of_key(&self.key(id), lang)
    }
}

/// The name to show for a category key, in `lang`.
pub fn label_of_key(key: &str, lang: Language) -> String {
    if let Some(seed) = key.strip_prefix(SEED) {
        labels::seeded_category(seed, lang)
    } else {
        key.strip_prefix(NAME).unwrap_or(key).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: i64, seed_key: Option<&str>, name: Option<&str>) -> Category {
        Category {
            id,
            seed_key: seed_key.map(str::to_owned),
            name: name.map(str::to_owned),
            position: id,
            hidden: false,
        }
    }

    #[test]
    fn seeded_categories_travel_by_seed_key_and_renamed_ones_by_name() {
        let names = CategoryNames::new(vec![
            category(1, Some("parking"), None),
            category(2, Some("noise"), Some("夜间施工噪音")),
            category(3, None, Some("=HYPERLINK(\"x\")")),
        ]);
        assert_eq!(names.key(1), "seed:parking");
        assert_eq!(names.label(1, Language::En), "Parking");
        assert_eq!(names.label(1, Language::ZhCn), "停车");
        assert_eq!(names.key(2), "name:夜间施工噪音");
        assert_eq!(names.label(2, Language::En), "夜间施工噪音");
        assert_eq!(names.label(3, Language::En), "=HYPERLINK(\"x\")");
        assert_eq!(names.key(9), "name:#9");
    }
}
