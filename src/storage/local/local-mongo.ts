/**
 * A private MongoDB-wire server, the first that works of: mongod on PATH, a ferretdb binary on
 * PATH or in the cache, FerretDB built with Go, mongodb-memory-server
 * (docs/storage-and-ferretdb.md#local-servers). FerretDB stores into a private PostgreSQL when
 * one can be started, else into SQLite; CHOEM_LOCAL_MONGO forces either.
 */
import { access, mkdtemp } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "../../core/logger.js";
import { buildFerretDb } from "./build-ferretdb.js";
import { type ChildServer, startChildServer } from "./child-server.js";
import { findFreePort } from "./free-port.js";
import { findPostgresBin, type LocalPostgres, startLocalPostgres } from "./local-postgres.js";
import { onPath } from "./on-path.js";

/** Which local server: `auto` picks the fastest available; the others force FerretDB's backend. */
export type LocalMongoChoice = "auto" | "sqlite" | "postgresql";

export interface LocalMongo {
  uri: string;
  kind: "mongod" | "ferretdb" | "mongodb-memory-server";
  /** FerretDB's storage, when kind is ferretdb. */
  backend: "sqlite" | "postgresql" | undefined;
  /** In start order; stop them in reverse. */
  servers: ChildServer[];
}

function defaultCacheDir(): string {
  return join(homedir(), ".cache", "choem");
}

export async function startLocalMongo(
  logger: Logger,
  cacheDir = defaultCacheDir(),
  choice: LocalMongoChoice = "auto",
): Promise<LocalMongo> {
  const mongod = choice === "auto" ? onPath("mongod") : undefined;
  if (mongod) return startMongod(mongod, logger);

  let ferretdb = onPath("ferretdb") ?? (await cachedFerretDb(cacheDir));
  if (!ferretdb && onPath("go")) ferretdb = await buildFerretDb(join(cacheDir, "bin"), logger);
  if (ferretdb) {
    const postgres = choice === "sqlite" ? undefined : await startPostgresFor(logger, choice);
    try {
      return await startFerretDb(ferretdb, logger, postgres);
    } catch (error) {
      await postgres?.server.stop();
      throw error;
    }
  }
  if (choice !== "auto") {
    throw new Error(`CHOEM_LOCAL_MONGO=${choice} needs FerretDB: put ferretdb or go on PATH`);
  }
  return startMemoryServer(logger);
}

/** Stops the servers of a local MongoDB: FerretDB before the PostgreSQL it stores into. */
export async function stopLocalMongo(mongo: LocalMongo): Promise<void> {
  for (const server of [...mongo.servers].reverse()) await server.stop();
}

/** A private PostgreSQL, or undefined (logged once, with the reason) to let FerretDB use SQLite. */
async function startPostgresFor(
  logger: Logger,
  choice: LocalMongoChoice,
): Promise<LocalPostgres | undefined> {
  const bin = findPostgresBin();
  if (!bin) {
    if (choice === "postgresql")
      throw new Error("CHOEM_LOCAL_MONGO=postgresql but PostgreSQL's initdb was not found");
    logger.info("no PostgreSQL (initdb) found: the local FerretDB stores into SQLite, which is slower");
    return undefined;
  }
  try {
    const postgres = await startLocalPostgres(bin);
    logger.info({ port: postgres.server.port }, "started a private PostgreSQL for the local FerretDB");
    return postgres;
  } catch (error) {
    if (choice === "postgresql") throw error;
    logger.warn(
      { err: String(error).slice(0, 1000) },
      "could not start a private PostgreSQL: the local FerretDB stores into SQLite, which is slower",
    );
    return undefined;
  }
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
  return { uri: `mongodb://127.0.0.1:${port}/choem`, kind: "mongod", backend: undefined, servers: [server] };
}

async function startFerretDb(
  binary: string,
  logger: Logger,
  postgres: LocalPostgres | undefined,
): Promise<LocalMongo> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), "choem-ferretdb-"));
  const backend = postgres
    ? ["--handler=postgresql", `--postgresql-url=${postgres.url}`]
    : ["--handler=sqlite", `--sqlite-url=file:${dataDir}/`];
  const server = await startChildServer({
    name: "ferretdb",
    command: binary,
    args: [
      ...backend,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      "--debug-addr=127.0.0.1:0",
      "--telemetry=disable",
      "--log-level=warn",
    ],
    port,
    dataDir,
  });
  const kind = postgres ? "postgresql" : "sqlite";
  logger.info(
    { port },
    `started a local FerretDB (${kind === "postgresql" ? "PostgreSQL" : "SQLite"}) for this process`,
  );
  return {
    uri: `mongodb://127.0.0.1:${port}/choem`,
    kind: "ferretdb",
    backend: kind,
    servers: postgres ? [postgres.server, server] : [server],
  };
}

async function startMemoryServer(logger: Logger): Promise<LocalMongo> {
  logger.info("no mongod, ferretdb or go found: trying mongodb-memory-server (downloads MongoDB)");
  const { MongoMemoryServer } = await import("mongodb-memory-server-core");
  const memory = await MongoMemoryServer.create();
  return {
    uri: memory.getUri("choem"),
    kind: "mongodb-memory-server",
    backend: undefined,
    servers: [
      {
        name: "mongodb-memory-server",
        pid: undefined,
        port: undefined,
        dataDir: undefined,
        stop: async () => {
          await memory.stop();
        },
      },
    ],
  };
}
