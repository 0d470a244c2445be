import { runActionEntry } from '../host.js';
import { bumpManifestStep } from './step.js';

await runActionEntry(bumpManifestStep);
