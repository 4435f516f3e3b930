import { z } from "zod";
import { cleanText } from "./form";

/** A TOTP code or a recovery code as typed; the model normalizes spaces and dashes. */
export const codeField = z.preprocess(cleanText, z.string("twoFactor.error.codeRequired").min(1, "twoFactor.error.codeRequired").max(64, "login.error.tooLong"));

export const secondFactorSchema = z.object({ code: codeField, redirectTo: z.string().optional() });

/** The forms of the two-factor page, one per intent. */
export const twoFactorIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("enable"), code: codeField }),
  z.object({ intent: z.literal("regenerate"), code: codeField }),
  z.object({ intent: z.literal("new-phone"), code: codeField }),
  z.object({ intent: z.literal("disable"), code: codeField }),
  z.object({ intent: z.literal("cancel") }),
], "validation.unknown");
