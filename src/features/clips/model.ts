/**
 * A lesson clip a teacher pushed to some of their classes: a video, document or photo the
 * platform already holds (sent again by file id, never uploaded per parent), a link, or a text.
 */
import { type Connection, type Model, Schema } from "mongoose";
import type { PlatformFile } from "../../core/messages.js";
import { modelOn } from "../../storage/model-on.js";
import type { ChatRef } from "../classes/model.js";

export type ClipKind = "video" | "document" | "photo" | "link" | "text";

export interface ClipContent {
  kind: ClipKind;
  file?: PlatformFile;
  url?: string;
  text?: string;
}

/** A printed copy of the lesson for families with no device: where and from when to collect it. */
export interface PaperCopy {
  place: string;
  from: Date;
}

export interface Clip {
  code: string;
  idempotencyKey: string;
  teacher: ChatRef;
  classIds: string[];
  /** Names as they were when pushed, for captions ("6A1, 6A2"). */
  classNames: string[];
  makeUp: boolean;
  title?: string;
  content: ClipContent;
  /** Set when the teacher said the lesson also comes on paper (src/features/clips/paper/). */
  paper?: PaperCopy;
  createdAt: Date;
  /** Set once, by whoever sends the final report of a round. */
  reportedRound?: number;
  round: number;
}

export type ClipInfo = Clip & { id: string };

const fileSchema = new Schema<PlatformFile>(
  {
    channel: String,
    fileId: String,
    uniqueId: String,
    fromChatId: String,
    messageId: String,
    url: String,
    fileName: String,
    mimeType: String,
    sizeBytes: Number,
  },
  { _id: false },
);

const schema = new Schema<Clip>({
  code: { type: String, required: true, unique: true },
  idempotencyKey: { type: String, required: true, unique: true },
  teacher: { type: { channel: String, userId: String, chatId: String, locale: String }, _id: false },
  classIds: { type: [String], index: true },
  classNames: [String],
  makeUp: { type: Boolean, default: false },
  title: String,
  content: {
    type: { kind: String, file: fileSchema, url: String, text: String },
    _id: false,
  },
  paper: { type: new Schema<PaperCopy>({ place: String, from: Date }, { _id: false }), default: undefined },
  createdAt: { type: Date, default: () => new Date(), index: true },
  reportedRound: Number,
  round: { type: Number, default: 0 },
});

export function clipModel(connection: Connection): Model<Clip> {
  return modelOn(connection, "Clip", schema, "clips");
}
