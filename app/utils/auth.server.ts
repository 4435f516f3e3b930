import { Cookie, Lucia, TimeSpan } from "lucia";
import { redirect } from "@remix-run/node";
import { can, isRole, type Actor, type Permission, type Role } from "../domain/permissions";
import { twoFactorPolicy } from "../domain/two-factor";
import { isLanguage, type Language } from "../i18n";
import { getDb } from "./db.server";
import { KyselySessionAdapter, hashSessionToken } from "./session-adapter.server";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
// Sliding the idle deadline costs a write; once a minute per session is plenty.
const SLIDE_AFTER_MS = 60 * 1000;

export interface CurrentUser extends Actor {
  login: string;
  displayName: string;
  role: Role;
  language: Language;
  /** The names of the user's organization, if they belong to one. */
  organizationNames: { name_kk: string; name_ru: string; name_en: string } | null;
  /** Two-factor sign-in is required of this role and not yet set up: only enrolment and sign-out are open. */
  mustEnrolTwoFactor: boolean;
}

/**
 * TWO_FACTOR_REQUIRED ("true"/"false"); unset, it is on except with demo data, whose password-only sign-ins
 * outside tools rely on (docs/decisions/013-two-factor.md).
 */
export function isTwoFactorEnforced(): boolean {
  const setting = process.env.TWO_FACTOR_REQUIRED;
  if (setting === "true" || setting === "false") return setting === "true";
  return process.env.SEED_DEMO === "false";
}

/** Where a user who must set up two-factor sign-in is sent. */
export const TWO_FACTOR_ENROLMENT_PATH = "/account/two-factor";

function createLucia() {
  return new Lucia(new KyselySessionAdapter(getDb()), {
    sessionExpiresIn: new TimeSpan(IDLE_TIMEOUT_MS / 1000, "s"),
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
  }
}

const holder = globalThis as unknown as { __tapsyrmaLucia?: ReturnType<typeof createLucia> };
function lucia() {
  holder.__tapsyrmaLucia ??= createLucia();
  return holder.__tapsyrmaLucia;
}

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

/** The session cookie's name on a plain-HTTP request, e.g. the server's own loopback request for a PDF. */
export const HTTP_SESSION_COOKIE = "tapsyrma_session";

/** Over HTTPS the cookie is Secure with the __Host- prefix: no subdomain can set or read it. */
export function sessionCookieName(request: Request): string {
  return isSecureRequest(request) ? "__Host-tapsyrma_session" : HTTP_SESSION_COOKIE;
}

function sessionCookie(request: Request, value: string, maxAgeSeconds: number): string {
  return new Cookie(sessionCookieName(request), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecureRequest(request),
    maxAge: maxAgeSeconds,
  }).serialize();
}

/** The session token the request carries, if any; it proves nothing until validated (getSignedInUser). */
export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = sessionCookieName(request);
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return value || null;
    }
  }
  return null;
}

export interface SessionLookup {
  user: CurrentUser | null;
  /** The request carried a session cookie that no longer works (expired, signed out, deactivated). */
  stale: boolean;
}

// Parallel loaders of one request share one lookup.
const lookups = new WeakMap<Request, Promise<SessionLookup>>();

export function getSignedInUser(request: Request): Promise<SessionLookup> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = lookUpSession(request);
    lookups.set(request, lookup);
  }
  return lookup;
}

