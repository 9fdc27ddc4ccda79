// Driving the explorer page in a test: open it while recording what must stay clean (console messages,
// page errors, network requests), run a query as a reader does, and read the KWIC table.

let pagesOpened = 0;

// Opens `url` in `browser` (launchBrowser) and waits for the opening corpus. Documents a page adds are stored
// per page address, so each page gets a query parameter of its own: tests do not see each other's
// documents (a reload keeps the address, and so the documents). `{shared: true}` opens `url` as it is.
export async function openPage(browser, url, { shared = false } = {}) {
  if (!shared) {
    const own = new URL(url);
    own.searchParams.set('test-page', String(++pagesOpened));
    url = own.href;
  }
  const page = await browser.context.newPage();
  const { problems, requests } = watchPage(page);
  await page.goto(url);
  await page.evaluate(() => window.textx.ready);
  return { page, problems, requests };
}

// Records what must stay clean on `page` and every frame and worker in it: console errors and warnings,
// page errors (in `problems`), and every request's address (in `requests`).
export function watchPage(page) {
  const problems = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  page.on('worker', (worker) => worker.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`worker ${message.type()}: ${message.text()}`);
  }));
  return { problems, requests };
}

// Each view of the explorer opened on the seed corpus by the address's fragment, as the screenshot and
// accessibility tests visit them.
export const viewAddresses = {
  concordance: '#q=independence',
  reader: '#view=reader&q=independence',
  frequency: '#view=frequency',
  ngrams: '#view=ngrams&size=2',
  collocates: '#view=collocates&q=independence',
  dispersion: '#view=dispersion&q=independence',
  trend: '#view=trend&q=independence',
  keyness: `#view=keyness&target=${encodeURIComponent('doc:"2023-02-03-independence-basis-of-international-relations.txt"')}`,
  diff: '#view=diff',
  reuse: '#view=reuse&words=4',
};

// Types a query, presses Enter and waits for its answer (not the "Searching for…" line before it).
export async function search(page, query) {
  await page.fill('#query', query);
  await page.press('#query', 'Enter');
  await page.waitForFunction((q) => {
    const status = document.querySelector('#search-status');
    return status.classList.contains('error') || new RegExp(`^[\\d,]+ hits? for “`).test(status.textContent) && status.textContent.includes(`“${q}”`);
  }, query);
}

// Every row of the KWIC table, cell by cell. The table draws only the rows in view, so this scrolls through
// it (half a view at a time, waiting for rows still loading), then back to the top: for tables of a few
// hundred rows.
export const kwicRows = (page) => page.evaluate(async () => {
  const scroller = document.getElementById('kwic-scroll');
  if (scroller.hidden) return [];
  const total = Number(document.getElementById('kwic').getAttribute('aria-rowcount')) - 1;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const rows = new Map();
  scroller.scrollTop = 0;
  for (let frames = 0; rows.size < total && frames < 5000; ++frames) {
    await frame();
    const drawn = Array.from(document.querySelectorAll('#kwic-rows tr'));
    if (drawn.some((row) => row.classList.contains('loading'))) continue;
    for (const row of drawn) rows.set(Number(row.getAttribute('aria-rowindex')), Array.from(row.cells, (cell) => cell.textContent));
    scroller.scrollTop += scroller.clientHeight / 2;
  }
  scroller.scrollTop = 0;
  await frame();
  return Array.from(rows.entries()).sort((a, b) => a[0] - b[0]).map(([, cells]) => cells);
});

// The ways the page is delivered, for tests that run in each: `url(server)` opens it.
export const deliveries = [
  { name: 'single file from file://', url: (_server, singleFileUrl) => singleFileUrl, ownOrigin: () => /^(file:|blob:|data:)/ },
  { name: 'static site over http', url: (server) => server.url, ownOrigin: (server) => new RegExp(`^(${server.url}|blob:|data:)`) },
];
