/**
 * The staff queue's runner: newest first, 50 a page, with an opaque cursor for the next page.
 * Every filter combination is one indexed query (build-queue-query.ts, queue-indexes.ts).
 */
import type { Connection } from "mongoose";
import { type HelpRequest, requestModel } from "../model.js";
import { buildQueueQuery, PAGE_SIZE, type QueueFilter, type QueueScope } from "./build-queue-query.js";
import { encodeCursor } from "./cursor.js";

export type QueueItem = HelpRequest & { _id: import("mongoose").Types.ObjectId };

export type QueuePage =
  | { kind: "page"; items: QueueItem[]; nextCursor: string | null }
  | { kind: "bad-cursor" }
  | { kind: "search-too-short" };

export const QUEUE_SORT = { createdAt: -1, _id: -1 } as const;

export function createRequestQueue(connection: Connection) {
  const Requests = requestModel(connection);
  return {
    /** `scope` is required on purpose: a caller cannot forget whose requests it may list. */
    async listRequests(
      scope: QueueScope,
      filter: QueueFilter,
      page: { cursor?: string } = {},
    ): Promise<QueuePage> {
      const query = buildQueueQuery(scope, filter, page.cursor);
      if (query.kind === "empty") return { kind: "page", items: [], nextCursor: null };
      if (query.kind !== "query") return query;
      // One more than a page tells whether a next page exists without a count.
      const found = await Requests.find(query.filter)
        .sort(QUEUE_SORT)
        .limit(PAGE_SIZE + 1)
        .lean<QueueItem[]>();
      const items = found.slice(0, PAGE_SIZE);
      const last = items.at(-1);
      const nextCursor =
        found.length > PAGE_SIZE && last ? encodeCursor({ createdAt: last.createdAt, id: last._id }) : null;
      return { kind: "page", items, nextCursor };
    },
  };
}

export type RequestQueue = ReturnType<typeof createRequestQueue>;
