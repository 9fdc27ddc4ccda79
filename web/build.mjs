// Assembles the page from web/ and the wasm core module (build/wasm/textx-core.js) into dist/:
//   dist/textx.html      one self-contained file: CSS, JS, the wasm core and the sample corpus inlined; the
//                        worker runs from a Blob URL; works from file:// under a strict CSP (no 'unsafe-eval')
//   dist/site/           the same page as static files (the core's wasm as textx-core.wasm), with the corpus
//                        as a manifest beside it, and the single file as textx.html (a hosted page saves
//                        sessions from it)
//   dist/textx-core.js   the core module alone, for require() in node
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { inlineCorpusElement } from './src/inline_corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const site = join(dist, 'site');
const corpusDir = join(root, 'corpus', 'seeds');
const read = (path) => readFileSync(path, 'utf8');

// One classic script (IIFE) from an ES module entry, minified on request: the single-file page must stay
// under 3 MB with pdf.js in it.
function bundle(entry, { minify = false } = {}) {
  const result = esbuild.buildSync({
    entryPoints: [entry.startsWith('/') ? entry : join(root, 'web', 'src', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    charset: 'utf8',
    write: false,
    legalComments: 'none',
    minify,
  });
  return result.outputFiles[0].text;
}

// Text placed inside <script> must not close the element or open an HTML comment.
function assertInlineSafe(name, text) {
  if (/<\/script|<!--/i.test(text)) throw new Error(`${name} contains "</script" or "<!--" and cannot be inlined`);
  return text;
}

// A worker's source for an inert block of the single file, gzip-compressed in base64 (safe inline, and a
// third of the size); start_worker.js inflates it when the worker is first wanted.
const packed = (text) => gzipSync(text, { level: 9 }).toString('base64');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function csp(directives) {
  return Object.entries(directives).map(([name, sources]) => `${name} ${sources}`).join('; ');
}

// Replacement by function: a replacement string would read "$'" and "$&" in the scripts as patterns.
function page(template, { csp: policy, style, boot = '', scripts }) {
  return template.replace('{{CSP}}', () => policy).replace('{{STYLE}}', () => style).replace('{{BOOT}}', () => boot).replace('{{SCRIPTS}}', () => scripts);
}

// The core module's JavaScript without its WebAssembly, and the WebAssembly in base64. Emscripten's
// SINGLE_FILE output holds the wasm as one data: URL; the analysis worker is given the wasm apart
// (start_worker.js) and instantiates it itself (Module.instantiateWasm), so its copy of the loader
// keeps an empty URL it never reads.
function splitCore(js) {
  const found = [...js.matchAll(/data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/g)];
  if (found.length !== 1) throw new Error(`expected one wasm data: URL in textx-core.js, found ${found.length}`);
  return { loader: js.replace(found[0][0], () => 'data:application/octet-stream;base64,'), wasmBase64: found[0][1] };
}

const template = read(join(root, 'web', 'index.html'));
const style = read(join(root, 'web', 'style.css'));
const core = read(join(root, 'build', 'wasm', 'textx-core.js'));
const mainScript = bundle('main.js', { minify: true });
const bootScript = bundle('boot.js', { minify: true });
const { loader: coreLoader, wasmBase64 } = splitCore(core);
const workerScript = `${coreLoader}\n${bundle(join('worker', 'worker.js'), { minify: true })}`;
// PDF, Word and zip reading (pdf.js and fflate from npm) runs in a worker of its own, started on demand;
// pdf.js parses in a further worker of its own (its worker script, loaded as a classic script).
const extractWorkerScript = bundle(join('extract', 'extract_worker.js'), { minify: true });
const pdfWorkerScript = bundle(join(root, 'node_modules', 'pdfjs-dist', 'build', 'pdf.worker.min.mjs'), { minify: true });
const manifest = JSON.parse(read(join(corpusDir, 'manifest.json')));

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(site, 'corpus'), { recursive: true });

// Single file. The corpus travels as JSON with '<' escaped so no text can end its script element; a saved
// session writes the reader's corpus with the same code (src/inline_corpus.js).
const inlineCorpus = inlineCorpusElement({
  ...manifest,
  documents: manifest.documents.map((doc) => ({ ...doc, text: read(join(corpusDir, doc.file)) })),
});
const singleFile = page(template, {
  csp: csp({
    'default-src': "'none'",
    'script-src': `${sha256(bootScript)} ${sha256(mainScript)} 'wasm-unsafe-eval'`,
    'worker-src': 'blob:',
    'style-src': "'unsafe-inline'",
    'img-src': 'data:',
    'base-uri': "'none'",
    'form-action': "'none'",
  }),
  style: `<style>\n${style}</style>`,
  // First in the body: the analysis worker's source, the core's WebAssembly (base64) and the script that
  // starts the worker with them (boot.js), so that the worker starts and compiles the core while the parser
  // reads the rest and the browser draws it (docs/benchmarks.md, "Page").
  boot: [
    `<script type="text/plain" id="textx-worker-source">${assertInlineSafe('worker source', workerScript)}</script>`,
    `<script type="text/plain" id="textx-core-wasm">${wasmBase64}</script>`,
    `<script>${assertInlineSafe('boot script', bootScript)}</script>`,
  ].join('\n'),
  // The file readers, needed only when a PDF, Word or zip file is added, are compressed: the parser reads a
  // third of their bytes before it reaches the page script, which stays last (saved sessions copy the page
  // as it is when that script starts).
  scripts: [
    `<script type="text/plain" id="textx-extract-worker-source" data-encoding="gzip-base64">${packed(extractWorkerScript)}</script>`,
    `<script type="text/plain" id="textx-pdf-worker-source" data-encoding="gzip-base64">${packed(pdfWorkerScript)}</script>`,
    inlineCorpus,
    `<script>${assertInlineSafe('page script', mainScript)}</script>`,
  ].join('\n'),
});
writeFileSync(join(dist, 'textx.html'), singleFile);

// Static site.
writeFileSync(
  join(site, 'index.html'),
  page(template, {
    csp: csp({
      'default-src': "'none'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'worker-src': "'self'",
      'connect-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'base-uri': "'none'",
      'form-action': "'none'",
    }),
    style: '<link rel="stylesheet" href="style.css">',
    scripts: '<script src="textx.js"></script>',
  }),
);
writeFileSync(join(site, 'style.css'), style);
writeFileSync(join(site, 'textx.js'), mainScript);
writeFileSync(join(site, 'textx-worker.js'), workerScript);
writeFileSync(join(site, 'textx-core.wasm'), Buffer.from(wasmBase64, 'base64'));
writeFileSync(join(site, 'textx-extract-worker.js'), extractWorkerScript);
writeFileSync(join(site, 'textx-pdf-worker.js'), pdfWorkerScript);
writeFileSync(join(site, 'textx.html'), singleFile);
for (const file of ['manifest.json', ...manifest.documents.map((doc) => doc.file)]) {
  copyFileSync(join(corpusDir, file), join(site, 'corpus', file));
}

// The core on its own, for node.
copyFileSync(join(root, 'build', 'wasm', 'textx-core.js'), join(dist, 'textx-core.js'));

const kb = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
console.log(`page: dist/textx.html (${kb(singleFile)}), dist/site/, dist/textx-core.js (${kb(core)})`);
