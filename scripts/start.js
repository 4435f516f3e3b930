// `npm start`: build when the build is missing or older than the sources, then serve it in production mode.
// Migrations and demo seeding run in server.js before it listens.
import path from "node:path";
import { buildIfStale, projectRoot } from "./build-if-stale.js";

try {
  buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
process.env.NODE_ENV = "production";
await import(path.join(projectRoot, "server.js"));
