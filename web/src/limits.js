// The engine's limits (kBrowserLimits in core/corpus/corpus.hpp, given by the core's limits()), for the
// checks the page makes before it reads a file: a file the core would refuse for its size is refused by
// name without being read into memory. tests/wasm/hostile.test.mjs checks that these agree with the core.
import { formatCount } from './format.js';

export const kMaxDocumentBytes = 128 * 1024 ** 2;  // one document, as a file and as text
// PDF, Word and zip files are read whole by the extraction worker; past this they are refused unread
// (an archive may unpack to 512 MB at most, kZipLimits in extract/zip_entries.js).
export const kMaxContainerBytes = 512 * 1024 ** 2;
// Rows one concordance answer may hold (kMaxRowsPerAnswer in wasm/bindings.cpp); more are asked for by offset.
export const kRowsPerAnswer = 100_000;

// A size as the core writes it: "512 bytes", "35 KB", "1.5 MB", "200 MB".
export function sizeText(bytes) {
  if (bytes < 1024) return `${formatCount(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 ** 2) return `${formatCount(Math.floor((bytes + 512) / 1024))} KB`;
  const tenths = Math.floor((bytes / 1024 ** 2) * 10 + 0.5);
  if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
  return `${formatCount(Math.floor((tenths + 5) / 10))} MB`;
}

// The problem for a file too large to read, or null. `kind` as fileKind gives it.
export function sizeProblem(name, bytes, kind) {
  if (kind === 'text' && bytes > kMaxDocumentBytes) {
    return { name, code: 'load.too_large', message: `[load.too_large] ${name} is ${sizeText(bytes)}, more than the ${sizeText(kMaxDocumentBytes)} one document can hold here; split it into smaller files and add those.` };
  }
  if (kind !== 'text' && bytes > kMaxContainerBytes) {
    return { name, code: 'load.too_large', message: `[load.too_large] ${name} is ${sizeText(bytes)}, more than the ${sizeText(kMaxContainerBytes)} the page reads from one PDF, Word or zip file; split it and add the parts.` };
  }
  return null;
}
