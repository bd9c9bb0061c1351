// Messages for the user: announce() for screen readers (the polite status
// region), showError()/clearError() for the error banner, and the storage
// warning banner (store.js reports when saving fails or works again).
import { h, $ } from './ui.js';
import { watchStorage } from './store.js';

const announcer = $('announce');
const errorBanner = $('import-error');
const storageBanner = $('storage-warning');

export function announce(message) {
  announcer.textContent = '';
  requestAnimationFrame(() => { announcer.textContent = message; });
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

errorBanner.addEventListener('click', (e) => {
  if (e.target.closest('.banner-close')) clearError();
});

watchStorage((message) => {
  storageBanner.textContent = message ?? '';
  storageBanner.hidden = !message;
});
