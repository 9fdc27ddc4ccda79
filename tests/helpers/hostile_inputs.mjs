// The hostile inputs of docs/security.md, made at test time (nothing large is committed), with what each
// surface must answer. The CLI, wasm and page suites (tests/*/hostile.test.mjs) run the same list; the core's
// doctest (tests/core/test_hostile.cpp) runs it without I/O.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, constants as zlib } from 'node:zlib';

// Set TEXTX_HOSTILE_FULL=1 to run the full-size cases (a 200 MB file, 50,000 files) everywhere; by default
// each suite runs them at the size that stays within a few seconds (see docs/security.md for timings).
export const full = process.env.TEXTX_HOSTILE_FULL === '1';

// A temporary folder for generated files, removed by the returned function. In memory (/dev/shm) where
// there is one: creating 50,000 files takes minutes on some virtual disks, and a second there.
export function scratchFolder(label) {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, `textx-hostile-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const zeros = (n) => Buffer.alloc(n);

// A zip archive holding one file of `entryBytes` zero bytes, deflated: 1,000 times smaller than what it
// unpacks to (a zip bomb). The deflate stream repeats one independently compressed megabyte.
export function zipBomb(entryBytes, entryName = 'zeros.txt') {
  const megabyte = 1024 * 1024;
  const block = deflateRawSync(zeros(megabyte), { finishFlush: zlib.Z_FULL_FLUSH });
  const count = Math.ceil(entryBytes / megabyte);
  const data = Buffer.concat([...Array(count).fill(block), Buffer.from([0x03, 0x00])]);  // + an empty final block
  let crc = 0;
  const chunk = zeros(megabyte);
  for (let i = 0; i < count; ++i) crc = crc32(chunk, crc);
  const name = Buffer.from(entryName);
  const size = count * megabyte;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);  // deflate
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

// One line of about `bytes` bytes: words and sentences, no line break.
export function oneLine(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; ++i) {
    const word = `Word${i % 1000}${i % 17 ? ' ' : '. '}`;
    parts.push(word);
    size += word.length;
  }
  return Buffer.from(parts.join(''));
}

// `count` paragraphs of one word each.
export function oneWordParagraphs(count) {
  const parts = new Array(count);
  for (let i = 0; i < count; ++i) parts[i] = `w${i % 100}\n\n`;
  return Buffer.from(parts.join(''));
}

export const kHostileHtml =
  '<!doctype html><html><head><title>Page</title><script>alert(\'independence\')</script>' +
  '<style>body{background:url(javascript:alert(2))}</style></head><body>' +
  '<p>Text <img src=x onerror="alert(3)"> with <a href="javascript:alert(4)">a link</a>.</p>' +
  '<iframe src="https://example.org">inside</iframe><p onclick="steal()">Last</p></body></html>';

// A file name with HTML and characters that mean something in paths and shells (no '/', which no file
// name on disk can hold; the page tests give one to a dropped file).
export const kHostileName = '<img src=x onerror=alert(1)> & "quoted" \'single\' ..;$(rm -rf).txt';

// The files every surface is given, each after a corpus is loaded. `answer(name)` is the core's message
// for a refused file; `check(summary)` checks an accepted file's document summary (the wire format's).
export function hostileFiles() {
  return [
    { name: 'empty.txt', bytes: Buffer.alloc(0), check: (doc) => doc.tokens === 0 && doc.paragraphs === 0 },
    { name: 'one-byte.txt', bytes: Buffer.from('a'), check: (doc) => doc.tokens === 1 && doc.encoding === 'UTF-8' },
    { name: 'one-high-byte.txt', bytes: Buffer.from([0xff]), check: (doc) => doc.tokens === 1 && doc.encoding === 'windows-1252' },
    { name: 'nul.txt', bytes: Buffer.from([0]), answer: (name) => `[load.binary] ${name} is a binary file (it contains zero bytes), not a text file.` },
    {
      name: 'logo.png',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
      answer: (name) => `[load.binary] ${name} is a PNG image, not a text file.`,
    },
    {
      name: 'program',
      bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), zeros(56)]),
      answer: (name) => `[load.binary] ${name} is a program (ELF executable), not a text file.`,
    },
    {
      // As the core sees it; the page unpacks archives first (and refuses this one by its unpacked size).
      name: 'bomb.zip',
      bytes: zipBomb(300 * 1024 * 1024),
      answer: (name) => `[load.binary] ${name} is a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP archives), not a text file.`,
      pageAnswer: (name) => `[load.zip_limit] ${name} unpacks to more than 256 MB in zeros.txt; it may be a zip bomb, and the page does not open it.`,
    },
    {
      name: 'invalid-utf8.txt',
      bytes: Buffer.from([...Buffer.from('caf\u00e9 na\u00efve r\u00e9sum\u00e9 '), 0xc3, 0x28, ...Buffer.from(' end '), 0xe2, 0x82]),
      check: (doc) => doc.encoding === 'UTF-8' && doc.replacements === 2 && doc.tokens === 4,
    },
    {
      name: 'utf16-no-bom.txt',
      bytes: Buffer.from('Sovereignty of nations', 'utf16le'),
      check: (doc) => doc.encoding === 'UTF-16LE' && !doc.bom && doc.tokens === 3,
    },
    { name: 'one-line.txt', bytes: oneLine(10_000_000), check: (doc) => doc.paragraphs > 1000 && doc.tokens > 1_000_000 },
    { name: 'paragraphs.txt', bytes: oneWordParagraphs(1_000_000), check: (doc) => doc.paragraphs === 1_000_000 && doc.tokens === 1_000_000 },
    { name: 'script.html', bytes: Buffer.from(kHostileHtml), check: (doc) => doc.format === 'html' && doc.tokens === 6 },
    { name: kHostileName, bytes: Buffer.from('Harmless text.'), check: (doc) => doc.tokens === 2 && doc.date === '' },
  ];
}

// Queries that must be refused with exactly these messages, or answered quickly.
export const hostileQueries = [
  { query: 'a'.repeat(10_001), answer: '[query.too_complex] The query is longer than 10,000 characters; shorten it.' },
  { query: 'peace '.repeat(1665), answer: '[query.too_complex] At character 385: this is search term 65; a query can hold at most 64 words, wildcards, * gaps and regular expressions.' },
  { query: `${'('.repeat(500)}independence${')'.repeat(500)}`, answer: '[query.too_complex] At character 9: parentheses can be nested at most 8 deep.' },
  { query: ['independence', ...Array.from({ length: 500 }, (_, i) => `w${i}`)].join('|'), answer: '[query.too_complex] At character 256: this is search term 65; a query can hold at most 64 words, wildcards, * gaps and regular expressions.' },
  { query: '/(a{100}){100}/', answer: '[query.too_complex] In "(a{100}){100}" (character 1): The expression is too complex: it would take more than 10000 steps to test each word; use fewer or smaller repetitions.' },
  { query: '/(a*)*b/', total: 0 },
  { query: '/(x+x+)+y/', total: 0 },
  { query: 'a'.repeat(10_000), total: 0 },
];

// `count` tiny files in a new folder under `dir`, each "File N of the pile.", named pile/00001.txt….
export function tinyFiles(dir, count) {
  const folder = join(dir, 'pile');
  mkdirSync(folder, { recursive: true });
  const digits = String(count).length;
  for (let i = 1; i <= count; ++i) writeFileSync(join(folder, `${String(i).padStart(digits, '0')}.txt`), `File ${i} of the pile.`);
  return folder;
}

// A file of about `bytes` bytes of text at `path`: one sentence with "fox" in it over and over, on lines of
// their own. Returns how many sentences (and so "fox" hits) it holds.
export function writeLargeText(path, bytes) {
  const sentence = 'The quick brown fox jumps over the lazy dog.\n';
  const perPiece = Math.ceil((1024 * 1024) / sentence.length);
  const piece = Buffer.from(sentence.repeat(perPiece));
  const pieces = Math.max(1, Math.round(bytes / piece.length));
  writeFileSync(path, Buffer.concat(Array(pieces).fill(piece)));
  return pieces * perPiece;
}
