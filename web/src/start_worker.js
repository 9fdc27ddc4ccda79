// Starts a worker in the way the page was delivered.
// Single file (works from file://): the worker's source sits in an inert <script type="text/plain"> block and
// runs from a Blob URL, since Chromium refuses new Worker('file.js') from disk.
// Static site: the worker is a file beside the page.
export function startWorker(sourceBlockId = 'textx-worker-source', fileName = 'textx-worker.js') {
  const inline = document.getElementById(sourceBlockId);
  if (inline) {
    const url = URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }));
    return new Worker(url);
  }
  return new Worker(fileName);
}

// Whether the page carries its workers inline (the single-file page) rather than as files beside it.
export function isSingleFile() {
  return document.getElementById('textx-worker-source') !== null;
}
