// An in-page confirmation (window.confirm is blocked in the webview and looks foreign).
// Uses the <dialog id="confirm-dialog"> from index.html: modal, Escape cancels, focus returns
// to whatever had it before.

/// Asks the user to confirm; resolves true for the confirm button, false for cancel/Escape.
/// `title`, `message` and `confirmLabel` are already translated; `danger` styles the button
/// red and puts the initial focus on Cancel, so Enter does not destroy anything.
export function confirmDialog({ title, message, confirmLabel, danger = false }) {
  const dialog = document.getElementById('confirm-dialog');
  // One question at a time: a second click while it is open is not a second question.
  if (dialog.hasAttribute('open')) return Promise.resolve(false);
  const ok = document.getElementById('confirm-ok');
  const cancel = document.getElementById('confirm-cancel');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-message').textContent = message ?? '';
  ok.textContent = confirmLabel;
  ok.classList.toggle('button-danger', danger);
  ok.classList.toggle('button-primary', !danger);
  const returnTo = document.activeElement;

  return new Promise((resolve) => {
    const finish = (answer) => {
      ok.removeEventListener('click', onOk);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (typeof dialog.close === 'function') dialog.close();
      dialog.removeAttribute('open');
      if (returnTo && returnTo.isConnected) returnTo.focus();
      resolve(answer);
    };
    const onOk = () => finish(true);
    const onCancel = (event) => {
      event.preventDefault();
      finish(false);
    };
    ok.addEventListener('click', onOk);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    (danger ? cancel : ok).focus();
  });
}

/// Whether a modal question is open (this confirmation, or the reason dialog): keyboard
/// shortcuts and navigation wait until it is answered.
export function isConfirmOpen() {
  return document.querySelector('dialog[open]') !== null;
}
