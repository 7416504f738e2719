// structtree.mjs prints the structure tree of each page of a PDF as pdf.js
// (Firefox) reads it, through getStructTree, for handbill's tagged-PDF
// test (structtree_test.go). Usage:
//
//	node structtree.mjs FILE.pdf
//
// The answer, on standard output, is a list per page of the tree's
// elements in reading order, depth first: {"role", "depth", "alt", "lang",
// "content"} (content: how many marked-content items the element holds
// directly).

import { readFileSync } from "node:fs";

const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await lib.getDocument({ data, verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const tree = await page.getStructTree();
  const out = [];
  const walk = (node, depth) => {
    if (!node || node.type === "content" || node.type === "object" || node.type === "annotation") return;
    const content = (node.children || []).filter((c) => c.type === "content").length;
    out.push({ role: node.role, depth, alt: node.alt || "", lang: node.lang || "", content });
    for (const c of node.children || []) walk(c, depth + 1);
  };
  walk(tree, 0);
  pages.push(out);
}
await doc.destroy();
process.stdout.write(JSON.stringify(pages));
