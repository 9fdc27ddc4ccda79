// The page's readers for Word, zip and PDF layout, as plain modules in node (the page runs the same code in
// its extraction worker; tests/page checks them there, PDF included).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { decodeXmlText, docxText, wordParagraphs } from '../../web/src/extract/docx_text.js';
import { fileKind, isReadableEntry } from '../../web/src/extract/file_kinds.js';
import { pageParagraphs, pdfText } from '../../web/src/extract/pdf_layout.js';
import { zipEntries } from '../../web/src/extract/zip_entries.js';
import { makeDocx, makePdf, makeZip } from '../helpers/make_documents.mjs';

describe('Word documents', () => {
  it('give one paragraph per w:p, runs joined, entities decoded', () => {
    const xml = '<w:body><w:p><w:r><w:t>Non-</w:t></w:r><w:r><w:t xml:space="preserve">interference &amp; “equality”</w:t></w:r></w:p>' +
      '<w:p/><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c&#x2014;d&#233;</w:t></w:r></w:p></w:body>';
    assert.deepEqual(wordParagraphs(xml), ['Non-interference & “equality”', 'a\tb\nc—dé']);
  });

  it('leave out deleted text and field codes, keep inserted text', () => {
    const xml = '<w:p><w:r><w:t>Peace </w:t></w:r><w:del><w:r><w:delText>and war </w:delText></w:r></w:del>' +
      '<w:ins><w:r><w:t>and friendship</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>';
    assert.deepEqual(wordParagraphs(xml), ['Peace and friendship']);
  });

  it('keep unknown entities as written and refuse impossible references', () => {
    assert.equal(decodeXmlText('&nbsp; &#0; &#xD800; &#x1F600; &lt;b&gt;'), '&nbsp; \uFFFD \uFFFD 😀 <b>');
  });

  it('read from a real .docx archive with its title', () => {
    const { files } = zipEntries(makeDocx(['Independence is the life of a nation.', ['Mutual ', 'respect.']], { title: 'A & B' }), 'a.docx');
    const parts = new Map(files.map((f) => [f.name, f.bytes]));
    assert.deepEqual(docxText(parts, 'a.docx'), { text: 'Independence is the life of a nation.\n\nMutual respect.', title: 'A & B' });
  });

  it('without word/document.xml is refused by name', () => {
    assert.throws(() => docxText(new Map(), 'notes.docx'), { code: 'load.docx', message: /notes\.docx is not a Word document/ });
  });
});

describe('zip archives', () => {
  it('give their files in order, folders and unwanted entries skipped', () => {
    const zip = makeZip({ 'a/1980.txt': 'one', 'a/2023.html': '<p>two</p>', 'a/.hidden': 'x', 'picture.png': 'png' });
    const { files, skipped } = zipEntries(zip, 'c.zip', isReadableEntry);
    assert.deepEqual(files.map((f) => [f.name, Buffer.from(f.bytes).toString()]), [['a/1980.txt', 'one'], ['a/2023.html', '<p>two</p>']]);
    assert.deepEqual(skipped, ['a/.hidden', 'picture.png']);
  });

  it('over the unpacked-size limit are refused as possible zip bombs', () => {
    const bomb = Buffer.from(zipSync({ 'zeros.txt': new Uint8Array(5_000_000) }));
    assert.ok(bomb.length < 10_000, `${bomb.length} bytes`);
    assert.throws(() => zipEntries(bomb, 'bomb.zip', () => true, { entries: 10, entryBytes: 1_000_000, totalBytes: 2_000_000 }),
      { code: 'load.zip_limit', message: /bomb\.zip unpacks to more than 1 MB in zeros\.txt; it may be a zip bomb/ });
    const many = makeZip(Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`${i}.txt`, 'x'.repeat(900_000)])));
    assert.throws(() => zipEntries(many, 'many.zip', () => true, { entries: 10, entryBytes: 1_000_000, totalBytes: 2_000_000 }),
      { code: 'load.zip_limit', message: /many\.zip unpacks to more than 2 MB;/ });
    assert.throws(() => zipEntries(many, 'many.zip', () => true, { entries: 2, entryBytes: 1_000_000, totalBytes: 9_000_000 }),
      { code: 'load.zip_limit', message: /holds more than 2 files/ });
  });

  it('that are damaged are refused with a message, not an exception from deep inside', () => {
    const zip = makeZip({ 'a.txt': 'independence '.repeat(1000) });
    const damaged = Buffer.from(zip);
    damaged.fill(0xff, 40, 80);  // inside the compressed data
    assert.throws(() => zipEntries(damaged, 'bad.zip'), (error) => error.code === 'load.zip_damaged' && /bad\.zip/.test(error.message));
  });
});

describe('file kinds', () => {
  it('are told by their first bytes, whatever the name says', () => {
    assert.equal(fileKind('x.txt', makePdf([[['a']]])), 'pdf');
    assert.equal(fileKind('x.docx', makeDocx(['a'])), 'docx');
    assert.equal(fileKind('x.zip', makeZip({ 'a.txt': 'a' })), 'zip');
    assert.equal(fileKind('renamed.bin', makeDocx(['a'])), 'zip');
    assert.equal(fileKind('x.pdf', strToU8('just text')), 'text');
    assert.equal(fileKind('empty.txt', new Uint8Array(0)), 'text');
  });
});

describe('PDF layout', () => {
  const line = (str, y) => ({ str, x: 72, y, height: 12, hasEOL: true });
  it('joins lines of a paragraph and breaks at wider gaps', () => {
    const items = [line('Independence is', 740), line('the life of a nation.', 726), line('Mutual respect', 698), line('for sovereignty.', 684)];
    assert.deepEqual(pageParagraphs(items), ['Independence is\nthe life of a nation.', 'Mutual respect\nfor sovereignty.']);
  });

  it('rebuilds a line from several items on one baseline and separates pages', () => {
    const page1 = [{ str: 'Non-', x: 72, y: 700, height: 12, hasEOL: false }, { str: 'interference', x: 95, y: 700.4, height: 12, hasEOL: true }];
    const page2 = [line('Equality.', 740)];
    assert.equal(pdfText([page1, [], page2]), 'Non-interference\n\nEquality.');
  });
});
