//! Masking complainants' personal data: workbooks leave the branch, so names and phone numbers
//! are hidden unless the user asks to include them.

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
}
