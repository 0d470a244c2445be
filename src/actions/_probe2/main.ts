import * as core from '@actions/core';
import * as github from '@actions/github';
import { INPUTS, OUTPUTS } from './settings.js';

const octokit = github.getOctokit(core.getInput(INPUTS.token));
const { data } = await octokit.rest.repos.get({ owner: 'a', repo: 'b' });
core.setOutput(OUTPUTS.digest, data.default_branch);
