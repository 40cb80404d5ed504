//! Names, phone prefixes and the demo staff directory.

use crate::settings::Industry;

/// Common Chinese surnames.
pub const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
];

/// Characters for given names; one or two are combined.
pub const GIVEN_NAMES: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英", "建华", "志强", "晓梅", "海燕", "子涵", "浩然", "雨桐",
    "俊杰", "欣怡", "宇轩",
];

/// Complainants writing in English: expatriate residents, foreign guests.
pub const EN_NAMES: &[&str] = &[
    "David Wang",
    "Sarah Miller",
    "Ms. Chen",
    "Mr. Johnson",
    "Anna Schmidt",
    "Kenji Sato",
    "Laura Rossi",
    "Tom Baker",
    "Priya Nair",
    "Mr. Li",
    "Emma Wilson",
    "Lucas Martin",
];

/// The first three digits of mainland mobile numbers.
pub const MOBILE_PREFIXES: &[&str] = &[
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "157", "158", "159", "166", "176", "177", "180", "181", "183", "186", "187", "188",
    "189", "199",
];

/// The demo staff directory for an industry: name, position, department.
pub fn staff(industry: Industry) -> &'static [(&'static str, &'static str, &'static str)] {
    match industry {
        Industry::Postal => &[
            ("周晓梅", "网点主管", "营业厅"),
            ("王建国", "客服专员", "客服部"),
            ("李娜", "客服专员", "客服部"),
            ("陈志强", "派送组长", "派送部"),
            ("刘洋", "快递员", "派送部"),
            ("赵敏", "营业员", "营业厅"),
            ("孙浩", "揽收员", "揽收部"),
            ("黄丽", "操作员", "操作部"),
        ],
        Industry::Hotel => &[
            ("林海燕", "值班经理", "前厅部"),
            ("张伟", "前台主管", "前厅部"),
            ("吴静", "客房主管", "客房部"),
            ("郑磊", "工程主管", "工程部"),
            ("何欣怡", "宾客关系主任", "前厅部"),
            ("马俊杰", "餐厅经理", "餐饮部"),
            ("高芳", "预订专员", "预订部"),
            ("徐强", "保安主管", "保安部"),
        ],
        Industry::Property | Industry::Other => &[
            ("郭秀英", "项目经理", "客服中心"),
            ("杨帆", "客服主管", "客服中心"),
            ("朱丽", "客服专员", "客服中心"),
            ("罗勇", "工程主管", "工程部"),
            ("谢军", "维修工", "工程部"),
            ("韩涛", "秩序维护主管", "秩序维护部"),
            ("曹艳", "环境主管", "环境部"),
            ("彭明", "客服专员", "客服中心"),
        ],
    }
}
