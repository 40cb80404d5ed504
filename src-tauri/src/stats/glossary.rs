//! What each figure and breakdown of the monthly report means, in both languages: the names
//! the screen and workbook use and the definitions the workbook's glossary sheet prints.

use serde::Serialize;

use super::kpi::kpi_keys;
use crate::settings::Language;

/// A figure's name and definition in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryEntry {
    /// The figure's key.
    pub key: String,
    /// Short name.
    pub name: String,
    /// One or two sentences saying exactly what is counted.
    pub definition: String,
}

/// Key, Chinese name, English name, Chinese definition, English definition.
type Text = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const KPI_TEXTS: &[Text] = &[
    (
        "received",
        "受理投诉数",
        "Complaints received",
        "本月（按本网点当地时间）受理登记的全部投诉，含后来认定为无效的。",
        "All complaints received this month, counted in the branch's local time, including any later found invalid.",
    ),
    (
        "valid",
        "有效投诉数",
        "Valid complaints",
        "本月受理、且未被认定为无效投诉的件数。其余各项指标都以这些投诉为基础。",
        "Complaints received this month that were not set aside as invalid. The other figures are based on these.",
    ),
    (
        "closed",
        "已结案数",
        "Closed",
        "本月有效投诉中，到月末（当月则到此刻）处于已结案状态的件数。之后重新打开不影响本月数字。",
        "Valid complaints of the month that stood closed at the month's end (for the current month, now). Reopening them later does not change this month's figure.",
    ),
    (
        "closure_rate",
        "结案率",
        "Closure rate",
        "已结案数除以有效投诉数。",
        "Closed complaints divided by valid complaints.",
    ),
    (
        "open_at_start",
        "月初未结案数",
        "Open at start of month",
        "本月开始之前受理、在月初仍未结案的有效投诉件数。",
        "Valid complaints received before the month that were still open when it began.",
    ),
    (
        "open_at_end",
        "月末未结案数",
        "Open at end of month",
        "截至月末（当月则截至此刻）受理、当时仍未结案的有效投诉件数，含以前月份遗留的。",
        "Valid complaints received up to the month's end (for the current month, now) that were still open then, including older ones.",
    ),
    (
        "acknowledged_on_time",
        "按时回应率",
        "Acknowledged on time",
        "本月有效投诉中，在规定时限前告知客户“已受理、正在处理”的比例。只统计月末前已回应或已超过回应时限的投诉。",
        "Share of the month's valid complaints whose customer heard back before the acknowledgement deadline. Only complaints acknowledged, or past that deadline, by the month's end are counted.",
    ),
    (
        "resolved_on_time",
        "按时解决率",
        "Resolved on time",
        "本月有效投诉中，在解决时限前拿出解决方案并进入回访阶段的比例；等待客户的时间不计入时限。只统计月末前已解决或已超时的投诉。",
        "Share of the month's valid complaints resolved (moved to follow-up) before the resolution deadline, with time spent waiting on the customer not counted. Only complaints resolved, or overdue, by the month's end are counted.",
    ),
    (
        "resolved_within_7_days",
        "7日内解决率",
        "Resolved within 7 days",
        "本月有效投诉中，在受理当天之后7个自然日内解决的比例。只统计月末前已解决或已满7天的投诉。",
        "Share of the month's valid complaints resolved within 7 calendar days after the day they were received. Only complaints resolved, or whose 7 days were over, by the month's end are counted.",
    ),
    (
        "resolved_within_14_days",
        "14日内解决率",
        "Resolved within 14 days",
        "本月有效投诉中，在受理当天之后14个自然日内解决的比例。只统计月末前已解决或已满14天的投诉。",
        "Share of the month's valid complaints resolved within 14 calendar days after the day they were received. Only complaints resolved, or whose 14 days were over, by the month's end are counted.",
    ),
    (
        "mean_days_to_resolve",
        "平均解决天数",
        "Average days to resolve",
        "本月有效投诉中月末前已解决的，从受理到首次解决平均用了多少天（含等待客户的时间）。",
        "Average time in days from receipt to first resolution, over the month's valid complaints resolved by the month's end (waiting time included).",
    ),
    (
        "median_days_to_resolve",
        "解决天数中位数",
        "Median days to resolve",
        "同一批已解决投诉从受理到首次解决所用天数的中位数：一半投诉比它快，一半比它慢。",
        "The middle value of the same times from receipt to first resolution: half the complaints took less, half took more.",
    ),
    (
        "follow_up_rate",
        "回访率",
        "Follow-up rate",
        "已结案投诉中，回访电话联系上客户的比例。",
        "Share of the closed complaints whose follow-up call reached the customer.",
    ),
    (
        "average_satisfaction",
        "平均满意度",
        "Average satisfaction",
        "已结案且客户打了分的投诉，满意度（1至5分）的平均值。",
        "The average satisfaction score (1 to 5) of closed complaints the customer rated.",
    ),
    (
        "satisfied_share",
        "满意率",
        "Satisfied customers",
        "打了分的已结案投诉中，评为4分或5分的比例。",
        "Share of the rated closed complaints scored 4 or 5.",
    ),
    (
        "repeat_complaints",
        "重复投诉数",
        "Repeat complaints",
        "本月有效投诉中，同一客户（电话或单号、房号等相同）在此前90天内已有过有效投诉的件数。",
        "Valid complaints of the month from a customer (same phone number or same reference) who had made another valid complaint in the 90 days before.",
    ),
    (
        "crises",
        "危机投诉数",
        "Crisis complaints",
        "本月有效投诉中定为一级（危机）的件数。",
        "Valid complaints of the month graded 1 (crisis).",
    ),
    (
        "escalated_channels",
        "越级投诉数",
        "Escalated complaints",
        "本月有效投诉中，客户通过总部或品牌方、业主组织或行业协会、消费者协会或监管部门、律师、媒体等渠道提出的件数。",
        "Valid complaints of the month made through head office or the brand, an association or owners' club, the consumer association or a regulator, a lawyer, or the media.",
    ),
    (
        "goodwill_total",
        "补偿金额合计",
        "Goodwill paid",
        "本月已结案投诉中，给予客户的补偿或赔偿金额合计（元）。",
        "Total goodwill or compensation paid on the month's closed complaints, in yuan.",
    ),
    (
        "justified_complaints",
        "合理投诉数",
        "Justified complaints",
        "本月有效投诉中，核实后认定为合理（原因在服务延误、损坏、收费错误、员工态度等）的件数，按现在的认定计。",
        "Valid complaints of the month that verification found justified (a service delay, damage, a billing error, staff conduct and the like), as judged now.",
    ),
    (
        "fault_branch_share",
        "本网点责任占比",
        "Branch at fault",
        "本月已核实认定的有效投诉中，责任在本网点的比例。",
        "Of the month's valid complaints with a verification verdict, the share whose fault lies with the branch itself.",
    ),
    (
        "fault_other_department_share",
        "其他部门责任占比",
        "Other department at fault",
        "本月已核实认定的有效投诉中，责任在公司其他部门的比例。",
        "Of the month's valid complaints with a verification verdict, the share whose fault lies with another department.",
    ),
    (
        "fault_third_party_share",
        "第三方责任占比",
        "Third party at fault",
        "本月已核实认定的有效投诉中，责任在第三方（承包商、承运商、公用事业等）的比例。",
        "Of the month's valid complaints with a verification verdict, the share whose fault lies with a third party (a contractor, a carrier, a utility).",
    ),
    (
        "fault_customer_share",
        "客户自身原因占比",
        "Customer at fault",
        "本月已核实认定的有效投诉中，原因在客户自身的比例。",
        "Of the month's valid complaints with a verification verdict, the share whose fault lies with the customer.",
    ),
    (
        "kept_informed_share",
        "超时告知进展率",
        "Late cases kept informed",
        "本月有效投诉中超过回应或解决时限的（到月末仍未完成或逾期才完成），在超时后、月末前向客户告知过处理进展的比例。",
        "Of the month's valid complaints that ran late (acknowledged or first resolved after the deadline, or not by it at the month's end), the share whose customer was given a progress update after the case became late and before the month's end.",
    ),
    (
        "training_completion",
        "培训完成率",
        "Training completion",
        "月底时，分配给在职员工的培训清单项目中已签字确认（且未因复训到期而失效）的比例。",
        "Of the checklist items of the modules assigned to the people on staff at the month's end, the share signed off (and not lapsed by a refresher) by then.",
    ),
    (
        "drills_held",
        "演练次数",
        "Drills held",
        "本月进行的投诉处理情景演练次数。",
        "Role-play drills of complaint handling held in the month.",
    ),
    (
        "plans_active",
        "进行中的预防计划",
        "Active prevention plans",
        "月末处于“执行中”状态的预防计划个数（草稿、已完成和已取消的不计）；本月尚未结束时为当前数。",
        "Prevention plans whose status was active at the month's end (drafts, done and cancelled plans are not counted); for the month under way, as things stand now.",
    ),
    (
        "measures_overdue",
        "逾期预防措施",
        "Overdue prevention measures",
        "月末仍未完成（也未放弃）、且期限日在本月或更早的预防措施个数；本月尚未结束时按今天计算。",
        "Prevention measures due on a day of the month or earlier that were neither done nor dropped by the month's end; for the month under way, those past their due date today.",
    ),
];

