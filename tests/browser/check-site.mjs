#!/usr/bin/env node
// Browser checks for a built Quorum site.
//
//   node check-site.mjs SITE_DIR [SCREENSHOT_DIR]
//
// Serves SITE_DIR on 127.0.0.1 (a random free port), then, in Debian's headless Chromium:
//   - loads every .html page, requires HTTP 200, no failed requests and no script errors;
//   - runs axe-core on every page with the WCAG 2.0/2.1/2.2 A and AA rules;
//   - validates every page with html-validate (html-validate.config.mjs);
//   - tabs through a meeting page: skip link, focus to <main>, on to the agenda, with a
//     visible focus indicator on every stop;
//   - if SCREENSHOT_DIR is given, writes screenshots of five kinds of page at 320 px and
//     1280 px wide (full page), plus README-sized viewport shots in SCREENSHOT_DIR/readme/.
// Prints every problem, a summary, and a last line "browser: N passed, M failed".
// Exits 0 only when every check passed; 1 on failures; 2 on usage errors or a time-out.
//
// Environment: CHROMIUM (default /usr/bin/chromium), BROWSER_TEST_TIMEOUT (seconds for the
// whole run, default 600), BROWSER_TEST_TABS (pages checked in parallel, default 4).

import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { HtmlValidate } from "html-validate";
import htmlValidateConfig from "./html-validate.config.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

// ------------------------------------------------------------------ settings

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const RUN_TIMEOUT_MS = 1000 * Number(process.env.BROWSER_TEST_TIMEOUT || 600);
const TABS = Math.max(1, Number(process.env.BROWSER_TEST_TABS || Math.min(4, os.availableParallelism?.() ?? os.cpus().length)));
const NAV_TIMEOUT_MS = 30_000;
const MAX_TABS_TO_AGENDA = 40;

const KEYBOARD_PAGE = "/committees/thurrock-hwb/2017-09-08/";
const SCREENSHOT_PAGES = [
  ["home", "/"],
  ["committee", "/committees/thurrock-hwb/"],
  ["meeting", "/committees/thurrock-hwb/2017-09-08/"],
  ["minutes", "/committees/thurrock-hwb/2017-09-08/minutes/"],
  ["person", "/people/ian-wake/"],
];
const SCREENSHOT_WIDTHS = [320, 1280];
// Viewport-sized (not full-page) shots for the README, kept small.
const README_SHOTS = [
  ["home-desktop", "/", 1280, 1400],
  ["meeting-desktop", "/committees/thurrock-hwb/2017-09-08/", 1280, 1400],
  ["meeting-mobile", "/committees/thurrock-hwb/2017-09-08/", 320, 1400],
  ["minutes-desktop", "/committees/thurrock-hwb/2017-09-08/minutes/", 1280, 1400],
];

// ------------------------------------------------------------------- results

let passed = 0;
let failed = 0;
const problems = []; // every failure, one line each, printed as they happen and at the end
let stopping = false; // set by the time-out: the checks still running are not reported


function pass() {
  passed += 1;
}

function fail(line) {
  if (stopping) return;
  failed += 1;
  problems.push(line);
  console.log(`FAIL ${line}`);
}

// ------------------------------------------------------------------- helpers

function usage(message) {
  if (message) console.error(`check-site: ${message}`);
  console.error("usage: node check-site.mjs SITE_DIR [SCREENSHOT_DIR]");
  process.exit(2);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function listHtml(root) {
  const out = [];
  async function walk(dir) {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && e.name.endsWith(".html")) out.push(full);
    }
  }
  await walk(root);
  return out.sort();
}

// A file's address: /x/index.html is served (and linked) as /x/.
function urlPathOf(root, file) {
  const rel = path.relative(root, file).split(path.sep).join("/");
  if (rel === "index.html") return "/";
  if (rel.endsWith("/index.html")) return `/${rel.slice(0, -"index.html".length)}`;
  return `/${rel}`;
}

// ---------------------------------------------------------------- the server

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".woff2": "font/woff2",
  ".csv": "text/csv; charset=utf-8",
};

