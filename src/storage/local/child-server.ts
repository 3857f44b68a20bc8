/**
 * A server process this program started and therefore must stop: it is killed on stop() and
 * when this process exits, and its data folder is removed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { connect } from "node:net";

export interface ChildServer {
  readonly name: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the parent exits without calling stop(): never leave servers behind.
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

export async function startChildServer(options: {
  name: string;
  command: string;
  args: string[];
  port: number;
  dataDir: string;
  readyTimeoutMs?: number;
}): Promise<ChildServer> {
  installExitHook();
  const output: string[] = [];
  const child = spawn(options.command, options.args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.on("exit", () => running.delete(child));
  child.on("error", (err) => output.push(String(err)));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (!(await canConnect(options.port))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
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
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
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
