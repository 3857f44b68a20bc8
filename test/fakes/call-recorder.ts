/** What a fake platform was asked, and a way to wait for it on events rather than sleeps. */
import { EventEmitter } from "node:events";

export interface CallRecorder<C> {
  record(call: C): void;
  /** Every call, or those of one method or path. */
  calls(key?: string): C[];
  /** Resolves once `count` calls of `key` have arrived (counting earlier ones). */
  waitForCalls(key: string, count: number, timeoutMs?: number): Promise<C[]>;
}

export function createCallRecorder<C>(keyOf: (call: C) => string): CallRecorder<C> {
  const recorded: C[] = [];
  const events = new EventEmitter().setMaxListeners(0);
  const calls = (key?: string) => recorded.filter((call) => key === undefined || keyOf(call) === key);
  return {
    record(call) {
      recorded.push(call);
      events.emit("call");
    },
    calls,
    waitForCalls(key, count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = calls(key);
          if (found.length < count) return;
          clearTimeout(timer);
          events.off("call", check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          events.off("call", check);
          const seen = recorded.map(keyOf).join(", ") || "none";
          reject(new Error(`waited ${timeoutMs} ms for ${count} call(s) of ${key}; saw: ${seen}`));
        }, timeoutMs);
        events.on("call", check);
        check();
      });
    },
  };
}