/// What the report shows beside its figures: the breakdowns and the trend. They follow the
/// figures' definitions, and the glossary says how.
const NOTE_TEXTS: &[Text] = &[
    (
        "breakdowns",
        "分类统计",
        "Breakdowns",
        "按类别、渠道、等级、责任部门和客户类型的统计只计本月的有效投诉（不含无效投诉），每一项的合计都等于有效投诉数；按根本原因的统计只计月末已结案的有效投诉，按当时记录的原因。类别、等级等按投诉现在的记录计。点击任一行或柱形，列出的正是其中计入的投诉。",
        "The breakdowns by category, channel, grade, department and customer type count the month's valid complaints (invalid ones are left out), so each adds up to Valid complaints; the breakdown by root cause counts the valid complaints closed at the month's end, by the cause recorded then. Category, grade and the rest are as the complaint records them now. Each row or bar opens the list of exactly the complaints it counts.",
    ),
    (
        "trend",
        "12个月趋势",
        "12-month trend",
        "趋势图中每个月的“受理”和“结案”就是该月报告里的受理投诉数（含无效投诉）和已结案数（该月受理、到月末处于已结案状态的有效投诉），不是当月发生的结案次数，所以与该月的指标一致。",
        "Each month's received and closed in the trend are that month's Complaints received (invalid ones included) and Closed (its valid complaints that stood closed at the month's end), not the closings that happened in the month, so they match that month's figures.",
    ),
];

