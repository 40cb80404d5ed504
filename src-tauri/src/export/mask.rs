//! Masking complainants' personal data: workbooks leave the branch, so names and phone numbers
//! are hidden unless the user asks to include them. Descriptions are free text that customers
//! and staff write personal data into, so [`description`] masks what it can recognise there.

/// A name reduced to its first character and two stars (`张三丰` → `张**`). The stars are always
/// two, so the mask does not tell how long the name was.
pub fn name(full: &str) -> String {
    let trimmed = full.trim();
    match trimmed.chars().next() {
        Some(first) => format!("{first}**"),
        None => String::new(),
    }
}

/// A phone number reduced to its first three and last four digits (`138 0013 8000` →
/// `138****8000`). Short numbers keep only their last two digits, so a mask never shows most of
/// a number.
pub fn phone(full: &str) -> String {
    let digits: Vec<char> = full.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len();
    let tail = |k: usize| digits[n - k..].iter().collect::<String>();
    match n {
        0 if full.trim().is_empty() => String::new(),
        0..=2 => "****".to_owned(),
        3..=7 => format!("****{}", tail(2)),
        _ => format!("{}****{}", digits[..3].iter().collect::<String>(), tail(4)),
    }
}

/// Fewest digits in a number that is masked in a description: a phone number without its area
/// code has 7 or 8; shorter numbers (amounts, floors, room numbers) stay.
const MIN_MASKED_DIGITS: usize = 7;

/// The most digits of a phone number (`86` and a mobile number); more is an ID card, bank card
/// or similar number.
const MAX_PHONE_DIGITS: usize = 13;

/// `text` with phone numbers (7–13 digits, single spaces or hyphens between them allowed)
/// masked like the phone column, longer ID-like numbers (ID cards, bank cards; a final `X`
/// included) replaced by stars, and the complainant's name, wherever it appears, masked like
/// the name column. Other text stays as written: short numbers such as amounts, dates written
/// `2024-03-01`, and order or tracking numbers glued to letters (`SF1234567890`).
pub fn description(text: &str, complainant_name: &str) -> String {
    let numbers = mask_numbers(text);
    let full_name = complainant_name.trim();
    if full_name.chars().count() < 2 {
        // A one-letter "name" would mask that letter everywhere; none is masked.
        return numbers;
    }
    replace_ignoring_ascii_case(&numbers, full_name, &name(full_name))
}

/// The digit groups of the run starting at `start`: digits, with single spaces or hyphens
/// between groups. Each group is its (start, end) in `chars`.
fn digit_groups(chars: &[char], start: usize) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut i = start;
    loop {
        let begin = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        groups.push((begin, i));
        let joined = chars.get(i).is_some_and(|c| matches!(c, ' ' | '-'))
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !joined {
            return groups;
        }
        i += 1;
    }
}

/// Whether the groups begin like a date written `2024-03-01` (so the run is not a number).
fn starts_with_date(chars: &[char], groups: &[(usize, usize)]) -> bool {
    let len = |&(a, b): &(usize, usize)| b - a;
    match groups {
        [year, month, day, ..] => {
            len(year) == 4
                && matches!(chars[year.0..year.0 + 2], ['1', '9'] | ['2', '0'])
                && chars[year.1] == '-'
                && (1..=2).contains(&len(month))
                && (1..=2).contains(&len(day))
        }
        _ => false,
    }
}

/// Replaces every run of digits long enough to be a phone or ID number (see [`description`]).
fn mask_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let groups = digit_groups(&chars, i);
        if starts_with_date(&chars, &groups) {
            // The date as written; what follows it is looked at afresh.
            let end = groups[2].1;
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        let mut end = groups.last().map_or(i, |g| g.1);
        let mut digits: usize = groups.iter().map(|(a, b)| b - a).sum();
        // An ID card number may end in X.
        if digits == 17 && chars.get(end).is_some_and(|c| matches!(c, 'X' | 'x')) {
            end += 1;
            digits += 1;
        }
        let run: String = chars[i..end].iter().collect();
        let glued = |c: Option<&char>| c.is_some_and(char::is_ascii_alphanumeric);
        let in_word = glued(i.checked_sub(1).and_then(|k| chars.get(k))) || glued(chars.get(end));
        if digits < MIN_MASKED_DIGITS || (in_word && digits <= MAX_PHONE_DIGITS) {
            out.push_str(&run);
        } else if digits <= MAX_PHONE_DIGITS {
            out.push_str(&phone(&run));
        } else {
            out.push_str("******");
        }
        i = end;
    }
    out
}

/// `text` with every occurrence of `needle` replaced, ASCII letters matched in any case.
fn replace_ignoring_ascii_case(text: &str, needle: &str, with: &str) -> String {
    let folded = text.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    // ASCII lower-casing keeps every byte offset, so matches in `folded` index `text`.
    for (at, _) in folded.match_indices(&needle) {
        out.push_str(&text[last..at]);
        out.push_str(with);
        last = at + needle.len();
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_only_the_first_character() {
        assert_eq!(name("张三"), "张**");
        assert_eq!(name("欧阳娜娜"), "欧**");
        assert_eq!(name(" John Smith"), "J**");
        assert_eq!(name(""), "");
        assert_eq!(name("   "), "");
    }

    #[test]
    fn phones_keep_the_first_three_and_last_four_digits() {
        assert_eq!(phone("13800138000"), "138****8000");
        assert_eq!(phone("138 0013 8000"), "138****8000");
        assert_eq!(phone("+86 (21) 6234-5678"), "862****5678");
        assert_eq!(phone("12315"), "****15");
        assert_eq!(phone("110"), "****10");
        assert_eq!(phone("--"), "****");
        assert_eq!(phone(""), "");
    }

    #[test]
    fn descriptions_lose_phone_numbers_ids_and_the_complainants_name() {
        assert_eq!(
            description(
                "王小明说快递没到，电话13800138000，请回电王小明。",
                "王小明"
            ),
            "王**说快递没到，电话138****8000，请回电王**。"
        );
        assert_eq!(
            description("Call 021-6234 5678 or +86 138 0013 8000.", ""),
            "Call 021****5678 or +861****8000."
        );
        assert_eq!(
            description("身份证 11010519491231002X，卡号 6222020200112233445", "李"),
            "身份证 ******，卡号 ******"
        );
        assert_eq!(
            description("john smith wrote; John Smith called", "John Smith"),
            "J** wrote; J** called"
        );
    }

    #[test]
    fn descriptions_keep_short_numbers_order_numbers_and_one_letter_names() {
        let text = "赔付 50 元，3 楼 1203 室，2024-03-01 到，单号 SF1234567890 和 A1234567";
        assert_eq!(description(text, "李"), text);
        assert_eq!(description("Ann", "A"), "Ann");
    }
}
