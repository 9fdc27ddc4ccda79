// The files inside a .zip (or a .docx, which is one), read with limits so that a hostile archive (a zip
// bomb: gigabytes packed into kilobytes) is refused by name instead of exhausting the tab's memory.
import { Unzip, UnzipInflate } from 'fflate';

export const kZipLimits = {
  entries: 50000,              // files in one archive
  entryBytes: 256 * 1024 ** 2, // one unpacked file
  totalBytes: 512 * 1024 ** 2, // everything unpacked from one archive
};
// Input is fed in slices so that inflating one slice cannot produce more than ~1,000 × its size at once.
const kSliceBytes = 16 * 1024;

function zipError(code, message) {
  return { code, message: `[${code}] ${message}` };
}

// The archive's regular files for which `wanted(name)` is true, as [{name, bytes: Uint8Array}] in archive
// order, plus {skipped: [name]} for entries that were not wanted or use a compression we cannot read.
// Throws a coded error for a damaged archive or one over the limits.
export function zipEntries(data, archiveName, wanted = () => true, limits = kZipLimits) {
  const files = [];
  const skipped = [];
  let entries = 0;
  let total = 0;
  let failure = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (++entries > limits.entries) {
      failure = zipError('load.zip_limit', `${archiveName} holds more than ${limits.entries.toLocaleString('en')} files, more than the page opens from one archive.`);
      return;
    }
    if (file.name.endsWith('/') || !wanted(file.name)) {
      skipped.push(file.name);
      return;
    }
    const chunks = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = zipError('load.zip_damaged', `${archiveName} is damaged: ${file.name} cannot be unpacked (${error.message}).`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entryBytes || total > limits.totalBytes) {
        failure = zipError('load.zip_limit', `${archiveName} unpacks to more than ${Math.round((size > limits.entryBytes ? limits.entryBytes : limits.totalBytes) / 1024 ** 2)} MB${size > limits.entryBytes ? ` in ${file.name}` : ''}; it may be a zip bomb, and the page does not open it.`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.push({ name: file.name, bytes: concat(chunks, size) });
    };
    try {
      file.start();
    } catch {
      skipped.push(file.name);  // a compression method other than stored or deflate
    }
  });
  unzip.register(UnzipInflate);
  const bytes = new Uint8Array(data);
  try {
    for (let at = 0; at < bytes.length && !failure; at += kSliceBytes) {
      unzip.push(bytes.subarray(at, Math.min(at + kSliceBytes, bytes.length)), at + kSliceBytes >= bytes.length);
    }
  } catch (error) {
    failure ??= zipError('load.zip_damaged', `${archiveName} is not a readable zip archive (${error.message}).`);
  }
  if (failure) throw failure;
  return { files, skipped };
}

function concat(chunks, size) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
