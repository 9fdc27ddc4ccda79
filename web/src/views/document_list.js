// The library panel: one entry per document with its title, date, size and word count.
// Document names and titles are reader-supplied text: they reach the DOM only through textContent.
import { element } from './element.js';

export function renderDocumentList(listElement, documents) {
  listElement.replaceChildren(
    ...documents.map((doc) =>
      element('li', { className: 'document' }, [
        element('span', { className: 'document-title', textContent: doc.title || doc.name }),
        element('span', { className: 'document-meta', textContent: describe(doc) }),
      ]),
    ),
  );
}

function describe(doc) {
  const parts = [];
  if (doc.date) parts.push(doc.date);
  parts.push(`${doc.tokens.toLocaleString('en')} words`);
  parts.push(formatBytes(doc.bytes));
  if (doc.replacements) parts.push(`${doc.replacements} invalid byte sequences replaced`);
  return parts.join(' · ');
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
