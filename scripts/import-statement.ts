/**
 * `npm run import:statement -- FILE.csv`: records the donations found in a bank statement
 * (format in src/features/payments/statement.ts). A bad line stops the import before anything
 * is written; lines already imported are skipped, so running it again is safe. Prints what
 * matched a pledge, what disagreed with one, and what named none, for staff to follow up.
 */

import { createRecordLock } from "../src/core/lock.js";
import { type LineOutcome, reconcileStatement } from "../src/features/payments/reconcile.js";
import { parseStatement } from "../src/features/payments/statement.js";
import { queueReceiptNotice } from "../src/features/pledges/donor-notices.js";
import { formatVnd } from "../src/features/pledges/parse-money.js";
import { connectMongo } from "../src/storage/mongo.js";
import { APP_KEY_PREFIX, connectRedis } from "../src/storage/redis.js";
import { prepareImport, runScript } from "./prepare-import.js";

const out = (text: string) => process.stdout.write(`${text}\n`);
/** One statement line as staff read it: where, how much, which pledge, and what was wrong. */
function describeLine(o: LineOutcome): string {
  const parts = [`  line ${o.line}: ${o.date} ${formatVnd(o.amountVnd, "vi")}`];
  if (o.code) parts.push(o.code);
  if (o.mismatch) {
    const expected = o.expectedVnd === undefined ? "" : `, expected ${formatVnd(o.expectedVnd, "vi")}`;
    parts.push(`[${o.mismatch}${expected}, ${o.recorded ? "recorded" : "not recorded"}]`);
  }
  parts.push(`“${o.description}”`);
  return parts.join(" ");
}

async function main(): Promise<number> {
  const ready = await prepareImport("npm run import:statement -- FILE.csv", parseStatement);
  if (typeof ready === "number") return ready;
  const { config, logger, parsed } = ready;
  // Unlike the school import, a throwaway local database makes no sense: payments are real.
  // Its Redis too: a receipt is recorded under the pledge's lock, which staff commands share.
  if (!config.mongodbUri || !config.redisUrl) {
    process.stderr.write(
      "MONGODB_URI and REDIS_URL must both be set: point them at the bot's database and Redis and run again.\n",
    );
    return 1;
  }
  const connection = await connectMongo(config.mongodbUri, logger);
  const redis = await connectRedis(config.redisUrl, logger);
  try {
    // No chat runs here: the running bot sends the thank-yous from the notice outbox.
    const result = await reconcileStatement(
      connection,
      createRecordLock(redis, APP_KEY_PREFIX),
      parsed.lines,
      {
        onReceipt: (pledge, amountVnd) =>
          queueReceiptNotice(connection, pledge.code, {
            kind: "received",
            item: "money",
            quantity: amountVnd,
          }),
      },
    );
    out(`matched: ${result.matched.length}`);
    for (const o of result.matched) out(describeLine(o));
    out(`mismatched: ${result.mismatched.length}`);
    for (const o of result.mismatched) out(describeLine(o));
    out(`unmatched (no pledge code): ${result.unmatched.length}`);
    for (const o of result.unmatched) out(describeLine(o));
    out(`already imported: ${result.alreadyImported}, debits skipped: ${result.debits}`);
  } finally {
    await connection.close();
    redis.disconnect();
  }
  return 0;
}

runScript(main);
