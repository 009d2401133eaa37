/** Diacritics-insensitive folding for search ("Łukasz Żółć" -> "lukasz zolc"). */
export function foldPolish(s: string): string {
  return s
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
