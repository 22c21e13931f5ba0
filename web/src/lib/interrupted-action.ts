/**
 * Actions a user pressed that an expired session refused (401). The sign-in page and the page they come back
 * to say that the action was not done, so nobody believes a recording was started (or stopped) that was not.
 */
export const interruptedActions = ['startRecording', 'stopRecording'] as const;

export type InterruptedAction = (typeof interruptedActions)[number];

/** The action named in a URL or a history entry, if it is one the app knows. */
export function asInterruptedAction(value: unknown): InterruptedAction | undefined {
  return interruptedActions.find((action) => action === value);
}

/** The history state the sign-in page hands to the page it returns to. */
export interface InterruptedActionState {
  notDone: InterruptedAction;
}

export function interruptedActionOf(state: unknown): InterruptedAction | undefined {
  return typeof state === 'object' && state !== null && 'notDone' in state ? asInterruptedAction(state.notDone) : undefined;
}
