// The ways a reader adds documents: a file picker (many files), a folder picker, dropping files or folders
// anywhere on the page, and pasting text. Each way ends in `add(files, names)` or `addPasted(text, name)`.

// The files of a drop, folders walked, each with its path ("speeches/1980.txt") as its name.
async function droppedFiles(dataTransfer) {
  const entries = Array.from(dataTransfer.items || [], (item) => (item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
  if (!entries.some(Boolean)) return { files: Array.from(dataTransfer.files || []), names: [] };
  const files = [];
  const names = [];
  const walk = async (entry, path) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      files.push(file);
      names.push(path + entry.name);
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      // readEntries answers in batches until it answers with none.
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          if (!child.name.startsWith('.')) await walk(child, `${path}${entry.name}/`);
        }
      }
    }
  };
  for (const entry of entries) if (entry) await walk(entry, '');
  return { files, names };
}

export function bindLibraryInput({ add, addPasted }) {
  for (const id of ['add-files', 'add-folder']) {
    const input = document.getElementById(id);
    input.addEventListener('change', async () => {
      // Picked files and a folder's files arrive in no particular order: take them by path, as a file
      // manager lists them.
      const files = Array.from(input.files).sort((a, b) => {
        const [x, y] = [a.webkitRelativePath || a.name, b.webkitRelativePath || b.name];
        return x < y ? -1 : x > y ? 1 : 0;
      });
      input.value = '';
      if (files.length) await add(files, []);
    });
  }

  // Dropping anywhere on the page; the body shows it will accept the drop.
  let depth = 0;
  const show = (on) => document.body.classList.toggle('dropping', on);
  document.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types?.includes('Files')) return;
    event.preventDefault();
    depth += 1;
    show(true);
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) show(false);
  });
  document.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types?.includes('Files')) event.preventDefault();
  });
  document.addEventListener('drop', async (event) => {
    if (!event.dataTransfer?.types?.includes('Files')) return;
    event.preventDefault();
    depth = 0;
    show(false);
    const { files, names } = await droppedFiles(event.dataTransfer);
    if (files.length) await add(files, names);
  });

  // Pasting: a dialog with the text and a name.
  const dialog = document.getElementById('paste-dialog');
  const text = document.getElementById('paste-text');
  const name = document.getElementById('paste-name');
  let pasted = 0;
  document.getElementById('paste-open').addEventListener('click', () => {
    name.value = `Pasted text ${pasted + 1}`;
    text.value = '';
    dialog.showModal();
    text.focus();
  });
  document.getElementById('paste-cancel').addEventListener('click', () => dialog.close());
  document.getElementById('paste-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      text.setCustomValidity('Paste or type some text first.');
      text.reportValidity();
      return;
    }
    dialog.close();
    pasted += 1;
    await addPasted(text.value, name.value.trim() || `Pasted text ${pasted}`);
  });
  text.addEventListener('input', () => text.setCustomValidity(''));
}
