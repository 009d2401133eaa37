/**
 * PDF pipeline (Node side): HTML from shared/print → PDF bytes, in memory.
 *
 * `PdfEngine` is the seam. `ChromiumPdfEngine` implements it with playwright-core and Debian
 * Chromium (tests, CLI, the web preview bridge). The Electron main process implements the same
 * interface with a hidden BrowserWindow (Joplin's approach), same Chromium engine:
 *
 *   const win = new BrowserWindow({ show: false, webPreferences: { javascript: false,
 *     sandbox: true, contextIsolation: true, offscreen: true } });
 *   await win.loadURL('data:text/html;charset=utf-8,' + encodeURIComponent(html));
 *   const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true,
 *     preferCSSPageSize: true, margins: { marginType: 'default' } (CSS @page wins),
 *     displayHeaderFooter: opts.footer === true, footerTemplate: FOOTER_TEMPLATE,
 *     headerTemplate: '<span></span>' });
 *   win.destroy(); return { pdf, pages: countPdfPages(pdf) };
 *
 * (Electron 40 is Chromium 144: CSS @page margin boxes, used for "strona X z Y", need ≥ 131.)
 * Block every network request of that window (session.webRequest) as done here with route().
 *
 * Privacy: nothing is written to disk. The HTML goes in with setContent, the PDF comes back as a
 * Buffer; the caller writes it only where the user chose. JavaScript is disabled in the page
 * and all network requests are aborted (the HTML also carries a CSP without scripts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PrintFonts } from '../../shared/print/layout';
import { FONT_FACES, readFontFiles, type FontFace } from './fonts';
import { countPdfPages } from './pages';

export interface PdfRenderOptions {
  /**
   * Add Chromium's own footer ("strona X z Y" through footerTemplate). Off by default: the
   * templates of shared/print put the page numbers into CSS @page margin boxes, which use the
   * embedded font. Use it only for HTML that has no margin boxes of its own.
   */
  footer?: boolean;
}

export interface PdfResult {
  pdf: Buffer;
  pages: number;
}

export interface PdfEngine {
  /** Font URLs this engine resolves, to pass to the templates (RenderOptions.fonts). */
  readonly fonts: PrintFonts;
  render(html: string, opts?: PdfRenderOptions): Promise<PdfResult>;
  close(): Promise<void>;
}

/** Host of the font URLs answered from memory by ChromiumPdfEngine (.invalid never resolves). */
export const FONT_HOST = 'fonts.asysta.invalid';

/** Chromium's footer template (pageNumber/totalPages are filled in by Chromium). */
export const FOOTER_TEMPLATE =
  '<div style="width:100%;font-size:8pt;font-family:serif;text-align:right;padding:0 17mm 0 20mm;">strona <span class="pageNumber"></span> z <span class="totalPages"></span></div>';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Number of pages of a PDF (pure, db/print/pages.ts). */
export { countPdfPages };

export class ChromiumPdfEngine implements PdfEngine {
  private browser: Promise<Browser> | null = null;
  private context: Promise<BrowserContext> | null = null;

  readonly fonts: PrintFonts;
  private readonly fontFiles: Readonly<Record<FontFace, Buffer>>;

  /** `fontsFolder`: CoreResources.fontsFolder of the host. */
  constructor(private readonly opts: { fontsFolder: string; executablePath?: string; launchTimeoutMs?: number }) {
    this.fontFiles = readFontFiles(opts.fontsFolder);
    const url = (f: FontFace) => `https://${FONT_HOST}/${f}.ttf`;
    this.fonts = { regular: url('regular'), bold: url('bold'), italic: url('italic'), boldItalic: url('boldItalic') };
  }

  private async ctx(): Promise<BrowserContext> {
    if (!this.context) {
      this.context = (async () => {
        const { chromium } = await import('playwright-core');
        this.browser = chromium.launch({
          executablePath: this.opts.executablePath ?? chromiumPath(),
          args: CHROMIUM_ARGS,
          timeout: this.opts.launchTimeoutMs ?? 30_000,
        });
        const browser = await this.browser;
        const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: false });
        // Nothing leaves the machine: the font URLs are answered from memory, the rest aborted.
        await context.route('**/*', (route) => {
          const url = new URL(route.request().url());
          const face = url.pathname.replace(/^\//, '').replace(/\.ttf$/, '') as FontFace;
          if (url.hostname === FONT_HOST && FONT_FACES.includes(face)) {
            return route.fulfill({
              status: 200,
              body: this.fontFiles[face],
              headers: { 'content-type': 'font/ttf', 'access-control-allow-origin': '*' },
            });
          }
          return route.abort('blockedbyclient');
        });
        return context;
      })();
      this.context.catch(() => {
        this.context = null;
      });
    }
    return this.context;
  }

  /** Idle pages, reused: opening a page costs more than rendering a short document. */
  private idle: Page[] = [];

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page && !page.isClosed()) return page;
    return (await this.ctx()).newPage();
  }

  async render(html: string, opts: PdfRenderOptions = {}): Promise<PdfResult> {
    const page = await this.acquire();
    let ok = false;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      // Wait until the embedded fonts are decoded (or the PDF may use a fallback face), and fail
      // loudly if one could not be loaded rather than print with another font.
      const failed = await page.evaluate(
        "document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family + ' ' + f.weight + ' ' + f.style))",
      );
      if (Array.isArray(failed) && failed.length > 0) throw new Error(`Print font failed to load: ${failed.join(', ')}`);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: opts.footer === true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER_TEMPLATE,
        margin: opts.footer === true ? { top: '16mm', bottom: '18mm', left: '20mm', right: '17mm' } : undefined,
      });
      ok = true;
      return { pdf, pages: countPdfPages(pdf) };
    } finally {
      if (ok && this.context) {
        // Drop the document (and the personal data in it) before the page waits for reuse.
        await page.setContent('<!DOCTYPE html><title></title>').catch(() => undefined);
        this.idle.push(page);
      } else await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    this.context = null;
    this.idle = [];
    if (b) await (await b).close().catch(() => undefined);
  }
}
