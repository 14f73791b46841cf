// Starting a worker thread from the built JavaScript, or from the TypeScript sources (tests, benchmarks), where the
// worker registers tsx before loading its module.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `module` is the worker's URL as `new URL('./name.ts' or './name.js', import.meta.url)` gives it. */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  const href = JSON.stringify(module.href);
  const load = `import('tsx/esm/api').then((tsx) => tsx.register()).then(() => import(${href}))`;
  return new Worker(load, { ...options, eval: true });
}

/** The URL of a worker module beside `importMeta`'s, with the extension the caller is running from. */
export function workerModule(name: string, importMetaUrl: string): URL {
  return new URL(`./${name}${importMetaUrl.endsWith('.ts') ? '.ts' : '.js'}`, importMetaUrl);
}
