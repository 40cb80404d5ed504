//! The UI's names for the fixed vocabularies (channel, customer type, root cause, grade, status
//! and the seeded categories), so a workbook says what the screen says. The UI dictionaries in
//! `ui/js/i18n/` are the source; a test reads them and fails if these copies drift.

use crate::settings::Language;

/// Dictionary key, English, Simplified Chinese: the same keys and texts as the UI's.
const LABELS: &[(&str, &str, &str)] = &[
    ("grade.1", "Grade 1 (crisis)", "一级（危机）"),
    ("grade.2", "Grade 2 (serious)", "二级（严重）"),
    (
        "grade.3",
        "Grade 3 (recurring / cross-department)",
        "三级（重复 / 跨部门）",
    ),
    ("grade.4", "Grade 4 (general)", "四级（一般）"),
    ("gradeShort.1", "Grade 1", "一级"),
    ("gradeShort.2", "Grade 2", "二级"),
    ("gradeShort.3", "Grade 3", "三级"),
    ("gradeShort.4", "Grade 4", "四级"),
    ("status.new", "New", "新建"),
    ("status.acknowledged", "Acknowledged", "已受理"),
    ("status.investigating", "Investigating", "核实中"),
    ("status.resolving", "Resolving", "处理中"),
    ("status.follow_up", "Follow-up", "待回访"),
    ("status.closed", "Closed", "已结案"),
    ("status.reopened", "Reopened", "重新打开"),
    ("status.invalid", "Invalid", "无效投诉"),
    ("channel.phone", "Phone", "电话"),
    ("channel.letter", "Letter", "信函"),
    ("channel.walk_in", "Walk-in", "到店 / 上门"),
    (
        "channel.email_online",
        "Email / online form",
        "邮件 / 网上留言",
    ),
    ("channel.own_app", "Our own app", "本网点 App"),
    ("channel.head_office", "Head office", "投诉到总部"),
    (
        "channel.association",
        "Owners’ committee / association",
        "业委会 / 行业协会",
    ),
    (
        "channel.consumer_association",
        "Consumer association / regulator",
        "消协 / 12315 / 主管部门",
    ),
    ("channel.lawyer", "Lawyer", "律师"),
    ("channel.media", "Press / social media", "媒体 / 网络曝光"),
    ("customerType.passive", "Quiet", "沉默型"),
    ("customerType.talker", "Talker", "健谈型"),
    ("customerType.angry", "Angry", "激动型"),
    ("customerType.activist", "Activist", "维权型"),
    ("customerType.unknown", "Not judged yet", "暂未判断"),
    (
        "rootCause.quality",
        "Product or service quality",
        "产品或服务质量",
    ),
    ("rootCause.communication", "Communication", "沟通与信息"),
    ("rootCause.price", "Price and fees", "价格与收费"),
    ("rootCause.delay", "Delay or slow response", "延误或响应慢"),
    (
        "rootCause.staff",
        "Staff attitude or skill",
        "员工态度或技能",
    ),
    (
        "rootCause.facilities",
        "Facilities and equipment",
        "设施设备",
    ),
    ("rootCause.process", "Process or rules", "流程或制度"),
    ("rootCause.external", "External cause", "外部原因"),
    ("category.delivery_delay", "Delivery delay", "派送延误"),
    ("category.parcel_loss", "Lost parcel", "快件丢失"),
    ("category.parcel_damage", "Damaged parcel", "快件破损"),
    (
        "category.wrong_delivery",
        "Wrong or failed delivery",
        "错投或投递失败",
    ),
    ("category.shipping_fees", "Shipping fees", "资费问题"),
    ("category.pickup", "Pickup", "揽收问题"),
    ("category.counter_queue", "Counter queues", "柜台排队"),
    ("category.tracking_info", "Tracking information", "物流信息"),
    ("category.room_cleanliness", "Room cleanliness", "客房卫生"),
    (
        "category.facilities",
        "Facilities and equipment",
        "设施设备",
    ),
    ("category.noise", "Noise", "噪音"),
    ("category.front_desk", "Front desk service", "前台服务"),
    ("category.food_beverage", "Food and drink", "餐饮"),
    ("category.billing", "Billing", "账单结算"),
    ("category.reservation", "Reservations", "预订"),
    ("category.safety", "Safety", "安全"),
    ("category.building_quality", "Building quality", "工程质量"),
    ("category.repairs", "Repairs and maintenance", "报修维修"),
    ("category.security", "Security", "安保"),
    (
        "category.cleaning",
        "Cleaning and environment",
        "保洁与环境",
    ),
    ("category.property_fees", "Property fees", "物业费"),
    ("category.parking", "Parking", "停车"),
    ("category.neighbours", "Neighbours", "邻里纠纷"),
    (
        "category.shared_facilities",
        "Shared facilities",
        "公共设施",
    ),
    ("category.service_attitude", "Service attitude", "服务态度"),
    (
        "category.communication",
        "Information and communication",
        "信息沟通",
    ),
    ("category.price", "Price", "价格"),
    ("category.other", "Other", "其他"),
];