function startServer(root) {
  const rootReal = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    const send = (status, file) => {
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
      // Cacheable for the length of a run: every page asks for the same stylesheet and
      // axe-core, and Chromium keeps the compiled axe-core for the next page.
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "max-age=600" });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file).on("error", () => res.destroy()).pipe(res);
    };
    const notFound = () => {
      const page404 = path.join(rootReal, "404.html");
      if (fs.existsSync(page404)) return send(404, page404);
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found");
    };
    if (req.url === AXE_URL) return send(200, axePath);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" });
      return res.end();
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    if (pathname.includes("\0")) {
      res.writeHead(400);
      return res.end();
    }
    let file = path.join(rootReal, pathname);
    if (file !== rootReal && !file.startsWith(rootReal + path.sep)) return notFound();
    if (pathname.endsWith("/")) file = path.join(file, "index.html");
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return notFound();
    }
    if (stat.isDirectory()) {
      // /x is a folder: send the browser to /x/, as a web server would.
      res.writeHead(301, { Location: `${pathname}/` });
      return res.end();
    }
    send(200, file);
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 1_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function stopServer(server) {
  if (!server) return Promise.resolve();
  return withTimeout(
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    }),
    5_000,
    "closing the server",
  ).catch(() => {});
}

// ---------------------------------------------------------------- the checks

// axe-core is served by the test server from this address (outside any site's paths), so
// that Chromium compiles it once and not once per page.
const axePath = require.resolve("axe-core/axe.min.js");
const AXE_URL = "/.quorum-browser-test/axe.min.js";

async function openPage(browserOrContext) {
  const page = await browserOrContext.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
  await page.setViewport({ width: 1280, height: 900 });
  return page;
}

