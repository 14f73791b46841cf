// Counts the renderer's API calls (requests whose path starts with /api/) and the bytes of their responses,
// so each benchmarked action can report how many round trips it cost.
import type { Page, Request } from 'playwright-core';

interface ApiCall {
  op: string;
  finished: boolean;
  bytes: number;
}

export interface TrafficSummary {
  requests: number;
  bytes: number;
  ops: Record<string, number>;
  /** Calls left out of `requests` because they are reads of their own, not part of the action (by operation). */
  apart?: Record<string, number>;
}

export class ApiTraffic {
  private readonly calls: ApiCall[] = [];
  private readonly open = new Map<Request, ApiCall>();
  private lastActivity = Date.now();

  constructor(page: Page) {
    page.on('request', (request) => this.started(request));
    page.on('requestfinished', (request) => void this.finished(request));
    page.on('requestfailed', (request) => void this.finished(request));
  }

  /** A point in the traffic to count from. */
  mark(): number {
    return this.calls.length;
  }

  /** The calls since `mark`; those of the operations in `apart` are counted separately. */
  summarySince(mark: number, apart: readonly string[] = []): TrafficSummary {
    const all = this.calls.slice(mark);
    const calls = all.filter((c) => !apart.includes(c.op));
    const summary: TrafficSummary = {
      requests: calls.length,
      bytes: calls.reduce((n, c) => n + c.bytes, 0),
      ops: countByOp(calls),
    };
    if (calls.length < all.length) summary.apart = countByOp(all.filter((c) => apart.includes(c.op)));
    return summary;
  }

  /** Resolves once no API call is in flight and none has started or ended for `quietMs` (or at the timeout). */
  async settled(quietMs = 400, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.open.size === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private started(request: Request): void {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith('/api/')) return;
    const call = { op: decodeURIComponent(path.slice(5)), finished: false, bytes: 0 };
    this.calls.push(call);
    this.open.set(request, call);
    this.lastActivity = Date.now();
  }

  private async finished(request: Request): Promise<void> {
    const call = this.open.get(request);
    if (!call) return;
    try {
      call.bytes = (await request.sizes()).responseBodySize;
    } catch {
      const response = await request.response().catch(() => null);
      call.bytes = Number(response?.headers()['content-length'] ?? 0);
    }
    call.finished = true;
    this.open.delete(request);
    this.lastActivity = Date.now();
  }
}

function countByOp(calls: ApiCall[]): Record<string, number> {
  const ops: Record<string, number> = {};
  for (const call of calls) ops[call.op] = (ops[call.op] ?? 0) + 1;
  return ops;
}
