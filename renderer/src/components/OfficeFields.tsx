import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { officeProfileSchema } from '../../../shared/schemas';

export type OfficeFormIn = z.input<typeof officeProfileSchema>;
export type OfficeFormOut = z.output<typeof officeProfileSchema>;
export const OFFICE_FIELDS = ['name', 'address', 'postalCode', 'place', 'gmina', 'headName', 'phone', 'email'] as const;

export const emptyOffice: OfficeFormIn = {
  name: '',
  address: '',
  postalCode: '',
  place: '',
  gmina: '',
  headName: '',
  phone: '',
  email: '',
};

/** The office profile inputs, shared by the setup wizard and the settings page. */
export function OfficeFields({
  form,
  autoFocus,
}: {
  form: UseFormReturn<OfficeFormIn, unknown, OfficeFormOut>;
  autoFocus?: boolean;
}) {
  const e = form.formState.errors;
  return (
    <>
      <TextInput
        label="Nazwa ośrodka" required
        placeholder="np. Gminny Ośrodek Pomocy Społecznej w Grębocinie"
        autoFocus={autoFocus}
        error={e.name?.message}
        {...form.register('name')}
      />
      <TextInput label="Adres" required placeholder="np. ul. Szkolna 5" error={e.address?.message} {...form.register('address')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Kod pocztowy" required
          placeholder="00-000"
          inputMode="numeric"
          error={e.postalCode?.message}
          {...form.register('postalCode')}
        />
        <TextInput label="Miejscowość" required error={e.place?.message} {...form.register('place')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Gmina" required error={e.gmina?.message} {...form.register('gmina')} />
        <TextInput label="Kierownik ośrodka" required placeholder="Imię i nazwisko" error={e.headName?.message} {...form.register('headName')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Telefon" type="tel" description="Nieobowiązkowe" error={e.phone?.message} {...form.register('phone')} />
        <TextInput label="E-mail" type="email" description="Nieobowiązkowe" error={e.email?.message} {...form.register('email')} />
      </SimpleGrid>
    </>
  );
}
