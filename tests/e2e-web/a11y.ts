/**
 * Accessibility check on every page state an E2E spec reaches (GUIDE: "E2E tests … run axe-core
 * on the pages they visit"; issue 14: 0 serious or critical WCAG 2.1 A/AA violations).
 *
 * Automatic, not sprinkled: specs take `test` from server-fixture.ts (which re-exports this one).
 * Its auto fixture injects axe-core into every page of the test's browser context, and before
 * every action the test performs (click, fill, goto, evaluate…) it looks at the page's *state*:
 * the hash route (ids folded), the first headings, the names of open dialogs and selected tabs.
 * A state not seen before in the test is first left to settle (no DOM mutation and no finite
 * animation over one poll), then axe runs on it, then the action proceeds — so every screen,
 * wizard step and dialog the test works in is checked in the form the user sees, however fast the
 * test moves on. The state the test ends on is checked at teardown. The test then fails listing
 * every serious or critical violation with its state, rule, help text, CSS target and snippet.
 *
 * `checkA11y(page, label)` checks the current state now (e.g. before a screenshot, or a state that
 * differs from an earlier one only in its content, which the state key does not see).
 *
 * The print preview's sandboxed iframe (the printed document) is not scanned: it is paper output,
 * black on white, checked by the document tests (pdftotext) rather than as a screen.
 */
import { createRequire } from 'node:module';
import { appendFileSync, readFileSync } from 'node:fs';
import { test as base, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0/2.1 level A and AA rules (axe tags). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;
/** Impacts that fail a test. */
const FAILING = new Set(['serious', 'critical']);
/** A state is settled when nothing changed over one poll. */
const POLL_MS = 120;
/** …or after this long (a page that keeps changing, e.g. a countdown) — it is checked as it is. */
const SETTLE_MAX_MS = 4_000;

export interface A11yNode {
  target: string;
  html: string;
  summary: string;
}
export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  nodes: A11yNode[];
}
export interface A11yScan {
  state: string;
  violations: A11yViolation[];
}

/**
 * Runs in every frame of the context at document start (plain JS: the Node tsconfig has no DOM
 * types); only the top frame is watched. Keeps a mutation counter (MutationObserver callbacks are
 * microtasks, unaffected by Playwright's fake clock) and offers the state key and an axe run.
 */
