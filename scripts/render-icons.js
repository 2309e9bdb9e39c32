#!/usr/bin/env node
/**
 * Renders the add-in icons from the SVGs in assets/ with headless Chromium (playwright-core):
 * icon-small.svg → icon-16.png; icon.svg → icon-32/64/80.png. The PNGs are committed; run this after editing an SVG.
 * Usage: node scripts/render-icons.js [--chromium /usr/bin/chromium]
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const ASSETS = path.join(__dirname, "..", "assets");
const RENDERS = [
  { svg: "icon-small.svg", size: 16 },
  { svg: "icon.svg", size: 32 },
  { svg: "icon.svg", size: 64 },
  { svg: "icon.svg", size: 80 },
];

function chromiumPath(argv) {
  const flag = argv.indexOf("--chromium");
  return flag >= 0 ? argv[flag + 1] : process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

async function main() {
  const browser = await chromium.launch({
    executablePath: chromiumPath(process.argv),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const { svg, size } of RENDERS) {
      const source = fs.readFileSync(path.join(ASSETS, svg));
      const dataUrl = `data:image/svg+xml;base64,${source.toString("base64")}`;
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img id="icon" src="${dataUrl}" width="${size}" height="${size}"></body></html>`,
      );
      await page.waitForFunction(() => document.getElementById("icon").complete);
      const out = path.join(ASSETS, `icon-${size}.png`);
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      console.log(`${path.relative(process.cwd(), out)}  ${size}×${size}  from ${svg}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`render-icons: ${error.stack || error}`);
  process.exitCode = 1;
});
