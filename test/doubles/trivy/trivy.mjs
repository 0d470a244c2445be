// A stand-in for the trivy CLI, put first on PATH by tests (see index.ts). It answers the commands and flags the
// action passes the way trivy does, and rejects any other flag as trivy's CLI parser does, so a flag the action starts
// passing fails the tests until the double learns it. What it does NOT emulate:
// - no registry, image or DB is ever fetched: a scan replays the JSON report the test chose (TRIVY_DOUBLE_REPORT),
//   byte for byte unless --scanners asks for fewer kinds of finding, whose lists it then removes as trivy would not
//   have produced them; --platform and the image reference are only recorded;
// - --list-all-pkgs adds no Packages list (the recorded reports were made without it);
// - `convert --format cyclonedx` replays the CycloneDX SBOM the test chose (TRIVY_DOUBLE_SBOM) instead of deriving it;
// - a DB "download" writes trivy's metadata.json and an empty trivy.db, never a real database; a failed one prints
//   trivy's real output for that failure, quoted from the public issue threads cited below.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VALUE = 'value';
const SWITCH = 'switch';
const FLAGS = {
  image: {
    '--format': VALUE,
    '--output': VALUE,
    '--cache-dir': VALUE,
    '--scanners': VALUE,
    '--platform': VALUE,
    '--db-repository': VALUE,
    '--list-all-pkgs': SWITCH,
    '--skip-db-update': SWITCH,
    '--download-db-only': SWITCH,
    '--no-progress': SWITCH,
  },
  convert: { '--format': VALUE, '--output': VALUE },
};
const SHORTHANDS = { '-f': '--format', '-o': '--output' };

// Real trivy output for each failure, verbatim from public reports:
const DB_FAILURES = {
  // skupperproject/skupper-router#1642 (trivy 0.56, ghcr.io rate limit)
  'rate-limited': [
    '2024-10-21T14:14:30Z\tERROR\t[vulndb] Failed to download artifact\trepo="ghcr.io/aquasecurity/trivy-db:2" err="oci download error: failed to fetch the layer: GET https://ghcr.io/v2/aquasecurity/trivy-db/blobs/sha256:07994604d8e647483cf5193669d01210524ae223c43ca96364d63f59bd64d9bf: TOOMANYREQUESTS: retry-after: 1.116573ms, allowed: 44000/minute"',
    '2024-10-21T14:14:30Z\tFATAL\tFatal error\tinit error: DB error: failed to download vulnerability DB: OCI artifact error: failed to download vulnerability DB: failed to download artifact from any source',
  ],
  // opendatahub-io/notebooks#776 (DNS timeout on a GitHub runner)
  network: [
    '2024-11-22T19:52:49Z\tINFO\tDownloading DB...\trepository="ghcr.io/aquasecurity/trivy-db:2"',
    '2024-11-22T19:53:49Z\tFATAL\tFatal error\tinit error: DB error: failed to download vulnerability DB: database download error: OCI repository error: 1 error occurred:',
    '\t* Get "https://ghcr.io/v2/": dial tcp: lookup ghcr.io on 168.63.129.16:53: read udp 10.88.0.2:43149->168.63.129.16:53: i/o timeout',
  ],
  // aquasecurity/trivy#3164 (registry refuses the pull)
  denied: [
    '2022-11-11T14:24:27.306+1300    INFO    Need to update DB',
    '2022-11-11T14:24:27.306+1300    INFO    DB Repository: ghcr.io/aquasecurity/trivy-db',
    '2022-11-11T14:24:27.306+1300    INFO    Downloading DB...',
    '2022-11-11T14:24:27.921+1300    FATAL   init error: DB error: failed to download vulnerability DB: OCI artifact error: OCI artifact error: OCI repository error: GET https://ghcr.io/token?scope=repository%3Aaquasecurity%2Ftrivy-db%3Apull&service=ghcr.io: DENIED: denied',
  ],
};
const REPORT_KEYS = { vuln: 'Vulnerabilities', misconfig: 'Misconfigurations', secret: 'Secrets' };
const env = process.env;

function main(argv) {
  if (env.TRIVY_DOUBLE_DIR) appendFileSync(path.join(env.TRIVY_DOUBLE_DIR, 'argv.jsonl'), `${JSON.stringify(argv)}\n`);
  const [command, ...rest] = argv;
  if (command === 'version' || command === '--version' || command === '-v') {
    process.stdout.write(`Version: ${env.TRIVY_DOUBLE_VERSION || '0.75.0'}\n`);
    return 0;
  }
  if (!(command in FLAGS)) return fail(`Error: unknown command "${command}" for "trivy"`);
  const parsed = parseFlags(command, rest);
  if (typeof parsed === 'string') return fail(parsed);
  if (command === 'convert') return convert(parsed);
  return parsed.flags['--download-db-only'] ? downloadDb(parsed.flags) : scan(parsed);
}

