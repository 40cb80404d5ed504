//! Phrases every industry shares: the common categories, how a complaint arrived, how the
//! customer felt, and the words of handling (actions, reasons, follow-up remarks).

use super::Topic;
use crate::cases::{Channel, CustomerType, RootCause};

/// Categories common to all industries; "other" comes last and is the fallback.
pub const TOPICS: &[Topic] = &[
    Topic {
        key: "service_attitude",
        weight: 8,
        department: "客服部|Customer service",
        cause: RootCause::Staff,
        issues: &[
            "工作人员说话态度恶劣，还挂了电话|a staff member was rude and hung up",
            "投诉后被踢皮球，谁都说不归自己管|the complaint was passed around and everyone said it was not their job",
            "员工当着其他客户的面指责客户|a staff member criticised the customer in front of others",
        ],
        requests: &[
            "要求涉事员工道歉|wants an apology from the staff member",
            "要求加强员工培训|asks for better staff training",
        ],
    },
    Topic {
        key: "communication",
        weight: 6,
        department: "客服部|Customer service",
        cause: RootCause::Communication,
        issues: &[
            "答应回电但一直没有回复|a call back was promised and never came",
            "通知张贴得太晚，事先完全不知道|the notice went up too late for anyone to know in advance",
            "不同员工给出的说法不一致|different staff gave different answers",
        ],
        requests: &[
            "要求指定专人负责联系|wants one named contact person",
            "要求书面答复|wants a written reply",
        ],
    },
    Topic {
        key: "price",
        weight: 4,
        department: "客服部|Customer service",
        cause: RootCause::Price,
        issues: &[
            "收费标准不清楚，感觉被乱收费|the charges are unclear and feel arbitrary",
            "优惠活动承诺的折扣没有兑现|the promised promotional discount was not honoured",
        ],
        requests: &["要求退还差价|wants the difference refunded"],
    },
    Topic {
        key: "other",
        weight: 4,
        department: "客服部|Customer service",
        cause: RootCause::Process,
        issues: &[
            "对上次的处理结果不满意，要求重新处理|unhappy with how it was handled last time and wants it looked at again",
            "建议延长晚间服务时间|suggests longer evening opening hours",
        ],
        requests: &["希望尽快给出答复|hopes for an answer soon"],
    },
];

/// How the complaint opens, by channel.
pub fn channel_opener(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "客户来电反映：|By phone:",
        Channel::Letter => "客户来信称：|By letter:",
        Channel::WalkIn => "客户到前台当面投诉：|In person at the desk:",
        Channel::EmailOnline => "客户通过邮件反映：|By e-mail:",
        Channel::OwnApp => "客户在App上留言：|Via the app:",
        Channel::HeadOffice => "总部客服转来投诉：|Forwarded by head office:",
        Channel::Association => "业主委员会转达投诉：|Passed on by the owners' association:",
        Channel::ConsumerAssociation => {
            "12315平台转来投诉：|Referred by the 12315 consumer hotline:"
        }
        Channel::Lawyer => "客户委托律师发函称：|Lawyer's letter on the customer's behalf:",
        Channel::Media => "客户在社交媒体发帖称：|Posted on social media:",
    }
}

/// How the customer came across, by type.
pub fn feeling(kind: CustomerType) -> &'static [&'static str] {
    match kind {
        CustomerType::Passive => &[
            "语气平和，只希望尽快处理|calm, only hopes it is dealt with soon",
            "不太愿意多说，留下电话就走了|did not want to say much and left a phone number",
        ],
        CustomerType::Talker => &[
            "反复强调公司管理有问题，谈了很久|kept saying the company is badly run and talked for a long time",
            "顺带提了好几件以前的小事|brought up several small earlier matters as well",
        ],
        CustomerType::Angry => &[
            "情绪非常激动，要求马上给说法|very upset and wants an answer right now",
            "在大厅大声指责，围观的人很多|shouted in the lobby in front of a crowd",
        ],
        CustomerType::Activist => &[
            "表示如果不解决就向媒体曝光|says they will go to the press if it is not resolved",
            "准备了照片和录音，要求书面答复|brought photos and recordings and wants a written reply",
        ],
        CustomerType::Unknown => &["希望尽快回复|would like a reply soon"],
    }
}

/// Extra detail that makes a description sound like a real one.
pub const DETAILS: &[&str] = &[
    "这已经是本月第二次了|this is the second time this month",
    "前后打了三次电话都没人处理|three calls so far and nobody has dealt with it",
    "家里有老人和小孩，影响很大|there are elderly people and children at home, so it matters a lot",
    "之前反映过一次，答应处理但没有下文|it was reported once before, a fix was promised and nothing happened",
    "拍了照片作为证据|photos were taken as evidence",
    "周末也要上班，希望约晚上时间|works at weekends too and would like an evening appointment",
];

/// What the branch did, whatever the category.
pub const ACTIONS: &[&str] = &[
    "当面道歉，说明原因并立即处理完毕|apologised in person, explained the cause and fixed it at once",
    "安排专人跟进，三天内处理完成并回访|a named person followed it up, finished within three days and called back",
    "核实情况后按规定给予补偿|checked the facts and paid compensation under the rules",
    "协调相关部门共同处理，客户认可方案|coordinated the departments involved; the customer accepted the plan",
    "更换责任人员并加强培训|changed the person responsible and added training",
    "退还相关费用并书面致歉|refunded the charge and apologised in writing",
];

/// Why a complaint was found invalid.
pub const INVALID_REASONS: &[&str] = &[
    "重复登记，已合并到之前的投诉|recorded twice; merged with the earlier complaint",
    "经核实不属于本网点责任范围|checked: not this branch's responsibility",
    "客户表示误会已解除，撤回投诉|the customer says it was a misunderstanding and withdrew it",
    "经调查录像，投诉情况不属实|CCTV shows the complaint is not accurate",
];

/// Why a case waits on the customer.
pub const PAUSE_REASONS: &[&str] = &[
    "等待客户提供照片和凭证|waiting for photos and receipts from the customer",
    "客户出差，约定下周上门|customer away on business; visit agreed for next week",
    "等待客户确认赔偿方案|waiting for the customer to accept the compensation offer",
];

/// Why a closed case was reopened.
pub const REOPEN_REASONS: &[&str] = &[
    "客户反映问题再次出现|the customer says the problem is back",
    "客户对处理结果不认可，要求重新处理|the customer does not accept the outcome and wants it reopened",
];

/// Why a grade below the suggestion was chosen.
pub const GRADE_LOWERED: &[&str] = &[
    "已与客户当面沟通，曝光风险已解除|spoke to the customer in person; no longer a press risk",
    "涉及户数经核实少于登记数量|fewer households involved than first recorded",
];

/// What a satisfied customer said on the follow-up call.
pub const FOLLOW_UP_GOOD: &[&str] = &[
    "客户表示满意，感谢及时处理|satisfied and thanked the team for acting quickly",
    "问题已解决，没有其他意见|problem solved, nothing further",
];

/// What an unhappy customer said on the follow-up call.
pub const FOLLOW_UP_POOR: &[&str] = &[
    "客户认为处理太慢|the customer thought it took too long",
    "客户对补偿金额不满意|the customer is unhappy with the amount offered",
];

/// How staff tried to reach a customer who never answered.
pub const UNREACHABLE_NOTES: &[&str] = &[
    "三次致电无人接听，已发短信告知处理结果|called three times without answer; result sent by text",
    "电话停机，已按地址寄出回访信|number out of service; a follow-up letter was posted",
];
