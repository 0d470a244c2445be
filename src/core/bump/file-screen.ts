import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { SETTER_TOKEN } from './editors/flux-setters.js';
import { ARGOCD_SOURCE_FILE } from './manifest-document.js';
import type { BumpTarget } from './types.js';

const CHART_FILE = 'Chart.yaml';
const TEMPLATES = `${path.sep}templates${path.sep}`;

/**
 * Decides from a file's name and bytes, without decoding or parsing it, whether any layout of this run can be in it:
 * parsing is most of a bump's cost, and most files of a repository are about other images.
 */
export class FileScreen {
  private readonly token: Buffer;
  private readonly alwaysParsed: ((path: string) => boolean)[];

  constructor(target: BumpTarget) {
    // Setter mode reads only marked fields; otherwise every spelling of the image holds its last path component.
    this.token = Buffer.from(target.imagePolicy ? SETTER_TOKEN : (target.image.path.split('/').at(-1) as string));
    const keysAlone = (target.imageKeys ?? []).filter((rule) => !rule.keys.repository);
    this.alwaysParsed = target.imagePolicy
      ? []
      : [
          // Tag-only parameters there are reported when nothing else refers to the image.
          (file) => file.includes('.argocd-source') && ARGOCD_SOURCE_FILE.test(path.posix.basename(file)),
          ...keysAlone.map((rule) => (file: string) => !rule.matcher || rule.matcher.test(file)),
        ];
  }

  /**
   * Judged on the file's bytes, before they are decoded: UTF-8 holds a text's substring as a byte substring, and a
   * file no layout can be in is neither decoded nor parsed. `displayPath` is `/`-separated, relative to the working
   * directory.
   */
  mayHold(bytes: Buffer, displayPath: string): boolean {
    return bytes.includes(this.token) || this.alwaysParsed.some((test) => test(displayPath));
  }
}

/**
 * The files under a Helm chart's `templates/` (a folder beside a Chart.yaml): Go templates, not YAML, rendered by
 * Helm from the values files. Returns them by chart folder.
 */
export async function chartTemplates(files: readonly string[]): Promise<Map<string, string[]>> {
  const charts = new Set(files.filter((file) => path.basename(file) === CHART_FILE).map(path.dirname));
  const checked = new Map<string, Promise<boolean>>();
  const isChart = (dir: string) => {
    if (charts.has(dir)) return Promise.resolve(true);
    let known = checked.get(dir);
    if (!known) {
      known = fs.stat(path.join(dir, CHART_FILE)).then(
        (stat) => stat.isFile(),
        () => false,
      );
      checked.set(dir, known);
    }
    return known;
  };
  const byChart = new Map<string, string[]>();
  for (const file of files) {
    // The innermost chart owns the file: subcharts live in charts/<name>/ of their parent.
    for (let at = file.lastIndexOf(TEMPLATES); at > 0; at = file.lastIndexOf(TEMPLATES, at - 1)) {
      const chart = file.slice(0, at);
      if (!(await isChart(chart))) continue;
      byChart.set(chart, [...(byChart.get(chart) ?? []), file]);
      break;
    }
  }
  return byChart;
}
