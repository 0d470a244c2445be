import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProvenanceRow {
  dest: string;
  repo: string;
  sha256: string;
}

// Every PROVENANCE.json under test/fixtures/ (one per area), each row's dest relative to test/fixtures/.
const root = fileURLToPath(new URL('fixtures', import.meta.url));
const rows = fs
  .readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((file) => path.basename(file) === 'PROVENANCE.json')
  .flatMap((file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as ProvenanceRow[]);

describe('test fixtures', () => {
  it('are recorded', () => expect(rows.length).toBeGreaterThan(0));

  it.each(rows.map((row): [string, ProvenanceRow] => [row.dest, row]))('%s is the recorded real file', (_, row) => {
    const bytes = fs.readFileSync(path.join(root, row.dest));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
  });
});
