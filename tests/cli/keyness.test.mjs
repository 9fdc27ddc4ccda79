// textx keyness: keywords of one set of documents against another, checked against the frequency lists of
// each side and the formulas recomputed here; paging, signs and refused selections.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliKeyness } from '../helpers/cli.mjs';
import { cli, seedCorpus } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const decree = join(seedCorpus, '1980-10-kwp-6th-congress-closing-decree.txt');
const article = join(seedCorpus, '2023-02-03-independence-basis-of-international-relations.txt');

// word -> frequency in one file, from textx freq.
function frequencies(file) {
  const list = JSON.parse(execFileSync(cli, ['freq', '--json', file], { encoding: 'utf8' }));
  return { tokens: list.tokens, counts: new Map(list.rows.map((row) => [row.word, row.frequency])) };
}

// G² of Rayson & Garside (2000), two cells, 0 ln 0 = 0.
function g2(a, b, c, d) {
  const e1 = (c * (a + b)) / (c + d), e2 = (d * (a + b)) / (c + d);
  const term = (o, e) => (o > 0 ? o * Math.log(o / e) : 0);
  return 2 * (term(a, e1) + term(b, e2));
}

describe('textx keyness', () => {
  it('counts each side as the frequency lists of its documents do, and scores by the published formulas', () => {
    const target = frequencies(article), reference = frequencies(decree);
    for (const negative of [false, true]) {
      const result = cliKeyness('--target', 'doc:2023*', ...(negative ? ['--negative'] : []));
      assert.deepEqual(Object.keys(result), ['target', 'reference', 'sign', 'total', 'rows']);
      assert.deepEqual(result.target, { selection: 'doc:2023*', documents: 1, tokens: target.tokens });
      assert.deepEqual(result.reference, { selection: null, documents: 1, tokens: reference.tokens });
      assert.equal(result.sign, negative ? 'negative' : 'positive');
      assert.equal(result.total, result.rows.length);
      const [c, d] = [target.tokens, reference.tokens];
      let previous = Infinity;
      for (const row of result.rows) {
        const a = target.counts.get(row.word) ?? 0, b = reference.counts.get(row.word) ?? 0;
        assert.deepEqual([row.target_frequency, row.reference_frequency], [a, b], row.word);
        assert.equal(negative, a / c < b / d, row.word);
        assert.ok(Math.abs(row.log_likelihood - g2(a, b, c, d)) < 1e-9, row.word);
        assert.ok(row.log_likelihood <= previous, 'sorted by log-likelihood, largest first');
        previous = row.log_likelihood;
        const la = a || 0.5, lb = b || 0.5;
        assert.ok(Math.abs(row.log_ratio - Math.log2(la / c / (lb / d))) < 1e-12, row.word);
        assert.equal(row.percent_diff === null, b === 0);
        const band = [[15.13, 0.0001], [10.83, 0.001], [6.63, 0.01], [3.84, 0.05]].find(([critical]) => row.log_likelihood >= critical);
        assert.equal(row.p_below, band ? band[1] : null);
      }
    }
  });

  it('pages with --offset and --limit while the total stays exact, and filters with --min and --stop-words', () => {
    const all = cliKeyness('--target', 'date:2000..');
    const page = cliKeyness('--target', 'date:2000..', '--offset', '5', '--limit', '7');
    assert.equal(page.total, all.total);
    assert.deepEqual(page.rows, all.rows.slice(5, 12));
    const frequent = cliKeyness('--target', 'date:2000..', '--min', '5');
    assert.ok(frequent.rows.every((row) => row.target_frequency + row.reference_frequency >= 5));
    assert.ok(frequent.total < all.total);
    const content = cliKeyness('--target', 'date:2000..', '--negative', '--stop-words');
    assert.ok(!content.rows.some((row) => ['the', 'of', 'and'].includes(row.word)));
    assert.equal(cliKeyness('--target', 'doc:1980*', '--reference', 'doc:2023*').total,
      cliKeyness('--target', 'doc:1980*').total, 'the rest of the corpus is the other document');
    assert.match(run('keyness', '--limit', '3', '--target', 'doc:2023*', seedCorpus).stdout,
      /^Words used more in "doc:2023\*" \(1 document, 479 tokens\) than in the rest of the corpus \(1 document, 1998 tokens\)\n197 positive keywords \(showing 1-3\)\n/);
  });

  it('refuses bad, empty and overlapping selections with a plain message and exit code 2', () => {
    const cases = [
      [['--target', 'date:abc'], 'textx: [query.syntax] In the target selection "date:abc": At character 6: date: needs a date or a range of dates, such as date:1980, date:1980-10..1990 or date:..2000.'],
      [['--target', 'doc:1999*'], 'textx: [keyness.empty] No document matches the target selection "doc:1999*".'],
      [['--target', 'doc:1980*', '--reference', 'doc:nothing'], 'textx: [keyness.empty] No document matches the reference selection "doc:nothing".'],
      [['--target', 'doc:*'], 'textx: [keyness.empty] The target selection "doc:*" takes every document, so nothing is left to compare it with; narrow the target or name a reference selection.'],
      [['--target', 'doc:*', '--reference', 'date:2023'], 'textx: [keyness.overlap] The target "doc:*" and the reference "date:2023" share 1 document (2023-02-03-independence-basis-of-international-relations.txt); keyness compares two separate sets of documents, so choose selections with no document in common.'],
    ];
    for (const [flags, message] of cases) {
      const { status, stdout, stderr } = run('keyness', ...flags, seedCorpus);
      assert.equal(status, 2, flags.join(' '));
      assert.equal(stdout, '');
      assert.equal(stderr, `${message}\n`);
    }
    const word = run('keyness', '--target', 'independence', seedCorpus);
    assert.equal(word.status, 2);
    assert.match(word.stderr, /^textx: \[query\.syntax\] In the target selection "independence": At character 1:/);
  });

  it('explains its options with --help and requires --target', () => {
    const help = run('keyness', '--help');
    assert.equal(help.status, 0);
    for (const option of ['--target', '--reference', '--min', '--stop-words', '--negative', '--offset', '--limit']) {
      assert.match(help.stdout, new RegExp(option));
    }
    const missing = run('keyness', seedCorpus);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /--target is required/);
  });
});
