/**
 * A lot's stock, changed in one way only: under the lot's lease, the change is made (lines
 * inserted, a line returned), then `allocated` is counted again from the lot's open lines and
 * written back by `_id`. So two staff approving at once, or one approving while another returns
 * a line, can never take more units than the lot has (docs/allocation.md#stock).
 */
import { type Connection, trusted } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import { type Lot, lineModel, lotModel, OPEN_LINE_STATUSES } from "./model.js";

export interface LotStock {
  /**
   * Runs `change` holding the lot's lease with the lot as it is now (undefined: no such lot),
   * then recounts the lot's open lines; returns what `change` returned.
   */
  change<T>(lotCode: string, change: (lot: Lot | undefined) => Promise<T>): Promise<T>;
  /** Open lines of the lot, counted from the lines themselves. */
  countOpen(lotCode: string): Promise<number>;
}

export function createLotStock(connection: Connection, lock: RecordLock): LotStock {
  const Lots = lotModel(connection);
  const Lines = lineModel(connection);

  const countOpen = (lotCode: string) =>
    Lines.countDocuments({ lotCode, status: trusted({ $in: OPEN_LINE_STATUSES }) });

  return {
    countOpen,
    change(lotCode, change) {
      return lock(`lot:${lotCode}`, async () => {
        const lot = (await Lots.findOne({ code: lotCode }).lean<Lot>()) ?? undefined;
        const result = await change(lot);
        if (lot) await Lots.updateOne({ code: lotCode }, { allocated: await countOpen(lotCode) });
        return result;
      });
    },
  };
}