const WATCHER = String.raw`(function (tags) {
  if (window.top !== window) return;
  var mutations = 0;
  var start = function () {
    new MutationObserver(function () { mutations++; }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  var clean = function (s) { return (s || '').replace(/\s+/g, ' ').trim().slice(0, 80); };
  var visible = function (el) {
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  var nameOf = function (el) {
    var by = el.getAttribute('aria-labelledby');
    if (by) return clean(by.split(/\s+/).map(function (id) { var t = document.getElementById(id); return t ? t.textContent : ''; }).join(' '));
    return clean(el.getAttribute('aria-label') || el.textContent);
  };
  var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)).filter(visible); };
  window.__a11yState = function () {
    if (location.protocol === 'about:') return null; // the blank page before the first goto
    // Ids (uuids, long tokens) folded: "the case view" is one state whatever the case.
    var hash = location.hash.replace(/[0-9a-zA-Z_-]{16,}/g, ':id') || '#/';
    var headings = all('h1, h2, h3').slice(0, 3).map(function (h) { return clean(h.textContent); });
    var parts = [hash, headings.join(' / ')];
    var tabs = all('[role="tab"][aria-selected="true"]').map(function (t) { return clean(t.textContent); });
    if (tabs.length) parts.push('karty: ' + tabs.join(', '));
    var dialogs = all('[role="dialog"], [role="alertdialog"]').map(nameOf);
    if (dialogs.length) parts.push('okno: ' + dialogs.join(', '));
    var busy = document.getAnimations().some(function (a) {
      return a.playState === 'running' && a.effect && a.effect.getTiming().iterations !== Infinity;
    });
    return { key: parts.join(' | '), mutations: mutations, busy: busy };
  };
  // What the user sees of an element: clipped by itself and every ancestor that hides or scrolls
  // its overflow (truncated labels, buttons, scroll containers).
  var clipOf = function (el) {
    var clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    for (var p = el; p && p !== document.documentElement; p = p.parentElement) {
      var ps = getComputedStyle(p);
      if (ps.overflowX !== 'visible' || ps.overflowY !== 'visible') {
        var pr = p.getBoundingClientRect();
        clip = { left: Math.max(clip.left, pr.left), top: Math.max(clip.top, pr.top), right: Math.min(clip.right, pr.right), bottom: Math.min(clip.bottom, pr.bottom) };
      }
    }
    return clip;
  };
  // Text drawn over other text (a layout that does not fit, e.g. at A++): pairs of text boxes of
  // different elements that intersect, and content out of the window on the right.
  window.__a11yOverlaps = function () {
    var boxes = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    // An open modal dialog covers the page on purpose: only its own text is looked at.
    var modals = all('[aria-modal="true"]');
    var modal = modals.length ? modals[modals.length - 1] : null;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/\S/.test(node.nodeValue)) continue;
      var el = node.parentElement;
      if (!el || el.closest('[aria-hidden="true"], script, style, noscript')) continue;
      if (modal && !modal.contains(el)) continue;
      var cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || Number(cs.opacity) === 0) continue;
      var clip = clipOf(el);
      range.selectNodeContents(node);
      var rects = range.getClientRects();
      for (var i = 0; i < rects.length; i++) {
        var q = rects[i];
        var r = { left: Math.max(q.left, clip.left), top: Math.max(q.top, clip.top), right: Math.min(q.right, clip.right), bottom: Math.min(q.bottom, clip.bottom) };
        r.width = r.right - r.left;
        r.height = r.bottom - r.top;
        if (r.width > 2 && r.height > 2) boxes.push({ r: r, el: el, t: clean(node.nodeValue).slice(0, 40) });
      }
    }
    var out = [];
    for (var a = 0; a < boxes.length && out.length < 20; a++) {
      for (var b = a + 1; b < boxes.length; b++) {
        var x = boxes[a], y = boxes[b];
        if (x.el === y.el) continue;
        var w = Math.min(x.r.right, y.r.right) - Math.max(x.r.left, y.r.left);
        var h = Math.min(x.r.bottom, y.r.bottom) - Math.max(x.r.top, y.r.top);
        if (w <= 2 || h <= 2) continue;
        var smaller = Math.min(x.r.width * x.r.height, y.r.width * y.r.height);
        if (w * h < 0.2 * smaller) continue;
        out.push('„' + x.t + '” nachodzi na „' + y.t + '”');
      }
    }
    // Content that sticks out of the window on the right: the page scrolls sideways, or (in a
    // fixed header, which never scrolls) it cannot be reached at all. The innermost such elements
    // are named; what a container scrolls or clips on purpose (within the window) is not counted.
    var doc = document.documentElement;
    var edge = doc.clientWidth + 1;
    var sticking = Array.prototype.slice.call(document.body.querySelectorAll('*')).filter(function (e) {
      var r = e.getBoundingClientRect();
      if (r.right <= edge || r.width < 2 || r.height < 2 || getComputedStyle(e).visibility === 'hidden') return false;
      if (modal && !modal.contains(e)) return false;
      var c = clipOf(e);
      return Math.min(r.right, c.right) > edge && Math.min(r.right, c.right) - Math.max(r.left, c.left) > 2 && Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top) > 2;
    });
    sticking = sticking.filter(function (e) { return !sticking.some(function (o) { return o !== e && e.contains(o); }); });
    var names = sticking.slice(0, 3).map(function (e) { return e.tagName.toLowerCase() + '„' + clean(e.textContent).slice(0, 30) + '”'; });
    if (doc.scrollWidth > doc.clientWidth + 1) out.push('strona przewija się w poziomie (' + doc.scrollWidth + ' > ' + doc.clientWidth + ' px): ' + names.join(', '));
    else if (sticking.length) out.push('poza prawą krawędzią okna (' + doc.clientWidth + ' px): ' + names.join(', '));
    return out;
  };
  window.__a11yRun = function (rules) {
    var only = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
    return window.axe.run(document, { runOnly: only, resultTypes: ['violations'], iframes: false }).then(function (r) {
      return r.violations.map(function (v) {
        return {
          id: v.id,
          impact: v.impact || 'unknown',
          help: v.help,
          nodes: v.nodes.map(function (n) {
            // "Element has insufficient color contrast of 3.32 (foreground color: #868e96, …)"
            return {
              target: n.target.map(String).join(' '),
              html: (n.html || '').replace(/\s+/g, ' ').slice(0, 120),
              summary: (n.failureSummary || '').split('\n').slice(1).join(' ').trim(),
            };
          }),
        };
      });
    });
  };
})`;

