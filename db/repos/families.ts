/** Bulk inserts of families (demo data, imports, benchmarks); queries live in db/services/registry.ts. */
import { foldPolish } from '../../shared/text';
import type { SqliteHandle } from '../open';

export interface NewFamilyRow {
  id: string;
  caseNumber: string | null;
  address: string;
  postalCode: string;
  place: string;
  gmina: string;
  phone: string;
  searchText: string;
  assistantId: string | null;
  members: Array<{
    id: string;
    firstName: string;
    lastName: string;
    lastNameFolded: string;
    pesel: string | null;
    birthDate: string;
    sex: 'F' | 'M' | null;
    relation: string;
    isChild: boolean;
    isHead: boolean;
    sortOrder: number;
  }>;
}

/** Bulk insert in one transaction (demo data, imports). */
export function insertFamilies(sqlite: SqliteHandle, rows: NewFamilyRow[], at: string): void {
  const insF = sqlite.prepare(
    `INSERT INTO families (id, case_number, address, postal_code, place, gmina, phone, search_text, sort_name, assistant_id, created_at, updated_at, version)
     VALUES (@id, @caseNumber, @address, @postalCode, @place, @gmina, @phone, @searchText, @sortName, @assistantId, @at, @at, 1)`,
  );
  const insM = sqlite.prepare(
    `INSERT INTO family_members (id, family_id, first_name, last_name, last_name_folded, pesel, birth_date, sex, relation, is_child, is_head, sort_order)
     VALUES (@id, @familyId, @firstName, @lastName, @lastNameFolded, @pesel, @birthDate, @sex, @relation, @isChild, @isHead, @sortOrder)`,
  );
  sqlite.transaction(() => {
    for (const f of rows) {
      const { members, ...fam } = f;
      const head = [...members].sort((a, b) => Number(b.isHead) - Number(a.isHead) || a.sortOrder - b.sortOrder)[0];
      const sortName = head ? foldPolish(`${head.lastName} ${head.firstName}`) : '';
      insF.run({ ...fam, sortName, at });
      for (const m of members) insM.run({ ...m, familyId: f.id, isChild: m.isChild ? 1 : 0, isHead: m.isHead ? 1 : 0 });
    }
  })();
}
