// The single-file page as it was delivered, before the page script changed anything: a saved session is this
// page again with another corpus inside. Imported first by main.js, so the copy is taken while the page
// script — the last element of the page — runs for the first time. A deep clone shares the large script
// texts with the live page instead of copying them.
const pristine = document.getElementById('textx-worker-source') ? document.documentElement.cloneNode(true) : null;

// A fresh copy of the delivered page's <html> element, or null on a hosted page (its scripts are files).
export function pristinePage() {
  return pristine ? pristine.cloneNode(true) : null;
}
