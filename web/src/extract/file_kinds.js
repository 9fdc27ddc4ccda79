// What a loaded file is, from its name and first bytes: plain text and HTML go straight to the core; PDF,
// Word and zip files are opened in the extraction worker first.

const startsWith = (bytes, signature) => signature.every((byte, i) => bytes[i] === byte);

// 'pdf', 'docx', 'zip' or 'text' (which includes HTML and whatever the core will judge for itself).
// `bytes` is a Uint8Array of the file (only its first 1,024 bytes are looked at).
export function fileKind(name, bytes) {
  const head = bytes.subarray(0, 1024);
  const lower = name.toLowerCase();
  // The PDF header may follow a little junk (the specification allows it within the first 1,024 bytes).
  if (String.fromCharCode(...head).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return lower.endsWith('.docx') ? 'docx' : 'zip';
  }
  return 'text';
}

// Names worth opening inside a zip archive: the formats the page reads, not folders' clutter.
export function isReadableEntry(name) {
  const base = name.split('/').pop();
  if (!base || base.startsWith('.') || name.startsWith('__MACOSX/')) return false;
  return /\.(txt|text|md|markdown|html?|xhtml|pdf|docx|zip|csv|tsv|xml|json)$/i.test(base) || !base.includes('.');
}
