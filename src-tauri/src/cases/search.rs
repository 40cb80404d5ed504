//! Case search that finds Chinese words of any length and English words case-insensitively.
//!
//! Two FTS5 indexes share the work. A trigram index finds any substring of three or more
//! characters. Trigrams cannot match one- or two-character queries (common in Chinese: 漏水,
//! 噪音, 门), so a second index holds every CJK character, every pair of neighbouring CJK
//! characters, and every lower-cased Latin or digit word; short queries go there.

/// Whether `c` is written without spaces between words (Han, kana, Hangul).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// A run of text of one kind: CJK characters or a Latin/digit word.
enum Run {
    Cjk(Vec<char>),
    Word(String),
}

fn runs(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut cjk: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush = |runs: &mut Vec<Run>, cjk: &mut Vec<char>, word: &mut String| {
        if !cjk.is_empty() {
            runs.push(Run::Cjk(std::mem::take(cjk)));
        }
        if !word.is_empty() {
            runs.push(Run::Word(std::mem::take(word)));
        }
    };
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                flush(&mut runs, &mut cjk, &mut word);
            }
            cjk.push(c);
        } else if c.is_alphanumeric() {
            if !cjk.is_empty() {
                flush(&mut runs, &mut cjk, &mut word);
            }
            word.extend(c.to_lowercase());
        } else {
            flush(&mut runs, &mut cjk, &mut word);
        }
    }
    flush(&mut runs, &mut cjk, &mut word);
    runs
}

/// The text for the trigram index: the searchable fields, one per line.
pub fn trigram_body(fields: &[&str]) -> String {
    fields.join("\n")
}

/// The text for the short-query index: space-separated CJK characters, CJK pairs and words.
pub fn gram_body(fields: &[&str]) -> String {
    let mut tokens: Vec<String> = Vec::new();
    for field in fields {
        for run in runs(field) {
            match run {
                Run::Cjk(chars) => {
                    tokens.extend(chars.iter().map(char::to_string));
                    tokens.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>()));
                }
                Run::Word(word) => tokens.push(word),
            }
        }
    }
    tokens.join(" ")
}

/// FTS5 match expressions for a user's query; each present expression must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchPlan {
    /// For the trigram index: terms of three or more characters, as quoted phrases.
    pub trigram: Option<String>,
    /// For the short-query index: one- and two-character terms.
    pub grams: Option<String>,
}

/// A phrase in FTS5 syntax: quoted, inner quotes doubled, so no user text is read as syntax.
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

impl SearchPlan {
    /// Splits a query into whitespace-separated terms (all must match). `None` for a query with
    /// nothing searchable in it.
    pub fn parse(query: &str) -> Option<SearchPlan> {
        let mut trigram = Vec::new();
        let mut grams = Vec::new();
        for term in query.split_whitespace() {
            if term.chars().count() >= 3 {
                trigram.push(phrase(term));
                continue;
            }
            for run in runs(term) {
                match run {
                    Run::Cjk(chars) => grams.push(phrase(&chars.iter().collect::<String>())),
                    // A short Latin or digit term matches the start of a word: "ab" finds "Abbott".
                    Run::Word(word) => grams.push(format!("{}*", phrase(&word))),
                }
            }
        }
        let join = |terms: Vec<String>| (!terms.is_empty()).then(|| terms.join(" AND "));
        let plan = SearchPlan {
            trigram: join(trigram),
            grams: join(grams),
        };
        (plan != SearchPlan::default()).then_some(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gram_body_has_characters_pairs_and_lower_case_words() {
        assert_eq!(
            gram_body(&["楼上漏水", "Room 1203B"]),
            "楼 上 漏 水 楼上 上漏 漏水 room 1203b"
        );
        assert_eq!(gram_body(&["A栋", ""]), "a 栋");
        assert_eq!(gram_body(&["<img src=x>"]), "img src x");
    }

    #[test]
    fn short_terms_go_to_the_gram_index_and_long_ones_to_trigrams() {
        let plan = SearchPlan::parse("漏水").unwrap();
        assert_eq!(
            plan,
            SearchPlan {
                trigram: None,
                grams: Some("\"漏水\"".into())
            }
        );
        let plan = SearchPlan::parse("门").unwrap();
        assert_eq!(plan.grams.as_deref(), Some("\"门\""));
        let plan = SearchPlan::parse("电梯故障 ab").unwrap();
        assert_eq!(plan.trigram.as_deref(), Some("\"电梯故障\""));
        assert_eq!(plan.grams.as_deref(), Some("\"ab\"*"));
    }

    #[test]
    fn query_syntax_is_always_quoted() {
        let plan = SearchPlan::parse("\"a OR b\" NEAR(").unwrap();
        assert_eq!(plan.trigram.as_deref(), Some("\"NEAR(\""));
        assert_eq!(plan.grams.as_deref(), Some("\"a\"* AND \"or\"* AND \"b\"*"));
        let plan = SearchPlan::parse("say\"hi").unwrap();
        assert_eq!(plan.trigram.as_deref(), Some("\"say\"\"hi\""));
    }

    #[test]
    fn empty_or_punctuation_only_queries_search_nothing() {
        assert_eq!(SearchPlan::parse("   "), None);
        assert_eq!(SearchPlan::parse("!? -"), None);
    }
}
