// Test harness: the bot (local-development mode, no Bot Framework tokens), the Microsoft 365 Agents Playground
// (a Teams-like web client) and Debian's Chromium driven by playwright-core. Everything listens on 127.0.0.1.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const repo = path.resolve(__dirname, "..", "..");
const ports = { bot: 3979, playground: 56150 };
const screenshots = path.join(repo, ".ci", "out", "screenshots");
const kept = path.join(repo, "docs", "screenshots");

// The Playground listens on every interface by default; this preload pins it to loopback.
const forceLoopback = process.env.FORCE_LOOPBACK_JS ?? path.resolve(repo, "..", "shared", "tools", "force-loopback.js");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function startProcess(name, command, args, options) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = fs.createWriteStream(path.join(screenshots, `${name}.log`));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return {
    name,
    stop() {
      if (child.exitCode === null) {
        // The process group: dotnet run and npx start children of their own.
        process.kill(-child.pid, "SIGTERM");
      }
    },
  };
}

async function waitFor(description, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) {
        return;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts the bot from the built dll and waits for /healthz. */
async function startBot() {
  const dll = path.join(repo, "src", "PprrBot", "bin", "Debug", "net10.0", "pprrbot.dll");
  // A fresh database each run, so the first question is PQ-0001 and nothing is left in the source tree.
  const database = path.join(screenshots, "pprrbot.db");
  for (const file of [database, `${database}-shm`, `${database}-wal`]) {
    fs.rmSync(file, { force: true });
  }
  const bot = startProcess("bot", "dotnet", [dll], {
    cwd: path.join(repo, "src", "PprrBot"),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: "Development",
      Urls: `http://127.0.0.1:${ports.bot}`,
      Bot__AllowUnauthenticatedLocalRequests: "true",
      Bot__AppId: "",
      Data__SqlitePath: database,
    },
  });
  await waitFor("the bot's /healthz", async () => (await fetch(`http://127.0.0.1:${ports.bot}/healthz`)).ok, 60_000);
  return bot;
}

/** Starts the Agents Playground pointed at the bot and waits for its page. */
async function startPlayground() {
  const bin = path.join(__dirname, "node_modules", ".bin", "agentsplayground");
  const playground = startProcess("playground", bin, [
    "-e", `http://127.0.0.1:${ports.bot}/api/messages`,
    "-c", "msteams",
    "-p", String(ports.playground),
    "--su", `http://127.0.0.1:${ports.playground}/_connector`,
    "--conversation-id", "conv-1",
    "--dt",
  ], {
    // It writes devTools/ logs into its working directory: keep them with the other run output.
    cwd: screenshots,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", NODE_OPTIONS: `--require ${forceLoopback}` },
  });
  await waitFor("the Playground page", async () => (await fetch(`http://127.0.0.1:${ports.playground}/`)).ok, 60_000);
  return playground;
}

/** Opens the Playground in headless Chromium and waits until it says "Connected.". */
async function openPlayground() {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${ports.playground}/`);
  await page.getByText("Connected.").first().waitFor({ timeout: 60_000 });
  return { browser, page };
}

/** Types a message in the Playground's compose box and sends it. */
async function send(page, text) {
  const box = page.locator('[role="textbox"][contenteditable="true"]').first();
  await box.click();
  await box.fill(text);
  await page.getByRole("button", { name: "Send Message" }).click();
}

/**
 * Saves a screenshot under .ci/out/screenshots. With keep, and UPDATE_DOC_SCREENSHOTS=1, also under docs/screenshots
 * (committed, shown in the README), so a CI run leaves the tree as it was.
 */
async function screenshot(page, name, { keep = false } = {}) {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (keep && process.env.UPDATE_DOC_SCREENSHOTS === "1") {
    fs.mkdirSync(kept, { recursive: true });
    fs.copyFileSync(file, path.join(kept, `${name}.png`));
  }
  return file;
}

fs.mkdirSync(screenshots, { recursive: true });

module.exports = { ports, startBot, startPlayground, openPlayground, send, screenshot };
