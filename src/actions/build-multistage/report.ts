import type { BuildSteps } from '../../core/build/build-log.js';
import type { BuildFailedError, BuilderName } from '../../core/build/builders/image-builder.js';
import { code, JobSummary } from '../../core/summary.js';

/** What a run did, as the `metadata` output (JSON) and the job summary tell it. */
export interface BuildReport {
  image: string;
  /** The builder that ran; `none` when an image of the same inputs was reused. */
  builder: BuilderName | 'none';
  /** Where the reused image was found, when nothing was built. */
  reusedFrom?: string;
  /** The stage the image is made of. */
  target: string;
  /** The stages the builder ran, in file order. */
  stages: string[];
  /** Full references, tagged and (when pushed) pushed. */
  tags: string[];
  labels: Record<string, string>;
  pushed: boolean;
  /** The manifest digest every tag serves; only when pushed. */
  digest?: string;
  /** `registry`: read back from the registry; `push`: as the push reported it (the registry would not say). */
  digestSource?: 'registry' | 'push';
  /** The local image ID (config digest), when the image is in the engine's store. */
  imageId?: string;
  steps?: BuildSteps;
  /** How many Dockerfile checks found something, under `policy`. */
  findings: number;
  policy: string;
  durationSeconds: number;
}

export function successSummary(report: BuildReport): JobSummary {
  const rows: string[][] = [
    ['Image', code(report.image)],
    ['Digest', report.digest ? code(report.digest) : 'not pushed (push: false), so no registry digest'],
    ['Tags', report.tags.map(code).join('<br>')],
    [
      'Builder',
      report.reusedFrom ? `none: reused ${code(report.reusedFrom)}, built from the same inputs` : report.builder,
    ],
    ['Stages built', report.reusedFrom ? 'none' : stagesText(report)],
    ['Cache hits', cacheText(report)],
    ['Duration', `${report.durationSeconds.toFixed(1)} s`],
    ['Dockerfile checks', checksText(report)],
  ];
  if (report.imageId) rows.splice(2, 0, ['Image ID', code(report.imageId)]);
  return new JobSummary().heading(`build-multistage: ${report.image}`).table(['', 'Result'], rows);
}

export function failureSummary(report: BuildReport, error: BuildFailedError): JobSummary {
  return new JobSummary()
    .heading(`build-multistage: ${report.image} failed to build`)
    .paragraph(`The ${report.builder} builder failed at ${code(error.failure.step)} (stages: ${stagesText(report)}).`)
    .details('Last lines of the failing step', error.failure.lines.join('\n'));
}

function stagesText(report: BuildReport): string {
  return report.stages.map((stage) => (stage === report.target ? `${stage} (final)` : stage)).join(', ');
}

function cacheText(report: BuildReport): string {
  if (report.reusedFrom) return 'the whole image';
  return report.steps ? `${report.steps.cached} of ${report.steps.total} steps` : 'unknown';
}

function checksText(report: BuildReport): string {
  if (report.policy === 'off') return 'off';
  return report.findings === 0 ? 'no findings' : `${report.findings} finding(s), annotated (policy: ${report.policy})`;
}
