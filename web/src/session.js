// Saving the session: one HTML file that is the single-file page itself (the same code, the same
// Content-Security-Policy) with the reader's documents, their metadata and the view inside, so that it opens
// on another machine, from disk, with the same corpus and view: a snapshot to cite or hand in.
// Only the inert corpus block changes; the page script, and so its hash in the policy, stays as it is.
import { kInlineCorpusId, withInlineCorpus } from './inline_corpus.js';
import { pristinePage } from './pristine_page.js';
import { sessionTitle, withTitle } from './session_title.js';

// The single-file page to carry the session, as HTML: the delivered page (its corpus left out, as it is
// replaced), or on a hosted page the single-file page published beside it (textx.html, from its own site).
async function singleFilePage() {
  const own = pristinePage();
  if (own) {
    own.querySelector(`#${kInlineCorpusId}`).textContent = '';
    return `<!doctype html>\n${own.outerHTML}\n`;
  }
  const url = new URL('textx.html', location.href);
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw sessionError(`the single-file page could not be loaded from ${url.pathname} (${error.message})`);
  }
  if (!response.ok) throw sessionError(`the single-file page could not be loaded from ${url.pathname}: the server answered ${response.status}`);
  return response.text();
}

function sessionError(why) {
  const error = new Error(`[session.page] The session could not be saved: ${why}.`);
  error.code = 'session.page';
  return error;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// The corpus entry of one document: its metadata (from `summary`, what the reader sees now) and its bytes as
// first read — as text when they are UTF-8, else in base64 with the encoding they were read in.
function entryOf({ info, bytes, readAs }, summary) {
  const entry = { file: info.name, title: summary.title, date: summary.date, source: summary.source };
  if (info.encoding) entry.encoding = info.encoding;
  if (readAs) entry.read_as = readAs;
  if (!readAs) {
    try {
      return { ...entry, text: utf8.decode(bytes) };
    } catch {
      // not UTF-8: kept as bytes
    }
  }
  return { ...entry, base64: base64Of(new Uint8Array(bytes)) };
}

function base64Of(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// The saved session as HTML. name: the corpus's name; documents: [{info, bytes, readAs?}] as they were fed to
// the engine; summaries: the engine's document summaries (documents without one were refused and are left
// out); state: the URL fragment of the view.
export async function sessionHtml({ name, documents, summaries, state, saved = new Date() }) {
  const page = await singleFilePage();
  const byName = new Map();
  for (const summary of summaries) if (!byName.has(summary.name)) byName.set(summary.name, summary);
  const corpus = {
    name,
    documents: documents.filter((doc) => byName.has(doc.info.name)).map((doc) => entryOf(doc, byName.get(doc.info.name))),
    snapshot: { saved: saved.toISOString(), state },
  };
  const html = withInlineCorpus(page, corpus);
  if (html === null) throw sessionError('the single-file page carries no corpus block');
  return withTitle(html, sessionTitle({ name, documents: corpus.documents.length, hash: state })) ?? html;
}
