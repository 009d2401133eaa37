/**
 * Hardening of every web contents and session, following the Electron security checklist:
 * no navigation, no new windows, no webviews, no permissions, IPC only from our own top frame.
 */
import { app, type Session, type WebContents, type WebFrameMain } from 'electron';
import { isAllowedUrl } from './policy';

export { allowedOrigin } from './policy';

/**
 * Checklist item 17: validate the sender of every IPC message. The frame must be the top frame
 * of a window we created, showing our own origin.
 */
export function isTrustedSender(
  sender: WebContents,
  frame: WebFrameMain | null,
  origin: string,
  ourContents: ReadonlySet<number>,
): boolean {
  if (!frame || sender.isDestroyed()) return false;
  if (!ourContents.has(sender.id)) return false;
  if (frame.parent !== null) return false;
  return isAllowedUrl(frame.url, origin);
}

/**
 * Deny every permission request and check (camera, clipboard-read, HID, …), except desktop
 * notifications for the app's own page (the morning screen's "you have N overdue deadlines",
 * which carries no personal data).
 */
export function lockDownSession(ses: Session, origin?: string): void {
  const mayNotify = (permission: string, url: string | undefined) =>
    permission === 'notifications' && !!origin && !!url && isAllowedUrl(url, origin);
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(mayNotify(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => mayNotify(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // No downloads are ever started by the renderer; cancel any that would be.
  ses.on('will-download', (event) => event.preventDefault());
}

/**
 * Applied to every web contents the app creates, whatever created it. Navigation is the renderer's
 * own (in-page) router: a real navigation is refused. In development only, same-origin
 * navigations are let through so the Vite dev server can reload the page.
 */
export function installWebContentsGuards(
  origin: string,
  opts: {
    allowSameOriginNavigation: boolean;
    /** A hidden print window (electron/print.ts) loading its one document URL. */
    isPrintNavigation?: (contents: WebContents, url: string) => boolean;
  },
  onBlocked: (what: string) => void,
): void {
  const navigationAllowed = (url: string) => opts.allowSameOriginNavigation && isAllowedUrl(url, origin);
  const printNavigation = (contents: WebContents, url: string) => opts.isPrintNavigation?.(contents, url) === true;
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      onBlocked('will-attach-webview');
    });
    contents.setWindowOpenHandler(() => {
      onBlocked('window-open');
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (navigationAllowed(event.url) || printNavigation(contents, event.url)) return;
      event.preventDefault();
      onBlocked('will-navigate');
    });
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame && printNavigation(contents, event.url)) return;
      // The document preview (renderer/src/components/documents): an <iframe sandbox="" srcdoc>,
      // which has no scripts and an opaque origin. Only subframes, only srcdoc.
      if (!event.isMainFrame && event.url === 'about:srcdoc') return;
      if (isAllowedUrl(event.url, origin)) return;
      event.preventDefault();
      onBlocked('will-frame-navigate');
    });
    contents.on('will-redirect', (event) => {
      if (navigationAllowed(event.url)) return;
      event.preventDefault();
      onBlocked('will-redirect');
    });
  });
}
