// extract.mjs reads PDFs back with a real PDF reader, for handbill's tests
// (readers_test.go runs it). Usage:
//
//	node extract.mjs READER < jobs.json
//
// READER is pdfjs (Mozilla's pdf.js, the reader of Firefox and of most web
// viewers), pdfium (Google's PDFium, the reader of Chrome, compiled to
// WebAssembly) or mupdf (Artifex's MuPDF, compiled to WebAssembly). jobs.json
// is a list of {"pdf": PATH, "find": [STRING…]}; the answer, on standard
// output, is a list of {"pdf", "pages": [TEXT…], "found": [BOOL…], "error"}
// in the same order: each page's text as the reader extracts it, and
// whether the reader's own search finds each string in the document.
//
// - pdf.js: a page's text is its getTextContent() items joined the way
//   Firefox's find bar joins them (an item's text, then a line break where
//   the item ends a line); the search is Firefox's own, PDFFindController
//   of pdf.js's viewer, with Firefox's defaults (not case sensitive, not
//   whole words, diacritics ignored). pdf.js also answers "tree": per page,
//   the structure tree as getStructTree gives it (what Firefox gives
//   screen readers), its elements in reading order, depth first:
//   {"role", "depth", "alt", "lang", "content"} (content: how many
//   marked-content items the element holds directly).
// - PDFium: FPDFText_GetText over the page's characters; the search is
//   FPDFText_FindStart / FPDFText_FindNext.
// - MuPDF: the page's structured text (toStructuredText().asText()); the
//   search is Page.search.
//
// The packages come from npm (package.json beside this file); .ci/run
// installs them into node_modules here.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const reader = process.argv[2];
const jobs = JSON.parse(readFileSync(0, "utf8"));
const readers = { pdfjs, pdfium, mupdf };
if (!readers[reader]) {
  console.error(`extract.mjs: unknown reader ${reader}: pdfjs, pdfium or mupdf`);
  process.exit(2);
}
const read = await readers[reader]();
const out = [];
for (const job of jobs) {
  try {
    out.push({ pdf: job.pdf, ...(await read(readFileSync(job.pdf), job.find || [])) });
  } catch (e) {
    out.push({ pdf: job.pdf, pages: [], found: [], error: String(e && e.stack || e) });
  }
}
process.stdout.write(JSON.stringify(out));

