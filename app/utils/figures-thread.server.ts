import { Worker, type MessagePort } from "node:worker_threads";
import { createDatabase, type DB } from "./db.server";

/*
 * Figures over all execution data (the controller's dashboard) take most of a second at national size on SQLite,
 * and better-sqlite3 runs a query on the thread that asks for it: computed on the request thread, every other page
 * would wait behind them after each write. So the production server on SQLite computes them on a thread of its own
 * (figures-worker.js), with its own connection to the same file; the request thread only waits for the answer.
 * PostgreSQL answers over the network and needs none of this. Decision 021.
 */

/** Figures the thread computes, by name: each takes the thread's database and plain, cloneable arguments. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds figures of every signature
export type FigureRegistry = Record<string, (db: DB, ...args: any[]) => Promise<unknown>>;

type Answer = { id: number; value?: unknown; error?: string };

let thread: { worker: Worker; db: DB; waiting: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>; next: number } | null = null;

/** Starts the figures thread for `db` (the server's database) from `script`, which calls serveFigures. */
export function startFiguresThread(script: string, db: DB): void {
  const worker = new Worker(script);
  const started = { worker, db, waiting: new Map(), next: 0 };
  thread = started;
  worker.unref();
  worker.on("message", ({ id, value, error }: Answer) => {
    const waiting = started.waiting.get(id);
    if (!waiting) return;
    started.waiting.delete(id);
    if (error === undefined) waiting.resolve(value);
    else waiting.reject(new Error(error));
  });
  // A thread that fails is not restarted: figures are computed on the request thread again, slower but right.
  const fail = (error: Error) => {
    if (thread === started) {
      thread = null;
      console.error(`The figures thread stopped (${error.message}); figures are computed on the request thread from now on.`);
    }
    for (const waiting of started.waiting.values()) waiting.reject(error);
    started.waiting.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`exit code ${code}`)));
}

/** Stops the thread (the server is shutting down). */
export async function stopFiguresThread(): Promise<void> {
  const stopping = thread;
  thread = null;
  await stopping?.worker.terminate();
}

/**
 * `figures[name](db, ...args)`: on the figures thread when one serves this database, else here.
 */
export function computeFigure<Registry extends FigureRegistry, Name extends keyof Registry & string>(
  db: DB,
  figures: Registry,
  name: Name,
  ...args: Parameters<Registry[Name]> extends [DB, ...infer Rest] ? Rest : never
): ReturnType<Registry[Name]> {
  if (!thread || thread.db !== db) return figures[name](db, ...args) as ReturnType<Registry[Name]>;
  const current = thread;
  const id = current.next++;
  return new Promise((resolve, reject) => {
    current.waiting.set(id, { resolve, reject });
    current.worker.postMessage({ id, name, args });
  }) as ReturnType<Registry[Name]>;
}

/** The thread's side: answers each request with the figure computed on the thread's own connection. */
export function serveFigures(port: MessagePort, figures: FigureRegistry): void {
  const db = createDatabase(process.env.DATABASE_URL);
  port.on("message", async ({ id, name, args }: { id: number; name: string; args: unknown[] }) => {
    try {
      const figure = figures[name];
      if (!figure) throw new Error(`no figure named ${name}`);
      port.postMessage({ id, value: await figure(db, ...args) } satisfies Answer);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies Answer);
    }
  });
}
