/** Nearest-rank percentile of a list of numbers. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

export interface Latency {
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencyOf(times: readonly number[]): Latency {
  return {
    queries: times.length,
    p50: round(percentile(times, 0.5), 3),
    p95: round(percentile(times, 0.95), 3),
    p99: round(percentile(times, 0.99), 3),
    max: round(Math.max(...times), 3),
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);

/** Heap used after a full GC when available (node --expose-gc). */
export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Process peak RSS so far, bytes (resourceUsage reports kilobytes). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
