import { render } from 'ink';
import type { Readable, Writable } from 'node:stream';
import type { ResolveInput } from '../questions/resolve.js';
import type { InitActions } from './actions.js';
import { App, type WizardExit } from './App.js';

export interface RunWizardOptions {
  input: ResolveInput;
  actions: InitActions;
  app?: string;
  dirLabel: string;
  color: boolean;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Renders the wizard until the user finishes or quits. */
export async function runWizard(options: RunWizardOptions): Promise<WizardExit> {
  let result: WizardExit | null = null;
  const instance = render(
    <App input={options.input} actions={options.actions} app={options.app} dirLabel={options.dirLabel} color={options.color} onExit={(exit) => (result = exit)} />,
    {
      stdin: options.stdin as NodeJS.ReadStream,
      stdout: options.stdout as NodeJS.WriteStream,
      stderr: options.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await instance.waitUntilExit();
  return result ?? ({ kind: 'cancelled', state: undefined as never } as WizardExit);
}
