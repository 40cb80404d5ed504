//! Reading the coded fields from the words people type in a log: a channel ("电话", "walk-in",
//! "12315"), a customer type ("激动", "angry") and whether a status means done ("已处理",
//! "closed"). Codes themselves are accepted too.

use crate::cases::{Channel, CustomerType};

use super::fields::fold_header as fold;

/// Words for each channel, folded like headers (letters and digits, lower-case).
const CHANNEL_WORDS: &[(Channel, &[&str])] = &[
    (
        Channel::Phone,
        &[
            "电话",
            "来电",
            "热线",
            "致电",
            "phone",
            "call",
            "telephone",
            "tel",
            "hotline",
        ],
    ),
    (
        Channel::Letter,
        &["信函", "来信", "书信", "信件", "letter", "post"],
    ),
    (
        Channel::WalkIn,
        &[
            "到店",
            "上门",
            "来访",
            "现场",
            "前台",
            "柜台",
            "当面",
            "面谈",
            "walkin",
            "inperson",
            "visit",
            "counter",
            "frontdesk",
        ],
    ),
    (
        Channel::EmailOnline,
        &[
            "邮件",
            "电子邮件",
            "网上",
            "网络留言",
            "在线",
            "留言",
            "微信",
            "网站",
            "email",
            "online",
            "web",
            "website",
            "wechat",
        ],
    ),
    (Channel::OwnApp, &["app", "小程序", "本网点app", "ownapp"]),
    (
        Channel::HeadOffice,
        &[
            "总部",
            "集团",
            "总公司",
            "headoffice",
            "hq",
            "headquarters",
            "brand",
        ],
    ),
    (
        Channel::Association,
        &[
            "业委会",
            "业主委员会",
            "协会",
            "行业协会",
            "association",
            "ownerscommittee",
        ],
    ),
    (
        Channel::ConsumerAssociation,
        &[
            "消协",
            "消费者协会",
            "12315",
            "12345",
            "市长热线",
            "邮政管理局",
            "主管部门",
            "监管",
            "政府",
            "regulator",
            "consumerassociation",
        ],
    ),
    (
        Channel::Lawyer,
        &["律师", "律师函", "法院", "lawyer", "legal"],
    ),
    (
        Channel::Media,
        &[
            "媒体",
            "报纸",
            "电视",
            "微博",
            "抖音",
            "曝光",
            "网络曝光",
            "press",
            "media",
            "socialmedia",
            "newspaper",
        ],
    ),
];

/// Words for each customer type.
const CUSTOMER_WORDS: &[(CustomerType, &[&str])] = &[
    (
        CustomerType::Passive,
        &["沉默", "沉默型", "被动", "内向", "quiet", "passive"],
    ),
    (
        CustomerType::Talker,
        &["健谈", "健谈型", "唠叨", "话多", "talker", "talkative"],
    ),
    (
        CustomerType::Angry,
        &[
            "激动",
            "激动型",
            "愤怒",
            "生气",
            "暴躁",
            "angry",
            "emotional",
        ],
    ),
    (
        CustomerType::Activist,
        &["维权", "维权型", "职业投诉", "activist"],
    ),
    (
        CustomerType::Unknown,
        &["未知", "不详", "暂未判断", "一般", "unknown", "none"],
    ),
];

/// Picks the value whose word matches best: a code or word equal to the folded text, else the
/// longest word the text contains ("12345热线" is the regulator's line, not a phone call).
fn best<T: Copy>(
    text: &str,
    table: &[(T, &[&str])],
    code: impl Fn(T) -> &'static str,
) -> Option<T> {
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    for (value, words) in table {
        if fold(code(*value)) == folded || words.contains(&folded.as_str()) {
            return Some(*value);
        }
    }
    table
        .iter()
        .flat_map(|(value, words)| words.iter().map(move |word| (*value, *word)))
        .filter(|(_, word)| folded.contains(word))
        .max_by_key(|(_, word)| word.chars().count())
        .map(|(value, _)| value)
}

