import { useEffect, useRef, useState } from 'react';

export type TaskState<T> =
  | { status: 'running'; log: string[] }
  | { status: 'done'; value: T; log: string[] }
  | { status: 'failed'; message: string; log: string[] };

/**
 * Runs an action once on mount and turns its promise into running/done/failed plus log lines.
 * `onSettled` reports the outcome (e.g. to the wizard's reducer); it is not called after unmount.
 */
export function useTask<T>(
  run: (log: (line: string) => void) => Promise<T>,
  onSettled?: (outcome: { ok: true; value: T } | { ok: false; message: string }) => void,
): TaskState<T> {
  const [state, setState] = useState<TaskState<T>>({ status: 'running', log: [] });
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    let alive = true;
    const log = (line: string) => alive && setState((previous) => ({ ...previous, log: [...previous.log, line] }));
    run(log).then(
      (value) => {
        if (!alive) return;
        setState((previous) => ({ status: 'done', value, log: previous.log }));
        settled.current?.({ ok: true, value });
      },
      (error: unknown) => {
        if (!alive) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((previous) => ({ status: 'failed', message, log: previous.log }));
        settled.current?.({ ok: false, message });
      },
    );
    return () => {
      alive = false;
    };
    // Runs once per mount: a screen that needs a fresh run is mounted again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