// Load a page, recording HTTP errors, failed sub-requests and script errors.
async function load(page, base, urlPath) {
  const errors = [];
  const onResponse = (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url().replace(base, "")}`);
  };
  const onFailed = (r) => errors.push(`request failed: ${r.url().replace(base, "")} (${r.failure()?.errorText})`);
  const onPageError = (e) => errors.push(`script error: ${e.message}`);
  const onConsole = (m) => {
    // (a failed request is reported above, with its address)
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
      errors.push(`console error: ${m.text()}`);
    }
  };
  page.on("response", onResponse);
  page.on("requestfailed", onFailed);
  page.on("pageerror", onPageError);
  page.on("console", onConsole);
  try {
    const response = await page.goto(base + urlPath, { waitUntil: "load" });
    if (!response) errors.push("no response");
    else if (response.status() !== 200 && !urlPath.endsWith("404.html")) {
      // (404.html itself is fetched directly and comes back 200)
      errors.push(`HTTP ${response.status()}`);
    }
  } finally {
    page.off("response", onResponse);
    page.off("requestfailed", onFailed);
    page.off("pageerror", onPageError);
    page.off("console", onConsole);
  }
  return [...new Set(errors)];
}

async function runAxe(page, base) {
  await page.addScriptTag({ url: base + AXE_URL });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations", "incomplete"],
    });
    const fmt = (t) => (Array.isArray(t) ? t.join(" >>> ") : t);
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(fmt).join(" "), impact: n.impact || v.impact })),
      })),
      incomplete: result.incomplete.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.map(fmt).join(" ")) })),
    };
  }, AXE_TAGS);
}

async function checkPages(browser, base, root, pages, htmlvalidate, stats) {
  const queue = [...pages];
  async function worker() {
    const page = await openPage(browser);
    try {
      while (queue.length) {
        const file = queue.shift();
        const urlPath = urlPathOf(root, file);
        stats.pages += 1;

        // 1. it loads, with everything it asks for
        let loaded = false;
        let t = Date.now();
        try {
          const errors = await load(page, base, urlPath);
          if (errors.length) errors.forEach((e) => fail(`${urlPath}: load: ${e}`));
          else pass();
          loaded = true;
        } catch (e) {
          fail(`${urlPath}: load: ${e.message}`);
        }
        stats.ms.load += Date.now() - t;

        // 2. axe-core
        t = Date.now();
        if (loaded) {
          try {
            const { violations, incomplete } = await runAxe(page, base);
            if (violations.length === 0) pass();
            for (const v of violations) {
              stats.axeHelp.set(v.id, v.help);
              for (const n of v.nodes) {
                stats.violations += 1;
                fail(`${urlPath}: ${v.id}: ${n.target} (${n.impact})`);
              }
            }
            for (const i of incomplete) {
              for (const target of i.targets) stats.review.push(`${urlPath}: ${i.id}: ${target}`);
            }
          } catch (e) {
            fail(`${urlPath}: axe: ${e.message}`);
          }
        } else {
          fail(`${urlPath}: axe: not run, the page did not load`);
        }
        stats.ms.axe += Date.now() - t;

        // 3. html-validate, on the file exactly as written
        t = Date.now();
        try {
          const source = await fsp.readFile(file, "utf8");
          const report = await htmlvalidate.validateString(source, file);
          const messages = report.results.flatMap((r) => r.messages).filter((m) => m.severity >= 2);
          if (messages.length === 0) pass();
          for (const m of messages) {
            stats.invalid += 1;
            fail(`${urlPath}: html-validate: ${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`);
          }
        } catch (e) {
          fail(`${urlPath}: html-validate: ${e.message}`);
        }
        stats.ms.validate += Date.now() - t;
      }
    } finally {
      await page.close().catch(() => {});
    }
  }
  await Promise.all(Array.from({ length: Math.min(TABS, pages.length) }, worker));
}

// What has focus, where it is, and whether its focus indicator can be seen.
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: "body" };
  const cs = getComputedStyle(el);
  const transparent = (c) => c === "transparent" || /rgba\(.*,\s*0\)$/.test(c);
  const outline =
    cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor);
  const shadow = cs.boxShadow !== "none";
  // (A focus background alone is judged by the caller against the unfocused background.)
  const indicators = [];
  if (outline) indicators.push(`outline ${cs.outlineWidth} ${cs.outlineColor}`);
  if (shadow) indicators.push(`box-shadow ${cs.boxShadow}`);
  const main = document.getElementById("main");
  const all = [...document.querySelectorAll("*")];
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    className: typeof el.className === "string" ? el.className : "",
    text: (el.innerText || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 80),
    href: el.getAttribute("href"),
    inMain: !!main && main.contains(el) && el !== main,
    inAgenda: !!el.closest("ol.agenda"),
    isFirstAgendaLink: el === document.querySelector("ol.agenda a[href]"),
    order: all.indexOf(el),
    background: cs.backgroundColor,
    indicators,
  };
}

async function keyboardTest(browser, base) {
  const page = await openPage(browser);
  const check = (ok, line) => (ok ? pass() : fail(`${KEYBOARD_PAGE}: keyboard: ${line}`));
  const tab = async () => {
    await page.keyboard.press("Tab");
    return page.evaluate(describeFocus);
  };
  // Focus is visible: an outline or a box-shadow, or a background unlike the unfocused one.
  const visible = async (f) => {
    if (f.indicators.length) return true;
    const unfocused = await page.evaluate(() => {
      const el = document.activeElement;
      el.blur();
      const bg = getComputedStyle(el).backgroundColor;
      el.focus({ focusVisible: true });
      return bg;
    });
    return unfocused !== f.background;
  };
  const log = [];
  try {
    await load(page, base, KEYBOARD_PAGE);

    // Path 1: skip link, then Tab through main to the agenda's first link.
    let f = await tab();
    check(
      f.tag === "a" && f.text === "Skip to main content" && f.href === "#main",
      `first Tab should focus the "Skip to main content" link, focused <${f.tag}> "${f.text}"`,
    );
    if (f.href !== "#main") {
      log.push(`Tab 1: <${f.tag}> "${f.text}", not the skip link: the rest of the test was skipped`);
      return log;
    }
    check(await visible(f), `the skip link's focus is not visible (${JSON.stringify(f)})`);
    log.push(`Tab 1: skip link "${f.text}" (${f.indicators.join(", ") || `background ${f.background}`})`);

    await page.keyboard.press("Enter");
    f = await page.evaluate(describeFocus);
    check(f.tag === "main" && f.id === "main", `Enter on the skip link should focus <main id="main">, focused <${f.tag} id="${f.id}">`);
    log.push(`Enter: focus on <${f.tag} id="${f.id}">`);

    let presses = 0;
    let last = -1;
    let reached = false;
    let sawContentsLink = false;
    const invisible = [];
    const outOfOrder = [];
    const outsideMain = [];
    while (presses < MAX_TABS_TO_AGENDA) {
      f = await tab();
      presses += 1;
      if (!(await visible(f))) invisible.push(`<${f.tag}> "${f.text}"`);
      if (f.order <= last) outOfOrder.push(`<${f.tag}> "${f.text}"`);
      if (!f.inMain) outsideMain.push(`<${f.tag}> "${f.text}"`);
      last = f.order;
      if (f.href === "#agenda") sawContentsLink = true;
      if (f.inAgenda) {
        reached = true;
        break;
      }
    }
    check(reached, `${MAX_TABS_TO_AGENDA} Tabs after the skip link did not reach the agenda`);
    check(!reached || f.isFirstAgendaLink, `the first stop in the agenda should be its first link, was <${f.tag}> "${f.text}"`);
    check(sawContentsLink, `Tabbing from <main> passed no "Agenda" link in "On this page"`);
    check(invisible.length === 0, `focus not visible on: ${invisible.join("; ")}`);
    check(outOfOrder.length === 0, `focus order differs from reading order at: ${outOfOrder.join("; ")}`);
    check(outsideMain.length === 0, `after the skip link, focus left <main> at: ${outsideMain.join("; ")}`);
    log.push(`${presses} more Tabs: agenda's first link "${f.text}" (${f.href})`);

    // Path 2: skip link, Tab to "Agenda" in "On this page", Enter, Tab: the agenda's first link.
    await load(page, base, KEYBOARD_PAGE);
    await tab();
    await page.keyboard.press("Enter");
    presses = 0;
    do {
      f = await tab();
      presses += 1;
    } while (f.href !== "#agenda" && presses < MAX_TABS_TO_AGENDA);
    check(f.href === "#agenda", `no "Agenda" link reached in "On this page"`);
    check(f.text === "Agenda", `the contents link to #agenda should read "Agenda", reads "${f.text}"`);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash === "#agenda", { timeout: 5_000 }).catch(() => {});
    f = await tab();
    check(f.isFirstAgendaLink, `Enter on "Agenda" then Tab should focus the agenda's first link, focused <${f.tag}> "${f.text}"`);
    log.push(`Skip link, ${presses} Tabs to "Agenda" in "On this page", Enter, Tab: "${f.text}"`);
  } catch (e) {
    fail(`${KEYBOARD_PAGE}: keyboard: ${e.message}`);
  } finally {
    await page.close().catch(() => {});
  }
  return log;
}

