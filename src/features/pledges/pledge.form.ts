/**
 * "Ủng hộ": who gives, under which name, what (money, devices, data packages — several at once),
 * the details of each, how devices reach us, and whether the donor wants to hear from us again.
 */
import type {
  CompleteContext,
  FormDefinition,
  FormStep,
  StepContext,
  Values,
} from "../../core/dialog/form.js";
import {
  localizedOptions,
  NO_WORDS,
  phoneField,
  synonymKeys,
  wholeNumberField,
  wordsField,
  YES_WORDS,
} from "../../core/forms/fields.js";
import type { OutboundMessage } from "../../core/messages.js";
import { describeHandover, describeItems } from "./describe.js";
import { moneyField } from "./fields.js";
import {
  DATA_CARRIERS,
  DEVICE_CONDITIONS,
  DEVICE_TYPES,
  DONOR_TYPES,
  type DonorType,
  HANDOVERS,
  ITEM_KINDS,
  type Pledge,
} from "./model.js";
import type { NewPledge, PledgeService } from "./service.js";

const kinds = (v: Values) => (v.donorType === "civil-servant" ? ["money"] : ((v.items as string[]) ?? []));
const wants = (kind: string) => (v: Values) => kinds(v).includes(kind);
const needsPickup = (v: Values) => wants("devices")(v) && v.handover === "pickup";
const isNamed = (v: Values) => v.nameMode === "named";

/** A yes/no question whose options read `<prefix>-yes` and `<prefix>-no`. */
function yesNo(id: string, prefix: string, when?: (v: Values) => boolean): FormStep {
  return {
    id,
    prompt: `${prefix}-prompt`,
    input: { kind: "choice", ...localizedOptions(prefix, ["yes", "no"], { yes: YES_WORDS, no: NO_WORDS }) },
    ...(when ? { when } : {}),
  };
}

const steps: FormStep[] = [
  {
    id: "donorType",
    prompt: "pledge-donor-type-prompt",
    input: { kind: "choice", ...localizedOptions("pledge-donor", DONOR_TYPES) },
  },
  {
    id: "nameMode",
    prompt: "pledge-name-mode-prompt",
    input: { kind: "choice", ...localizedOptions("pledge-name-mode", ["anonymous", "named"]) },
  },
  {
    id: "name",
    prompt: ({ values }) => ({ key: `pledge-name-prompt-${String(values.donorType)}` }),
    when: isNamed,
    input: { kind: "text", schema: wordsField(2, 120) },
  },
  {
    id: "items",
    prompt: "pledge-items-prompt",
    when: (v) => v.donorType !== "civil-servant",
    input: {
      kind: "multi-choice",
      ...localizedOptions("pledge-kind", ITEM_KINDS, synonymKeys("pledge-kind", ITEM_KINDS)),
    },
  },
  {
    id: "amount",
    prompt: ({ values }) => ({
      key: values.donorType === "civil-servant" ? "pledge-amount-prompt-salary" : "pledge-amount-prompt",
    }),
    when: wants("money"),
    input: { kind: "text", schema: moneyField },
  },
  {
    id: "deviceType",
    prompt: "pledge-device-type-prompt",
    when: wants("devices"),
    input: {
      kind: "choice",
      ...localizedOptions("pledge-device", DEVICE_TYPES, synonymKeys("pledge-device", DEVICE_TYPES)),
    },
  },
  {
    id: "deviceCount",
    prompt: "pledge-device-count-prompt",
    when: wants("devices"),
    input: { kind: "text", schema: wholeNumberField(1, 1000, "pledge-device-count-invalid") },
  },
  {
    id: "condition",
    prompt: "pledge-condition-prompt",
    when: wants("devices"),
    input: { kind: "choice", ...localizedOptions("pledge-condition", DEVICE_CONDITIONS) },
  },
  {
    id: "handover",
    prompt: "pledge-handover-prompt",
    when: wants("devices"),
    input: { kind: "choice", ...localizedOptions("pledge-handover", HANDOVERS) },
  },
  {
    id: "address",
    prompt: "pledge-address-prompt",
    when: needsPickup,
    input: { kind: "text", schema: wordsField(5, 200) },
  },
  {
    id: "carrier",
    prompt: "pledge-carrier-prompt",
    when: wants("data"),
    input: {
      kind: "choice",
      ...localizedOptions("carrier", DATA_CARRIERS, synonymKeys("carrier", DATA_CARRIERS)),
    },
  },
  {
    id: "dataCount",
    prompt: "pledge-data-count-prompt",
    when: wants("data"),
    input: { kind: "text", schema: wholeNumberField(1, 10_000, "pledge-data-count-invalid") },
  },
  {
    id: "months",
    prompt: "pledge-months-prompt",
    when: wants("data"),
    input: { kind: "text", schema: wholeNumberField(1, 12, "pledge-months-invalid") },
  },
  // Only a pick-up needs a phone: collect nothing more than the handover needs (Decree 13/2023).
  {
    id: "phone",
    prompt: "pledge-phone-prompt",
    when: needsPickup,
    input: { kind: "phone", schema: phoneField },
  },
  yesNo("showName", "pledge-show-name", isNamed),
  yesNo("updates", "pledge-updates"),
];

