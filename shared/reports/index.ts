/** Reports and statistics (issue 7), pure part: periods, conventions, figure definitions as data,
 *  and the counting functions over plain case facts. */
export * from './period';
export * from './conventions';
export * from './facts';
export * from './figures';
export * from './compute';
export * from './annual';
