// Where documents come from. The page reads bytes; the core decodes and analyses them.
// Each document is {info: {name, title, date, source}, bytes: ArrayBuffer}.

// The corpus the page opens with: inlined in the single-file page, or named by a manifest beside a hosted
// page (corpus/manifest.json, or the manifest given as ?corpus=URL, resolved against the page).
export async function openingCorpus() {
  const inline = document.getElementById('textx-corpus');
  if (inline) {
    const corpus = JSON.parse(inline.textContent);
    const encoder = new TextEncoder();
    return {
      name: corpus.name || '',
      documents: corpus.documents.map((doc) => ({ info: infoOf(doc), bytes: encoder.encode(doc.text).buffer })),
    };
  }
  const manifestUrl = new URL(new URLSearchParams(location.search).get('corpus') || 'corpus/manifest.json', location.href);
  const manifest = await fetchOrExplain(manifestUrl, 'the corpus manifest').then((response) => response.json());
  if (!manifest || !Array.isArray(manifest.documents)) {
    throw new Error(`[corpus.manifest] ${manifestUrl.pathname} is not a corpus manifest: it needs a "documents" list.`);
  }
  const documents = await Promise.all(
    manifest.documents.map(async (doc) => {
      const response = await fetchOrExplain(new URL(doc.file, manifestUrl), doc.file);
      return { info: infoOf(doc), bytes: await response.arrayBuffer() };
    }),
  );
  return { name: manifest.name || '', documents };
}

// Documents from files the reader picked or dropped.
export async function filesToDocuments(files) {
  return Promise.all(
    Array.from(files, async (file) => ({ info: { name: file.name, title: '', date: '', source: '' }, bytes: await file.arrayBuffer() })),
  );
}

function infoOf(doc) {
  return { name: String(doc.file || doc.name || ''), title: String(doc.title || ''), date: String(doc.date || ''), source: String(doc.source || '') };
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
