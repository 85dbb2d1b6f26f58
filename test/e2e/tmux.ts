import { execFileSync } from 'node:child_process';
import { NO_CA_ENV } from '../helpers/ca.js';

/** A tmux session running one command in a fixed-size pane. */
export class TmuxSession {
  private constructor(readonly name: string) {}

  static available(): boolean {
    try {
      execFileSync('tmux', ['-V'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  static start(command: string, cwd: string, env: Record<string, string>, size = { columns: 100, rows: 45 }): TmuxSession {
    const name = `harden-init-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const exports = Object.entries(env).map(([key, value]) => `export ${key}='${value}';`).join(' ');
    // A server of its own per session: sessions ending on a shared server race with new ones starting.
    execFileSync('tmux', ['-L', name, 'new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), '-c', cwd, `${exports} ${command}; echo "[exit $?]"; sleep 120`], {
      // The wizard offers the CA bundle these name: the screens under test are those of a machine without one.
      env: { ...process.env, TMUX: '', ...NO_CA_ENV },
    });
    return new TmuxSession(name);
  }

  capture(): string {
    return execFileSync('tmux', ['-L', this.name, 'capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  send(...keys: string[]): void {
    execFileSync('tmux', ['-L', this.name, 'send-keys', '-t', this.name, ...keys]);
  }

  /** Polls the pane (bounded) until `ready` holds. */
  async waitFor(ready: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (ready(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Presses Enter each time the screen shows something new, until `done` holds:
   * an Enter-only run that never presses twice on the same screen.
   */
  async enterUntil(done: (screen: string) => boolean, stopAt?: (screen: string) => boolean, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let pressedOn: string | null = null;
    for (;;) {
      const screen = this.capture();
      if (done(screen) || stopAt?.(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Enter-only run did not finish; screen:\n${screen}`);
      if (screen !== pressedOn && screen.trim() !== '') {
        pressedOn = screen;
        this.send('Enter');
      }
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
  }

  kill(): void {
    try {
      execFileSync('tmux', ['-L', this.name, 'kill-server'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

export const exitCodeIn = (screen: string): number | null => {
  const match = /\[exit (\d+)\]/.exec(screen);
  return match ? Number(match[1]) : null;
};
