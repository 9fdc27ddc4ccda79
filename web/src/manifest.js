// Corpus manifests in the page: the manifest.json the CLI and the hosted page read (docs/wire-format.md,
// "Corpus manifest"), parsed by the same rules as the core's wire/manifest.cpp, written from the loaded
// documents, and matched against them by file name.
//   {"name"?: "…", "documents": [{"file": "a.txt", "title"?: "…", "date"?: "…", "source"?: "…"}, …]}

const kInfoFields = ['title', 'date', 'source'];

// An Error with the core's "[code] message" text and its code.
function manifestError(name) {
  const error = new Error(`[manifest.invalid] ${name} is not a corpus manifest: expected JSON with a "documents" array.`);
  error.code = 'manifest.invalid';
  return error;
}

// The manifest in `text` (the file called `name`): {name, documents: [entry]}, each entry the object as
// written (so fields such as "rights" travel on) with `file` '' when it has none. Throws manifest.invalid
// when the text is not JSON with a "documents" array.
export function parseManifest(text, name) {
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw manifestError(name);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest) || !Array.isArray(manifest.documents)) throw manifestError(name);
  const documents = manifest.documents.map((entry) => {
    const object = entry && typeof entry === 'object' && !Array.isArray(entry) ? entry : {};
    return { ...object, file: typeof object.file === 'string' ? object.file : '' };
  });
  return { ...manifest, name: typeof manifest.name === 'string' ? manifest.name : '', documents };
}

// The string fields of `entry` among title, date and source: what a manifest says about a document.
export function infoFields(entry) {
  const fields = {};
  for (const key of kInfoFields) if (typeof entry[key] === 'string') fields[key] = entry[key];
  return fields;
}

// A manifest of the loaded documents (summaries as corpus.documents() gives them), named `name`. Empty
// fields are left out; `extras` (name → entry of the manifest the document came from) keeps fields such as
// "rights" that the page does not interpret.
export function manifestOf(name, documents, extras = new Map()) {
  return {
    ...(name ? { name } : {}),
    documents: documents.map((doc) => {
      const entry = { ...(extras.get(doc.name) || {}), file: doc.name };
      for (const key of kInfoFields) {
        if (doc[key]) entry[key] = doc[key];
        else delete entry[key];
      }
      delete entry.text;
      return entry;
    }),
  };
}

// The loaded documents' names arranged for documentFor: every name, and every part of a name after a "/"
// ("week3/bandung.txt" is also found as "bandung.txt"), each part to the first name ending in it.
export function nameIndex(names) {
  const exact = new Set(names);
  const bySuffix = new Map();
  for (const name of names) {
    for (let slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      const suffix = name.slice(slash + 1);
      if (!bySuffix.has(suffix)) bySuffix.set(suffix, name);
    }
  }
  return { exact, bySuffix };
}

// The loaded document a manifest entry's `file` names, or undefined: the document named `base` + file (base:
// the folder of a manifest added with its folder, "week3/"), else the one named `file`, else the first one
// whose name ends in "/" + file (a document added from a folder, "week3/bandung.txt", and a manifest saying
// "bandung.txt"). index: nameIndex of the loaded names.
export function documentFor(file, index, base = '') {
  file = file.replace(/^\.\//, '');
  if (!file) return undefined;
  if (base && index.exact.has(base + file)) return base + file;
  if (index.exact.has(file)) return file;
  return index.bySuffix.get(file);
}

// Which loaded document each entry describes (documentFor). Returns {edits: [{doc, title?, date?, source?}],
// unmatched: [file]}; an entry without a file is unmatched as "(an entry without a file)".
export function matchManifest(manifest, names, base = '') {
  const index = nameIndex(names);
  const edits = [];
  const unmatched = [];
  for (const entry of manifest.documents) {
    const doc = documentFor(entry.file, index, base);
    if (doc === undefined) unmatched.push(entry.file || '(an entry without a file)');
    else edits.push({ doc, ...infoFields(entry) });
  }
  return { edits, unmatched };
}
