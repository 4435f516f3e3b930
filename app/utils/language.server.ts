import { DEFAULT_LANGUAGE, isLanguage, languageFromAcceptLanguage, type Language } from "../i18n";
import { isSecureRequest } from "./auth.server";

export const LANGUAGE_COOKIE = "tapsyrma_lang";

export function languageFromCookie(request: Request): Language | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LANGUAGE_COOKIE && isLanguage(value)) return value;
  }
  return null;
}

/** The signed-in user's choice, else the browser's remembered choice, else Accept-Language, else Kazakh. */
export function resolveLanguage(request: Request, user?: { language: Language } | null): Language {
  return (
    user?.language ??
    languageFromCookie(request) ??
    languageFromAcceptLanguage(request.headers.get("Accept-Language")) ??
    DEFAULT_LANGUAGE
  );
}

export function languageCookie(request: Request, language: Language): string {
  const secure = isSecureRequest(request) ? "; Secure" : "";
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
