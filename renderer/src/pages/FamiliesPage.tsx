import { CaseView } from './families/CaseView';
import { FamilyCard } from './families/FamilyCard';
import { FamilyForm } from './families/FamilyForm';
import { FamilyList } from './families/FamilyList';
import { ImportPage } from './families/ImportPage';
import { IntakeWizard } from './families/IntakeWizard';
import { useFamiliesView } from './families/nav';
import { SupportingPage } from './families/SupportingPage';
import { ZzRequestPage } from './families/ZzRequestPage';
import { useSession } from '../session';

/** The "Rodziny" section: list, import from a sheet, family form, card, referral wizard, case view, Za życiem, supporting families. */
export function FamiliesPage() {
  const view = useFamiliesView();
  const { isAdmin } = useSession();
  switch (view.kind) {
    case 'import':
      // Import from spreadsheets: the head only (the core refuses anyone else too).
      return isAdmin ? <ImportPage /> : <FamilyList />;
    case 'new':
      return <FamilyForm key="new" />;
    case 'edit':
      return <FamilyForm key={`edit-${view.id}`} familyId={view.id} />;
    case 'card':
      return <FamilyCard key={view.id} id={view.id} />;
    case 'intake':
      return <IntakeWizard key={view.id} familyId={view.id} />;
    case 'zz':
      return <ZzRequestPage key={view.id} familyId={view.id} />;
    case 'supporting':
      return <SupportingPage key={view.id} familyId={view.id} />;
    case 'case':
      return <CaseView key={view.id} caseId={view.id} />;
    default:
      return <FamilyList />;
  }
}
