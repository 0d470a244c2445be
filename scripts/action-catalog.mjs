import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The action whose action.yml sits at the repository root, so that `uses: OWNER/REPO@v1` runs it. */
export const ROOT_ACTION_NAME = 'deliver';

/**
 * Every action in the repository, sorted by name: the root action.yml (if present) and each actions/<name>/action.yml,
 * with where its entry, settings and bundle live by convention.
 */
export function findActions(root) {
  const actions = [];
  if (existsSync(path.join(root, 'action.yml'))) {
    actions.push(describeAction(root, ROOT_ACTION_NAME, 'action.yml'));
  }
  const actionsDir = path.join(root, 'actions');
  const folders = existsSync(actionsDir) ? readdirSync(actionsDir, { withFileTypes: true }) : [];
  for (const folder of folders) {
    const actionFile = path.join('actions', folder.name, 'action.yml');
    if (folder.isDirectory() && existsSync(path.join(root, actionFile))) {
      actions.push(describeAction(root, folder.name, actionFile));
    }
  }
  return actions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function describeAction(root, name, actionFile) {
  const sourceDir = path.join(root, 'src', 'actions', name);
  return {
    name,
    actionFile: path.join(root, actionFile),
    entryFile: path.join(sourceDir, 'main.ts'),
    settingsFile: path.join(sourceDir, 'settings.ts'),
    // action.yml's runs.main is relative to the action.yml's folder
    expectedMain: actionFile === 'action.yml' ? `dist/${name}/index.js` : `../../dist/${name}/index.js`,
  };
}
