// wait-for-sync against the Argo CD API double on 127.0.0.1, the bundle started as a runner starts it: how long after
// Argo CD reports the commit Synced and Healthy the step exits (watching the app's stream, and polling when the stream
// is refused), and how many API requests a minute of waiting costs after 10 s and after 60 s of waiting.
import { spawn } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { importSource } from './compiled.mjs';
import { atMost, bundleOf, median, NODE, paired, printTable, ROOT, ROUNDS, runnerEnv } from './lib.mjs';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const POLL_SECONDS = 2;
const SOURCE = { repoURL: 'git://127.0.0.1/manifests.git', path: 'apps/web', targetRevision: 'main' };
// Minute-long figures are slow: their rounds run side by side (the step mostly sleeps), and fewer of them.
const RATE_ROUNDS = Math.min(ROUNDS, 3);

/** A double whose app `web` runs OLD, synced and healthy. */
async function startDouble(ArgoCdApiDouble) {
  const double = await ArgoCdApiDouble.start();
  double.addApplication({ name: 'web', source: SOURCE });
  setApp(double, OLD);
  return double;
}

function setApp(double, revision) {
  double.update('web', (app) => {
    app.status.sync = {
      status: 'Synced',
      revision,
      comparedTo: { source: SOURCE, destination: { namespace: 'default' } },
    };
    app.status.health = { status: 'Healthy' };
  });
}

/**
 * The way to the double: straight, or through a front that refuses the watch stream (an Argo CD behind a proxy that
 * does not pass streams), so that the step polls. Returns the URL and a stop function.
 */
async function frontOf(double, mode) {
  if (mode === 'watch') return { url: double.url, stop: async () => undefined };
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/api/v1/stream/')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      return response.end('{"error":"Not Found","code":5,"message":"Not Found"}');
    }
    const forwarded = http.request(new URL(request.url ?? '/', double.url), {
      method: request.method,
      headers: request.headers,
    });
    forwarded.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    request.pipe(forwarded);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Starts the bundled step against `url`; resolves to its exit code and the moment it exited. */
function startStep(double, url, timeout) {
  const env = runnerEnv({
    agent: 'argocd',
    'argocd-server': url,
    'argocd-token': double.token,
    'argocd-application': 'web',
    revision: NEW,
    'poll-interval': `${POLL_SECONDS}s`,
    timeout,
  });
  const child = spawn(NODE, [bundleOf('wait-for-sync')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, exitedAt: performance.now(), output })));
}

/** Milliseconds from the double reporting NEW Synced and Healthy to the step's exit. */
async function latency(ArgoCdApiDouble, mode) {
  const double = await startDouble(ArgoCdApiDouble);
  const front = await frontOf(double, mode);
  try {
    const exited = startStep(double, front.url, '60s');
    while (double.requestCount() === 0) await sleep(20);
    // At a random point of a poll interval, once the step is past its first read.
    await sleep(500 + Math.random() * POLL_SECONDS * 1000);
    const healthyAt = performance.now();
    setApp(double, NEW);
    const { code, exitedAt, output } = await exited;
    if (code !== 0) throw new Error(`wait-for-sync (${mode}) exited ${code}:\n${output.slice(-3000)}`);
    return exitedAt - healthyAt;
  } finally {
    await front.stop();
    await double.stop();
  }
}

/** Requests per minute the step sent while waiting `seconds` for a commit that never comes (it times out). */
async function requestRate(ArgoCdApiDouble, mode, seconds) {
  const double = await startDouble(ArgoCdApiDouble);
  const front = await frontOf(double, mode);
  try {
    const { code, output } = await startStep(double, front.url, `${seconds}s`);
    if (code !== 1 || !output.includes('timeout')) {
      throw new Error(`wait-for-sync (${mode}) should have timed out, exited ${code}:\n${output.slice(-3000)}`);
    }
    return double.requestCount() / (seconds / 60);
  } finally {
    await front.stop();
    await double.stop();
  }
}

export async function run() {
  const { ArgoCdApiDouble } = await importSource('test/doubles/argocd-api/server.ts');
  // The double reads Argo CD's swagger beside its own source: give its compiled copy the same neighbours.
  const { ARGOCD_SWAGGER } = await importSource('test/doubles/argocd-api/swagger.ts');
  const compiledFixtures = path.dirname(path.dirname(fileURLToPath(ARGOCD_SWAGGER)));
  if (!existsSync(compiledFixtures)) symlinkSync(path.join(ROOT, 'test/fixtures'), compiledFixtures);
  bundleOf('wait-for-sync');

  const times = await paired({
    watch: () => latency(ArgoCdApiDouble, 'watch'),
    poll: () => latency(ArgoCdApiDouble, 'poll'),
  });
  const rates = {};
  for (const seconds of [10, 60]) {
    for (const mode of ['watch', 'poll']) {
      const rounds = Array.from({ length: RATE_ROUNDS }, () => requestRate(ArgoCdApiDouble, mode, seconds));
      rates[`${mode} ${seconds}`] = await Promise.all(rounds);
    }
  }
  const flat = (mode) => ({
    text: `≤ the 10 s figure (${median(rates[`${mode} 10`]).toFixed(1)})`,
    met: (value) => value <= median(rates[`${mode} 10`]),
  });
  printTable(
    `wait-for-sync: Argo CD API double, bundle run as a runner runs it; poll interval ${POLL_SECONDS} s; ` +
      `${ROUNDS} rounds for latency, ${RATE_ROUNDS} for request rates`,
    [
      { figure: 'healthy → exit, watching', action: times.watch, goal: atMost(1000, '≤ 1 s') },
      {
        figure: 'healthy → exit, polling (stream refused)',
        action: times.poll,
        goal: atMost(POLL_SECONDS * 1000, `≤ one poll interval (${POLL_SECONDS} s)`),
      },
      { figure: 'requests/min, watching, 10 s wait', action: rates['watch 10'], unit: '/min' },
      { figure: 'requests/min, watching, 60 s wait', action: rates['watch 60'], unit: '/min', goal: flat('watch') },
      { figure: 'requests/min, polling, 10 s wait', action: rates['poll 10'], unit: '/min' },
      { figure: 'requests/min, polling, 60 s wait', action: rates['poll 60'], unit: '/min', goal: flat('poll') },
    ],
  );
}