function parseFlags(command, args) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.split(/=(.*)/s);
    const name = SHORTHANDS[rawName] ?? rawName;
    const kind = FLAGS[command][name];
    if (!kind) return `Error: unknown flag: ${rawName}`;
    if (kind === SWITCH) flags[name] = true;
    else if (inline !== undefined) flags[name] = inline;
    else if (i + 1 < args.length) flags[name] = args[++i];
    else return `Error: flag needs an argument: ${rawName}`;
  }
  return { flags, positional };
}

function downloadDb(flags) {
  const cacheDir = flags['--cache-dir'];
  if (!cacheDir) return fail('trivy double: the action always passes --cache-dir');
  const repository = flags['--db-repository'] ?? 'mirror.gcr.io/aquasec/trivy-db:2';
  const outcome = nextDbOutcome(repository);
  if (outcome !== 'ok') {
    process.stderr.write(`${DB_FAILURES[outcome].join('\n')}\n`);
    return 1;
  }
  const dbDir = path.join(cacheDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const now = new Date();
  const metadata = {
    Version: 2,
    NextUpdate: new Date(now.getTime() + 6 * 3600_000).toISOString(),
    UpdatedAt: now.toISOString(),
    DownloadedAt: now.toISOString(),
  };
  writeFileSync(path.join(dbDir, 'metadata.json'), JSON.stringify(metadata));
  writeFileSync(path.join(dbDir, 'trivy.db'), '');
  process.stderr.write(`${now.toISOString()}\tINFO\t[vulndb] Artifact successfully downloaded\trepo="${repository}"\n`);
  return 0;
}

/** The test's outcomes for a repository, one per attempt, in order; success once they run out. */
function nextDbOutcome(repository) {
  const planned = JSON.parse(env.TRIVY_DOUBLE_DB || '{}')[repository] ?? [];
  const counterFile = path.join(env.TRIVY_DOUBLE_DIR, 'db-attempts.json');
  const attempts = existsSync(counterFile) ? JSON.parse(readFileSync(counterFile, 'utf8')) : {};
  const attempt = attempts[repository] ?? 0;
  attempts[repository] = attempt + 1;
  writeFileSync(counterFile, JSON.stringify(attempts));
  return planned[attempt] ?? 'ok';
}

function scan({ flags, positional }) {
  if (positional.length !== 1)
    return fail(`Error: "trivy image" requires exactly 1 argument, got ${positional.length}`);
  if (flags['--format'] !== 'json') return fail('trivy double: only --format json scans are replayed');
  const scanners = (flags['--scanners'] ?? 'vuln,secret').split(',');
  const cacheDir = flags['--cache-dir'];
  if (
    scanners.includes('vuln') &&
    flags['--skip-db-update'] &&
    !existsSync(path.join(cacheDir, 'db', 'metadata.json'))
  ) {
    return fail(
      `${new Date().toISOString()}\tFATAL\tFatal error\tinit error: DB error: --skip-db-update cannot be specified on the first run`,
    );
  }
  const recorded = readFileSync(env.TRIVY_DOUBLE_REPORT);
  const report = JSON.parse(recorded.toString('utf8'));
  const dropped = Object.entries(REPORT_KEYS).filter(([scanner]) => !scanners.includes(scanner));
  const trimmed = (report.Results ?? []).some((result) => dropped.some(([, key]) => key in result));
  for (const result of report.Results ?? []) for (const [, key] of dropped) delete result[key];
  const output = trimmed ? `${JSON.stringify(report, null, 2)}\n` : recorded;
  if (flags['--output']) writeFileSync(flags['--output'], output);
  else process.stdout.write(output);
  return 0;
}

function convert({ flags, positional }) {
  if (flags['--format'] !== 'cyclonedx') return fail('trivy double: only --format cyclonedx conversions are replayed');
  if (positional.length !== 1)
    return fail(`Error: "trivy convert" requires exactly 1 argument, got ${positional.length}`);
  const report = JSON.parse(readFileSync(positional[0], 'utf8'));
  if (report.SchemaVersion !== 2) return fail(`${positional[0]} is not a trivy JSON report`);
  if (!flags['--output']) return fail('trivy double: the action always passes --output');
  copyFileSync(env.TRIVY_DOUBLE_SBOM, flags['--output']);
  return 0;
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
