import { v7 as uuidv7 } from "uuid";

/** Time-ordered ids (UUIDv7): made by the app, so every engine stores them the same way. */
export function newId(): string {
  return uuidv7();
}

/** The one timestamp format stored everywhere: ISO-8601 UTC with milliseconds. */
export function timestamp(at: Date = new Date()): string {
  return at.toISOString();
}