async function screenshots(browser, base, dir) {
  await fsp.mkdir(path.join(dir, "readme"), { recursive: true });
  // A context of its own: no link shows as visited by the checks before.
  const context = await browser.createBrowserContext();
  const page = await openPage(context);
  const written = [];
  try {
    for (const [name, urlPath] of SCREENSHOT_PAGES) {
      for (const width of SCREENSHOT_WIDTHS) {
        const file = path.join(dir, `${name}-${width}.png`);
        try {
          await page.setViewport({ width, height: 900 });
          const errors = await load(page, base, urlPath);
          if (errors.length) throw new Error(errors.join("; "));
          await page.screenshot({ path: file, fullPage: true });
          written.push(file);
          pass();
        } catch (e) {
          fail(`${urlPath}: screenshot at ${width}px: ${e.message}`);
        }
      }
    }
    for (const [name, urlPath, width, height] of README_SHOTS) {
      const file = path.join(dir, "readme", `${name}.png`);
      try {
        await page.setViewport({ width, height });
        const errors = await load(page, base, urlPath);
        if (errors.length) throw new Error(errors.join("; "));
        await page.screenshot({ path: file, fullPage: false });
        written.push(file);
        pass();
      } catch (e) {
        fail(`${urlPath}: screenshot ${name}: ${e.message}`);
      }
    }
  } finally {
    await page.close().catch(() => {});
    await context.close().catch(() => {});
  }
  return written;
}

// -------------------------------------------------------------------- main

