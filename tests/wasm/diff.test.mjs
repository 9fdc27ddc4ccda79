// The paragraph diff from the wasm core: the CLI's exact JSON for the same pair, by document id, by name
// and from raw bytes; collation of one paragraph across versions; error values for bad requests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cliDiff } from '../helpers/cli.mjs';
import { coreModule, seedCorpus } from '../helpers/paths.mjs';

const require = createRequire(import.meta.url);
const licences = '/usr/share/common-licenses';
let core;

// A corpus holding the named licence files, in order.
function licenceCorpus(...names) {
  const corpus = new core.Corpus();
  for (const name of names) {
    const summary = JSON.parse(corpus.addDocument(JSON.stringify({ name }), readFileSync(join(licences, name))));
    assert.equal(summary.error, undefined, `${name} loads`);
  }
  return corpus;
}

// Both texts rebuilt from the diff alone (docs/diff.md, "Rebuilding the texts").
function rebuild(diff, side) {
  const pieces = diff.pairs.filter((pair) => pair[side]).map((pair) => {
    let text;
    if (pair.words) {
      text = pair.words.filter((w) => w.op === 'equal' || w.op === (side === 'a' ? 'delete' : 'insert'))
        .map((w) => (side === 'b' && w.b_text !== undefined ? w.b_text : w.text)).join('');
    } else {
      text = side === 'b' && pair.b_text !== undefined ? pair.b_text : pair.text;
    }
    return { first: pair[side].first, text };
  }).sort((x, y) => x.first - y.first);
  const gaps = diff[side].gaps;
  return pieces.map((piece) => gaps[piece.first] + piece.text).join('') + gaps[diff[side].paragraphs];
}

before(async () => {
  core = await require(coreModule)();
});

