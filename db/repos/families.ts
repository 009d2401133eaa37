/** Family registry queries (the list a worker uses all day, and the family card). */
import type { FamilyListItem } from '../../shared/ipc/contract';
import { foldPolish } from '../../shared/text';
import type { SqliteHandle } from '../open';

export interface FamilyListQuery {
  query: string;
  page: number;
  pageSize: number;
  /** Restrict to one assistant's families (scoping for the assistant role). */
  assistantId?: string;
}

/**
 * Diacritics-insensitive search: 11 digits = PESEL (exact), otherwise every word must match a
 * surname prefix, the address or the case number (searchText holds them folded).
 */
export function listFamilies(sqlite: SqliteHandle, q: FamilyListQuery): { items: FamilyListItem[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const text = q.query.trim();
  if (/^\d{11}$/.test(text)) {
    where.push('f.id IN (SELECT family_id FROM family_members WHERE pesel = @pesel)');
    params.pesel = text;
  } else if (text) {
    foldPolish(text)
      .split(' ')
      .filter(Boolean)
      .slice(0, 5)
      .forEach((w, i) => {
        const esc = w.replace(/[\\%_]/g, (c) => `\\${c}`);
        where.push(
          `(f.id IN (SELECT family_id FROM family_members WHERE last_name_folded >= @w${i} AND last_name_folded < @w${i}hi)` +
            ` OR f.search_text LIKE @l${i} ESCAPE '\\')`,
        );
        params[`w${i}`] = w;
        params[`w${i}hi`] = `${w}\uffff`;
        params[`l${i}`] = `%${esc}%`;
      });
  }
  if (q.assistantId) {
    where.push('f.assistant_id = @assistantId');
    params.assistantId = q.assistantId;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT count(*) AS c FROM families f ${whereSql}`).get(params) as { c: number }).c;
  const rows = sqlite
    .prepare(
      `SELECT f.id, f.case_number AS caseNumber, f.address, f.place,
              (SELECT first_name || ' ' || last_name FROM family_members m WHERE m.family_id = f.id
                 ORDER BY is_head DESC, sort_order LIMIT 1) AS headName,
              (SELECT count(*) FROM family_members m WHERE m.family_id = f.id) AS membersCount,
              (SELECT count(*) FROM family_members m WHERE m.family_id = f.id AND m.is_child = 1) AS childrenCount,
              u.full_name AS assistantName,
              (SELECT last_name_folded FROM family_members m WHERE m.family_id = f.id
                 ORDER BY is_head DESC, sort_order LIMIT 1) AS sortKey
         FROM families f LEFT JOIN users u ON u.id = f.assistant_id
         ${whereSql}
         ORDER BY sortKey, f.id
         LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Array<
    FamilyListItem & { sortKey: string }
  >;
  return {
    total,
    items: rows.map(({ sortKey: _s, ...r }) => ({ ...r, headName: r.headName ?? '' })),
  };
}

export function getFamily(sqlite: SqliteHandle, id: string) {
  const f = sqlite
    .prepare(
      `SELECT id, case_number AS caseNumber, address, postal_code AS postalCode, place, gmina, phone,
              assistant_id AS assistantId, version FROM families WHERE id = ?`,
    )
    .get(id) as
    | {
        id: string;
        caseNumber: string | null;
        address: string;
        postalCode: string;
        place: string;
        gmina: string;
        phone: string;
        assistantId: string | null;
        version: number;
      }
    | undefined;
  if (!f) return undefined;
  const members = (
    sqlite
      .prepare(
        `SELECT id, first_name AS firstName, last_name AS lastName, pesel, birth_date AS birthDate, sex,
                relation, is_child AS isChild FROM family_members WHERE family_id = ? ORDER BY sort_order`,
      )
      .all(id) as Array<{ isChild: number } & Record<string, unknown>>
  ).map((m) => ({ ...m, isChild: m.isChild === 1 }));
  return { ...f, members } as typeof f & {
    members: Array<{
      id: string;
      firstName: string;
      lastName: string;
      pesel: string | null;
      birthDate: string;
      sex: 'F' | 'M' | null;
      relation: string;
      isChild: boolean;
    }>;
  };
}

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
    `INSERT INTO families (id, case_number, address, postal_code, place, gmina, phone, search_text, assistant_id, created_at, updated_at, version)
     VALUES (@id, @caseNumber, @address, @postalCode, @place, @gmina, @phone, @searchText, @assistantId, @at, @at, 1)`,
  );
  const insM = sqlite.prepare(
    `INSERT INTO family_members (id, family_id, first_name, last_name, last_name_folded, pesel, birth_date, sex, relation, is_child, is_head, sort_order)
     VALUES (@id, @familyId, @firstName, @lastName, @lastNameFolded, @pesel, @birthDate, @sex, @relation, @isChild, @isHead, @sortOrder)`,
  );
  sqlite.transaction(() => {
    for (const f of rows) {
      const { members, ...fam } = f;
      insF.run({ ...fam, at });
      for (const m of members) insM.run({ ...m, familyId: f.id, isChild: m.isChild ? 1 : 0, isHead: m.isHead ? 1 : 0 });
    }
  })();
}
