// Messages for the user: announce() for screen readers (the polite status
// region), showError()/clearError() for the error banner, refuseField() for
// a typed value that was refused, and the storage warning banner (store.js reports when saving fails or works again).
// A message is a string or a function wording it (i18n.say): the banners and
// the undo notice on screen are worded again when the language changes.
import { h, $ } from './ui.js';
import { watchStorage } from './store.js';
import { onLangChange, say, t } from './i18n.js';

const announcer = $('announce');
const undoNotice = $('undo-notice');
let noticeTimer = 0;
const errorBanner = $('import-error');
const storageBanner = $('storage-warning');

export function announce(message) {
  const text = say(message);
  announcer.textContent = '';
  requestAnimationFrame(() => { announcer.textContent = text; });
}

let noticeMessage = '';
let errorMessage = '';
let storageMessage = null;

/** A short visible notice of what an undo or redo did (a few seconds; announced as well). */
export function showUndoNotice(message) {
  clearTimeout(noticeTimer);
  noticeMessage = message;
  undoNotice.textContent = say(message);
  undoNotice.hidden = false;
  noticeTimer = setTimeout(() => { undoNotice.hidden = true; }, 6000);
}

export function showError(message) {
  errorMessage = message;
  errorBanner.replaceChildren(h('span', null, say(message)), ' ',
    h('button', { type: 'button', className: 'banner-close', 'aria-label': t('msg.dismiss') }));
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
  field.setCustomValidity(say(message));
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

function showStorage(message) {
  storageMessage = message;
  storageBanner.textContent = message ? say(message) : '';
  storageBanner.hidden = !message;
}
watchStorage(showStorage);

onLangChange(() => {
  announcer.textContent = ''; // said in the other language: not left in the page
  if (!errorBanner.hidden) showError(errorMessage);
  if (!undoNotice.hidden) undoNotice.textContent = say(noticeMessage);
  showStorage(storageMessage);
});