describe('the wasm core diffs', () => {
  it('gives the CLI\'s JSON for GPL-2 against GPL-3, by id, by name and from bytes', () => {
    const corpus = licenceCorpus('GPL-2', 'GPL-3');
    const expected = cliDiff([join(licences, 'GPL-2'), join(licences, 'GPL-3')]);
    assert.deepEqual(JSON.parse(corpus.diff(JSON.stringify({ a: 0, b: 1 }))), expected);
    assert.deepEqual(JSON.parse(corpus.diff(JSON.stringify({ a: 'GPL-2', b: 'GPL-3' }))), expected);
    const fromBytes = core.diffBytes(JSON.stringify({ name: 'GPL-2' }), readFileSync(join(licences, 'GPL-2')),
      JSON.stringify({ name: 'GPL-3' }), readFileSync(join(licences, 'GPL-3')), '{}');
    assert.deepEqual(JSON.parse(fromBytes), expected);
    assert.equal(expected.summary.equal, 8);
    // Lossless: both licences come back byte for byte from the JSON alone.
    assert.equal(rebuild(expected, 'a'), readFileSync(join(licences, 'GPL-2'), 'utf8'));
    assert.equal(rebuild(expected, 'b'), readFileSync(join(licences, 'GPL-3'), 'utf8'));
    corpus.delete();
  });

  it('passes thresholds and switches through, as the CLI options do', () => {
    const corpus = licenceCorpus('MPL-1.1', 'MPL-2.0');
    const paths = [join(licences, 'MPL-1.1'), join(licences, 'MPL-2.0')];
    assert.deepEqual(JSON.parse(corpus.diff(JSON.stringify({ a: 0, b: 1, min_similarity: 0.5, min_move_similarity: 0.6 }))),
      cliDiff(paths, '--min-similarity', '0.5', '--min-move-similarity', '0.6'));
    assert.deepEqual(JSON.parse(corpus.diff(JSON.stringify({ a: 0, b: 1, ignore_layout: false, semantic_cleanup: false }))),
      cliDiff(paths, '--exact-layout', '--raw'));
    corpus.delete();
  });

  it('collates one paragraph across three versions as the CLI does', () => {
    const corpus = licenceCorpus('GPL-2', 'GPL-1', 'GPL-3');
    const table = JSON.parse(corpus.collate(JSON.stringify({ doc: 'GPL-2', paragraph: 3, witnesses: ['GPL-1', 2] })));
    assert.deepEqual(table, cliDiff(['GPL-2', 'GPL-1', 'GPL-3'].map((name) => join(licences, name)), '--paragraph', '4'));
    assert.deepEqual(table.rows.map((row) => row.slice(0, 3)), [['The ', 'licenses ', 'for '], ['The ', 'license ', 'agreements '],
      ['The ', 'licenses ', 'for ']]);
    assert.equal(table.rows[0].join(''), readFileSync(join(licences, 'GPL-2'), 'utf8').slice(table.witnesses[0].start, table.witnesses[0].end));
    corpus.delete();
  });

  it('keeps UTF-16 offsets of the pairs consistent with the JavaScript strings', () => {
    const a = 'Peace 😀 first.\n\nSecond 𠀀 paragraph here.\n';
    const b = 'Peace 😀 first.\n\nSecond 𠀀 paragraph there.\n';
    const diff = JSON.parse(core.diffBytes('{"name": "a"}', new TextEncoder().encode(a), '{"name": "b"}', new TextEncoder().encode(b), '{}'));
    const changed = diff.pairs.find((pair) => pair.op === 'changed');
    assert.equal(a.slice(changed.a.start_utf16, changed.a.end_utf16), 'Second 𠀀 paragraph here.');
    assert.equal(b.slice(changed.b.start_utf16, changed.b.end_utf16), 'Second 𠀀 paragraph there.');
    assert.deepEqual(changed.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text]), [['delete', 'here'], ['insert', 'there']]);
  });

  it('answers bad requests and unreadable documents with error values, never a throw', () => {
    const corpus = licenceCorpus('GPL-2', 'GPL-3');
    const ask = (request) => JSON.parse(corpus.diff(JSON.stringify(request))).error;
    assert.equal(ask({ a: 0, b: 7 }).code, 'diff.document');
    assert.equal(ask({ a: 'GPL-9', b: 1 }).code, 'diff.document');
    assert.equal(ask({ a: 0 }).code, 'request.invalid');
    assert.equal(ask({ a: 0, b: 1, min_similarity: 0 }).code, 'options.diff');
    assert.equal(ask({ a: 0, b: 1, min_similarity: 'high' }).code, 'request.invalid');
    assert.equal(JSON.parse(corpus.diff('not json')).error.code, 'request.invalid');
    assert.equal(JSON.parse(corpus.collate(JSON.stringify({ doc: 0, paragraph: 9999, witnesses: [1] }))).error.code, 'collate.paragraph');
    assert.equal(JSON.parse(corpus.collate(JSON.stringify({ doc: 0, paragraph: 0 }))).error.code, 'request.invalid');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    assert.equal(JSON.parse(core.diffBytes('{"name": "scan.png"}', png, '{"name": "b"}', new Uint8Array([65]), '{}')).error.code, 'load.binary');
    assert.equal(JSON.parse(core.diffBytes('{"name": "a"}', new Uint8Array(), '{"name": "b"}', new Uint8Array(), '{}')).pairs.length, 0);
    corpus.delete();
  });

  it('diffs the two sample documents as the CLI does', () => {
    const names = ['1980-10-kwp-6th-congress-closing-decree.txt', '2023-02-03-independence-basis-of-international-relations.txt'];
    const corpus = new core.Corpus();
    for (const name of names) corpus.addDocument(JSON.stringify({ name }), readFileSync(join(seedCorpus, name)));
    assert.deepEqual(JSON.parse(corpus.diff('{"a": 0, "b": 1}')), cliDiff(names.map((name) => join(seedCorpus, name))));
    corpus.delete();
  });
});
