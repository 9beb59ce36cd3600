// Renders every card JSON in a folder with the official adaptivecards renderer in headless Chromium, at a
// Teams-like width with a Teams-like light host config, and saves <name>.png beside the README's gallery.
// Usage: node render-cards.mjs <folder-of-card-json> <output-folder>
import { readdirSync, readFileSync, mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const [folder, output] = process.argv.slice(2);
if (!folder || !output) {
  console.error('usage: node render-cards.mjs <folder-of-card-json> <output-folder>');
  process.exit(2);
}

const executable = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!executable) {
  console.error('Chromium not found: apt-get install -y chromium');
  process.exit(2);
}

const hostConfig = JSON.parse(readFileSync(join(here, 'teams-host-config.json'), 'utf8'));
const dist = join(here, 'node_modules', 'adaptivecards', 'dist');
mkdirSync(output, { recursive: true });

// A fresh profile each run; no network, no background services (ecosystem.md).
const profile = mkdtempSync(join(tmpdir(), 'pprr-cards-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: executable,
  headless: true,
  viewport: { width: 520, height: 800 },
  deviceScaleFactor: 1,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

try {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; background: #F5F5F5; font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; }
    #bubble { width: 450px; background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.18); overflow: hidden; }
    .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #FFFFFF; color: #242424; padding: 6px 12px;
      font: 600 14px 'Liberation Sans', sans-serif; cursor: pointer; }
    .ac-textBlock ul { margin: 0; padding-left: 1.2em; box-sizing: border-box; } .ac-textBlock p { margin: 0; }
    .ac-textBlock { overflow-wrap: anywhere; }
  </style></head><body><div id="bubble"></div></body></html>`);
  await page.addStyleTag({ path: join(dist, 'adaptivecards.css') });
  await page.addScriptTag({ path: join(dist, 'adaptivecards.min.js') });

  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const card = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    await page.evaluate(({ card, hostConfig }) => {
      const AC = window.AdaptiveCards;
      // The small markdown subset Teams supports and our cards use: **bold** and "- " lists.
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const inline = (s) => escape(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
        const lines = text.split('\n');
        result.outputHtml = lines.every((l) => l.startsWith('- '))
          ? '<ul>' + lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('') + '</ul>'
          : '<p>' + lines.map(inline).join('<br>') + '</p>';
        result.didProcess = true;
      };
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
      adaptiveCard.parse(card);
      const bubble = document.getElementById('bubble');
      bubble.replaceChildren(adaptiveCard.render());
    }, { card, hostConfig });
    const target = join(output, basename(file, '.json') + '.png');
    await page.locator('#bubble').screenshot({ path: target });
    console.log(`rendered ${target}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
