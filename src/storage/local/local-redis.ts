import { execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "../../core/logger.js";
import { type ChildServer, startChildServer } from "./child-server.js";
import { findFreePort } from "./free-port.js";
import { onPath } from "./on-path.js";

export interface LocalRedis {
  url: string;
  server: ChildServer;
}

/** A private redis-server: own port, own folder, nothing saved to disk. */
export async function startLocalRedis(logger: Logger, fixedPort?: number): Promise<LocalRedis> {
  if (!onPath("redis-server")) installRedisPackage(logger);
  const port = fixedPort ?? (await findFreePort());
  const dataDir = await mkdtemp(join(tmpdir(), "choem-redis-"));
  const server = await startChildServer({
    name: "redis-server",
    command: "redis-server",
    args: [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dataDir,
    ],
    port,
    dataDir,
  });
  logger.info({ port }, "started a local Redis for this process");
  return { url: `redis://127.0.0.1:${port}`, server };
}

function installRedisPackage(logger: Logger): void {
  if (process.getuid?.() !== 0) {
    throw new Error("redis-server is not installed: install Debian's redis-server package, or set REDIS_URL");
  }
  logger.info("redis-server not found: installing Debian's redis-server package");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "redis-server"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
