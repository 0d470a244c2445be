// Cold start of every bundle: from `node dist/<name>/index.js` to its first input error, against a bare `node -e 0`.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fmt, medianOf, ROOT, runnerEnv, timeProcess } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

export function run() {
  const env = runnerEnv();
  const bare = medianOf(RUNS, () => timeProcess(['-e', '0'], { env }));
  console.log(`cold start, median of ${RUNS}, clean runner environment; bare node -e 0: ${fmt(bare)}`);
  const dist = path.join(ROOT, 'dist');
  for (const name of readdirSync(dist).sort()) {
    const bundle = path.join(dist, name, 'index.js');
    if (!existsSync(bundle)) continue;
    const ms = medianOf(RUNS, () => timeProcess([bundle], { env: runnerEnv(), expectCode: 1 }));
    console.log(`  ${name.padEnd(18)} ${fmt(ms)}  ${(ms / bare).toFixed(2)}x bare node (goal <= 2x)`);
  }
}
