// The hostile inputs of docs/security.md through the CLI: each file is given after the seed corpus, and
// each query to a run over it. A refused file is named on stderr with the core's exact message; an accepted
// one is summarised as expected; either way the seed documents answer the same query with the same total.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostileFiles, hostileQueries, scratchFolder, tinyFiles, writeLargeText } from '../helpers/hostile_inputs.mjs';
import { cli, seedCorpus } from '../helpers/paths.mjs';

const run = (...args) => {
  const started = performance.now();
  const result = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ...result, seconds: (performance.now() - started) / 1000 };
};
const concord = (...paths) => run('concord', '--json', '--limit', '0', 'independence', seedCorpus, ...paths);
const stats = (...paths) => JSON.parse(run('stats', '--json', ...paths).stdout);

let scratch;
let baseline;

before(() => {
  scratch = scratchFolder('cli');
  baseline = JSON.parse(concord().stdout).total;
  assert.ok(baseline > 0);
});
after(() => scratch?.remove());

describe('hostile files through the CLI', () => {
  for (const file of hostileFiles()) {
    it(`${file.name.length > 40 ? 'a file name with HTML and path characters' : file.name}: ${file.answer ? 'refused by name' : 'read'}, and the seed corpus answers as before`, () => {
      const path = join(scratch.dir, file.name);
      writeFileSync(path, file.bytes);
      const result = concord(path);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).total, baseline);
      if (file.answer) {
        assert.equal(result.stderr, `textx: ${file.answer(file.name)}\n`);
      } else {
        assert.equal(result.stderr, '');
        const [doc] = stats(path).documents;
        assert.equal(doc.name, file.name);
        assert.ok(file.check(doc), JSON.stringify(doc));
      }
    });
  }

  it('a manifest naming files outside its folder: each skipped with a reason, the rest read', () => {
    const folder = join(scratch.dir, 'downloaded');
    tinyFiles(folder, 1);
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({
      documents: [{ file: '../../../../etc/passwd' }, { file: '/etc/hostname' }, { file: 'pile/1.txt' }],
    }));
    const result = concord(join(folder, 'manifest.json'));
    assert.equal(JSON.parse(result.stdout).total, baseline);
    const manifest = join(folder, 'manifest.json');
    assert.equal(result.stderr,
      `textx: [manifest.path] ${manifest} names "../../../../etc/passwd", which is outside the manifest's folder; it was skipped.\n` +
      `textx: [manifest.path] ${manifest} names "/etc/hostname", which is outside the manifest's folder; it was skipped.\n`);
  });

  it('a 200 MB file is read (the CLI has the machine\'s memory; the page refuses it by size)', () => {
    const megabytes = 200;
    const path = join(scratch.dir, 'large.txt');
    const sentences = writeLargeText(path, megabytes * 1024 * 1024);
    const result = run('concord', '--json', '--limit', '0', 'fox|independence', seedCorpus, path);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).total, sentences + baseline);
    console.log(`# cli: ${megabytes} MB file read and searched in ${result.seconds.toFixed(1)} s`);
  });

  it('50,000 tiny files in a folder are all read', () => {
    const count = 50_000;
    const folder = tinyFiles(join(scratch.dir, 'many'), count);
    const result = run('concord', '--json', '--limit', '0', 'pile|independence', seedCorpus, folder);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).total, count + baseline);
    console.log(`# cli: ${count} files read and searched in ${result.seconds.toFixed(1)} s`);
  });
});

describe('hostile queries through the CLI', () => {
  for (const { query, answer, total } of hostileQueries) {
    it(`${query.length > 30 ? `${query.slice(0, 30)}… (${query.length} characters)` : query}: ${answer ? 'refused with the reason' : 'answered'}`, () => {
      const result = run('concord', '--json', '--limit', '0', query, seedCorpus);
      if (answer) {
        assert.equal(result.status, 2);
        assert.equal(result.stderr, `textx: ${answer}\n`);
      } else {
        assert.equal(result.status, 0, result.stderr);
        assert.equal(JSON.parse(result.stdout).total, total);
      }
      assert.ok(result.seconds < 5, `${result.seconds} s`);
    });
  }
});
