import type { Connection, Model, Schema } from "mongoose";

/** A model bound to one connection, made once: tests and the app each have their own connection. */
export function modelOn<T>(
  connection: Connection,
  name: string,
  schema: Schema<T>,
  collection: string,
): Model<T> {
  return (
    (connection.models[name] as Model<T> | undefined) ??
    (connection.model(name, schema, collection) as unknown as Model<T>)
  );
}
