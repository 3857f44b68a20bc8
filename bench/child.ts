/**
 * Runs a bench part (a fake platform, a server under test) in its own Node process, so it has its
 * own event loop and its memory can be read on its own, and asks it things over IPC: each request
 * carries an id and the child answers `{ id, reply }` (or `{ id, error }`).
 */
import { type ChildProcess, fork } from "node:child_process";

export interface Child {
  /** What the child sent first: `{ ready: <value> }`. */
  ready: unknown;
  ask<T = unknown>(cmd: string, extra?: Record<string, unknown>): Promise<T>;
  /** Asks the child to close itself ("close"), then waits for it to exit. */
  close(): Promise<void>;
}

export async function startChild(
  file: string,
  args: string[] = [],
  options: { env?: Record<string, string>; execArgv?: string[] } = {},
): Promise<Child> {
  const child: ChildProcess = fork(file, args, {
    execArgv: ["--import", "tsx", ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let exited: Error | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = new Error(`${file} exited with ${code ?? signal}`);
      for (const pending of waiting.values()) pending.reject(exited);
      waiting.clear();
      resolve();
    });
  });
  const ready = await new Promise<unknown>((resolve, reject) => {
    child.once("exit", () => reject(exited));
    child.on("message", (message: { ready?: unknown; id?: number; reply?: unknown; error?: string }) => {
      if ("ready" in message) return resolve(message.ready);
      const pending = message.id === undefined ? undefined : waiting.get(message.id);
      if (!pending || message.id === undefined) return;
      waiting.delete(message.id);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.reply);
    });
  });
  const ask = <T>(cmd: string, extra: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(exited);
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, cmd, ...extra });
    });
  return {
    ready,
    ask,
    async close() {
      if (!exited) await ask("close").catch(() => undefined);
      await exit;
    },
  };
}

/** The child's side: answers requests with `handle`, "close" with `onClose` then exit. */
export function serveParent(
  ready: unknown,
  handle: (cmd: string, message: Record<string, unknown>) => Promise<unknown> | unknown,
  onClose: () => Promise<void> = async () => {},
): void {
  process.on("message", async (message: { id: number; cmd: string } & Record<string, unknown>) => {
    try {
      if (message.cmd === "close") {
        await onClose();
        process.send?.({ id: message.id, reply: true }, () => process.exit(0));
        return;
      }
      process.send?.({ id: message.id, reply: await handle(message.cmd, message) });
    } catch (error) {
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // A parent that died takes its children with it.
  process.on("disconnect", () => process.exit(0));
  process.send?.({ ready });
}
