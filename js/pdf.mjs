// PDF input for the npm package and the web page: pdf.js reads each page's
// text items (their transforms and font sizes); this module only converts
// them into positioned lines, `{ text, x, y, w, h, size, page }`, and hands
// each page's lines to the WebAssembly parser's `parseLayout`, which joins
// fragments into lines, undoes fake bold, finds the reading order and
// parses. Copied into pkg/ by scripts/build-wasm.mjs.

/** The share of the type size above the baseline a line's box starts at. */
const ASCENT = 0.88;

/** Bytes as a fresh Uint8Array (pdf.js takes over the buffer it is given). */
function bytesOf(input) {
  if (input instanceof Uint8Array) return new Uint8Array(input); // a copy, and a plain one (not a Buffer)
  if (input instanceof ArrayBuffer) return new Uint8Array(input.slice(0));
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength));
  throw new TypeError("jianbao: parsePdf: bytes must be a Uint8Array, an ArrayBuffer or a typed array");
}

/**
 * A page's text content as positioned lines: page units, origin at the top
 * left, y down; the type size is the text matrix's vertical scale.
 */
export function linesOfTextContent(content, view, page) {
  const top = view[3];
  const lines = [];
  for (const item of content.items) {
    if (typeof item.str !== "string" || item.str.trim() === "") continue;
    const [a, b, c, d, e, f] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    if (!(size > 0)) continue;
    lines.push({ text: item.str, x: e - view[0], y: top - f - size * ASCENT, w: item.width, h: size, size, page });
  }
  return lines;
}

/**
 * Reads a PDF's pages with pdf.js (`lib`, the pdf.js module): yields
 * `{ number, count, lines }` for each page in turn, its text as positioned
 * lines. `cMapUrl` is where pdf.js finds the character maps of CJK fonts
 * that are not embedded (served from the page's own origin in a browser).
 */
export async function* pdfPages(lib, bytes, cMapUrl) {
  const doc = await lib.getDocument({
    data: bytesOf(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  }).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = linesOfTextContent(content, page.view, n);
      page.cleanup();
      yield { number: n, count: doc.numPages, lines };
    }
  } finally {
    await doc.destroy();
  }
}

/**
 * `parsePdf(bytes, options?)` over a `parseLayout` and a loader of pdf.js
 * (resolving to `{ lib, cMapUrl }`). Options: the parser's (`keepAds`,
 * `spans`), plus `pdfjs` (a pdf.js module to use instead of loading one),
 * `cMapUrl` (with `pdfjs`: where its character maps are) and
 * `onPage(result, number, count)` (called as each page is parsed, before
 * the next is read). Resolves to one `{ number, text, page }` per page.
 */
export function makeParsePdf(parseLayout, loadPdfjs) {
  return async function parsePdf(bytes, options) {
    const { pdfjs, cMapUrl, onPage, ...parserOptions } = options ?? {};
    bytesOf(bytes); // type check before anything loads
    const { lib, cMapUrl: maps } = pdfjs ? { lib: pdfjs, cMapUrl } : await loadPdfjs();
    const results = [];
    for await (const { number, count, lines } of pdfPages(lib, bytes, maps)) {
      const result = parseLayout(lines, parserOptions);
      result.number = number;
      results.push(result);
      if (onPage) await onPage(result, number, count);
    }
    return results;
  };
}
