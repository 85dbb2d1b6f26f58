import { useInput } from 'ink';
import type { Dispatch } from 'react';
import { commandFor, type KeyContext } from '../keys.js';
import type { WizardAction } from '../state.js';

/** Routes key presses of the active step to reducer actions through the key-binding table. */
export function useStepKeys(dispatch: Dispatch<WizardAction>, context: KeyContext, isActive: boolean): void {
  useInput(
    (input, key) => {
      const command = commandFor(input, key, context);
      switch (command) {
        case 'quit':
          return; // handled once, by the app
        case 'submit':
          return dispatch({ type: 'submit' });
        case 'edit':
          return dispatch({ type: 'edit' });
        case 'back':
          return dispatch({ type: 'back' });
        case 'help':
          return dispatch({ type: 'help' });
        case 'up':
          return dispatch({ type: 'move', delta: -1 });
        case 'down':
          return dispatch({ type: 'move', delta: 1 });
        case 'toggle':
          return dispatch({ type: 'toggle' });
        case 'accept':
          return dispatch({ type: 'accept', accept: true });
        case 'reject':
          return dispatch({ type: 'accept', accept: false });
        case 'rewrite':
          return dispatch({ type: 'retrofitMode', mode: 'rewrite' });
        case 'patches':
          return dispatch({ type: 'retrofitMode', mode: 'patches' });
        case 'erase':
          return dispatch({ type: 'erase' });
        case 'clear':
          return dispatch({ type: 'clear' });
        case null:
          // Printable text (also pasted text); control keys are ignored.
          if (input && !key.ctrl && !key.meta && !/[\u0000-\u001f\u007f]/.test(input)) dispatch({ type: 'type', text: input });
      }
    },
    { isActive },
  );
}
