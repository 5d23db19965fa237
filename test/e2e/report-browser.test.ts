// The report page in a real browser: headless Chromium (Debian's package, installed by .ci/run) renders
// it to PNG; the picture must not be blank and the page must log no error. Skipped, saying why, on a
// machine without Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { chromium, type Browser } from 'playwright-core';
import { homesForThisFile, runCli } from '../helpers/cli.js';
import { populatedReportHome } from '../helpers/report-home.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);
const freshHome = homesForThisFile();

/** Share of pixels that differ from the top-left one (the page background), and distinct colours seen. */
function inkOf(png: Buffer): { ink: number; colours: number; background: number[] } {
  const image = PNG.sync.read(png);
  const { data, width, height } = image;
  const bg = [data[0]!, data[1]!, data[2]!];
  let ink = 0;
  const colours = new Set<number>();
  for (let i = 0; i < width * height * 4; i += 4) {
    const d = Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!);
    if (d > 30) ink++;
    colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  }
  return { ink: ink / (width * height), colours: colours.size, background: bg };
}

describe.skipIf(!CHROMIUM)(
  `pitch report in headless Chromium${CHROMIUM ? '' : ' (skipped: no chromium on this machine)'}`,
  () => {
    let browser: Browser;
    let dir: string;
    let url: string;

    beforeAll(async () => {
      const home = populatedReportHome(freshHome());
      dir = mkdtempSync(join(tmpdir(), 'pitch-report-'));
      const out = join(dir, 'report.html');
      const r = runCli(['report', '--out', out], { PITCH_HOME: home, TZ: 'UTC' });
      expect(r.code).toBe(0);
      url = pathToFileURL(out).href;
      browser = await chromium.launch({
        executablePath: CHROMIUM!,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it.each(['light', 'dark'] as const)(
      'renders a page that is not blank, with no console error (%s)',
      async (scheme) => {
        const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, colorScheme: scheme });
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) errors.push(`request to ${r.url()}`);
        });
        await page.goto(url, { waitUntil: 'load' });
        const png = await page.screenshot({ fullPage: true });
        const { ink, colours, background } = inkOf(png);
        expect(errors).toEqual([]);
        expect(ink).toBeGreaterThan(0.05);
        expect(colours).toBeGreaterThan(50);
        // Light page on a light background, dark on dark: prefers-color-scheme is honoured.
        const luminance = (background[0]! + background[1]! + background[2]!) / 3;
        if (scheme === 'light') expect(luminance).toBeGreaterThan(200);
        else expect(luminance).toBeLessThan(60);
        // Every chart has a size on screen (an SVG that failed to parse would collapse to nothing).
        const boxes = await page.$$eval('svg.chart', (list) => list.map((s) => s.getBoundingClientRect().height));
        expect(boxes.length).toBeGreaterThanOrEqual(6);
        for (const h of boxes) expect(h).toBeGreaterThan(40);
        await page.close();
        expect(readFileSync(new URL(url)).length).toBeLessThan(2 * 1024 * 1024);
      },
    );
  },
);
