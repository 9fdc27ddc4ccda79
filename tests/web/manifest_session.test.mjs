// The page's manifest reading and writing, the inline corpus block a saved session carries, and the
// embedding API's allowlist, as plain modules in node (tests/page runs them in the page).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allowedOrigins } from '../../web/src/embed_api.js';
import { inlineCorpusElement, inlineCorpusJson, withInlineCorpus } from '../../web/src/inline_corpus.js';
import { manifestOf, matchManifest, parseManifest } from '../../web/src/manifest.js';
import { sessionTitle, withTitle } from '../../web/src/session_title.js';
import { seedCorpus } from '../helpers/paths.mjs';

describe('manifests in the page', () => {
  it('are read by the core\'s rules: entries in order, fields that are not strings left out', () => {
    const manifest = parseManifest(JSON.stringify({
      name: 'Week 3',
      documents: [{ file: 'bandung.txt', title: 'Final Communiqué', date: '1955-04-24', rights: 'x' }, { file: 'b.html', date: 1980 }, 'a.txt', { title: 't' }],
    }), 'week3/manifest.json');
    assert.equal(manifest.name, 'Week 3');
    assert.deepEqual(manifest.documents.map((entry) => entry.file), ['bandung.txt', 'b.html', '', '']);
    assert.equal(manifest.documents[0].rights, 'x', 'fields the page does not read travel on');
    const { edits, unmatched } = matchManifest(manifest, ['bandung.txt', 'b.html']);
    assert.deepEqual(edits, [{ doc: 'bandung.txt', title: 'Final Communiqué', date: '1955-04-24' }, { doc: 'b.html' }]);
    assert.deepEqual(unmatched, ['(an entry without a file)', '(an entry without a file)']);
  });

  it('refuse what is not a manifest with the core\'s message', () => {
    for (const text of ['', 'not json', '[1, 2]', '{}', 'null', '{"documents": {"file": "a.txt"}}', '{"documents": [']) {
      assert.throws(() => parseManifest(text, 'week3/manifest.json'), {
        code: 'manifest.invalid',
        message: '[manifest.invalid] week3/manifest.json is not a corpus manifest: expected JSON with a "documents" array.',
      }, text);
    }
  });

  it('match documents added from a folder by the path below the manifest, then by name', () => {
    const names = ['week3/bandung.txt', 'week4/bandung.txt', 'notes.txt', 'week4/speeches/1960.txt'];
    const manifest = parseManifest('{"documents": [{"file": "bandung.txt", "date": "1955"}, {"file": "./notes.txt"}, {"file": "speeches/1960.txt"}, {"file": "gone.txt"}]}', 'm');
    assert.deepEqual(matchManifest(manifest, names, 'week4/').edits.map((edit) => edit.doc), ['week4/bandung.txt', 'notes.txt', 'week4/speeches/1960.txt']);
    assert.deepEqual(matchManifest(manifest, names).edits.map((edit) => edit.doc), ['week3/bandung.txt', 'notes.txt', 'week4/speeches/1960.txt']);
    assert.deepEqual(matchManifest(manifest, names).unmatched, ['gone.txt']);
  });

  it('are written from the loaded documents in the shape the CLI reads, keeping fields such as rights', () => {
    const seed = JSON.parse(readFileSync(join(seedCorpus, 'manifest.json'), 'utf8'));
    const entries = new Map(seed.documents.map((entry) => [entry.file, entry]));
    const summaries = seed.documents.map((entry) => ({ name: entry.file, title: entry.title, date: entry.date, source: entry.source, tokens: 1 }));
    summaries[1].title = 'Edited';
    summaries.push({ name: 'notes.txt', title: '', date: '', source: '' });
    const written = manifestOf(seed.name, summaries, entries);
    assert.equal(written.name, seed.name);
    assert.deepEqual(written.documents[0], seed.documents[0]);
    assert.deepEqual(written.documents[1], { ...seed.documents[1], title: 'Edited' });
    assert.deepEqual(written.documents[2], { file: 'notes.txt' });
    assert.deepEqual(parseManifest(JSON.stringify(written), 'm').documents.map((entry) => entry.file), summaries.map((doc) => doc.name));
  });
});

