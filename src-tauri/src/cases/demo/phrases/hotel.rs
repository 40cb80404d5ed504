//! Hotels: rooms, facilities, noise, the front desk, food, bills, bookings and safety.

use super::Topic;
use crate::cases::RootCause;

/// The hotel industry's own categories.
pub const TOPICS: &[Topic] = &[
    Topic {
        key: "room_cleanliness",
        weight: 20,
        department: "客房部|Housekeeping",
        cause: RootCause::Quality,
        issues: &[
            "入住时发现床单上有污渍，浴室地上有头发|there were stains on the sheets and hair on the bathroom floor at check-in",
            "房间烟味很重，要求换房被拒绝|the room smelled strongly of smoke and a room change was refused",
            "毛巾发黄还有异味|the towels were yellowed and smelled",
            "续住两天房间都没有打扫|the room was not cleaned for two days of the stay",
        ],
        requests: &[
            "要求立即换房并重新打扫|wants a room change and a full clean at once",
            "要求减免一晚房费|asks for one night's rate to be waived",
            "希望加强客房检查|hopes room inspections will be tightened",
        ],
    },
    Topic {
        key: "facilities",
        weight: 15,
        department: "工程部|Engineering",
        cause: RootCause::Facilities,
        issues: &[
            "空调不制冷，报修后两个小时没人来|the air conditioning does not cool and nobody came two hours after it was reported",
            "淋浴没有热水，洗到一半变成冷水|there was no hot water and the shower turned cold halfway through",
            "房间无线网络经常断线，无法办公|the room Wi-Fi keeps dropping and work is impossible",
            "卫生间漏水，地面全是水|the bathroom is leaking and the floor is covered in water",
        ],
        requests: &[
            "要求马上派人维修|wants someone sent to fix it now",
            "要求换到设施正常的房间|wants a room where everything works",
        ],
    },
    Topic {
        key: "noise",
        weight: 12,
        department: "前厅部|Front office",
        cause: RootCause::Facilities,
        issues: &[
            "隔壁房间深夜喧哗，投诉后没有人处理|guests next door were loud late at night and the complaint was ignored",
            "早上七点楼上装修噪音太大|renovation noise upstairs started at seven in the morning",
            "房间紧挨电梯，噪音吵得一夜没睡好|the room is next to the lift and the noise kept the guest awake all night",
        ],
        requests: &[
            "要求换一间安静的房间|wants a quiet room",
            "要求酒店提前告知装修时间|wants renovation hours announced in advance",
        ],
    },
    Topic {
        key: "front_desk",
        weight: 12,
        department: "前厅部|Front office",
        cause: RootCause::Staff,
        issues: &[
            "办理入住等了半个小时，前台只有一个人|check-in took half an hour with one person on the desk",
            "前台员工态度冷淡，回答问题不耐烦|front-desk staff were cold and impatient with questions",
            "退房后押金迟迟没有退还|the deposit has still not been refunded after check-out",
        ],
        requests: &[
            "要求前台员工当面道歉|wants an apology in person from the front-desk staff",
            "要求三天内退还押金|wants the deposit back within three days",
        ],
    },
    Topic {
        key: "food_beverage",
        weight: 10,
        department: "餐饮部|Food and beverage",
        cause: RootCause::Quality,
        issues: &[
            "早餐品种少，八点半就没有热菜了|breakfast choice was poor and no hot food was left by half past eight",
            "送餐服务等了一个多小时，菜都凉了|room service took over an hour and the food was cold",
            "餐厅的菜里吃出了异物|found a foreign object in a restaurant dish",
        ],
        requests: &[
            "要求退还餐费|wants the meal refunded",
            "要求餐厅说明原因并整改|wants the restaurant to explain and fix it",
        ],
    },
    Topic {
        key: "billing",
        weight: 9,
        department: "财务部|Finance",
        cause: RootCause::Price,
        issues: &[
            "退房账单多出一笔没有消费过的迷你吧费用|the check-out bill had a minibar charge for nothing used",
            "实际收费和预订价格不一致|the price charged differed from the booking price",
            "发票抬头开错，重新开具要等一周|the invoice had the wrong company name and a new one takes a week",
        ],
        requests: &[
            "要求核对账单并退还差价|wants the bill checked and the difference refunded",
            "要求当天重开发票|wants a correct invoice today",
        ],
    },
    Topic {
        key: "reservation",
        weight: 8,
        department: "预订部|Reservations",
        cause: RootCause::Process,
        issues: &[
            "提前预订的大床房，到店后被告知没有了|the reserved double room was not available on arrival",
            "在网上取消了订单仍然被扣款|charged even though the booking was cancelled online",
            "没收到预订确认短信，到店也查不到订单|no confirmation text arrived and the booking could not be found on arrival",
        ],
        requests: &[
            "要求免费升级房型|asks for a free upgrade",
            "要求退还已扣款项|wants the charge refunded",
        ],
    },
    Topic {
        key: "safety",
        weight: 5,
        department: "保安部|Security",
        cause: RootCause::Process,
        issues: &[
            "房门锁有故障，晚上无法反锁|the door lock is faulty and cannot be locked at night",
            "放在房间里的贵重物品丢失|valuables went missing from the room",
            "消防通道里堆放杂物|the fire escape is blocked with clutter",
        ],
        requests: &[
            "要求调取监控查明情况|wants the CCTV checked",
            "要求立即整改安全隐患|wants the hazard removed at once",
        ],
    },
];
