/**
 * Declension of Polish personal names, as a grammar book states it. Each row: nominative,
 * genitive (kogo?), dative (komu?), accusative (kogo?), instrumental (z kim?), locative (o kim?).
 */
import { describe, expect, it } from 'vitest';
import { declineFirstName, declineSurname, nameIn, OBLIQUE_CASES, ruleForms, titledNameIn, type Sex } from '../../../shared/grammar';

type Row = [nom: string, gen: string, dat: string, acc: string, ins: string, loc: string];

/** it.each spreads a row into the arguments: (nominative, ...the five oblique forms). */
const check =
  (decline: (w: string, sex: Sex, c: (typeof OBLIQUE_CASES)[number]) => string, sex: Sex) =>
  (...row: Row) => {
    const [nom, ...forms] = row;
    expect(OBLIQUE_CASES.map((c) => decline(nom, sex, c))).toEqual(forms);
  };

describe('feminine first names ending in -a decline like feminine nouns', () => {
  const hard: Row[] = [
    ['Anna', 'Anny', 'Annie', 'Annę', 'Anną', 'Annie'],
    ['Katarzyna', 'Katarzyny', 'Katarzynie', 'Katarzynę', 'Katarzyną', 'Katarzynie'],
    ['Krystyna', 'Krystyny', 'Krystynie', 'Krystynę', 'Krystyną', 'Krystynie'],
    ['Halina', 'Haliny', 'Halinie', 'Halinę', 'Haliną', 'Halinie'],
    ['Joanna', 'Joanny', 'Joannie', 'Joannę', 'Joanną', 'Joannie'],
    ['Magdalena', 'Magdaleny', 'Magdalenie', 'Magdalenę', 'Magdaleną', 'Magdalenie'],
    ['Grażyna', 'Grażyny', 'Grażynie', 'Grażynę', 'Grażyną', 'Grażynie'],
    ['Ewa', 'Ewy', 'Ewie', 'Ewę', 'Ewą', 'Ewie'],
    ['Teresa', 'Teresy', 'Teresie', 'Teresę', 'Teresą', 'Teresie'],
    ['Janina', 'Janiny', 'Janinie', 'Janinę', 'Janiną', 'Janinie'],
    ['Stanisława', 'Stanisławy', 'Stanisławie', 'Stanisławę', 'Stanisławą', 'Stanisławie'],
  ];
  it.each(hard)('%s: -y in the genitive, -ie in the dative and locative', check(declineFirstName, 'F'));

  const alternating: Row[] = [
    ['Małgorzata', 'Małgorzaty', 'Małgorzacie', 'Małgorzatę', 'Małgorzatą', 'Małgorzacie'],
    ['Elżbieta', 'Elżbiety', 'Elżbiecie', 'Elżbietę', 'Elżbietą', 'Elżbiecie'],
    ['Danuta', 'Danuty', 'Danucie', 'Danutę', 'Danutą', 'Danucie'],
    ['Dorota', 'Doroty', 'Dorocie', 'Dorotę', 'Dorotą', 'Dorocie'],
    ['Beata', 'Beaty', 'Beacie', 'Beatę', 'Beatą', 'Beacie'],
    ['Jolanta', 'Jolanty', 'Jolancie', 'Jolantę', 'Jolantą', 'Jolancie'],
    ['Barbara', 'Barbary', 'Barbarze', 'Barbarę', 'Barbarą', 'Barbarze'],
    ['Aleksandra', 'Aleksandry', 'Aleksandrze', 'Aleksandrę', 'Aleksandrą', 'Aleksandrze'],
    ['Wanda', 'Wandy', 'Wandzie', 'Wandę', 'Wandą', 'Wandzie'],
    ['Bogumiła', 'Bogumiły', 'Bogumile', 'Bogumiłę', 'Bogumiłą', 'Bogumile'],
    ['Augusta', 'Augusty', 'Auguście', 'Augustę', 'Augustą', 'Auguście'],
  ];
  it.each(alternating)('%s: t → cie, r → rze, d → dzie, ł → le, st → ście', check(declineFirstName, 'F'));

  const velar: Row[] = [
    ['Agnieszka', 'Agnieszki', 'Agnieszce', 'Agnieszkę', 'Agnieszką', 'Agnieszce'],
    ['Monika', 'Moniki', 'Monice', 'Monikę', 'Moniką', 'Monice'],
    ['Weronika', 'Weroniki', 'Weronice', 'Weronikę', 'Weroniką', 'Weronice'],
    ['Jadwiga', 'Jadwigi', 'Jadwidze', 'Jadwigę', 'Jadwigą', 'Jadwidze'],
    ['Kinga', 'Kingi', 'Kindze', 'Kingę', 'Kingą', 'Kindze'],
    ['Olga', 'Olgi', 'Oldze', 'Olgę', 'Olgą', 'Oldze'],
  ];
  it.each(velar)('%s: -ki/-gi in the genitive, k → ce and g → dze in the dative', check(declineFirstName, 'F'));

  const soft: Row[] = [
    ['Maria', 'Marii', 'Marii', 'Marię', 'Marią', 'Marii'],
    ['Zofia', 'Zofii', 'Zofii', 'Zofię', 'Zofią', 'Zofii'],
    ['Natalia', 'Natalii', 'Natalii', 'Natalię', 'Natalią', 'Natalii'],
    ['Julia', 'Julii', 'Julii', 'Julię', 'Julią', 'Julii'],
    ['Wiktoria', 'Wiktorii', 'Wiktorii', 'Wiktorię', 'Wiktorią', 'Wiktorii'],
    ['Apolonia', 'Apolonii', 'Apolonii', 'Apolonię', 'Apolonią', 'Apolonii'],
    ['Kasia', 'Kasi', 'Kasi', 'Kasię', 'Kasią', 'Kasi'],
    ['Ania', 'Ani', 'Ani', 'Anię', 'Anią', 'Ani'],
    ['Zuzia', 'Zuzi', 'Zuzi', 'Zuzię', 'Zuzią', 'Zuzi'],
    ['Alicja', 'Alicji', 'Alicji', 'Alicję', 'Alicją', 'Alicji'],
    ['Patrycja', 'Patrycji', 'Patrycji', 'Patrycję', 'Patrycją', 'Patrycji'],
    ['Maja', 'Mai', 'Mai', 'Maję', 'Mają', 'Mai'],
    ['Urszula', 'Urszuli', 'Urszuli', 'Urszulę', 'Urszulą', 'Urszuli'],
    ['Izabela', 'Izabeli', 'Izabeli', 'Izabelę', 'Izabelą', 'Izabeli'],
    ['Kamila', 'Kamili', 'Kamili', 'Kamilę', 'Kamilą', 'Kamili'],
  ];
  it.each(soft)('%s: -ii after a hard consonant, -i after ś/ń/ź, -ji, -i after l', check(declineFirstName, 'F'));

  it.each([['Noemi'], ['Miriam'], ['Beatrycze']])('%s does not decline', (n) => {
    expect(OBLIQUE_CASES.map((c) => declineFirstName(n, 'F', c))).toEqual(Array(5).fill(n));
  });
});

