/**
 * Display preferences (issue 14): text size and contrast. With a logged-in caller they are the
 * user's own (table user_display_prefs); the workstation also remembers the last choice, which is
 * what the login screen shows before anyone is known and what a user without a choice starts with.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_DISPLAY_PREFS, displayPrefsSchema, type DisplayPrefs } from '../../shared/display';
import type { Actor, AsystaCore } from '../core';
import { userDisplayPrefs } from '../schema';

function workstationPrefs(core: AsystaCore): DisplayPrefs {
  // The settings file is outside the database: read it defensively (an edited file is ignored).
  const stored = displayPrefsSchema.safeParse(core.workstationSettings.get('displayPrefs'));
  return stored.success ? stored.data : DEFAULT_DISPLAY_PREFS;
}

export function getDisplayPrefs(core: AsystaCore, actor: Actor | null): DisplayPrefs {
  if (actor && core.isOpen) {
    const row = core.requireDb().db.select().from(userDisplayPrefs).where(eq(userDisplayPrefs.userId, actor.user.id)).get();
    if (row) return { textSize: row.textSize, contrast: row.contrast };
  }
  return workstationPrefs(core);
}

export function setDisplayPrefs(core: AsystaCore, actor: Actor | null, prefs: DisplayPrefs): DisplayPrefs {
  if (actor) {
    const row = { userId: actor.user.id, ...prefs, updatedAt: new Date(core.clock()).toISOString() };
    core
      .requireDb()
      .db.insert(userDisplayPrefs)
      .values(row)
      .onConflictDoUpdate({ target: userDisplayPrefs.userId, set: { textSize: row.textSize, contrast: row.contrast, updatedAt: row.updatedAt } })
      .run();
  }
  core.workstationSettings.set('displayPrefs', prefs);
  return prefs;
}
