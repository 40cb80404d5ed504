//! The mapping's rules: synonyms, suggestions, resolving, files and signatures.

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
