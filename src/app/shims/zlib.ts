/**
 * `createInflateRaw` of node:zlib for the offline page, on the browser's
 * DecompressionStream('deflate-raw'): only the part src/data/zip-entries.ts uses (data,
 * end and error events, end(bytes), destroy). scripts/build-app.mjs puts it in place
 * of node:zlib in the page's bundle.
 */
type Listener = (x?: unknown) => void;

// DecompressionStream: the browser's, typed by @types/node's global of the same Web Streams API.
export function createInflateRaw() {
  const on: Record<string, Listener[]> = {};
  let stopped = false;
  const emit = (event: string, x?: unknown) => {
    for (const f of on[event] ?? []) f(x);
  };
  return {
    on(event: string, f: Listener) {
      (on[event] ??= []).push(f);
      return this;
    },
    removeAllListeners(event: string) {
      delete on[event];
      return this;
    },
    destroy() {
      stopped = true;
    },
    end(bytes: Uint8Array) {
      void (async () => {
        try {
          const ds = new DecompressionStream('deflate-raw');
          const writer = ds.writable.getWriter();
          writer.write(bytes).catch(() => {});
          writer.close().catch(() => {});
          const reader = ds.readable.getReader();
          for (;;) {
            if (stopped) {
              reader.cancel().catch(() => {});
              return;
            }
            const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
            if (done) break;
            emit('data', value);
          }
          if (!stopped) emit('end');
        } catch (e) {
          if (!stopped) emit('error', e);
        }
      })();
    },
  };
}
