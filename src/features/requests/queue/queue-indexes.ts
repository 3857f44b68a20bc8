/**
 * The indexes the staff queue runs on, by name; model.ts declares them and the query builder
 * names the one each query is built for. Each ends with the page order (createdAt, _id
 * descending), so MongoDB reads a page in order from the index and stops after 50: equality
 * fields first (school or district, then status or a name key), then the sort, and the date
 * filter is a range on the sort key itself (docs/storage-and-ferretdb.md#queries-at-province-scale).
 */
const order = { createdAt: -1, _id: -1 } as const;

export const QUEUE_INDEXES = {
  queue_all: { ...order },
  queue_status: { status: 1, ...order },
  queue_school: { schoolCode: 1, ...order },
  queue_school_status: { schoolCode: 1, status: 1, ...order },
  queue_area: { district: 1, ...order },
  queue_area_status: { district: 1, status: 1, ...order },
  queue_name: { searchKeys: 1, ...order },
  queue_school_name: { schoolCode: 1, searchKeys: 1, ...order },
  queue_area_name: { district: 1, searchKeys: 1, ...order },
} as const;

export type QueueIndexName = keyof typeof QUEUE_INDEXES;
