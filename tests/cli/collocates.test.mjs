// textx collocates as a terminal user meets it: a readable table, the wire-format JSON with consistent
// counts, ordering by each measure, paging that keeps the total, and clear messages (exit code 2) for bad
// windows, measures and queries.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { cliCollocates } from '../helpers/cli.mjs';
import { cli, seedCorpus } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

// A run that fails with exit code 2, nothing on stdout and exactly `message` on stderr.
function assertRefused(args, message) {
  const { status, stdout, stderr } = run(...args);
  assert.equal(status, 2, args.join(' '));
  assert.equal(stdout, '');
  assert.equal(stderr, `textx: ${message}\n`);
}

describe('textx collocates', () => {
  it('prints the window, the counts and one scored row per collocate', () => {
    const { status, stdout, stderr } = run('collocates', '--limit', '2', 'independence', seedCorpus);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    const json = cliCollocates('independence');
    assert.equal(lines[0], `Collocates of "independence": 22 matches, window L5-R5 (${json.span} words), 2477 tokens; ` +
      `${json.total} collocates by logdice (showing 1-2)`);
    assert.match(lines[1], /rank +O +L +R +freq +E +MI +t +LL +logDice +word/);
    assert.match(lines[2], new RegExp(` ${json.rows[0].observed} .* ${json.rows[0].log_dice.toFixed(2)}  ${json.rows[0].word}$`));
    assert.equal(lines.length, 4);
  });

  it('gives the documented JSON shape, with left + right = observed', () => {
    const list = cliCollocates('independence', '--left', '3', '--right', '2');
    assert.deepEqual(Object.keys(list), ['query', 'measure', 'window', 'tokens', 'node_frequency', 'span', 'total', 'rows']);
    assert.deepEqual(Object.keys(list.rows[0]), ['word', 'observed', 'left', 'right', 'frequency', 'expected', 'mi',
      't_score', 'log_likelihood', 'log_dice']);
    assert.deepEqual(list.window, { left: 3, right: 2 });
    assert.equal(list.measure, 'logdice');
    let span = 0;
    for (const row of list.rows) {
      assert.equal(row.left + row.right, row.observed, row.word);
      assert.ok(Math.abs(row.expected - list.span * row.frequency / list.tokens) < 1e-9, row.word);
      span += row.observed;
    }
    assert.equal(span, list.span, 'every window token is one row\'s observation');
  });

  it('orders by the chosen measure and pages while the total stays exact', () => {
    for (const [measure, field] of [['ll', 'log_likelihood'], ['mi', 'mi'], ['t', 't_score'], ['logdice', 'log_dice']]) {
      const list = cliCollocates('the', '--measure', measure);
      assert.equal(list.measure, measure);
      for (let i = 1; i < list.rows.length; ++i) assert.ok(list.rows[i - 1][field] >= list.rows[i][field], `${measure} ${i}`);
    }
    const all = cliCollocates('the', '--stop-words', '--min', '2');
    const page = cliCollocates('the', '--stop-words', '--min', '2', '--offset', '5', '--limit', '5');
    assert.equal(page.total, all.total);
    assert.deepEqual(page.rows, all.rows.slice(5, 10));
    assert.ok(all.rows.every((row) => row.observed >= 2 && !['the', 'of', 'and'].includes(row.word)));
  });

  it('refuses bad windows, measures and queries with exit code 2', () => {
    const help = run('collocates', '--help');
    assert.equal(help.status, 0);
    for (const option of ['--left', '--right', '--measure', '--min', '--stop-words', '--offset', '--limit', '--json'])
      assert.ok(help.stdout.includes(option), option);
    assertRefused(['collocates', '--left', '0', '--right', '0', 'peace', seedCorpus],
      '[options.window] The window runs from 1 to 10 words on either side (L0 R0 was asked); at least one side must be wider than 0.');
    assert.equal(run('collocates', '--right', '11', 'peace', seedCorpus).status, 2);
    assertRefused(['collocates', '--measure', 'dice', 'peace', seedCorpus], '[options.measure] Unknown measure "dice"; use logdice, ll, mi or t.');
    assertRefused(['collocates', '(peace', seedCorpus], '[query.syntax] At character 1: this parenthesis is never closed.');
    assertRefused(['collocates', 'doc:1980*', seedCorpus],
      '[query.empty] The query has no words to search for; type a word such as independence.');
    assert.notEqual(run('collocates', seedCorpus).status, 0, 'a query and paths are required');
  });
});