/// Key, Chinese name, English name of each breakdown.
const BREAKDOWN_NAMES: &[(&str, &str, &str)] = &[
    ("category", "按投诉类别", "By category"),
    ("channel", "按投诉渠道", "By channel"),
    ("grade", "按投诉等级", "By grade"),
    ("department", "按责任部门", "By department"),
    (
        "root_cause",
        "按根本原因（已结案）",
        "By root cause (closed)",
    ),
    ("customer_type", "按客户类型", "By customer type"),
];

fn text(key: &str) -> Option<&'static Text> {
    KPI_TEXTS.iter().chain(NOTE_TEXTS).find(|t| t.0 == key)
}

/// A figure's short name; empty for an unknown key.
pub fn kpi_name(key: &str, lang: Language) -> &'static str {
    text(key).map_or("", |t| match lang {
        Language::ZhCn => t.1,
        Language::En => t.2,
    })
}

/// A figure's definition; empty for an unknown key.
pub fn kpi_definition(key: &str, lang: Language) -> &'static str {
    text(key).map_or("", |t| match lang {
        Language::ZhCn => t.3,
        Language::En => t.4,
    })
}

/// A breakdown's name; empty for an unknown key.
pub fn breakdown_name(key: &str, lang: Language) -> &'static str {
    BREAKDOWN_NAMES
        .iter()
        .find(|t| t.0 == key)
        .map_or("", |t| match lang {
            Language::ZhCn => t.1,
            Language::En => t.2,
        })
}

/// Every figure of the report with its name and definition, in report order, then the notes
/// on the breakdowns and the trend.
pub fn glossary(lang: Language) -> Vec<GlossaryEntry> {
    kpi_keys()
        .chain(NOTE_TEXTS.iter().map(|t| t.0))
        .map(|key| GlossaryEntry {
            key: key.to_owned(),
            name: kpi_name(key, lang).to_owned(),
            definition: kpi_definition(key, lang).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::breakdown::BREAKDOWN_KEYS;

    const LANGS: [Language; 2] = [Language::ZhCn, Language::En];

    #[test]
    fn every_figure_the_report_emits_has_both_texts_in_both_languages() {
        for key in kpi_keys() {
            for lang in LANGS {
                assert!(!kpi_name(key, lang).is_empty(), "{key} {lang:?} name");
                assert!(
                    !kpi_definition(key, lang).is_empty(),
                    "{key} {lang:?} definition"
                );
            }
            let zh = kpi_definition(key, Language::ZhCn);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{key}"
            );
            assert!(kpi_definition(key, Language::En).is_ascii(), "{key}");
        }
        assert_eq!(
            KPI_TEXTS.len(),
            kpi_keys().count(),
            "no text for a figure that is gone"
        );
        for key in BREAKDOWN_KEYS {
            for lang in LANGS {
                assert!(!breakdown_name(key, lang).is_empty(), "{key} {lang:?}");
            }
        }
        assert_eq!(BREAKDOWN_NAMES.len(), BREAKDOWN_KEYS.len());
    }

    #[test]
    fn the_glossary_lists_figures_in_report_order_with_camel_case_fields() {
        let entries = glossary(Language::En);
        assert_eq!(entries.len(), kpi_keys().count() + NOTE_TEXTS.len());
        let trend = entries
            .iter()
            .find(|e| e.key == "trend")
            .expect("trend note");
        assert!(trend.definition.contains("Closed"), "{}", trend.definition);
        assert_eq!(entries[3].key, "closure_rate");
        assert_eq!(entries[3].name, "Closure rate");
        let json = serde_json::to_value(&glossary(Language::ZhCn)[0]).unwrap();
        assert_eq!(json["key"], "received");
        assert_eq!(json["name"], "受理投诉数");
        assert!(json["definition"].as_str().unwrap().contains("无效"));
        assert_eq!(kpi_name("no_such_figure", Language::En), "");
    }
}
