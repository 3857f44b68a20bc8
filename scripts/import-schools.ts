/**
 * `npm run import:schools -- FILE.csv`: loads the Department's school list into the directory.
 * The whole file is checked first; any bad row prints "line N: message" and nothing is written,
 * so the directory is never left half-updated. Rows are matched by code, so re-running is safe.
 */
import { parseSchoolRows } from "../src/features/schools/parse-csv.js";
import { createSchoolService } from "../src/features/schools/service.js";
import { startLocalMongo, stopLocalMongo } from "../src/storage/local/local-mongo.js";
import { connectMongo } from "../src/storage/mongo.js";
import { prepareImport, runScript } from "./prepare-import.js";

async function main(): Promise<number> {
  const ready = await prepareImport("npm run import:schools -- FILE.csv", parseSchoolRows);
  if (typeof ready === "number") return ready;
  const { config, logger, parsed } = ready;

  // Only MongoDB is needed, so unlike provisionStores no Redis is started for an unset REDIS_URL.
  let mongodbUri = config.mongodbUri;
  let stopLocal = async () => {};
  if (!mongodbUri) {
    process.stderr.write(
      "WARNING: MONGODB_URI is not set, so this import goes to a temporary local database that is " +
        "deleted when the script ends. Set MONGODB_URI to import into the bot's real database.\n",
    );
    const local = await startLocalMongo(logger, config.cacheDir, config.localMongo);
    mongodbUri = local.uri;
    stopLocal = () => stopLocalMongo(local);
  }
  try {
    const connection = await connectMongo(mongodbUri, logger);
    try {
      const result = await createSchoolService(connection).upsertMany(parsed.rows);
      process.stdout.write(
        `imported ${result.inserted} new, updated ${result.updated} (${result.unchanged} unchanged)\n`,
      );
    } finally {
      await connection.close();
    }
  } finally {
    await stopLocal();
  }
  return 0;
}

runScript(main);
