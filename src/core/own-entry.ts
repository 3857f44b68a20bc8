/**
 * A lookup by what a person typed (a command, a deep-link prefix, a button's prefix) in a table
 * that is a plain object: only the table's own entries count, so "/constructor", "/toString" or
 * "/__proto__" find nothing instead of what every object inherits.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
