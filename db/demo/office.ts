/**
 * The demo office's papers: the staff register of every account (form of address, position,
 * own contact; for assistants employment, art. 12 qualification and declarations), the DPO
 * contact and retention statement of the RODO clause, the register of institutions the
 * catalogue and the letters use, and the opinion text of the showcase court request. Written
 * after the cases and the work, straight into the tables (like the rest of the demo).
 */
import { INSTITUTIONS_KEY, type Institution } from '../../shared/institutions';
import { sexOfFirstName } from '../../shared/grammar';
import { EMPTY_STAFF, OFFICE_PAPERS_KEY, type OfficePapers, type StaffFields } from '../../shared/staff';
import type { SqliteHandle } from '../open';

interface DemoUser {
  id: string;
  fullName: string;
  role: string;
}

const PAPERS: OfficePapers = {
  dpoContact: 'iod@lubicz.example.pl, tel. 56 621 20 49, ul. Toruńska 21, 87-162 Lubicz Dolny',
  retention:
    'dokumentacja pracy z rodziną jest przechowywana przez 10 lat, licząc od 1 stycznia roku następującego po roku zakończenia pracy z rodziną i monitorowania (kategoria archiwalna B10 jednolitego rzeczowego wykazu akt ośrodka), a następnie podlega brakowaniu',
  statisticsBasis: '',
};

export const DEMO_INSTITUTIONS: Institution[] = [
  { id: 'sp-grebocin', name: 'Szkoła Podstawowa im. Mikołaja Kopernika w Grębocinie', kind: 'school', address: 'ul. Szkolna 3, 87-122 Grębocin', phone: '56 678 15 20', email: 'sp.grebocin@lubicz.example.pl', conditions: '', cost: '' },
  { id: 'sp-grebocin-short', name: 'Szkoła Podstawowa w Grębocinie', kind: 'school', address: 'ul. Szkolna 3, 87-122 Grębocin', phone: '56 678 15 20', email: 'sp.grebocin@lubicz.example.pl', conditions: '', cost: '' },
  { id: 'ppp-torun', name: 'Poradnia Psychologiczno-Pedagogiczna w Toruniu', kind: 'counselling', address: 'ul. Konopnickiej 6, 87-100 Toruń', phone: '56 622 30 18', email: 'ppp@torun.example.pl', conditions: 'wniosek rodzica o wydanie opinii lub orzeczenia; bezpłatnie', cost: 'bezpłatnie' },
  { id: 'oik', name: 'Ośrodek Interwencji Kryzysowej', kind: 'social', address: 'ul. Mickiewicza 10, 87-100 Toruń', phone: '56 652 24 56', email: 'oik@torun.example.pl', conditions: 'zgłoszenie telefoniczne lub osobiste, bez skierowania', cost: 'bezpłatnie' },
  { id: 'poz-lubicz', name: 'Przychodnia Rejonowa w Lubiczu Dolnym', kind: 'health', address: 'ul. Toruńska 30, 87-162 Lubicz Dolny', phone: '56 678 22 11', email: '', conditions: 'deklaracja wyboru lekarza podstawowej opieki zdrowotnej', cost: 'bezpłatnie (NFZ)' },
  { id: 'wwr', name: 'Poradnia Wczesnej Interwencji i Rehabilitacji Dzieci', kind: 'health', address: 'ul. Szosa Lubicka 211, 87-100 Toruń', phone: '56 611 22 33', email: '', conditions: 'skierowanie od lekarza ubezpieczenia zdrowotnego; opinia o potrzebie wczesnego wspomagania rozwoju', cost: 'bezpłatnie (NFZ)' },
  { id: 'genetyka', name: 'Poradnia Genetyczna w Toruniu', kind: 'health', address: 'ul. Św. Józefa 53-59, 87-100 Toruń', phone: '56 679 31 40', email: '', conditions: 'skierowanie od lekarza specjalisty; dokumentacja medyczna dziecka i wyniki badań prenatalnych', cost: 'bezpłatnie (NFZ)' },
  { id: 'npp-lubicz', name: 'Nieodpłatna pomoc prawna — punkt w Lubiczu', kind: 'other', address: 'ul. Toruńska 21, 87-162 Lubicz Dolny', phone: '56 621 21 00', email: '', conditions: 'zapisy telefoniczne; oświadczenie o braku możliwości poniesienia kosztów porady', cost: 'bezpłatnie' },
  { id: 'npp', name: 'Nieodpłatna pomoc prawna – punkt w Urzędzie Gminy Lubicz', kind: 'other', address: 'ul. Toruńska 21, 87-162 Lubicz Dolny', phone: '56 621 21 00', email: '', conditions: 'zapisy telefoniczne; oświadczenie o braku możliwości poniesienia kosztów porady', cost: 'bezpłatnie' },
  { id: 'pcpr', name: 'Powiatowe Centrum Pomocy Rodzinie w Toruniu', kind: 'social', address: 'ul. Towarowa 4-6, 87-100 Toruń', phone: '56 662 84 00', email: 'pcpr@torun.example.pl', conditions: '', cost: '' },
  { id: 'sr-torun', name: 'Sąd Rejonowy w Toruniu', kind: 'court', address: 'ul. Młodzieżowa 31, 87-100 Toruń', phone: '56 610 56 00', email: '', conditions: '', cost: '' },
];

const PHONES = ['56 621 20 41', '56 621 20 42', '56 621 20 43', '56 621 20 44', '56 621 20 45'];

