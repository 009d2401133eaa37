/** Software roles (domain.md §1.7). */
export const ROLES = ['admin', 'assistant', 'social_worker'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Kierownik (administrator)',
  assistant: 'Asystent rodziny',
  social_worker: 'Pracownik socjalny',
};
