// textx ngrams as a terminal user meets it: a readable table, paging that keeps the total, the wire-format
// JSON, and clear messages (exit code 2) for sizes out of range and bad queries.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliNgrams } from '../helpers/cli.mjs';
import { cli, seedCorpus, testOutput } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

// A run that fails with exit code 2, nothing on stdout and exactly `message` on stderr.
function assertRefused(args, message) {
  const { status, stdout, stderr } = run(...args);
  assert.equal(status, 2, args.join(' '));
  assert.equal(stdout, '');
  assert.equal(stderr, `textx: ${message}\n`);
}

describe('textx ngrams', () => {
  it('prints a header with the exact total and one ranked row per n-gram', () => {
    const { status, stdout, stderr } = run('ngrams', '--limit', '3', seedCorpus);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], `${cliNgrams('--limit', '0').total} distinct n-grams of 3 words in 2477 tokens (showing 1-3)`);
    assert.match(lines[1], /rank +freq +per million +range +n-gram/);
    assert.match(lines[2], /^ +1 +19 +7670\.6 +1 +non aligned movement$/);
    assert.equal(lines.length, 5);
  });

  it('gives the documented JSON shape', () => {
    const list = cliNgrams('--min-size', '2', '--max-size', '4', '--limit', '5');
    assert.deepEqual(Object.keys(list), ['query', 'tokens', 'total', 'rows']);
    assert.deepEqual(Object.keys(list.rows[0]), ['ngram', 'size', 'frequency', 'per_million', 'range']);
    assert.deepEqual(list.rows[0], { ngram: 'of the', size: 2, frequency: 54, per_million: 54e6 / 2477, range: 2 });
    assert.equal(list.query, '');
    assert.equal(list.tokens, 2477);
  });

  it('pages with --offset and --limit while the total stays exact', () => {
    const all = cliNgrams('--size', '2');
    const page = cliNgrams('--size', '2', '--offset', '20', '--limit', '7');
    assert.equal(page.total, all.total);
    assert.equal(all.rows.length, all.total);
    assert.deepEqual(page.rows, all.rows.slice(20, 27));
    assert.deepEqual(cliNgrams('--size', '2', '--offset', String(all.total)).rows, []);
  });

  it('filters by frequency, range, stop words and a query', () => {
    const frequent = cliNgrams('--size', '2', '--min', '5', '--min-range', '2');
    assert.ok(frequent.rows.length > 0);
    for (const row of frequent.rows) assert.ok(row.frequency >= 5 && row.range === 2, row.ngram);
    const content = cliNgrams('--stop-words');
    assert.ok(content.rows.every((row) => !/^(the|of|and) | (the|of|and)$/.test(row.ngram)));
    const held = cliNgrams('--min-size', '2', '--max-size', '3', '--query', 'independence');
    assert.ok(held.rows.length > 0);
    assert.ok(held.rows.every((row) => row.ngram.split(' ').includes('independence')), 'every n-gram holds the query');
    assert.equal(held.query, 'independence');
    const only1980 = cliNgrams('--size', '2', '--query', 'independence doc:1980*');
    assert.ok(only1980.tokens < held.tokens, 'doc: chooses the documents counted');
  });

  it('explains its options with --help and refuses out-of-range ones with a clear message', () => {
    const help = run('ngrams', '--help');
    assert.equal(help.status, 0);
    for (const option of ['--size', '--min-size', '--max-size', '--min', '--min-range', '--stop-words', '--query', '--offset', '--limit', '--json'])
      assert.ok(help.stdout.includes(option), option);
    assertRefused(['ngrams', '--size', '1', seedCorpus], '[options.size] N-grams are 2 to 8 words long; 1 is out of range.');
    assertRefused(['ngrams', '--size', '9', seedCorpus], '[options.size] N-grams are 2 to 8 words long; 9 is out of range.');
    assertRefused(['ngrams', '--min-size', '5', '--max-size', '3', seedCorpus],
      '[options.size] The shortest n-gram size (5) is larger than the longest (3).');
    assertRefused(['ngrams', '--size', '3', '--max-size', '4', seedCorpus],
      '[options.size] Give either one n-gram size or a smallest and largest size, not both.');
    // Mistakes are found before any file is read: a missing path is not even mentioned.
    assertRefused(['ngrams', '--query', '(peace', join(seedCorpus, 'missing.txt')],
      '[query.syntax] At character 1: this parenthesis is never closed.');
  });

  it('answers an empty corpus with an empty list', () => {
    const dir = join(testOutput, 'cli-empty-corpus');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'empty.txt'), '');
    const { status, stdout } = run('ngrams', '--json', dir);
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(stdout), { query: '', tokens: 0, total: 0, rows: [] });
    assert.equal(JSON.parse(run('collocates', '--json', 'peace', dir).stdout).total, 0);
  });
});
