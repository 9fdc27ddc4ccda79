// Keeps the documents a reader added, so that they survive a reload and a restart of the analysis worker.
// IndexedDB when the browser allows it; every file:// page shares one origin, so the database name says
// whose it is and each record carries the page it belongs to (path and query, so two corpora opened with
// ?corpus= keep separate libraries). Where storage is refused (a sandboxed iframe, private modes) the
// documents are kept in memory only, and the page says so.

const kDatabase = 'textx-explorer-library';
const kStore = 'documents';

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
      req = indexedDB.open(kDatabase, 1);
    } catch (error) {
      reject(error);  // SecurityError in a sandboxed frame
      return;
    }
    req.onupgradeneeded = () => req.result.createObjectStore(kStore, { keyPath: 'id', autoIncrement: true }).createIndex('scope', 'scope');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('the library database is held open by an older version of this page'));
  });
}

// Documents in memory, when storage is unavailable.
class MemoryStore {
  constructor(notice) {
    this.persistent = false;
    this.notice = notice;
    this.documents_ = [];
  }
  async add(documents) {
    this.documents_.push(...documents);
  }
  async all() {
    return this.documents_.map(copyOf);
  }
  async clear() {
    this.documents_ = [];
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
  async clear() {
    const tx = this.db_.transaction(kStore, 'readwrite');
    const index = tx.objectStore(kStore).index('scope');
    for (const key of await request(index.getAllKeys(this.scope_))) tx.objectStore(kStore).delete(key);
    await transactionDone(tx);
  }
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

// The store for this page: {persistent, notice, add(documents), all(), clear()}. Documents are
// {info, bytes: ArrayBuffer, kind, readAs} (readAs: the encoding the reader chose, or ''); add() takes them
// over, all() hands out fresh copies in the order they were added.
export async function openLibraryStore(scope = `${location.pathname}${location.search}`) {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    return new IndexedStore(await openDatabase(), scope);
  } catch (error) {
    return new MemoryStore(`Documents you add are kept only until this page is closed: the browser does not let it store them here (${error && error.message ? error.message : error}).`);
  }
}
