import type { Dispatch } from 'react';
import type { InitActions } from '../actions.js';
import type { WizardAction, WizardState } from '../state.js';

export interface StepProps {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  actions: InitActions;
  /** Only the active step listens to keys. */
  active: boolean;
  /** The folder being hardened, as the user named it. */
  dirLabel: string;
}
