import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { substitutionLabel } from '../../../../shared/access/rules';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { PARENTAL_AUTHORITY } from '../../../../shared/registrySchemas';
import { call, errorMessage } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { familyAuditHref } from '../AuditPage';
import { HistoryTable } from '../../components/registry/HistoryTable';
import { MaskedNiebieskaKarta, MaskedPesel } from '../../components/registry/Sensitive';
import { SharesPanel } from '../../components/registry/SharesPanel';
import { SubjectExportDialog } from '../../components/privacy/SubjectExportDialog';
import { dateOrDash, TRACK_SHORT } from '../../components/registry/labels';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import { href } from './nav';

type FamilyDetail = ChannelOutput<'families:get'>;

export function headNameOf(f: Pick<FamilyDetail, 'members'>): string {
  const h = f.members.find((m) => m.isHead) ?? f.members.find((m) => !m.isChild) ?? f.members[0];
  return h ? `${h.firstName} ${h.lastName}` : 'Rodzina';
}

export function useFamily(id: string) {
  const [family, setFamily] = useState<FamilyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    call('families:get', { id })
      .then((f) => {
        if (!cancelled) setFamily(f);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [id, tick]);
  return { family, error, reload: () => setTick((t) => t + 1) };
}

export function FamilyCard({ id }: { id: string }) {
  const { user } = useSession();
  const { family, error } = useFamily(id);
  const canRefer = user.role === 'admin' || user.role === 'social_worker';
  // Art. 15 RODO information for one member (the head only; issue 7).
  const [rodoFor, setRodoFor] = useState<{ id: string; label: string } | null>(null);

  if (!family) {
    return (
      <>
        <PageTitle
          right={
            <Button component="a" variant="default" href={href.list()}>
              Wróć do listy
            </Button>
          }
        >
          Karta rodziny
        </PageTitle>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : (
          <Loader aria-label="Wczytywanie karty rodziny" />
        )}
      </>
    );
  }

  const nk = family.niebieskaKarta;
  const cs = family.courtSupervision;
  return (
    <>
      {family.safetyNote && (
        <Alert color="orange" variant="filled" title="Uwaga — bezpieczeństwo pracownika (przeczytaj przed wizytą)" role="alert" data-testid="safety-note">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{family.safetyNote}</Text>
        </Alert>
      )}
      {family.anonymisedOn && (
        <Alert color="gray" title="Dane zanonimizowane" role="status" data-testid="anonymised-note">
          Dane identyfikujące tej rodziny usunięto {formatDate(family.anonymisedOn)} po upływie okresu przechowywania akt. Zostały
          daty, stany spraw i oceny potrzebne do statystyki; zapisu nie można zmieniać.
        </Alert>
      )}
      <PageTitle
        subtitle={`${family.address}${family.place ? `, ${family.place}` : ''}${family.caseNumber ? ` · Znak sprawy: ${family.caseNumber}` : ''}`}
        right={
          <Group gap="xs">
            <Button component="a" variant="default" href={href.list()}>
              Wróć do listy
            </Button>
            {!family.anonymisedOn && (
              <Button component="a" variant="default" href={href.edit(family.id)}>
                Edytuj dane
              </Button>
            )}
            {user.role === 'admin' && (
              <Button component="a" variant="default" href={familyAuditHref(family.id)}>
                Dziennik zdarzeń tej rodziny
              </Button>
            )}
          </Group>
        }
      >
        Rodzina: {headNameOf(family)}
      </PageTitle>

      <Group gap="xs">
        {family.sharedUntil && (
          <Badge color="teal" variant="light" size="lg" data-testid="substitution-badge">
            {substitutionLabel(family.sharedUntil)}
          </Badge>
        )}
        {nk?.active && (
          <Badge color="blue" variant="filled" size="lg">
            Niebieska Karta{nk.status === 'closed' ? ' (zakończona)' : ''}
          </Badge>
        )}
        {cs?.active && (
          <Badge color="violet" variant="light" size="lg">
            Nadzór kuratora
          </Badge>
        )}
        {family.parentalAuthority !== 'full' && family.parentalAuthority !== 'unknown' && (
          <Badge color="red" variant="light" size="lg">
            Władza rodzicielska: {PARENTAL_AUTHORITY[family.parentalAuthority]}
          </Badge>
        )}
      </Group>

      <Paper withBorder p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Sprawy
          </Title>
          <Group gap="xs">
            {canRefer && (
              <Button component="a" href={href.intake(family.id)}>
                Nowe zgłoszenie
              </Button>
            )}
            {canRefer && (
              <Button component="a" variant="light" color="grape" href={href.zz(family.id)}>
                Wniosek „Za życiem”
              </Button>
            )}
          </Group>
        </Group>
        {family.cases.length === 0 ? (
          <Text c="dimmed">Rodzina nie ma jeszcze żadnej sprawy.</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" striped aria-label="Sprawy rodziny">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Znak sprawy</Table.Th>
                  <Table.Th>Ścieżka</Table.Th>
                  <Table.Th>Stan</Table.Th>
                  <Table.Th>Asystent</Table.Th>
                  <Table.Th>Data przyjęcia</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {family.cases.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor href={href.case(c.id)} fw={600}>
                        {c.caseNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{TRACK_SHORT[c.track]}</Table.Td>
                    <Table.Td>{c.stateLabel}</Table.Td>
                    <Table.Td>{c.assistantName ?? '—'}</Table.Td>
                    <Table.Td>{dateOrDash(c.learnedOn ?? c.receivedOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {user.role === 'admin' && <SharesPanel familyId={family.id} assistantId={family.assistantId} />}
      {rodoFor && <SubjectExportDialog memberId={rodoFor.id} personLabel={rodoFor.label} onClose={() => setRodoFor(null)} />}

      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="sm">
          Adres i sytuacja rodziny
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Field label="Adres" value={family.address} />
          <Field label="Kod i miejscowość" value={`${family.postalCode} ${family.place}`.trim()} />
          <Field label="Gmina" value={family.gmina} />
          <Field label="Rejon" value={family.area} />
          <Field label="Telefon" value={family.phone} />
          <Field label="Asystent rodziny" value={family.assistantName ?? 'nie przydzielono'} />
          <Field label="Władza rodzicielska" value={PARENTAL_AUTHORITY[family.parentalAuthority]} />
          <Field
            label="Nadzór kuratora"
            value={cs?.active ? [cs.kuratorName, cs.kuratorPhone, cs.court, cs.since ? `od ${formatDate(cs.since)}` : ''].filter(Boolean).join(', ') || 'tak' : 'nie'}
          />
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Niebieska Karta
            </Text>
            <Text component="div">
              <MaskedNiebieskaKarta familyId={family.id} nk={nk} masked={family.masked.niebieskaKarta} />
            </Text>
          </Stack>
        </SimpleGrid>
        {family.notes && (
          <Text mt="sm" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {family.notes}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="sm">
          Członkowie rodziny ({family.members.length})
        </Title>
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" striped aria-label="Członkowie rodziny">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Imię i nazwisko</Table.Th>
                <Table.Th>PESEL</Table.Th>
                <Table.Th>Data urodzenia</Table.Th>
                <Table.Th>Pokrewieństwo</Table.Th>
                <Table.Th>Dziecko / dorosły</Table.Th>
                <Table.Th>Miejsce pobytu</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {family.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={500}>
                    {m.firstName} {m.lastName}
                    {m.phone && (
                      <Text size="xs" c="dimmed">
                        tel. {m.phone}
                      </Text>
                    )}
                    {user.role === 'admin' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        mt={2}
                        aria-label={`Dane osobowe (art. 15 RODO): ${m.firstName} ${m.lastName}`}
                        onClick={() => setRodoFor({ id: m.id, label: `${m.firstName} ${m.lastName}` })}
                      >
                        Dane osobowe (art. 15 RODO)
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace">
                    <MaskedPesel familyId={family.id} memberId={m.id} pesel={m.pesel} name={`${m.firstName} ${m.lastName}`} />
                  </Table.Td>
                  <Table.Td>{formatDate(m.birthDate)}</Table.Td>
                  <Table.Td>{m.relation}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.isChild ? 'teal' : 'gray'}>
                      {m.isChild ? 'dziecko' : 'dorosły'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!m.isChild ? (
                      '—'
                    ) : m.placement?.kind === 'foster-care' ? (
                      <Stack gap={0}>
                        <Text size="sm" fw={600} c="red.8">
                          w pieczy zastępczej{m.placement.since ? ` od ${formatDate(m.placement.since)}` : ''}
                        </Text>
                        <Text size="xs">{[m.placement.form, m.placement.pcpr].filter(Boolean).join(', ')}</Text>
                        {m.placement.krpz?.name && (
                          <Text size="xs" c="dimmed">
                            Koordynator: {[m.placement.krpz.name, m.placement.krpz.phone, m.placement.krpz.email].filter(Boolean).join(', ')}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <Stack gap={0}>
                        <Text size="sm">w domu{m.placement?.returnedOn ? ` (powrót z pieczy ${formatDate(m.placement.returnedOn)})` : ''}</Text>
                        {(m.placement?.history ?? []).map((e, k) => (
                          <Text size="xs" c="dimmed" key={k}>
                            w pieczy zastępczej {e.since ? `od ${formatDate(e.since)} ` : ''}do {formatDate(e.until)}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Rodziny wspierające
          </Title>
          <Button component="a" variant="light" href={href.supporting(family.id)}>
            Rodziny wspierające
          </Button>
        </Group>
        {family.supportingFamilies.length === 0 ? (
          <Text c="dimmed">Brak rodzin wspierających.</Text>
        ) : (
          <Stack gap={4}>
            {family.supportingFamilies.map((s) => (
              <Text key={s.id}>
                {s.name} — {SUPPORTING_STATUS[s.status] ?? s.status}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="sm">
          Historia spraw
        </Title>
        <HistoryTable entries={family.history} showCase />
      </Paper>
    </>
  );
}

export const SUPPORTING_STATUS: Record<string, string> = {
  candidate: 'kandydat',
  established: 'ustanowiona',
  ended: 'zakończona',
};

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </Stack>
  );
}
