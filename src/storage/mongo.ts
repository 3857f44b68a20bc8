/**
 * MongoDB through mongoose. The code uses only what FerretDB 1.24 also does correctly
 * (docs/storage-and-ferretdb.md): no transactions, $lookup, $facet, TTL or partial indexes, collation.
 */
import mongoose, { type Connection } from "mongoose";
import { type Logger, redactUrl } from "../core/logger.js";
import { retryWithBackoff } from "./retry.js";

export async function connectMongo(uri: string, logger: Logger, attempts = 8): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5000,
    // Queries fail fast while disconnected instead of queueing forever behind a dead server.
    bufferCommands: false,
    sanitizeFilter: true,
    autoIndex: true,
    // FerretDB on PostgreSQL was seen to hang for good at about 60 concurrent findAndModify with
    // the driver's default pool of 100, more than FerretDB's own 50 PostgreSQL connections. 20 per
    // process keeps the excess queued in the driver instead (docs/storage-and-ferretdb.md).
    maxPoolSize: 20,
  });
  await retryWithBackoff(() => connection.asPromise(), {
    attempts,
    firstDelayMs: 250,
    maxDelayMs: 5000,
    onRetry: (attempt, error, delayMs) =>
      logger.warn({ attempt, delayMs, err: String(error) }, "MongoDB not reachable yet, retrying"),
  });
  logger.info({ mongodb: redactUrl(uri) }, "connected to MongoDB");
  return connection;
}

export async function isMongoUp(connection: Connection): Promise<boolean> {
  try {
    await connection.db?.admin().ping();
    return connection.readyState === 1;
  } catch {
    return false;
  }
}
