// The extraction worker (extract/extract_worker.js), started on the first PDF, Word or zip file and again
// after a crash: a hostile file can only take down this worker, never the corpus.
import { isSingleFile, startWorker } from './start_worker.js';
import { WorkerClient } from './worker_client.js';

let client = null;

function extractionWorker() {
  if (client && !client.crashed) return client;
  client = new WorkerClient(startWorker('textx-extract-worker-source', 'textx-extract-worker.js'), 'The file reader');
  const pdfSource = document.getElementById('textx-pdf-worker-source');
  client.request(
    'configure',
    isSingleFile() && pdfSource ? { pdfWorkerSource: pdfSource.textContent } : { pdfWorkerUrl: new URL('textx-pdf-worker.js', location.href).href },
  );
  return client;
}

// files: [{name, bytes: ArrayBuffer}] (transferred) → {documents: [{info, bytes, kind}], problems: [{name, code, message}]}
export async function extractDocuments(files) {
  try {
    return await extractionWorker().request('extract', { files }, files.map((file) => file.bytes));
  } catch (error) {
    const names = files.map((file) => file.name).join(', ');
    return { documents: [], problems: [{ name: names, code: error.code || 'load.failed', message: error.code === 'worker.crashed' ? `[load.failed] Reading ${names} stopped the file reader (${error.message.replace(/^\[worker\.crashed\] /, '')}); the corpus is unharmed.` : error.message }] };
  }
}
