import { PageTitle } from '../components/PageTitle';

/** Issue 7: being built (this file is replaced by the reports work). */
export function ReportsPage() {
  return <PageTitle>Sprawozdania i statystyki</PageTitle>;
}
