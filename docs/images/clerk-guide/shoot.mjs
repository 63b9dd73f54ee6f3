// Screenshots for docs/clerk-guide.md: serves each built site folder on 127.0.0.1 and photographs
// part of a page in headless Chromium (puppeteer-core from tests/browser), at 1280 px wide,
// from the top of one element to the bottom of another, with every <details> opened.
// Usage: node shoot.mjs SHOTS.json OUT_DIR
//   SHOTS.json: [{"site": dir, "path": "/committees/x/", "from": css, "to": css, "file": "name.png"}]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../../tests/browser/package.json"));
const puppeteer = require("puppeteer-core");
const [shotsFile, outDir] = process.argv.slice(2);
const shots = JSON.parse(fs.readFileSync(shotsFile, "utf8"));

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };
function serve(root) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      let file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
      if (!file.startsWith(root) || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
      res.end(fs.readFileSync(file));
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--font-render-hinting=none"],
});
try {
  for (const shot of shots) {
    const server = await serve(path.resolve(shot.site));
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`http://127.0.0.1:${server.address().port}${shot.path}`, { waitUntil: "load" });
      const clip = await page.evaluate((from, to) => {
        document.querySelectorAll("details").forEach((d) => (d.open = true));
        const a = document.querySelector(from);
        const b = document.querySelector(to || from);
        if (!a || !b) return null;
        const top = a.getBoundingClientRect().top + window.scrollY - 16;
        const bottom = b.getBoundingClientRect().bottom + window.scrollY + 16;
        return { x: 144, y: Math.max(0, top), width: 880, height: bottom - Math.max(0, top) };
      }, shot.from, shot.to);
      if (!clip) throw new Error(`${shot.file}: no ${shot.from} or ${shot.to} on ${shot.path}`);
      await page.screenshot({ path: path.join(outDir, shot.file), clip, captureBeyondViewport: true });
      console.log(`${shot.file}: ${shot.path} ${Math.round(clip.height)} px high`);
      await page.close();
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
}
