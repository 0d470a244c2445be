// The floor of any Node step that applies a set the way kubectl-apply does: Node's start, one keep-alive HTTPS
// connection pool, the strict server-side apply dry run of every object and then the apply of every object, four at
// a time, each answer read and parsed. No YAML (the bodies come serialized), no discovery, no checks, no output.
// kubectl-apply's figure at N manifests cannot go below this; the difference is the step's own work.
//
// Usage: node apply-floor.mjs <job.json>, job: { server, ca, token, items: [{ path, body }] }.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Required, not imported: building an ES namespace of Node's http modules loads undici on Node 24 (~40 ms of CPU,
// docs/performance.md), which the bundles, which require their builtins, never pay.
const https = createRequire(import.meta.url)('node:https');
const CONCURRENT_REQUESTS = 4; // as src/core/kubernetes/api-client.ts

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const agent = new https.Agent({ keepAlive: true, ca: job.ca });
const server = new URL(job.server);

function apply(item, dryRun) {
  const query = `?fieldManager=apply-floor&force=false&fieldValidation=Strict${dryRun ? '&dryRun=All' : ''}`;
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: server.hostname,
        port: server.port,
        path: `${item.path}${query}`,
        method: 'PATCH',
        agent,
        headers: {
          authorization: `Bearer ${job.token}`,
          'content-type': 'application/apply-patch+yaml',
          accept: 'application/json',
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          if (response.statusCode >= 300) reject(new Error(`${item.path}: ${response.statusCode} ${body}`));
          else resolve(JSON.parse(body));
        });
      },
    );
    request.on('error', reject);
    request.end(item.body);
  });
}

async function applyAll(dryRun) {
  let next = 0;
  const worker = async () => {
    while (next < job.items.length) await apply(job.items[next++], dryRun);
  };
  await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, worker));
}

await applyAll(true);
await applyAll(false);
agent.destroy();
