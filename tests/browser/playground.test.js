// The browser test: a member's view in a Teams-like client. The member asks about a measure, sees the card, presses
// "Ask the officer", writes the question, sends it, and sees the acknowledgement with the reference and the date.
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

test("a member asks about a measure, asks the officer and gets an acknowledgement", async () => {
  const page = client.page;

  await harness.send(page, "what is the persistent absence rate for SEN?");
  const measureCard = page.locator(".ac-adaptiveCard").filter({ hasText: "CFE34" }).last();
  await measureCard.waitFor({ timeout: 30_000 });
  const measureText = await measureCard.innerText();
  await harness.screenshot(page, "02-measure-card", { keep: true });

  await measureCard.getByRole("button", { name: /Ask the officer/ }).first().click();
  const confirmation = page.locator(".ac-adaptiveCard").filter({ hasText: "Suggested officer" }).last();
  await confirmation.waitFor({ timeout: 30_000 });
  await confirmation.locator("textarea, input[type=text]").first().fill(
    "Why has persistent absence for pupils with SEN risen, and what is the attendance team doing about it?");
  await harness.screenshot(page, "03-confirmation", { keep: true });

  await confirmation.getByRole("button", { name: "Send", exact: true }).click();
  const acknowledgement = page.locator(".ac-adaptiveCard").filter({ hasText: "Question sent" }).last();
  await acknowledgement.waitFor({ timeout: 30_000 });
  const ackText = await acknowledgement.innerText();
  await harness.screenshot(page, "04-acknowledgement", { keep: true });

  assert.match(measureText, /CFE34/);
  assert.match(measureText, /CFE35/);
  assert.match(ackText, /PQ-\d{4}/);
  assert.match(ackText, /Gaynor Ward/);
  assert.match(ackText, /Answer by/);
  assert.match(ackText, /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
});
