//! Postal and express outlets: late, lost and damaged parcels, fees, pickup and the counter.

use super::Topic;
use crate::cases::RootCause;

/// The postal industry's own categories.
pub const TOPICS: &[Topic] = &[
    Topic {
        key: "delivery_delay",
        weight: 30,
        department: "派送部|Delivery",
        cause: RootCause::Delay,
        issues: &[
            "快递寄出五天了还没送到，物流信息一直停在中转站|the parcel sent five days ago has still not arrived and tracking has been stuck at the transit hub",
            "生鲜包裹延误两天才送到，里面的水果已经坏了|a fresh-food parcel was delayed by two days and the fruit inside had gone bad",
            "承诺次日达的文件延误三天，耽误了投标截止时间|a next-day document was delayed by three days and missed a tender deadline",
            "派送员说今天一定送到，等了一整天也没人来|the courier promised delivery today, the customer waited all day and nobody came",
            "包裹显示到达网点已经三天，一直没有安排派送|the parcel has shown as at the branch for three days without going out for delivery",
        ],
        requests: &[
            "要求今天之内送达并说明延误原因|wants it delivered today and an explanation of the delay",
            "要求按延误赔偿运费|asks for the shipping fee back for the delay",
            "希望以后提前通知延误情况|hopes to be told about delays in advance next time",
        ],
    },
    Topic {
        key: "parcel_loss",
        weight: 12,
        department: "客服部|Customer service",
        cause: RootCause::Quality,
        issues: &[
            "寄往成都的包裹丢失，查询半个月没有结果|a parcel to Chengdu was lost and two weeks of enquiries brought no answer",
            "物流显示已签收，但本人和家人都没有收到|tracking says delivered and signed for, but nobody in the family received it",
            "保价寄出的手机在运输途中丢失|an insured mobile phone went missing in transit",
            "两件包裹只收到一件，另一件下落不明|only one of two parcels arrived and the other cannot be found",
        ],
        requests: &[
            "要求按保价金额全额赔偿|asks for full compensation at the insured value",
            "要求三天内查清包裹去向|wants the parcel traced within three days",
            "要求提供签收人信息和签收照片|wants the signer's name and the proof-of-delivery photo",
        ],
    },
    Topic {
        key: "parcel_damage",
        weight: 12,
        department: "操作部|Operations",
        cause: RootCause::Quality,
        issues: &[
            "收到的纸箱被压扁，里面的瓷器全碎了|the box arrived crushed and the porcelain inside was broken",
            "外包装完好但显示器屏幕破裂|the outer packing was intact but the monitor screen was cracked",
            "包裹被雨淋湿，里面的书全部泡坏|the parcel got soaked in the rain and the books inside were ruined",
            "贴了易碎品标识，仍然被摔坏|it was clearly marked fragile and still arrived smashed",
        ],
        requests: &[
            "要求照价赔偿损坏物品|asks to be paid the value of the damaged goods",
            "要求重新寄送一件完好的商品|wants an undamaged replacement sent",
            "要求加强分拣时的包装保护|asks for better protection during sorting",
        ],
    },
    Topic {
        key: "wrong_delivery",
        weight: 8,
        department: "派送部|Delivery",
        cause: RootCause::Process,
        issues: &[
            "未经同意把快递放在门口，结果丢了|the parcel was left at the door without consent and then disappeared",
            "包裹被放到隔壁小区的驿站，没有任何通知|the parcel was dropped at a locker in the next estate with no notice",
            "派送员没打电话就直接显示投递失败|the courier marked the delivery as failed without even phoning",
            "收到的是别人的包裹，自己的不知去向|received someone else's parcel while their own is missing",
        ],
        requests: &[
            "要求送货上门并当面签收|wants delivery to the door and a signature in person",
            "要求找回包裹并向本人道歉|wants the parcel found and a personal apology",
        ],
    },
    Topic {
        key: "shipping_fees",
        weight: 6,
        department: "营业厅|Counter",
        cause: RootCause::Price,
        issues: &[
            "称重和收费不一致，多收了十几元|the weight and the charge did not match and more than ten yuan was overcharged",
            "寄件时没有告知需要另收包装费|was not told about an extra packing fee when sending",
            "到付运费比网上查询的价格高一倍|the freight-collect fee was twice the price quoted online",
        ],
        requests: &[
            "要求退还多收的费用|wants the overcharge refunded",
            "要求公示收费标准|asks for the price list to be displayed",
        ],
    },
    Topic {
        key: "pickup",
        weight: 6,
        department: "揽收部|Pickup",
        cause: RootCause::Staff,
        issues: &[
            "预约上门取件，快递员连续两天爽约|booked a home pickup and the courier failed to show two days running",
            "取件员态度不耐烦，催着马上打包|the pickup courier was impatient and rushed the packing",
            "下单后一直没有人联系上门揽收|nobody ever got in touch to collect after the order was placed",
        ],
        requests: &[
            "要求按约定时间上门取件|wants the pickup at the agreed time",
            "要求更换取件员|asks for a different courier",
        ],
    },
    Topic {
        key: "counter_queue",
        weight: 5,
        department: "营业厅|Counter",
        cause: RootCause::Process,
        issues: &[
            "营业厅只开一个窗口，排队等了四十分钟|only one counter was open and the queue took forty minutes",
            "午休时间柜台无人，白跑了一趟|the counter was unattended at lunchtime and the trip was wasted",
            "取件排长队，工作人员还在聊天|a long queue to collect parcels while staff were chatting",
        ],
        requests: &[
            "建议高峰时段多开窗口|suggests opening more counters at peak times",
            "要求工作人员道歉|wants an apology from the staff",
        ],
    },
    Topic {
        key: "tracking_info",
        weight: 6,
        department: "客服部|Customer service",
        cause: RootCause::Communication,
        issues: &[
            "物流信息三天没有更新，客服电话打不通|tracking has not updated for three days and the hotline cannot be reached",
            "短信通知已派送，实际上包裹还在网点|a text said delivered but the parcel was still at the branch",
            "查询单号显示不存在|the tracking number shows as not found",
        ],
        requests: &[
            "要求及时更新物流信息|wants tracking kept up to date",
            "要求专人跟进并回电|wants one person to follow it up and call back",
        ],
    },
];