describe('the inline corpus block', () => {
  it('holds any text, "</script>" and "<!--" included, without ending its element', () => {
    const corpus = { name: '</script><script>alert(1)</script>', documents: [{ file: 'a.txt', text: 'x <!-- y </SCRIPT > z \u2028 <\u0000' }] };
    const element = inlineCorpusElement(corpus);
    assert.equal(element.indexOf('<', 1), element.lastIndexOf('</script>'), 'the only "<" after the opening tag is the closing tag');
    assert.deepEqual(JSON.parse(inlineCorpusJson(corpus)), corpus);
  });

  it('is replaced in a page by another corpus, the rest of the page kept as it is', () => {
    const page = `<head><script>a</script></head><body>${inlineCorpusElement({ documents: [{ file: 'x', text: '</script>' }] })}<script>b()</script></body>`;
    const other = { documents: [{ file: 'y', text: '<!-- y -->' }], snapshot: { state: '#q=y' } };
    assert.equal(withInlineCorpus(page, other), `<head><script>a</script></head><body>${inlineCorpusElement(other)}<script>b()</script></body>`);
    assert.equal(withInlineCorpus('<body><script>b()</script></body>', other), null);
  });
});

describe('a saved session\'s title', () => {
  it('names the corpus, its size and the view with what it shows', () => {
    const title = (hash, name = 'Speeches', documents = 12) => sessionTitle({ name, documents, hash });
    assert.equal(title('#q=liberty'), 'textx — Speeches — 12 documents — concordance: liberty');
    assert.equal(title('#q=liberty&sort=R1,R2,R3', '', 1), 'textx — 1 document — concordance: liberty');
    assert.equal(title(''), 'textx — Speeches — 12 documents — concordance');
    assert.equal(title('#view=collocates&q=peace&left=3'), 'textx — Speeches — 12 documents — collocates: peace');
    assert.equal(title('#view=frequency&q=peace&min=3'), 'textx — Speeches — 12 documents — frequency');
    assert.equal(title('#view=ngrams&size=4&with=1&q=the%20people'), 'textx — Speeches — 12 documents — n-grams: 4 words holding the people');
    assert.equal(title('#view=reader&doc=1790.txt&q=union'), 'textx — Speeches — 12 documents — reader: 1790.txt, union');
    assert.equal(title('#view=keyness&target=date%3A1790..1800'), 'textx — Speeches — 12 documents — keyness: date:1790..1800');
    assert.equal(title('#view=diff&a=v1.txt&b=v2.txt'), 'textx — Speeches — 12 documents — diff: v1.txt and v2.txt');
    assert.equal(title('#view=reuse&doc=1790.txt&para=3'), 'textx — Speeches — 12 documents — reuse: 1790.txt, paragraph 3');
    assert.equal(title('#view=nonsense&q=x'), 'textx — Speeches — 12 documents — concordance: x', 'an unknown view is the concordance, as the page reads it');
  });

  it('replaces the page\'s title as text: markup and entities in a name or query stay text', () => {
    const page = '<head><title>textx — text explorer</title></head><body><script>"<title>"</script></body>';
    assert.equal(withTitle(page, 'textx — </title><script>x()</script> & co'),
      '<head><title>textx — &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; &amp; co</title></head><body><script>"<title>"</script></body>');
    assert.equal(withTitle('<head></head>', 'x'), null);
  });
});

describe('the embedding allowlist', () => {
  it('takes origins, and refuses "*", "null", paths and other schemes with a message', () => {
    assert.deepEqual(allowedOrigins('?allow-origin=https://a.example,https://B.example:8080/&allow-origin=http://127.0.0.1:5').origins,
      ['https://a.example', 'https://b.example:8080', 'http://127.0.0.1:5']);
    for (const value of ['*', 'null', 'https://a.example/course', 'ftp://a.example', 'a.example', 'https://u@a.example', 'https://a.example?x']) {
      const { origins, problem } = allowedOrigins(`?allow-origin=${encodeURIComponent(value)}`);
      assert.deepEqual(origins, [], value);
      assert.match(problem, /^The embedding API does not accept allow-origin “.*”: name each page allowed to talk to the explorer by its origin/, value);
    }
    assert.deepEqual(allowedOrigins('?corpus=x.json'), { origins: [], problem: '' });
  });
});
