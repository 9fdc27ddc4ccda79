// The extraction worker (extract/extract_worker.js), started on the first PDF, Word or zip file and again
// after a crash: a hostile file can only take down this worker, never the corpus.
import { inlineSource, isSingleFile, startWorker } from './start_worker.js';
import { WorkerClient } from './worker_client.js';

let client = null;

async function extractionWorker() {
  if (client && !client.crashed) return client;
  client = (async () => {
    const worker = new WorkerClient(await startWorker('textx-extract-worker-source', 'textx-extract-worker.js'), 'The file reader');
    const pdfSource = document.getElementById('textx-pdf-worker-source');
    worker.request(
      'configure',
      isSingleFile() && pdfSource ? { pdfWorkerSource: await (await inlineSource(pdfSource)).text() } : { pdfWorkerUrl: new URL('textx-pdf-worker.js', location.href).href },
    );
    return worker;
  })();
  client = await client;
  return client;
}

// files: [{name, bytes: ArrayBuffer}] (transferred) → {documents: [{info, bytes, kind}], problems: [{name, code, message}]}
export async function extractDocuments(files) {
  try {
    return await (await extractionWorker()).request('extract', { files }, files.map((file) => file.bytes));
  } catch (error) {
    const names = files.map((file) => file.name).join(', ');
    return { documents: [], problems: [{ name: names, code: error.code || 'load.failed', message: error.code === 'worker.crashed' ? `[load.failed] Reading ${names} stopped the file reader (${error.message.replace(/^\[worker\.crashed\] /, '')}); the corpus is unharmed.` : error.message }] };
  }
}