describe('masculine first names', () => {
  const consonant: Row[] = [
    ['Jan', 'Jana', 'Janowi', 'Jana', 'Janem', 'Janie'],
    ['Adam', 'Adama', 'Adamowi', 'Adama', 'Adamem', 'Adamie'],
    ['Jakub', 'Jakuba', 'Jakubowi', 'Jakuba', 'Jakubem', 'Jakubie'],
    ['Józef', 'Józefa', 'Józefowi', 'Józefa', 'Józefem', 'Józefie'],
    ['Krzysztof', 'Krzysztofa', 'Krzysztofowi', 'Krzysztofa', 'Krzysztofem', 'Krzysztofie'],
    ['Stanisław', 'Stanisława', 'Stanisławowi', 'Stanisława', 'Stanisławem', 'Stanisławie'],
    ['Zbigniew', 'Zbigniewa', 'Zbigniewowi', 'Zbigniewa', 'Zbigniewem', 'Zbigniewie'],
    ['Piotr', 'Piotra', 'Piotrowi', 'Piotra', 'Piotrem', 'Piotrze'],
    ['Ryszard', 'Ryszarda', 'Ryszardowi', 'Ryszarda', 'Ryszardem', 'Ryszardzie'],
    ['Dawid', 'Dawida', 'Dawidowi', 'Dawida', 'Dawidem', 'Dawidzie'],
    ['Robert', 'Roberta', 'Robertowi', 'Roberta', 'Robertem', 'Robercie'],
    ['Ernest', 'Ernesta', 'Ernestowi', 'Ernesta', 'Ernestem', 'Erneście'],
    ['Michał', 'Michała', 'Michałowi', 'Michała', 'Michałem', 'Michale'],
    ['Borys', 'Borysa', 'Borysowi', 'Borysa', 'Borysem', 'Borysie'],
  ];
  it.each(consonant)('%s: hard stem, -ie/-e with the alternation in the locative', check(declineFirstName, 'M'));

  const softOrVelar: Row[] = [
    ['Tomasz', 'Tomasza', 'Tomaszowi', 'Tomasza', 'Tomaszem', 'Tomaszu'],
    ['Łukasz', 'Łukasza', 'Łukaszowi', 'Łukasza', 'Łukaszem', 'Łukaszu'],
    ['Grzegorz', 'Grzegorza', 'Grzegorzowi', 'Grzegorza', 'Grzegorzem', 'Grzegorzu'],
    ['Kazimierz', 'Kazimierza', 'Kazimierzowi', 'Kazimierza', 'Kazimierzem', 'Kazimierzu'],
    ['Andrzej', 'Andrzeja', 'Andrzejowi', 'Andrzeja', 'Andrzejem', 'Andrzeju'],
    ['Maciej', 'Macieja', 'Maciejowi', 'Macieja', 'Maciejem', 'Macieju'],
    ['Kamil', 'Kamila', 'Kamilowi', 'Kamila', 'Kamilem', 'Kamilu'],
    ['Wojciech', 'Wojciecha', 'Wojciechowi', 'Wojciecha', 'Wojciechem', 'Wojciechu'],
    ['Henryk', 'Henryka', 'Henrykowi', 'Henryka', 'Henrykiem', 'Henryku'],
    ['Patryk', 'Patryka', 'Patrykowi', 'Patryka', 'Patrykiem', 'Patryku'],
  ];
  it.each(softOrVelar)('%s: soft or velar stem, -u in the locative, -iem after k', check(declineFirstName, 'M'));

  const fleeting: Row[] = [
    ['Marek', 'Marka', 'Markowi', 'Marka', 'Markiem', 'Marku'],
    ['Leszek', 'Leszka', 'Leszkowi', 'Leszka', 'Leszkiem', 'Leszku'],
    ['Jacek', 'Jacka', 'Jackowi', 'Jacka', 'Jackiem', 'Jacku'],
    ['Franciszek', 'Franciszka', 'Franciszkowi', 'Franciszka', 'Franciszkiem', 'Franciszku'],
    ['Paweł', 'Pawła', 'Pawłowi', 'Pawła', 'Pawłem', 'Pawle'],
    ['Aleksander', 'Aleksandra', 'Aleksandrowi', 'Aleksandra', 'Aleksandrem', 'Aleksandrze'],
    ['Kacper', 'Kacpra', 'Kacprowi', 'Kacpra', 'Kacprem', 'Kacprze'],
    ['Stasiek', 'Staśka', 'Staśkowi', 'Staśka', 'Staśkiem', 'Staśku'],
  ];
  it.each(fleeting)('%s: the fleeting e drops in the oblique cases', check(declineFirstName, 'M'));

  const adjectival: Row[] = [
    ['Jerzy', 'Jerzego', 'Jerzemu', 'Jerzego', 'Jerzym', 'Jerzym'],
    ['Antoni', 'Antoniego', 'Antoniemu', 'Antoniego', 'Antonim', 'Antonim'],
    ['Ignacy', 'Ignacego', 'Ignacemu', 'Ignacego', 'Ignacym', 'Ignacym'],
    ['Ksawery', 'Ksawerego', 'Ksaweremu', 'Ksawerego', 'Ksawerym', 'Ksawerym'],
  ];
  it.each(adjectival)('%s: -y/-i names decline like adjectives', check(declineFirstName, 'M'));

  const inA: Row[] = [
    ['Kuba', 'Kuby', 'Kubie', 'Kubę', 'Kubą', 'Kubie'],
    ['Barnaba', 'Barnaby', 'Barnabie', 'Barnabę', 'Barnabą', 'Barnabie'],
    ['Bruno', 'Brunona', 'Brunonowi', 'Brunona', 'Brunonem', 'Brunonie'],
    ['Mieszko', 'Mieszka', 'Mieszkowi', 'Mieszka', 'Mieszkiem', 'Mieszku'],
  ];
  it.each(inA)('%s: -a names decline like feminine nouns, -o names take -on- or lose the -o', check(declineFirstName, 'M'));
});

