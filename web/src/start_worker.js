// Starts a worker in the way the page was delivered.
import { bytesOfBase64 } from './base64.js';
import { mark } from './startup_marks.js';

// Single file (works from file://): the worker's source sits in an inert <script type="text/plain"> block and
// runs from a Blob URL, since Chromium refuses new Worker('file.js') from disk. The file readers' blocks,
// needed only when a PDF, Word or zip file is added, hold their source gzip-compressed in base64
// (data-encoding="gzip-base64"): 1 MB fewer for the file to carry and for the parser to read before the
// page script runs. The analysis worker's block stays plain: inflating it would cost the start more than
// reading it does.
// Static site: the worker is a file beside the page.
export async function startWorker(sourceBlockId, fileName) {
  const inline = document.getElementById(sourceBlockId);
  if (inline) {
    const url = URL.createObjectURL(new Blob([await inlineSource(inline)], { type: 'text/javascript' }));
    return new Worker(url);
  }
  return new Worker(fileName);
}

// The analysis worker, started at once. The core's WebAssembly is not inside the worker's script as the
// core's loader has it (a data: URL it decodes through fetch(data:), three times slower), but kept apart
// and given to the worker ahead of its script as a base64 string, self.textxCoreWasm (the single file), or
// beside it as textx-core.wasm (a hosted page); the worker compiles it itself at once, needing no message
// from the page, whose main thread is busy drawing the page as the worker starts (docs/benchmarks.md, "Page").
export function startAnalysisWorker() {
  const inline = document.getElementById(kWorkerSourceId);
  if (!inline) return new Worker('textx-worker.js');
  // Written as a JSON string, so that even a damaged block (base64 has no quote or backslash) stays data.
  const wasm = JSON.stringify(document.getElementById(kCoreWasmId).textContent);
  return new Worker(URL.createObjectURL(new Blob([`self.textxCoreWasm = ${wasm};\n`, inline.textContent], { type: 'text/javascript' })));
}

// The single file starts the analysis worker from a script of its own (boot.js) as soon as the parser has
// read the worker's source and the core, so that the worker starts and compiles the core while the browser
// still reads and draws the rest of the page. The page script takes it over once: {worker, failure} (failure:
// the message of an error the worker met before the page listened), or null when there is none.
export function startEarlyWorker() {
  const early = { worker: startAnalysisWorker(), failure: null };
  mark('worker-started-early');
  early.worker.onerror = (event) => {
    event.preventDefault();
    early.failure ??= event.message || 'it could not start';
  };
  self[kEarlyWorker] = early;
}

export function takeEarlyWorker() {
  const early = self[kEarlyWorker] ?? null;
  delete self[kEarlyWorker];
  return early;
}

const kWorkerSourceId = 'textx-worker-source';
const kCoreWasmId = 'textx-core-wasm';
const kEarlyWorker = 'textxEarlyWorker';

// The bytes of an inline source block: its text, or the text it holds gzip-compressed in base64.
export async function inlineSource(block) {
  if (block.dataset.encoding !== 'gzip-base64') return new Blob([block.textContent]);
  const bytes = bytesOfBase64(block.textContent);
  return new Response(new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'))).blob();
}

// Whether the page carries its workers inline (the single-file page) rather than as files beside it.
export function isSingleFile() {
  return document.getElementById(kWorkerSourceId) !== null;
}
