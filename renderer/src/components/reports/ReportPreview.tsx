/**
 * Preview of a report for printing or saving as PDF: the standalone HTML from reports:html (the
 * same print layout as every document) in the common PrintPreview; each print or saved PDF is
 * recorded with reports:exported. A list of families is personal data: the caller asks for
 * confirmation first.
 */
import type { ReportKind } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { PrintPreview } from '../documents/PrintPreview';

export interface ReportTarget {
  report: ReportKind;
  period: string;
  figureId?: string;
  title: string;
  confirmPersonal?: boolean;
}

export function ReportPreview({ target, onClose }: { target: ReportTarget; onClose: () => void }) {
  const ref = { report: target.report, period: target.period, ...(target.figureId ? { figureId: target.figureId } : {}) };
  return (
    <PrintPreview
      title={target.title}
      frameTitle="Podgląd sprawozdania"
      reloadKey={JSON.stringify([target.report, target.period, target.figureId ?? null, !!target.confirmPersonal])}
      load={() => call('reports:html', { ...ref, ...(target.confirmPersonal ? { confirmPersonal: true } : {}) })}
      onExported={async (via, pages) => {
        await call('reports:exported', { ...ref, pages, target: via });
      }}
      onClose={onClose}
    />
  );
}
