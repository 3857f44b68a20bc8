/**
 * What ChoEm sends to POST /v3.0/oa/message/cs and the upload endpoints (docs/platforms/zalo-oa.md §4–5),
 * and the steps render.ts plans from an OutboundMessage for deliver.ts to carry out.
 */

export const ZALO_OA_MAX_TEXT_LENGTH = 2000;
export const ZALO_OA_MAX_IMAGE_UPLOAD_BYTES = 1024 * 1024;
export const ZALO_OA_MAX_FILE_UPLOAD_BYTES = 5 * 1024 * 1024;
/** A tapped oa.query.hide button comes back as a text event carrying its payload; this marks ours. */
export const CHOICE_PAYLOAD_PREFIX = "choice:";

export interface OaButton {
  title: string;
  type: "oa.query.hide";
  payload: string;
}

export type OaOutboundAttachment =
  | { type: "template"; payload: { buttons: OaButton[] } }
  | {
      type: "template";
      payload: {
        template_type: "media";
        elements: Array<{ media_type: "image"; url?: string; attachment_id?: string }>;
      };
    }
  | {
      type: "template";
      payload: { template_type: "request_user_info"; elements: Array<{ title: string; subtitle: string }> };
    }
  | { type: "file"; payload: { token: string } };

/** The `message` object of POST /v3.0/oa/message/cs. */
export interface OaMessage {
  text?: string;
  attachment?: OaOutboundAttachment;
}

export interface OaFileBytes {
  data: Buffer;
  fileName: string;
  mimeType: string;
}

export type OaStep =
  /** bestEffort: a failure is logged and the rest still counts as sent. */
  | { kind: "send"; message: OaMessage; bestEffort?: boolean }
  | { kind: "upload-image"; file: OaFileBytes; text?: string }
  /** Sends the file then `after`; when the file cannot be fetched or uploaded, sends `fallback` instead. */
  | {
      kind: "upload-file";
      file: OaFileBytes | { url: string; fileName: string; mimeType: string };
      after: OaMessage[];
      fallback: OaMessage[];
    };
