// Type definitions for jianbao (剪报), ESM entry points: `import ... from
// "jianbao"` in Node, browsers and bundlers, and `import ... from "jianbao/web"`.
// The page types and functions are in index.d.cts, shared with `require`.

export * from "./index.cjs";

/** `globalThis[K]`'s instance type where the environment declares it, else `never`. */
type Global<K extends string> = typeof globalThis extends Record<K, { prototype: infer T }> ? T : never;
type WasmModule = typeof globalThis extends { WebAssembly: { Module: { prototype: infer M } } } ? M : never;

/**
 * Where {@link init} gets the WebAssembly from: a URL (string or `URL`), a
 * `Request` / `Response` (or a promise of one, e.g. `fetch(url)`), the bytes,
 * or a compiled `WebAssembly.Module`.
 */
export type InitInput =
  | string
  | Global<"URL">
  | Global<"Request">
  | Global<"Response">
  | ArrayBuffer
  | ArrayBufferView
  | WasmModule;

/**
 * Loads the WebAssembly. The browser build (`"browser"` condition, and
 * `jianbao/web`) needs it once before any other call; with no argument it
 * fetches `jianbao_bg.wasm` next to the module. In Node and bundler builds the
 * module is ready on import and `init` resolves at once.
 */
export default function init(
  input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Like {@link init}, synchronously, from bytes or a compiled module. */
export function initSync(module: { module: ArrayBuffer | ArrayBufferView | WasmModule } | ArrayBuffer | ArrayBufferView | WasmModule): unknown;
