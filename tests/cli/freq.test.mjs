// textx freq as a terminal user meets it: paging with --offset and --limit keeps the count of words exact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { cliFrequency } from '../helpers/cli.mjs';
import { cli, seedCorpus } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

describe('textx freq', () => {
  it('pages with --offset while types stays the exact total', () => {
    const all = cliFrequency();
    const page = cliFrequency('--offset', '10', '--limit', '5');
    assert.equal(page.types, all.types);
    assert.deepEqual(page.rows, all.rows.slice(10, 15));
    assert.match(run('freq', '--offset', '10', '--limit', '5', seedCorpus).stdout, /^693 distinct words in 2477 tokens \(showing 11-15\)\n/);
  });
});