async function lookUpSession(request: Request): Promise<SessionLookup> {
  const token = readSessionToken(request);
  if (!token) return { user: null, stale: false };
  const { session, user } = await lucia().validateSession(token);
  if (!session || !user) return { user: null, stale: true };

  const now = Date.now();
  const absoluteLimit = Date.parse(session.absolute_expires_at);
  if (now >= absoluteLimit) {
    await lucia().invalidateSession(token);
    return { user: null, stale: true };
  }
  if (now - Date.parse(session.last_seen_at) >= SLIDE_AFTER_MS) {
    await getDb()
      .updateTable("sessions")
      .set({
        last_seen_at: new Date(now).toISOString(),
        expires_at: new Date(Math.min(now + IDLE_TIMEOUT_MS, absoluteLimit)).toISOString(),
      })
      .where("id", "=", hashSessionToken(token))
      .execute();
  }
  if (!isRole(user.role)) return { user: null, stale: true };
  let mustEnrolTwoFactor = false;
  if (twoFactorPolicy(user.role, isTwoFactorEnforced()) === "required") {
    const credential = await getDb().selectFrom("two_factor_credentials").select("user_id").where("user_id", "=", user.id).where("secret", "is not", null).executeTakeFirst();
    mustEnrolTwoFactor = !credential;
  }
  return {
    stale: false,
    user: {
      id: user.id,
      login: user.login,
      displayName: user.display_name,
      role: user.role,
      organizationId: user.organization_id,
      organizationNames:
        user.organization_name_kk !== null
          ? { name_kk: user.organization_name_kk, name_ru: user.organization_name_ru ?? "", name_en: user.organization_name_en ?? "" }
          : null,
      language: isLanguage(user.language) ? user.language : "kk",
      mustEnrolTwoFactor,
    },
  };
}

function signInRedirect(request: Request, stale: boolean): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const target = url.pathname.replace(/\.data$/, "") + url.search;
  if (target !== "/" && target !== "/_root") params.set("redirectTo", target);
  if (stale) params.set("expired", "1");
  const query = params.toString();
  const headers = new Headers();
  if (stale) headers.append("Set-Cookie", sessionCookie(request, "", 0));
  return redirect(`/login${query ? `?${query}` : ""}`, { headers });
}

/**
 * The signed-in user, or a redirect to the sign-in page. The one place two-factor enrolment is enforced:
 * a user who must enrol is sent to enrolment from every page, except the few that pass
 * `{ beforeTwoFactorEnrolment: true }` (enrolment itself, sign-out).
 */
export async function requireUser(request: Request, options: { beforeTwoFactorEnrolment?: boolean } = {}): Promise<CurrentUser> {
  const { user, stale } = await getSignedInUser(request);
  if (!user) throw signInRedirect(request, stale);
  if (user.mustEnrolTwoFactor && !options.beforeTwoFactorEnrolment) throw redirect(TWO_FACTOR_ENROLMENT_PATH);
  return user;
}

/** 404: also the answer where even the existence of an object must not leak. */
export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/** The signed-in user, if the permission table lets their role do this at all; otherwise 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) throw forbidden();
  return user;
}

/**
 * A fresh session for a user who just proved who they are. Any session the request carried is ended
 * first, so a cookie planted before sign-in is worth nothing after it.
 */
export async function startSession(
  request: Request,
  userId: string,
  client: { address: string | null; userAgent: string | null },
): Promise<string> {
  const previous = readSessionToken(request);
  if (previous) await lucia().invalidateSession(previous);
  const now = new Date();
  const session = await lucia().createSession(userId, {
    absolute_expires_at: new Date(now.getTime() + ABSOLUTE_LIMIT_MS).toISOString(),
    last_seen_at: now.toISOString(),
    client_address: client.address,
    user_agent: client.userAgent?.slice(0, 500) ?? null,
  });
  return sessionCookie(request, session.id, ABSOLUTE_LIMIT_MS / 1000);
}

/** Ends the session on the server and returns the Set-Cookie that clears it in the browser. */
export async function endSession(request: Request): Promise<string> {
  const token = readSessionToken(request);
  if (token) await lucia().invalidateSession(token);
  return sessionCookie(request, "", 0);
}

/*
 * The two-factor challenge: after a right password, before the code. Its own cookie, never a session
 * cookie, so no page that asks requireUser can mistake it for a signed-in user. The token is stored hashed
 * (models/two-factor.server.ts) and lives five minutes.
 */
const HTTP_CHALLENGE_COOKIE = "tapsyrma_2fa";

function challengeCookieName(request: Request): string {
  return isSecureRequest(request) ? `__Host-${HTTP_CHALLENGE_COOKIE}` : HTTP_CHALLENGE_COOKIE;
}

export function challengeCookie(request: Request, token: string, maxAgeSeconds: number): string {
  return new Cookie(challengeCookieName(request), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecureRequest(request),
    maxAge: maxAgeSeconds,
  }).serialize();
}

export function readChallengeToken(request: Request): string | null {
  const name = challengeCookieName(request);
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || null;
  }
  return null;
}
