// Validates Teams app manifests offline against Microsoft's official JSON schema, as shipped in
// @microsoft/app-manifest (the schema version is taken from the manifest's own "$schema").
//
//   node validate-manifest.js --source ../../manifest/manifest.json   the template, placeholders filled with test values
//   node validate-manifest.js --package pprrbot.zip                   manifest.json inside a built package
//
// Exits 1 and prints every schema error when any manifest is invalid.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const AdmZip = require("adm-zip");
const { AppManifestUtils } = require("@microsoft/app-manifest");

// Values for the template's placeholders; the real ones are filled by `pprrbot package`.
const templateValues = {
  "{{APP_ID}}": "00000000-0000-4000-8000-000000000000",
  "{{BOT_DOMAIN}}": "pprrbot.example.gov.uk",
};

function readSource(file) {
  let text = fs.readFileSync(file, "utf8");
  for (const [placeholder, value] of Object.entries(templateValues)) {
    text = text.split(placeholder).join(value);
  }
  return text;
}

function readPackage(file) {
  const entry = new AdmZip(file).getEntry("manifest.json");
  if (!entry) {
    throw new Error(`${file}: no manifest.json at the root of the package`);
  }
  return entry.getData().toString("utf8");
}

function bundledSchemaExists(manifest) {
  const match = /\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? "");
  if (!match) {
    return false;
  }
  const schema = path.join(
    path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build", "json-schemas", "teams", match[1], "MicrosoftTeams.schema.json");
  return fs.existsSync(schema);
}

async function validate(label, text) {
  const manifest = JSON.parse(text);
  // Without a bundled schema the library would try to download one; this check must stay offline.
  if (!bundledSchemaExists(manifest)) {
    return [`$schema ${manifest.$schema} is not a schema bundled with @microsoft/app-manifest`];
  }
  const leftOver = text.match(/\{\{[A-Z_]+\}\}/g);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  return leftOver ? [...errors, `placeholders left unfilled: ${leftOver.join(", ")}`] : errors;
}

async function main(argv) {
  const targets = [];
  for (let i = 0; i < argv.length; i += 2) {
    const [kind, file] = [argv[i], argv[i + 1]];
    if (!file || (kind !== "--source" && kind !== "--package")) {
      console.error("usage: node validate-manifest.js (--source manifest.json | --package app.zip)...");
      return 2;
    }
    targets.push({ label: `${kind.slice(2)} ${file}`, text: kind === "--source" ? readSource(file) : readPackage(file) });
  }
  if (targets.length === 0) {
    console.error("usage: node validate-manifest.js (--source manifest.json | --package app.zip)...");
    return 2;
  }

  let failed = 0;
  for (const { label, text } of targets) {
    const errors = await validate(label, text);
    if (errors.length === 0) {
      console.log(`valid: ${label}`);
    } else {
      failed++;
      console.log(`INVALID: ${label}`);
      for (const error of errors) {
        console.log(`  ${error}`);
      }
    }
  }
  console.log(`manifest schema check: ${targets.length - failed} valid, ${failed} invalid`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(error.message); process.exitCode = 1; });
