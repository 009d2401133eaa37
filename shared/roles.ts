/** Software roles (domain.md §1.7). */
export const ROLES = ['admin', 'assistant', 'social_worker', 'dpo'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Kierownik (administrator)',
  assistant: 'Asystent rodziny',
  social_worker: 'Pracownik socjalny',
  dpo: 'Inspektor ochrony danych',
};
