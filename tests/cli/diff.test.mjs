// textx diff as a terminal user meets it: paragraph headings with op labels and [-deleted-]{+inserted+}
// marks, the JSON, the collation table, options, help, and clear messages for bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliDiff } from '../helpers/cli.mjs';
import { cli, testOutput } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const licences = '/usr/share/common-licenses';
const dir = join(testOutput, 'cli-diff');

function files(pairs) {
  mkdirSync(dir, { recursive: true });
  return pairs.map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

describe('textx diff', () => {
  it('prints each pair with its op, paragraph numbers from 1 and word marks', () => {
    const [a, b] = files([
      ['old.txt', 'Peace and friendship.\n\nThe quick brown fox.\n\nA paragraph that goes away.\n\nThe last word.\n'],
      ['new.txt', 'The last word.\n\nPeace and friendship.\n\nThe slow brown fox.\n\nSomething else entirely, and long.\n'],
    ]);
    const { status, stdout, stderr } = run('diff', a, b);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'A: old.txt (4 paragraphs)');
    assert.equal(lines[1], 'B: new.txt (4 paragraphs)');
    assert.equal(lines[2], '1 equal, 1 changed, 1 moved, 0 split, 0 merged, 1 inserted, 1 deleted');
    assert.match(stdout, /\[moved\] {4}A¶4 {2}B¶1 {2}similarity 1\.00\n {4}The last word\.\n/);
    assert.match(stdout, /\[changed\] {2}A¶2 {2}B¶3 {2}similarity 0\.\d\d\n {4}The \[-quick-\]\{\+slow\+\} brown fox\.\n/);
    assert.match(stdout, /\[deleted\] {2}A¶3 {2}B– *\n {4}\[-A paragraph that goes away\.-\]\n/);
    assert.match(stdout, /\[inserted\] A– {2}B¶4 *\n {4}\{\+Something else entirely, and long\.\+\}\n/);
  });

  it('shows a split paragraph with its new paragraph break as ¶', () => {
    const [a, b] = files([
      ['whole.txt', 'One two three four five. Six seven eight nine ten.\n'],
      ['parts.txt', 'One two three four five.\n\nSix seven eight nine ten.\n'],
    ]);
    const { stdout } = run('diff', a, b);
    assert.match(stdout, /\[split\] {4}A¶1 {2}B¶1–2 {2}similarity 1\.00\n {4}One two three four five\.\[- -\]\{\+¶\+\}Six seven eight nine ten\.\n/);
  });

  it('prints the wire-format JSON with --json, the same for GPL-2 against GPL-3 on every run', () => {
    const json = cliDiff([join(licences, 'GPL-2'), join(licences, 'GPL-3')]);
    assert.deepEqual(Object.keys(json), ['a', 'b', 'options', 'summary', 'word_diff_fell_back', 'pairs']);
    assert.equal(json.a.name, 'GPL-2');
    assert.equal(json.a.gaps.length, json.a.paragraphs + 1);
    assert.deepEqual(new Set(json.pairs.map((pair) => pair.op)), new Set(['equal', 'changed', 'inserted', 'deleted']));
    const preamble = json.pairs.find((pair) => pair.op === 'equal' && pair.text === 'Preamble');
    assert.deepEqual([preamble.a.first, preamble.b.first], [2, 2]);
    assert.deepEqual(cliDiff([join(licences, 'GPL-2'), join(licences, 'GPL-3')]), json);
  });

  it('takes thresholds and switches from the command line', () => {
    const paths = [join(licences, 'GPL-2'), join(licences, 'GPL-3')];
    const strict = cliDiff(paths, '--min-similarity', '0.9');
    const loose = cliDiff(paths);
    assert.ok(strict.summary.changed < loose.summary.changed);
    assert.equal(strict.options.min_similarity, 0.9);
    assert.equal(cliDiff(paths, '--exact-layout').options.ignore_layout, false);
    const out = run('diff', '--min-similarity', '1.5', ...paths);
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /min-similarity/);
    assert.match(run('diff', '--color', ...paths).stdout, /\x1b\[31m\[-/);
  });

  it('aligns one paragraph across versions with --paragraph', () => {
    const paths = ['GPL-2', 'GPL-1', 'GPL-3'].map((name) => join(licences, name));
    const { status, stdout } = run('diff', '--paragraph', '4', ...paths);
    assert.equal(status, 0);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['GPL-2: ¶4', 'GPL-1: ¶5', 'GPL-3: ¶5']);
    assert.match(lines[5], /^ {6}1 {2}The +The +The/);
    assert.match(lines[6], /^\* {5}2 {2}licenses +license +licenses/);
    const table = cliDiff(paths, '--paragraph', '4');
    assert.equal(table.rows.length, 3);
    assert.equal(table.variant.length, table.columns);
  });

  it('has help, and says clearly what is wrong with its input', () => {
    const help = run('diff', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--min-similarity/);
    assert.match(help.stdout, /--paragraph/);
    const [text, png] = files([['text.txt', 'Some text.\n'], ['scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])]]);
    const binary = run('diff', text, png);
    assert.equal(binary.status, 1);
    assert.equal(binary.stderr, 'textx: [load.binary] scan.png is a PNG image, not a text file.\n');
    const missing = run('diff', text, join(dir, 'missing.txt'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /\[load\.missing\] .*missing\.txt is not a readable file\./);
    const one = run('diff', text);
    assert.equal(one.status, 2);
    assert.match(one.stderr, /\[diff\.input\] diff compares exactly two files/);
    const folder = run('diff', text, dir);
    assert.equal(folder.status, 1);
    const empty = files([['empty.txt', '']])[0];
    assert.equal(run('diff', empty, empty).status, 0);
  });
});
