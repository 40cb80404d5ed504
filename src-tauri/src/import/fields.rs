//! The case fields a spreadsheet column can fill, the mapping from fields to columns, and the
//! mapping suggested from header names in Chinese and English.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};

/// A case field that a column of the spreadsheet can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetField {
    /// When the complaint was received (required).
    ReceivedAt,
    /// The complainant's name.
    ComplainantName,
    /// The complainant's phone.
    Phone,
    /// Room, unit, tracking or order number.
    Reference,
    /// What happened (required).
    Description,
    /// The category, by name in either language.
    Category,
    /// How it reached the branch.
    Channel,
    /// The kind of customer.
    CustomerType,
    /// What the customer asked for.
    CustomerRequest,
    /// Whether it is done: words meaning closed store the case as closed.
    Status,
    /// When it was closed.
    ClosedAt,
    /// What was done.
    ActionTaken,
    /// The number the old log gave it, kept in the reference so it can be searched.
    OriginalNumber,
}

impl TargetField {
    /// Every field, in the order the wizard lists them.
    pub const ALL: [TargetField; 13] = [
        TargetField::ReceivedAt,
        TargetField::Description,
        TargetField::ComplainantName,
        TargetField::Phone,
        TargetField::Reference,
        TargetField::Category,
        TargetField::Channel,
        TargetField::CustomerType,
        TargetField::CustomerRequest,
        TargetField::Status,
        TargetField::ClosedAt,
        TargetField::ActionTaken,
        TargetField::OriginalNumber,
    ];

    /// The fields a mapping must fill.
    pub const REQUIRED: [TargetField; 2] = [TargetField::ReceivedAt, TargetField::Description];

    /// The stable code, as in mapping files and row problems.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetField::ReceivedAt => "received_at",
            TargetField::ComplainantName => "complainant_name",
            TargetField::Phone => "phone",
            TargetField::Reference => "reference",
            TargetField::Description => "description",
            TargetField::Category => "category",
            TargetField::Channel => "channel",
            TargetField::CustomerType => "customer_type",
            TargetField::CustomerRequest => "customer_request",
            TargetField::Status => "status",
            TargetField::ClosedAt => "closed_at",
            TargetField::ActionTaken => "action_taken",
            TargetField::OriginalNumber => "original_number",
        }
    }

    /// Header words that name this field, already folded by [`fold_header`]. Longer words are
    /// more specific: "客户类型" beats "客户".
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            TargetField::ReceivedAt => &[
                "日期",
                "受理时间",
                "受理日期",
                "投诉时间",
                "投诉日期",
                "来电时间",
                "登记时间",
                "登记日期",
                "接收时间",
                "接报时间",
                "反映时间",
                "时间",
                "date",
                "received",
                "receivedat",
                "datereceived",
                "time",
                "complaintdate",
                "datetime",
            ],
            TargetField::ComplainantName => &[
                "投诉人",
                "投诉人姓名",
                "客户",
                "客户姓名",
                "姓名",
                "联系人",
                "业主",
                "业主姓名",
                "住户",
                "客人",
                "顾客",
                "宾客",
                "寄件人",
                "name",
                "complainant",
                "customer",
                "customername",
                "guest",
                "guestname",
                "contactname",
            ],
            TargetField::Phone => &[
                "电话",
                "联系电话",
                "手机",
                "手机号",
                "手机号码",
                "联系方式",
                "电话号码",
                "phone",
                "tel",
                "telephone",
                "mobile",
                "phonenumber",
                "contactnumber",
            ],
            TargetField::Reference => &[
                "房号",
                "单号",
                "房号单号",
                "房间号",
                "门牌号",
                "运单号",
                "快递单号",
                "订单号",
                "房屋",
                "单元",
                "room",
                "roomno",
                "unit",
                "order",
                "orderno",
                "tracking",
                "trackingno",
                "reference",
                "ref",
                "waybill",
            ],
            TargetField::Description => &[
                "投诉内容",
                "内容",
                "问题描述",
                "投诉事项",
                "事由",
                "描述",
                "详情",
                "投诉描述",
                "反映问题",
                "问题",
                "description",
                "details",
                "complaint",
                "content",
                "issue",
                "problem",
                "summary",
            ],
            TargetField::Category => &[
                "类别",
                "类型",
                "分类",
                "投诉类别",
                "投诉类型",
                "问题类型",
                "问题分类",
                "category",
                "type",
                "complainttype",
            ],
            TargetField::Channel => &[
                "渠道",
                "来源",
                "投诉渠道",
                "投诉方式",
                "投诉来源",
                "受理方式",
                "方式",
                "channel",
                "source",
                "via",
            ],
            TargetField::CustomerType => &[
                "客户类型",
                "客户类别",
                "客户性格",
                "customertype",
                "personality",
            ],
            TargetField::CustomerRequest => &[
                "诉求",
                "客户诉求",
                "要求",
                "客户要求",
                "投诉诉求",
                "request",
                "customerrequest",
                "demand",
                "wants",
            ],
            TargetField::Status => &[
                "状态",
                "处理状态",
                "进度",
                "处理进度",
                "是否办结",
                "是否解决",
                "status",
                "state",
            ],
            TargetField::ClosedAt => &[
                "结案时间",
                "结案日期",
                "关闭时间",
                "完成时间",
                "完成日期",
                "办结时间",
                "办结日期",
                "处理完成时间",
                "解决时间",
                "closed",
                "closedat",
                "dateclosed",
                "resolvedat",
                "completedat",
            ],
            TargetField::ActionTaken => &[
                "处理结果",
                "处理情况",
                "处理措施",
                "处理意见",
                "处理过程",
                "解决方案",
                "结果",
                "action",
                "actiontaken",
                "resolution",
                "result",
                "outcome",
            ],
            TargetField::OriginalNumber => &[
                "编号",
                "原编号",
                "投诉编号",
                "工单号",
                "工单编号",
                "单据编号",
                "登记编号",
                "no",
                "number",
                "id",
                "caseno",
                "ticket",
                "ticketno",
                "caseid",
            ],
        }
    }
}

