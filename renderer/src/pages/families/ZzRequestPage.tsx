import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { checkZzRequest, isIsoDate, zzDeadlines, type ZaZyciemCategory } from '../../../../shared/rules';
import { ApiError, call, errorMessage } from '../../api';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { FindingsList, type FindingView } from '../../components/registry/Findings';
import { todayIso } from '../../components/registry/labels';
import { docsInput, EligibilityPanel, EMPTY_DOCS, useZzEligibility, ZzCategoryField, ZzDocumentsFields, type ZzDocsState } from '../../components/registry/ZzForms';
import { formatDate } from '../../format';
import { headNameOf, useFamily } from './FamilyCard';
import { go, href } from './nav';
import { DateField } from '../../components/DateField';

/** "Za życiem" request: category, received date, documents with the live eligibility rules. */
export function ZzRequestPage({ familyId }: { familyId: string }) {
  const { family, error: loadError } = useFamily(familyId);
  const [category, setCategory] = useState<ZaZyciemCategory | ''>('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [docs, setDocs] = useState<ZzDocsState>(EMPTY_DOCS);
  const [description, setDescription] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const eligibility = useZzEligibility(category, docs);
  const deadlines = isIsoDate(receivedOn) ? zzDeadlines(receivedOn) : null;
  const preview = isIsoDate(receivedOn) ? checkZzRequest({ receivedOn, asOf: todayIso() }).filter((f) => f.severity !== 'info') : [];

  const submit = async () => {
    setError(null);
    setFindings(null);
    setFields({});
    if (!category) {
      setFields({ category: 'Kategoria: wybierz ZZ1–ZZ5.' });
      setError('Formularz zawiera błędy. Popraw zaznaczone pola.');
      return;
    }
    setBusy(true);
    try {
      const r = await call('zz:request', { familyId, category, receivedOn, documents: docsInput(docs), description });
      go(href.case(r.case.id));
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        setFields(e.fields ?? {});
        setFindings(e.findings ?? null);
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        subtitle={family ? `Rodzina: ${headNameOf(family)}, ${family.address}, ${family.place}` : undefined}
        right={
          <Button component="a" variant="default" href={href.card(familyId)}>
            Anuluj
          </Button>
        }
      >
        Wniosek „Za życiem”
      </PageTitle>
      {loadError && (
        <Alert color="red" role="alert">
          {loadError}
        </Alert>
      )}
      {!family && !loadError && <Loader aria-label="Wczytywanie rodziny" />}
      <form
        noValidate
        aria-label="Wniosek „Za życiem”"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <ZzCategoryField value={category} onChange={setCategory} error={fields.category} />
          </Paper>
          <Paper withBorder p="lg">
            <Stack>
              <DateField
                label="Data wpływu wniosku"
                required
                w={260}
                value={receivedOn}
                onChange={(v) => setReceivedOn(v)}
                error={fields.receivedOn}
              />
              {deadlines && (
                <Alert color="blue" role="status" title="Terminy (dobra praktyka)">
                  <Text size="sm">Przydzielenie asystenta: do {formatDate(deadlines.assignmentDue)} (2 dni od wpływu wniosku).</Text>
                  <Text size="sm">Informacja dla rodziny o możliwym wsparciu: do {formatDate(deadlines.informationDue)}.</Text>
                </Alert>
              )}
              <FindingsList findings={preview} />
              <ZzDocumentsFields value={docs} onChange={setDocs} errors={fields} />
              <Textarea label="Opis" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Czy rodzina spełnia warunki?
            </Title>
            {eligibility ? <EligibilityPanel result={eligibility} /> : <Text c="dimmed">Wybierz kategorię, aby sprawdzić dokumenty.</Text>}
          </Paper>
          <FormError message={error} />
          <FindingsList findings={findings} />
          <Group>
            <Button type="submit" loading={busy}>
              Zarejestruj wniosek
            </Button>
            <Button component="a" variant="default" href={href.card(familyId)}>
              Anuluj
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
