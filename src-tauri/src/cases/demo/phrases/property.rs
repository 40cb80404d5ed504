//! Property management: building quality, repairs, security, cleaning, fees, parking,
//! neighbours and shared facilities.

use super::Topic;
use crate::cases::RootCause;

/// The property industry's own categories.
pub const TOPICS: &[Topic] = &[
    Topic {
        key: "building_quality",
        weight: 10,
        department: "工程部|Engineering",
        cause: RootCause::Quality,
        issues: &[
            "交房半年外墙渗水，卧室墙面发霉|six months after handover the outer wall lets water in and the bedroom wall is mouldy",
            "楼上卫生间漏水，天花板大面积水渍|the bathroom upstairs is leaking and the ceiling has large water stains",
            "客厅地面瓷砖空鼓开裂|floor tiles in the living room are hollow and cracking",
            "窗户密封不好，一下雨就漏水|the windows are badly sealed and water leaks in whenever it rains",
        ],
        requests: &[
            "要求开发商和物业一起上门查看|wants the developer and the property office to inspect together",
            "要求一周内修好并赔偿损失|wants it fixed within a week and the damage paid for",
        ],
    },
    Topic {
        key: "repairs",
        weight: 20,
        department: "工程部|Engineering",
        cause: RootCause::Delay,
        issues: &[
            "报修水管漏水三天了，维修人员还没上门|a leaking pipe was reported three days ago and no repair visit has happened",
            "电梯一周内故障三次，有老人被困在里面|the lift broke down three times this week and an elderly resident was trapped",
            "单元门禁坏了一个月没人修|the entrance access control has been broken for a month",
            "维修后问题又出现了，继续漏水|the problem came back after the repair and it is leaking again",
        ],
        requests: &[
            "要求今天派维修人员上门|wants a repair visit today",
            "要求说明维修进度和完成时间|wants to know the repair progress and finish date",
            "要求彻底修好不再返修|wants it fixed properly once and for all",
        ],
    },
    Topic {
        key: "security",
        weight: 8,
        department: "秩序维护部|Security",
        cause: RootCause::Staff,
        issues: &[
            "夜间陌生人随意进出小区，保安不登记|strangers come and go at night and the guards do not register them",
            "电动车在车棚被盗，监控看不清|an e-bike was stolen from the shelter and the CCTV footage is unclear",
            "保安值班时间睡觉|a guard was asleep on duty",
        ],
        requests: &[
            "要求加强夜间巡逻|wants more night patrols",
            "要求调取监控并协助报警|wants the CCTV retrieved and help reporting to the police",
        ],
    },
    Topic {
        key: "cleaning",
        weight: 10,
        department: "环境部|Environment",
        cause: RootCause::Quality,
        issues: &[
            "垃圾桶满了两天没人清运，味道很大|the bins have been full for two days without collection and smell badly",
            "楼道卫生差，地面很久没拖|the stairwells are dirty and the floors have not been mopped for ages",
            "绿化带蚊虫多，从来没有消杀|there are lots of mosquitoes in the green belt and it is never sprayed",
        ],
        requests: &[
            "要求每天按时清运垃圾|wants the rubbish collected on time every day",
            "要求公布保洁安排|wants the cleaning schedule published",
        ],
    },
    Topic {
        key: "property_fees",
        weight: 10,
        department: "客服中心|Service centre",
        cause: RootCause::Price,
        issues: &[
            "物业费上涨没有提前公示|the property fee went up without prior notice",
            "公摊水电费的计算方法不透明|shared utility charges are calculated opaquely",
            "已经缴费了还收到催缴通知|received a payment reminder although the fee was already paid",
        ],
        requests: &[
            "要求公开收费明细|wants the fee breakdown made public",
            "要求撤回催缴通知并道歉|wants the reminder withdrawn and an apology",
        ],
    },
    Topic {
        key: "parking",
        weight: 10,
        department: "秩序维护部|Security",
        cause: RootCause::Process,
        issues: &[
            "自己的固定车位经常被外来车辆占用|the owner's parking space is regularly taken by outside cars",
            "地下车库很多灯坏了，晚上很黑|many lights are out in the underground car park and it is very dark at night",
            "停车费涨价了车位却没有增加|the parking fee went up but there are no more spaces",
        ],
        requests: &[
            "要求处理占用车位的车辆|wants the cars in the space dealt with",
            "要求尽快修好车库照明|wants the car-park lights fixed soon",
        ],
    },
    Topic {
        key: "neighbours",
        weight: 10,
        department: "客服中心|Service centre",
        cause: RootCause::External,
        issues: &[
            "楼上住户每天深夜噪音很大，多次沟通无果|the neighbours upstairs are noisy every night and talking to them has not helped",
            "邻居在公共走廊堆放杂物|a neighbour piles belongings in the shared corridor",
            "楼下装修噪音影响休息|renovation noise downstairs disturbs rest",
        ],
        requests: &[
            "要求物业出面协调|wants the property office to mediate",
            "要求限定装修施工时间|wants renovation hours enforced",
        ],
    },
    Topic {
        key: "shared_facilities",
        weight: 8,
        department: "工程部|Engineering",
        cause: RootCause::Facilities,
        issues: &[
            "小区健身器材损坏，存在安全隐患|the estate gym equipment is broken and unsafe",
            "儿童游乐场地面破损|the surface of the children's playground is damaged",
            "二次供水的自来水发黄|water from the building tank comes out yellow",
        ],
        requests: &[
            "要求尽快维修或停用|wants it repaired or closed off soon",
            "要求公布水质检测报告|wants the water test report published",
        ],
    },
];
