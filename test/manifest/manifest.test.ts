import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const VALIDATOR = join(ROOT, "scripts", "validate-manifest.js");
const ASSET_BASE = "https://localhost:3000/assets/";
const xml = readFileSync(MANIFEST, "utf8");

function validate(args: string[]) {
  return spawnSync(process.execPath, [VALIDATOR, ...args], { cwd: ROOT, encoding: "utf8" });
}

function hasSystemXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${path} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetFile(url: string): string {
  expect(url.startsWith(ASSET_BASE)).toBe(true);
  return join(ROOT, "assets", url.slice(ASSET_BASE.length));
}

describe("manifest.xml validation script", () => {
  const engines = hasSystemXmllint() ? ["xmllint", "wasm"] : ["wasm"];

  test.each(engines)("valid against the add-in XSDs with %s", (engine) => {
    const run = validate(["--engine", engine]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("manifest.xml: valid");
  });

  describe("broken copies", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "manifest-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test.each(engines)("an element out of schema fails with %s, naming the file and line", (engine) => {
      const broken = join(dir, `no-permissions-${engine}.xml`);
      writeFileSync(broken, xml.replace("<Permissions>ReadWriteDocument</Permissions>", ""));
      const run = validate([broken, "--engine", engine]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(broken);
      expect(run.stderr).toMatch(/:\d+:.*VersionOverrides.*not expected/);
    });

    test("a resid with no resource fails even though the XSDs allow it", () => {
      const broken = join(dir, "dangling-resid.xml");
      writeFileSync(broken, xml.replace('resid="Taskpane.Url"', 'resid="Missing.Url"'));
      const run = validate([broken]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('resid "Missing.Url" is not declared');
    });

    test("the input file is left untouched", () => {
      const copy = join(dir, "copy.xml");
      copyFileSync(MANIFEST, copy);
      validate([copy]);
      expect(readFileSync(copy, "utf8")).toBe(xml);
    });
  });
});

describe("manifest.xml content", () => {
  const resourceUrl = (id: string) => {
    const match = new RegExp(`<bt:Image id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]+)"`).exec(xml);
    if (!match) throw new Error(`no bt:Image ${id}`);
    return match[1];
  };

  test("every ribbon icon exists in assets/ at the size it is declared for", () => {
    const uses = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, size, resid] of uses) {
      expect({ resid, ...pngSize(assetFile(resourceUrl(resid))) }).toEqual({ resid, width: Number(size), height: Number(size) });
    }
  });

  test("IconUrl is 32 px, HighResolutionIconUrl 64 px, and all four sizes are shipped", () => {
    const icon = /<IconUrl DefaultValue="([^"]+)"/.exec(xml)![1];
    const highRes = /<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml)![1];
    expect(pngSize(assetFile(icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(highRes))).toEqual({ width: 64, height: 64 });
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  test("Excel task pane with ExcelApi 1.7, ReadWriteDocument, zh-CN default, opened from the Home tab", () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  test("every user-visible string has an en-US override", () => {
    const strings = [...xml.matchAll(/<(?:bt:String id="[^"]+"|DisplayName|Description) DefaultValue="[^"]*">([\s\S]*?)<\/(?:bt:String|DisplayName|Description)>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const [whole, body] of strings) expect({ whole, override: /Override Locale="en-US"/.test(body) }).toMatchObject({ override: true });
  });
});
