// Messages for the user: announce() for screen readers (the polite status
// region), showError()/clearError() for the error banner, refuseField() for
// a typed value that was refused, and the storage warning banner (store.js reports when saving fails or works again).
import { h, $ } from './ui.js';
import { watchStorage } from './store.js';

const announcer = $('announce');
const undoNotice = $('undo-notice');
let noticeTimer = 0;
const errorBanner = $('import-error');
const storageBanner = $('storage-warning');

export function announce(message) {
  announcer.textContent = '';
  requestAnimationFrame(() => { announcer.textContent = message; });
}

/** A short visible notice of what an undo or redo did (a few seconds; announced as well). */
export function showUndoNotice(message) {
  clearTimeout(noticeTimer);
  undoNotice.textContent = message;
  undoNotice.hidden = false;
  noticeTimer = setTimeout(() => { undoNotice.hidden = true; }, 6000);
}

export function showError(message) {
  errorBanner.replaceChildren(h('span', null, message), ' ',
    h('button', { type: 'button', className: 'banner-close', 'aria-label': 'Dismiss' }));
  errorBanner.hidden = false;
}

export function clearError() {
  errorBanner.hidden = true;
  errorBanner.replaceChildren();
}

/**
 * A value the user typed was refused: the message in the banner and on the
 * field itself (marked invalid, the browser's bubble beside it, as the banner
 * may be scrolled away) until the field is changed.
 */
export function refuseField(field, message) {
  showError(message);
  field.setCustomValidity(message);
  field.setAttribute('aria-invalid', 'true');
  field.reportValidity();
  field.addEventListener('input', () => {
    field.setCustomValidity('');
    field.removeAttribute('aria-invalid');
  }, { once: true });
}

errorBanner.addEventListener('click', (e) => {
  if (e.target.closest('.banner-close')) clearError();
});

watchStorage((message) => {
  storageBanner.textContent = message ?? '';
  storageBanner.hidden = !message;
});
