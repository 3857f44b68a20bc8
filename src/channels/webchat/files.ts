/**
 * Files a person attaches in the web chat (a teacher's PDF, photo or video), kept in MongoDB
 * GridFS so every instance can serve them and they live as long as the lesson needs them, not
 * as long as a chat session. Each file is named by a random id: nobody can guess another's.
 * Limits follow what Telegram lets a bot download (20 MB), so a lesson is the same size
 * whichever channel it came from (docs/adding-a-channel.md#web-chat-files).
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import mongoose, { type Connection } from "mongoose";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const BUCKET = "webchat_files";

/** Types a lesson may be, by how it is shown: a picture, a video, or a document to open. */
const KINDS: Record<string, "photo" | "video" | "document"> = {
  "image/jpeg": "photo",
  "image/png": "photo",
  "image/webp": "photo",
  "video/mp4": "video",
  "video/webm": "video",
  "video/quicktime": "video",
  "application/pdf": "document",
  "application/msword": "document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "document",
  "application/vnd.ms-excel": "document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "document",
  "application/vnd.ms-powerpoint": "document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "document",
  "text/plain": "document",
};
export const ATTACHABLE_TYPES = Object.keys(KINDS);
export const kindOfType = (type: string) => KINDS[type];

export interface StoredFile {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

export function createWebChatFiles(connection: Connection) {
  const bucket = () => {
    if (!connection.db) throw new Error("MongoDB is not connected");
    return new mongoose.mongo.GridFSBucket(connection.db, { bucketName: BUCKET });
  };

  return {
    async save(data: Buffer, fileName: string, mimeType: string, chatId: string): Promise<StoredFile> {
      const id = randomUUID();
      await new Promise<void>((resolve, reject) => {
        const upload = bucket().openUploadStreamWithId(id as never, fileName, {
          metadata: { mimeType, chatId },
        });
        upload.once("finish", () => resolve());
        upload.once("error", reject);
        upload.end(data);
      });
      return { id, fileName, mimeType, sizeBytes: data.length };
    },
    /** The file's bytes as a stream, with what it is; undefined when there is no such file. */
    async open(id: string): Promise<{ stream: Readable; mimeType: string; sizeBytes: number } | undefined> {
      const [found] = await bucket()
        .find({ _id: id as never })
        .limit(1)
        .toArray();
      if (!found) return undefined;
      const mimeType = String((found.metadata as { mimeType?: string } | undefined)?.mimeType ?? "");
      return {
        stream: Readable.from(bucket().openDownloadStream(id as never)),
        mimeType,
        sizeBytes: found.length,
      };
    },
    /** Everything one chat attached, for "Xoá hết": a lesson made of it then opens as unavailable. */
    async forget(chatId: string): Promise<number> {
      const mine = await bucket().find({ "metadata.chatId": chatId }).toArray();
      for (const file of mine) await bucket().delete(file._id);
      return mine.length;
    },
  };
}

export type WebChatFiles = ReturnType<typeof createWebChatFiles>;