/// The label of `prefix.code`; an unknown code (from a newer version, say) shows as itself
/// rather than as nothing.
fn lookup(prefix: &str, code: &str, lang: Language) -> String {
    let key = format!("{prefix}.{code}");
    LABELS.iter().find(|(k, _, _)| *k == key).map_or_else(
        || code.to_owned(),
        |(_, en, zh)| match lang {
            Language::En => (*en).to_owned(),
            Language::ZhCn => (*zh).to_owned(),
        },
    )
}

/// A channel code's name, e.g. `walk_in` → "Walk-in".
pub fn channel(code: &str, lang: Language) -> String {
    lookup("channel", code, lang)
}

/// A customer type code's name.
pub fn customer_type(code: &str, lang: Language) -> String {
    lookup("customerType", code, lang)
}

/// A root cause code's name.
pub fn root_cause(code: &str, lang: Language) -> String {
    lookup("rootCause", code, lang)
}

/// A case status code's name.
pub fn status(code: &str, lang: Language) -> String {
    lookup("status", code, lang)
}

/// A grade (`1`–`4`) with what it means, e.g. "Grade 1 (crisis)".
pub fn grade(code: &str, lang: Language) -> String {
    lookup("grade", code, lang)
}

/// A grade in short, e.g. "Grade 1", for table cells.
pub fn grade_short(code: &str, lang: Language) -> String {
    lookup("gradeShort", code, lang)
}

/// A seeded category's name from its seed key, e.g. `parking` → "Parking".
pub fn seeded_category(seed_key: &str, lang: Language) -> String {
    lookup("category", seed_key, lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::cases::{Channel, CustomerType, RootCause, Status};
    use crate::settings::Industry;

    /// The `'key': 'text',` lines of a UI dictionary (one entry a line, single-quoted).
    fn dictionary(file: &str) -> HashMap<String, String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("ui")
            .join("js")
            .join("i18n")
            .join(file);
        let source = std::fs::read_to_string(&path).expect("UI dictionary");
        source
            .lines()
            .filter_map(|line| {
                let rest = line.trim().strip_prefix('\'')?;
                let (key, rest) = rest.split_once("': '")?;
                let text = rest.strip_suffix("',")?;
                Some((key.to_owned(), text.replace("\\'", "'")))
            })
            .collect()
    }

    #[test]
    fn labels_equal_the_ui_dictionaries() {
        let en = dictionary("en.js");
        let zh = dictionary("zh-CN.js");
        for (key, english, chinese) in LABELS {
            assert_eq!(en.get(*key).map(String::as_str), Some(*english), "en {key}");
            assert_eq!(
                zh.get(*key).map(String::as_str),
                Some(*chinese),
                "zh-CN {key}"
            );
        }
    }

    #[test]
    fn every_code_of_every_vocabulary_has_a_label() {
        let known = |key: String| LABELS.iter().any(|(k, _, _)| *k == key);
        for c in Channel::ALL {
            assert!(known(format!("channel.{}", c.as_str())));
        }
        for c in CustomerType::ALL {
            assert!(known(format!("customerType.{}", c.as_str())));
        }
        for c in RootCause::ALL {
            assert!(known(format!("rootCause.{}", c.as_str())));
        }
        for s in Status::ALL {
            assert!(known(format!("status.{}", s.as_str())));
        }
        for g in 1..=4 {
            assert!(known(format!("grade.{g}")) && known(format!("gradeShort.{g}")));
        }
        for industry in Industry::ALL {
            for seed in industry.default_categories() {
                assert!(known(format!("category.{seed}")), "{seed}");
            }
        }
    }

    #[test]
    fn labels_follow_the_language_and_unknown_codes_show_as_themselves() {
        assert_eq!(channel("walk_in", Language::En), "Walk-in");
        assert_eq!(channel("walk_in", Language::ZhCn), "到店 / 上门");
        assert_eq!(grade_short("1", Language::ZhCn), "一级");
        assert_eq!(seeded_category("parking", Language::En), "Parking");
        assert_eq!(root_cause("weather", Language::En), "weather");
    }
}