type Snapshot = { key: string; mutations: number; busy: boolean };
type Evaluate = (this: Page, fn: (arg: never) => unknown, arg?: unknown) => Promise<unknown>;

/** Page.prototype.evaluate before the action hook wrapped it (the watcher's own calls). */
let rawEvaluate: Evaluate | null = null;
const evaluate = <T, A = undefined>(page: Page, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> =>
  (rawEvaluate ?? (page.evaluate as unknown as Evaluate)).call(page, fn as (arg: never) => unknown, arg) as Promise<T>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One page's watch: its states seen in this test and the scans, one at a time. */
class PageWatcher {
  readonly seen = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly page: Page,
    private readonly record: (scan: A11yScan) => void,
  ) {}

  private async snapshot(): Promise<Snapshot | null> {
    if (this.page.isClosed()) return null;
    try {
      return await evaluate(this.page, () => {
        const f = (globalThis as unknown as { __a11yState?: () => Snapshot }).__a11yState;
        return f ? f() : null;
      });
    } catch {
      return null; // navigating, or the page went away
    }
  }

  /** Polls until the state stops changing (or SETTLE_MAX_MS), returns the settled snapshot. */
  private async settle(first: Snapshot): Promise<Snapshot | null> {
    let prev = first;
    for (let waited = 0; waited < SETTLE_MAX_MS; waited += POLL_MS) {
      await sleep(POLL_MS);
      const s = await this.snapshot();
      if (!s) return null;
      if (!s.busy && s.key === prev.key && s.mutations === prev.mutations) return s;
      prev = s;
    }
    return prev;
  }

  private async scan(state: string, rules?: readonly string[]): Promise<void> {
    try {
      const violations = await evaluate(
        this.page,
        (r: readonly string[] | null) => (globalThis as unknown as { __a11yRun: (rules: readonly string[] | null) => Promise<A11yViolation[]> }).__a11yRun(r),
        rules ?? null,
      );
      this.seen.add(state);
      this.record({ state, violations });
    } catch {
      // The page navigated or closed during the scan: its next state is checked at the next action.
    }
  }

  /** Checks the current state if it is new (or always, under `label`). Serialised per page. */
  check(label?: string, opts: CheckOptions = {}): Promise<void> {
    const run = async () => {
      const now = await this.snapshot();
      if (!now || (!label && !now.busy && this.seen.has(now.key))) return;
      const settled = await this.settle(now);
      if (!settled) return;
      const state = label ? `${settled.key} | ${label}` : settled.key;
      if (!label && this.seen.has(state)) return;
      await this.scan(state);
      if (opts.enhancedContrast) await this.scan(`${state} | kontrast AAA (7:1)`, ['color-contrast-enhanced']);
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }
}

const watchers = new WeakMap<Page, PageWatcher>();

export interface CheckOptions {
  /** Also WCAG AAA contrast (7:1, axe rule color-contrast-enhanced): the high-contrast theme's promise. */
  enhancedContrast?: boolean;
}

/** Forces an accessibility check of the page's current state (after it settles). */
export async function checkA11y(page: Page, label = 'sprawdzenie', opts: CheckOptions = {}): Promise<void> {
  const w = watchers.get(page);
  if (!w) throw new Error('checkA11y: this page is not watched — take `test` from tests/e2e-web/server-fixture.ts.');
  await w.check(label, opts);
}

/**
 * Text drawn over other text on the page as it is now (a layout that does not fit, e.g. at A++),
 * and a page that scrolls sideways: a list of Polish descriptions, empty when the layout holds.
 */
export async function textOverlaps(page: Page): Promise<string[]> {
  return evaluate(page, () => (globalThis as unknown as { __a11yOverlaps: () => string[] }).__a11yOverlaps());
}

/**
 * Actions after which the page may show a new state. Wrapped once per worker on the client
 * prototypes (Playwright has no public before-action hook); unwatched pages pass straight through.
 */
const LOCATOR_ACTIONS = ['click', 'dblclick', 'fill', 'clear', 'check', 'uncheck', 'setChecked', 'selectOption', 'press', 'pressSequentially', 'type', 'hover', 'tap', 'setInputFiles', 'dispatchEvent', 'dragTo', 'selectText', 'focus', 'blur'] as const;
const PAGE_ACTIONS = ['goto', 'reload', 'goBack', 'goForward', 'evaluate', 'click', 'fill', 'press', 'check', 'selectOption', 'close'] as const;

function hookActions(page: Page): void {
  const pageProto = Object.getPrototypeOf(page) as Record<string, unknown>;
  if (rawEvaluate) return;
  rawEvaluate = pageProto.evaluate as Evaluate;
  const wrap = (proto: Record<string, unknown>, names: readonly string[], pageOf: (self: unknown) => Page) => {
    for (const name of names) {
      const original = proto[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
      if (typeof original !== 'function') continue;
      proto[name] = async function (this: unknown, ...args: unknown[]) {
        const w = watchers.get(pageOf(this));
        if (w) await w.check();
        return original.apply(this, args);
      };
    }
  };
  wrap(pageProto, PAGE_ACTIONS, (self) => self as Page);
  wrap(Object.getPrototypeOf(page.locator('body')) as Record<string, unknown>, LOCATOR_ACTIONS, (self) => (self as { page(): Page }).page());
}

/** Formats the failing violations of the scans for the test's error message. */
export function formatViolations(scans: readonly A11yScan[]): string {
  const lines: string[] = [];
  for (const scan of scans) {
    const bad = scan.violations.filter((v) => FAILING.has(v.impact));
    if (!bad.length) continue;
    lines.push(`■ ${scan.state}`);
    for (const v of bad) {
      lines.push(`  ${v.impact} ${v.id} (${v.nodes.length}): ${v.help}`);
      for (const n of v.nodes.slice(0, 8)) lines.push(`    ${n.target}  ${n.html}\n      ${n.summary}`);
      if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
    }
  }
  return lines.join('\n');
}

/**
 * The watch over one browser context: every page state checked while `use` runs, the final states
 * at the end; throws listing the serious or critical violations. The `test` fixture below runs it
 * on the test's context; a11y.spec.ts runs it directly to assert the error it throws.
 */
export async function watchContext(context: BrowserContext, testInfo: TestInfo, use: (scans: A11yScan[]) => Promise<void>) {
  const scans: A11yScan[] = [];
  const record = (scan: A11yScan) => {
    scans.push(scan);
    if (process.env.AXE_LOG) {
      const counts = Object.fromEntries(scan.violations.map((v) => [`${v.impact}:${v.id}`, v.nodes.length]));
      appendFileSync(process.env.AXE_LOG, `${JSON.stringify({ file: testInfo.file.replace(/.*\//, ''), test: testInfo.title, state: scan.state, counts })}\n`);
    }
  };
  // axe's own timers are the real ones, captured before Playwright's fake clock (page.clock) can
  // replace them: axe resolves every rule through setTimeout, which a paused clock would hold.
  await context.addInitScript({
    content: `(function (setTimeout, clearTimeout) {\n${AXE_SOURCE}\n}).call(window, window.setTimeout.bind(window), window.clearTimeout.bind(window));\n${WATCHER}(${JSON.stringify(AXE_TAGS)});`,
  });
  const attach = (page: Page) => {
    hookActions(page);
    if (!watchers.has(page)) watchers.set(page, new PageWatcher(page, record));
  };
  context.pages().forEach(attach);
  context.on('page', attach);

  await use(scans);

  context.off('page', attach);
  for (const page of context.pages()) {
    await watchers.get(page)?.check();
    watchers.delete(page);
  }
  await testInfo.attach('axe-scans.json', { body: JSON.stringify(scans, null, 2), contentType: 'application/json' });
  const failing = scans.filter((s) => s.violations.some((v) => FAILING.has(v.impact)));
  if (failing.length) {
    throw new Error(`axe-core (WCAG 2.1 A/AA): serious or critical violations in ${failing.length} of ${scans.length} page states\n${formatViolations(failing)}`);
  }
}

/** Playwright's `test` with the automatic accessibility watch on every page of the test. */
export const test = base.extend<{ a11yScans: A11yScan[] }>({
  a11yScans: [async ({ context }, use, testInfo) => watchContext(context, testInfo, use), { auto: true }],
});

export { expect } from '@playwright/test';
