import { PageTitle } from '../components/PageTitle';

/** Issue 7: being built (this file is replaced by the retention work). */
export function RetentionPage() {
  return <PageTitle>Okresy przechowywania</PageTitle>;
}
