// The page's own code never turns text into markup or code: document text and names reach the DOM only
// through textContent and elements built one by one (views/element.js), and no string is ever run as a
// script. This test reads every source file of the page and fails on any way around that, so a new view
// cannot slip one in. Together with the Content-Security-Policy (no 'unsafe-eval', no inline scripts but
// the page's own, by hash; tests/page/explorer.test.mjs and hostile.test.mjs) it keeps a document's
// markup inert even if some text were mistaken for HTML.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { root } from '../helpers/paths.mjs';

// What turns a string into DOM or code, and why each is refused.
const kForbidden = [
  [/\binnerHTML\b/, 'innerHTML parses its string as HTML (also as a property given to element())'],
  // Written, outerHTML parses its string; read, it only serialises (saved sessions copy the page's own
  // pristine clone that way), so only writing it is refused.
  [/\bouterHTML\s*(=(?!=)|:)/, 'outerHTML parses its string as HTML when written'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML parses its string as HTML'],
  [/\bdocument\.write(ln)?\b/, 'document.write parses its string as HTML'],
  [/\bcreateContextualFragment\b/, 'Range.createContextualFragment parses its string as HTML'],
  [/\bsrcdoc\b/, 'an iframe srcdoc is HTML'],
  [/\bparseFromString\b/, 'DOMParser output must not be adopted into the page'],
  [/\beval\s*\(/, 'eval runs a string as code'],
  [/\bnew\s+Function\b/, 'new Function runs a string as code'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'a string given to setTimeout/setInterval runs as code'],
  [/setAttribute\(\s*['"`]on/i, 'an event-handler attribute is code'],
  [/['"`]javascript:/i, 'a javascript: URL is code'],
];

// Constant, document-free cases that would be allowed despite the rules above, as "file:line" with the
// reason. None is needed today; keep it that way unless there is no other way, and say why here.
const kAllowed = new Map();

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(m?js|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('the page\'s source', () => {
  const files = [...sourceFiles(join(root, 'web', 'src')), join(root, 'web', 'index.html')];

  it('is all read by this test', () => {
    assert.ok(files.length > 20, `${files.length} files`);
    assert.ok(files.some((file) => file.endsWith(join('views', 'reader_view.js'))));
  });

  it('never parses a string as HTML or runs it as code', () => {
    const found = [];
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const where = `${relative(root, file)}:${i + 1}`;
        if (/^\s*(\/\/|\*)/.test(line) || kAllowed.has(where)) return;  // comments may name what they avoid
        for (const [pattern, why] of kForbidden) if (pattern.test(line)) found.push(`${where}: ${why}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('builds elements with properties, so that text given to element() is always textContent, never markup', () => {
    const builder = readFileSync(join(root, 'web', 'src', 'views', 'element.js'), 'utf8');
    assert.match(builder, /document\.createElement\(tag\)/);
    assert.match(builder, /node\.append\(\.\.\.children\)/);  // children are nodes or strings, appended as text
  });

  it('would catch each forbidden construct', () => {
    const samples = ['node.innerHTML = text', "element('p', { innerHTML: text })", 'node.outerHTML = x', 'node.insertAdjacentHTML("beforeend", x)',
      'document.write(x)', 'range.createContextualFragment(x)', 'frame.srcdoc = x', 'new DOMParser().parseFromString(x, "text/html")',
      'eval(x)', 'new Function("return 1")', 'setTimeout("run()", 1)', "a.setAttribute('onclick', x)", "a.href = 'javascript:void 0'"];
    for (const sample of samples) assert.ok(kForbidden.some(([pattern]) => pattern.test(sample)), sample);
    assert.ok(!kForbidden.some(([pattern]) => pattern.test('node.textContent = text; setTimeout(() => run(), 1)')));
  });
});
