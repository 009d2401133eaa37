/**
 * The headless application core: database, keys, accounts, sessions, audit. It runs in plain
 * Node; the Electron main process, the CLI tools and the test bridge all drive it through the
 * same dispatcher (db/dispatcher.ts).
 *
 * `AsystaCore` is the surface the dispatcher's handlers and the tools use; the work is done by
 * the parts in db/core/, one per concern, sharing one `CoreKernel` (options, clock, key file,
 * open database, sessions):
 *   kernel.ts    open/close the database, the data key, pending events, audit at the core's clock
 *   sessions.ts  sessions, idle lock, app status
 *   auth.ts      setup, login, unlock, passwords, recovery key, tool log-ins
 *   accounts.ts  user accounts and their key slots
 *   office.ts    office profile, workstation settings, audit list and chain anchors
 *   backup.ts    backup, verify, restore, backup settings
 * Every audit row is written by db/audit/writer.ts.
 */
import type { Account, SessionUser } from '../shared/ipc/contract';
import type { OfficeProfile } from '../shared/schemas';
import type { Role } from '../shared/roles';
import type { AuditCaller, AuditEntity } from './audit/writer';
import type { ChainAnchor } from './audit/chain';
import type { BackupProgress, BackupSecret } from './backup/index';
import { Accounts } from './core/accounts';
import { Auth } from './core/auth';
import { Backups, type CreateBackupOptions } from './core/backup';
import { CoreKernel, type Actor, type CoreOptions, type Session } from './core/kernel';
import { Office } from './core/office';
import { Sessions } from './core/sessions';
import type { Db, SqliteHandle } from './open';
import { loadPrintFonts } from './print/fonts';
import type { CoreResources } from './resources';
import type { PrintFonts } from '../shared/print/layout';
import type { AuditFilter } from './repos/audit';
import type { SettingsStore } from './settings';

export type { Actor, CoreEvent, CoreOptions, Session } from './core/kernel';
export { RECOVERY_KEY_ACTOR } from './core/auth';

export class AsystaCore {
  private readonly k: CoreKernel;
  private readonly sessionsPart: Sessions;
  private readonly auth: Auth;
  private readonly accounts: Accounts;
  private readonly office: Office;
  private readonly backups: Backups;
  private printFontsCache: PrintFonts | null = null;

  constructor(opts: CoreOptions) {
    this.k = new CoreKernel(opts);
    this.sessionsPart = new Sessions(this.k);
    this.auth = new Auth(this.k, this.sessionsPart);
    this.accounts = new Accounts(this.k);
    this.office = new Office(this.k);
    this.backups = new Backups(this.k, this.sessionsPart, this.office);
  }

  // ---- installation state and the database ------------------------------------------------------

  get dataDir(): string {
    return this.k.dataDir;
  }

  get dbPath(): string {
    return this.k.dbPath;
  }

  isSetUp(): boolean {
    return this.k.isSetUp();
  }

  /** This workstation's settings (small services such as the display preferences read them). */
  get workstationSettings(): SettingsStore {
    return this.k.settings;
  }

  get idleMinutes(): number {
    return this.k.idleMinutes;
  }

  /** The open database (for services in this package). Throws when no one has unlocked it. */
  requireDb(): { db: Db; sqlite: SqliteHandle } {
    return this.k.requireDb();
  }

  get isOpen(): boolean {
    return this.k.isOpen;
  }

  /** The host's run-time files (migrations, print fonts). */
  get resources(): CoreResources {
    return this.k.resources;
  }

  /** The print font as data: URLs for printable HTML (read from resources.fontsFolder once). */
  printFonts(): PrintFonts {
    this.printFontsCache ??= loadPrintFonts(this.k.resources.fontsFolder);
    return this.printFontsCache;
  }

  /** The core's clock (milliseconds since the epoch; injectable in tests), for services. */
  clock(): number {
    return this.k.now();
  }

  /** Close the database and wipe the key from memory. */
  closeDatabase(): void {
    this.k.closeDatabase();
  }

  /** Shut down: forget every session and close the database. */
  shutdown(): void {
    this.sessionsPart.clear();
    this.k.closeDatabase();
  }

  /** One audit entry at the core's clock (the dispatcher records refused calls with it). */
  audit(caller: AuditCaller, action: string, entity?: AuditEntity | null, details?: Record<string, unknown>): void {
    this.k.audit(caller, action, entity, details);
  }

  // ---- sessions ------------------------------------------------------------------------------------

  /** A new anonymous session (with the id the host chose, or a new one). */
  createSession(id?: string): string {
    return this.sessionsPart.create(id);
  }

  session(id: string): Session {
    return this.sessionsPart.get(id);
  }

  /** The session with this id, or undefined (no error). */
  findSession(id: string): Session | undefined {
    return this.sessionsPart.find(id);
  }

  /** Ids of every session (the host ends them one by one at shutdown). */
  sessionIds(): string[] {
    return this.sessionsPart.ids();
  }

