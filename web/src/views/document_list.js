// The library panel: one entry per document with its title, date, size, word count and how it was read.
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
  parts.push(`${doc.paragraphs.toLocaleString('en')} ${doc.paragraphs === 1 ? 'paragraph' : 'paragraphs'}`);
  parts.push(formatBytes(doc.bytes));
  parts.push(doc.format === 'html' ? `HTML, ${doc.encoding}` : doc.encoding);
  if (doc.replacements) parts.push(`${doc.replacements} unreadable ${doc.replacements === 1 ? 'character' : 'characters'} replaced`);
  return parts.join(' · ');
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
