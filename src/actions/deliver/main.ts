import { runActionEntry } from '../host.js';
import { deliverStep } from './step.js';

await runActionEntry(deliverStep);