/// The channel a cell names; `None` when it names none.
pub fn channel(text: &str) -> Option<Channel> {
    best(text, CHANNEL_WORDS, Channel::as_str)
}

/// The customer type a cell names; `None` when it names none.
pub fn customer_type(text: &str) -> Option<CustomerType> {
    best(text, CUSTOMER_WORDS, CustomerType::as_str)
}

/// Whole values that mean the complaint is done.
const CLOSED_WORDS: &[&str] = &[
    "已处理",
    "已完成",
    "已关闭",
    "已结案",
    "已解决",
    "已办结",
    "已回复",
    "处理完毕",
    "完成",
    "关闭",
    "结案",
    "办结",
    "解决",
    "closed",
    "done",
    "resolved",
    "complete",
    "completed",
    "finished",
];

/// Chinese words that undo a "done" word inside a longer value ("未完成", "待处理").
const NEGATIONS: &[&str] = &["未", "没", "不", "待", "无法"];

/// English words that undo one ("not resolved", "unresolved").
const ENGLISH_NEGATIONS: &[&str] = &[
    "not",
    "no",
    "pending",
    "open",
    "unresolved",
    "incomplete",
    "unfinished",
    "undone",
];

/// Whether a status cell says the complaint is done. Anything else (blank, "处理中", "open")
/// means it is still open.
pub fn means_closed(text: &str) -> bool {
    let folded = fold(text);
    if folded.is_empty() {
        return false;
    }
    if CLOSED_WORDS.contains(&folded.as_str()) {
        return true;
    }
    let lower = text.to_lowercase();
    let negated = NEGATIONS.iter().any(|word| folded.contains(word))
        || lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| ENGLISH_NEGATIONS.contains(&word));
    let done = CLOSED_WORDS
        .iter()
        .filter(|word| word.starts_with('已') || word.is_ascii())
        .any(|word| folded.contains(word));
    done && !negated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_are_read_from_codes_and_common_words() {
        let cases = [
            ("phone", Channel::Phone),
            (" walk_in ", Channel::WalkIn),
            ("Walk-in", Channel::WalkIn),
            ("电话", Channel::Phone),
            ("电话投诉", Channel::Phone),
            ("来访", Channel::WalkIn),
            ("微信留言", Channel::EmailOnline),
            ("E-mail", Channel::EmailOnline),
            ("12345热线", Channel::ConsumerAssociation),
            ("消费者协会", Channel::ConsumerAssociation),
            ("业委会", Channel::Association),
            ("律师函", Channel::Lawyer),
            ("抖音曝光", Channel::Media),
            ("Head Office", Channel::HeadOffice),
        ];
        for (text, expected) in cases {
            assert_eq!(channel(text), Some(expected), "{text}");
        }
        assert_eq!(channel(""), None);
        assert_eq!(channel("信鸽"), None);
        assert_eq!(channel("pigeon"), None);
    }

    #[test]
    fn customer_types_are_read_from_codes_and_words() {
        assert_eq!(customer_type("angry"), Some(CustomerType::Angry));
        assert_eq!(customer_type("情绪激动"), Some(CustomerType::Angry));
        assert_eq!(customer_type("维权型"), Some(CustomerType::Activist));
        assert_eq!(customer_type("Quiet"), Some(CustomerType::Passive));
        assert_eq!(customer_type("不详"), Some(CustomerType::Unknown));
        assert_eq!(customer_type("VIP"), None);
    }

    #[test]
    fn status_words_meaning_done_close_the_case() {
        for text in [
            "已处理",
            "已完成",
            "已关闭",
            "closed",
            "Done",
            "resolved",
            "已结案",
            "完成",
            "已解决，客户满意",
            "Closed - customer happy",
            " 办结 ",
        ] {
            assert!(means_closed(text), "{text}");
        }
        for text in [
            "",
            "处理中",
            "未处理",
            "未完成",
            "待处理",
            "open",
            "new",
            "not resolved",
            "unresolved",
            "incomplete",
            "跟进中",
            "部分解决",
        ] {
            assert!(!means_closed(text), "{text}");
        }
    }
}
