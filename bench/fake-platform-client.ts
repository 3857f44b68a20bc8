/** Starts bench/fake-platform.ts in a child process and talks to it over IPC. */
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";

export interface PlatformStats {
  delivered: number;
  chats: string[];
  duplicates: number;
  throttled: number;
  firstAt: number;
  lastAt: number;
}

export interface FakePlatform {
  apiRoot: string;
  reset(): Promise<void>;
  /** The next `count` sends are refused with 429 and retry_after 1. */
  fail429(count: number): Promise<void>;
  stats(): Promise<PlatformStats>;
  close(): void;
}

export async function startFakePlatform(maxPerSecond: number): Promise<FakePlatform> {
  const child: ChildProcess = fork(join(import.meta.dirname, "fake-platform.ts"), [String(maxPerSecond)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>(pick: (message: Record<string, unknown>) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`fake platform exited with ${code}`));
      const onMessage = (message: Record<string, unknown>) => {
        const value = pick(message);
        if (value === undefined) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(value);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const apiRoot = await next((m) => (typeof m.ready === "string" ? m.ready : undefined));
  const command = async (cmd: string, extra: Record<string, unknown> = {}) => {
    const done = next((m) => (m.done ? true : undefined));
    child.send({ cmd, ...extra });
    await done;
  };
  return {
    apiRoot,
    reset: () => command("reset"),
    fail429: (count) => command("fail429", { count }),
    async stats() {
      const stats = next((m) => m.stats as PlatformStats | undefined);
      child.send({ cmd: "stats" });
      return stats;
    },
    close: () => {
      child.removeAllListeners("exit");
      child.kill();
    },
  };
}
