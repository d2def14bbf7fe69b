import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../components/CursorPager';
import type { EntityList } from './use-entity-list';

/** The entity list's pager: cursor pages and the (possibly estimated) total. */
export function Pager({ list }: { list: EntityList }) {
  const { t } = useTranslation();
  const summary =
    list.total === undefined
      ? null
      : list.totalIsEstimate
        ? t('list.totalEstimate', { count: list.total })
        : t('list.total', { count: list.total });
  return (
    <CursorPager
      pageNumber={list.pageNumber}
      hasPrevious={list.hasPrevious}
      hasNext={list.hasNext}
      busy={list.isFetching}
      onPrevious={list.previous}
      onNext={list.next}
      summary={summary}
    />
  );
}
