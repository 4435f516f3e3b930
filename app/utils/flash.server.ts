import { redirect } from "@remix-run/node";
import type { MessageKey } from "../i18n";
import { isSecureRequest } from "./auth.server";

// A one-time message after a redirect ("Saved."): a message key in a short-lived cookie, read and
// cleared by the root loader. Only catalogue keys travel, so nothing a user typed is echoed back.
export const FLASH_COOKIE = "tapsyrma_flash";

export function flashCookie(request: Request, key: MessageKey): string {
  const secure = isSecureRequest(request) ? "; Secure" : "";
  return `${FLASH_COOKIE}=${encodeURIComponent(key)}; Path=/; Max-Age=60; HttpOnly; SameSite=Lax${secure}`;
}

export function readFlash(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === FLASH_COOKIE) return decodeURIComponent(rest.join("=")) || null;
  }
  return null;
}

export function clearFlashCookie(): string {
  return `${FLASH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;
}

/** Redirect and show `key` once on the next page. */
export function redirectWithFlash(request: Request, to: string, key: MessageKey): Response {
  return redirect(to, { headers: { "Set-Cookie": flashCookie(request, key) } });
}
