// Where documents come from. The page reads bytes; the core decodes and analyses them.
// Each document is {info: {name, title, date, source, encoding?}, bytes: ArrayBuffer}; `encoding` is set when
// the bytes are already UTF-8 text extracted by the page (PDF, Word, pasted text).
import { bytesOfBase64 } from './base64.js';
import { extractDocuments } from './extract_client.js';
import { fileKind } from './extract/file_kinds.js';
import { kInlineCorpusId } from './inline_corpus.js';
import { parseManifest } from './manifest.js';

// The corpus inlined in the single-file page or a saved session (inline_corpus.js), parsed once; null on a
// hosted page.
let inline;
export function inlineCorpus() {
  if (inline === undefined) {
    const block = document.getElementById(kInlineCorpusId);
    inline = block ? JSON.parse(block.textContent) : null;
  }
  return inline;
}
import { kMaxDocumentBytes, sizeProblem } from './limits.js';

// The corpus the page opens with: inlined in the single-file page, or named by a manifest beside a hosted
// page (corpus/manifest.json, or the manifest given as ?corpus=URL, resolved against the page). Resolves to
// {name, documents, entries}: entries maps each document's name to its manifest entry (fields such as
// "rights" included, text left out), so that a saved manifest keeps them.
export async function openingCorpus() {
  const inlined = inlineOpeningCorpus();
  if (inlined) return inlined;
  const manifestUrl = new URL(new URLSearchParams(location.search).get('corpus') || 'corpus/manifest.json', location.href);
  return manifestCorpus(manifestUrl);
}

// The opening corpus when the page carries it inline, at once (no await, so that the page can hand it to the
// worker in the same task); null on a hosted page.
export function inlineOpeningCorpus() {
  const corpus = inlineCorpus();
  if (!corpus) return null;
  const encoder = new TextEncoder();
  return {
    name: corpus.name || '',
    documents: corpus.documents.map((doc) => ({
      info: infoOf(doc),
      bytes: typeof doc.base64 === 'string' ? bytesOfBase64(doc.base64).buffer : encoder.encode(doc.text).buffer,
      ...(doc.read_as ? { readAs: String(doc.read_as) } : {}),
    })),
    entries: entriesOf(corpus.documents),
  };
}

// The corpus a hosted manifest names, fetched: {name, documents, entries, manifest} (manifest: as parsed). `skip(file)` leaves out entries
// whose document is loaded already; skipped entries are still in `entries` under their file name.
export async function manifestCorpus(manifestUrl, { skip = () => false } = {}) {
  const text = await fetchOrExplain(manifestUrl, 'the corpus manifest').then((response) => response.text());
  const manifest = parseManifest(text, manifestUrl.pathname);
  const documents = await Promise.all(
    manifest.documents.filter((doc) => doc.file && !skip(doc.file)).map(async (doc) => {
      const response = await fetchOrExplain(new URL(doc.file, manifestUrl), doc.file);
      return { info: infoOf(doc), bytes: await response.arrayBuffer() };
    }),
  );
  return { name: manifest.name, documents, entries: entriesOf(manifest.documents), manifest };
}

// Documents from files the reader picked, dropped or chose as a folder: {documents, problems, cancelled}.
// Plain text and HTML go to the core as they are; PDF, Word and zip files are opened by the extraction
// worker first. `names` (optional) gives each file's name, such as its path inside a dropped folder;
// `onProgress(done, total)` is called as files are read; `signal` (an AbortSignal) stops reading between files.
export async function readFiles(files, { names = [], onProgress = () => {}, signal = null } = {}) {
  files = Array.from(files);
  const documents = [];
  const problems = [];
  for (let i = 0; i < files.length;) {
    if (signal?.aborted) return { documents: [], problems, cancelled: true };
    // Small files are read several at a time (each read waits on the browser: 50,000 files one by one
    // take minutes), large ones one by one, so that little is held in memory at once.
    const batch = [];
    for (let bytes = 0; i < files.length && batch.length < kReadAtOnce && (batch.length === 0 || bytes + files[i].size <= kReadAtOnceBytes); ++i) {
      bytes += files[i].size;
      batch.push({ file: files[i], name: names[i] || files[i].webkitRelativePath || files[i].name });
    }
    const read = await Promise.all(batch.map(({ file, name }) => readOne(file, name)));
    for (const { name, bytes, problem } of read) {
      if (problem) problems.push(problem);
      else if (fileKind(name, new Uint8Array(bytes)) === 'text') documents.push({ info: { name, title: '', date: '', source: '' }, bytes, kind: 'text' });
      else {
        const extracted = await extractDocuments([{ name, bytes }]);
        documents.push(...extracted.documents);
        problems.push(...extracted.problems);
      }
    }
    onProgress(i, files.length);
  }
  return { documents, problems, cancelled: false };
}

const kReadAtOnce = 64;
const kReadAtOnceBytes = 16 * 1024 ** 2;

// One file's bytes, or the problem that kept it from being read. A file too large for the engine is refused
// from its size and first bytes, without reading it all.
async function readOne(file, name) {
  try {
    if (file.size > kMaxDocumentBytes) {
      const problem = sizeProblem(name, file.size, fileKind(name, new Uint8Array(await file.slice(0, 1024).arrayBuffer())));
      if (problem) return { name, problem };
    }
    return { name, bytes: await file.arrayBuffer() };
  } catch (error) {
    return { name, problem: { name, code: 'load.read', message: `[load.read] ${name} could not be read from disk (${error.message}).` } };
  }
}

// A document from pasted text, named by the reader (or "Pasted text N").
export function pastedDocument(text, name) {
  return { info: { name, title: '', date: '', source: '', encoding: 'UTF-8' }, bytes: new TextEncoder().encode(text).buffer, kind: 'text' };
}

function infoOf(doc) {
  const info = { name: String(doc.file || doc.name || ''), title: String(doc.title || ''), date: String(doc.date || ''), source: String(doc.source || '') };
  if (doc.encoding) info.encoding = String(doc.encoding);
  return info;
}

function entriesOf(documents) {
  return new Map(documents.map(({ text: _, base64: __, encoding: ___, read_as: ____, ...entry }) => [String(entry.file || entry.name || ''), entry]));
}

async function fetchOrExplain(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`[corpus.fetch] Could not load ${what} from ${url.pathname}: ${error.message}.`);
  }
  if (!response.ok) throw new Error(`[corpus.fetch] Could not load ${what} from ${url.pathname}: the server answered ${response.status}.`);
  return response;
}