/// A header folded for matching: letters and digits only, lower-case ("Room No." → "roomno",
/// "房号/单号" → "房号单号").
pub fn fold_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How strongly a folded header names a field: an exact synonym beats any partial one, and a
/// longer partial one beats a shorter. Partial matches need a word of some substance (two
/// Chinese characters or four letters), so "id" does not claim "paid".
fn score(folded: &str, field: TargetField) -> u32 {
    field
        .synonyms()
        .iter()
        .map(|word| {
            let weight: u32 = word.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            if folded == *word {
                1000 + weight
            } else if weight >= 4 && folded.contains(word) {
                10 * weight
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// Which column (by its header text) fills which field. As a file:
/// `{"received_at": "受理时间", "description": "投诉内容"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mapping(pub BTreeMap<TargetField, String>);

/// The column index of each field after checking a mapping against the headers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns([Option<usize>; TargetField::ALL.len()]);

impl Columns {
    /// The column that fills `field`, if any.
    pub fn get(&self, field: TargetField) -> Option<usize> {
        self.0[field as usize]
    }
}

impl Mapping {
    /// Suggests a mapping from header names: each column fills at most one field, the
    /// strongest matches first.
    pub fn suggest(headers: &[String]) -> Mapping {
        let folded: Vec<String> = headers.iter().map(|h| fold_header(h)).collect();
        let mut pairs: Vec<(u32, usize, TargetField)> = folded
            .iter()
            .enumerate()
            .flat_map(|(column, header)| {
                TargetField::ALL
                    .into_iter()
                    .map(move |field| (score(header, field), column, field))
            })
            .filter(|(points, ..)| *points > 0)
            .collect();
        // Strongest first; ties go to the leftmost column, then to the field listed first.
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut used = vec![false; headers.len()];
        let mut mapping = BTreeMap::new();
        for (_, column, field) in pairs {
            if used[column] || mapping.contains_key(&field) {
                continue;
            }
            used[column] = true;
            mapping.insert(field, headers[column].clone());
        }
        Mapping(mapping)
    }

    /// The same mapping over `headers`: each column name is replaced by the header it matches
    /// up to case, spacing and punctuation, so a mapping remembered from "Date" fits "DATE ".
    pub fn adapt(&self, headers: &[String]) -> Mapping {
        let adapted = self
            .0
            .iter()
            .map(|(field, header)| {
                let folded = fold_header(header);
                let actual = headers
                    .iter()
                    .find(|h| *h == header)
                    .or_else(|| headers.iter().find(|h| fold_header(h) == folded))
                    .unwrap_or(header);
                (*field, actual.clone())
            })
            .collect();
        Mapping(adapted)
    }

    /// Whether every required field has a column.
    pub fn is_complete(&self) -> bool {
        TargetField::REQUIRED
            .iter()
            .all(|field| self.0.contains_key(field))
    }

    /// Finds each mapped header among `headers` (the first of equal ones). A required field
    /// without a column is `invalid.required` on `mapping.<field>`; a header that is not in the
    /// file is `invalid.choice` there.
    pub fn resolve(&self, headers: &[String]) -> Result<Columns> {
        for field in TargetField::REQUIRED {
            let given = self.0.get(&field).is_some_and(|h| !h.trim().is_empty());
            if !given {
                return Err(Error::invalid(
                    format!("mapping.{}", field.as_str()),
                    Invalid::Required,
                ));
            }
        }
        let mut columns = Columns::default();
        for (field, header) in &self.0 {
            if header.trim().is_empty() {
                continue;
            }
            let index = headers
                .iter()
                .position(|h| h == header)
                .or_else(|| headers.iter().position(|h| h.trim() == header.trim()))
                .ok_or_else(|| {
                    Error::invalid(format!("mapping.{}", field.as_str()), Invalid::Choice)
                })?;
            columns.0[*field as usize] = Some(index);
        }
        Ok(columns)
    }
}

/// A short, stable key for a list of headers, so a mapping can be remembered for files that
/// share their columns (FNV-1a over the folded headers).
pub fn header_signature(headers: &[String]) -> String {
    let hash = headers
        .iter()
        .flat_map(|h| fold_header(h).into_bytes().into_iter().chain([0x1f]))
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    fn suggested(names: &[&str]) -> Vec<(&'static str, String)> {
        Mapping::suggest(&headers(names))
            .0
            .into_iter()
            .map(|(field, header)| (field.as_str(), header))
            .collect()
    }

    #[test]
    fn a_typical_chinese_log_maps_every_column() {
        let mapping = suggested(&[
            "编号",
            "受理时间",
            "投诉人",
            "电话",
            "房号/单号",
            "投诉内容",
            "类别",
            "渠道",
            "状态",
            "处理结果",
        ]);
        let expected = [
            ("received_at", "受理时间"),
            ("complainant_name", "投诉人"),
            ("phone", "电话"),
            ("reference", "房号/单号"),
            ("description", "投诉内容"),
            ("category", "类别"),
            ("channel", "渠道"),
            ("status", "状态"),
            ("action_taken", "处理结果"),
            ("original_number", "编号"),
        ];
        let mut want: Vec<(&str, String)> = expected
            .iter()
            .map(|(f, h)| (*f, (*h).to_owned()))
            .collect();
        want.sort();
        let mut got = mapping;
        got.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn english_headers_with_punctuation_and_case_map_too() {
        let mapping = Mapping::suggest(&headers(&[
            "Date Received",
            "Customer Name",
            "Phone No.",
            "Room No.",
            "Details",
            "Customer type",
            "Closed at",
            "Ticket #",
        ]));
        let get = |field| mapping.0.get(&field).map(String::as_str);
        assert_eq!(get(TargetField::ReceivedAt), Some("Date Received"));
        assert_eq!(get(TargetField::ComplainantName), Some("Customer Name"));
        assert_eq!(get(TargetField::Phone), Some("Phone No."));
        assert_eq!(get(TargetField::Reference), Some("Room No."));
        assert_eq!(get(TargetField::Description), Some("Details"));
        assert_eq!(get(TargetField::CustomerType), Some("Customer type"));
        assert_eq!(get(TargetField::ClosedAt), Some("Closed at"));
        assert_eq!(get(TargetField::OriginalNumber), Some("Ticket #"));
        assert!(mapping.is_complete());
    }

    #[test]
    fn the_more_specific_header_wins_and_each_column_is_used_once() {
        // "结案时间" contains "时间" but names the closing time; "客户类型" is not a name.
        let mapping = Mapping::suggest(&headers(&[
            "结案时间",
            "客户类型",
            "登记日期",
            "投诉问题描述",
        ]));
        let get = |field| mapping.0.get(&field).map(String::as_str);
        assert_eq!(get(TargetField::ClosedAt), Some("结案时间"));
        assert_eq!(get(TargetField::ReceivedAt), Some("登记日期"));
        assert_eq!(get(TargetField::CustomerType), Some("客户类型"));
        assert_eq!(get(TargetField::ComplainantName), None);
        assert_eq!(get(TargetField::Description), Some("投诉问题描述"));
        assert!(!Mapping::suggest(&headers(&["paid", "amount"])).is_complete());
    }

    #[test]
    fn resolving_finds_columns_and_names_what_is_missing() {
        let file = headers(&["日期", "内容", "类别"]);
        let columns = Mapping::suggest(&file).resolve(&file).unwrap();
        assert_eq!(columns.get(TargetField::ReceivedAt), Some(0));
        assert_eq!(columns.get(TargetField::Category), Some(2));
        assert_eq!(columns.get(TargetField::Phone), None);

        let mut partial = Mapping::default();
        partial.0.insert(TargetField::ReceivedAt, "日期".into());
        let err = partial.resolve(&file).unwrap_err();
        assert_eq!(err.field(), Some("mapping.description"));
        assert_eq!(err.code(), "invalid.required");

        partial
            .0
            .insert(TargetField::Description, "没有这一列".into());
        let err = partial.resolve(&file).unwrap_err();
        assert_eq!(err.field(), Some("mapping.description"));
        assert_eq!(err.code(), "invalid.choice");
    }

    #[test]
    fn a_remembered_mapping_adapts_to_headers_written_differently() {
        let mut mapping = Mapping::default();
        mapping.0.insert(TargetField::ReceivedAt, "Date".into());
        mapping.0.insert(TargetField::Phone, "gone".into());
        let adapted = mapping.adapt(&headers(&["DATE ", "Phone"]));
        assert_eq!(adapted.0[&TargetField::ReceivedAt], "DATE ");
        assert_eq!(adapted.0[&TargetField::Phone], "gone");
    }

    #[test]
    fn mapping_files_use_field_codes() {
        let mapping: Mapping =
            serde_json::from_str(r#"{"received_at": "日期", "original_number": "编号"}"#).unwrap();
        assert_eq!(mapping.0[&TargetField::OriginalNumber], "编号");
        assert!(serde_json::from_str::<Mapping>(r#"{"when": "日期"}"#).is_err());
        assert_eq!(
            serde_json::to_string(&mapping).unwrap(),
            r#"{"received_at":"日期","original_number":"编号"}"#
        );
    }

    #[test]
    fn the_signature_ignores_spacing_and_case_but_not_order() {
        let a = header_signature(&headers(&["Date", "Details"]));
        assert_eq!(a, header_signature(&headers(&[" date ", "DETAILS"])));
        assert_ne!(a, header_signature(&headers(&["Details", "Date"])));
        assert_eq!(a.len(), 16);
    }
}