describe('masculine surnames', () => {
  const adjectival: Row[] = [
    ['Kowalski', 'Kowalskiego', 'Kowalskiemu', 'Kowalskiego', 'Kowalskim', 'Kowalskim'],
    ['Wiśniewski', 'Wiśniewskiego', 'Wiśniewskiemu', 'Wiśniewskiego', 'Wiśniewskim', 'Wiśniewskim'],
    ['Dąbrowski', 'Dąbrowskiego', 'Dąbrowskiemu', 'Dąbrowskiego', 'Dąbrowskim', 'Dąbrowskim'],
    ['Jabłoński', 'Jabłońskiego', 'Jabłońskiemu', 'Jabłońskiego', 'Jabłońskim', 'Jabłońskim'],
    ['Nowicki', 'Nowickiego', 'Nowickiemu', 'Nowickiego', 'Nowickim', 'Nowickim'],
    ['Głowacki', 'Głowackiego', 'Głowackiemu', 'Głowackiego', 'Głowackim', 'Głowackim'],
    ['Zawadzki', 'Zawadzkiego', 'Zawadzkiemu', 'Zawadzkiego', 'Zawadzkim', 'Zawadzkim'],
    ['Gładzki', 'Gładzkiego', 'Gładzkiemu', 'Gładzkiego', 'Gładzkim', 'Gładzkim'],
    ['Biały', 'Białego', 'Białemu', 'Białego', 'Białym', 'Białym'],
    ['Linde', 'Lindego', 'Lindemu', 'Lindego', 'Lindem', 'Lindem'],
  ];
  it.each(adjectival)('%s: -ski/-cki/-dzki and -y decline like adjectives', check(declineSurname, 'M'));

  const nouns: Row[] = [
    ['Nowak', 'Nowaka', 'Nowakowi', 'Nowaka', 'Nowakiem', 'Nowaku'],
    ['Wójcik', 'Wójcika', 'Wójcikowi', 'Wójcika', 'Wójcikiem', 'Wójciku'],
    ['Pietrzak', 'Pietrzaka', 'Pietrzakowi', 'Pietrzaka', 'Pietrzakiem', 'Pietrzaku'],
    ['Wilk', 'Wilka', 'Wilkowi', 'Wilka', 'Wilkiem', 'Wilku'],
    ['Bąk', 'Bąka', 'Bąkowi', 'Bąka', 'Bąkiem', 'Bąku'],
    ['Baran', 'Barana', 'Baranowi', 'Barana', 'Baranem', 'Baranie'],
    ['Mazur', 'Mazura', 'Mazurowi', 'Mazura', 'Mazurem', 'Mazurze'],
    ['Lis', 'Lisa', 'Lisowi', 'Lisa', 'Lisem', 'Lisie'],
    ['Zając', 'Zająca', 'Zającowi', 'Zająca', 'Zającem', 'Zającu'],
    ['Król', 'Króla', 'Królowi', 'Króla', 'Królem', 'Królu'],
    ['Kowal', 'Kowala', 'Kowalowi', 'Kowala', 'Kowalem', 'Kowalu'],
    ['Szulc', 'Szulca', 'Szulcowi', 'Szulca', 'Szulcem', 'Szulcu'],
    ['Kołodziej', 'Kołodzieja', 'Kołodziejowi', 'Kołodzieja', 'Kołodziejem', 'Kołodzieju'],
    ['Mazurkiewicz', 'Mazurkiewicza', 'Mazurkiewiczowi', 'Mazurkiewicza', 'Mazurkiewiczem', 'Mazurkiewiczu'],
    ['Łoś', 'Łosia', 'Łosiowi', 'Łosia', 'Łosiem', 'Łosiu'],
    ['Nguyen', 'Nguyena', 'Nguyenowi', 'Nguyena', 'Nguyenem', 'Nguyenie'],
  ];
  it.each(nouns)('%s: consonant endings decline like masculine nouns', check(declineSurname, 'M'));

  const fleeting: Row[] = [
    ['Dudek', 'Dudka', 'Dudkowi', 'Dudka', 'Dudkiem', 'Dudku'],
    ['Kaczmarek', 'Kaczmarka', 'Kaczmarkowi', 'Kaczmarka', 'Kaczmarkiem', 'Kaczmarku'],
    ['Wieczorek', 'Wieczorka', 'Wieczorkowi', 'Wieczorka', 'Wieczorkiem', 'Wieczorku'],
    ['Wróbel', 'Wróbla', 'Wróblowi', 'Wróbla', 'Wróblem', 'Wróblu'],
    ['Kozieł', 'Kozła', 'Kozłowi', 'Kozła', 'Kozłem', 'Koźle'],
    ['Adamiec', 'Adamca', 'Adamcowi', 'Adamca', 'Adamcem', 'Adamcu'],
    ['Marzec', 'Marca', 'Marcowi', 'Marca', 'Marcem', 'Marcu'],
    ['Stępień', 'Stępnia', 'Stępniowi', 'Stępnia', 'Stępniem', 'Stępniu'],
  ];
  it.each(fleeting)('%s: the fleeting e drops', check(declineSurname, 'M'));

  const inA: Row[] = [
    ['Duda', 'Dudy', 'Dudzie', 'Dudę', 'Dudą', 'Dudzie'],
    ['Zaręba', 'Zaręby', 'Zarębie', 'Zarębę', 'Zarębą', 'Zarębie'],
    ['Sikora', 'Sikory', 'Sikorze', 'Sikorę', 'Sikorą', 'Sikorze'],
    ['Kania', 'Kani', 'Kani', 'Kanię', 'Kanią', 'Kani'],
    ['Mucha', 'Muchy', 'Musze', 'Muchę', 'Muchą', 'Musze'],
    ['Kościuszko', 'Kościuszki', 'Kościuszce', 'Kościuszkę', 'Kościuszką', 'Kościuszce'],
    ['Fredro', 'Fredry', 'Fredrze', 'Fredrę', 'Fredrą', 'Fredrze'],
  ];
  it.each(inA)('%s: -a and -o surnames of men decline like feminine nouns', check(declineSurname, 'M'));
});

