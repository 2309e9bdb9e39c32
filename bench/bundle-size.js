#!/usr/bin/env node
/**
 * Size of what the task pane downloads before it can draw: the scripts taskpane.html loads (office.js excluded, it
 * comes from Microsoft's CDN or dist/office-js/), raw and gzip. Lazily loaded chunks are listed separately.
 * Run after a production build:  npm run build && node bench/bundle-size.js [dist] [--check]
 * --check exits 1 when the initial JS is over the 400 KB gzip target (for CI); otherwise it only prints.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const TARGET_GZIP_BYTES = 400 * 1024;
const args = process.argv.slice(2);
const dist = path.resolve(args.find((arg) => !arg.startsWith("--")) || path.join(__dirname, "..", "dist"));
const check = args.includes("--check");

function sizes(file) {
  const bytes = fs.readFileSync(path.join(dist, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  const html = path.join(dist, "taskpane.html");
  if (!fs.existsSync(html)) {
    console.error(`${html} not found: run a production build first (npm run build)`);
    return 2;
  }
  const scripts = [...fs.readFileSync(html, "utf8").matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((match) => match[1])
    .filter((src) => !/office(\.debug)?\.js$/.test(src) && !/^https?:/.test(src));
  const initial = scripts.map(sizes);
  const lazy = fs
    .readdirSync(dist)
    .filter((file) => file.endsWith(".js") && !scripts.includes(file) && !file.startsWith("commands"))
    .map(sizes);

  const total = initial.reduce((sum, entry) => ({ raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip }), { raw: 0, gzip: 0 });
  console.log(`task pane bundle (${dist})`);
  for (const entry of initial) console.log(`  initial  ${entry.file}  ${kb(entry.raw)} raw, ${kb(entry.gzip)} gzip`);
  for (const entry of lazy) console.log(`  lazy     ${entry.file}  ${kb(entry.raw)} raw, ${kb(entry.gzip)} gzip`);
  const within = total.gzip <= TARGET_GZIP_BYTES;
  console.log(
    `initial JS without office.js: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip (target ≤ ${kb(TARGET_GZIP_BYTES)} gzip: ${within ? "within" : "OVER"})`,
  );
  return check && !within ? 1 : 0;
}

process.exitCode = main();
