/**
 * Addresses inside the "Rodziny" section (the section router only reads the first segment):
 * #/families, #/families/new, #/families/import, #/families/f/<id>[/edit|/intake|/zz|/supporting], #/families/case/<id>.
 */
import { useEffect, useState } from 'react';

export type FamiliesView =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'card'; id: string }
  | { kind: 'edit'; id: string }
  | { kind: 'intake'; id: string }
  | { kind: 'zz'; id: string }
  | { kind: 'supporting'; id: string }
  | { kind: 'case'; id: string };

export function parseFamiliesHash(hash: string): FamiliesView {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] !== 'families') return { kind: 'list' };
  if (parts[1] === 'new') return { kind: 'new' };
  if (parts[1] === 'import') return { kind: 'import' };
  if (parts[1] === 'case' && parts[2]) return { kind: 'case', id: parts[2] };
  if (parts[1] === 'f' && parts[2]) {
    const id = parts[2];
    switch (parts[3]) {
      case 'edit':
        return { kind: 'edit', id };
      case 'intake':
        return { kind: 'intake', id };
      case 'zz':
        return { kind: 'zz', id };
      case 'supporting':
        return { kind: 'supporting', id };
      default:
        return { kind: 'card', id };
    }
  }
  return { kind: 'list' };
}

const enc = encodeURIComponent;

export const href = {
  list: () => '#/families',
  new: () => '#/families/new',
  import: () => '#/families/import',
  card: (id: string) => `#/families/f/${enc(id)}`,
  edit: (id: string) => `#/families/f/${enc(id)}/edit`,
  intake: (id: string) => `#/families/f/${enc(id)}/intake`,
  zz: (id: string) => `#/families/f/${enc(id)}/zz`,
  supporting: (id: string) => `#/families/f/${enc(id)}/supporting`,
  case: (id: string) => `#/families/case/${enc(id)}`,
  decisions: () => '#/decisions',
};

export function go(to: string): void {
  window.location.hash = to;
}

export function useFamiliesView(): FamiliesView {
  const [view, setView] = useState<FamiliesView>(() => parseFamiliesHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setView(parseFamiliesHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
