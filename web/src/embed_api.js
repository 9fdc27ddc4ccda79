// The embedding API: a page on another origin that frames the explorer talks to it with postMessage. The
// embedder names the origins it trusts in the frame's address, ?allow-origin=https://course.example (several
// separated by commas); the page answers messages from those origins only, and only to them. Messages from
// any other origin are dropped without an answer.
//
// Why a hostile page cannot use this: event.origin is set by the browser, not by the sender, so a page not
// on the list is never answered; each answer is posted with the asking origin as targetOrigin, so the browser
// delivers it to that origin alone. A hostile page may frame the explorer with its own origin in
// allow-origin, but the reader's stored library is kept per page address (library_store.js), the allowlist
// included: such a frame sees only the documents of its own address, never those stored under the
// embedder's. '*' and 'null' (the origin of sandboxed frames and files, which any page can take) are refused,
// and the page says so: a list that trusts everyone protects nothing.
//
// Protocol (docs/wire-format.md, "Embedding messages"): the embedder posts {type: 'textx', id, action, …};
// the page answers {type: 'textx', id, result} or {type: 'textx', id, error: {code, message}}.

// The allowed origins named in `search` (a URL's query string): {origins, problem}; problem is a message for
// the reader when a value was refused (the others stay allowed).
export function allowedOrigins(search) {
  const origins = [];
  const refused = [];
  for (const value of new URLSearchParams(search).getAll('allow-origin').flatMap((list) => list.split(','))) {
    const origin = value.trim();
    if (!origin) continue;
    let url = null;
    try {
      url = new URL(origin);
    } catch {
      // not an address
    }
    const bare = url && /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (bare && !/\/./.test(origin.replace(/^https?:\/\//i, ''))) origins.push(url.origin);
    else refused.push(origin);
  }
  const problem = refused.length
    ? `The embedding API does not accept allow-origin ${refused.map((o) => `“${o}”`).join(', ')}: name each page allowed to ` +
      'talk to the explorer by its origin, such as https://course.example (no “*”, no path).'
    : '';
  return { origins, problem };
}

// Listens for requests from `origins` and answers them with `handle(action, message)`, which resolves to a
// result or rejects with an Error carrying `code`. Does nothing when `origins` is empty.
export function listenForEmbedder(origins, handle) {
  if (!origins.length) return;
  const allowed = new Set(origins);
  window.addEventListener('message', async (event) => {
    if (!allowed.has(event.origin) || !event.source) return;
    const message = event.data;
    if (!message || typeof message !== 'object' || message.type !== 'textx') return;
    const reply = (body) => event.source.postMessage({ type: 'textx', id: message.id, ...body }, event.origin);
    try {
      if (typeof message.action !== 'string') throw embedError('embed.request', 'A request needs an "action", such as "concordance".');
      reply({ result: await handle(message.action, message) });
    } catch (error) {
      reply({ error: { code: error.code || 'embed.failed', message: error.message || String(error) } });
    }
  });
}

export function embedError(code, message) {
  const error = new Error(`[${code}] ${message}`);
  error.code = code;
  return error;
}
