/*
 * npm run -s parse-minutes -- FILE [--meeting-date YYYY-MM-DD] [--language kk|ru|en] [--directory organizations.json]
 *
 * Prints the draft minutes (JSON, 2-space indent) parsed from a UTF-8 text file, and nothing else, to stdout.
 * --meeting-date supplies the date when the text states none (relative deadlines count from it).
 * --directory is a JSON array of { "id": "…", "names": ["…", …] } to match organizations against.
 * Errors go to stderr with a non-zero exit code.
 */
import fs from "node:fs";
import { parseMinutes, type DirectoryEntry, type MinutesLanguage } from "../app/domain/minutes-parser";
import { isCalendarDate } from "../app/domain/calendar";

const USAGE = "usage: npm run -s parse-minutes -- FILE [--meeting-date YYYY-MM-DD] [--language kk|ru|en] [--directory FILE.json]";

class UsageError extends Error {}

interface Arguments {
  file: string;
  meetingDate?: string;
  language?: MinutesLanguage;
  directory?: string;
}

function parseArguments(argv: string[]): Arguments {
  const args: Partial<Arguments> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") ? (arg.split(/=(.*)/s, 2) as [string, string | undefined]) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--help" || flag === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (flag === "--meeting-date") args.meetingDate = value();
    else if (flag === "--language") args.language = value() as MinutesLanguage;
    else if (flag === "--directory") args.directory = value();
    else if (flag.startsWith("-")) throw new UsageError(`unknown option ${flag}`);
    else if (args.file === undefined) args.file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!args.file) throw new UsageError("no input file");
  if (args.meetingDate !== undefined && !isCalendarDate(args.meetingDate)) {
    throw new UsageError(`--meeting-date must be a date YYYY-MM-DD, got "${args.meetingDate}"`);
  }
  if (args.language !== undefined && !["kk", "ru", "en"].includes(args.language)) {
    throw new UsageError(`--language must be kk, ru or en, got "${args.language}"`);
  }
  return args as Arguments;
}

function readUtf8(file: string): string {
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return text.replace(/^\uFEFF/, "");
}

function readDirectory(file: string): DirectoryEntry[] {
  const data: unknown = JSON.parse(readUtf8(file));
  const valid =
    Array.isArray(data) &&
    data.every(
      (e) => typeof e === "object" && e !== null && typeof e.id === "string" && Array.isArray(e.names) && e.names.every((n: unknown) => typeof n === "string"),
    );
  if (!valid) throw new UsageError(`${file}: expected a JSON array of { "id": string, "names": string[] }`);
  return data as DirectoryEntry[];
}

function main(): number {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`parse-minutes: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  let text: string;
  let directory: DirectoryEntry[] | undefined;
  try {
    text = readUtf8(args.file);
    directory = args.directory ? readDirectory(args.directory) : undefined;
  } catch (error) {
    const message = error instanceof TypeError ? `${args.file}: not valid UTF-8` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`parse-minutes: ${message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const draft = parseMinutes(text, { meetingDate: args.meetingDate, language: args.language, directory });
  process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`parse-minutes: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