  /** Idle lock, enforced here whatever the UI does. */
  checkIdle(s: Session): void {
    this.sessionsPart.checkIdle(s);
  }

  touch(s: Session): void {
    this.sessionsPart.touch(s);
  }

  /** End a session (window closed). With `keepId` the transport keeps an anonymous session. */
  endSession(id: string, opts: { keepId?: boolean } = {}): void {
    this.sessionsPart.end(id, opts);
  }

  lock(sessionId: string, reason: 'manual' | 'idle' = 'manual'): void {
    this.sessionsPart.lock(sessionId, reason);
  }

  status(sessionId: string) {
    return this.sessionsPart.status(sessionId);
  }

  // ---- setup and authentication --------------------------------------------------------------------

  setup(input: { office: OfficeProfile; admin: { fullName: string; login: string; password: string } }): Promise<{ recoveryKey: string }> {
    return this.auth.setup(input);
  }

  confirmRecoveryKey(recoveryKey: string): Promise<void> {
    return this.auth.confirmRecoveryKey(recoveryKey);
  }

  login(sessionId: string, login: string, password: string): Promise<SessionUser> {
    return this.auth.login(sessionId, login, password);
  }

  unlock(sessionId: string, password: string): Promise<SessionUser> {
    return this.auth.unlock(sessionId, password);
  }

  changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    return this.auth.changeOwnPassword(actor, currentPassword, newPassword);
  }

  recover(sessionId: string, recoveryKey: string, login: string, newPassword: string): Promise<SessionUser> {
    return this.auth.recover(sessionId, recoveryKey, login, newPassword);
  }

  regenerateRecoveryKey(actor: Actor, password: string): Promise<string> {
    return this.auth.regenerateRecoveryKey(actor, password);
  }

  /** For command-line tools (demo seed, bench): log in as an account and hand back the database. */
  openForTool(login: string, password: string): Promise<{ actor: Actor; db: Db; sqlite: SqliteHandle }> {
    return this.auth.openForTool(login, password);
  }

  /** For command-line tools: open the database with the recovery key (see Auth). */
  openForToolWithRecoveryKey(recoveryKey: string): Promise<{ actor: Actor; db: Db; sqlite: SqliteHandle }> {
    return this.auth.openForToolWithRecoveryKey(recoveryKey);
  }

  // ---- accounts ------------------------------------------------------------------------------------

  listAccounts(): Account[] {
    return this.accounts.list();
  }

  createAccount(actor: Actor, input: { fullName: string; login: string; role: Role; password: string; personalLimit?: number | null }): Promise<Account> {
    return this.accounts.create(actor, input);
  }

  updateAccount(actor: Actor, input: { id: string; version: number; fullName: string; role: Role; personalLimit?: number | null }): Account {
    return this.accounts.update(actor, input);
  }

  setAccountActive(actor: Actor, input: { id: string; version: number; active: boolean; newPassword?: string }): Promise<Account> {
    return this.accounts.setActive(actor, input);
  }

  resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    return this.accounts.resetPassword(actor, id, newPassword);
  }

  // ---- office, settings, audit ---------------------------------------------------------------------

  getOffice() {
    return this.office.get();
  }

  updateOffice(actor: Actor, input: OfficeProfile & { version: number }) {
    return this.office.update(actor, input);
  }

  updateWorkstationSettings(actor: Actor, input: { idleMinutes: number }) {
    return this.office.updateWorkstationSettings(actor, input);
  }

  auditAnchors(): ChainAnchor[] {
    return this.office.auditAnchors();
  }

  recordAuditAnchor(head: { id: number; hash: string | null } | null | undefined): void {
    this.office.recordAuditAnchor(head);
  }

  listAudit(f: AuditFilter) {
    return this.office.listAudit(f);
  }

  // ---- backup and restore --------------------------------------------------------------------------

  backupProgress(sessionId: string) {
    return this.backups.progress(sessionId);
  }

  cancelBackup(actor: Actor): { cancelled: boolean } {
    return this.backups.cancel(actor);
  }

  backupRoles(): Role[] {
    return this.backups.roles();
  }

  canCreateBackup(user: SessionUser): boolean {
    return this.backups.canCreate(user);
  }

  backupSettings() {
    return this.backups.settings();
  }

  updateBackupSettings(actor: Actor, input: { keepCount: number; reminderDays: number; roles: Role[] }) {
    return this.backups.updateSettings(actor, input);
  }

  /** For the home-screen reminder and the reminder on quit. */
  backupStatus(user: SessionUser | null) {
    return this.backups.status(user);
  }

  createBackup(actor: Actor, opts: CreateBackupOptions) {
    return this.backups.create(actor, opts);
  }

  verifyBackupFile(
    actor: Actor | null,
    input: { file: string; secret: BackupSecret; onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
  ) {
    return this.backups.verify(actor, input);
  }

  restoreBackup(
    actor: Actor | null,
    input: { file: string; secret: BackupSecret; confirm?: boolean; onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
  ) {
    return this.backups.restore(actor, input);
  }
}
