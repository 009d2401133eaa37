/** Print engine, pure part: view models, Polish formatting, templates producing HTML strings.
 *  The PDF pipeline (Chromium) is in db/print; the mapping database → view model is elsewhere. */
export * from './html';
export * from './format';
export * from './legal';
export * from './texts';
export * from './layout';
export * from './chart';
export * from './pack';
export * from './documents/index';
