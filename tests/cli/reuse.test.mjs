// textx reuse as a terminal user meets it: the shared passages of the sample corpus with their words
// marked, one passage searched by document and paragraph or given as text, and plain errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { cliReuse } from '../helpers/cli.mjs';
import { cli, seedCorpus } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const decree = '1980-10-kwp-6th-congress-closing-decree.txt';
const article = '2023-02-03-independence-basis-of-international-relations.txt';

describe('textx reuse', () => {
  it('prints the passage the 2023 article shares with the 1980 decree, shared words in brackets', () => {
    const { status, stdout, stderr } = run('reuse', seedCorpus);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], '1 passage shared between documents');
    assert.equal(lines[3], '1. 8 shared words (8 exact), similarity 0.80');
    assert.equal(lines[4], `   ${decree}, paragraph 27:`);
    assert.match(lines[5], /the \[friendly and cooperative\] relations \[with many countries\] of \[the world\] and/);
    assert.equal(lines[6], `   ${article}, paragraph 16:`);
    assert.match(lines[7], /developed \[friendly and cooperative\] ties \[with many countries\] over \[the world\] on/);
  });

  it('searches one paragraph with --doc and --paragraph, and marks another word form in braces', () => {
    const { status, stdout } = run('reuse', '--doc', decree, '--paragraph', '29', '--min-words', '4', seedCorpus);
    assert.equal(status, 0);
    assert.match(stdout, /^1 passage repeats 1980-10-kwp-6th-congress-closing-decree\.txt, paragraph 29 \(\d+ words\)\n/);
    assert.match(stdout, /\[foreign\] \{policies\} \[according to\] their independent judgment/);
    const json = cliReuse('--doc', decree, '--paragraph', '29', '--min-words', '4');
    assert.equal(json.total, 1);
    assert.equal(json.query.doc, decree);
    assert.equal(json.query.paragraph, 29);
    assert.deepEqual(json.matches[0].shared.map((run) => run.exact), [true, false, true]);
    assert.equal(json.matches[0].target.text, 'foreign policies according to');
  });

  it('searches a text given on the command line, offsets into that text', () => {
    const text = 'Our party works out its foreign policies according to its own judgment';
    const json = cliReuse('--text', text, '--min-words', '4');
    assert.equal(json.query.doc, null);
    assert.equal(json.matches[0].target.doc, decree);
    const source = json.matches[0].source;
    assert.equal(text.slice(source.start_utf16, source.end_utf16), source.text);
  });

  it('names its options in the corpus-wide JSON; looser options find more', () => {
    const json = cliReuse();
    assert.equal(json.query, null);
    assert.deepEqual(json.options, { ngram: 3, skip_stop_words: true, word_forms: true, min_words: 8,
      same_document: false, max_occurrences: 1000, limit: 20 });
    assert.equal(json.total, 1);
    assert.equal(cliReuse('--min-words', '4').total, 3);
    assert.equal(cliReuse('--min-words', '4', '--exact-words').total, 2);
  });

  it('explains bad requests and exits 2', () => {
    let r = run('reuse', '--doc', 'nope.txt', seedCorpus);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\[reuse\.document\] No document is named "nope\.txt"/);
    r = run('reuse', '--doc', decree, '--paragraph', '999', seedCorpus);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\[reuse\.paragraph\] Document 1980-10-.*\.txt has \d+ paragraphs \(numbered from 0\); there is no paragraph 999\./);
    r = run('reuse', '--paragraph', '3', seedCorpus);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--paragraph needs --doc/);
    r = run('reuse', '--text', ' ... ', seedCorpus);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\[reuse\.empty\]/);
    r = run('reuse', '--ngram', '9', seedCorpus);
    assert.notEqual(r.status, 0);
    assert.match(run('reuse', '--help').stdout, /--min-words/);
  });
});
