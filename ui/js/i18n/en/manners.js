// English texts for the desktop manners: date fields, appearance, search, reminders.
export default {
  'date.pick': 'Choose a date',
  'date.previousMonth': 'Previous month',
  'date.nextMonth': 'Next month',
  'date.weekday.1': 'Mo',
  'date.weekday.2': 'Tu',
  'date.weekday.3': 'We',
  'date.weekday.4': 'Th',
  'date.weekday.5': 'Fr',
  'date.weekday.6': 'Sa',
  'date.weekday.7': 'Su',
  'settings.theme.title': 'Appearance',
  'settings.theme.label': 'Colours',
  'settings.theme.hint': 'System follows your computer’s light or dark mode. High-contrast mode is always followed.',
  'settings.theme.system': 'Same as the system',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
};
