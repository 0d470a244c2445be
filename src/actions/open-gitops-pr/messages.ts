import type { FileBump } from '../../core/bump/bumper.js';
import type { ImageRef } from '../../core/image-ref.js';
import { code, JobSummary } from '../../core/summary.js';
import { type ChangeTarget, TARGET_TRAILER } from './change-target.js';
import type { RunLinks } from '../../core/run-context.js';
import type { EvidenceRow } from './settings.js';
import type { MessageTemplate, TemplateValues } from './templates.js';

/** GitHub refuses longer titles and bodies. */
const MAX_TITLE = 256;
const MAX_BODY = 65_536;
const MAX_CHANGE_ROWS = 50;

/** Everything a title, body or commit message may tell about one change. */
export interface ChangeDescription {
  target: ChangeTarget;
  /** owner/name of the manifests repository. */
  repository: string;
  branch: string;
  bumps: readonly FileBump[];
  evidence: readonly EvidenceRow[];
  source: RunLinks;
}

export function templateValues(change: ChangeDescription): TemplateValues {
  const { image, paths, base } = change.target;
  return {
    'image-ref': image.toString(),
    'image-name': image.spelledName,
    tag: image.tag ?? '',
    digest: image.digest ?? '',
    version: versionOf(image),
    manifests: paths.join(', '),
    files: change.bumps.map((bump) => bump.path).join(', '),
    changes: changesTable(change.bumps),
    repository: change.repository,
    base,
    branch: change.branch,
    'source-commit': change.source.commitUrl ?? '',
    'run-url': change.source.runUrl ?? '',
    evidence: change.evidence.length > 0 ? evidenceTable(change) : '',
  };
}

export function pullRequestTitle(template: MessageTemplate, change: ChangeDescription): string {
  return template.render(templateValues(change)).replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
}

export function pullRequestBody(template: MessageTemplate | undefined, change: ChangeDescription): string {
  const values = templateValues(change);
  const body = template ? template.render(values) : defaultBody(change, values);
  return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY - 20)}\n\n(truncated)`;
}

/** The rendered message followed by trailers naming the image, digest, source commit, run and target. */
export function commitMessage(template: MessageTemplate, change: ChangeDescription): string {
  const { image } = change.target;
  const trailers = [
    `Image: ${image}`,
    ...(image.digest ? [`Image-Digest: ${image.digest}`] : []),
    ...(change.source.commitUrl ? [`Source-Commit: ${change.source.commitUrl}`] : []),
    ...(change.source.runUrl ? [`Run-URL: ${change.source.runUrl}`] : []),
    `${TARGET_TRAILER}: ${change.target.key}`,
  ];
  return `${template.render(templateValues(change)).trim()}\n\n${trailers.join('\n')}\n`;
}

function defaultBody(change: ChangeDescription, values: TemplateValues): string {
  const { image } = change.target;
  const facts: string[][] = [
    ...(image.digest ? [['Digest', code(image.digest)]] : []),
    ...(values['source-commit'] ? [['Source commit', values['source-commit']]] : []),
    ...(values['run-url'] ? [['Run', values['run-url']]] : []),
    ...change.evidence.map((row) => [row.label, row.value]),
  ];
  return new JobSummary()
    .paragraph(
      `Points ${change.target.paths.map(code).join(', ')} on ${code(values.base)} at ${code(values['image-ref'])}.`,
    )
    .table(['Image', code(image.toString())], facts)
    .paragraph('**Changes**')
    .paragraph(values.changes)
    .paragraph(
      '<sub>Opened by open-gitops-pr. A newer image for the same paths updates this pull request. ' +
        'Commits that people push to this branch are kept: later updates go on top of them.</sub>',
    )
    .toMarkdown();
}

function changesTable(bumps: readonly FileBump[]): string {
  const changes = bumps.flatMap((bump) => bump.changes);
  const rows = changes
    .slice(0, MAX_CHANGE_ROWS)
    .map((change) => [`${change.file}:${change.line}`, change.kind, code(change.from), code(change.to)]);
  const table = new JobSummary().table(['File', 'Kind', 'From', 'To'], rows).toMarkdown().trim();
  const more = changes.length - rows.length;
  return more > 0 ? `${table}\n\nand ${more} more.` : table;
}

function evidenceTable(change: ChangeDescription): string {
  return new JobSummary()
    .table(
      ['Evidence', ''],
      change.evidence.map((row) => [row.label, row.value]),
    )
    .toMarkdown()
    .trim();
}

/** The tag, or the start of the digest when there is no tag. */
function versionOf(image: ImageRef): string {
  return image.tag ?? (image.digest as string).slice(0, 'sha256:'.length + 12);
}
