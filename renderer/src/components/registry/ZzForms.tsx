import { Alert, Button, Checkbox, Fieldset, Group, List, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import {
  checkZaZyciemEligibility,
  DOCUMENT_LABELS,
  isIsoDate,
  QUALIFICATION_LABELS,
  SPECIALTY_FIELD_LABELS,
  ZA_ZYCIEM_CATEGORIES,
  type SpecialtyField,
  type ZaZyciemCategory,
} from '../../../../shared/rules';
import { ApiError, call, errorMessage, isApiError } from '../../api';
import { formatDate } from '../../format';
import { FormError } from '../FormError';
import { FindingsList, useEngagement, type FindingView } from './Findings';
import { reveal, RevealButton } from './Sensitive';
import { todayIso } from './labels';
import { DateField } from '../DateField';

type CaseDetail = ChannelOutput<'cases:get'>;
type Qualification = keyof typeof QUALIFICATION_LABELS;
type Condition = 'severe-irreversible-impairment' | 'incurable-life-threatening-illness' | 'other';
type Origin = 'prenatal' | 'birth' | 'other';

const CONDITION_LABELS: Record<Condition, string> = {
  'severe-irreversible-impairment': 'ciężkie i nieodwracalne upośledzenie',
  'incurable-life-threatening-illness': 'nieuleczalna choroba zagrażająca życiu',
  other: 'inny stan zdrowia',
};
const ORIGIN_LABELS: Record<Origin, string> = {
  prenatal: 'powstałe w prenatalnym okresie rozwoju dziecka',
  birth: 'powstałe w czasie porodu',
  other: 'inne (po porodzie)',
};

export interface ZzDocsState {
  pregnancyDocument: boolean;
  hasCertificate: boolean;
  issuer: string;
  nfzContracted: boolean;
  qualification: Qualification;
  field: SpecialtyField;
  issuedOn: string;
  condition: Condition;
  origin: Origin;
  week10: '' | 'yes' | 'no';
}

export const EMPTY_DOCS: ZzDocsState = {
  pregnancyDocument: false,
  hasCertificate: false,
  issuer: '',
  nfzContracted: true,
  qualification: 'specialization-II',
  field: 'obstetrics-gynaecology',
  issuedOn: '',
  condition: 'severe-irreversible-impairment',
  origin: 'prenatal',
  week10: '',
};

export function docsFromCase(c: CaseDetail): ZzDocsState {
  const d = c.zzDocuments;
  if (!d) return EMPTY_DOCS;
  const cert = d.certificate;
  return {
    pregnancyDocument: !!d.pregnancyDocument,
    hasCertificate: !!cert,
    issuer: cert?.issuer ?? '',
    nfzContracted: cert?.nfzContracted ?? true,
    qualification: cert?.qualification ?? 'specialization-II',
    field: cert?.field ?? 'obstetrics-gynaecology',
    issuedOn: cert?.issuedOn ?? '',
    condition: cert?.condition ?? 'severe-irreversible-impairment',
    origin: cert?.origin ?? 'prenatal',
    week10: d.medicalCareFromWeek10 === null || d.medicalCareFromWeek10 === undefined ? '' : d.medicalCareFromWeek10 ? 'yes' : 'no',
  };
}

export function docsInput(s: ZzDocsState) {
  return {
    pregnancyDocument: s.pregnancyDocument,
    certificate: s.hasCertificate
      ? {
          issuer: s.issuer,
          nfzContracted: s.nfzContracted,
          qualification: s.qualification,
          field: s.field,
          issuedOn: s.issuedOn,
          condition: s.condition,
          origin: s.origin,
        }
      : null,
    medicalCareFromWeek10: s.week10 === '' ? null : s.week10 === 'yes',
  };
}

/** The shared rules, live: findings and missing documents for the category and documents so far. */
export function useZzEligibility(category: ZaZyciemCategory | '', s: ZzDocsState) {
  return useMemo(() => {
    if (!category) return null;
    const cert =
      s.hasCertificate && isIsoDate(s.issuedOn)
        ? { nfzContracted: s.nfzContracted, qualification: s.qualification, field: s.field, issuedOn: s.issuedOn, condition: s.condition, origin: s.origin }
        : undefined;
    const r = checkZaZyciemEligibility({
      asOf: todayIso(),
      category,
      pregnancyDocument: s.pregnancyDocument,
      certificate: cert,
      // Consent is obtained at the first contact after the assignment.
      consent: 'written',
      medicalCareFromWeek10: s.week10 === '' ? undefined : s.week10 === 'yes',
    });
    const missing = [...r.missingDocuments];
    if (s.hasCertificate && !isIsoDate(s.issuedOn)) missing.push('data wystawienia zaświadczenia');
    return { ...r, missingDocuments: missing };
  }, [category, s]);
}

export function ZzCategoryField({
  value,
  onChange,
  error,
}: {
  value: ZaZyciemCategory | '';
  onChange: (v: ZaZyciemCategory) => void;
  error?: string;
}) {
  return (
    <Radio.Group label="Kategoria wsparcia" required value={value} onChange={(v) => onChange(v as ZaZyciemCategory)} error={error}>
      <Stack gap="xs" mt="xs">
        {(Object.keys(ZA_ZYCIEM_CATEGORIES) as ZaZyciemCategory[]).map((k) => {
          const c = ZA_ZYCIEM_CATEGORIES[k];
          return (
            <Radio
              key={k}
              value={k}
              label={`${k} — ${c.label}`}
              description={c.requiredDocument ? `Wymagany dokument: ${DOCUMENT_LABELS[c.requiredDocument]}` : 'Bez dokumentu ustawowego'}
            />
          );
        })}
      </Stack>
    </Radio.Group>
  );
}

export function ZzDocumentsFields({ value, onChange, errors }: { value: ZzDocsState; onChange: (v: ZzDocsState) => void; errors?: Record<string, string> }) {
  const set = (p: Partial<ZzDocsState>) => onChange({ ...value, ...p });
  return (
    <Fieldset legend="Dokumenty">
      <Stack gap="sm">
        <Checkbox
          label={`Złożono ${DOCUMENT_LABELS['pregnancy-document']}`}
          checked={value.pregnancyDocument}
          onChange={(e) => set({ pregnancyDocument: e.currentTarget.checked })}
          error={errors?.['documents.pregnancyDocument']}
        />
        <Checkbox
          label="Złożono zaświadczenie lekarskie (art. 4 ust. 3 ustawy „Za życiem”)"
          checked={value.hasCertificate}
          onChange={(e) => set({ hasCertificate: e.currentTarget.checked })}
          error={errors?.['documents.certificate']}
        />
        {value.hasCertificate && (
          <Fieldset legend="Zaświadczenie lekarskie (art. 4 ust. 3)">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Lekarz wystawiający zaświadczenie" value={value.issuer} onChange={(e) => set({ issuer: e.currentTarget.value })} />
              <NativeSelect
                label="Lekarz ma umowę z NFZ"
                data={[
                  { value: 'yes', label: 'tak' },
                  { value: 'no', label: 'nie' },
                ]}
                value={value.nfzContracted ? 'yes' : 'no'}
                onChange={(e) => set({ nfzContracted: e.currentTarget.value === 'yes' })}
              />
              <NativeSelect
                label="Kwalifikacje lekarza"
                data={Object.entries(QUALIFICATION_LABELS).map(([v, l]) => ({ value: v, label: l }))}
                value={value.qualification}
                onChange={(e) => set({ qualification: e.currentTarget.value as Qualification })}
              />
              <NativeSelect
                label="Dziedzina specjalizacji"
                data={Object.entries(SPECIALTY_FIELD_LABELS).map(([v, l]) => ({ value: v, label: l }))}
                value={value.field}
                onChange={(e) => set({ field: e.currentTarget.value as SpecialtyField })}
              />
              <DateField
                label="Data wystawienia zaświadczenia"
                required
                value={value.issuedOn}
                onChange={(v) => set({ issuedOn: v })}
                error={errors?.['documents.certificate.issuedOn']}
              />
              <NativeSelect
                label="Stan zdrowia dziecka"
                data={Object.entries(CONDITION_LABELS).map(([v, l]) => ({ value: v, label: l }))}
                value={value.condition}
                onChange={(e) => set({ condition: e.currentTarget.value as Condition })}
              />
              <NativeSelect
                label="Pochodzenie"
                data={Object.entries(ORIGIN_LABELS).map(([v, l]) => ({ value: v, label: l }))}
                value={value.origin}
                onChange={(e) => set({ origin: e.currentTarget.value as Origin })}
              />
            </SimpleGrid>
          </Fieldset>
        )}
        <NativeSelect
          label="Zaświadczenie o opiece medycznej od 10. tygodnia ciąży"
          description="Odnotowywane, jeśli złożono — nie jest warunkiem wsparcia asystenta (dotyczy tylko jednorazowego świadczenia 4000 zł)."
          data={[
            { value: '', label: 'nie dotyczy / nie złożono' },
            { value: 'yes', label: 'złożono — opieka od 10. tygodnia' },
            { value: 'no', label: 'złożono — opieka rozpoczęta później' },
          ]}
          value={value.week10}
          onChange={(e) => set({ week10: e.currentTarget.value as ZzDocsState['week10'] })}
        />
      </Stack>
    </Fieldset>
  );
}

export function EligibilityPanel({ result, engaged = true }: { result: ReturnType<typeof useZzEligibility>; engaged?: boolean }) {
  if (!result) return null;
  // Untouched form: no red "missing documents" yet — only once the user acted (useEngagement).
  if (!engaged && !result.eligible) return null;
  return (
    <Stack gap="xs" data-testid="zz-eligibility">
      {result.eligible ? (
        <Alert color="green" role="status" title="Warunki wsparcia spełnione">
          Dokumenty wystarczają do koordynacji wsparcia przez asystenta rodziny.
        </Alert>
      ) : (
        <Alert color="red" role="status" title="Brakujące dokumenty">
          {result.missingDocuments.length > 0 ? (
            <List size="sm">
              {result.missingDocuments.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          ) : (
            'Popraw dane dokumentów.'
          )}
        </Alert>
      )}
      <FindingsList findings={result.findings.filter((f) => !f.code.startsWith('ZZ_CONSENT'))} />
    </Stack>
  );
}

/** Masked medical documents in the case view: "Pokaż" reveals them (audited). */
export function MaskedZzDocuments({ caseId }: { caseId: string }) {
  const [docs, setDocs] = useState<NonNullable<CaseDetail['zzDocuments']> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (docs) return <ZzDocumentsSummary documents={docs} />;
  return (
    <Group gap={6} mt="sm" data-testid="zz-documents-masked">
      <Text size="sm">
        Dokumenty medyczne (dane o zdrowiu): <b>ukryte</b>
      </Text>
      <RevealButton
        label="Pokaż dokumenty medyczne „Za życiem”"
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          reveal({ field: 'zzDocuments', caseId })
            .then((r) => {
              if (r.field === 'zzDocuments' && r.value) setDocs(r.value);
              else setError('Brak zapisanych dokumentów.');
            })
            .catch((e: unknown) => setError(errorMessage(e)))
            .finally(() => setBusy(false));
        }}
      />
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}

export function ZzDocumentsSummary({ documents }: { documents: NonNullable<CaseDetail['zzDocuments']> }) {
  const cert = documents.certificate;
  return (
    <Stack gap={2} mt="sm">
      <Text size="sm">
        Dokument potwierdzający ciążę: <b>{documents.pregnancyDocument ? 'złożono' : 'nie złożono'}</b>
      </Text>
      <Text size="sm">
        Zaświadczenie (art. 4 ust. 3):{' '}
        <b>
          {cert
            ? `${cert.issuer || 'lekarz'}, ${QUALIFICATION_LABELS[cert.qualification]}, ${SPECIALTY_FIELD_LABELS[cert.field]}, wystawione ${formatDate(cert.issuedOn)}${cert.nfzContracted ? ', umowa z NFZ' : ', bez umowy z NFZ'}`
            : 'nie złożono'}
        </b>
      </Text>
      {documents.medicalCareFromWeek10 !== null && documents.medicalCareFromWeek10 !== undefined && (
        <Text size="sm">
          Opieka medyczna od 10. tygodnia: <b>{documents.medicalCareFromWeek10 ? 'tak' : 'nie'}</b> (nie jest warunkiem wsparcia asystenta)
        </Text>
      )}
    </Stack>
  );
}

/** Verification of a Za życiem request (`zz:verify`): category and documents, with the live rules. */
export function ZzVerifyForm({
  caseDetail,
  onDone,
  onCancel,
  onRefresh,
}: {
  caseDetail: CaseDetail;
  onDone: (c: CaseDetail) => void;
  onCancel: () => void;
  onRefresh: () => void;
}) {
  const [category, setCategory] = useState<ZaZyciemCategory | ''>(caseDetail.zzCategory ?? '');
  const [docs, setDocs] = useState<ZzDocsState>(() => docsFromCase(caseDetail));
  const [verifiedOn, setVerifiedOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const { engaged, engage, bind } = useEngagement();
  const result = useZzEligibility(category, docs);

  // Issue 7: the documents are health data and come masked; the verifier needs them in the form
  // (the reveal is audited as one for editing).
  useEffect(() => {
    if (!caseDetail.zzDocumentsMasked) return;
    let alive = true;
    reveal({ field: 'zzDocuments', caseId: caseDetail.id, purpose: 'edit' })
      .then((r) => {
        if (alive && r.field === 'zzDocuments') setDocs(docsFromCase({ ...caseDetail, zzDocuments: r.value }));
      })
      .catch((e: unknown) => {
        if (alive) setError(errorMessage(e));
      });
    return () => {
      alive = false;
    };
  }, [caseDetail]);

  const submit = async () => {
    setError(null);
    setFindings(null);
    setFields({});
    if (!category) {
      setFields({ category: 'Kategoria: wybierz ZZ1–ZZ5.' });
      return;
    }
    setBusy(true);
    try {
      const r = await call('zz:verify', { caseId: caseDetail.id, version: caseDetail.version, verifiedOn, category, documents: docsInput(docs) });
      onDone(r.case);
    } catch (e) {
      if (isApiError(e, 'STALE_EDIT')) setStale(true);
      else if (e instanceof ApiError) {
        setError(e.message);
        setFields(e.fields ?? {});
        setFindings(e.findings ?? null);
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      aria-label="Weryfikacja wniosku „Za życiem”"
      onSubmit={(e) => {
        e.preventDefault();
        engage();
        void submit();
      }}
      {...bind}
    >
      <Stack>
        <ZzCategoryField value={category} onChange={setCategory} error={fields.category} />
        <ZzDocumentsFields value={docs} onChange={setDocs} errors={fields} />
        <DateField label="Data weryfikacji" required value={verifiedOn} onChange={(v) => setVerifiedOn(v)} error={fields.verifiedOn} />
        <EligibilityPanel result={result} engaged={engaged} />
        <FormError message={error} title="Weryfikacja odrzucona" />
        <FindingsList findings={findings} />
        {stale && (
          <Alert color="orange" role="alert" title="Sprawa zmieniła się w międzyczasie">
            <Group>
              <Text size="sm">Ktoś inny zmienił te dane w międzyczasie. Odśwież widok i wprowadź zmiany ponownie.</Text>
              <Button size="xs" onClick={onRefresh}>
                Odśwież
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Anuluj
          </Button>
          <Button type="submit" loading={busy}>
            Zapisz weryfikację
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
