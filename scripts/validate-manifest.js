#!/usr/bin/env node
/**
 * Offline check of an add-in XML manifest: structure against Microsoft's XSDs (schemas/addin-manifest in this
 * repository, see its README) with the system xmllint when present, else the xmllint-wasm package; then the one thing the XSDs
 * cannot see, that every resid points at a resource declared in <Resources>.
 * (`office-addin-manifest validate` would post the file to an online service, which intranets often cannot reach.)
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--engine xmllint|wasm] [--schemas DIR]
 * Exit 0 valid, 1 invalid, 2 could not check.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.join(__dirname, "..");
const DEFAULT_SCHEMAS = path.join(ROOT, "schemas", "addin-manifest");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

function parseArgs(argv) {
  const options = { manifest: path.join(ROOT, "manifest.xml"), engine: "auto", schemas: process.env.MANIFEST_SCHEMAS || DEFAULT_SCHEMAS };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--engine") options.engine = argv[++i];
    else if (argv[i] === "--schemas") options.schemas = argv[++i];
    else options.manifest = path.resolve(argv[i]);
  }
  return options;
}

function hasSystemXmllint() {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return probe.status === 0;
}

function validateWithXmllint(manifest, schemas) {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", path.join(schemas, MAIN_SCHEMA), manifest], {
    encoding: "utf8",
  });
  if (run.error) throw run.error;
  const errors = run.stderr
    .split("\n")
    .filter((line) => line.trim() !== "" && !/ validates$/.test(line));
  return run.status === 0 ? [] : errors.length > 0 ? errors : [`xmllint exited with status ${run.status}`];
}

async function validateWithWasm(manifest, schemas) {
  const { validateXML } = require("xmllint-wasm");
  const xsds = fs.readdirSync(schemas).filter((name) => name.endsWith(".xsd"));
  const result = await validateXML({
    xml: [{ fileName: path.basename(manifest), contents: fs.readFileSync(manifest, "utf8") }],
    schema: [{ fileName: MAIN_SCHEMA, contents: fs.readFileSync(path.join(schemas, MAIN_SCHEMA), "utf8") }],
    preload: xsds
      .filter((name) => name !== MAIN_SCHEMA)
      .map((name) => ({ fileName: name, contents: fs.readFileSync(path.join(schemas, name), "utf8") })),
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage || error.message);
}

/** resid="X" must match an id="X" inside <Resources> (Office refuses the add-in at load time otherwise). */
function missingResources(xml) {
  const resourcesStart = xml.indexOf("<Resources>");
  const resources = resourcesStart >= 0 ? xml.slice(resourcesStart) : "";
  const declared = new Set([...resources.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]));
  const lines = xml.split("\n");
  const problems = [];
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/\bresid="([^"]+)"/g)) {
      if (!declared.has(match[1])) problems.push(`line ${index + 1}: resid "${match[1]}" is not declared in <Resources>`);
    }
  });
  return problems;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const relative = path.relative(process.cwd(), options.manifest);
  const name = relative && !relative.startsWith("..") ? relative : options.manifest;
  if (!fs.existsSync(options.manifest)) {
    console.error(`${name}: file not found`);
    return 2;
  }
  if (!fs.existsSync(path.join(options.schemas, MAIN_SCHEMA))) {
    console.error(`${name}: schemas not found in ${options.schemas} (set --schemas or MANIFEST_SCHEMAS)`);
    return 2;
  }
  const engine = options.engine === "auto" ? (hasSystemXmllint() ? "xmllint" : "wasm") : options.engine;
  if (engine !== "xmllint" && engine !== "wasm") {
    console.error(`unknown --engine ${engine} (xmllint or wasm)`);
    return 2;
  }
  const schemaErrors =
    engine === "xmllint"
      ? validateWithXmllint(options.manifest, options.schemas)
      : await validateWithWasm(options.manifest, options.schemas);
  const problems = [...schemaErrors, ...missingResources(fs.readFileSync(options.manifest, "utf8"))];
  if (problems.length > 0) {
    console.error(`${name}: invalid (${engine})`);
    for (const problem of problems) console.error(`  ${problem}`);
    return 1;
  }
  console.log(`${name}: valid (${engine}, ${MAIN_SCHEMA})`);
  return 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(`validate-manifest: ${error.stack || error}`);
    process.exitCode = 2;
  },
);