/** The answers as the parts of a pledge, for the summary and for the record. */
export function pledgeFields(
  v: Values,
): Omit<NewPledge, "idempotencyKey" | "channel" | "userId" | "chatId" | "locale"> {
  const named = isNamed(v) && typeof v.name === "string";
  return {
    donorType: v.donorType as DonorType,
    ...(named ? { donorName: String(v.name) } : {}),
    showName: named && v.showName === "yes",
    wantsUpdates: v.updates === "yes",
    ...(wants("money")(v) ? { money: { pledgedVnd: Number(v.amount), receivedVnd: 0 } } : {}),
    ...(wants("devices")(v)
      ? {
          devices: {
            type: String(v.deviceType),
            count: Number(v.deviceCount),
            condition: String(v.condition),
            handover: String(v.handover),
            ...(needsPickup(v) ? { address: String(v.address) } : {}),
            receivedCount: 0,
          },
        }
      : {}),
    ...(wants("data")(v)
      ? {
          data: {
            carrier: String(v.carrier),
            count: Number(v.dataCount),
            months: Number(v.months),
            receivedCount: 0,
          },
        }
      : {}),
    ...(needsPickup(v) && typeof v.phone === "string" ? { phone: v.phone } : {}),
  };
}

function summary(ctx: StepContext & { display: Record<string, string> }): string {
  const { t, locale, display } = ctx;
  const fields = pledgeFields(ctx.values);
  const name = fields.donorName
    ? `${fields.donorName} (${t(fields.showName ? "pledge-summary-public" : "pledge-summary-private")})`
    : t("pledge-name-mode-anonymous");
  const handover = describeHandover(fields.devices, fields.phone, t);
  return [
    `• ${t("pledge-summary-donor-type")}: ${display.donorType ?? ""}`,
    `• ${t("pledge-summary-name")}: ${name}`,
    ...describeItems(fields, t, locale),
    ...(handover ? [`• ${handover}`] : []),
    `• ${t("pledge-summary-updates")}: ${display.updates ?? ""}`,
  ].join("\n");
}

export function pledgeForm(
  pledges: PledgeService,
  afterCreate: (pledge: Pledge, ctx: CompleteContext) => Promise<OutboundMessage[]>,
): FormDefinition {
  return {
    id: "pledge",
    titleKey: "pledge-title",
    steps,
    summary,
    async complete(ctx) {
      const { message } = ctx;
      const pledge = await pledges.create({
        ...pledgeFields(ctx.values),
        idempotencyKey: ctx.idempotencyKey,
        channel: message.channel,
        userId: message.userId,
        chatId: message.chatId,
        locale: ctx.locale,
      });
      return afterCreate(pledge, ctx);
    },
  };
}
