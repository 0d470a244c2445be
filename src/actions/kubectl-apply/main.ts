import { runActionEntry } from '../host.js';
import { kubectlApplyStep } from './step.js';

await runActionEntry(kubectlApplyStep);
