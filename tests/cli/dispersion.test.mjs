// textx dispersion: hits per document with where they fall and Gries's DP, checked against the concordance
// of the same query and against the formulas recomputed here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliConcordance, cliDispersion } from '../helpers/cli.mjs';
import { cli, seedCorpus } from '../helpers/paths.mjs';

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

// DP and DPnorm straight from Gries (2008) and Lijffijt & Gries (2012), parts = documents with words.
function dpOf(documents) {
  const parts = documents.filter((doc) => doc.tokens > 0);
  const size = parts.reduce((sum, doc) => sum + doc.tokens, 0);
  const hits = parts.reduce((sum, doc) => sum + doc.hits, 0);
  const dp = parts.reduce((sum, doc) => sum + Math.abs(doc.hits / hits - doc.tokens / size), 0) / 2;
  return { dp, dpNorm: dp / (1 - Math.min(...parts.map((doc) => doc.tokens / size))) };
}

describe('textx dispersion', () => {
  it('prints the measures and one line per document with a barcode of where the hits fall', () => {
    const { status, stdout, stderr } = run('dispersion', 'independence', seedCorpus);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], '22 hits for "independence" in 2 of 2 documents (2477 tokens, 8881.7 per million)');
    assert.match(lines[1], /^DP 0\.\d{4}, DP normalised 0\.\d{4}, Juilland's D 0\.\d{4} \(parts: the documents/);
    assert.equal(lines.length, 5);
    assert.match(lines[3], /^ +1998 +12 +6006\.0  [|.]{40}  1980-10-kwp-6th-congress-closing-decree\.txt$/);
    assert.match(lines[4], /^ +479 +10 +20876\.8  \|[|.]{39}  2023-02-03/);
  });

  it('gives per-document hits, positions and offsets that match the concordance', () => {
    for (const query of ['independence', 'non-interference', 'mutual respect', 'Juche', 'xylophone']) {
      const dispersion = cliDispersion(query);
      const concordance = cliConcordance(query);
      assert.deepEqual(Object.keys(dispersion), ['query', 'total', 'dp', 'dp_norm', 'juilland_d', 'documents'], query);
      assert.equal(dispersion.total.hits, concordance.total, query);
      assert.equal(dispersion.total.documents, 2);
      assert.equal(dispersion.total.range, dispersion.documents.filter((doc) => doc.hits > 0).length);
      const starts = dispersion.documents.flatMap((doc) => doc.starts.map((start) => `${doc.doc}@${start}`));
      assert.deepEqual(starts, concordance.hits.map((hit) => `${hit.doc}@${hit.start}`), query);
      for (const doc of dispersion.documents) {
        assert.equal(doc.positions.length, doc.hits);
        assert.equal(doc.starts_utf16.length, doc.hits);
        assert.ok(doc.positions.every((p, i) => p >= 0 && p < 1 && (i === 0 || p > doc.positions[i - 1])), query);
        assert.equal(doc.per_million, (doc.hits * 1e6) / doc.tokens);
      }
      if (dispersion.total.hits === 0) {
        assert.deepEqual([dispersion.dp, dispersion.dp_norm, dispersion.juilland_d], [null, null, null]);
      } else {
        const { dp, dpNorm } = dpOf(dispersion.documents);
        assert.ok(Math.abs(dispersion.dp - dp) < 1e-12, query);
        assert.ok(Math.abs(dispersion.dp_norm - dpNorm) < 1e-12, query);
      }
    }
  });

  it('points its byte offsets at the hit in the file', () => {
    const { documents } = cliDispersion('sovereignty');
    for (const doc of documents) {
      const bytes = readFileSync(join(seedCorpus, doc.doc));
      for (const start of doc.starts) assert.equal(bytes.subarray(start, start + 11).toString('utf8').toLowerCase(), 'sovereignty');
    }
  });

  it("limits the parts to the query's doc: and date: filters", () => {
    const one = cliDispersion('independence doc:2023*');
    assert.deepEqual(one.documents.map((doc) => doc.doc), ['2023-02-03-independence-basis-of-international-relations.txt']);
    assert.equal(one.total.tokens, 479);
    assert.equal(one.dp, 0);
    assert.equal(one.dp_norm, null, 'one part: DPnorm is undefined');
    assert.equal(one.juilland_d, null);
  });

  it('explains itself with --help and refuses malformed queries with exit code 2', () => {
    const help = run('dispersion', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Gries's DP/);
    assert.match(help.stdout, /--case-sensitive/);
    const bad = run('dispersion', 'peace date:1990..1980', seedCorpus);
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, 'textx: [query.syntax] At character 12: this date range ends before it starts.\n');
    assert.notEqual(run('dispersion', 'independence').status, 0, 'paths are required');
  });
});