async function main() {
  const [siteArg, shotArg, ...rest] = process.argv.slice(2);
  if (!siteArg || rest.length || siteArg.startsWith("-")) usage();
  const root = path.resolve(siteArg);
  if (!fs.existsSync(path.join(root, "index.html"))) usage(`${root} has no index.html: build the site first`);
  if (!fs.existsSync(CHROMIUM)) usage(`no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);

  const started = Date.now();
  const pages = await listHtml(root);
  const htmlvalidate = new HtmlValidate(htmlValidateConfig);
  const stats = { pages: 0, violations: 0, invalid: 0, review: [], axeHelp: new Map(),
    ms: { load: 0, axe: 0, validate: 0 } };

  let server;
  let browser;
  let userDataDir;
  let watchdog;
  const cleanup = async () => {
    clearTimeout(watchdog);
    if (browser) {
      const proc = browser.process();
      await withTimeout(browser.close(), 10_000, "closing the browser").catch(() => proc?.kill("SIGKILL"));
      browser = undefined;
    }
    await stopServer(server);
    server = undefined;
    if (userDataDir) await fsp.rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    userDataDir = undefined;
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, async () => {
      await cleanup();
      process.exit(130);
    });
  }
  watchdog = setTimeout(async () => {
    fail(`the whole run took longer than ${RUN_TIMEOUT_MS / 1000} s (BROWSER_TEST_TIMEOUT)`);
    stopping = true;
    await cleanup();
    console.log(`browser: ${passed} passed, ${failed} failed`);
    process.exit(2);
  }, RUN_TIMEOUT_MS);

  let keyboardLog = [];
  let shots = [];
  let axeRules = [];
  try {
    server = await startServer(root);
    const base = `http://127.0.0.1:${server.address().port}`;
    userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "quorum-chromium-"));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      userDataDir,
      timeout: 30_000,
      protocolTimeout: 60_000,
    });
    console.log(`Checking ${pages.length} pages of ${root} at ${base} with ${await browser.version()}`);

    {
      const page = await openPage(browser);
      await page.goto(`${base}/`);
      await page.addScriptTag({ url: base + AXE_URL });
      axeRules = await page.evaluate((tags) => window.axe.getRules(tags).map((r) => r.ruleId), AXE_TAGS);
      await page.close();
    }

    await checkPages(browser, base, root, pages, htmlvalidate, stats);
    keyboardLog = await keyboardTest(browser, base);
    if (shotArg) shots = await screenshots(browser, base, path.resolve(shotArg));
  } catch (e) {
    fail(`run: ${e.stack || e.message}`);
  } finally {
    await cleanup();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const axeVersion = require("axe-core/package.json").version;
  const hvVersion = require("html-validate/package.json").version;
  console.log("");
  console.log(`Pages checked: ${stats.pages} of ${pages.length} (.html files in ${root})`);
  console.log(`axe-core ${axeVersion}, tags ${AXE_TAGS.join(", ")}: ${axeRules.length} rules`);
  console.log(`  ${axeRules.join(" ")}`);
  console.log(`html-validate ${hvVersion}: ${htmlValidateConfig.extends.join(", ")}, exceptions: ${Object.keys(htmlValidateConfig.rules).join(", ") || "none"}`);
  console.log(`axe violations: ${stats.violations}${stats.axeHelp.size ? ` (${[...stats.axeHelp.keys()].join(", ")})` : ""}`);
  if (stats.review.length) {
    // axe could not decide these (e.g. text over an image or gradient): look at them by eye.
    console.log(`axe needs review by eye (not failures): ${stats.review.length}`);
    stats.review.forEach((r) => console.log(`  ${r}`));
  }
  console.log(`html-validate errors: ${stats.invalid}`);
  console.log(`Keyboard (${KEYBOARD_PAGE}):`);
  keyboardLog.forEach((l) => console.log(`  ${l}`));
  if (shotArg) console.log(`Screenshots: ${shots.length} in ${path.resolve(shotArg)}`);
  if (problems.length) {
    console.log(`\n${problems.length} problem(s):`);
    problems.forEach((p) => console.log(`  ${p}`));
  }
  const sec = (ms) => (ms / 1000).toFixed(1);
  console.log(`Time: ${seconds} s (summed over ${TABS} tabs: loading ${sec(stats.ms.load)} s, axe ${sec(stats.ms.axe)} s, html-validate ${sec(stats.ms.validate)} s)`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    console.log(`browser: ${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
