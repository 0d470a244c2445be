import { runActionEntry } from '../host.js';
import { buildMultistageStep } from './step.js';

await runActionEntry(buildMultistageStep);
