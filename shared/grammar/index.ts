/** Polish grammar for generated text (documents, findings, screens): counts through
 *  Intl.PluralRules('pl'), gender agreement, declension of persons and family names. */
export * from './number';
export * from './plural';
export * from './gender';
export * from './names';
export * from './family';
export * from './institution';
