// node --require test/support/load-probe.cjs ...: at exit, prints what the process loaded, as one
// JSON line on stderr: Node's built-in modules, and every CommonJS file compiled (require.cache
// alone misses files a loader later removes from it, as src/emit/pptx-load.ts does).
const Module = require('node:module');
const files = [];
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  files.push(filename);
  return compile.call(this, content, filename);
};
process.once('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  process.stderr.write(`load-probe=${JSON.stringify({ builtins, files })}\n`);
});
