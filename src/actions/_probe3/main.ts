import * as core from '@actions/core';
import * as exec from '@actions/exec';
import * as tc from '@actions/tool-cache';
import { INPUTS, OUTPUTS } from './settings.js';

const dir = await tc.downloadTool(core.getInput(INPUTS.image));
const code = await exec.exec('ls', [dir]);
core.setOutput(OUTPUTS.digest, String(code));
