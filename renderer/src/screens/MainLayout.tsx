import { AppShell, Box, Burger, Button, Group, NavLink, Stack, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../shared/roles';
import { useBackupStatus } from '../backup';
import { DisplaySwitch } from '../components/DisplaySwitch';
import { AuditPage } from '../pages/AuditPage';
import { BackupPage } from '../pages/BackupPage';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { DecisionsPage } from '../pages/families/DecisionsPage';
import { FamiliesPage } from '../pages/FamiliesPage';
import { HomePage } from '../pages/HomePage';
import { ReportsPage } from '../pages/ReportsPage';
import { RetentionPage } from '../pages/RetentionPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UsersPage } from '../pages/UsersPage';
import { WorkSettingsPage } from '../pages/work/WorkSettingsPage';
import { useSession } from '../session';
import { hrefOf, useHashRoute, type Route } from '../useHashRoute';

interface NavItem {
  route: Route;
  label: string;
  adminOnly?: boolean;
  /** Only these roles (checked again in the main process for every channel the page calls). */
  roles?: readonly Role[];
  /** Administrators and the roles the office allows to make backups (backup:status canCreate). */
  backup?: boolean;
}

const NAV: NavItem[] = [
  { route: 'home', label: 'Strona główna' },
  // The data protection officer sees no family data (issue 7): audit log and retention only.
  { route: 'families', label: 'Rodziny', roles: ['admin', 'assistant', 'social_worker'] },
  { route: 'decisions', label: 'Decyzje', adminOnly: true },
  { route: 'reports', label: 'Sprawozdania i statystyki', roles: ['admin'] },
  { route: 'retention', label: 'Okresy przechowywania', roles: ['admin', 'dpo'] },
  { route: 'users', label: 'Konta użytkowników', adminOnly: true },
  { route: 'audit', label: 'Dziennik zdarzeń', roles: ['admin', 'dpo'] },
  { route: 'settings', label: 'Ustawienia', adminOnly: true },
  { route: 'work-settings', label: 'Parametry pracy z rodziną', adminOnly: true },
  { route: 'backup', label: 'Kopia zapasowa', backup: true },
];

const ADMIN_ROUTES: ReadonlySet<Route> = new Set(NAV.filter((n) => n.adminOnly).map((n) => n.route));

function allowed(n: NavItem, role: Role, isAdmin: boolean, canBackup: boolean): boolean {
  if (n.adminOnly && !isAdmin) return false;
  if (n.roles && !n.roles.includes(role)) return false;
  return !n.backup || canBackup;
}

export function MainLayout() {
  const { status, user, isAdmin, lock, logout } = useSession();
  const [route] = useHashRoute();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const backupStatus = useBackupStatus().status;
  // Breakpoints grow with the text size (theme.ts themeFor): at A++ a narrow window folds the menu.
  const { breakpoints } = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${breakpoints.sm})`, true, { getInitialValueInEffect: false });
  const showUser = useMediaQuery(`(min-width: ${breakpoints.xs})`, true, { getInitialValueInEffect: false });
  const canBackup = isAdmin || !!backupStatus?.canCreate;
  // A non-admin who lands on an admin address (e.g. after another user's session) sees the home page.
  const navItem = NAV.find((n) => n.route === route);
  const current: Route = (!isAdmin && ADMIN_ROUTES.has(route)) || (navItem?.roles && !navItem.roles.includes(user.role)) ? 'home' : route;

  const link = (route: Route, label: string) => (
    <NavLink
      key={route}
      component="a"
      href={hrefOf(route)}
      label={label}
      active={current === route}
      aria-current={current === route ? 'page' : undefined}
      onClick={closeNav}
    />
  );

  let page: ReactNode;
  switch (current) {
    case 'families':
      page = <FamiliesPage />;
      break;
    case 'users':
      page = <UsersPage />;
      break;
    case 'audit':
      page = <AuditPage />;
      break;
    case 'settings':
      page = <SettingsPage />;
      break;
    case 'password':
      page = <ChangePasswordPage />;
      break;
    case 'backup':
      page = <BackupPage />;
      break;
    case 'decisions':
      page = <DecisionsPage />;
      break;
    case 'work-settings':
      page = <WorkSettingsPage />;
      break;
    case 'reports':
      page = <ReportsPage />;
      break;
    case 'retention':
      page = <RetentionPage />;
      break;
    default:
      page = <HomePage />;
  }

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            {!wide && <Burger opened={navOpened} onClick={toggleNav} size="sm" aria-label={navOpened ? 'Zamknij menu' : 'Otwórz menu'} />}
            <Stack gap={0} miw={0}>
              <Text fw={700} size="lg" lh={1.2}>
                Asysta
              </Text>
              <Text size="sm" c="dimmed" truncate="end" title={status.officeName ?? undefined} data-testid="office-name">
                {status.officeName ?? ''}
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            {showUser && (
              // The user's own name keeps its room (up to 30% of the window); the office name gives way first.
              <Stack gap={0} align="flex-end" miw={0} maw="30vw">
                <Text fw={600} size="sm" truncate="end" maw="100%" title={user.fullName} data-testid="user-name">
                  {user.fullName}
                </Text>
                <Text size="xs" c="dimmed" truncate="end" maw="100%" title={ROLE_LABELS[user.role]} data-testid="user-role">
                  {ROLE_LABELS[user.role]}
                </Text>
              </Stack>
            )}
            <Button variant="default" onClick={() => void lock()} style={{ flexShrink: 0 }}>
              Zablokuj
            </Button>
            <Button variant="default" onClick={() => void logout()} style={{ flexShrink: 0 }}>
              Wyloguj
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      {/* Folded away (narrow window, large text): out of the Tab order and hidden from screen readers too. */}
      <AppShell.Navbar p="sm" aria-label="Menu główne" inert={!wide && !navOpened}>
        <AppShell.Section grow>
          {NAV.filter((n) => allowed(n, user.role, isAdmin, canBackup)).map((n) => link(n.route, n.label))}
        </AppShell.Section>
        <AppShell.Section>
          <Box px="sm" pb="sm">
            <DisplaySwitch />
          </Box>
          <Text size="xs" c="dimmed" px="sm" pb={4}>
            Moje konto: {user.login}
          </Text>
          {link('password', 'Zmień hasło')}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main className="app-main">
        <Stack gap="lg" maw={1200}>
          {page}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
