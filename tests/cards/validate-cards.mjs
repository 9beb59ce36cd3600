// Parses and validates every card JSON in a folder with the official adaptivecards renderer (3.0.6),
// as Teams' own renderer would; any parse or validation warning fails the check.
// Usage: node validate-cards.mjs <folder-of-card-json>
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// require('adaptivecards') is broken on Node 20.19+; the bundled dist file works (ecosystem.md).
const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.min.js');

// Without a markdown hook the library warns on every TextBlock; Teams supplies its own.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = text;
  result.didProcess = true;
};

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node validate-cards.mjs <folder-of-card-json>');
  process.exit(2);
}

const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no card JSON files in ${folder}`);
  process.exit(2);
}

let failures = 0;
for (const file of files) {
  const json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);

  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`validation: ${e.message}`);
  }
  if (card.version?.toString() !== '1.5') {
    problems.push(`version is ${card.version}, not 1.5`);
  }

  if (problems.length > 0) {
    failures++;
    console.error(`FAIL ${file}`);
    for (const p of problems) console.error(`  ${p}`);
  } else {
    console.log(`ok   ${file}`);
  }
}

console.log(`${files.length - failures} of ${files.length} cards passed the adaptivecards parser with no warnings`);
process.exit(failures > 0 ? 1 : 0);
