'use strict';
/**
 * How this repository's scripts run TypeScript (package.json: node --require ./course/cli/typescript.cjs
 * scripts/…): tsx's CommonJS hook compiles our .ts files, and the packages in node_modules, plain
 * CommonJS, go straight to Node's own loader. tsx would scan each of them for ESM syntax first with
 * its JavaScript lexer (chart.js alone is 0.4 MB): 50 ms of the 0.85 s of `npm run train:neuron`
 * here. One process, not tsx's command line, which starts a second node under the first (0.2 s)
 * and relays Ctrl-C to it with a SIGKILL after 60 ms, which no cleanup survives.
 */
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, run before any TypeScript */
const Module = require('node:module');
const path = require('node:path');

const extensions = Module._extensions;
const nodeLoaders = { '.js': extensions['.js'], '.cjs': extensions['.cjs'] };
require('tsx/cjs');
const packages = `${path.sep}node_modules${path.sep}`;
for (const [extension, nodeLoader] of Object.entries(nodeLoaders)) {
  const tsxLoader = extensions[extension];
  if (nodeLoader === undefined || tsxLoader === nodeLoader) continue;
  extensions[extension] = function load(module, filename) {
    return (filename.includes(packages) ? nodeLoader : tsxLoader).call(this, module, filename);
  };
}