describe('feminine surnames', () => {
  const adjectival: Row[] = [
    ['Kowalska', 'Kowalskiej', 'Kowalskiej', 'Kowalską', 'Kowalską', 'Kowalskiej'],
    ['Wiśniewska', 'Wiśniewskiej', 'Wiśniewskiej', 'Wiśniewską', 'Wiśniewską', 'Wiśniewskiej'],
    ['Śliwińska', 'Śliwińskiej', 'Śliwińskiej', 'Śliwińską', 'Śliwińską', 'Śliwińskiej'],
    ['Żurawska', 'Żurawskiej', 'Żurawskiej', 'Żurawską', 'Żurawską', 'Żurawskiej'],
    ['Jabłońska', 'Jabłońskiej', 'Jabłońskiej', 'Jabłońską', 'Jabłońską', 'Jabłońskiej'],
    ['Dąbrowska', 'Dąbrowskiej', 'Dąbrowskiej', 'Dąbrowską', 'Dąbrowską', 'Dąbrowskiej'],
    ['Nowicka', 'Nowickiej', 'Nowickiej', 'Nowicką', 'Nowicką', 'Nowickiej'],
    ['Zawadzka', 'Zawadzkiej', 'Zawadzkiej', 'Zawadzką', 'Zawadzką', 'Zawadzkiej'],
    ['Nowakowa', 'Nowakowej', 'Nowakowej', 'Nowakową', 'Nowakową', 'Nowakowej'],
  ];
  it.each(adjectival)('%s: -ska/-cka/-dzka/-owa decline like adjectives', check(declineSurname, 'F'));

  const inA: Row[] = [
    ['Duda', 'Dudy', 'Dudzie', 'Dudę', 'Dudą', 'Dudzie'],
    ['Sowa', 'Sowy', 'Sowie', 'Sowę', 'Sową', 'Sowie'],
    ['Wrona', 'Wrony', 'Wronie', 'Wronę', 'Wroną', 'Wronie'],
    ['Kania', 'Kani', 'Kani', 'Kanię', 'Kanią', 'Kani'],
    ['Krupa', 'Krupy', 'Krupie', 'Krupę', 'Krupą', 'Krupie'],
  ];
  it.each(inA)('%s: noun surnames in -a decline', check(declineSurname, 'F'));

  it.each([['Nowak'], ['Baran'], ['Wróbel'], ['Mazur'], ['Zając'], ['Kowal'], ['Szulc'], ['Kościuszko'], ['Dubois'], ['Nguyen']])(
    '%s does not decline for a woman (consonant or -o ending, foreign name)',
    (n) => expect(OBLIQUE_CASES.map((c) => declineSurname(n, 'F', c))).toEqual(Array(5).fill(n)),
  );
});

