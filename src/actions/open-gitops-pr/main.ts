import { runActionEntry } from '../host.js';
import { openGitopsPrStep } from './step.js';

await runActionEntry(openGitopsPrStep);
