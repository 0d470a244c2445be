import { isUtf8 } from 'node:buffer';
import { writeFilesAtomically } from '../atomic-write.js';
import { UserError } from '../errors.js';
import { relativeToRoot } from '../file-scope.js';
import { readFileAtMost } from '../read-file.js';
import { EditSession } from './edit-session.js';
import type { ManifestEditor } from './editors/editor.js';
import { ArgoCdKustomizeImagesEditor } from './editors/argocd-application.js';
import { ArgoCdHelmParametersEditor } from './editors/argocd-helm-parameters.js';
import { FluxSetterEditor } from './editors/flux-setters.js';
import { HelmValuesEditor } from './editors/helm-values.js';
import { ImageKeysEditor } from './editors/image-keys.js';
import { KustomizeImagesEditor } from './editors/kustomize-images.js';
import { WorkloadContainersEditor } from './editors/workload-containers.js';
import { chartTemplates, FileScreen } from './file-screen.js';
import type { ImageKeyRule } from './image-keys.js';
import { formatImagePolicy } from './image-policy.js';
import { ManifestDocument } from './manifest-document.js';
import { type BumpNotice, type NoticeSink, runnerNotices } from './notices.js';
import type { BumpTarget, ReferenceChange } from './types.js';
import { YamlSource } from './yaml-source.js';

/** Larger files are refused: no manifest is this big, and parsing one would stall the job. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Larger than nearly every manifest; a larger one is read into a buffer of its own. */
const SCRATCH_BYTES = 256 * 1024;
// Checked with isUtf8 first; the BOM, if any, is kept, as the file is written back byte for byte.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export const DEFAULT_EDITORS: readonly ManifestEditor[] = [
  new KustomizeImagesEditor(),
  new WorkloadContainersEditor(),
  new HelmValuesEditor(),
  new ArgoCdKustomizeImagesEditor(),
  new ArgoCdHelmParametersEditor(),
  new ImageKeysEditor(),
];

/** With `imagePolicy` set, bump-manifest works the way Flux image automation does, and only that way. */
export const SETTER_EDITORS: readonly ManifestEditor[] = [new FluxSetterEditor()];

/** A file whose text changes, with the references that change in it. */
export interface FileBump {
  /** Absolute path. */
  file: string;
  /** `/`-separated path relative to the working directory. */
  path: string;
  before: string;
  after: string;
  changes: ReferenceChange[];
}

/** What planning one file found, changed or not. */
interface FilePlan {
  bump?: FileBump;
  session: EditSession;
}

/**
 * Points manifests at a new image. `plan` reads and edits in memory and fails on the first file that cannot
 * be read, parsed or edited; `write` then replaces every changed file, or none. What a run skips or cannot
 * edit safely goes to `notify` (runner annotations by default).
 */
export class ManifestBumper {
  constructor(
    private readonly editors: readonly ManifestEditor[] = DEFAULT_EDITORS,
    private readonly notify: NoticeSink = runnerNotices,
  ) {}

  async plan(files: readonly string[], root: string, target: BumpTarget): Promise<FileBump[]> {
    const templates = await chartTemplates(files);
    const skipped = new Set([...templates.values()].flat());
    const screen = new FileScreen(target);
    const editors = target.imagePolicy ? SETTER_EDITORS : this.editors;
    const inScope = files.filter((file) => !skipped.has(file));
    const found: FilePlan[] = [];
    // One buffer for every read: most files are screened out, and then reading them allocates nothing.
    const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
    for (const file of inScope) {
      const path = relativeToRoot(root, file);
      const bytes = readManifestBytes(file, path, scratch);
      // Every file in scope is checked, screened out or not: a UTF-16 manifest has no UTF-8 bytes of the image's name.
      refuseNonText(bytes, path);
      if (screen.mayHold(bytes, path)) found.push(this.planFile(file, path, utf8.decode(bytes), target, editors));
    }
    for (const [chart, chartFiles] of templates) {
      const where = relativeToRoot(root, chart) || '.';
      this.notify({
        level: 'info',
        message: `${where}: skipped ${chartFiles.length} file(s) under templates/ (Helm templates, not YAML); its values files are bumped.`,
      });
    }
    for (const notice of reportOf(found, target, inScope.length)) this.notify(notice);
    return found.flatMap((plan) => (plan.bump ? [plan.bump] : []));
  }

  /** Replaces every changed file or none, never through a symlink or outside `root` (see writeFilesAtomically). */
  async write(bumps: readonly FileBump[], root: string): Promise<void> {
    await writeFilesAtomically(
      root,
      bumps.map((bump) => ({ file: bump.file, content: bump.after, previous: bump.before })),
    );
  }

  private planFile(
    file: string,
    path: string,
    text: string,
    target: BumpTarget,
    editors: readonly ManifestEditor[],
  ): FilePlan {
    const source = new YamlSource(path, text);
    const session = new EditSession(source, target, path);
    for (const document of source.documents) {
      const manifest = new ManifestDocument(document, file);
      for (const editor of editors) editor.edit(manifest, session);
    }
    if (session.edits.length === 0) return { session };
    // Editors run one after another: report the file's changes in its own order.
    session.changes.sort((a, b) => a.line - b.line);
    const after = source.apply(session.edits);
    return after === text
      ? { session }
      : { session, bump: { file, path, before: text, after, changes: session.changes } };
  }
}

/** The warnings of every file, then what the whole run did not find. */
function reportOf(plans: readonly FilePlan[], target: BumpTarget, fileCount: number): BumpNotice[] {
  const notices = plans.flatMap((plan) => plan.session.notices);
  const used = new Set<ImageKeyRule>(plans.flatMap((plan) => [...plan.session.usedKeyRules]));
  for (const rule of target.imageKeys ?? []) {
    if (!used.has(rule))
      notices.push({
        level: 'warning',
        message: `image-keys "${rule.text}" found none of its keys in the ${fileCount} file(s) in scope.`,
      });
  }
  if (plans.some((plan) => plan.session.references > 0)) return notices;
  if (target.imagePolicy) {
    const policy = formatImagePolicy(target.imagePolicy);
    notices.push({
      level: 'warning',
      message: `No field in the ${fileCount} file(s) in scope carries the marker {"$imagepolicy": "${policy}"} (or its :name, :tag, :digest forms): nothing to bump.`,
    });
    return notices;
  }
  const unattributed = plans.flatMap((plan) => plan.session.unattributed);
  const hint = unattributed.length
    ? ` Tag keys with no repository beside them may belong to it (${unattributed.slice(0, 5).join(', ')}${unattributed.length > 5 ? ', ...' : ''}): name them with image-keys.`
    : '';
  notices.push({
    level: 'warning',
    message: `No file of the ${fileCount} in scope refers to ${target.image.repository}: nothing to bump.${hint}`,
  });
  return notices;
}

function readManifestBytes(file: string, path: string, scratch: Buffer): Buffer {
  const tooLarge = (size: number) =>
    new UserError(`${path}: ${size} bytes is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a manifest may be.`, {
      file: path,
    });
  return readFileAtMost(file, MAX_FILE_BYTES, tooLarge, scratch);
}

function refuseNonText(bytes: Buffer, path: string): void {
  if (bytes.includes(0)) throw new UserError(`${path}: is a binary file, not YAML.`, { file: path });
  if (!isUtf8(bytes)) throw new UserError(`${path}: is not valid UTF-8.`, { file: path });
}
