//! Why a case matched a search: the first searched field that holds a query term, cut to a
//! short window around the first hit, split into plain and matched parts. The window builds
//! it from text nodes and `<mark>` elements, so nothing in a complaint is read as markup, and
//! parts (not offsets) mean no disagreement between Rust's and JavaScript's string indexes.

use serde::Serialize;

/// Characters of context kept before the first hit.
const LEAD: usize = 16;
/// Longest snippet, in characters.
const WIDTH: usize = 72;

/// A piece of a snippet: matched (`hit`) or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    /// The text, shown as text.
    pub text: String,
    /// Whether it is one of the searched words.
    pub hit: bool,
}

/// The matched field (`description`, `complainantName`, `reference`, `phone` or `number`) and
/// the snippet of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// Which field matched, as the UI names it.
    pub field: &'static str,
    /// The window of text around the first hit, with `…` where it was cut.
    pub parts: Vec<SnippetPart>,
}

/// The snippet for `query` over `fields` (name, text) in order of preference; `None` when no
/// term appears in any field (e.g. a two-letter prefix found by the word index only).
pub fn snippet(query: &str, fields: &[(&'static str, &str)]) -> Option<Snippet> {
    let terms: Vec<Vec<char>> = query
        .split_whitespace()
        .map(|term| term.chars().flat_map(char::to_lowercase).collect())
        .collect();
    if terms.is_empty() {
        return None;
    }
    fields.iter().find_map(|(name, text)| {
        let parts = field_snippet(&terms, text)?;
        Some(Snippet { field: name, parts })
    })
}

fn field_snippet(terms: &[Vec<char>], text: &str) -> Option<Vec<SnippetPart>> {
    // Whitespace (line breaks in a description) shows as one space; the lower-cased copy keeps
    // the same positions because each character maps to exactly one.
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let lower: Vec<char> = chars.iter().map(|c| lower_one(*c)).collect();
    let mut hit = vec![false; chars.len()];
    for term in terms {
        if term.is_empty() || term.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - term.len() {
            if lower[start..start + term.len()] == term[..] {
                hit[start..start + term.len()].fill(true);
            }
        }
    }
    let first = hit.iter().position(|h| *h)?;
    let start = first.saturating_sub(LEAD);
    let end = (start + WIDTH).min(chars.len());
    let mut parts: Vec<SnippetPart> = Vec::new();
    if start > 0 {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    for index in start..end {
        match parts.last_mut() {
            Some(part) if part.hit == hit[index] && part.text != "…" => {
                part.text.push(chars[index])
            }
            _ => parts.push(SnippetPart {
                text: chars[index].to_string(),
                hit: hit[index],
            }),
        }
    }
    if end < chars.len() {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    Some(parts)
}

/// The lower case of `c` when it is a single character (ASCII and most letters), else `c`.
fn lower_one(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(snippet: &Snippet) -> String {
        snippet
            .parts
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn chinese_words_are_marked_where_they_stand() {
        let found = snippet("漏水", &[("description", "楼上卫生间漏水，天花板漏水严重")]).unwrap();
        assert_eq!(found.field, "description");
        assert_eq!(shown(&found), "楼上卫生间[漏水]，天花板[漏水]严重");
    }

    #[test]
    fn english_is_matched_without_case_and_shown_as_written() {
        let found = snippet(
            "LIFT broken",
            &[("description", "The Lift is broken\nagain")],
        )
        .unwrap();
        assert_eq!(shown(&found), "The [Lift] is [broken] again");
    }

    #[test]
    fn the_first_field_with_a_hit_is_used_and_long_text_is_cut_around_it() {
        let long = format!("{}电梯故障{}", "很".repeat(100), "好".repeat(100));
        let fields = [("description", long.as_str()), ("complainantName", "电梯")];
        let found = snippet("电梯", &fields).unwrap();
        assert_eq!(found.field, "description");
        assert_eq!(found.parts.first().unwrap().text, "…");
        assert_eq!(found.parts.last().unwrap().text, "…");
        assert_eq!(
            found.parts[2],
            SnippetPart {
                text: "电梯".into(),
                hit: true
            }
        );
        let kept: usize = found.parts.iter().map(|p| p.text.chars().count()).sum();
        assert_eq!(kept, WIDTH + 2);
        let by_name = snippet(
            "张",
            &[("description", "漏水"), ("complainantName", "张伟")],
        )
        .unwrap();
        assert_eq!(
            (by_name.field, shown(&by_name).as_str()),
            ("complainantName", "[张]伟")
        );
    }

    #[test]
    fn markup_is_just_text_and_no_hit_means_no_snippet() {
        let found = snippet("img", &[("description", "<img src=x onerror=alert(1)>")]).unwrap();
        assert_eq!(shown(&found), "<[img] src=x onerror=alert(1)>");
        assert_eq!(snippet("水管", &[("description", "电梯")]), None);
        assert_eq!(snippet("   ", &[("description", "电梯")]), None);
    }
}
