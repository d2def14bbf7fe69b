import type { EntityDef } from '@kjj/domain';
import { Alert, Card, Grid } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrgFilter } from '../../app/org-filter';
import { useCan } from '../../app/permissions';
import { useLang } from '../../i18n/use-lang';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRefData } from '../fields/use-ref-data';
import { Forbidden, NotFound } from '../RouteResults';
import { useRouteEntity } from '../use-route-entity';
import { EntityCards } from './EntityCards';
import { EntityTable } from './EntityTable';
import { FilterPanel } from './FilterPanel';
import { ListActions } from './ListActions';
import { exportParams, readListState, writeListState, type ListState } from './list-params';
import { ListToolbar } from './ListToolbar';
import { Pager } from './Pager';
import { useColumnChoice } from './use-column-choice';
import { useEntityList } from './use-entity-list';

// Upload, progress and result screens load only when someone starts an import.
const ImportWizard = lazy(async () => ({ default: (await import('../import/ImportWizard')).ImportWizard }));

/** `/e/:plural`: the generic list of any entity in ENTITIES. */
export function EntityListPage() {
  const { def } = useRouteEntity();
  const can = useCan();
  if (!def) return <NotFound />;
  if (!can(def.permissions.read)) return <Forbidden />;
  // Keyed so that moving between entities starts with fresh state.
  return <EntityList key={def.name} def={def} />;
}

function EntityList({ def }: { def: EntityDef }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const isPhone = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => readListState(def, new URLSearchParams(search)), [def, search]);
  const { orgId, canSwitch } = useOrgFilter();
  const refs = useRefData(def);
  const columns = useColumnChoice(def, canSwitch ? [...def.list.columns, 'orgId'] : def.list.columns);
  const list = useEntityList(def, state, orgId);
  const [filtersOpen, setFiltersOpen] = useState(() => Object.keys(state.filters).length > 0);
  const [importing, setImporting] = useState(false);
  useDocumentTitle(pick(def.label));

  const update = (next: Partial<ListState>) => setSearchParams(writeListState({ ...state, ...next }));
  // The owner org comes right after the name when the list spans several orgs.
  const leading = [def.display, ...(columns.columns.includes('orgId') ? ['orgId'] : [])];
  const visible = [...leading, ...columns.columns.filter((c) => !leading.includes(c))];

  return (
    <>
      <div className="kjj-page-header">
        <h1>{pick(def.label)}</h1>
        <ListActions
          def={def}
          exportQuery={exportParams(state, orgId)}
          onImport={() => setImporting(true)}
          compact={isPhone}
        />
      </div>
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: isPhone ? 12 : 16 } }}>
        <ListToolbar
          def={def}
          state={state}
          onChange={update}
          filtersOpen={filtersOpen}
          onToggleFilters={() => setFiltersOpen(!filtersOpen)}
          columns={columns}
          isPhone={isPhone}
        />
        {filtersOpen && (
          <div style={{ marginTop: 16 }}>
            <FilterPanel
              def={def}
              refs={refs}
              filters={state.filters}
              onApply={(filters) => update({ filters })}
            />
          </div>
        )}
      </Card>
      {state.trash && (
        <Alert type="info" showIcon message={t('list.trashHint')} style={{ marginBottom: 12 }} />
      )}
      {list.error && (
        <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />
      )}
      <Card size="small" styles={{ body: { padding: isPhone ? 8 : 16 } }}>
        {isPhone ? (
          <EntityCards
            def={def}
            rows={list.rows}
            columns={visible}
            refs={refs}
            loading={list.isLoading}
            trash={state.trash}
          />
        ) : (
          <EntityTable
            def={def}
            rows={list.rows}
            columns={visible}
            refs={refs}
            sort={state.sort ?? def.list.sort}
            onSort={(sort) => update({ sort })}
            loading={list.isFetching}
            trash={state.trash}
          />
        )}
        <Pager list={list} />
      </Card>
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard def={def} onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </>
  );
}
