import { runActionEntry } from '../host.js';
import { waitForSyncStep } from './step.js';

await runActionEntry(waitForSyncStep);
