import { createContext, use, useState, type ReactNode } from 'react';
import { spansSeveralOrgs, useSignedInUser } from './permissions';

/** The org chosen in the header's switcher: lists and exports add `orgId` for its subtree. */
interface OrgFilter {
  orgId: number | undefined;
  setOrgId: (orgId: number | undefined) => void;
  canSwitch: boolean;
}

const OrgFilterContext = createContext<OrgFilter>({
  orgId: undefined,
  setOrgId: () => undefined,
  canSwitch: false,
});

const storageKey = (userId: number) => `kjj.orgFilter.${userId}`;

function readStored(userId: number): number | undefined {
  const value = Number(localStorage.getItem(storageKey(userId)));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function OrgFilterProvider({ children }: { children: ReactNode }) {
  const me = useSignedInUser();
  const canSwitch = spansSeveralOrgs(me);
  const [orgId, setState] = useState(() => (canSwitch ? readStored(me.id) : undefined));
  const setOrgId = (next: number | undefined) => {
    setState(next);
    if (next === undefined) localStorage.removeItem(storageKey(me.id));
    else localStorage.setItem(storageKey(me.id), String(next));
  };
  return <OrgFilterContext value={{ orgId, setOrgId, canSwitch }}>{children}</OrgFilterContext>;
}

export const useOrgFilter = (): OrgFilter => use(OrgFilterContext);
