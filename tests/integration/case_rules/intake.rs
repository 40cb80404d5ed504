//! The grade suggested at intake (escalated channels, the customer's open serious cases) and
//! the repeat warning across categories (issue 12, points 4 and 5).

use super::*;

#[tokio::test]
async fn an_escalated_channel_raises_the_suggested_grade_as_the_seed_rules_do() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = intake(&pool, "客户向媒体爆料").await;
    input.phone = None;
    for (channel, grade, rule) in [
        ("media", 1, "media_channel"),
        ("lawyer", 2, "lawyer_channel"),
        ("consumer_association", 2, "regulator_channel"),
        ("head_office", 4, "general"),
        ("phone", 4, "general"),
    ] {
        input.channel = channel.into();
        let check = check_intake(&pool, &input, now()).await.unwrap();
        assert_eq!(check.suggestion.grade.get(), grade, "{channel}");
        assert_eq!(check.suggestion.reason_code(), rule, "{channel}");
    }
    input.channel = "media".into();
    let id = create_case(&pool, &input, None, now()).await.unwrap();
    let detail = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(detail.fields["grade"], 1, "saved at the suggested grade");
    assert_eq!(detail.suggestion.reason_code(), "media_channel");
}

#[tokio::test]
async fn a_customer_with_an_open_serious_case_is_suggested_at_least_that_grade_with_the_case_named()
{
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut group = intake(&pool, "五户联名投诉快递柜").await;
    group.households = Some(5);
    let serious = create_case(&pool, &group, None, now()).await.unwrap();
    let number = get_case(&pool, serious, now()).await.unwrap().fields["number"]
        .as_str()
        .unwrap()
        .to_owned();

    // Another complaint from the same phone, about something else in another category.
    let mut again = intake(&pool, "又打电话来催").await;
    again.category_id = category(&pool, 3).await;
    again.phone = Some("13922223333".into());
    let check = check_intake(&pool, &again, now()).await.unwrap();
    assert_eq!(check.suggestion.grade.get(), 2);
    assert_eq!(check.suggestion.reason_code(), "customer_open_serious");
    assert_eq!(
        check.suggestion.customer_case.as_deref(),
        Some(number.as_str())
    );
    let json = serde_json::to_value(&check.suggestion).unwrap();
    assert_eq!(json["customerCase"], number.as_str());

    let follow_on = create_case(&pool, &again, None, now()).await.unwrap();
    let detail = get_case(&pool, follow_on, now()).await.unwrap();
    assert_eq!(detail.fields["grade"], 2);
    assert_eq!(detail.suggestion.reason_code(), "customer_open_serious");
    // The earlier case is not raised by the later one.
    let earlier = get_case(&pool, serious, now()).await.unwrap();
    assert_eq!(earlier.suggestion.reason_code(), "households_3_to_9");
    assert!(
        !earlier
            .suggestion
            .fired
            .contains(&branchdesk::cases::GradeRule::CustomerOpenSerious),
        "both were received in the same second; only the later one takes the earlier's grade"
    );

    // Once the customer has no open serious case, a new complaint is graded on its own again.
    let void = StatusChange {
        reason: Some("与前一单重复".into()),
        ..to("invalid")
    };
    change_status(&pool, follow_on, &void, None, now())
        .await
        .unwrap();
    resolve(&pool, serious, now()).await;
    change_status(&pool, serious, &closing("2026-11-20"), None, now())
        .await
        .unwrap();
    let check = check_intake(&pool, &again, now()).await.unwrap();
    assert_eq!(check.suggestion.grade.get(), 4);
    assert_eq!(check.suggestion.customer_case, None);
}

#[tokio::test]
async fn the_repeat_warning_matches_the_customer_in_any_category_and_says_which_key() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let by_phone = create_case(&pool, &intake(&pool, "快递延误").await, None, now())
        .await
        .unwrap();
    let mut parcel = intake(&pool, "包裹破损").await;
    parcel.category_id = category(&pool, 2).await;
    parcel.phone = Some("137 0000 1111".into());
    parcel.reference = Some("SF 1234 5678".into());
    let by_reference = create_case(&pool, &parcel, None, now()).await.unwrap();
    let mut stranger = intake(&pool, "别人的投诉").await;
    stranger.phone = Some("136 9999 9999".into());
    create_case(&pool, &stranger, None, now()).await.unwrap();

    let mut new = intake(&pool, "柜台态度差").await;
    new.category_id = category(&pool, 5).await;
    new.reference = Some("sf12345678".into());
    let check = check_intake(&pool, &new, now()).await.unwrap();
    let found: Vec<(i64, Vec<&str>, bool)> = check
        .likely_duplicates
        .iter()
        .map(|d| (d.case.id, d.matched_by.clone(), d.same_category))
        .collect();
    assert_eq!(
        found,
        [
            (by_reference, vec!["reference"], false),
            (by_phone, vec!["phone"], false)
        ]
    );
    let json = serde_json::to_value(&check.likely_duplicates[1]).unwrap();
    assert_eq!(json["number"], "PD01-202611-0001");
    assert_eq!(json["matchedBy"], serde_json::json!(["phone"]));
    assert_eq!(json["sameCategory"], false);

    // A voided case is never a repeat.
    let mut old = intake(&pool, "去年的投诉").await;
    old.phone = Some("135 5555 5555".into());
    old.received_at = Some(local(now() - TimeDelta::days(200)));
    let old_id = create_case(&pool, &old, None, now()).await.unwrap();
    change_status(
        &pool,
        old_id,
        &StatusChange {
            reason: Some("登记错误".into()),
            ..to("invalid")
        },
        None,
        now(),
    )
    .await
    .unwrap();
    let mut asks = intake(&pool, "新投诉").await;
    asks.phone = old.phone.clone();
    assert!(
        check_intake(&pool, &asks, now())
            .await
            .unwrap()
            .likely_duplicates
            .is_empty()
    );
}
