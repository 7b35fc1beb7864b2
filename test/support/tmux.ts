// Drives a command in a real pseudo-terminal: a detached tmux session on a private socket (so
// a user's own tmux is never touched), keys sent as a person types them, and the screen read
// back as text (capture-pane). Used where behaviour depends on a terminal: raw keys, echo.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { cleanEnv } from "./cli.ts";

const run = promisify(execFile);
const EXIT_MARK = "[tmux-pane] exit status ";

/** True when a tmux binary answers `tmux -V`. */
export const TMUX_AVAILABLE = spawnSync("tmux", ["-V"], { stdio: "ignore" }).status === 0;

/** Says once that a tmux suite is skipped, so a missing tmux never passes as "all green". */
export function warnIfTmuxMissing(suite: string): void {
  if (!TMUX_AVAILABLE) console.warn(`[${suite}] NOTICE: terminal tests skipped: tmux is not installed (apt-get install tmux).`);
}

export interface PaneOptions {
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
  readonly width?: number;
  readonly height?: number;
}

export class TmuxPane {
  private readonly dir: string;
  private readonly socket: string;
  private constructor(dir: string) {
    this.dir = dir;
    this.socket = join(dir, "socket");
  }

  /** Starts `command` (run by sh) in a new pane; the pane stays readable after the command ends. */
  static async start(command: string, options: PaneOptions): Promise<TmuxPane> {
    const pane = new TmuxPane(mkdtempSync(join(tmpdir(), "lessonbook-tmux-")));
    const config = join(pane.dir, "tmux.conf");
    writeFileSync(config, "set -g remain-on-exit on\nset -g history-limit 20000\nset -g status off\n");
    const env = cleanEnv({ NO_COLOR: "1", TMUX: undefined, TERM: "xterm-256color", ...options.env });
    const size = ["-x", String(options.width ?? 160), "-y", String(options.height ?? 50)];
    // The shell prints the command's status (128 + N when signal N ended it): tmux 3.3's
    // #{pane_dead_status} is sometimes left empty when the pane's end and its status race.
    const shell = `${command}; echo "${EXIT_MARK}$?"`;
    await run("tmux", ["-S", pane.socket, "-f", config, "new-session", "-d", ...size, "-c", options.cwd, shell], { env });
    return pane;
  }

  private tmux(...args: string[]): Promise<{ stdout: string }> {
    return run("tmux", ["-S", this.socket, ...args]);
  }

  /** Everything the pane showed (scrollback included), lines right-trimmed, without trailing blank lines. */
  async screen(): Promise<string> {
    const { stdout } = await this.tmux("capture-pane", "-p", "-S", "-", "-E", "-");
    const lines = stdout.split("\n").map((line) => line.trimEnd());
    const shown = lines.filter((line) => !line.startsWith("Pane is dead") && !line.startsWith(EXIT_MARK));
    while (shown.length && shown.at(-1) === "") shown.pop();
    return shown.join("\n");
  }

  /** Waits until the screen satisfies `ready`, polling; fails with the last screen after `timeoutMs`. */
  async waitFor(ready: (screen: string) => boolean, what: string, timeoutMs = 90_000): Promise<string> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (ready(screen)) return screen;
      if (performance.now() > until) throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Keys by tmux name (`Enter`, `C-c`) or literal text with `literal`. */
  async keys(...keys: string[]): Promise<void> {
    await this.tmux("send-keys", "-t", "0", ...keys);
  }
  async literal(text: string): Promise<void> {
    await this.tmux("send-keys", "-t", "0", "-l", text);
  }

  /** The command's exit status once it ended (128 + N when signal N ended it, as a shell says), else undefined. */
  async exitStatus(): Promise<number | undefined> {
    const { stdout } = await this.tmux("capture-pane", "-p", "-S", "-", "-E", "-");
    const line = stdout.split("\n").find((l) => l.startsWith(EXIT_MARK));
    return line === undefined ? undefined : Number(line.slice(EXIT_MARK.length).trim());
  }

  /** Waits for the command to end and gives its exit status. */
  async exited(timeoutMs = 90_000): Promise<number> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const status = await this.exitStatus();
      if (status !== undefined) return status;
      if (performance.now() > until) throw new Error(`the command did not end; the screen was:\n${await this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async close(): Promise<void> {
    await this.tmux("kill-server").catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}
