import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";

// Reading a server-rendered form back from its HTML, as a browser without JavaScript would submit it.

/** Text of an HTML attribute or element as the browser reads it (the entities React writes). */
export const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
export const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]) : null;
};

/** The fields a browser would post from the page's main form (the one with most fields; the header has small ones). */
export function formFields(html: string): Record<string, string> {
  const forms = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]);
  const form = forms.sort((a, b) => b.split(" name=").length - a.split(" name=").length)[0] ?? "";
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, "name");
    if (!name) continue;
    const type = attribute(tag, "type") ?? "text";
    if (type === "checkbox") {
      if (/\schecked=""/.test(tag)) fields[name] = attribute(tag, "value") ?? "on";
    } else fields[name] = attribute(tag, "value") ?? "";
  }
  for (const [, attributes, content] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    fields[attribute(attributes, "name")!] = decode(content).replace(/^\n/, "");
  }
  for (const [, attributes, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const selected = /<option\b[^>]*\sselected=""[^>]*>/.exec(options)?.[0] ?? /<option\b[^>]*>/.exec(options)?.[0] ?? "";
    fields[attribute(attributes, "name")!] = attribute(selected, "value") ?? "";
  }
  return fields;
}

/** A person's authenticator app: the TOTP code for the current 30-second step, or `offset` steps later. */
export function totp(secret: string, offset = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}
