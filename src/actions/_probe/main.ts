import * as core from '@actions/core';
import { INPUTS, OUTPUTS } from './settings.js';

const image = core.getInput(INPUTS.image);
const { describe } = await import('./lazy.js');
core.setOutput(OUTPUTS.digest, describe(image));
