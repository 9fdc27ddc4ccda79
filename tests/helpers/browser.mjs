// Launches Debian's Chromium through playwright-core, with the flags this machine needs: no sandbox as
// root, no GPU, and none of Chromium's own background traffic (update checks, sync, first-run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'textx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TEXTX_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
