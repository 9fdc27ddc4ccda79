// The extraction worker: turns PDF, Word (.docx) and zip files into plain text documents for the core,
// away from both the page (which stays responsive) and the analysis worker (which keeps the corpus even if
// a hostile file exhausts this one). Protocol as the analysis worker's: {id, action, ...} → {id, result|error}.
import { docxText } from './docx_text.js';
import { fileKind, isReadableEntry } from './file_kinds.js';
import { configurePdf, pdfDocument } from './pdf_pages.js';
import { zipEntries } from './zip_entries.js';

const encoder = new TextEncoder();

function textDocument(name, { text, title }, kind) {
  return { info: { name, title, date: '', source: '', encoding: 'UTF-8' }, bytes: encoder.encode(text), kind };
}

// The documents in one file: [{info, bytes, kind}] (bytes UTF-8 text when extracted here, the file's own
// bytes for plain files inside an archive), with problems pushed to `problems` rather than thrown, so one bad entry of an
// archive does not lose the rest.
async function documentsOf(name, bytes, problems, insideArchive = false) {
  const kind = fileKind(name, bytes);
  try {
    if (kind === 'pdf') return [textDocument(name, await pdfDocument(bytes.slice(), name), 'pdf')];
    if (kind === 'docx') {
      const { files } = zipEntries(bytes, name, (entry) => entry === 'word/document.xml' || entry === 'docProps/core.xml');
      return [textDocument(name, docxText(new Map(files.map((f) => [f.name, f.bytes])), name), 'docx')];
    }
    if (kind === 'zip') {
      if (insideArchive) {
        problems.push({ name, code: 'load.zip_nested', message: `[load.zip_nested] ${name} is an archive inside an archive; unpack it first.` });
        return [];
      }
      const { files } = zipEntries(bytes, name, isReadableEntry);
      if (!files.length) {
        problems.push({ name, code: 'load.zip_empty', message: `[load.zip_empty] ${name} holds no text, HTML, PDF or Word files.` });
        return [];
      }
      const out = [];
      for (const entry of files) out.push(...(await documentsOf(`${name}/${entry.name}`, entry.bytes, problems, true)));
      return out;
    }
    return [{ info: { name, title: '', date: '', source: '' }, bytes, kind: 'text' }];
  } catch (error) {
    problems.push({ name, ...(error && error.code ? error : { code: 'load.failed', message: `[load.failed] ${name} could not be read: ${error && error.message ? error.message : error}.` }) });
    return [];
  }
}

const actions = {
  // How to start pdf.js's worker: from its source text (single-file page) or its URL (hosted page).
  configure({ pdfWorkerSource = '', pdfWorkerUrl = '' }) {
    configurePdf(() => {
      const url = pdfWorkerSource ? URL.createObjectURL(new Blob([pdfWorkerSource], { type: 'text/javascript' })) : pdfWorkerUrl;
      return new Worker(url);
    });
    return true;
  },

  // files: [{name, bytes: ArrayBuffer}] → {documents: [{info, bytes: ArrayBuffer, kind}], problems: [{name, code, message}]}
  async extract({ files }) {
    const documents = [];
    const problems = [];
    for (const { name, bytes } of files) documents.push(...(await documentsOf(name, new Uint8Array(bytes), problems)));
    return {
      documents: documents.map((doc) => ({ ...doc, bytes: doc.bytes.byteOffset === 0 && doc.bytes.byteLength === doc.bytes.buffer.byteLength ? doc.bytes.buffer : doc.bytes.slice().buffer })),
      problems,
    };
  },
};

self.onmessage = async ({ data }) => {
  const { id, action, ...args } = data;
  try {
    if (!Object.hasOwn(actions, action)) throw { code: 'worker.action', message: `[worker.action] Unknown action ${action}.` };
    const result = await actions[action](args);
    self.postMessage({ id, result }, result && result.documents ? result.documents.map((doc) => doc.bytes) : []);
  } catch (error) {
    const reported = error && error.code ? error : { code: 'worker.failed', message: `[worker.failed] ${error && error.message ? error.message : error}` };
    self.postMessage({ id, error: reported });
  }
};
