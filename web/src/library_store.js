// Keeps the documents a reader added, and the reader's edits of any document's title, date and source, so
// that they survive a reload and a restart of the analysis worker. IndexedDB when the browser allows it; every file:// page shares one origin, so the database name says
// whose it is and each record carries the page it belongs to (path and query, so two corpora opened with
// ?corpus= keep separate libraries). Where storage is refused (a sandboxed iframe, private modes) the
// documents are kept in memory only, and the page says so.

const kDatabase = 'textx-explorer-library';
const kStore = 'documents';
const kEdits = 'edits';  // {scope, name, title, date, source}: what the reader said about a document

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = indexedDB.open(kDatabase, 2);
    } catch (error) {
      reject(error);  // SecurityError in a sandboxed frame
      return;
    }
    // Version 1 held documents; version 2 adds the edits.
    req.onupgradeneeded = (event) => {
      if (event.oldVersion < 1) req.result.createObjectStore(kStore, { keyPath: 'id', autoIncrement: true }).createIndex('scope', 'scope');
      if (event.oldVersion < 2) req.result.createObjectStore(kEdits, { keyPath: ['scope', 'name'] }).createIndex('scope', 'scope');
    };
    req.onsuccess = () => {
      // A newer version of the page opening the database must not be blocked by this one.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('the library database is held open by an older version of this page'));
  });
}

// Documents and edits in memory, when storage is unavailable or not wanted (a saved session).
export class MemoryStore {
  constructor(notice = '') {
    this.persistent = false;
    this.notice = notice;
    this.documents_ = [];
    this.edits_ = new Map();
  }
  async add(documents) {
    this.documents_.push(...documents);
  }
  async all() {
    return this.documents_.map(copyOf);
  }
  async edits() {
    return new Map(this.edits_);
  }
  async setEdits(edits) {
    for (const { doc, ...fields } of edits) this.edits_.set(doc, { ...this.edits_.get(doc), ...fields });
  }
  async clear() {
    this.documents_ = [];
    this.edits_.clear();
  }
}

class IndexedStore {
  constructor(db, scope) {
    this.persistent = true;
    this.notice = '';
    this.db_ = db;
    this.scope_ = scope;
  }
  async add(documents) {
    const tx = this.db_.transaction(kStore, 'readwrite');
    const store = tx.objectStore(kStore);
    for (const doc of documents) store.add({ scope: this.scope_, info: doc.info, bytes: doc.bytes, kind: doc.kind || 'text', readAs: doc.readAs || '' });
    await transactionDone(tx);
  }
  async all() {
    const records = await request(this.db_.transaction(kStore).objectStore(kStore).index('scope').getAll(this.scope_));
    return records.sort((a, b) => a.id - b.id).map(({ info, bytes, kind, readAs }) => ({ info, bytes, kind, readAs }));
  }
  async edits() {
    const records = await request(this.db_.transaction(kEdits).objectStore(kEdits).index('scope').getAll(this.scope_));
    return new Map(records.map(({ name, title, date, source }) => [name, stringFields({ title, date, source })]));
  }
  async setEdits(edits) {
    const tx = this.db_.transaction(kEdits, 'readwrite');
    const store = tx.objectStore(kEdits);
    for (const { doc, ...fields } of edits) {
      const earlier = await request(store.get([this.scope_, doc]));
      store.put({ ...earlier, ...fields, scope: this.scope_, name: doc });
    }
    await transactionDone(tx);
  }
  async clear() {
    const tx = this.db_.transaction([kStore, kEdits], 'readwrite');
    for (const name of [kStore, kEdits]) {
      const index = tx.objectStore(name).index('scope');
      for (const key of await request(index.getAllKeys(this.scope_))) tx.objectStore(name).delete(key);
    }
    await transactionDone(tx);
  }
}

// The string values among `fields` (an edit may set some of title, date and source).
function stringFields(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === 'string'));
}

function transactionDone(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the browser refused to store the documents (is the disk full?)'));
  });
}

function copyOf(doc) {
  return { ...doc, info: { ...doc.info }, bytes: doc.bytes.slice(0) };
}

// The store for this page: {persistent, notice, add(documents), all(), edits(), setEdits(edits), clear()}.
// Documents are {info, bytes: ArrayBuffer, kind, readAs} (readAs: the encoding the reader chose, or '');
// add() takes them over, all() hands out fresh copies in the order they were added. Edits are
// [{doc: name, title?, date?, source?}]; edits() answers a Map name → {title?, date?, source?}. clear()
// forgets both.
export async function openLibraryStore(scope = `${location.pathname}${location.search}`) {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    return new IndexedStore(await openDatabase(), scope);
  } catch (error) {
    return new MemoryStore(`Documents you add are kept only until this page is closed: the browser does not let it store them here (${error && error.message ? error.message : error}).`);
  }
}
