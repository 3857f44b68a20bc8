/** "Hỗ trợ kết nối": a data package, a SIM or a better line for a household. */
import type { FormDefinition } from "../../core/dialog/form.js";
import { localizedOptions, phoneField, synonymKeys, wordsField } from "../../core/forms/fields.js";
import type { RequestService } from "./service.js";
import { completeRequest, consentStep } from "./shared-steps.js";

export const PROBLEMS = ["no-internet", "weak-signal", "data-package"] as const;
export const CARRIERS = ["viettel", "vinaphone", "mobifone", "vietnamobile", "other"] as const;
export const PLACES = ["rented-room", "remote-area", "lockdown", "home"] as const;

export function connectivityForm(requests: RequestService): FormDefinition {
  return {
    id: "connectivity",
    titleKey: "connectivity-title",
    steps: [
      consentStep("connectivity"),
      {
        id: "problem",
        prompt: "connectivity-problem-prompt",
        input: { kind: "choice", ...localizedOptions("problem", PROBLEMS, synonymKeys("problem", PROBLEMS)) },
      },
      {
        id: "carrier",
        prompt: "connectivity-carrier-prompt",
        input: { kind: "choice", ...localizedOptions("carrier", CARRIERS, synonymKeys("carrier", CARRIERS)) },
      },
      { id: "phone", prompt: "connectivity-phone-prompt", input: { kind: "phone", schema: phoneField } },
      {
        id: "place",
        prompt: "connectivity-place-prompt",
        input: { kind: "choice", ...localizedOptions("place", PLACES, synonymKeys("place", PLACES)) },
      },
      { id: "ward", prompt: "connectivity-ward-prompt", input: { kind: "text", schema: wordsField(2, 120) } },
    ],
    async complete(ctx) {
      const v = ctx.values;
      return completeRequest(requests, ctx, {
        kind: "connectivity",
        problem: String(v.problem),
        carrier: String(v.carrier),
        phone: String(v.phone),
        place: String(v.place),
        ward: String(v.ward),
      });
    },
  };
}
