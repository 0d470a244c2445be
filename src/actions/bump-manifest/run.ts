import * as log from '../../core/log.js';
import { ManifestBumper } from '../../core/bump/bumper.js';
import { unifiedDiff } from '../../core/bump/diff.js';
import { resolveYamlFiles } from '../../core/file-scope.js';
import { code, JobSummary } from '../../core/summary.js';
import { type BumpManifestSettings, OUTPUTS } from './settings.js';
import { printUntrusted } from '../../core/workflow-commands.js';
import type { StepHost } from '../host.js';

/** Resolves the paths, edits every reference to the image (or only reports, on a dry run), sets the outputs. */
export async function bumpManifest(settings: BumpManifestSettings, { setOutput }: StepHost): Promise<void> {
  const files = await resolveYamlFiles(settings.paths, settings.workingDirectory);
  const bumper = new ManifestBumper();
  const bumps = await bumper.plan(files, settings.workingDirectory, settings.target);
  if (!settings.dryRun) await bumper.write(bumps, settings.workingDirectory);

  const changes = bumps.flatMap((bump) => bump.changes);
  const diff = unifiedDiff(bumps);
  setOutput(OUTPUTS.changed, String(bumps.length > 0));
  const changedFiles = bumps.map((bump) => bump.path);
  setOutput(OUTPUTS.files, changedFiles.join('\n'));
  setOutput(OUTPUTS.filesJson, JSON.stringify(changedFiles));
  setOutput(OUTPUTS.diff, diff);
  setOutput(OUTPUTS.changes, JSON.stringify(changes));

  const verb = settings.dryRun ? 'would change' : 'changed';
  log.info(`${files.length} file(s) in scope; ${bumps.length} ${verb}, ${changes.length} reference(s).`);
  printUntrusted(diff);
  const summary = new JobSummary().heading(
    `bump-manifest: ${settings.target.image}${settings.dryRun ? ' (dry run)' : ''}`,
  );
  if (changes.length === 0)
    summary.paragraph(`No reference to ${code(settings.target.image.repository)} needed a change.`);
  else {
    summary.table(
      ['File', 'Kind', 'Old reference', 'New reference'],
      changes.map((change) => [`${change.file}:${change.line}`, change.kind, code(change.from), code(change.to)]),
    );
  }
  await summary.write();
}