function entryFor(u: DemoUser, i: number): StaffFields {
  const first = u.fullName.split(/\s+/)[0] ?? '';
  const sex = sexOfFirstName(first);
  const login = u.fullName.toLocaleLowerCase('pl').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').split(/\s+/);
  const common: StaffFields = {
    ...EMPTY_STAFF,
    salutation: sex === 'F' ? 'Pani' : 'Pan',
    position: u.role === 'social_worker' ? 'starszy pracownik socjalny' : u.role === 'assistant' ? 'asystent rodziny' : '',
    phone: PHONES[i % PHONES.length]!,
    email: `${login[0]?.[0] ?? 'x'}.${login.at(-1) ?? 'x'}@lubicz.example.pl`,
  };
  if (u.role !== 'assistant') return common;
  const serviceContract = i % 3 === 1;
  return {
    ...common,
    employmentForm: serviceContract ? 'service-contract' : 'employment-contract',
    taskBasedTime: !serviceContract,
    fte: serviceContract ? null : 1,
    employedFrom: `${2019 + (i % 4)}-02-01`,
    qualification: {
      education: {
        level: 'higher',
        fieldKind: i % 2 === 0 ? 'pedagogy' : 'other',
        field: i % 2 === 0 ? 'pedagogika opiekuńczo-wychowawcza' : 'administracja',
        school: 'Uniwersytet Mikołaja Kopernika w Toruniu',
        completedOn: '2015-06-30',
        document: `dyplom nr ${1200 + i}/2015`,
      },
      training: i % 2 === 0 ? null : { name: 'Szkolenie dla asystentów rodziny', postgraduate: false, hours: 230, completedOn: '2016-05-20', document: `zaświadczenie nr ${40 + i}/2016` },
      experience: i % 2 === 0 ? [] : [{ employer: 'Placówka wsparcia dziennego „Przystań” w Lubiczu', description: 'wychowawca w świetlicy środowiskowej', from: '2016-09-01', to: '2018-12-31', document: 'świadectwo pracy z 31.12.2018' }],
    },
    declarations: { parentalAuthorityOn: `${2019 + (i % 4)}-01-25`, maintenanceOn: `${2019 + (i % 4)}-01-25`, noConvictionOn: `${2019 + (i % 4)}-01-25` },
  };
}

export function seedDemoOffice(sqlite: SqliteHandle, opts: { at: string; adminId: string }): void {
  const users = sqlite.prepare('SELECT id, full_name AS fullName, role FROM users ORDER BY created_at').all() as DemoUser[];
  const ins = sqlite.prepare(
    `INSERT OR REPLACE INTO staff_register (user_id, salutation, position, phone, email, name_forms, employment_form, task_based_time, fte, employed_from,
       employed_to, qualification, declarations, version, updated_at, updated_by)
     VALUES (@userId, @salutation, @position, @phone, @email, NULL, @employmentForm, @taskBasedTime, @fte, @employedFrom, NULL, @qualification, @declarations, 1, @at, @by)`,
  );
  users.forEach((u, i) => {
    if (u.role === 'dpo') return;
    const f = entryFor(u, i);
    ins.run({
      userId: u.id,
      salutation: f.salutation,
      position: f.position,
      phone: f.phone,
      email: f.email,
      employmentForm: f.employmentForm,
      taskBasedTime: f.taskBasedTime ? 1 : 0,
      fte: f.fte,
      employedFrom: f.employedFrom,
      qualification: f.qualification ? JSON.stringify(f.qualification) : null,
      declarations: f.declarations ? JSON.stringify(f.declarations) : null,
      at: opts.at,
      by: opts.adminId,
    });
  });
  const setting = sqlite.prepare(
    `INSERT INTO office_settings (key, value, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = office_settings.version + 1, updated_at = excluded.updated_at`,
  );
  setting.run(OFFICE_PAPERS_KEY, JSON.stringify(PAPERS), opts.at, opts.adminId);
  setting.run(INSTITUTIONS_KEY, JSON.stringify(DEMO_INSTITUTIONS), opts.at, opts.adminId);

  // The opinion text of the court requests: the scopes the court asked for and what the record
  // does not hold (the assistant writes it before the opinion is printed).
  const requests = sqlite.prepare('SELECT id FROM court_requests WHERE opinion IS NULL').all() as Array<{ id: string }>;
  const upd = sqlite.prepare('UPDATE court_requests SET opinion = ? WHERE id = ?');
  for (const q of requests)
    upd.run(
      JSON.stringify({
        scopes: ['parenting', 'children', 'cooperation', 'plan', 'trend'],
        requestNumber: '',
        sections: {
          parenting:
            'Matka samodzielnie organizuje dzieciom rytm dnia: pilnuje pory posiłków, odrabiania lekcji i snu. Potrzebuje wsparcia w konsekwentnym stawianiu granic starszemu dziecku; korzysta z porad asystenta i stosuje ustalone zasady.',
          cooperation: 'Rodzina zgłaszała się sama w sprawach pilnych i informowała asystenta o odwołaniu spotkań.',
        },
        conclusions:
          'W okresie współpracy rodzina uporządkowała sprawy finansowe i poprawiła opiekę nad dziećmi. Asystent rodziny nie stwierdził zagrożenia bezpieczeństwa dzieci. Wskazane jest dalsze monitorowanie sytuacji rodziny przez okres trzech miesięcy.',
        attachments: ['kopia aktualnego planu pracy z rodziną', 'kopia ostatniej oceny sytuacji rodziny'],
      }),
      q.id,
    );
}
