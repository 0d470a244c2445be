// Cold start of every bundle, started as a runner starts it, to its first input error (no inputs at all), paired
// with a bare `node -e 0` in the same clean environment.
import { readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { atMost, distDir, paired, printTable, ratios, runnerEnv, timeNode } from './lib.mjs';

export async function run() {
  const dist = distDir();
  const rows = [];
  for (const name of readdirSync(dist).sort()) {
    const bundle = path.join(dist, name, 'index.js');
    if (name === 'cli' || !existsSync(bundle)) continue;
    const times = await paired({
      action: () => timeNode([bundle], { env: runnerEnv(), expectCode: 1 }),
      bare: () => timeNode(['-e', '0'], { env: runnerEnv() }),
    });
    rows.push({
      figure: `${name}: start to first input error`,
      action: times.action,
      baseline: times.bare,
      ratio: ratios(times.action, times.bare),
      goal: atMost(1.6, '≤ 1.6× (no worse than before)'),
    });
  }
  printTable('cold start: each bundle with no inputs, against bare `node -e 0`', rows);
}
