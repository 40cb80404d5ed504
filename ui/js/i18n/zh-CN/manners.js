// 桌面体验的中文文本：日期字段、外观、搜索、提醒。
export default {
  'date.pick': '选择日期',
  'date.previousMonth': '上个月',
  'date.nextMonth': '下个月',
  'date.weekday.1': '一',
  'date.weekday.2': '二',
  'date.weekday.3': '三',
  'date.weekday.4': '四',
  'date.weekday.5': '五',
  'date.weekday.6': '六',
  'date.weekday.7': '日',
  'settings.theme.title': '外观',
  'settings.theme.label': '配色',
  'settings.theme.hint': '“跟随系统”会随电脑的浅色或深色模式切换；系统的高对比度模式始终生效。',
  'settings.theme.system': '跟随系统',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
};
