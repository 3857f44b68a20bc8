/** "Xin máy tính": a device for a child who cannot study online. Asks only what the decision needs. */
import type { FormDefinition } from "../../core/dialog/form.js";
import { localizedOptions, phoneField, synonymKeys, wordsField } from "../../core/forms/fields.js";
import { childNameField, gradeField } from "./fields.js";
import { type SchoolDirectory, schoolFields, schoolSteps } from "./school-steps.js";
import type { RequestService } from "./service.js";
import { completeRequest, consentStep } from "./shared-steps.js";

export const CIRCUMSTANCES = [
  "poor",
  "near-poor",
  "orphan",
  "job-loss",
  "migrant",
  "lockdown",
  "other",
] as const;
export const DEVICES = ["laptop", "tablet", "phone", "any"] as const;
export const HOME_HAS = ["nothing", "shared-phone", "old-computer", "internet"] as const;

export function deviceForm(requests: RequestService, schools: SchoolDirectory): FormDefinition {
  return {
    id: "device",
    titleKey: "device-title",
    steps: [
      consentStep("device"),
      {
        id: "childName",
        prompt: "device-child-name-prompt",
        input: { kind: "text", schema: childNameField },
      },
      { id: "grade", prompt: "device-grade-prompt", input: { kind: "text", schema: gradeField } },
      ...schoolSteps(schools),
      {
        id: "className",
        prompt: "device-class-prompt",
        optional: true,
        input: { kind: "text", schema: wordsField(1, 20) },
      },
      {
        id: "circumstances",
        prompt: "device-circumstances-prompt",
        input: { kind: "multi-choice", ...localizedOptions("circumstance", CIRCUMSTANCES) },
      },
      {
        id: "device",
        prompt: "device-device-prompt",
        input: { kind: "choice", ...localizedOptions("device", DEVICES, synonymKeys("device", DEVICES)) },
      },
      {
        id: "homeHas",
        prompt: "device-home-has-prompt",
        input: {
          kind: "multi-choice",
          ...localizedOptions("home-has", HOME_HAS, synonymKeys("home-has", HOME_HAS)),
        },
      },
      { id: "phone", prompt: "request-phone-prompt", input: { kind: "phone", schema: phoneField } },
    ],
    async complete(ctx) {
      const v = ctx.values;
      return completeRequest(requests, ctx, {
        kind: "device",
        childName: String(v.childName),
        grade: Number(v.grade),
        ...(await schoolFields(schools, v)),
        ...(typeof v.className === "string" ? { className: v.className } : {}),
        circumstances: v.circumstances as string[],
        device: String(v.device),
        homeHas: v.homeHas as string[],
        phone: String(v.phone),
      });
    },
  };
}
