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
  await page.goto(url);
  await page.evaluate(() => window.textx.ready);
  return { page, problems, requests };
}

// Types a query, presses Enter and waits for its answer (not the "Searching for…" line before it).
export async function search(page, query) {
  await page.fill('#query', query);
  await page.press('#query', 'Enter');
  await page.waitForFunction((q) => {
    const status = document.querySelector('#search-status');
    return status.classList.contains('error') || new RegExp(`^[\\d,]+ hits? for “`).test(status.textContent) && status.textContent.includes(`“${q}”`);
  }, query);
}

export const kwicRows = (page) => page.$$eval('#kwic-rows tr', (rows) => rows.map((row) =>
  Array.from(row.cells, (cell) => cell.textContent)));

// The ways the page is delivered, for tests that run in each: `url(server)` opens it.
export const deliveries = [
  { name: 'single file from file://', url: (_server, singleFileUrl) => singleFileUrl, ownOrigin: () => /^(file:|blob:|data:)/ },
  { name: 'static site over http', url: (server) => server.url, ownOrigin: (server) => new RegExp(`^(${server.url}|blob:|data:)`) },
];
