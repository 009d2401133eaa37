/** Citation building blocks for Finding.basis (Polish, as used in OPS documents). */
export const UWR = 'ustawy o wspieraniu rodziny i systemie pieczy zastępczej';
export const UZZ = 'ustawy „Za życiem”';
export const KPA = 'Kodeksu postępowania administracyjnego';
export const KRO = 'Kodeksu rodzinnego i opiekuńczego';

export const BASIS = {
  caseloadLimit: `art. 15 ust. 4 ${UWR}`,
  caseloadMonitoring: `art. 15 ust. 1 pkt 16 i ust. 4 ${UWR} (ustawienie ośrodka)`,
  supportForFamily: `art. 8 ust. 1 i art. 10 ust. 4 ${UWR}`,
  fosterCareWork: `art. 10 ust. 4 i art. 15 ust. 1 pkt 2 ${UWR}`,
  careDifficulties: `art. 8 ust. 1 i art. 11 ust. 1–2 ${UWR}`,
  consent: `art. 8 ust. 3 ${UWR}`,
  courtOrder: `art. 109 § 2 pkt 1 ${KRO}`,
  art11_1a: `art. 11 ust. 1a ${UWR}`,
  zaZyciemSupport: `art. 8 ${UZZ}`,
  zaZyciemCertificate: `art. 4 ust. 3 ${UZZ}`,
  zaZyciemInForce: `art. 4 ust. 3 ${UZZ} (ustawa obowiązuje od 1 stycznia 2017 r.)`,
  benefit: `art. 10 ${UZZ}`,
  benefitWeek10: `art. 10 ${UZZ} (opieka medyczna nie później niż od 10. tygodnia ciąży)`,
  benefitExclusion: `art. 10 ${UZZ} w zw. z ustawą o świadczeniach rodzinnych`,
  benefitDeadline: `art. 10 ${UZZ} oraz art. 57 § 3 i § 5 ${KPA}`,
  workPlanContent: `art. 15 ust. 3 ${UWR}`,
  workPlanConsultation: `art. 15 ust. 1 pkt 1 ${UWR}`,
  workPlanFosterCare: `art. 15 ust. 1 pkt 2 ${UWR}`,
  assessment: `art. 15 ust. 1 pkt 15 ${UWR}; arkusz oceny funkcjonowania rodziny przyjęty w ośrodku`,
  closure: `art. 15 ust. 1 pkt 16 ${UWR}; standard pracy ośrodka (ocena końcowa)`,
  interview: 'rozporządzenie w sprawie rodzinnego wywiadu środowiskowego (Dz. U. z 2021 r. poz. 893), § 3 ust. 2–3',
  periodicAssessment: `art. 15 ust. 1 pkt 15 ${UWR}`,
} as const;
