// Withdrawing a sign-off or an assignment on the Training screens: the dialog that asks why,
// and the note that marks a withdrawn line (the word, when, by whom and why), so the record
// reads right on screen and on paper.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { errorMessage } from '../../lib/form.js';
import { reasonDialog } from '../../lib/reason-dialog.js';

function describe(err) {
  return err?.code === 'not_found' ? t('training.withdraw.gone') : errorMessage(err, err?.field === 'reason' ? 'training.withdraw.reason' : undefined);
}

/// Asks why `what` (already translated: the item or the assignee) is withdrawn, then runs
/// `submit(reason)`. `kind` is `signOff` or `assignment`. Resolves with the new data, or null.
export function askWithdrawal(kind, what, submit) {
  return reasonDialog({
    title: t(`training.withdraw.${kind}Title`),
    message: t(`training.withdraw.${kind}Message`, { what }),
    label: t('training.withdraw.reason'),
    confirmLabel: t('training.withdraw.confirm'),
    submit,
    describeError: describe,
  });
}

/// The note under a withdrawn line: "Withdrawn" tag, when, by whom, and the reason as text.
export function withdrawnNote(withdrawn, lang, tz) {
  return el('span', { class: 'withdrawn-note' },
    el('span', { class: ['tag', 'tag-withdrawn'], i18n: 'training.withdraw.word' }), ' ',
    t('training.withdraw.when', { when: formatDateTime(withdrawn.at, lang, tz), name: withdrawn.byName || t('timeline.nobody') }), ' ',
    el('span', { class: 'withdrawn-reason' }, t('training.withdraw.because', { reason: withdrawn.reason })));
}
