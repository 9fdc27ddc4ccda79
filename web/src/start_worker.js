// Starts the analysis worker in the way the page was delivered.
// Single file (works from file://): the worker's source sits in an inert <script type="text/plain"> block and
// runs from a Blob URL, since Chromium refuses new Worker('file.js') from disk.
// Static site: the worker is the file textx-worker.js beside the page.
export function startWorker() {
  const inline = document.getElementById('textx-worker-source');
  if (inline) {
    const url = URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }));
    return new Worker(url);
  }
  return new Worker('textx-worker.js');
}
