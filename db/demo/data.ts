/** Synthetic Polish data for demos and benchmarks. Every person here is invented. */
export const FEMALE_FIRST = [
  'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Elżbieta', 'Magdalena',
  'Joanna', 'Aleksandra', 'Monika', 'Zofia', 'Teresa', 'Danuta', 'Natalia', 'Karolina', 'Marta', 'Beata',
  'Dorota', 'Justyna', 'Żaneta', 'Urszula', 'Paulina', 'Weronika', 'Łucja', 'Jadwiga', 'Halina', 'Grażyna',
];
export const MALE_FIRST = [
  'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Jan', 'Michał', 'Marcin', 'Stanisław', 'Jakub',
  'Adam', 'Marek', 'Łukasz', 'Grzegorz', 'Mateusz', 'Wojciech', 'Mariusz', 'Dariusz', 'Zbigniew', 'Rafał',
  'Kamil', 'Jerzy', 'Szymon', 'Sławomir', 'Bartłomiej', 'Przemysław', 'Józef', 'Dawid', 'Tadeusz', 'Ryszard',
];
export const CHILD_FEMALE = ['Zuzanna', 'Julia', 'Maja', 'Zofia', 'Hanna', 'Lena', 'Alicja', 'Oliwia', 'Laura', 'Pola', 'Amelia', 'Wiktoria'];
export const CHILD_MALE = ['Antoni', 'Jan', 'Aleksander', 'Franciszek', 'Nikodem', 'Szymon', 'Filip', 'Stanisław', 'Mikołaj', 'Wojciech', 'Igor', 'Tymon'];

/** Surname stems with masculine and feminine forms. */
export const SURNAMES: Array<[string, string]> = [
  ['Nowak', 'Nowak'], ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], ['Wójcik', 'Wójcik'],
  ['Kowalczyk', 'Kowalczyk'], ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'], ['Woźniak', 'Woźniak'], ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'], ['Mazur', 'Mazur'], ['Kwiatkowski', 'Kwiatkowska'], ['Krawczyk', 'Krawczyk'],
  ['Piotrowski', 'Piotrowska'], ['Grabowski', 'Grabowska'], ['Nowakowski', 'Nowakowska'], ['Pawłowski', 'Pawłowska'],
  ['Michalski', 'Michalska'], ['Król', 'Król'], ['Wieczorek', 'Wieczorek'], ['Jabłoński', 'Jabłońska'],
  ['Wróbel', 'Wróbel'], ['Majewski', 'Majewska'], ['Olszewski', 'Olszewska'], ['Stępień', 'Stępień'],
  ['Jaworski', 'Jaworska'], ['Malinowski', 'Malinowska'], ['Górski', 'Górska'], ['Rutkowski', 'Rutkowska'],
  ['Sikora', 'Sikora'], ['Walczak', 'Walczak'], ['Baran', 'Baran'], ['Michalak', 'Michalak'],
  ['Szewczyk', 'Szewczyk'], ['Ostrowski', 'Ostrowska'], ['Tomaszewski', 'Tomaszewska'], ['Pietrzak', 'Pietrzak'],
  ['Duda', 'Duda'], ['Zalewski', 'Zalewska'], ['Wróblewski', 'Wróblewska'], ['Jasiński', 'Jasińska'],
  ['Marciniak', 'Marciniak'], ['Sadowski', 'Sadowska'], ['Bąk', 'Bąk'], ['Zawadzki', 'Zawadzka'],
  ['Jakubowski', 'Jakubowska'], ['Wilk', 'Wilk'], ['Chmielewski', 'Chmielewska'], ['Włodarczyk', 'Włodarczyk'],
  ['Borkowski', 'Borkowska'], ['Czarnecki', 'Czarnecka'], ['Sawicki', 'Sawicka'], ['Sokołowski', 'Sokołowska'],
  ['Urbański', 'Urbańska'], ['Kubiak', 'Kubiak'], ['Maciejewski', 'Maciejewska'], ['Szczepański', 'Szczepańska'],
  ['Brzęczek', 'Brzęczek'], ['Żak', 'Żak'], ['Łuczak', 'Łuczak'], ['Ślusarczyk', 'Ślusarczyk'],
];

/** Villages (sołectwa) of a fictional rural gmina of about 10 000 inhabitants. */
export const PLACES: Array<{ name: string; postalCode: string }> = [
  { name: 'Grębocin', postalCode: '87-122' }, { name: 'Lubicz Dolny', postalCode: '87-162' },
  { name: 'Lubicz Górny', postalCode: '87-162' }, { name: 'Krobia', postalCode: '87-162' },
  { name: 'Złotoria', postalCode: '87-134' }, { name: 'Rogówko', postalCode: '87-162' },
  { name: 'Mierzynek', postalCode: '87-162' }, { name: 'Jedwabno', postalCode: '87-162' },
  { name: 'Brzezinko', postalCode: '87-162' }, { name: 'Gronówko', postalCode: '87-123' },
  { name: 'Kopanino', postalCode: '87-162' }, { name: 'Nowa Wieś', postalCode: '87-162' },
  { name: 'Młyniec Pierwszy', postalCode: '87-123' }, { name: 'Młyniec Drugi', postalCode: '87-123' },
  { name: 'Ostaszewo', postalCode: '87-162' }, { name: 'Rudak', postalCode: '87-162' },
];

export const STREETS = [
  'Polna', 'Leśna', 'Szkolna', 'Kościelna', 'Ogrodowa', 'Łąkowa', 'Słoneczna', 'Krótka', 'Długa', 'Lipowa',
  'Klonowa', 'Brzozowa', 'Wiejska', 'Spacerowa', 'Źródlana', 'Żwirowa', 'Toruńska', 'Młyńska', 'Parkowa', 'Różana',
];
