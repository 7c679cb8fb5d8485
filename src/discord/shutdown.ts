/** The part of `process` that shutdown needs, so tests can pass a stand-in. */
export interface ShutdownProcess {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code?: number): unknown;
}

/**
 * On SIGINT or SIGTERM: calls stop() once (destroying the client), then exits 0 (1 if stop
 * failed). A second signal while stopping is ignored. Returns a function that uninstalls.
 */
export function installShutdown(stop: () => Promise<void>, processLike: ShutdownProcess = process): () => void {
  let stopping = false;
  const onSignal = (): void => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => processLike.exit(0),
      () => processLike.exit(1),
    );
  };
  processLike.on('SIGINT', onSignal);
  processLike.on('SIGTERM', onSignal);
  return () => {
    processLike.off('SIGINT', onSignal);
    processLike.off('SIGTERM', onSignal);
  };
}
