import { runActionEntry } from '../host.js';
import { trivyScanStep } from './step.js';

await runActionEntry(trivyScanStep);
