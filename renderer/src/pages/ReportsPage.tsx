/**
 * Reports and statistics (issue 7), for the head: the half-year sprawozdanie rzeczowo-finansowe
 * figures (family-assistant part) with definitions and drill-down, the annual report / dashboard
 * with charts, and the report settings.
 */
import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { AnnualTab } from '../components/reports/AnnualTab';
import { HalfYearTab } from '../components/reports/HalfYearTab';
import { SettingsTab } from '../components/reports/SettingsTab';

export function ReportsPage() {
  const [tab, setTab] = useState<string | null>('half-year');
  return (
    <Stack gap="md">
      <PageTitle subtitle="Sprawozdania z pracy asystentów rodziny: liczby z definicjami, listy rodzin za każdą liczbą, wykresy i eksport.">
        Sprawozdania i statystyki
      </PageTitle>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="half-year">Sprawozdanie półroczne</Tabs.Tab>
          <Tabs.Tab value="annual">Sprawozdanie roczne / pulpit</Tabs.Tab>
          <Tabs.Tab value="settings">Ustawienia sprawozdań</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="half-year">
          <HalfYearTab />
        </Tabs.Panel>
        <Tabs.Panel value="annual">
          <AnnualTab />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SettingsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
