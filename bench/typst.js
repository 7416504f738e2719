// typst.js compiles the comparison poster with Typst, in-process under node
// through @myriaddreamin/typst-ts-node-compiler (which embeds Typst).
//
//   node typst.js --typ poster.typ --fonts a.ttf,b.ttc --out poster.pdf [--n 50] [--evict]
//
// With --n it compiles once to warm up, then n more times, and prints the
// mean milliseconds per document (compile + PDF export). --evict clears
// Typst's memoization cache before each timed compile (a document unlike
// the last one). --version prints the embedded Typst's version.
'use strict';
const fs = require('fs');
const path = require('path');

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (!a.startsWith('--')) throw new Error('unexpected argument ' + a);
  const key = a.slice(2);
  if (key === 'evict' || key === 'version') args[key] = true;
  else args[key] = process.argv[++i];
}

const modules = process.env.TYPST_TS_MODULES || path.join(__dirname, 'node_modules');
const { NodeCompiler } = require(path.join(modules, '@myriaddreamin/typst-ts-node-compiler'));

const fontPaths = args.fonts ? args.fonts.split(',') : [];
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths }] });

if (args.version) {
  const q = compiler.query({ mainFileContent: '#metadata(str(sys.version)) <v>' }, { selector: '<v>' });
  console.log(q[0].value);
  process.exit(0);
}

const src = fs.readFileSync(args.typ, 'utf8');
function build() {
  const res = compiler.compile({ mainFileContent: src });
  const err = res.takeError();
  if (err) {
    res.printErrors();
    throw new Error('typst: compilation failed');
  }
  const warn = res.takeWarnings();
  if (warn && process.env.TYPST_WARNINGS) res.printDiagnostics();
  return compiler.pdf(res.result);
}

let pdf = build();
const n = Number(args.n || 0);
if (n > 0) {
  let total = 0n;
  for (let i = 0; i < n; i++) {
    if (args.evict) compiler.evictCache(0);
    const t = process.hrtime.bigint();
    pdf = build();
    total += process.hrtime.bigint() - t;
  }
  console.log((Number(total) / 1e6 / n).toFixed(3));
}
if (args.out) fs.writeFileSync(args.out, pdf);
