// Starts a worker in the way the page was delivered.
// Single file (works from file://): the worker's source sits in an inert <script type="text/plain"> block and
// runs from a Blob URL, since Chromium refuses new Worker('file.js') from disk. The file readers' blocks,
// needed only when a PDF, Word or zip file is added, hold their source gzip-compressed in base64
// (data-encoding="gzip-base64"): 1 MB fewer for the file to carry and for the parser to read before the
// page script runs. The analysis worker's block stays plain: inflating it would cost the start more than
// reading it does.
// Static site: the worker is a file beside the page.
export async function startWorker(sourceBlockId = 'textx-worker-source', fileName = 'textx-worker.js') {
  const inline = document.getElementById(sourceBlockId);
  if (inline) {
    const url = URL.createObjectURL(new Blob([await inlineSource(inline)], { type: 'text/javascript' }));
    return new Worker(url);
  }
  return new Worker(fileName);
}

// The bytes of an inline source block: its text, or the text it holds gzip-compressed in base64.
export async function inlineSource(block) {
  if (block.dataset.encoding !== 'gzip-base64') return new Blob([block.textContent]);
  const text = atob(block.textContent);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
  return new Response(new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'))).blob();
}

// Whether the page carries its workers inline (the single-file page) rather than as files beside it.
export function isSingleFile() {
  return document.getElementById('textx-worker-source') !== null;
}
