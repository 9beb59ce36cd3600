// End-to-end round trip: starts PprrBot (Development, local bypass) and the Microsoft 365 Agents Playground on
// loopback, sends a message through the Playground's own API (WebSocket + POST) and waits for the bot's reply.
// Prints how long it took from starting the bot to the first answered message. CI only: see playground-roundtrip.sh.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = process.env.REPO_ROOT ?? path.resolve(here, '..', '..');
const preload = process.env.FORCE_LOOPBACK_PRELOAD ?? path.resolve(repo, '..', 'shared', 'tools', 'force-loopback.js');
const outDir = path.join(repo, '.ci', 'out', 'e2e');
const conversationId = 'conv-e2e';
const started = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(name, command, args, env, cwd) {
  const log = openSync(path.join(outDir, `${name}.log`), 'w');
  // Own process group, so stopping it also stops what it started (dotnet run starts the app as a child).
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', log, log], detached: true });
  started.push({ name, child });
  child.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`${name} exited with ${code}; see ${path.join(outDir, name + '.log')}`);
  });
  return child;
}

function stopAll() {
  for (const { child } of started) {
    if (child.exitCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
  }
}

async function waitFor(what, url, timeoutMs, method = 'GET') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { method, signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not come up at ${url} within ${timeoutMs / 1000} s`);
}

function waitForBotReply(socket, predicate, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply from the bot within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.addEventListener('message', (event) => {
      let data;
      try { data = JSON.parse(String(event.data)); } catch { return; }
      if (data.action === 'createMessage' && predicate(data.message)) {
        clearTimeout(timer);
        resolve(data.message);
      }
    });
  });
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const botPort = await freePort();
  const playgroundPort = await freePort();
  const endpoint = `http://127.0.0.1:${botPort}/api/messages`;
  const playground = `http://127.0.0.1:${playgroundPort}`;

  const botStart = performance.now();
  start('bot', 'dotnet', ['run', '--project', 'src/PprrBot', '--no-launch-profile', '--', '--urls', `http://127.0.0.1:${botPort}`], {
    ASPNETCORE_ENVIRONMENT: 'Development',
    Bot__AllowUnauthenticatedLocalRequests: 'true',
  }, repo);
  await waitFor('the bot', `http://127.0.0.1:${botPort}/healthz`, 240_000);
  const botReady = performance.now();

  start('playground', process.execPath, [
    path.join(here, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
    '-e', endpoint, '-c', 'msteams', '-p', String(playgroundPort), '--su', `${playground}/_connector`,
    '--conversation-id', conversationId, '--dt',
  ], { TEAMSAPPTESTER_BROWSER: 'none', NODE_OPTIONS: `--require ${preload}` }, outDir);
  await waitFor('the Playground', `${playground}/`, 60_000);

  const socket = new WebSocket(`ws://127.0.0.1:${playgroundPort}/_ws_conversation/v1/conversations/stream`);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('could not open the Playground WebSocket')), { once: true });
  });

  // The bot greets "hello" with its help card: what the member reads is the card's fallback text.
  const said = (message) => message?.text ?? message?.attachments?.[0]?.content?.fallbackText ?? '';
  const isHelp = (message) => said(message).includes('Ask me about');
  const reply = waitForBotReply(socket, isHelp, 30_000);
  const sent = performance.now();
  const post = await fetch(`${playground}/_conversation/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'text', text: 'hello', textFormat: 'plain', from: { id: 'user-id-0' } }),
  });
  if (!post.ok) throw new Error(`the Playground refused the message: ${post.status}`);
  const message = await reply;
  const answered = performance.now();
  socket.close();

  const seconds = (ms) => (ms / 1000).toFixed(1);
  console.log(`Playground round trip passed: the bot answered "${said(message).slice(0, 60)}..."`);
  console.log(`  bot start (dotnet run) to healthy:          ${seconds(botReady - botStart)} s`);
  console.log(`  message sent to reply shown in Playground:  ${Math.round(answered - sent)} ms`);
  console.log(`  bot start to first answered message:        ${seconds(answered - botStart)} s`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`Playground round trip FAILED: ${error.message}`);
  console.error(`Logs: ${outDir}`);
  exitCode = 1;
} finally {
  stopAll();
}
process.exit(exitCode);
