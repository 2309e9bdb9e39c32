#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist-cli (built by `npm install` through the prepare script).
require("../dist-cli/src/cli/main.js").runFromCommandLine();
