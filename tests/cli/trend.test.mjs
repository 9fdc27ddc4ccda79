// textx trend: hits per year, decade or month of the documents' dates, checked against the concordance of
// each period; undated and year-only documents are counted, never dropped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliConcordance, cliTrend } from '../helpers/cli.mjs';
import { cli, root, seedCorpus, testOutput } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const sotuDir = join(root, 'node_modules', '@stdlib', 'datasets-sotu', 'data');

describe('textx trend', () => {
  it('counts hits, documents and tokens per year, decade and month of the seed documents', () => {
    const total = cliConcordance('independence').total;
    const periods = (by) => cliTrend('independence', ['--by', by]).periods.map((p) => p.period);
    assert.deepEqual(periods('year'), ['1980', '2023']);
    assert.deepEqual(periods('decade'), ['1980s', '2020s']);
    assert.deepEqual(periods('month'), ['1980-10', '2023-02']);
    const trend = cliTrend('independence');
    assert.deepEqual(Object.keys(trend), ['query', 'by', 'periods', 'year_only', 'undated', 'total']);
    assert.equal(trend.by, 'year');
    assert.deepEqual(trend.periods.map((p) => p.hits), [12, 10]);
    assert.equal(trend.total.hits, total);
    assert.deepEqual(trend.periods[0], { period: '1980', documents: 1, tokens: 1998, hits: 12, per_million: 12e6 / 1998 });
    assert.deepEqual(trend.undated, { documents: 0, tokens: 0, hits: 0, per_million: 0 });
  });

  it('agrees with the concordance of each decade of the State of the Union', () => {
    const files = readdirSync(sotuDir).filter((name) => name.endsWith('.txt')).map((name) => join(sotuDir, name));
    const trend = cliTrend('applause', ['--by', 'decade'], files);
    assert.equal(trend.total.documents, 233);
    assert.equal(trend.periods.length, 24);
    const concordance = JSON.parse(spawnSync(cli, ['concord', '--json', '--context', '0', 'applause', ...files],
      { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);
    assert.equal(trend.total.hits, concordance.total);
    const perDecade = new Map();
    for (const hit of concordance.hits) {
      const decade = `${hit.doc.slice(0, 3)}0s`;
      perDecade.set(decade, (perDecade.get(decade) ?? 0) + 1);
    }
    for (const period of trend.periods) assert.equal(period.hits, perDecade.get(period.period) ?? 0, period.period);
    assert.equal(trend.periods.find((p) => p.period === '1790s').hits, 0, 'decades without hits are listed');
    const byMonth = cliTrend('applause', ['--by', 'month'], files);
    assert.deepEqual(byMonth.periods, [], 'the addresses are dated by year alone');
    assert.equal(byMonth.year_only.documents, 233);
    assert.equal(byMonth.year_only.hits, trend.total.hits);
  });

  it('counts undated documents apart and says when no document has a date', () => {
    const dir = join(testOutput, 'cli-trend-undated');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'War and peace; war.');
    writeFileSync(join(dir, 'letter.txt'), 'No war here? War!');
    const trend = cliTrend('war', [], [dir]);
    assert.deepEqual(trend.periods, []);
    assert.deepEqual(trend.undated, { documents: 2, tokens: 8, hits: 4, per_million: 500000 });
    const { status, stdout } = run('trend', 'war', dir);
    assert.equal(status, 0);
    assert.match(stdout, /^4 hits for "war" in 2 documents, by year\nNo document has a date \(from a manifest, or at the start of its file name, such as 1980-10-decree\.txt\)\.\n/);
    assert.match(stdout, /\nundated +2 +8 +4 +500000\.0\n$/);
  });

  it('explains its options with --help and refuses an unknown period or a malformed query', () => {
    const help = run('trend', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--by/);
    assert.match(help.stdout, /year only/);
    const century = run('trend', '--by', 'century', 'war', seedCorpus);
    assert.notEqual(century.status, 0);
    assert.match(century.stderr, /century not in \{year,decade,month\}/);
    const bad = run('trend', '“ – ”', seedCorpus);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'textx: [query.empty] The query has no words to search for; type a word such as independence.\n');
  });
});
