/**
 * The dashboard's first load in Chromium: from navigation to a usable overview (its chart drawn and
 * the list of actors filled), over a running server. Skipped with a message when Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.js';
import { fmtLatency, latency } from './store.js';

export async function benchDashboard(url: string): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(
      `dashboard first load: skipped (${CHROMIUM} not installed; scripts/ensure-chromium.sh installs it)`,
    );
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const runs = Array.from({ length: 5 }, (_, i) => i);
    const l = await latency(runs, async () => {
      // a new context each time: no cache, as a first visit
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/#/`);
      await page.waitForSelector('[data-ready="overview"]', { timeout: 30_000 });
      await context.close();
    });
    console.log(
      `dashboard first load to a usable overview (Chromium, 1M-event store): ${fmtLatency(l)}; target < 1000 ms`,
    );
  } finally {
    await browser.close();
  }
}
