import { issueCommand } from '../workflow-commands.js';

/** Something the user should know about a run that still succeeds: a layout skipped, or nothing found. */
export interface BumpNotice {
  level: 'info' | 'warning';
  message: string;
  /** `/`-separated path relative to the working directory. */
  file?: string;
  line?: number;
}

export type NoticeSink = (notice: BumpNotice) => void;

/** Warnings become runner annotations on the file and line; information is a plain log line. */
export const runnerNotices: NoticeSink = (notice) => {
  if (notice.level === 'warning') {
    issueCommand('warning', notice.message, { file: notice.file, line: notice.line });
    return;
  }
  // One line that cannot start a workflow command, whatever the repository's file names hold.
  process.stdout.write(`bump-manifest: ${notice.message.replace(/[\r\n]+/g, ' ')}\n`);
};
