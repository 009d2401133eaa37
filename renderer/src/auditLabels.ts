/**
 * The audit labels live in shared/auditLabels.ts (the main process prints them too): add new
 * action codes there. Re-exported here so the screens keep importing from this module.
 */
export { AUDIT_ACTION_LABELS, ENTITY_LABELS, auditActionLabel, entityLabel } from '../../shared/auditLabels';
