// The figures thread (app/utils/figures-thread.server.ts): loads the production build and answers figure requests
// from the server's request thread, on a database connection of its own.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/server/index.js"));
build.entry.module.serveFigures(parentPort);
