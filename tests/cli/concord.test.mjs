// The textx CLI as a terminal user meets it: readable KWIC lines, exit codes, and clear messages for bad
// paths, binary files and malformed queries.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliConcordance } from '../helpers/cli.mjs';
import { cli, seedCorpus, testOutput } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

describe('textx concord', () => {
  it('prints a header with the total and one aligned KWIC line per hit', () => {
    const { status, stdout, stderr } = run('concord', 'non-interference', seedCorpus);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], '2 hits for "non-interference"');
    assert.equal(lines.length, 3);
    assert.match(lines[1], /^e by the principles of full equality and \[non-interference\] with internal affairs/);
    assert.match(lines[2], /2023-02-03-independence-basis-of-international-relations\.txt$/);
    // The match starts in the same column on every line (left context is padded to 40 characters).
    assert.equal(lines[1].indexOf('['), 41);
    assert.equal(lines[2].indexOf('['), 41);
  });

  it('pages with --offset and --limit while the total stays exact', () => {
    const all = cliConcordance('independence');
    const page = cliConcordance('independence', '--offset', '20', '--limit', '5');
    assert.equal(page.total, all.total);
    assert.deepEqual(page.hits, all.hits.slice(20, 25));
    assert.match(run('concord', '--limit', '3', 'independence', seedCorpus).stdout, /^22 hits for "independence" \(showing 1-3\)\n/);
  });

  it('reads a manifest, a folder and single files alike', () => {
    const viaManifest = JSON.parse(run('concord', '--json', 'Juche', join(seedCorpus, 'manifest.json')).stdout);
    const viaFile = JSON.parse(run('concord', '--json', 'Juche', join(seedCorpus, '2023-02-03-independence-basis-of-international-relations.txt')).stdout);
    assert.deepEqual(viaManifest, cliConcordance('Juche'));
    assert.deepEqual(viaFile.hits, viaManifest.hits.filter((hit) => hit.doc.startsWith('2023')));
  });

  it('names files it cannot use, keeps the others, and fails only when nothing loads', () => {
    const dir = join(testOutput, 'cli-inputs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'bad.json'), '{"documents": 3}');
    const mixed = run('concord', '--json', 'Juche', join(dir, 'image.png'), join(dir, 'missing.txt'), seedCorpus);
    assert.equal(mixed.status, 0);
    assert.equal(JSON.parse(mixed.stdout).total, cliConcordance('Juche').total);
    assert.deepEqual(mixed.stderr.trimEnd().split('\n'), [
      'textx: [load.binary] image.png is a PNG image, not a text file.',
      `textx: [load.missing] ${join(dir, 'missing.txt')} is not a readable file.`,
    ]);
    const nothing = run('concord', 'Juche', join(dir, 'bad.json'));
    assert.equal(nothing.status, 1);
    assert.match(nothing.stderr, /\[manifest\.invalid\] .*bad\.json is not a corpus manifest/);
    assert.match(nothing.stderr, /\[load\.nothing\] no documents could be loaded/);
  });

  it('rejects a query without words with its message and exit code 2', () => {
    const { status, stdout, stderr } = run('concord', '“ – ”', seedCorpus);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'textx: [query.empty] The query has no words to search for; type a word such as independence.\n');
  });

  it('explains its options with --help and refuses out-of-range ones', () => {
    const help = run('concord', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--context/);
    assert.match(help.stdout, /--limit/);
    assert.notEqual(run('concord', '--context', '500', 'a', seedCorpus).status, 0);
    assert.notEqual(run().status, 0, 'a subcommand is required');
  });
});
