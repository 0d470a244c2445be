export declare const ROOT_ACTION_NAME: 'deliver';

export interface ActionLocation {
  /** `deliver` for the root action.yml, else the folder name under actions/. */
  name: string;
  /** Absolute path of its action.yml. */
  actionFile: string;
  /** Absolute path of src/actions/<name>/main.ts. */
  entryFile: string;
  /** Absolute path of src/actions/<name>/settings.ts. */
  settingsFile: string;
  /** What action.yml's runs.main must say: `../../dist/<name>/index.js`, or `dist/deliver/index.js` at the root. */
  expectedMain: string;
}

export declare function findActions(root: string): ActionLocation[];
