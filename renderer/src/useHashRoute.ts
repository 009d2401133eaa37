import { useCallback, useEffect, useState } from 'react';

export const ROUTES = ['home', 'families', 'users', 'audit', 'settings', 'password', 'backup', 'decisions', 'work-settings', 'reports', 'retention'] as const;
export type Route = (typeof ROUTES)[number];

function parse(hash: string): Route {
  // Only the first segment names the section (e.g. '#/families/f/<id>' is 'families').
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

export function hrefOf(route: Route): string {
  return route === 'home' ? '#/' : `#/${route}`;
}

/** A minimal hash router: the section survives a lock/unlock and works from file://. */
export function useHashRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((r: Route) => {
    window.location.hash = hrefOf(r);
  }, []);
  return [route, navigate];
}
