import { z } from "zod";
import { LANGUAGES } from "../i18n";
import { cleanText } from "./form";

export const signInSchema = z.object({
  login: z.preprocess(
    cleanText,
    z.string("login.error.loginRequired").min(1, "login.error.loginRequired").max(100, "login.error.tooLong"),
  ),
  // Passwords are taken exactly as typed.
  password: z.string("login.error.passwordRequired").min(1, "login.error.passwordRequired").max(256, "login.error.tooLong"),
  redirectTo: z.string().optional(),
});

export const languageSchema = z.object({
  language: z.enum(LANGUAGES, "validation.unknown"),
  redirectTo: z.string().optional(),
});

/** Only same-site paths: never a redirect to another host. */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
