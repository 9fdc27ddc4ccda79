// The library panel: one entry per document with its title, date, size, word count and how it was read, and
// an Edit button that opens a small form for its title, date and source.
// Document names and titles are reader-supplied text: they reach the DOM only through textContent and values.
import { formatCount } from '../format.js';
import { element } from './element.js';

// A date as the core reads it: a year, a month or a day (docs/wire-format.md, "Corpus manifest").
const kDatePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

// onEdit(name, {title, date, source}) saves an edit and resolves once the list was drawn again (or rejects
// with a message, shown in the form).
export function renderDocumentList(listElement, documents, { onEdit = null } = {}) {
  const editing = openEdit(listElement);
  listElement.replaceChildren(...documents.map((doc, i) => entry(doc, i, onEdit)));
  if (editing) reopenEdit(listElement, editing);
}

// A redraw while the reader is editing (more files arriving, a restart) must not throw away the open form
// and what was typed in it; a form being saved is meant to close, so it is left out.
function openEdit(listElement) {
  const form = listElement.querySelector('.document-edit:not(.saving)');
  if (!form) return null;
  const active = document.activeElement;
  return {
    name: form.closest('.document').dataset.name,
    values: Object.fromEntries(['title', 'date', 'source'].map((name) => [name, form.elements[name].value])),
    focused: active && active.form === form ? active.name : null,
    outside: active && active.form !== form ? active : null,
  };
}

function reopenEdit(listElement, { name, values, focused, outside }) {
  const item = [...listElement.children].find((child) => child.dataset.name === name);
  const button = item?.querySelector('.document-edit-button');
  if (!button) return;  // the document is gone
  button.click();
  const form = item.querySelector('.document-edit');
  for (const [field, value] of Object.entries(values)) form.elements[field].value = value;
  if (focused && form.elements[focused]) form.elements[focused].focus();
  else if (outside?.isConnected) outside.focus();  // opening the form took the focus; give it back
}

function entry(doc, i, onEdit) {
  const item = element('li', { className: 'document' }, [
    element('span', { className: 'document-title', textContent: doc.title || doc.name }),
    element('span', { className: 'document-meta', textContent: describe(doc) }),
  ]);
  item.dataset.name = doc.name;
  if (doc.title && doc.title !== doc.name) item.append(element('span', { className: 'document-name', textContent: doc.name }));
  if (doc.source) item.append(element('span', { className: 'document-source', textContent: doc.source, title: doc.source }));
  if (onEdit) {
    const button = element('button', { type: 'button', className: 'document-edit-button', textContent: 'Edit' });
    button.setAttribute('aria-label', `Edit title, date and source of ${doc.title || doc.name}`);
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => openForm(item, doc, i, button, onEdit));
    item.append(button);
  }
  return item;
}

function openForm(item, doc, i, button, onEdit) {
  const list = item.parentElement;
  for (const open of list.querySelectorAll('.document-edit')) open.closeForm();
  const input = (name, value, properties = {}) =>
    element('input', { name, value, id: `document-${i}-${name}`, autocomplete: 'off', spellcheck: false, ...properties });
  const label = (name, text) => element('label', { htmlFor: `document-${i}-${name}`, textContent: text });
  const date = input('date', doc.date, { placeholder: 'e.g. 1980-10-05' });
  date.setAttribute('aria-describedby', `document-${i}-date-hint`);
  const status = element('p', { className: 'document-edit-status', role: 'status' });
  const form = element('form', { className: 'document-edit', id: `document-${i}-edit` }, [
    label('title', 'Title'), input('title', doc.title),
    label('date', 'Date'), date,
    element('p', { className: 'hint', id: `document-${i}-date-hint`, textContent: 'A year (1980), a month (1980-10) or a day (1980-10-05); empty to date it from the file name.' }),
    label('source', 'Source'), input('source', doc.source),
    element('div', { className: 'dialog-buttons' }, [
      element('button', { type: 'button', className: 'document-edit-cancel', textContent: 'Cancel' }),
      element('button', { type: 'submit', textContent: 'Save' }),
    ]),
    status,
  ]);
  button.setAttribute('aria-expanded', 'true');
  button.setAttribute('aria-controls', form.id);
  form.closeForm = () => {
    form.remove();
    button.setAttribute('aria-expanded', 'false');
  };
  const cancel = () => {
    form.closeForm();
    button.focus();
  };
  form.querySelector('.document-edit-cancel').addEventListener('click', cancel);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  });
  date.addEventListener('input', () => date.setCustomValidity(''));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(['title', 'date', 'source'].map((name) => [name, form.elements[name].value.trim()]));
    if (values.date && !kDatePattern.test(values.date)) {
      date.setCustomValidity('Write the date as a year (1980), a month (1980-10) or a day (1980-10-05), or leave it empty.');
      date.reportValidity();
      return;
    }
    status.textContent = 'Saving…';
    form.classList.add('saving');
    try {
      await onEdit(doc.name, values);  // draws the list again, without this form
      focusEditButton(list, doc.name);
    } catch (error) {
      form.classList.remove('saving');
      status.textContent = error.message;
      status.classList.add('error');
    }
  });
  item.append(form);
  form.elements.title.focus();
}

// After the list was drawn again, the focus returns to the entry's Edit button.
function focusEditButton(list, name) {
  for (const item of list.children) {
    if (item.dataset.name === name) {
      item.querySelector('.document-edit-button')?.focus();
      return;
    }
  }
}

function describe(doc) {
  const parts = [];
  if (doc.date) parts.push(doc.date);
  parts.push(`${formatCount(doc.tokens)} words`);
  parts.push(`${formatCount(doc.paragraphs)} ${doc.paragraphs === 1 ? 'paragraph' : 'paragraphs'}`);
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
