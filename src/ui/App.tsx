import { Text, useApp, useInput } from 'ink';
import { useEffect, useReducer } from 'react';
import { questionById } from '../questions/model.js';
import type { ResolveInput } from '../questions/resolve.js';
import type { InitActions } from './actions.js';
import { Frame } from './components/Frame.js';
import { StatusLines } from './components/StatusLines.js';
import { ThemeContext } from './components/theme-context.js';
import { initialState, currentScreen, footerOf, progressOf, wizardReducer, type WizardState } from './state.js';
import { BaseStep } from './steps/BaseStep.js';
import { DetectStep } from './steps/DetectStep.js';
import { NextStep } from './steps/NextStep.js';
import { QuestionsStep } from './steps/QuestionsStep.js';
import { ReviewStep } from './steps/ReviewStep.js';
import { SecurityStep } from './steps/SecurityStep.js';
import { WriteStep } from './steps/WriteStep.js';
import type { StepProps } from './steps/types.js';
import { makeTheme } from './theme.js';

export type WizardExit = NonNullable<WizardState['exit']> & { state: WizardState };

export interface AppProps {
  input: ResolveInput;
  actions: InitActions;
  /** The app path to detect (monorepo `--app`). */
  app?: string;
  dirLabel: string;
  color: boolean;
  onExit: (exit: WizardExit) => void;
}

function StepFor(props: StepProps) {
  const screen = currentScreen(props.state);
  switch (screen.kind) {
    case 'detect':
      return <DetectStep {...props} />;
    case 'question': {
      const step = questionById(screen.id).step;
      if (step === 'base') return <BaseStep {...props} />;
      if (step === 'security') return <SecurityStep {...props} />;
      return <QuestionsStep {...props} />;
    }
    case 'review':
      return <ReviewStep {...props} />;
    case 'write':
      return <WriteStep {...props} />;
    case 'next':
      return <NextStep {...props} />;
  }
}

/** What stays on the terminal after the wizard: what was written, or that nothing was. */
function Summary({ state }: { state: WizardState }) {
  if (state.exit?.kind === 'cancelled') return <Text>Cancelled: nothing was written.</Text>;
  return <StatusLines statuses={state.written.status === 'done' ? state.written.value : state.progress} />;
}

/** The wizard: one reducer, the current step's screen, and Ctrl+C that quits before anything is written. */
export function App({ input, actions, app, dirLabel, color, onExit }: AppProps) {
  const [state, dispatch] = useReducer(wizardReducer, input, initialState);
  const { exit } = useApp();

  useEffect(() => {
    let alive = true;
    // Detection starts after the first frame is on screen, then fills it in.
    const timer = setImmediate(() => {
      Promise.all([actions.detect(app), actions.defaults(app ?? '.')]).then(
        ([detection, defaults]) => alive && dispatch({ type: 'detected', detection, defaults }),
        (error: unknown) => alive && dispatch({ type: 'detectFailed', message: error instanceof Error ? error.message : String(error) }),
      );
    });
    return () => {
      alive = false;
      clearImmediate(timer);
    };
  }, [actions, app]);

  useInput((inputText, key) => {
    // Once writing has started it finishes (each file is atomic); before that, nothing is on disk.
    if (key.ctrl && inputText === 'c' && currentScreen(state).kind !== 'write') dispatch({ type: 'quit' });
  });

  useEffect(() => {
    if (!state.exit) return;
    onExit({ ...state.exit, state });
    exit();
  }, [state.exit]);

  const screen = currentScreen(state);
  return (
    <ThemeContext.Provider value={makeTheme(color)}>
      {state.exit ? (
        <Summary state={state} />
      ) : (
        <Frame progress={progressOf(state)} screen={screen.kind} footer={footerOf(state)}>
          <StepFor key={`${state.history.length}:${screen.kind}`} state={state} dispatch={dispatch} actions={actions} active={!state.exit} dirLabel={dirLabel} />
        </Frame>
      )}
    </ThemeContext.Provider>
  );
}
