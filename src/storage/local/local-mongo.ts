/**
 * A private MongoDB-wire server, the first that works of: mongod on PATH, a ferretdb binary on
 * PATH or in the cache, FerretDB built with Go, mongodb-memory-server
 * (docs/storage-and-ferretdb.md#local-servers).
 */
import { access, mkdtemp } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "../../core/logger.js";
import { buildFerretDb } from "./build-ferretdb.js";
import { type ChildServer, startChildServer } from "./child-server.js";
import { findFreePort } from "./free-port.js";
import { onPath } from "./on-path.js";

export interface LocalMongo {
  uri: string;
  kind: "mongod" | "ferretdb" | "mongodb-memory-server";
  server: ChildServer;
}

function defaultCacheDir(): string {
  return join(homedir(), ".cache", "choem");
}

export async function startLocalMongo(logger: Logger, cacheDir = defaultCacheDir()): Promise<LocalMongo> {
  const mongod = onPath("mongod");
  if (mongod) return startMongod(mongod, logger);

  const ferretdb = onPath("ferretdb") ?? (await cachedFerretDb(cacheDir));
  if (ferretdb) return startFerretDb(ferretdb, logger);

  if (onPath("go")) return startFerretDb(await buildFerretDb(join(cacheDir, "bin"), logger), logger);

  return startMemoryServer(logger);
}

async function cachedFerretDb(cacheDir: string): Promise<string | undefined> {
  const candidate = join(cacheDir, "bin", "ferretdb");
  try {
    await access(candidate);
    return candidate;
  } catch {
    return undefined;
  }
}

async function startMongod(binary: string, logger: Logger): Promise<LocalMongo> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), "choem-mongod-"));
  const server = await startChildServer({
    name: "mongod",
    command: binary,
    args: ["--dbpath", dataDir, "--port", String(port), "--bind_ip", "127.0.0.1", "--quiet"],
    port,
    dataDir,
  });
  logger.info({ port }, "started a local mongod for this process");
  return { uri: `mongodb://127.0.0.1:${port}/choem`, kind: "mongod", server };
}

async function startFerretDb(binary: string, logger: Logger): Promise<LocalMongo> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), "choem-ferretdb-"));
  const server = await startChildServer({
    name: "ferretdb",
    command: binary,
    args: [
      "--handler=sqlite",
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      "--debug-addr=127.0.0.1:0",
      "--telemetry=disable",
      "--log-level=warn",
    ],
    port,
    dataDir,
  });
  logger.info({ port }, "started a local FerretDB (SQLite) for this process");
  return { uri: `mongodb://127.0.0.1:${port}/choem`, kind: "ferretdb", server };
}

async function startMemoryServer(logger: Logger): Promise<LocalMongo> {
  logger.info("no mongod, ferretdb or go found: trying mongodb-memory-server (downloads MongoDB)");
  const { MongoMemoryServer } = await import("mongodb-memory-server-core");
  const memory = await MongoMemoryServer.create();
  return {
    uri: memory.getUri("choem"),
    kind: "mongodb-memory-server",
    server: {
      name: "mongodb-memory-server",
      pid: undefined,
      stop: async () => {
        await memory.stop();
      },
    },
  };
}
