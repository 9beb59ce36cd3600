// The browser test: a member's view in a Teams-like client. For now only the harness smoke check; the
// measure question, card and "Ask the officer" round trip arrive with the answering and routing features.
"use strict";

const { after, before, test } = require("node:test");
const assert = require("node:assert/strict");
const harness = require("./harness");

const running = [];
let client;

before(async () => {
  running.push(await harness.startBot());
  running.push(await harness.startPlayground());
  client = await harness.openPlayground();
});

after(async () => {
  await client?.browser.close();
  for (const process of running.reverse()) {
    process.stop();
  }
});

test("the Playground connects to the bot and shows a compose box", async () => {
  const box = client.page.locator('[role="textbox"][contenteditable="true"]').first();

  await box.waitFor({ timeout: 30_000 });

  assert.ok(await box.isVisible());
  await harness.screenshot(client.page, "01-connected");
});
