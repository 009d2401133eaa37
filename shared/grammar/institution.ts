/**
 * The office's name in the genitive, for the head's title ("Kierownik Gminnego Ośrodka Pomocy
 * Społecznej w Lubiczu"): the leading adjectives and the head noun decline, the rest (already a
 * genitive or a place: "Pomocy Społecznej", "w Lubiczu") stays. Names the rule does not know
 * return null and the caller prints the generic title.
 */
const NOUNS: Readonly<Record<string, string>> = {
  sąd: 'Sądu',
  ośrodek: 'Ośrodka',
  centrum: 'Centrum',
  zespół: 'Zespołu',
  dział: 'Działu',
  urząd: 'Urzędu',
};

function adjectiveGen(w: string): string | null {
  const parts = w.split('-');
  const last = parts.at(-1)!;
  let gen: string | null = null;
  if (/[kg]i$/i.test(last)) gen = `${last}ego`; // Miejski → Miejskiego
  else if (/y$/i.test(last)) gen = `${last.slice(0, -1)}ego`; // Gminny → Gminnego
  if (!gen) return null;
  return [...parts.slice(0, -1), gen].join('-'); // Miejsko-Gminny → Miejsko-Gminnego
}

/** "Gminny Ośrodek Pomocy Społecznej w Lubiczu" → "Gminnego Ośrodka Pomocy Społecznej w Lubiczu". */
export function institutionGenitive(name: string): string | null {
  const words = name.trim().split(/\s+/);
  const out: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const noun = NOUNS[words[i]!.toLowerCase()];
    if (noun) {
      out.push(noun);
      // Adjectives after the noun decline too ("Sąd Rejonowy" → "Sądu Rejonowego"); a genitive
      // or a place ("Pomocy Społecznej", "w Toruniu") ends them.
      let j = i + 1;
      for (; j < words.length && /(?:ow|n|sk|ck)[yi]$/i.test(words[j]!); j++) out.push(adjectiveGen(words[j]!)!);
      return [...out, ...words.slice(j)].join(' ');
    }
    const adj = adjectiveGen(words[i]!);
    if (!adj) return null;
    out.push(adj);
  }
  return null;
}

/** The head's title under the signature: "Kierownik Gminnego Ośrodka Pomocy Społecznej w …". */
export function headTitle(officeName: string): string {
  const gen = institutionGenitive(officeName);
  return gen ? `Kierownik ${gen}` : 'kierownik ośrodka pomocy społecznej';
}
