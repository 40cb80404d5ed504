// Display names for things the backend identifies by key.

import { t, hasKey } from '../i18n/index.js';

/// A category's display name: the user's own name if it has one, else the translated seed
/// name (so seeded categories follow the language), else the raw seed key.
export function categoryName(category) {
  if (category?.name) return category.name;
  const key = `category.${category?.seedKey}`;
  return hasKey(key) ? t(key) : String(category?.seedKey ?? '');
}

/// Looks up category names by id in a loaded list: `(id) => name`, '' for an unknown id.
export function categoryNamer(categories) {
  return (id) => {
    const found = (categories ?? []).find((category) => category.id === id);
    return found ? categoryName(found) : '';
  };
}
