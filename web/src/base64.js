// Bytes from base64 text: the browser's own decoder where it has one (Uint8Array.fromBase64, a tight native
// loop), else atob and a copy. Used for the core's WebAssembly, the file readers' compressed sources and the
// documents a saved session or an inline corpus carries.
export function bytesOfBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
