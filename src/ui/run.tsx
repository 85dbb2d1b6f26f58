// The wizard's first frame comes from this small module (Ink, the frame and a spinner); the
// screens, the reducer and what they import load behind it, while the spinner is on screen.
import { Text, render, useInput } from 'ink';
import { useState } from 'react';
import type { Readable, Writable } from 'node:stream';
import type { ResolveInput } from '../questions/resolve.js';
import type { InitActions } from './actions.js';
import type { WizardExit } from './App.js';
import { Frame } from './components/Frame.js';
import { Looking } from './components/Looking.js';
import { ThemeContext } from './components/theme-context.js';
import { DETECT_PROGRESS } from './flow.js';
import { makeTheme } from './theme.js';

export interface WizardTerminal {
  dirLabel: string;
  color: boolean;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export interface WizardRun {
  input: ResolveInput;
  actions: InitActions;
  /** The app path to detect (monorepo `--app`). */
  app?: string;
}

export interface OpenWizard {
  /** Runs the wizard in the open frame until the user finishes or quits. */
  run(options: WizardRun): Promise<WizardExit>;
  /** Takes the frame down if the wizard never ran (init failed before it could start). */
  close(): void;
}

/**
 * The first frame. It holds the keyboard (raw mode) so that keys pressed while the rest loads
 * are not echoed into the frame; Enter means nothing yet, Ctrl+C quits.
 */
function Opening({ dirLabel, onQuit }: { dirLabel: string; onQuit: () => void }) {
  const [quit, setQuit] = useState(false);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      setQuit(true);
      onQuit();
    }
  });
  if (quit) return <Text>Cancelled: nothing was written.</Text>;
  return (
    <Frame progress={DETECT_PROGRESS} screen="detect">
      <Looking dirLabel={dirLabel} />
    </Frame>
  );
}

const CANCELLED = { kind: 'cancelled', state: undefined as never } as WizardExit;

/** Puts the first frame on screen now ("Looking at <dir>…" with a spinner); `run` fills it in. */
export function openWizard(terminal: WizardTerminal): OpenWizard {
  let quit = false;
  const instance = render(
    <ThemeContext.Provider value={makeTheme(terminal.color)}>
      <Opening dirLabel={terminal.dirLabel} onQuit={() => (quit = true)} />
    </ThemeContext.Provider>,
    {
      stdin: terminal.stdin as NodeJS.ReadStream,
      stdout: terminal.stdout as NodeJS.WriteStream,
      stderr: terminal.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  return {
    async run({ input, actions, app }) {
      const started = detectionStarted(actions, app);
      const { App } = await import('./App.js');
      if (quit) {
        instance.unmount();
        return CANCELLED;
      }
      let result: WizardExit | null = null;
      instance.rerender(<App input={input} actions={started} app={app} dirLabel={terminal.dirLabel} color={terminal.color} onExit={(exit) => (result = exit)} />);
      await instance.waitUntilExit();
      return result ?? CANCELLED;
    },
    close() {
      instance.unmount();
    },
  };
}

/**
 * Starts detecting now, while the screens load: the actions' first detect/defaults call for this
 * app (the wizard's, once it is on screen) gets the run already under way.
 */
function detectionStarted(actions: InitActions, app: string | undefined): InitActions {
  let detect: ReturnType<InitActions['detect']> | null = actions.detect(app);
  let defaults: ReturnType<InitActions['defaults']> | null = actions.defaults(app ?? '.');
  // The wizard reports a failure when it asks; until then, nobody is waiting on these.
  detect.catch(() => {});
  defaults.catch(() => {});
  return {
    ...actions,
    detect(which) {
      const early = which === app ? detect : null;
      detect = null;
      return early ?? actions.detect(which);
    },
    defaults(which) {
      const early = which === (app ?? '.') ? defaults : null;
      defaults = null;
      return early ?? actions.defaults(which);
    },
  };
}
