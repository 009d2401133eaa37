/**
 * The staff register (kadra) of one account, edited by the head: what the documents print about
 * the worker (form of address, position under the signature, own contact, declension override)
 * and, for an assistant, the employment (the report counts it) and the art. 12 qualification and
 * declarations. The warnings come from the main process (shared/rules/staff.ts) after saving.
 */
import { Alert, Button, Checkbox, Divider, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { StaffEntry } from '../../../../shared/ipc/contract';
import { CASE_LABELS, OBLIQUE_CASES, ruleForms, sexOfSalutation, titledNameIn } from '../../../../shared/grammar';
import {
  EDUCATION_LEVEL_LABELS,
  EDUCATION_LEVELS,
  EMPLOYMENT_FORM_LABELS,
  EMPLOYMENT_FORMS,
  STUDY_FIELD_LABELS,
  STUDY_FIELDS,
  defaultPosition,
  staffFieldsSchema,
  type StaffFields,
} from '../../../../shared/staff';
import { call, errorMessage, isApiError } from '../../api';
import { DateField } from '../DateField';

type Qualification = NonNullable<StaffFields['qualification']>;
type Experience = Qualification['experience'][number];

const EMPTY_QUALIFICATION: Qualification = {
  education: { level: null, fieldKind: null, field: '', school: '', completedOn: null, document: '' },
  training: null,
  experience: [],
};
const EMPTY_EXPERIENCE: Experience = { employer: '', description: '', from: null, to: null, document: '' };

const d = (v: string | null) => v ?? '';
const nd = (v: string) => (v.trim() === '' ? null : v);

export function StaffForm(props: { entry: StaffEntry; onCancel: () => void; onDone: (e: StaffEntry) => void }) {
  const { entry } = props;
  const [f, setF] = useState<StaffFields>(entry.fields);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const assistant = entry.role === 'assistant';
  const q = f.qualification ?? EMPTY_QUALIFICATION;
  const setQ = (next: Partial<Qualification>) => setF({ ...f, qualification: { ...q, ...next } });
  const decl = f.declarations ?? { parentalAuthorityOn: null, maintenanceOn: null, noConvictionOn: null };
  const person = { fullName: entry.fullName, sex: sexOfSalutation(f.salutation) };
  const rules = ruleForms(person);
  const err = (path: string) => fieldErrors[path];

  const save = async () => {
    setError(null);
    setFieldErrors({});
    const parsed = staffFieldsSchema.safeParse(f);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      setError(parsed.error.issues[0]?.message ?? 'Sprawdź dane.');
      return;
    }
    setBusy(true);
    try {
      props.onDone(await call('staff:update', { userId: entry.userId, version: entry.version, fields: f }));
    } catch (e) {
      if (isApiError(e) && e.fields) setFieldErrors(e.fields);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="staff-form">
      <Title order={3} size="h5">
        Dane do dokumentów
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Forma zwracania się"
          description="Dokumenty uzgadniają z nią formy: sporządziła / sporządził."
          data={[{ value: '', label: 'nie wybrano' }, { value: 'Pani', label: 'Pani' }, { value: 'Pan', label: 'Pan' }]}
          value={f.salutation ?? ''}
          onChange={(e) => setF({ ...f, salutation: (e.currentTarget.value || null) as StaffFields['salutation'] })}
          error={err('salutation')}
        />
        <TextInput
          label="Stanowisko (drukowane pod podpisem)"
          placeholder={defaultPosition(entry.role)}
          value={f.position}
          onChange={(e) => setF({ ...f, position: e.currentTarget.value })}
          error={err('position')}
        />
        <TextInput label="Telefon służbowy" value={f.phone} onChange={(e) => setF({ ...f, phone: e.currentTarget.value })} error={err('phone')} />
        <TextInput label="E-mail służbowy" value={f.email} onChange={(e) => setF({ ...f, email: e.currentTarget.value })} error={err('email')} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Odmiana imienia i nazwiska w pismach (puste pole — według reguł, np. „przydzielam {titledNameIn(person, 'acc')}”). Wpisz formę tylko wtedy, gdy
        reguła jest błędna.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {OBLIQUE_CASES.map((c) => (
          <TextInput
            key={c}
            label={CASE_LABELS[c]}
            placeholder={rules[c]}
            value={f.nameForms?.[c] ?? ''}
            onChange={(e) => setF({ ...f, nameForms: { ...(f.nameForms ?? {}), [c]: e.currentTarget.value } })}
          />
        ))}
      </SimpleGrid>

      {assistant && (
        <>
          <Divider my="xs" />
          <Title order={3} size="h5">
            Zatrudnienie
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Forma zatrudnienia"
              data={[{ value: '', label: 'nie wskazano' }, ...EMPLOYMENT_FORMS.map((v) => ({ value: v, label: EMPLOYMENT_FORM_LABELS[v] }))]}
              value={f.employmentForm ?? ''}
              onChange={(e) => {
                const form = (e.currentTarget.value || null) as StaffFields['employmentForm'];
                setF({ ...f, employmentForm: form, taskBasedTime: form === 'employment-contract' ? f.taskBasedTime : false, fte: form === 'employment-contract' ? f.fte : null });
              }}
              error={err('employmentForm')}
            />
            <NumberInput
              label="Wymiar etatu"
              description="Np. 1 albo 0,5 — tylko przy umowie o pracę."
              decimalSeparator=","
              min={0.05}
              max={1}
              step={0.25}
              disabled={f.employmentForm !== 'employment-contract'}
              value={f.fte ?? ''}
              onChange={(v) => setF({ ...f, fte: v === '' ? null : Number(v) })}
              error={err('fte')}
            />
            <DateField label="Zatrudnienie od" value={d(f.employedFrom)} onChange={(v) => setF({ ...f, employedFrom: nd(v) })} error={err('employedFrom')} />
            <DateField label="Zatrudnienie do" value={d(f.employedTo)} onChange={(v) => setF({ ...f, employedTo: nd(v) })} error={err('employedTo')} />
          </SimpleGrid>
          <Checkbox
            label="Zadaniowy czas pracy"
            checked={f.taskBasedTime}
            disabled={f.employmentForm !== 'employment-contract'}
            onChange={(e) => setF({ ...f, taskBasedTime: e.currentTarget.checked })}
            error={err('taskBasedTime')}
          />

          <Divider my="xs" />
          <Title order={3} size="h5">
            Kwalifikacje (art. 12 ust. 1 pkt 1)
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Wykształcenie"
              data={[{ value: '', label: 'nie wpisano' }, ...EDUCATION_LEVELS.map((v) => ({ value: v, label: EDUCATION_LEVEL_LABELS[v] }))]}
              value={q.education.level ?? ''}
              onChange={(e) => setQ({ education: { ...q.education, level: (e.currentTarget.value || null) as Qualification['education']['level'] } })}
            />
            <NativeSelect
              label="Kierunek studiów"
              disabled={q.education.level !== 'higher'}
              data={[{ value: '', label: 'nie wpisano' }, ...STUDY_FIELDS.map((v) => ({ value: v, label: STUDY_FIELD_LABELS[v] }))]}
              value={q.education.fieldKind ?? ''}
              onChange={(e) => setQ({ education: { ...q.education, fieldKind: (e.currentTarget.value || null) as Qualification['education']['fieldKind'] } })}
            />
            <TextInput label="Kierunek lub profil (jak w dokumencie)" value={q.education.field} onChange={(e) => setQ({ education: { ...q.education, field: e.currentTarget.value } })} />
            <TextInput label="Uczelnia lub szkoła" value={q.education.school} onChange={(e) => setQ({ education: { ...q.education, school: e.currentTarget.value } })} />
            <DateField
              label="Data ukończenia"
              value={d(q.education.completedOn)}
              onChange={(v) => setQ({ education: { ...q.education, completedOn: nd(v) } })}
            />
            <TextInput label="Dokument (dyplom, świadectwo — numer i data)" value={q.education.document} onChange={(e) => setQ({ education: { ...q.education, document: e.currentTarget.value } })} />
          </SimpleGrid>
          <Checkbox
            label="Ukończone szkolenie z zakresu pracy z dziećmi lub rodziną (albo studia podyplomowe o tym programie)"
            checked={q.training !== null}
            onChange={(e) => setQ({ training: e.currentTarget.checked ? { name: '', postgraduate: false, hours: null, completedOn: null, document: '' } : null })}
          />
          {q.training && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Nazwa szkolenia lub studiów" value={q.training.name} onChange={(e) => setQ({ training: { ...q.training!, name: e.currentTarget.value } })} />
              <NumberInput label="Liczba godzin" min={1} max={5000} value={q.training.hours ?? ''} onChange={(v) => setQ({ training: { ...q.training!, hours: v === '' ? null : Number(v) } })} />
              <DateField label="Data ukończenia szkolenia" value={d(q.training.completedOn)} onChange={(v) => setQ({ training: { ...q.training!, completedOn: nd(v) } })} />
              <TextInput label="Dokument (zaświadczenie)" value={q.training.document} onChange={(e) => setQ({ training: { ...q.training!, document: e.currentTarget.value } })} />
              <Checkbox
                label="Studia podyplomowe"
                checked={q.training.postgraduate}
                onChange={(e) => setQ({ training: { ...q.training!, postgraduate: e.currentTarget.checked } })}
              />
            </SimpleGrid>
          )}
          <Text size="sm" fw={600}>
            Staż pracy z dziećmi lub rodziną
          </Text>
          {q.experience.map((x, i) => {
            const setX = (next: Partial<Experience>) => setQ({ experience: q.experience.map((y, j) => (j === i ? { ...y, ...next } : y)) });
            return (
              <SimpleGrid key={i} cols={{ base: 1, sm: 3 }} data-testid={`experience-${i}`}>
                <TextInput label={`Pracodawca (${i + 1})`} value={x.employer} onChange={(e) => setX({ employer: e.currentTarget.value })} />
                <DateField label="Od" value={d(x.from)} onChange={(v) => setX({ from: nd(v) })} />
                <DateField
                  label="Do (puste — nadal)"
                  value={d(x.to)}
                  onChange={(v) => setX({ to: nd(v) })}
                  error={err(`qualification.experience.${i}.to`)}
                />
                <TextInput label="Rodzaj pracy" value={x.description} onChange={(e) => setX({ description: e.currentTarget.value })} />
                <TextInput label="Dokument (świadectwo pracy)" value={x.document} onChange={(e) => setX({ document: e.currentTarget.value })} />
                <Group align="flex-end">
                  <Button variant="subtle" color="red" size="xs" onClick={() => setQ({ experience: q.experience.filter((_, j) => j !== i) })}>
                    Usuń okres {i + 1}
                  </Button>
                </Group>
              </SimpleGrid>
            );
          })}
          <Group>
            <Button variant="default" size="xs" onClick={() => setQ({ experience: [...q.experience, { ...EMPTY_EXPERIENCE }] })}>
              Dodaj okres stażu
            </Button>
          </Group>

          <Divider my="xs" />
          <Title order={3} size="h5">
            Oświadczenia (art. 12 ust. 1 pkt 2–4) — data złożenia
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label="Władza rodzicielska"
              value={d(decl.parentalAuthorityOn)}
              onChange={(v) => setF({ ...f, declarations: { ...decl, parentalAuthorityOn: nd(v) } })}
            />
            <DateField
              label="Obowiązek alimentacyjny"
              value={d(decl.maintenanceOn)}
              onChange={(v) => setF({ ...f, declarations: { ...decl, maintenanceOn: nd(v) } })}
            />
            <DateField
              label="Niekaralność"
              value={d(decl.noConvictionOn)}
              onChange={(v) => setF({ ...f, declarations: { ...decl, noConvictionOn: nd(v) } })}
            />
          </SimpleGrid>
        </>
      )}

      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel} disabled={busy}>
          Anuluj
        </Button>
        <Button onClick={() => void save()} loading={busy}>
          Zapisz dane kadrowe
        </Button>
      </Group>
    </Stack>
  );
}

/** The warnings of one entry (what is still missing), with their legal basis. */
export function StaffFindings(props: { entry: StaffEntry }) {
  if (props.entry.findings.length === 0) return null;
  return (
    <Alert color="yellow" title="Braki w kadrze" data-testid="staff-findings">
      <Stack gap={4}>
        {props.entry.findings.map((x) => (
          <Text key={x.code + x.message} size="sm">
            {x.message}{' '}
            <Text span size="xs" c="dimmed">
              (podstawa: {x.basis})
            </Text>
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
