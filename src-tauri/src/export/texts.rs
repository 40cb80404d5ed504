//! The workbooks' own words (sheet names, titles, column headers) in both languages. Names of
//! figures and vocabulary values come from the glossary and [`super::labels`] instead.

use crate::settings::Language;

/// Declares the texts: each variant with its English and Chinese wording.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident => $en:literal, $zh:literal;)+) => {
        /// A piece of the workbooks' own text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T {
            $($(#[$doc])* $name,)+
        }

        impl T {
            /// The text in `lang`.
            pub fn get(self, lang: Language) -> &'static str {
                match (self, lang) {
                    $((T::$name, Language::En) => $en, (T::$name, Language::ZhCn) => $zh,)+
                }
            }

            #[cfg(test)]
            const ALL: &[T] = &[$(T::$name),+];
        }
    };
}

texts! {
    /// Sheet: the month at a glance.
    SheetSummary => "Summary", "汇总";
    /// Sheet: one row per case.
    SheetCases => "Cases", "案件明细";
    /// Sheet: what each figure means.
    SheetGlossary => "Glossary", "指标说明";
    /// Sheet: prevention plans and overdue measures.
    SheetPrevention => "Prevention", "预防计划";
    /// Sheet: the training matrix at the month's end.
    SheetTraining => "Training", "员工培训";
    /// Sheet: counts by category.
    SheetCategory => "By category", "按类别";
    /// Sheet: counts by channel.
    SheetChannel => "By channel", "按渠道";
    /// Sheet: counts by grade.
    SheetGrade => "By grade", "按等级";
    /// Sheet: counts by department.
    SheetDepartment => "By department", "按部门";
    /// Sheet: counts by root cause.
    SheetRootCause => "By root cause", "按根本原因";
    /// Sheet: counts by customer type.
    SheetCustomerType => "By customer type", "按客户类型";
    /// Sheet: the group's branches side by side.
    SheetBranches => "Branches", "各网点";
    /// Sheet: the group's category totals.
    SheetGroupCategories => "Categories", "类别汇总";
    /// Title of a branch's workbook.
    TitleMonthly => "Monthly complaint report", "投诉处理月度报告";
    /// Title of the group workbook.
    TitleGroup => "Group complaint report", "集团投诉汇总报告";
    /// Label: branch name.
    Branch => "Branch", "网点";
    /// Label: branch code.
    BranchCode => "Branch code", "网点代码";
    /// Label: the month.
    Month => "Month", "月份";
    /// Label: when the figures were computed.
    ComputedAt => "Computed at", "统计时间";
    /// Label: how many branches a group report covers.
    BranchesIncluded => "Branches included", "参与汇总网点数";
    /// Header: a figure's name.
    Figure => "Figure", "指标";
    /// Header: this month's value.
    ThisMonth => "This month", "本月";
    /// Header: the month before.
    PreviousMonth => "Previous month", "上月";
    /// Header: change against the month before.
    ChangeVsPrevious => "Change vs previous month", "环比变化";
    /// Header: the same month a year before.
    LastYear => "Same month last year", "去年同月";
    /// Header: change against the same month a year before.
    ChangeVsLastYear => "Change vs last year", "同比变化";
    /// Note under the summary: how comparisons are coloured and what an empty cell means.
    SummaryNote =>
        "Green: better than before; red: worse. An empty cell: no figure (e.g. a rate over no cases). Changes of rates are in percentage points (pp).",
        "绿色表示比之前好，红色表示比之前差；空白表示无法计算（例如没有案件时的比率）。比率的变化以百分点（pp）表示。";
    /// Note: personal data was masked.
    PersonalMasked =>
        "Complainants’ names and phone numbers are masked.",
        "投诉人姓名和电话已做脱敏处理。";
    /// Note: personal data was included on request.
    PersonalIncluded =>
        "Contains complainants’ names and phone numbers: handle as personal data.",
        "含投诉人姓名和电话，属于个人信息，请妥善保管。";
    /// Note: descriptions were masked.
    DescriptionsMasked =>
        "In descriptions, phone numbers, the complainant’s name and ID-like numbers are replaced.",
        "案情描述中的电话号码、投诉人姓名和证件类号码已替换。";
    /// Note: descriptions are as written, on request.
    DescriptionsAsWritten =>
        "Descriptions are as written and may contain personal data.",
        "案情描述为原文，可能含有个人信息。";
    /// Chart title: the 12-month trend.
    ChartTrend => "Received and closed, last 12 months", "近 12 个月受理与结案";
    /// Chart title: counts by category.
    ChartCategories => "Complaints by category", "各类别投诉数量";
    /// Chart title: closure rate per branch.
    ChartClosureByBranch => "Closure rate by branch", "各网点结案率";
    /// Series and header: cases received.
    Received => "Received", "受理";
    /// Series and header: cases closed.
    Closed => "Closed", "结案";
    /// Header: a category.
    Category => "Category", "类别";
    /// Header: a channel.
    Channel => "Channel", "渠道";
    /// Header: a grade.
    Grade => "Grade", "等级";
    /// Header: a department.
    Department => "Department", "责任部门";
    /// Header: a root cause.
    RootCause => "Root cause", "根本原因";
    /// Header: a customer type.
    CustomerType => "Customer type", "客户类型";
    /// Header: a number of cases.
    CaseCount => "Cases", "件数";
    /// A group without a value (no department, no root cause recorded yet).
    NotSet => "(not set)", "（未填写）";
    /// Header: a share of all cases.
    Share => "Share", "占比";
    /// Header: a figure's definition.
    Definition => "Definition", "定义";
    /// Header: the case number.
    CaseNumber => "Case number", "案件编号";
    /// Header: when a case was received, local time.
    ReceivedAt => "Received (local time)", "受理时间";
    /// Header: a case's status.
    Status => "Status", "状态";
    /// Header: the complainant's name.
    Complainant => "Complainant", "投诉人";
    /// Header: the complainant's phone.
    Phone => "Phone", "联系电话";
    /// Header: who handles the case.
    Assignee => "Assignee", "处理人";
    /// Header: acknowledged on.
    AcknowledgedOn => "Acknowledged", "受理确认日期";
    /// Header: resolved on.
    ResolvedOn => "Resolved", "解决日期";
    /// Header: closed on.
    ClosedOn => "Closed", "结案日期";
    /// Header: whether the case counts in the month's "closed" figure.
    ClosedAtMonthEnd => "Closed at month end", "月末已结案";
    /// A yes in a yes/no column.
    Yes => "Yes", "是";
    /// A no in a yes/no column.
    No => "No", "否";
    /// Header: satisfaction score.
    Satisfaction => "Satisfaction (1–5)", "满意度（1–5）";
    /// Header: goodwill payment.
    GoodwillYuan => "Goodwill (yuan)", "补偿金额（元）";
    /// Header: what happened.
    Description => "Description", "投诉内容";
    /// Header: a branch's rank.
    Rank => "Rank", "排名";
    /// Row label: the sum of a table.
    Total => "Total", "合计";
    /// Row label: the group's totals.
    GroupTotal => "Group total", "集团合计";
    /// Note under the group table: how totals and ranks are made.
    GroupNote =>
        "Ranked by closure rate, then resolved-on-time rate. Group rates are recomputed from the branches’ counts (sum of numerators ÷ sum of denominators), never averaged.",
        "按结案率排名，其次按按时解决率。集团比率由各网点的计数重新计算（分子之和 ÷ 分母之和），而不是对百分比取平均。";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages_and_sheet_names_fit_excel() {
        for t in T::ALL {
            for lang in [Language::En, Language::ZhCn] {
                assert!(!t.get(lang).is_empty(), "{t:?}");
            }
        }
        let sheets = [
            T::SheetSummary,
            T::SheetCases,
            T::SheetGlossary,
            T::SheetCategory,
            T::SheetChannel,
            T::SheetGrade,
            T::SheetDepartment,
            T::SheetRootCause,
            T::SheetCustomerType,
            T::SheetBranches,
            T::SheetGroupCategories,
        ];
        for sheet in sheets {
            for lang in [Language::En, Language::ZhCn] {
                let name = sheet.get(lang);
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }
}
