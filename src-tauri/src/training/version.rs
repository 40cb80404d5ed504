//! Versioning of a module: what a trainer's edit becomes. An edit never changes a stored
//! version; when anything differs, the repo writes the planned texts as a new version.

/// Text in both languages. Seeded rows differ per language; a trainer's text is the same in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

impl Texts {
    /// Text as a trainer typed it: the same in both languages.
    pub fn typed(text: &str) -> Texts {
        Texts {
            en: text.to_owned(),
            zh: text.to_owned(),
        }
    }

    /// The stored texts when the trainer submits `typed` for them: unchanged (both languages
    /// kept) when it is the text they saw in either language, otherwise the typed text.
    pub fn edited(&self, typed: &str) -> Texts {
        if typed == self.en || typed == self.zh {
            self.clone()
        } else {
            Texts::typed(typed)
        }
    }
}

/// An item as it stands in a version: its lineage (stable across versions) and texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionItem {
    /// The id of the item's first appearance; `None` for an item new in this edit.
    pub lineage: Option<i64>,
    /// Its texts.
    pub texts: Texts,
}

/// An item in a trainer's edit: which existing item it continues (if any) and the text typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditedItem {
    /// The lineage of the item it continues; `None` for a new item.
    pub lineage: Option<i64>,
    /// The text as typed.
    pub text: String,
}

/// The items of the next version, in the edit's order. An item naming a lineage the current
/// version lacks is treated as new (it was retired meanwhile, or never existed). Items left out
/// of the edit are retired: they no longer count, but sign-offs on them stay in the history.
pub fn plan_items(current: &[VersionItem], edit: &[EditedItem]) -> Vec<VersionItem> {
    edit.iter()
        .map(|item| {
            let known = item
                .lineage
                .and_then(|lineage| current.iter().find(|c| c.lineage == Some(lineage)));
            match known {
                Some(existing) => VersionItem {
                    lineage: existing.lineage,
                    texts: existing.texts.edited(&item.text),
                },
                None => VersionItem {
                    lineage: None,
                    texts: Texts::typed(&item.text),
                },
            }
        })
        .collect()
}

/// Whether the planned title and items differ from the current version (if not, no new
/// version is written).
pub fn changed(
    current_title: &Texts,
    current: &[VersionItem],
    title: &Texts,
    planned: &[VersionItem],
) -> bool {
    current_title != title || current != planned
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded(lineage: i64, en: &str, zh: &str) -> VersionItem {
        VersionItem {
            lineage: Some(lineage),
            texts: Texts {
                en: en.into(),
                zh: zh.into(),
            },
        }
    }

    fn edit(lineage: Option<i64>, text: &str) -> EditedItem {
        EditedItem {
            lineage,
            text: text.into(),
        }
    }

    #[test]
    fn untouched_items_keep_both_languages_and_nothing_changes() {
        let current = vec![seeded(1, "Listen", "倾听"), seeded(2, "Apologise", "致歉")];
        let planned = plan_items(
            &current,
            &[edit(Some(1), "倾听"), edit(Some(2), "Apologise")],
        );
        assert_eq!(planned, current);
        let title = Texts {
            en: "T".into(),
            zh: "题".into(),
        };
        assert!(!changed(&title, &current, &title.edited("题"), &planned));
    }

    #[test]
    fn edits_reorders_additions_and_retirements_make_a_new_plan() {
        let current = vec![seeded(1, "Listen", "倾听"), seeded(2, "Apologise", "致歉")];
        let planned = plan_items(
            &current,
            &[
                edit(Some(2), "Apologise sincerely"),
                edit(None, "Thank"),
                edit(Some(9), "Old"),
            ],
        );
        assert_eq!(planned[0].lineage, Some(2), "a typo fix keeps the lineage");
        assert_eq!(planned[0].texts, Texts::typed("Apologise sincerely"));
        assert_eq!(planned[1].lineage, None);
        assert_eq!(planned[2].lineage, None, "an unknown lineage is a new item");
        assert_eq!(planned.len(), 3, "item 1 was left out: retired");
        let title = Texts::typed("T");
        assert!(changed(&title, &current, &title, &planned));
        let reordered = plan_items(&current, &[edit(Some(2), "致歉"), edit(Some(1), "倾听")]);
        assert!(changed(&title, &current, &title, &reordered));
    }
}
