import { CaseView } from './families/CaseView';
import { FamilyCard } from './families/FamilyCard';
import { FamilyForm } from './families/FamilyForm';
import { FamilyList } from './families/FamilyList';
import { IntakeWizard } from './families/IntakeWizard';
import { useFamiliesView } from './families/nav';
import { SupportingPage } from './families/SupportingPage';
import { ZzRequestPage } from './families/ZzRequestPage';

/** The "Rodziny" section: list, family form, card, referral wizard, case view, Za życiem, supporting families. */
export function FamiliesPage() {
  const view = useFamiliesView();
  switch (view.kind) {
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
