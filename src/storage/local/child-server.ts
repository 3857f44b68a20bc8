/**
 * A server process this program started and therefore must stop: it is killed on stop(), when
 * this process exits, and on SIGINT/SIGTERM when nothing else handles them; its data folder is
 * removed each time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { connect } from "node:net";

export interface ChildServer {
  readonly name: string;
  readonly pid: number | undefined;
  readonly port: number | undefined;
  /** The folder stop() removes (undefined for servers that manage their own). */
  readonly dataDir: string | undefined;
  stop(): Promise<void>;
}

/** Running children and the folder each one owns. */
const running = new Map<ChildProcess, string>();
let hooksInstalled = false;

function killAllNow(): void {
  for (const [child, dataDir] of running) {
    child.kill("SIGKILL");
    try {
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // best effort: the process is going away
    }
  }
  running.clear();
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Last resort when the parent exits without calling stop(): never leave servers behind.
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const onSignal = () => {
      // A program with its own shutdown (src/main.ts) stops the servers itself, after the work
      // that still needs them; only a program without one would otherwise leave them running.
      if (process.listenerCount(signal) > 1) return;
      killAllNow();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

export async function startChildServer(options: {
  name: string;
  command: string;
  args: string[];
  port: number;
  dataDir: string;
  readyTimeoutMs?: number;
  /** How stop() asks the server to end (PostgreSQL's fast shutdown is SIGINT). */
  stopSignal?: NodeJS.Signals;
  /** Run as this user (PostgreSQL refuses to run as root). */
  uid?: number | undefined;
  gid?: number | undefined;
  cwd?: string;
}): Promise<ChildServer> {
  installHooks();
  const output: string[] = [];
  const child = spawn(options.command, options.args, {
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  running.set(child, options.dataDir);
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let failed = false;
  // A command that cannot be spawned at all emits "error" and never "exit".
  const exited = new Promise<void>((resolve) => {
    child.on("exit", () => resolve());
    child.on("error", (err) => {
      failed = true;
      output.push(String(err));
      resolve();
    });
  });
  exited.then(() => running.delete(child));
  const gone = () => failed || child.exitCode !== null || child.signalCode !== null;

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (!(await canConnect(options.port))) {
    if (gone() || Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      await rm(options.dataDir, { recursive: true, force: true });
      throw new Error(
        `${options.name} did not start on port ${options.port}:\n${output.join("").slice(-2000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    name: options.name,
    pid: child.pid,
    port: options.port,
    dataDir: options.dataDir,
    async stop() {
      if (!gone()) {
        child.kill(options.stopSignal ?? "SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
