// How the page names what stopped its analysis engine (worker_client.js crashCause), from the errors a
// worker dies of: memory exhausted in the forms wasm and V8 report it, and anything else.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { crashCause } from '../../web/src/worker_client.js';

it('says "ran out of memory" for every form of exhausted memory, and names any other error', () => {
  const memory = 'ran out of memory (the browser gives it at most 4 GB)';
  for (const message of ['Uncaught RuntimeError: Aborted(OOM). Build with -sASSERTIONS for more info.',
    'Uncaught RuntimeError: Aborted(Cannot enlarge memory arrays to size 4294967296 bytes (OOM).)',
    'Uncaught RangeError: Array buffer allocation failed', 'Uncaught RangeError: Invalid array length', 'RangeError: Invalid string length',
    'Uncaught RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded; out of memory']) {
    assert.equal(crashCause(message), memory, message);
  }
  assert.equal(crashCause('Uncaught RuntimeError: unreachable'), 'met an internal error (RuntimeError: unreachable)');
  assert.equal(crashCause('Uncaught Error: simulated crash'), 'met an internal error (Error: simulated crash)');
  assert.equal(crashCause(''), 'met an internal error (no details given)');
  assert.equal(crashCause(undefined), 'met an internal error (no details given)');
});
