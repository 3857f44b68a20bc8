/**
 * Personal data (Decree 13/2023/NĐ-CP) is marked where it is declared: a schema path with
 * `personal: true`. A schema with personal paths names its owner with top-level `channel` and
 * `userId`. Erasure unsets exactly the marked paths, and a test (test/features/privacy/)
 * fails when a feature's hooks do not show or erase one of them.
 */
import type { Schema } from "mongoose";

export function personalPaths(schema: Schema, prefix = ""): string[] {
  const paths: string[] = [];
  schema.eachPath((path, type) => {
    if ((type.options as { personal?: boolean }).personal === true) paths.push(prefix + path);
    // A single nested schema (a pledge's devices) has paths of its own.
    const nested = (type as { schema?: Schema }).schema;
    if (nested && !Array.isArray(type.options.type))
      paths.push(...personalPaths(nested, `${prefix}${path}.`));
  });
  return paths;
}

/** An update that removes every personal path, for `updateMany({ channel, userId }, …)`. */
export function unsetPersonal(schema: Schema): Record<string, 1> {
  return Object.fromEntries(personalPaths(schema).map((path) => [path, 1 as const]));
}
