#!/usr/bin/env node
// CommonJS (bin/package.json): src/cli/entry.ts says why.
require('../dist/cli/entry.cjs').start();