describe('double-barrelled and foreign names', () => {
  it('declines each part by its own rule', () => {
    expect(declineSurname('Kowalska-Nowak', 'F', 'gen')).toBe('Kowalskiej-Nowak');
    expect(declineSurname('Nowak-Jeziorański', 'M', 'gen')).toBe('Nowaka-Jeziorańskiego');
    expect(declineSurname('Nowak-Jeziorański', 'M', 'ins')).toBe('Nowakiem-Jeziorańskim');
    expect(declineSurname('Wróbel-Kowalska', 'F', 'acc')).toBe('Wróbel-Kowalską');
  });
  it('leaves names whose ending is not pronounced as written undeclined', () => {
    for (const n of ['Dubois', 'Rousseau', 'Benoît', 'Liu', 'Müller']) expect(declineSurname(n, 'M', 'gen')).toBe(n);
  });
  it('keeps names written in capitals in capitals', () => {
    expect(declineSurname('KOWALSKI', 'M', 'gen')).toBe('KOWALSKIEGO');
  });
});

describe('a person in a running sentence', () => {
  it('"przydzielam" takes the accusative, "z asystentem rodziny" the instrumental', () => {
    expect(`przydzielam ${titledNameIn({ fullName: 'Agnieszka Śliwińska' }, 'acc')}`).toBe('przydzielam Panią Agnieszkę Śliwińską');
    expect(`z asystentem rodziny ${nameIn({ fullName: 'Magdalena Żurawska' }, 'ins')}`).toBe('z asystentem rodziny Magdaleną Żurawską');
  });
  it('"wniosek" takes the genitive, "Panu" the dative', () => {
    expect(`wniosek ${titledNameIn({ firstName: 'Anna', lastName: 'Baran', sex: 'F' }, 'gen')}`).toBe('wniosek Pani Anny Baran');
    expect(titledNameIn({ firstName: 'Jan', lastName: 'Kowalski', sex: 'M' }, 'dat')).toBe('Panu Janowi Kowalskiemu');
  });
  it('two first names decline both; the last word of a full name is the surname', () => {
    expect(nameIn({ fullName: 'Anna Maria Kowalska' }, 'gen')).toBe('Anny Marii Kowalskiej');
    expect(nameIn({ firstName: 'Jan Paweł', lastName: 'Nowak', sex: 'M' }, 'dat')).toBe('Janowi Pawłowi Nowakowi');
  });
  it('the recorded sex decides, not the look of the name', () => {
    // A man named Maria (as a second name) or a woman whose first name the rule would misread.
    expect(nameIn({ firstName: 'Noemi', lastName: 'Nowak', sex: 'F' }, 'gen')).toBe('Noemi Nowak');
    expect(nameIn({ firstName: 'Kuba', lastName: 'Nowak' }, 'gen')).toBe('Kuby Nowaka');
  });
  it('the sex from a PESEL (even 10th digit = woman) when the record does not state it', () => {
    expect(nameIn({ firstName: 'Sasza', lastName: 'Nowak', pesel: '85010112345' }, 'gen')).toBe('Saszy Nowak');
    expect(nameIn({ firstName: 'Sasza', lastName: 'Nowak', pesel: '85010112338' }, 'gen')).toBe('Saszy Nowaka');
  });
  it('a per-person override wins over the rules, case by case', () => {
    const p = { firstName: 'Jan', lastName: 'Gołąb', sex: 'M' as const, nameForms: { gen: 'Jana Gołębia', ins: 'Janem Gołębiem' } };
    expect(nameIn(p, 'gen')).toBe('Jana Gołębia');
    expect(nameIn(p, 'ins')).toBe('Janem Gołębiem');
    expect(nameIn(p, 'dat')).toBe('Janowi Gołąbowi');
    expect(ruleForms(p).gen).toBe('Jana Gołąba');
  });
});
