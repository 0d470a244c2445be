import { runActionEntry } from '../host.js';
import { cosignSignStep } from './step.js';

await runActionEntry(cosignSignStep);