async function pdfjs() {
  const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // The viewer module (for Firefox's find) expects pdf.js as a global and
  // touches a DOM when it loads; a stand-in that absorbs every use is
  // enough, as finding draws nothing.
  globalThis.pdfjsLib = lib;
  const anything = () => new Proxy(function () {}, {
    get: (_, k) => (k === Symbol.toPrimitive ? () => "" : anything()),
    apply: () => anything(),
    set: () => true,
  });
  globalThis.document ??= anything();
  globalThis.window ??= { requestAnimationFrame: (f) => setTimeout(f, 0) };
  const viewer = await import("pdfjs-dist/legacy/web/pdf_viewer.mjs");
  return async (data, finds) => {
    const doc = await lib.getDocument({ data: new Uint8Array(data), verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
    const pages = [];
    const tree = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const tc = await page.getTextContent();
      pages.push(tc.items.map((it) => it.str + (it.hasEOL ? "\n" : "")).join(""));
      tree.push(structTree(await page.getStructTree()));
    }
    const found = [];
    for (const q of finds) {
      found.push((await firefoxFind(viewer, doc, q)) > 0);
    }
    await doc.destroy();
    return { pages, found, tree };
  };
}

// structTree flattens a page's structure tree (getStructTree) into its
// elements in reading order, depth first.
function structTree(root) {
  const out = [];
  const walk = (node, depth) => {
    if (!node || node.type === "content" || node.type === "object" || node.type === "annotation") return;
    const content = (node.children || []).filter((c) => c.type === "content").length;
    out.push({ role: node.role, depth, alt: node.alt || "", lang: node.lang || "", content });
    for (const c of node.children || []) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}

// firefoxFind returns how many matches Firefox's find bar reports for q.
function firefoxFind(viewer, doc, q) {
  const eventBus = new viewer.EventBus();
  const linkService = { pagesCount: doc.numPages, page: 1 };
  const fc = new viewer.PDFFindController({ linkService, eventBus });
  fc.setDocument(doc);
  return new Promise((resolve) => {
    let done = false;
    const finish = (n) => {
      if (!done) {
        done = true;
        resolve(n);
      }
    };
    eventBus._on("updatefindmatchescount", ({ matchesCount }) => {
      // Sent as pages are searched; the last one, after every page, counts all.
      if (fc._pageMatches.filter((m) => m !== undefined).length === doc.numPages || matchesCount.total > 0) {
        finish(matchesCount.total);
      }
    });
    eventBus._on("updatefindcontrolstate", ({ state, matchesCount }) => {
      if (state === viewer.FindState.NOT_FOUND) finish(0);
      else if (state === viewer.FindState.FOUND && matchesCount?.total > 0) finish(matchesCount.total);
    });
    eventBus.dispatch("find", {
      source: null, type: "again", query: q, caseSensitive: false, entireWord: false,
      highlightAll: true, findPrevious: false, matchDiacritics: false,
    });
    setTimeout(() => finish(fc._pageMatches.reduce((n, m) => n + (m ? m.length : 0), 0)), 5000);
  });
}

async function pdfium() {
  const require = createRequire(import.meta.url);
  const { init } = await import("@embedpdf/pdfium");
  const wasmBinary = readFileSync(require.resolve("@embedpdf/pdfium/pdfium.wasm"));
  const p = await init({ wasmBinary });
  p.PDFiumExt_Init();
  const m = p.pdfium;
  const heap = () => new Uint8Array(m.wasmExports.memory ? m.wasmExports.memory.buffer : m.HEAPU8.buffer);
  const utf16 = (s) => {
    const n = (s.length + 1) * 2;
    const ptr = m.wasmExports.malloc(n);
    m.stringToUTF16(s, ptr, n);
    return ptr;
  };
  return async (data, finds) => {
    const buf = m.wasmExports.malloc(data.length);
    heap().set(data, buf);
    const doc = p.FPDF_LoadMemDocument(buf, data.length, "");
    if (!doc) {
      m.wasmExports.free(buf);
      throw new Error(`PDFium cannot open the file (error ${p.FPDF_GetLastError()})`);
    }
    const pages = [];
    const found = finds.map(() => false);
    for (let i = 0, n = p.FPDF_GetPageCount(doc); i < n; i++) {
      const page = p.FPDF_LoadPage(doc, i);
      const tp = p.FPDFText_LoadPage(page);
      const count = p.FPDFText_CountChars(tp);
      const out = m.wasmExports.malloc((count + 1) * 2);
      const got = p.FPDFText_GetText(tp, 0, count, out);
      pages.push(got > 0 ? m.UTF16ToString(out, (got - 1) * 2) : "");
      m.wasmExports.free(out);
      finds.forEach((q, k) => {
        const what = utf16(q);
        const h = p.FPDFText_FindStart(tp, what, 0, 0);
        if (h) {
          if (p.FPDFText_FindNext(h)) found[k] = true;
          p.FPDFText_FindClose(h);
        }
        m.wasmExports.free(what);
      });
      p.FPDFText_ClosePage(tp);
      p.FPDF_ClosePage(page);
    }
    p.FPDF_CloseDocument(doc);
    m.wasmExports.free(buf);
    return { pages, found };
  };
}

async function mupdf() {
  const lib = await import("mupdf");
  return async (data, finds) => {
    const doc = lib.Document.openDocument(data, "application/pdf");
    const pages = [];
    const found = finds.map(() => false);
    for (let i = 0, n = doc.countPages(); i < n; i++) {
      const page = doc.loadPage(i);
      const st = page.toStructuredText("preserve-whitespace");
      pages.push(st.asText());
      finds.forEach((q, k) => {
        if (st.search(q).length > 0) found[k] = true;
      });
      st.destroy?.();
      page.destroy?.();
    }
    doc.destroy?.();
    return { pages, found };
  };
}
